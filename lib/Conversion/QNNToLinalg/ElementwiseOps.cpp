//===- ElementwiseOps.cpp - elementwise qnn ops to linalg.generic --------===//
//
// add, sub, mul, div, clamp, sign, leaky_relu and sigmoid, and the plain
// integer ops int_add, int_sub, int_mul, int_div and int_clamp. Each op is
// one all-parallel linalg.generic over the result shape; the binary ops
// read their operands through numpy-broadcasting maps (size-1 dimensions
// that broadcast are collapsed away, see broadcastOperand). sub and div are
// float only (the integer form expands them to float), as are leaky_relu
// and sigmoid; the int_* ops wrap around like the arith ops they become.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::lowering;

namespace {

/// The elementwise generic of a binary op whose operands `lhs`, `rhs`
/// broadcast to its result shape; `body` combines two elements.
Value buildBroadcastBinary(
    OpBuilder &b, Operation *op, Value lhs, Value rhs,
    function_ref<Value(OpBuilder &, Location, Value, Value)> body) {
  Location loc = op->getLoc();
  auto outType = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  auto [x, xMap] = broadcastOperand(b, loc, lhs, outType.getShape());
  auto [y, yMap] = broadcastOperand(b, loc, rhs, outType.getShape());
  return buildElementwise(b, loc, outType, {x, y}, {xMap, yMap},
                          [&](OpBuilder &b, Location l, ValueRange a) {
                            return body(b, l, a[0], a[1]);
                          });
}

/// add / mul (float or integer), sub / div (float): arithmetic with
/// broadcasting.
template <typename OpTy, typename FloatOp, typename IntOp>
struct BroadcastBinaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    bool isFloat = llvm::isa<FloatType>(getElementTypeOrSelf(op.getType()));
    rewriter.replaceOp(
        op, buildBroadcastBinary(
                rewriter, op, adaptor.getLhs(), adaptor.getRhs(),
                [&](OpBuilder &b, Location l, Value x, Value y) -> Value {
                  if (isFloat)
                    return FloatOp::create(b, l, x, y);
                  return IntOp::create(b, l, x, y);
                }));
    return success();
  }
};

/// The scalar body of an int_* binary op on the integers `x` and `y`.
Value integerBody(IntAddOp, OpBuilder &b, Location l, Value x, Value y) {
  return arith::AddIOp::create(b, l, x, y);
}
Value integerBody(IntSubOp, OpBuilder &b, Location l, Value x, Value y) {
  return arith::SubIOp::create(b, l, x, y);
}
Value integerBody(IntMulOp, OpBuilder &b, Location l, Value x, Value y) {
  return arith::MulIOp::create(b, l, x, y);
}

/// int_div without traps: a zero divisor gives 0 and, signed, MIN / -1
/// wraps to MIN (computed as 0 - x); the divisor arith sees is never 0 or
/// -1 in those cases.
Value integerBody(IntDivOp op, OpBuilder &b, Location l, Value x, Value y) {
  Type t = x.getType();
  Value zero = arith::ConstantOp::create(b, l, b.getIntegerAttr(t, 0));
  Value one = arith::ConstantOp::create(b, l, b.getIntegerAttr(t, 1));
  Value isZero = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, y, zero);
  if (op.getIsUnsigned()) {
    Value safe = arith::SelectOp::create(b, l, isZero, one, y);
    Value q = arith::DivUIOp::create(b, l, x, safe);
    return arith::SelectOp::create(b, l, isZero, zero, q);
  }
  Value minusOne = arith::ConstantOp::create(b, l, b.getIntegerAttr(t, -1));
  Value isMinusOne =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, y, minusOne);
  Value special = arith::OrIOp::create(b, l, isZero, isMinusOne);
  Value safe = arith::SelectOp::create(b, l, special, one, y);
  Value q = arith::DivSIOp::create(b, l, x, safe);
  Value negated = arith::SubIOp::create(b, l, zero, x);
  q = arith::SelectOp::create(b, l, isMinusOne, negated, q);
  return arith::SelectOp::create(b, l, isZero, zero, q);
}

/// int_add / int_sub / int_mul / int_div: integer arithmetic with
/// broadcasting (see integerBody).
template <typename OpTy>
struct IntegerBinaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, buildBroadcastBinary(
                rewriter, op, adaptor.getLhs(), adaptor.getRhs(),
                [&](OpBuilder &b, Location l, Value x, Value y) -> Value {
                  return integerBody(op, b, l, x, y);
                }));
    return success();
  }
};

