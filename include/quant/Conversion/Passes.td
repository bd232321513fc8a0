//===- Passes.td - qnn conversion passes -------------------*- tablegen -*-===//
//
// Passes that leave the qnn dialect: qnn ops to linalg/tensor/arith/math on
// tensors. Implemented in lib/Conversion/<Name>/.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_CONVERSION_PASSES_TD
#define QUANT_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertQNNToLinalg : Pass<"convert-qnn-to-linalg", "ModuleOp"> {
  let summary = "Lower float and integer-form qnn ops to linalg on tensors";
  let description = [{
    Rewrites every qnn op of the float form and of the integer form
    (docs/architecture.md, "IR levels") into linalg, tensor, arith and math
    ops on tensors, ready for tiling, vectorization and bufferization:

    * `conv2d` becomes a zero `tensor.pad` of its input (if padded) and one
      `linalg.contract` per kernel tap (ky, kx) over strided slices of the
      input, accumulating into the broadcast bias: each tap is a grouped
      matrix product [G, O/G, C/G] x [N, G, C/G, OH, OW], so groups and
      depthwise convolutions are the same code; `fully_connected` and
      `matmul` (numpy-broadcast batches) become one `linalg.contract`.
      Integer operands are sign-extended to the i32 accumulator.
    * `add`/`mul`/`clamp`/`sign`/`batch_norm`/`softmax`, `rescale`,
      `quantize` and `dequantize` become `linalg.generic` ops (softmax
      subtracts the row maximum first); pooling uses the linalg pooling
      ops on a padded input (-inf / the minimum integer for max pooling);
      data movement uses `tensor.pad`, `linalg.transpose`,
      `tensor.collapse_shape`/`expand_shape` and `tensor.insert_slice`.
    * `!quant.uniform` tensors become tensors of their signless storage
      integers (function signatures included); `quant.scast` disappears.

    Rounding is explicit: `rescale` implements half_even (f32 product,
    ties to even), double_round (gemmlowp SaturatingRoundingDoublingHighMul
    then RoundingDivideByPOT) and single_round (TOSA SINGLE_ROUND) in i64
    arithmetic; `quantize` is ONNX QuantizeLinear (x / scale in f32, ties to
    even, + zero point, saturate). No libm call is emitted.

    Ops without a lowering (quantized-type form such as `qnn.add` on
    `!quant.uniform`, binary/ternary/codebook values, `binarize`,
    `requantize`) are reported with their location and the pass fails.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect"
  ];
}

#endif // QUANT_CONVERSION_PASSES_TD
