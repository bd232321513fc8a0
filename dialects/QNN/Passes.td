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

def QNNQuantizeWeights : Pass<"qnn-quantize-weights", "ModuleOp"> {
  let summary = "Post-training quantization of constant weights";
  let description = [{
    Quantizes the constant float weights of `conv2d`, `fully_connected` and
    (right-hand side) `matmul` with one of the post-training quantizers of
    the literature, and rewrites each weight `W` into
    `qnn.dequantize(qnn.constant <codes>)`: the graph stays float-typed and
    valid, and the quantized weight type carries the parameters for scale
    propagation and requantization folding.

    Schemes (`scheme=`):
    * `affine` - asymmetric min/max ([min(W,0), max(W,0)] onto the integer
      range, with a zero point);
    * `symmetric` - zero point 0, q_min maps to -max|W| (PyTorch / ONNX);
    * `symmetric-narrow` - zero point 0, range -(2^(b-1)-1)..2^(b-1)-1
      (TensorFlow / TensorRT);
    * `pow2` - power-of-two fixed point: the scale 2^e that maximizes the
      SQNR, codes saturated to the signed b-bit range;
    * `binary` - XNOR-Net: sign(W), alpha = mean|W| (ignores `bits`);
    * `ternary` - TWN: Delta = 0.7 mean|W|, alpha = mean of the kept |W|
      (ignores `bits`);
    * `kmeans` - a codebook of 2^b centroids (Lloyd, linear
      initialization), per tensor.

    Granularity (`granularity=`): `tensor`, `channel` (output channel: axis
    0 of conv/fc weights, the last axis of a matmul right-hand side), or
    `group` (blocks of `group-size` elements along the reduction axis within
    each output channel, as `!quant.uniform` sub-channel types; affine and
    pow2 only). `binary` and `ternary` work per tensor or per channel.

    With `report=<file.json>` the pass writes one JSON record per quantized
    tensor with its SQNR, 10 log10(sum W^2 / sum (W - W_hat)^2) in dB (null
    when the quantization is exact).
  }];
  let options = [
    Option<"scheme", "scheme", "std::string", /*default=*/"\"symmetric\"",
           "affine | symmetric | symmetric-narrow | pow2 | binary | ternary | kmeans">,
    Option<"bits", "bits", "unsigned", /*default=*/"8",
           "Bits per weight (2..16 for affine and pow2, 1..8 for kmeans)">,
    Option<"isUnsigned", "unsigned", "bool", /*default=*/"false",
           "Unsigned storage for the affine scheme">,
    Option<"granularity", "granularity", "std::string", /*default=*/"\"channel\"",
           "tensor | channel | group">,
    Option<"groupSize", "group-size", "int64_t", /*default=*/"32",
           "Elements per group along the reduction axis (granularity=group)">,
    Option<"report", "report", "std::string", /*default=*/"\"\"",
           "Write a JSON SQNR report to this file">
  ];
  let dependentDialects = ["::mlir::qnn::QNNDialect",
                           "::mlir::quant::QuantDialect"];
}

#endif // QUANT_DIALECT_QNN_PASSES_TD
