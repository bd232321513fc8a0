//===- LowerLinear.cpp - conv2d / fully_connected / matmul to integer ----===//
//
// The linear ops of -qnn-lower-to-integer (LowerToInteger.h). Constant
// weights: the weight zero point is subtracted at compile time and the
// input zero point times the weight sums enters an int32 bias (a matmul,
// which has no bias operand, and a conv whose centered weights need 16 bits
// center their input at run time instead). Runtime
// weights (ConvInteger, MatMulInteger, QLinearConv / QLinearMatMul with
// weights as graph inputs): both operands are centered at run time by an
// identity qnn.rescale into i16 (q - z, exact) and the op runs on those.
// Then the accumulator is rescaled to the result's parameters (or
// dequantized at s_x * s_w, or returned as the i32 result).
//
//===----------------------------------------------------------------------===//

#include "LowerToInteger.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::intlower;

//===----------------------------------------------------------------------===//
// conv2d / fully_connected / matmul
//===----------------------------------------------------------------------===//

namespace {
/// The operands of a linear op viewed uniformly: weights are [O, K...] for
/// conv2d/fully_connected; a rank-2 matmul right-hand side [K, N] is
/// transposed into that layout when it must be folded.
struct LinearView {
  Value input, weight, bias;
  int64_t resultChannelDim; // Where output channels live in the result.
  bool isMatmul;
};
} // namespace

