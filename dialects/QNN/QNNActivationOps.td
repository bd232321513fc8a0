//===- QNNActivationOps.td - more elementwise ops ----------*- tablegen -*-===//
//
// Elementwise ops beyond QNNElementwiseOps.td that ONNX models use:
// subtraction and division with numpy broadcasting, LeakyReLU and sigmoid.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_QNNACTIVATIONOPS_TD
#define QUANT_DIALECT_QNN_QNNACTIVATIONOPS_TD

// Like QNN_BroadcastBinaryOp, but the operand order matters.
class QNN_OrderedBinaryOp<string mnemonic, string what, string formula,
                          string extra = "">
    : QNN_Op<mnemonic, [Pure]> {
  let summary = "elementwise " # what # " with numpy broadcasting";
  let description = [{
    y = }] # formula # [{ elementwise, with shapes broadcasting as in numpy /
    ONNX (right-aligned; each dimension equal or 1). Operands and result are
    all one float type, or all `!quant.uniform` expressing one float type
    (each with its own scale and zero point: the op computes on real values
    and requantizes its result, half_even).}] # extra # [{

    Example:

    ```mlir
    %y = qnn.}] # mnemonic # [{ %a, %b : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
  let arguments = (ins QNN_RealTensor:$lhs, QNN_RealTensor:$rhs);
  let results = (outs QNN_RealTensor:$output);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def QNN_SubOp : QNN_OrderedBinaryOp<"sub", "subtraction", "lhs - rhs">;
def QNN_DivOp : QNN_OrderedBinaryOp<"div", "division", "lhs / rhs", [{

    Division by zero follows IEEE rules for float tensors. The ONNX importer
    only emits `qnn.div` with a constant, nonzero divisor (normalization by
    fixed statistics), which later passes may turn into a multiplication.}]>;

def QNN_LeakyReluOp : QNN_Op<"leaky_relu", [Pure]> {
  let summary = "leaky rectifier: x where x >= 0, alpha * x elsewhere";
  let description = [{
    y = x for x >= 0 and y = alpha * x for x < 0 (ONNX LeakyRelu; `alpha`
    defaults to 0.01 and must be finite). Same shape in and out. Float input
    gives the same float type; `!quant.uniform` input gives a
    `!quant.uniform` result with the same storage and expressed types (its
    scale and zero point may differ, as the negative side shrinks).

    Example:

    ```mlir
    %y = qnn.leaky_relu %x {alpha = 1.000000e-01 : f32} : tensor<1x8xf32> -> tensor<1x8xf32>
    ```
  }];
  let arguments = (ins QNN_RealTensor:$input,
                       DefaultValuedAttr<F32Attr, "0.01">:$alpha);
  let results = (outs QNN_RealTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def QNN_SigmoidOp : QNN_Op<"sigmoid", [Pure]> {
  let summary = "logistic function 1 / (1 + exp(-x))";
  let description = [{
    Elementwise y = 1 / (1 + exp(-x)) (ONNX Sigmoid). Same shape in and out.
    Float input gives the same float type; `!quant.uniform` input gives a
    `!quant.uniform` result expressing the same float type with free scale,
    zero point and storage (the output range is (0, 1) whatever the input's).

    Example:

    ```mlir
    %y = qnn.sigmoid %x : tensor<1x8xf32> -> tensor<1x8xf32>
    ```
  }];
  let arguments = (ins QNN_RealTensor:$input);
  let results = (outs QNN_RealTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

#endif // QUANT_DIALECT_QNN_QNNACTIVATIONOPS_TD
