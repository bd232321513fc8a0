//===- QNNElementwiseOps.td - elementwise ops --------------*- tablegen -*-===//
//
// Broadcasting arithmetic, clamping (ReLU, ReLU6) and binarization.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_QNNELEMENTWISEOPS_TD
#define QUANT_DIALECT_QNN_QNNELEMENTWISEOPS_TD

class QNN_BroadcastBinaryOp<string mnemonic, string what>
    : QNN_Op<mnemonic, [Pure, Commutative]> {
  let summary = "elementwise " # what # " with numpy broadcasting";
  let description = [{
    Shapes broadcast as in numpy / ONNX. Operands and result are all float,
    or all `!quant.uniform` (each with its own scale and zero point: the op
    computes on real values and requantizes its result, half_even).

    Example:

    ```mlir
    %y = qnn.}] # mnemonic # [{ %a, %b : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
    ```
  }];
  let arguments = (ins QNN_PerTensorRealTensor:$lhs,
                       QNN_PerTensorRealTensor:$rhs);
  let results = (outs QNN_PerTensorRealTensor:$output);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def QNN_AddOp : QNN_BroadcastBinaryOp<"add", "addition">;
def QNN_MulOp : QNN_BroadcastBinaryOp<"mul", "multiplication">;

def QNN_ClampOp : QNN_Op<"clamp", [Pure, SameOperandsAndResultType]> {
  let summary = "clamp real values to [min, max] (ReLU, ReLU6)";
  let description = [{
    y = min(max(x, min), max) on real values; `min` = 0 and `max` = +inf is
    ReLU, `max` = 6 ReLU6. On quantized tensors the bounds act on the
    represented reals (so they can fold into saturation bounds).

    Example:

    ```mlir
    %y = qnn.clamp %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<4xf32>
    ```
  }];
  let arguments = (ins QNN_RealTensor:$input, F32Attr:$min, F32Attr:$max);
  let results = (outs QNN_RealTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def QNN_SignOp : QNN_Op<"sign", [Pure, SameOperandsAndResultType]> {
  let summary = "float sign: -1, 0 or +1 (ONNX Sign)";
  let description = [{
    y = -1 where x < 0, 0 where x == 0, +1 where x > 0, on float tensors.
    Use `qnn.binarize` for the two-valued sign of binarized networks.

    Example:

    ```mlir
    %y = qnn.sign %x : tensor<4xf32>
    ```
  }];
  let arguments = (ins QNN_FloatTensor:$input);
  let results = (outs QNN_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

def QNN_BinarizeOp : QNN_Op<"binarize", [Pure]> {
  let summary = "activations to binary: +1 where x >= threshold, else -1";
  let description = [{
    Produces a `!qnn.binary` tensor (alpha of the result type, usually 1)
    from float or affine input: bit 1 where x >= `threshold` (real value,
    default 0, so sign(0) = +1 as in BNN), bit 0 elsewhere.

    With `thresholds` (one real value per slice along `axis`, e.g. per
    output channel) slice c compares against `thresholds[c]` instead; -inf
    means always +1 and +inf always -1 (comparisons are exact, in the reals;
    a NaN input compares false). This is how a batch norm in front of
    the binarization folds away (FINN's MultiThreshold): sign(k (y - mean)
    + beta) >= 0 is y >= mean - beta / k for k > 0.

    Integer form (after `qnn-lower-to-integer`): the input may also be a
    signless integer tensor (an accumulator or storage codes, compared as
    signed integers) and the result a signless `i8` tensor holding the
    binary values as -1 / +1. There the thresholds are usually integers
    computed at compile time from the float arithmetic they replace.

    Example:

    ```mlir
    %b = qnn.binarize %x : tensor<1x64xf32> -> tensor<1x64x!qnn.binary<f32>>
    %c = qnn.binarize %y {axis = 1 : i64, thresholds = array<f64: 0.5, -1.0>}
         : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!qnn.binary<f32>>
    %d = qnn.binarize %acc {axis = 1 : i64, thresholds = array<f64: 3.0, -7.0>}
         : tensor<1x2xi32> -> tensor<1x2xi8>
    ```
  }];
  let arguments = (ins RankedTensorOf<[AnyFloat, QNN_AffineElement,
                                       AnySignlessInteger]>:$input,
                       DefaultValuedAttr<F32Attr, "0.0">:$threshold,
                       OptionalAttr<DenseF64ArrayAttr>:$thresholds,
                       OptionalAttr<QNN_NonNegativeI64Attr>:$axis);
  let results = (outs RankedTensorOf<[QNN_BinaryElement, I8]>:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

#endif // QUANT_DIALECT_QNN_QNNELEMENTWISEOPS_TD
