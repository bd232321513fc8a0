//===- ElementwiseOps.cpp - add, mul, sub, clamp, sign to linalg.generic -===//
//
// Each op is one all-parallel linalg.generic over the result shape; add,
// sub and mul read their operands through numpy-broadcasting maps (size-1
// dimensions that broadcast are collapsed away, see broadcastOperand).
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::lowering;

namespace {

/// add / mul: float or integer arithmetic with broadcasting.
template <typename OpTy, typename FloatOp, typename IntOp>
struct BroadcastBinaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto outType = llvm::cast<RankedTensorType>(op.getType());
    auto [lhs, lhsMap] =
        broadcastOperand(rewriter, loc, adaptor.getLhs(), outType.getShape());
    auto [rhs, rhsMap] =
        broadcastOperand(rewriter, loc, adaptor.getRhs(), outType.getShape());
    bool isFloat = llvm::isa<FloatType>(outType.getElementType());
    Value result = buildElementwise(
        rewriter, loc, outType, {lhs, rhs}, {lhsMap, rhsMap},
        [&](OpBuilder &b, Location l, ValueRange a) -> Value {
          if (isFloat)
            return FloatOp::create(b, l, a[0], a[1]);
          return IntOp::create(b, l, a[0], a[1]);
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
    Value lo = scalarConstant(rewriter, loc, elt,
                              op.getMin().convertToDouble());
    Value hi = scalarConstant(rewriter, loc, elt,
                              op.getMax().convertToDouble());
    Value result = buildElementwise(
        rewriter, loc, type, adaptor.getInput(),
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

} // namespace

void mlir::qnn::lowering::populateElementwisePatterns(const TypeConverter &tc,
                                                      RewritePatternSet &p) {
  p.add<BroadcastBinaryLowering<AddOp, arith::AddFOp, arith::AddIOp>,
        BroadcastBinaryLowering<MulOp, arith::MulFOp, arith::MulIOp>,
        BroadcastBinaryLowering<SubOp, arith::SubFOp, arith::SubIOp>,
        ClampLowering, SignLowering>(tc, p.getContext());
}
