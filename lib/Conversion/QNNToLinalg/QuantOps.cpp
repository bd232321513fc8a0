//===- QuantOps.cpp - rescale, quantize, dequantize, scast to linalg -----===//
//
// The rounding rules live here, once, as scalar arithmetic in the body of
// an elementwise linalg.generic (all intermediate values in i64):
//
//   rescale: x = ext(in) - input_zp, then
//     half_even:    r = round_half_even(f32(x) * scale)        (ONNX Runtime;
//                   in i32 / f32 when no step can overflow)
//     double_round: x saturated to int32; with l = max(31 - shift, 0),
//                   r' = max(shift - 31, 0):
//                   h = SaturatingRoundingDoublingHighMul(sat32(x << l), m)
//                   r = RoundingDivideByPOT(h, r')           (gemmlowp/TFLite)
//     single_round: x saturated to int32;
//                   r = (x * m + 2^(shift-1)) >> shift        (TOSA)
//     y = clamp(r + output_zp, min, max), truncated to the result width.
//   quantize:   q = clamp(round_half_even(x / scale), qmin - zp, qmax - zp)
//               + zp, x / scale in f32 (ONNX QuantizeLinear); NaN -> qmin.
//   dequantize: y = f32(q - zp) * scale (ONNX DequantizeLinear).
//
// Parameters per slice along an axis are read from 1-D constants indexed by
// that axis. quant.scast is the identity on storage tensors.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Quant/IR/Quant.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::lowering;

namespace {

/// Per-slice parameters: scalar constants when there is one slice,
/// otherwise generic inputs (1-D constants read along `axis`).
struct ParamInputs {
  SmallVector<Value> tensors;  // Inputs of the generic (per-axis case).
  SmallVector<AffineMap> maps; // Their maps.
  SmallVector<Value> scalars;  // Per-tensor values, one per parameter.
  bool perAxis = false;

  /// Adds a parameter with `values` of element type `type`.
  void add(OpBuilder &b, Location loc, Type type, ArrayRef<double> values,
           unsigned rank, int64_t axis) {
    if (values.size() == 1 && axis < 0) {
      scalars.push_back(scalarConstant(b, loc, type, values[0]));
      return;
    }
    perAxis = true;
    tensors.push_back(constant1D(b, loc, type, values));
    maps.push_back(axisMap(b.getContext(), rank, axis));
  }

  /// Parameter `i` inside the generic body (`args` are the body arguments
  /// after the data input).
  Value get(ValueRange args, unsigned i) const {
    return perAxis ? args[i] : scalars[i];
  }

  /// The elementwise linalg.generic over `outType` reading `input` (identity
  /// map) and the per-axis parameter tensors; `body` computes one result
  /// from the input element and the parameters' block arguments (read them
  /// with get()).
  Value buildGeneric(
      OpBuilder &b, Location loc, RankedTensorType outType, Value input,
      function_ref<Value(OpBuilder &, Location, Value, ValueRange)> body)
      const {
    SmallVector<Value> inputs = {input};
    SmallVector<AffineMap> inputMaps = {
        b.getMultiDimIdentityMap(outType.getRank())};
    llvm::append_range(inputs, tensors);
    llvm::append_range(inputMaps, maps);
    return buildElementwise(
        b, loc, outType, inputs, inputMaps,
        [&](OpBuilder &nested, Location l, ValueRange args) {
          return body(nested, l, args[0], args.drop_front());
        });
  }
};

/// Sign- or zero-extends the integer `v` to i64.
Value extendTo64(OpBuilder &b, Location loc, Value v, bool isUnsigned) {
  Type i64 = b.getI64Type();
  if (v.getType() == i64)
    return v;
  if (isUnsigned)
    return arith::ExtUIOp::create(b, loc, i64, v);
  return arith::ExtSIOp::create(b, loc, i64, v);
}

/// An i64 constant (exact for every 64-bit value, unlike scalarConstant).
Value i64Constant(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(v));
}

/// Clamps the i64 `v` to [lo, hi].
Value clampI64(OpBuilder &b, Location loc, Value v, int64_t lo, int64_t hi) {
  v = arith::MaxSIOp::create(b, loc, v, i64Constant(b, loc, lo));
  return arith::MinSIOp::create(b, loc, v, i64Constant(b, loc, hi));
}

