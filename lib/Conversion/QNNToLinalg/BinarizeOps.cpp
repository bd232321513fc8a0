//===- BinarizeOps.cpp - integer-form binarize to linalg.generic ---------===//
//
// qnn.binarize with an i8 result (the integer form of binary activations):
// one all-parallel linalg.generic, +1 where x >= threshold, else -1. The
// thresholds (one, or one per slice along `axis`, read from a 1-D
// constant) are converted at compile time so that a single comparison in
// the input's own type is exact: for f32 input the smallest f32 not below
// the real threshold (ordered >=, NaN gives -1); for integer input
// ceil(threshold), compared in i64 after sign extension, with thresholds
// beyond the input range clamped to "always" / "never".
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "quant/Support/Threshold.h"

#include <cmath>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::lowering;

namespace {

struct BinarizeLowering : OpConversionPattern<BinarizeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BinarizeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = llvm::cast<RankedTensorType>(op.getType());
    auto inType = llvm::cast<RankedTensorType>(op.getInput().getType());
    Type inElt = inType.getElementType();
    if (!type.getElementType().isSignlessInteger(8))
      return rewriter.notifyMatchFailure(op, "not the integer form");
    SmallVector<double> ts;
    int64_t axis = -1;
    if (std::optional<ArrayRef<double>> t = op.getThresholds()) {
      ts.assign(t->begin(), t->end());
      axis = static_cast<int64_t>(*op.getAxis());
    } else {
      ts.push_back(op.getThreshold().convertToDouble());
    }
    bool isFloat = llvm::isa<FloatType>(inElt);
    Type cmpType = isFloat ? inElt : rewriter.getI64Type();
    if (isFloat) {
      for (double &t : ts)
        t = numerics::roundThresholdUp(t);
    } else {
      unsigned w = inElt.getIntOrFloatBitWidth();
      double lo = -std::ldexp(1.0, w - 1), hi = std::ldexp(1.0, w - 1);
      for (double &t : ts)
        t = std::min(std::max(std::ceil(t), lo), hi); // hi: never.
    }
    unsigned rank = type.getRank();
    SmallVector<Value> inputs = {adaptor.getInput()};
    SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(rank)};
    Value scalar;
    if (axis >= 0) {
      inputs.push_back(constant1D(rewriter, loc, cmpType, ts));
      maps.push_back(axisMap(rewriter.getContext(), rank, axis));
    } else {
      scalar = scalarConstant(rewriter, loc, cmpType, ts[0]);
    }
    Type i8 = rewriter.getI8Type();
    Value plus = scalarConstant(rewriter, loc, i8, 1);
    Value minus = scalarConstant(rewriter, loc, i8, -1);
    Value result = buildElementwise(
        rewriter, loc, type, inputs, maps,
        [&](OpBuilder &b, Location l, ValueRange a) -> Value {
          Value t = axis >= 0 ? a[1] : scalar;
          Value cond;
          if (isFloat) {
            cond =
                arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGE, a[0], t);
          } else {
            Value x = a[0];
            if (x.getType() != b.getI64Type())
              x = arith::ExtSIOp::create(b, l, b.getI64Type(), x);
            cond = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, x, t);
          }
          return arith::SelectOp::create(b, l, cond, plus, minus);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::qnn::lowering::populateBinarizePatterns(const TypeConverter &tc,
                                                   RewritePatternSet &p) {
  p.add<BinarizeLowering>(tc, p.getContext());
}
