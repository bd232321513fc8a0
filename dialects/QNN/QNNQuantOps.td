//===- QNNQuantOps.td - quantization ops -------------------*- tablegen -*-===//
//
// Ops that change how values are represented: constants of quantized type,
// quantize/dequantize/requantize at the graph level and `rescale` at the
// integer level.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_QNNQUANTOPS_TD
#define QUANT_DIALECT_QNN_QNNQUANTOPS_TD

def QNN_ConstantOp : QNN_Op<"constant", [ConstantLike, Pure]> {
  let summary = "a constant tensor of any qnn element type";
  let description = [{
    Holds constant data, typically weights. `value` has the storage type of
    the result's element type: integers for `!quant.uniform` (zero point
    included), `i1` bits for `!qnn.binary` (1 is +alpha), `i2` in {-1, 0, 1}
    for `!qnn.ternary`, `i<k>` indices smaller than the table size for
    `!qnn.codebook`, and the float values themselves for float results.

    Example:

    ```mlir
    %w = qnn.constant dense<[[-3, 7]]> : tensor<1x2xi8>
         -> tensor<1x2x!quant.uniform<i8:f32, 0.05>>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs QNN_ValueTensor:$output);
  let assemblyFormat = "$value attr-dict `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDeclaration = [{
    /// Checks that `value` holds valid storage values for a tensor of
    /// `type`. On failure, sets `why` (if given) to the reason.
    static ::mlir::LogicalResult verifyValueForType(
        ::mlir::ElementsAttr value, ::mlir::RankedTensorType type,
        std::string *why);
  }];
}

def QNN_QuantizeOp : QNN_Op<"quantize", [Pure]> {
  let summary = "float to quantized";
  let description = [{
    Maps real values to a quantized element type. For `!quant.uniform`
    (ONNX QuantizeLinear): q = saturate(round_half_even(x / scale) + zp),
    per tensor, per axis or per block. For `!qnn.binary`: +alpha where
    x >= 0, else -alpha. For `!qnn.ternary`: sign(x) where |x| exceeds half of
    the scale on that side, else 0. For `!qnn.codebook`: the nearest table
    entry (lowest index on ties).

    Example:

    ```mlir
    %q = qnn.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>>
    ```
  }];
  let arguments = (ins QNN_FloatTensor:$input);
  let results = (outs QNN_QuantizedTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def QNN_DequantizeOp : QNN_Op<"dequantize", [Pure]> {
  let summary = "quantized to float";
  let description = [{
    Maps quantized values back to reals: (q - zp) * scale for
    `!quant.uniform` (ONNX DequantizeLinear), +-alpha for binary, the scaled
    sign for ternary, the table entry for codebook values.

    Example:

    ```mlir
    %x = qnn.dequantize %q : tensor<4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<4xf32>
    ```
  }];
  let arguments = (ins QNN_QuantizedTensor:$input);
  let results = (outs QNN_FloatTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def QNN_RequantizeOp : QNN_Op<"requantize", [Pure]> {
  let summary = "change the scale and zero point of affine-quantized values";
  let description = [{
    Re-expresses `!quant.uniform` values with new parameters:
    q_out = saturate(rnd((q_in - zp_in) * s_in / s_out) + zp_out), where
    `rnd` is the stated rounding mode (see `RoundingMode`). Input and output
    share the expressed type; either may be per axis.

    For `half_even` the multiplier is M = f32(s_in / s_out) (the ratio in
    double, rounded once to f32) and the product f32(q_in - zp_in) * M is
    taken in f32 and rounded half to even, as ONNX Runtime requantizes. The
    fixed-point modes use the int32 multiplier and shift that
    `qnn-lower-to-integer` derives from the same ratio.

    Example:

    ```mlir
    %r = qnn.requantize %q rounding half_even
         : tensor<4x!quant.uniform<i32:f32, 0.001>> -> tensor<4x!quant.uniform<i8:f32, 0.05:2>>
    ```
  }];
  let arguments = (ins QNN_AffineTensor:$input,
                       QNN_RoundingModeAttr:$rounding);
  let results = (outs QNN_AffineTensor:$output);
  let assemblyFormat = [{
    $input `rounding` `` $rounding attr-dict `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def QNN_RescaleOp : QNN_Op<"rescale", [Pure]> {
  let summary = "integer requantization: multiply, shift, offset, saturate";
  let description = [{
    The integer-level form of `requantize` that the integer lowering emits:

      y = clamp(rnd((x - input_zp) * M) + output_zp, min, max)

    For the fixed-point modes (`double_round`, `single_round`) M is
    `multiplier * 2^-shift` with an int32 `multiplier` >= 0 and `shift` in
    [0, 62]. For `half_even`, M is the f32 `scale` and the product is taken
    in f32 (ONNX Runtime semantics). M is per tensor (one entry) or per slice
    along `axis` (one entry per slice). `input_unsigned` / `output_unsigned`
    say how the signless integers are read, as in TOSA; `min` and `max` are
    the saturation bounds (ReLU and ReLU6 fold into them) in the output's
    interpretation.

    Example:

    ```mlir
    %y = qnn.rescale %acc rounding double_round {
           input_zp = 0 : i32, output_zp = -3 : i32,
           multiplier = array<i32: 1518500250>, shift = array<i8: 38>,
           min = -128 : i64, max = 127 : i64} : tensor<8xi32> -> tensor<8xi8>
    ```
  }];
  let arguments = (ins RankedTensorOf<[QNN_SignlessIntUpTo<48>]>:$input,
                       QNN_RoundingModeAttr:$rounding,
                       DefaultValuedAttr<I32Attr, "0">:$input_zp,
                       DefaultValuedAttr<I32Attr, "0">:$output_zp,
                       OptionalAttr<ConfinedAttr<DenseI32ArrayAttr,
                           [DenseArrayNonNegative<DenseI32ArrayAttr>]>>:$multiplier,
                       OptionalAttr<DenseI8ArrayAttr>:$shift,
                       OptionalAttr<DenseF32ArrayAttr>:$scale,
                       OptionalAttr<QNN_NonNegativeI64Attr>:$axis,
                       I64Attr:$min, I64Attr:$max,
                       UnitAttr:$input_unsigned, UnitAttr:$output_unsigned);
  let results = (outs RankedTensorOf<[QNN_SignlessIntUpTo<32>]>:$output);
  let assemblyFormat = [{
    $input `rounding` `` $rounding attr-dict `:` type($input) `->` type($output)
  }];
  let hasVerifier = 1;
}

#endif // QUANT_DIALECT_QNN_QNNQUANTOPS_TD