/// gemmlowp SaturatingRoundingDoublingHighMul of int32 values held in i64
/// (the multiplier is non-negative, so the one saturating case
/// INT32_MIN * INT32_MIN cannot occur).
Value doublingHighMul(OpBuilder &b, Location loc, Value x, Value m) {
  Value prod = arith::MulIOp::create(b, loc, x, m);
  Value zero = i64Constant(b, loc, 0);
  Value nonNeg =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, prod, zero);
  // Ops are created in statement order: as call arguments their order
  // would be unspecified (gcc and clang differ).
  Value nudgeDown = i64Constant(b, loc, 1 - (int64_t{1} << 30));
  Value nudgeUp = i64Constant(b, loc, int64_t{1} << 30);
  Value nudge = arith::SelectOp::create(b, loc, nonNeg, nudgeUp, nudgeDown);
  Value sum = arith::AddIOp::create(b, loc, prod, nudge);
  return arith::DivSIOp::create(b, loc, sum,
                                i64Constant(b, loc, int64_t{1} << 31));
}

/// gemmlowp RoundingDivideByPOT: x / 2^e rounded half away from zero.
Value roundingDivideByPOT(OpBuilder &b, Location loc, Value x, Value e) {
  Value one = i64Constant(b, loc, 1);
  Value zero = i64Constant(b, loc, 0);
  Value mask =
      arith::SubIOp::create(b, loc, arith::ShLIOp::create(b, loc, one, e), one);
  Value rem = arith::AndIOp::create(b, loc, x, mask);
  Value neg = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x, zero);
  Value negOne = arith::SelectOp::create(b, loc, neg, one, zero);
  Value threshold = arith::AddIOp::create(
      b, loc, arith::ShRSIOp::create(b, loc, mask, one), negOne);
  Value up =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, rem, threshold);
  Value shifted = arith::ShRSIOp::create(b, loc, x, e);
  return arith::AddIOp::create(b, loc, shifted,
                               arith::SelectOp::create(b, loc, up, one, zero));
}

} // namespace

std::optional<HalfEvenRescale32>
mlir::qnn::getHalfEvenRescale32(RescaleOp op, Type inputElement) {
  if (op.getRounding() != RoundingMode::HalfEven || !op.getScale() ||
      !inputElement.isSignlessInteger())
    return std::nullopt;
  // The getters return the attributes' storage as unsigned integers.
  HalfEvenRescale32 r;
  r.inputZp = static_cast<int32_t>(op.getInputZp());
  r.outputZp = static_cast<int32_t>(op.getOutputZp());
  r.lo = static_cast<int64_t>(op.getMin());
  r.hi = static_cast<int64_t>(op.getMax());
  r.inputUnsigned = op.getInputUnsigned();
  unsigned width = inputElement.getIntOrFloatBitWidth();
  // x - input_zp in i32: narrow inputs with a moderate zero point, or a
  // signed 32-bit input without one.
  bool inputFits = (width <= 16 && std::abs(r.inputZp) < (int64_t{1} << 30)) ||
                   (width == 32 && r.inputZp == 0 && !r.inputUnsigned);
  auto exactInF32 = [](int64_t v) { return std::abs(v) < (int64_t{1} << 24); };
  if (!inputFits || !exactInF32(r.lo - r.outputZp) ||
      !exactInF32(r.hi - r.outputZp))
    return std::nullopt;
  return r;
}

// The same values as the i64 form: the f32 conversion of x is the same, and
// clamping the integral product to [lo - zp, hi - zp] before the conversion
// equals clamping after adding zp.
Value mlir::qnn::buildHalfEvenRescale32(OpBuilder &b, Location loc,
                                        const HalfEvenRescale32 &r, Value x,
                                        Value scale, Type outElement) {
  auto like = [&](Type elem) -> Type {
    if (auto vec = llvm::dyn_cast<VectorType>(x.getType()))
      return vec.clone(elem);
    return elem;
  };
  Type i32 = like(b.getI32Type()), f32 = like(b.getF32Type());
  if (getElementTypeOrSelf(x.getType()).getIntOrFloatBitWidth() < 32)
    x = r.inputUnsigned ? arith::ExtUIOp::create(b, loc, i32, x).getResult()
                        : arith::ExtSIOp::create(b, loc, i32, x).getResult();
  if (r.inputZp != 0)
    x = arith::SubIOp::create(
        b, loc, x, constantLike(b, loc, x, b.getI32Type(), r.inputZp));
  Value f = arith::SIToFPOp::create(b, loc, f32, x);
  Value v = roundHalfEvenF32(b, loc, arith::MulFOp::create(b, loc, f, scale));
  v = arith::MaxNumFOp::create(
      b, loc, v,
      constantLike(b, loc, v, b.getF32Type(), double(r.lo - r.outputZp)));
  v = arith::MinNumFOp::create(
      b, loc, v,
      constantLike(b, loc, v, b.getF32Type(), double(r.hi - r.outputZp)));
  Value q = arith::FPToSIOp::create(b, loc, i32, v);
  if (r.outputZp != 0)
    q = arith::AddIOp::create(
        b, loc, q, constantLike(b, loc, q, b.getI32Type(), r.outputZp));
  if (outElement.getIntOrFloatBitWidth() == 32)
    return q;
  return arith::TruncIOp::create(b, loc, like(outElement), q);
}

