//===- RequantPatterns.cpp - dequantize/quantize and requantize chains ---===//
//
// Two patterns of -qnn-fold-requant that remove rounding steps:
// quantize(dequantize(x)) becomes requantize(x), and requantize(requantize)
// becomes one requantize. Each fires only when it is exact: the storage
// codes of the input are few enough (<= 16 bits) to evaluate every code
// both ways at compile time, and the two agree on all of them.
//
//===----------------------------------------------------------------------===//

#include "RequantPatterns.h"
#include "quant/Support/Numerics.h"

#include <cmath>

using namespace mlir;
using namespace mlir::qnn;

int64_t mlir::qnn::requantizeHalfEven(int64_t q, double sIn, int64_t zpIn,
                                      double sOut, int64_t zpOut, int64_t qmin,
                                      int64_t qmax) {
  numerics::RescaleParams p;
  p.mode = numerics::RoundingMode::HalfEven;
  p.scale = static_cast<float>(sIn / sOut);
  p.inputZp = static_cast<int32_t>(zpIn);
  p.outputZp = static_cast<int32_t>(zpOut);
  p.qmin = qmin;
  p.qmax = qmax;
  return numerics::rescale(q, p);
}

int64_t mlir::qnn::dequantizeThenQuantize(int64_t q, double sIn, int64_t zpIn,
                                          double sOut, int64_t zpOut,
                                          int64_t qmin, int64_t qmax) {
  float real = numerics::dequantizeAffineF32(static_cast<int32_t>(q),
                                             static_cast<float>(sIn),
                                             static_cast<int32_t>(zpIn));
  return numerics::quantizeAffineF32(
      real, static_cast<float>(sOut), static_cast<int32_t>(zpOut),
      static_cast<int32_t>(qmin), static_cast<int32_t>(qmax));
}

/// Largest input storage width whose codes are enumerated to prove a fold.
static constexpr unsigned kMaxEnumeratedBits = 16;

/// Number of parameter slices two or three chained types share, or -1 when
/// their axes disagree (per-axis types on different axes or slice counts).
static int64_t sharedSlices(ArrayRef<const AffineParams *> types) {
  int64_t axis = -1, slices = 1;
  for (const AffineParams *p : types) {
    if (p->axis < 0)
      continue;
    if (axis >= 0 && (p->axis != axis || p->numSlices() != slices))
      return -1;
    axis = p->axis;
    slices = p->numSlices();
  }
  return slices;
}

/// True if `lhs` and `rhs` give the same code for every input code of `in`
/// in every slice.
static bool
agreeOnAllCodes(const AffineParams &in, int64_t slices,
                function_ref<int64_t(int64_t code, int64_t slice)> lhs,
                function_ref<int64_t(int64_t code, int64_t slice)> rhs) {
  if (in.storageBits > kMaxEnumeratedBits || slices < 0)
    return false;
  for (int64_t s = 0; s < slices; ++s)
    for (int64_t q = in.qmin; q <= in.qmax; ++q)
      if (lhs(q, s) != rhs(q, s))
        return false;
  return true;
}

namespace {

/// quantize(dequantize(x: A)) : B -> requantize(x) : B when the one-step
/// requantization equals ONNX Runtime's two-step f32 computation for every
/// code of A (equal types fold away in QuantizeOp::fold).
struct DequantizeQuantizeToRequantize : OpRewritePattern<QuantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(QuantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto dq = op.getInput().getDefiningOp<DequantizeOp>();
    if (!dq)
      return failure();
    Value source = dq.getInput();
    auto sourceType = llvm::cast<RankedTensorType>(source.getType());
    std::optional<AffineParams> in =
        getAffineParams(sourceType.getElementType());
    std::optional<AffineParams> out =
        getAffineParams(op.getType().getElementType());
    if (!in || !out)
      return rewriter.notifyMatchFailure(op, "not affine to affine");
    int64_t slices = sharedSlices({&*in, &*out});
    bool exact = agreeOnAllCodes(
        *in, slices,
        [&](int64_t q, int64_t s) {
          return dequantizeThenQuantize(q, in->scale(s), in->zeroPoint(s),
                                        out->scale(s), out->zeroPoint(s),
                                        out->qmin, out->qmax);
        },
        [&](int64_t q, int64_t s) {
          return requantizeHalfEven(q, in->scale(s), in->zeroPoint(s),
                                    out->scale(s), out->zeroPoint(s), out->qmin,
                                    out->qmax);
        });
    if (!exact)
      return rewriter.notifyMatchFailure(op, "requantize would differ");
    rewriter.replaceOpWithNewOp<RequantizeOp>(op, op.getType(), source,
                                              RoundingMode::HalfEven);
    return success();
  }
};

/// requantize(requantize(x: A -> B) : B -> C) -> requantize(x : A -> C),
/// half_even, when no code of A changes (or always when allowed).
struct FoldRequantizeChain : OpRewritePattern<RequantizeOp> {
  FoldRequantizeChain(MLIRContext *context, bool allowDoubleRounding)
      : OpRewritePattern(context), allowDoubleRounding(allowDoubleRounding) {}

  LogicalResult matchAndRewrite(RequantizeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<RequantizeOp>();
    if (!inner)
      return failure();
    if (op.getRounding() != inner.getRounding())
      return rewriter.notifyMatchFailure(op, "different rounding modes");
    Value source = inner.getInput();
    RankedTensorType sourceType = inner.getInput().getType();
    if (!allowDoubleRounding) {
      if (op.getRounding() != RoundingMode::HalfEven)
        return rewriter.notifyMatchFailure(op, "only half_even is checked");
      std::optional<AffineParams> a =
          getAffineParams(sourceType.getElementType());
      std::optional<AffineParams> b =
          getAffineParams(inner.getType().getElementType());
      std::optional<AffineParams> c =
          getAffineParams(op.getType().getElementType());
      if (!a || !b || !c)
        return rewriter.notifyMatchFailure(op, "sub-channel types");
      int64_t slices = sharedSlices({&*a, &*b, &*c});
      bool exact = agreeOnAllCodes(
          *a, slices,
          [&](int64_t q, int64_t s) {
            int64_t mid =
                requantizeHalfEven(q, a->scale(s), a->zeroPoint(s), b->scale(s),
                                   b->zeroPoint(s), b->qmin, b->qmax);
            return requantizeHalfEven(mid, b->scale(s), b->zeroPoint(s),
                                      c->scale(s), c->zeroPoint(s), c->qmin,
                                      c->qmax);
          },
          [&](int64_t q, int64_t s) {
            return requantizeHalfEven(q, a->scale(s), a->zeroPoint(s),
                                      c->scale(s), c->zeroPoint(s), c->qmin,
                                      c->qmax);
          });
      if (!exact)
        return rewriter.notifyMatchFailure(op, "a code would change");
    }
    if (sourceType == op.getType()) {
      // A -> B -> A: the direct requantization is the identity.
      rewriter.replaceOp(op, source);
      return success();
    }
    rewriter.replaceOpWithNewOp<RequantizeOp>(op, op.getType(), source,
                                              op.getRounding());
    return success();
  }

  bool allowDoubleRounding;
};

} // namespace

void mlir::qnn::populateRequantChainPatterns(RewritePatternSet &patterns,
                                             bool allowDoubleRounding) {
  patterns.add<DequantizeQuantizeToRequantize>(patterns.getContext());
  patterns.add<FoldRequantizeChain>(patterns.getContext(), allowDoubleRounding);
}