/// int_clamp: max(x, min) then min(., max), signed or unsigned.
struct IntClampLowering : OpConversionPattern<IntClampOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(IntClampOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = llvm::cast<RankedTensorType>(op.getType());
    Type elt = type.getElementType();
    unsigned width = elt.getIntOrFloatBitWidth();
    auto bound = [&](int64_t v) -> Value {
      APInt value(width, static_cast<uint64_t>(v), /*isSigned=*/true,
                  /*implicitTrunc=*/true);
      return arith::ConstantOp::create(rewriter, loc,
                                       rewriter.getIntegerAttr(elt, value));
    };
    Value lo = bound(op.getMin()), hi = bound(op.getMax());
    bool isUnsigned = op.getIsUnsigned();
    Value result =
        buildElementwise(rewriter, loc, type, adaptor.getInput(),
                         rewriter.getMultiDimIdentityMap(type.getRank()),
                         [&](OpBuilder &b, Location l, ValueRange a) -> Value {
                           if (isUnsigned) {
                             Value v = arith::MaxUIOp::create(b, l, a[0], lo);
                             return arith::MinUIOp::create(b, l, v, hi);
                           }
                           Value v = arith::MaxSIOp::create(b, l, a[0], lo);
                           return arith::MinSIOp::create(b, l, v, hi);
                         });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// clamp: max(x, min) then min(., max); NaN propagates (arith.maximumf).
struct ClampLowering : OpConversionPattern<ClampOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ClampOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = llvm::cast<RankedTensorType>(op.getType());
    Type elt = type.getElementType();
    Value lo =
        scalarConstant(rewriter, loc, elt, op.getMin().convertToDouble());
    Value hi =
        scalarConstant(rewriter, loc, elt, op.getMax().convertToDouble());
    Value result =
        buildElementwise(rewriter, loc, type, adaptor.getInput(),
                         rewriter.getMultiDimIdentityMap(type.getRank()),
                         [&](OpBuilder &b, Location l, ValueRange a) -> Value {
                           Value v = arith::MaximumFOp::create(b, l, a[0], lo);
                           return arith::MinimumFOp::create(b, l, v, hi);
                         });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// sign: 1 where x > 0, -1 where x < 0, else 0 (also for NaN).
struct SignLowering : OpConversionPattern<SignOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SignOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = llvm::cast<RankedTensorType>(op.getType());
    Type elt = type.getElementType();
    Value zero = scalarConstant(rewriter, loc, elt, 0);
    Value one = scalarConstant(rewriter, loc, elt, 1);
    Value minusOne = scalarConstant(rewriter, loc, elt, -1);
    Value result = buildElementwise(
        rewriter, loc, type, adaptor.getInput(),
        rewriter.getMultiDimIdentityMap(type.getRank()),
        [&](OpBuilder &b, Location l, ValueRange a) -> Value {
          Value pos = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT,
                                            a[0], zero);
          Value neg = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT,
                                            a[0], zero);
          Value v = arith::SelectOp::create(b, l, neg, minusOne, zero);
          return arith::SelectOp::create(b, l, pos, one, v);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// leaky_relu: x where x >= 0, alpha * x elsewhere (NaN stays NaN).
struct LeakyReluLowering : OpConversionPattern<LeakyReluOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(LeakyReluOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = llvm::cast<RankedTensorType>(op.getType());
    Type elt = type.getElementType();
    Value zero = scalarConstant(rewriter, loc, elt, 0);
    Value alpha =
        scalarConstant(rewriter, loc, elt, op.getAlpha().convertToDouble());
    Value result = buildElementwise(
        rewriter, loc, type, adaptor.getInput(),
        rewriter.getMultiDimIdentityMap(type.getRank()),
        [&](OpBuilder &b, Location l, ValueRange a) -> Value {
          Value neg = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT,
                                            a[0], zero);
          Value scaled = arith::MulFOp::create(b, l, a[0], alpha);
          return arith::SelectOp::create(b, l, neg, scaled, a[0]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// sigmoid: 1 / (1 + exp(-x)).
struct SigmoidLowering : OpConversionPattern<SigmoidOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SigmoidOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = llvm::cast<RankedTensorType>(op.getType());
    Type elt = type.getElementType();
    Value one = scalarConstant(rewriter, loc, elt, 1);
    Value result =
        buildElementwise(rewriter, loc, type, adaptor.getInput(),
                         rewriter.getMultiDimIdentityMap(type.getRank()),
                         [&](OpBuilder &b, Location l, ValueRange a) -> Value {
                           Value neg = arith::NegFOp::create(b, l, a[0]);
                           Value e = math::ExpOp::create(b, l, neg);
                           Value d = arith::AddFOp::create(b, l, one, e);
                           return arith::DivFOp::create(b, l, one, d);
                         });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::qnn::lowering::populateElementwisePatterns(const TypeConverter &tc,
                                                      RewritePatternSet &p) {
  p.add<BroadcastBinaryLowering<AddOp, arith::AddFOp, arith::AddIOp>,
        BroadcastBinaryLowering<MulOp, arith::MulFOp, arith::MulIOp>,
        BroadcastBinaryLowering<SubOp, arith::SubFOp, arith::SubIOp>,
        BroadcastBinaryLowering<DivOp, arith::DivFOp, arith::DivSIOp>,
        ClampLowering, SignLowering, LeakyReluLowering, SigmoidLowering,
        IntegerBinaryLowering<IntAddOp>, IntegerBinaryLowering<IntSubOp>,
        IntegerBinaryLowering<IntMulOp>, IntegerBinaryLowering<IntDivOp>,
        IntClampLowering>(tc, p.getContext());
}