namespace {

struct RescaleLowering : OpConversionPattern<RescaleOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(RescaleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto outType = llvm::cast<RankedTensorType>(op.getType());
    unsigned rank = outType.getRank();
    int64_t axis = op.getAxis() ? static_cast<int64_t>(*op.getAxis()) : -1;
    Type i64 = rewriter.getI64Type(), f32 = rewriter.getF32Type();
    RoundingMode mode = op.getRounding();

    // Parameters: scale (f32) for half_even; multiplier, shift, and the
    // derived left/right shifts for the fixed-point modes.
    ParamInputs params;
    if (mode == RoundingMode::HalfEven) {
      SmallVector<double> scales;
      ArrayRef<float> scaleAttr = *op.getScale();
      for (float s : scaleAttr)
        scales.push_back(s);
      params.add(rewriter, loc, f32, scales, rank, axis);
    } else {
      SmallVector<double> mult, shift, left, right;
      ArrayRef<int32_t> multAttr = *op.getMultiplier();
      ArrayRef<int8_t> shiftAttr = *op.getShift();
      for (int32_t m : multAttr)
        mult.push_back(m);
      for (int8_t s : shiftAttr) {
        shift.push_back(s);
        left.push_back(std::max(31 - s, 0));
        right.push_back(std::max(s - 31, 0));
      }
      params.add(rewriter, loc, i64, mult, rank, axis);
      params.add(rewriter, loc, i64, shift, rank, axis);
      params.add(rewriter, loc, i64, left, rank, axis);
      params.add(rewriter, loc, i64, right, rank, axis);
    }

    int64_t inputZp = static_cast<int32_t>(op.getInputZp());
    int64_t outputZp = static_cast<int32_t>(op.getOutputZp());
    int64_t lo = static_cast<int64_t>(op.getMin());
    int64_t hi = static_cast<int64_t>(op.getMax());
    bool inUnsigned = op.getInputUnsigned();

    // half_even in 32-bit arithmetic when nothing can overflow it.
    Type inElt = getElementTypeOrSelf(adaptor.getInput().getType());
    if (std::optional<HalfEvenRescale32> r32 =
            getHalfEvenRescale32(op, inElt)) {
      Value result = params.buildGeneric(
          rewriter, loc, outType, adaptor.getInput(),
          [&](OpBuilder &b, Location l, Value in, ValueRange p) -> Value {
            return buildHalfEvenRescale32(b, l, *r32, in, params.get(p, 0),
                                          outType.getElementType());
          });
      rewriter.replaceOp(op, result);
      return success();
    }

    Value result = params.buildGeneric(
        rewriter, loc, outType, adaptor.getInput(),
        [&](OpBuilder &b, Location l, Value in, ValueRange p) -> Value {
          Value x = extendTo64(b, l, in, inUnsigned);
          x = arith::SubIOp::create(b, l, x, i64Constant(b, l, inputZp));
          Value r;
          if (mode == RoundingMode::HalfEven) {
            Value f = arith::SIToFPOp::create(b, l, f32, x);
            Value prod = arith::MulFOp::create(b, l, f, params.get(p, 0));
            Value rounded = roundHalfEvenF32(b, l, prod);
            // Keep the conversion defined: |r| <= 2^40 saturates anyway.
            Value bound = scalarConstant(b, l, f32, 1099511627776.0);
            Value negBound = scalarConstant(b, l, f32, -1099511627776.0);
            rounded = arith::MaxNumFOp::create(b, l, rounded, negBound);
            rounded = arith::MinNumFOp::create(b, l, rounded, bound);
            r = arith::FPToSIOp::create(b, l, i64, rounded);
          } else {
            x = clampI64(b, l, x, INT32_MIN, INT32_MAX);
            Value m = params.get(p, 0), s = params.get(p, 1);
            if (mode == RoundingMode::DoubleRound) {
              Value shifted = arith::ShLIOp::create(b, l, x, params.get(p, 2));
              shifted = clampI64(b, l, shifted, INT32_MIN, INT32_MAX);
              Value h = doublingHighMul(b, l, shifted, m);
              r = roundingDivideByPOT(b, l, h, params.get(p, 3));
            } else {
              // (x * m + 2^(s-1)) >> s, no rounding term when s = 0.
              Value prod = arith::MulIOp::create(b, l, x, m);
              Value one = i64Constant(b, l, 1);
              Value zero = i64Constant(b, l, 0);
              Value sm1 = arith::SubIOp::create(b, l, s, one);
              Value half = arith::ShLIOp::create(b, l, one, sm1);
              Value positive = arith::CmpIOp::create(
                  b, l, arith::CmpIPredicate::sgt, s, zero);
              half = arith::SelectOp::create(b, l, positive, half, zero);
              Value sum = arith::AddIOp::create(b, l, prod, half);
              r = arith::ShRSIOp::create(b, l, sum, s);
            }
          }
          r = arith::AddIOp::create(b, l, r, i64Constant(b, l, outputZp));
          r = clampI64(b, l, r, lo, hi);
          return arith::TruncIOp::create(b, l, outType.getElementType(), r);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Quantize/dequantize parameters of a per-tensor or per-axis type.
ParamInputs affineParams(OpBuilder &b, Location loc, const AffineParams &p,
                         unsigned rank, bool withZeroPoints) {
  ParamInputs params;
  SmallVector<double> scales(p.scales.begin(), p.scales.end());
  SmallVector<double> zps;
  for (int64_t z : p.zeroPoints)
    zps.push_back(static_cast<double>(z));
  params.add(b, loc, b.getF32Type(), scales, rank, p.axis);
  if (withZeroPoints)
    params.add(b, loc, b.getI64Type(), zps, rank, p.axis);
  return params;
}

struct QuantizeLowering : OpConversionPattern<QuantizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(QuantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto qType = llvm::cast<RankedTensorType>(op.getType());
    auto outType =
        llvm::cast<RankedTensorType>(getTypeConverter()->convertType(qType));
    AffineParams p = *getAffineParams(qType.getElementType());
    unsigned rank = outType.getRank();
    ParamInputs params = affineParams(rewriter, loc, p, rank, true);
    Type i64 = rewriter.getI64Type(), f32 = rewriter.getF32Type();
    Value result = params.buildGeneric(
        rewriter, loc, outType, adaptor.getInput(),
        [&](OpBuilder &b, Location l, Value in, ValueRange pa) -> Value {
          Value zp = params.get(pa, 1);
          Value q = arith::DivFOp::create(b, l, in, params.get(pa, 0));
          Value r = roundHalfEvenF32(b, l, q);
          // Saturate in f32 (bounds qmin - zp, qmax - zp are exact), NaN
          // going to the lower bound, then add the zero point.
          Value zpF = arith::SIToFPOp::create(b, l, f32, zp);
          Value lo = arith::SubFOp::create(
              b, l, scalarConstant(b, l, f32, static_cast<double>(p.qmin)),
              zpF);
          Value hi = arith::SubFOp::create(
              b, l, scalarConstant(b, l, f32, static_cast<double>(p.qmax)),
              zpF);
          r = arith::MaxNumFOp::create(b, l, r, lo);
          r = arith::MinNumFOp::create(b, l, r, hi);
          Value v = arith::FPToSIOp::create(b, l, i64, r);
          v = arith::AddIOp::create(b, l, v, zp);
          return arith::TruncIOp::create(b, l, outType.getElementType(), v);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct DequantizeLowering : OpConversionPattern<DequantizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DequantizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto qType = llvm::cast<RankedTensorType>(op.getInput().getType());
    auto outType = llvm::cast<RankedTensorType>(op.getType());
    AffineParams p = *getAffineParams(qType.getElementType());
    unsigned rank = outType.getRank();
    ParamInputs params = affineParams(rewriter, loc, p, rank, true);
    Type f32 = rewriter.getF32Type();
    Value result = params.buildGeneric(
        rewriter, loc, outType, adaptor.getInput(),
        [&](OpBuilder &b, Location l, Value in, ValueRange pa) -> Value {
          Value q = extendTo64(b, l, in, !p.isSigned);
          Value centered = arith::SubIOp::create(b, l, q, params.get(pa, 1));
          Value f = arith::SIToFPOp::create(b, l, f32, centered);
          return arith::MulFOp::create(b, l, f, params.get(pa, 0));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// quant.scast: both sides have the same storage tensor type.
struct StorageCastLowering : OpConversionPattern<quant::StorageCastOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(quant::StorageCastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type target = getTypeConverter()->convertType(op.getType());
    if (target != adaptor.getInput().getType())
      return rewriter.notifyMatchFailure(op, "storage types differ");
    rewriter.replaceOp(op, adaptor.getInput());
    return success();
  }
};

} // namespace

void mlir::qnn::lowering::populateQuantPatterns(const TypeConverter &tc,
                                                RewritePatternSet &p) {
  p.add<RescaleLowering, QuantizeLowering, DequantizeLowering,
        StorageCastLowering>(tc, p.getContext());
}
