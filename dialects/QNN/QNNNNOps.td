//===- QNNNNOps.td - neural-network compute ops ------------*- tablegen -*-===//
//
// Convolution, matrix products, pooling, batch norm and softmax. Element
// types are polymorphic (float, affine, binary, ternary, codebook); the
// verifiers state which combinations have a meaning.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_QNNNNOPS_TD
#define QUANT_DIALECT_QNN_QNNNNOPS_TD

def QNN_Conv2DOp : QNN_Op<"conv2d", [Pure]> {
  let summary = "2-D convolution (NCHW input, OIHW weights), grouped or depthwise";
  let description = [{
    out[n, o, y, x] = bias[o] + sum_{c, ky, kx} in[n, g*C/G + c,
      y*sy + ky*dy - pad_top, x*sx + kx*dx - pad_left] * w[o, c, ky, kx]
    where g = o / (O/G) and padded positions read zero. `padding` is
    [top, left, bottom, right]; `groups` = C gives a depthwise convolution.

    Shapes: input [N, C, H, W], weight [O, C/G, KH, KW], bias [O], result
    [N, O, OH, OW] with `groups` G >= 1 dividing C and O, `strides` and
    `dilations` >= 1, `padding` >= 0 and
    OH = floor((H + pad_top + pad_bottom - dy*(KH-1) - 1) / sy) + 1
    (OW likewise); a dynamic size skips the checks it takes part in.

    Element types (every operand and the result express the input's float
    type; quantized weights are per tensor or per output channel, axis 0,
    never sub-channel blocks):
    * float input: float, binary, ternary or codebook weights (weight-only
      quantization); float bias and result.
    * affine input, quantized per tensor: affine weights; the bias, if any,
      is `!quant.uniform` with i32 storage, zero point 0 and scale
      s_in * s_w (per channel where the weights are; compared with a relative
      tolerance of 1e-6); the result is float, affine (any scale) or `i32`,
      the raw accumulator whose real value is acc * s_in * s_w (as ONNX
      ConvInteger).
    * binary input (XNOR-popcount): the weights must be binary too, bias and
      result are float; padding then reads `pad_value`, which nonzero
      padding requires and other inputs must not carry: +1 or -1 pad with
      that code, 0 pads with zeros (the padded taps add nothing, which is
      what PyTorch, Larq and Bi-Real-Net exports compute).
    * integer input (the integer form after `qnn-lower-to-integer`):
      signless integer input and weights of at most 16 bits (signed
      values), an optional i32 bias and an i32 result: the plain sum of
      products, padded positions reading 0, wrapping around modulo 2^32
      (as ONNX ConvInteger / MatMulInteger in ONNX Runtime) when it does
      not fit; `qnn-propagate-scales` rejects quantized ops whose
      accumulator could overflow before they reach this form.
    * other inputs (ternary, codebook) have no meaning here.

    Example:

    ```mlir
    %y = qnn.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>}
         : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
    ```
  }];
  let arguments = (ins QNN_4DTensorOf<QNN_LinearInputTypes>:$input,
                       QNN_4DTensorOf<QNN_LinearWeightTypes>:$weight,
                       Optional<QNN_1DTensorOf<QNN_LinearBiasTypes>>:$bias,
                       DefaultValuedAttr<QNN_PositiveI64Array<2>, "{1, 1}">:$strides,
                       DefaultValuedAttr<QNN_PositiveI64Array<2>, "{1, 1}">:$dilations,
                       DefaultValuedAttr<QNN_NonNegativeI64Array<4>,
                                         "{0, 0, 0, 0}">:$padding,
                       DefaultValuedAttr<QNN_PositiveI64Attr, "1">:$groups,
                       OptionalAttr<ConfinedAttr<I64Attr, [IntMinValue<-1>,
                                                IntMaxValue<1>]>>:$pad_value);
  let results = (outs QNN_4DTensorOf<QNN_LinearResultTypes>:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def QNN_MatMulOp : QNN_Op<"matmul", [Pure]> {
  let summary = "batched matrix product [..., M, K] x [..., K, N]";
  let description = [{
    ONNX MatMul semantics for ranks >= 2: the leading (batch) dimensions
    broadcast numpy-style (right-aligned, equal or 1); the result is
    [broadcast batch..., M, N]. Element-type rules are those of
    `qnn.conv2d` with `lhs` as the input and `rhs` as the weights, per-axis
    right-hand weights being quantized along the last (N) dimension.

    Example:

    ```mlir
    %y = qnn.matmul %a, %b : (tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<2x4x16xf32>
    ```
  }];
  let arguments = (ins QNN_TensorMinRankOf<QNN_LinearInputTypes, 2>:$lhs,
                       QNN_TensorMinRankOf<QNN_LinearWeightTypes, 2>:$rhs);
  let results = (outs QNN_TensorMinRankOf<QNN_LinearResultTypes, 2>:$output);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def QNN_FullyConnectedOp : QNN_Op<"fully_connected", [Pure]> {
  let summary = "input [B, K] times weights [O, K] transposed, plus bias [O]";
  let description = [{
    out[b, o] = bias[o] + sum_k in[b, k] * w[o, k] (ONNX Gemm with
    transB = 1); the result is [B, O]. Element-type rules are those of
    `qnn.conv2d`; per-axis weights are quantized along axis 0 (output
    features).

    Example:

    ```mlir
    %y = qnn.fully_connected %x, %w, %b
         : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<10xf32>) -> tensor<1x10xf32>
    ```
  }];
  let arguments = (ins QNN_TensorRankOf<QNN_LinearInputTypes, [2]>:$input,
                       QNN_TensorRankOf<QNN_LinearWeightTypes, [2]>:$weight,
                       Optional<QNN_1DTensorOf<QNN_LinearBiasTypes>>:$bias);
  let results = (outs QNN_TensorRankOf<QNN_LinearResultTypes, [2]>:$output);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def QNN_MaxPool2DOp : QNN_Op<"max_pool2d", [Pure]> {
  let summary = "2-D max pooling over NCHW";
  let description = [{
    Maximum over each window; padded positions never win. `kernel`,
    `strides` and `dilations` have two entries >= 1; `padding` is [top, left,
    bottom, right], each entry >= 0 and smaller than the dilated kernel
    d*(k-1) + 1, so every window sees an input element. Output size per
    spatial dimension is floor((in + pads - d*(k-1) - 1) / s) + 1; with
    `ceil_mode` it is ceil(...) + 1, minus one if the last window would
    start in the end padding (ONNX / PyTorch: every window starts inside the
    input or the begin padding). Batch and channels carry over. The maximum
    is one of the inputs (max commutes with monotone quantization), so input
    and output have the same element type: float, integer or any quantized
    kind.

    Example:

    ```mlir
    %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
         : tensor<1x8x32x32xf32> -> tensor<1x8x16x16xf32>
    ```
  }];
  let arguments = (ins QNN_4DTensorOf<[QNN_ValueElement]>:$input,
                       QNN_PositiveI64Array<2>:$kernel,
                       DefaultValuedAttr<QNN_PositiveI64Array<2>, "{1, 1}">:$strides,
                       DefaultValuedAttr<QNN_PositiveI64Array<2>, "{1, 1}">:$dilations,
                       DefaultValuedAttr<QNN_NonNegativeI64Array<4>,
                                         "{0, 0, 0, 0}">:$padding,
                       UnitAttr:$ceil_mode);
  let results = (outs QNN_4DTensorOf<[QNN_ValueElement]>:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def QNN_MaxPool2DIndicesOp : QNN_Op<"max_pool2d_indices", [Pure]> {
  let summary = "where qnn.max_pool2d finds each maximum (ONNX MaxPool Indices)";
  let description = [{
    The flat index into the input of the maximum of each window, for the
    windows of `qnn.max_pool2d` with the same attributes: for an element at
    (n, c, h, w) of an [N, C, H, W] input, ((n * C + c) * H + h) * W + w,
    or with `column_major` (ONNX storage_order 1) (n * C + c) * H * W +
    w * H + h. Padding never counts. Ties go to the first element in
    row-major window order. The input is float or signless integer
    (compared as signed); the result has the shape of the pooled tensor and
    i64 elements.

    Example:

    ```mlir
    %i = qnn.max_pool2d_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
         : tensor<1x8x32x32xf32> -> tensor<1x8x16x16xi64>
    ```
  }];
  let arguments = (ins QNN_4DTensorOf<[AnyFloat, AnySignlessInteger]>:$input,
                       QNN_PositiveI64Array<2>:$kernel,
                       DefaultValuedAttr<QNN_PositiveI64Array<2>, "{1, 1}">:$strides,
                       DefaultValuedAttr<QNN_PositiveI64Array<2>, "{1, 1}">:$dilations,
                       DefaultValuedAttr<QNN_NonNegativeI64Array<4>,
                                         "{0, 0, 0, 0}">:$padding,
                       UnitAttr:$ceil_mode, UnitAttr:$column_major);
  let results = (outs QNN_4DTensorOf<[I64]>:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def QNN_AvgPool2DOp : QNN_Op<"avg_pool2d", [Pure]> {
  let summary = "2-D average pooling over NCHW";
  let description = [{
    Mean over each window. With `count_include_pad` padded zeros count in the
    divisor; otherwise only real positions do (ONNX default). Shapes follow
    `qnn.max_pool2d` without dilations. Float input gives the same float
    type; affine input gives an affine output with the same storage and
    expressed types but possibly other scale and zero point. Binary, ternary
    and codebook values have no mean in their own type and are rejected.

    Example:

    ```mlir
    %y = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>}
         : tensor<1x8x16x16xf32> -> tensor<1x8x16x16xf32>
    ```
  }];
  let arguments = (ins QNN_4DTensorOf<[AnyFloat, QNN_AffineElement]>:$input,
                       QNN_PositiveI64Array<2>:$kernel,
                       DefaultValuedAttr<QNN_PositiveI64Array<2>, "{1, 1}">:$strides,
                       DefaultValuedAttr<QNN_NonNegativeI64Array<4>,
                                         "{0, 0, 0, 0}">:$padding,
                       UnitAttr:$ceil_mode, UnitAttr:$count_include_pad);
  let results = (outs QNN_4DTensorOf<[AnyFloat, QNN_AffineElement]>:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def QNN_GlobalAvgPoolOp : QNN_Op<"global_avg_pool", [Pure]> {
  let summary = "mean over all spatial positions: [N, C, H, W] -> [N, C, 1, 1]";
  let description = [{
    Element types as for `qnn.avg_pool2d`: float to the same float type, or
    affine to affine with the same storage and expressed types.

    Example:

    ```mlir
    %y = qnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x64x1x1xf32>
    ```
  }];
  let arguments = (ins QNN_4DTensorOf<[AnyFloat, QNN_AffineElement]>:$input);
  let results = (outs QNN_4DTensorOf<[AnyFloat, QNN_AffineElement]>:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def QNN_BatchNormOp : QNN_Op<"batch_norm", [Pure]> {
  let summary = "inference batch normalization over channel axis 1 (float)";
  let description = [{
    y = scale * (x - mean) / sqrt(var + epsilon) + bias, per channel. Only
    defined on float tensors (f32, f16 or bf16, the same type for all five
    operands and the result): quantization folds it into the preceding
    convolution or into a binarization threshold first. The input has at
    least two dimensions, channels C being dimension 1; `scale`, `bias`,
    `mean` and `variance` are 1-D of size C; the result type is the input
    type; `epsilon` > 0.

    Example:

    ```mlir
    %y = qnn.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-05 : f32}
         : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>)
         -> tensor<1x8x4x4xf32>
    ```
  }];
  let arguments = (ins QNN_TensorMinRankOf<[F32, F16, BF16], 2>:$input,
                       QNN_1DTensorOf<[F32, F16, BF16]>:$scale,
                       QNN_1DTensorOf<[F32, F16, BF16]>:$bias,
                       QNN_1DTensorOf<[F32, F16, BF16]>:$mean,
                       QNN_1DTensorOf<[F32, F16, BF16]>:$variance,
                       DefaultValuedAttr<F32Attr, "1.0e-5">:$epsilon);
  let results = (outs QNN_TensorMinRankOf<[F32, F16, BF16], 2>:$output);
  let assemblyFormat = [{
    $input `,` $scale `,` $bias `,` $mean `,` $variance attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def QNN_SoftmaxOp : QNN_Op<"softmax", [Pure]> {
  let summary = "softmax along one axis";
  let description = [{
    y = exp(x - max) / sum(exp(x - max)) along `axis` in [-rank, rank)
    (negative counts from the back). Same shape in and out. Float to the
    same float type, or affine in and out (the output scale, zero point and
    storage are free; the expressed type is the input's).

    Example:

    ```mlir
    %y = qnn.softmax %x {axis = -1 : i64} : tensor<1x10xf32> -> tensor<1x10xf32>
    ```
  }];
  let arguments = (ins QNN_RealTensor:$input,
                       DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs QNN_RealTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

#endif // QUANT_DIALECT_QNN_QNNNNOPS_TD
