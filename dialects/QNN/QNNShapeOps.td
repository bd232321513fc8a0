//===- QNNShapeOps.td - data movement ops ------------------*- tablegen -*-===//
//
// Ops that move values without changing them: reshape, transpose, concat,
// pad. Quantization parameters travel with the values (per-axis axes are
// permuted by transpose).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_QNNSHAPEOPS_TD
#define QUANT_DIALECT_QNN_QNNSHAPEOPS_TD

def QNN_ReshapeOp : QNN_Op<"reshape", [Pure]> {
  let summary = "reinterpret the shape of a tensor (row-major order kept)";
  let description = [{
    The result has the same element type and element count. Per-axis
    quantized tensors may only be reshaped when the quantized axis survives
    unchanged (same size and same product of leading dimensions).

    Example:

    ```mlir
    %y = qnn.reshape %x : tensor<1x64x1x1xf32> -> tensor<1x64xf32>
    ```
  }];
  let arguments = (ins QNN_ValueTensor:$input);
  let results = (outs QNN_ValueTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def QNN_TransposeOp : QNN_Op<"transpose", [Pure]> {
  let summary = "permute dimensions";
  let description = [{
    output dimension i is input dimension `permutation[i]`. A per-axis
    quantized axis a moves to the position i with permutation[i] = a.

    Example:

    ```mlir
    %y = qnn.transpose %x {permutation = array<i64: 0, 2, 3, 1>}
         : tensor<1x8x4x4xf32> -> tensor<1x4x4x8xf32>
    ```
  }];
  let arguments = (ins QNN_ValueTensor:$input, DenseI64ArrayAttr:$permutation);
  let results = (outs QNN_ValueTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def QNN_ConcatOp : QNN_Op<"concat", [Pure]> {
  let summary = "concatenate tensors along one axis";
  let description = [{
    All inputs have the rank of the result and equal sizes except along
    `axis`, whose result size is the sum. Inputs and result are all float or
    all of one quantized kind with one storage type; affine inputs whose
    scales differ from the result's are requantized (half_even) by the op,
    which scale propagation turns into explicit `requantize` ops.

    Example:

    ```mlir
    %y = qnn.concat %a, %b {axis = 1 : i64}
         : (tensor<1x8x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<1x12x4x4xf32>
    ```
  }];
  let arguments = (ins Variadic<QNN_ValueTensor>:$inputs,
                       QNN_NonNegativeI64Attr:$axis);
  let results = (outs QNN_ValueTensor:$output);
  let assemblyFormat = "$inputs attr-dict `:` functional-type($inputs, results)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def QNN_PadConstant : I32EnumAttrCase<"Constant", 0, "constant">;
def QNN_PadEdge : I32EnumAttrCase<"Edge", 1, "edge">;
def QNN_PadReflect : I32EnumAttrCase<"Reflect", 2, "reflect">;

def QNN_PadMode : I32EnumAttr<"PadMode", "what qnn.pad writes into the border",
    [QNN_PadConstant, QNN_PadEdge, QNN_PadReflect]> {
  let cppNamespace = "::mlir::qnn";
  let genSpecializedAttr = 0;
  let description = [{
    The ONNX Pad modes: `constant` writes the pad value, `edge` repeats the
    outermost element, `reflect` mirrors the tensor about its outermost
    element (which is not repeated).
  }];
}

def QNN_PadModeAttr : EnumAttr<QNN_Dialect, QNN_PadMode, "pad_mode"> {
  let assemblyFormat = "$value";
}

def QNN_PadOp : QNN_Op<"pad", [Pure]> {
  let summary = "pad with a constant, the edge values or a reflection";
  let description = [{
    `pads` holds 2*rank non-negative counts, all the leading pads first, then
    all the trailing ones (ONNX order). In `constant` mode (the default)
    the border holds `value`, a real number; for a quantized tensor it must
    be exactly representable (for affine types: it maps to an integer code,
    the zero point for 0.0). `edge` repeats the outermost element of each
    padded dimension (which must not be empty); `reflect` mirrors without
    repeating it, so a dimension of size n takes pads of at most n - 1.
    These two modes copy elements and take no `value`.

    Example:

    ```mlir
    %y = qnn.pad %x {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>}
         : tensor<1x8x4x4xf32> -> tensor<1x8x6x6xf32>
    %z = qnn.pad %x mode reflect {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>}
         : tensor<1x8x4x4xf32> -> tensor<1x8x6x6xf32>
    ```
  }];
  let arguments = (ins QNN_ValueTensor:$input, QNN_NonNegativeI64ArrayAttr:$pads,
                       DefaultValuedAttr<F64Attr, "0.0">:$value,
                       DefaultValuedAttr<QNN_PadModeAttr,
                                         "::mlir::qnn::PadMode::Constant">:$mode);
  let results = (outs QNN_ValueTensor:$output);
  let assemblyFormat = [{
    $input (`mode` `` $mode^)? attr-dict `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // QUANT_DIALECT_QNN_QNNSHAPEOPS_TD
