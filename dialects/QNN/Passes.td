//===- Passes.td - qnn transformation passes ---------------*- tablegen -*-===//
//
// Every qnn pass is declared here with its options and dependent dialects;
// each is implemented in lib/Dialect/QNN/Transforms/<PassName>.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_PASSES_TD
#define QUANT_DIALECT_QNN_PASSES_TD

include "mlir/Pass/PassBase.td"

def QNNFoldBatchNorm : Pass<"qnn-fold-batch-norm", "func::FuncOp"> {
  let summary = "Fold float batch normalization into the preceding conv2d / fully_connected";
  let description = [{
    Rewrites `batch_norm(conv2d(x, W, b))` where W, b and the batch-norm
    parameters are float constants into `conv2d(x, W', b')` with

      k_o  = scale_o / sqrt(var_o + eps)
      W'_o = W_o * k_o
      b'_o = (b_o - mean_o) * k_o + bias_o

    (per output channel o; a missing bias counts as zero). The same applies
    to `fully_connected` followed by a batch norm over its feature axis.
    Batch norms that cannot fold (non-constant parameters, other producers,
    a producer with other users) are left alone; `-qnn-fold-batch-norm`
    with `strict=true` reports them as errors instead, for pipelines that
    must not leave float batch norms behind.
  }];
  let options = [
    Option<"strict", "strict", "bool", /*default=*/"false",
           "Fail on a batch_norm that cannot be folded">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::qnn::QNNDialect"];
}

#endif // QUANT_DIALECT_QNN_PASSES_TD