LogicalResult IntegerLowering::lowerLinear(Operation *op) {
  LinearView v;
  if (auto conv = llvm::dyn_cast<Conv2DOp>(op))
    v = {conv.getInput(), conv.getWeight(), conv.getBias(), 1, false};
  else if (auto fc = llvm::dyn_cast<FullyConnectedOp>(op))
    v = {fc.getInput(), fc.getWeight(), fc.getBias(), 1, false};
  else {
    auto mm = llvm::cast<MatMulOp>(op);
    v = {mm.getLhs(), mm.getRhs(), Value(), mm.getType().getRank() - 1, true};
  }
  auto inType = llvm::cast<RankedTensorType>(v.input.getType());
  auto resultType = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  std::optional<AffineParams> xParams =
      getAffineParams(inType.getElementType());
  if (!xParams || xParams->axis >= 0)
    return failure();
  xParams = toSigned(*xParams); // The codes are imported signed.
  auto wConst = v.weight.getDefiningOp<ConstantOp>();
  auto wType = llvm::cast<RankedTensorType>(v.weight.getType());
  if (!wType.hasStaticShape() || !isLowerableAffine(wType.getElementType()))
    return failure();
  if (!wConst)
    return lowerRuntimeLinear(op, v.input, v.weight, v.bias, v.resultChannelDim,
                              *xParams);
  if (v.isMatmul && wType.getRank() != 2)
    return failure();

  // Weight codes minus their zero point, laid out [O][K].
  AffineParams wParams = *getAffineParams(wType.getElementType());
  std::optional<SmallVector<int64_t>> codes = readSignedCodes(wConst);
  if (!codes)
    return failure();
  int64_t offset = signedOffset(wParams);
  int64_t channels = v.isMatmul ? wType.getDimSize(1) : wType.getDimSize(0);
  int64_t k = wType.getNumElements() / channels;
  SmallVector<int64_t> centered(codes->size());
  int64_t lo = 0, hi = 0;
  for (int64_t o = 0; o < channels; ++o)
    for (int64_t i = 0; i < k; ++i) {
      // Matmul weights are [K, N]: element (i, o) sits at i * N + o.
      int64_t src = v.isMatmul ? i * channels + o : o * k + i;
      int64_t c = (*codes)[src] - (wParams.zeroPoint(o) - offset);
      centered[src] = c;
      lo = std::min(lo, c);
      hi = std::max(hi, c);
    }
  unsigned wBits = (lo >= -128 && hi <= 127) ? 8 : 16;
  if (lo < -32768 || hi > 32767)
    return failure();

  // Bias: b - zx * sum_k w'[o, k], in int64, must fit int32.
  int64_t zx = xParams->zeroPoint(0);
  SmallVector<int64_t> bias(channels, 0);
  bool hasBias = static_cast<bool>(v.bias);
  if (v.bias) {
    auto bConst = v.bias.getDefiningOp<ConstantOp>();
    if (!bConst || !isLowerableAffine(bConst.getType().getElementType()))
      return failure();
    std::optional<SmallVector<int64_t>> b = readSignedCodes(bConst);
    if (!b)
      return failure();
    for (int64_t o = 0; o < channels; ++o)
      bias[o] = (*b)[b->size() == 1 ? 0 : o];
  }
  // The conv kernels take operands of one width: with 16-bit weights or an
  // input narrower than the weights (4-bit QONNX activations), the conv
  // input is centered at run time into i16 (then no input correction is
  // needed); so is a matmul input with a zero point (a matmul has no bias
  // to carry the correction).
  bool centerInput = (llvm::isa<Conv2DOp>(op) &&
                      (wBits == 16 || xParams->storageBits != wBits)) ||
                     (zx != 0 && v.isMatmul);
  if (centerInput)
    wBits = 16;
  if (zx != 0 && !centerInput) {
    hasBias = true;
    for (int64_t o = 0; o < channels; ++o) {
      int64_t sum = 0;
      for (int64_t i = 0; i < k; ++i)
        sum += centered[o * k + i];
      bias[o] -= zx * sum;
    }
  }
  for (int64_t b : bias)
    if (b < INT32_MIN || b > INT32_MAX)
      return failure();

  // Result handling must be possible before anything is built.
  Type resultElt = resultType.getElementType();
  std::optional<AffineParams> yParams = getAffineParams(resultElt);
  if (getElementKind(resultElt) == ElementKind::Affine &&
      (!yParams || yParams->axis >= 0))
    return failure();

  builder.setInsertionPoint(op);
  Location loc = op->getLoc();
  IntRep x = importValue(v.input);
  Value xCodes = centerInput ? centerCodes(loc, x.codes, zx) : x.codes;
  RankedTensorType wIntType = wType.clone(builder.getIntegerType(wBits));
  Value w = ConstantOp::create(builder, loc, wIntType,
                               intElements(wIntType, centered));
  Value b;
  if (hasBias) {
    auto bType = RankedTensorType::get({channels}, builder.getI32Type());
    b = ConstantOp::create(builder, loc, bType, intElements(bType, bias));
  }
  RankedTensorType accType = resultType.clone(builder.getI32Type());
  Value acc;
  if (auto conv = llvm::dyn_cast<Conv2DOp>(op)) {
    ArrayRef<int64_t> pad = conv.getPadding();
    DenseI64ArrayAttr padding = conv.getPaddingAttr();
    if (zx != 0 && !centerInput &&
        llvm::any_of(pad, [](int64_t p) { return p != 0; })) {
      // Padded positions must read the zero point (real 0), not code 0.
      SmallVector<int64_t> pads = {0, 0, pad[0], pad[1], 0, 0, pad[2], pad[3]};
      auto xt = llvm::cast<RankedTensorType>(xCodes.getType());
      SmallVector<int64_t> shape(xt.getShape());
      shape[2] += pad[0] + pad[2];
      shape[3] += pad[1] + pad[3];
      xCodes = PadOp::create(builder, loc, xt.clone(shape), xCodes,
                             builder.getDenseI64ArrayAttr(pads),
                             builder.getF64FloatAttr(static_cast<double>(zx)));
      padding = builder.getDenseI64ArrayAttr({0, 0, 0, 0});
    }
    acc = Conv2DOp::create(builder, loc, accType, xCodes, w, b,
                           conv.getStridesAttr(), conv.getDilationsAttr(),
                           padding, conv.getGroupsAttr(), IntegerAttr());
  } else if (llvm::isa<FullyConnectedOp>(op)) {
    acc = FullyConnectedOp::create(builder, loc, accType, xCodes, w, b);
  } else {
    acc = MatMulOp::create(builder, loc, accType, xCodes, w);
  }

  return finishLinear(op, acc, *xParams, wParams, v.resultChannelDim);
}

LogicalResult IntegerLowering::finishLinear(Operation *op, Value acc,
                                            const AffineParams &xParams,
                                            const AffineParams &wParams,
                                            int64_t resultChannelDim) {
  // The accumulator's real value is acc * s_x * s_w[o].
  Location loc = op->getLoc();
  auto resultType = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  Type resultElt = resultType.getElementType();
  std::optional<AffineParams> yParams = getAffineParams(resultElt);
  RankedTensorType accType = resultType.clone(builder.getI32Type());
  int64_t channels = wParams.numSlices();
  Value result = op->getResult(0);
  if (resultElt.isSignlessInteger(32)) {
    result.replaceAllUsesWith(acc);
    lowered.insert(op);
    return success();
  }
  if (yParams) {
    AffineParams y = toSigned(*yParams);
    RescaleSpec spec;
    // ONNX Runtime's requantization scale, in f32: (s_x * s_w) / s_y.
    spec.mode = rounding;
    for (int64_t o = 0, e = wParams.numSlices(); o < e; ++o) {
      spec.scales.push_back(static_cast<float>(xParams.scale(0)) *
                            static_cast<float>(wParams.scale(o)) /
                            static_cast<float>(y.scale(0)));
      spec.reals.push_back(xParams.scale(0) * wParams.scale(o) / y.scale(0));
    }
    if (wParams.axis >= 0)
      spec.axis = resultChannelDim;
    spec.outputZp = y.zeroPoint(0);
    spec.min = y.qmin;
    spec.max = y.qmax;
    Value codes = buildRescale(loc, acc, codeType(y), spec);
    if (!codes) {
      errorEmitted = true;
      return op->emitOpError()
             << "requantization scale has no "
             << stringifyRoundingMode(rounding) << " multiplier/shift";
    }
    setRep(result, codes, y);
    lowered.insert(op);
    return success();
  }
  // Float result: dequantize the accumulator at scale s_x * s_w.
  auto floatType = llvm::cast<FloatType>(resultElt);
  Type accElt;
  unsigned flags = quant::QuantizationFlags::Signed;
  if (wParams.axis >= 0) {
    SmallVector<double> scales;
    for (int64_t o = 0; o < channels; ++o)
      scales.push_back(xParams.scale(0) * wParams.scale(o));
    accElt = quant::UniformQuantizedPerAxisType::get(
        flags, builder.getI32Type(), floatType, scales,
        SmallVector<int64_t>(channels, 0),
        static_cast<int32_t>(resultChannelDim), INT32_MIN, INT32_MAX);
  } else {
    accElt = quant::UniformQuantizedType::get(
        flags, builder.getI32Type(), floatType,
        xParams.scale(0) * wParams.scale(0), 0, INT32_MIN, INT32_MAX);
  }
  Value typed =
      quant::StorageCastOp::create(builder, loc, accType.clone(accElt), acc);
  Value real = DequantizeOp::create(builder, loc, resultType, typed);
  result.replaceAllUsesWith(real);
  lowered.insert(op);
  return success();
}

Value IntegerLowering::centerCodes(Location loc, Value codes, int64_t zp) {
  // q - z is exact in i16 for 8-bit codes (an identity rescale).
  RescaleSpec spec;
  spec.scales = {1.0f};
  spec.inputZp = zp;
  spec.min = INT16_MIN;
  spec.max = INT16_MAX;
  return buildRescale(loc, codes, builder.getI16Type(), spec);
}

LogicalResult IntegerLowering::lowerRuntimeLinear(Operation *op, Value input,
                                                  Value weight, Value bias,
                                                  int64_t resultChannelDim,
                                                  const AffineParams &xParams) {
  auto wType = llvm::cast<RankedTensorType>(weight.getType());
  AffineParams wParams = toSigned(*getAffineParams(wType.getElementType()));
  // One zero point per operand: the identity rescale subtracts a scalar.
  if (!llvm::all_equal(wParams.zeroPoints) || xParams.storageBits > 8 ||
      wParams.storageBits > 8)
    return failure();
  auto resultType = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  Type resultElt = resultType.getElementType();
  std::optional<AffineParams> yParams = getAffineParams(resultElt);
  if (getElementKind(resultElt) == ElementKind::Affine &&
      (!yParams || yParams->axis >= 0))
    return failure();
  SmallVector<int64_t> biasCodes;
  if (bias) {
    auto bConst = bias.getDefiningOp<ConstantOp>();
    if (!bConst || !isLowerableAffine(bConst.getType().getElementType()))
      return failure();
    std::optional<SmallVector<int64_t>> b = readSignedCodes(bConst);
    if (!b)
      return failure();
    biasCodes = std::move(*b);
  }

  builder.setInsertionPoint(op);
  Location loc = op->getLoc();
  // Padded positions of the centered input read 0, the real zero.
  Value x = centerCodes(loc, importValue(input).codes, xParams.zeroPoint(0));
  Value w = centerCodes(loc, importValue(weight).codes, wParams.zeroPoint(0));
  Value b;
  if (bias) {
    auto bType = RankedTensorType::get({static_cast<int64_t>(biasCodes.size())},
                                       builder.getI32Type());
    b = ConstantOp::create(builder, loc, bType, intElements(bType, biasCodes));
  }
  RankedTensorType accType = resultType.clone(builder.getI32Type());
  Value acc;
  if (auto conv = llvm::dyn_cast<Conv2DOp>(op))
    acc =
        Conv2DOp::create(builder, loc, accType, x, w, b, conv.getStridesAttr(),
                         conv.getDilationsAttr(), conv.getPaddingAttr(),
                         conv.getGroupsAttr(), IntegerAttr());
  else if (llvm::isa<FullyConnectedOp>(op))
    acc = FullyConnectedOp::create(builder, loc, accType, x, w, b);
  else
    acc = MatMulOp::create(builder, loc, accType, x, w);
  return finishLinear(op, acc, xParams, wParams, resultChannelDim);
}
