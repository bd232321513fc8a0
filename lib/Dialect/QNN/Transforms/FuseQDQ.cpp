//===- FuseQDQ.cpp - QDQ groups into quantized ops -----------------------===//
//
// Patterns of -qnn-fold-requant that move a graph from QDQ form (float ops
// between dequantize and quantize, as in ONNX QDQ models) to ops on
// quantized types, and that absorb a requantize into the op producing its
// input. A candidate op is built detached, verified with diagnostics
// silenced, and only then inserted, so the op verifiers decide what is
// fusable (bias scales, pooling kinds, padding values...).
//
//===----------------------------------------------------------------------===//

#include "RequantPatterns.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/IR/Verifier.h"

using namespace mlir;
using namespace mlir::qnn;

/// Ops that compute on the represented reals of quantized operands.
static bool isFusable(Operation *op) {
  return llvm::isa<Conv2DOp, FullyConnectedOp, MatMulOp, AddOp, MulOp,
                   MaxPool2DOp, AvgPool2DOp, GlobalAvgPoolOp, SoftmaxOp,
                   ClampOp, ReshapeOp, TransposeOp, ConcatOp, PadOp>(op);
}

/// Ops whose quantized result is requantized from a wider intermediate, so
/// that they can produce any result scale directly.
static bool isRequantizingProducer(Operation *op) {
  return llvm::isa<Conv2DOp, FullyConnectedOp, MatMulOp, AddOp, MulOp,
                   AvgPool2DOp, GlobalAvgPoolOp>(op);
}

/// Builds a detached copy of `op` with new operands and result type and
/// returns it if it verifies, else destroys it and returns null.
static Operation *buildVerified(Operation *op, ValueRange operands,
                                Type resultType,
                                ArrayRef<NamedAttribute> extraAttrs = {}) {
  OperationState state(op->getLoc(), op->getName(), operands, {resultType},
                       op->getAttrs());
  for (NamedAttribute a : extraAttrs)
    state.addAttribute(a.getName(), a.getValue());
  Operation *candidate = Operation::create(state);
  bool ok;
  {
    ScopedDiagnosticHandler silence(op->getContext(),
                                    [](Diagnostic &) { return success(); });
    ok = succeeded(mlir::verify(candidate, /*verifyRecursively=*/false));
  }
  if (ok)
    return candidate;
  candidate->destroy();
  return nullptr;
}

/// The quantized sources of `op`'s operands if every one is a dequantize.
static std::optional<SmallVector<Value>> dequantizedSources(Operation *op) {
  SmallVector<Value> sources;
  for (Value v : op->getOperands()) {
    auto dq = v.getDefiningOp<DequantizeOp>();
    if (!dq)
      return std::nullopt;
    sources.push_back(dq.getInput());
  }
  return sources;
}

namespace {

/// quantize(op(dequantize(x1), ..., dequantize(xn))) : T
///   -> op(x1, ..., xn) : T
struct FuseQuantizedGroup : OpRewritePattern<QuantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(QuantizeOp q,
                                PatternRewriter &rewriter) const override {
    Operation *op = q.getInput().getDefiningOp();
    if (!op || !isFusable(op) || op->getNumResults() != 1 || !op->hasOneUse())
      return failure();
    std::optional<SmallVector<Value>> sources = dequantizedSources(op);
    if (!sources)
      return rewriter.notifyMatchFailure(q, "an operand is not dequantized");
    Operation *fused = buildVerified(op, *sources, q.getType());
    if (!fused)
      return rewriter.notifyMatchFailure(q, "fused op does not verify");
    rewriter.insert(fused);
    rewriter.replaceOp(q, fused->getResults());
    rewriter.eraseOp(op);
    return success();
  }
};

/// Ops that commute with a monotone elementwise quantizer q:
/// q(op(y)) == op_q(q(y)) (clamp: q(clamp(r, lo, hi)) = clamp(q(r), q(lo),
/// q(hi)); max pooling: q(max(r)) = max(q(r)); data movement).
static bool commutesWithQuantize(Operation *op) {
  return llvm::isa<ClampOp, MaxPool2DOp, ReshapeOp, TransposeOp>(op);
}

/// quantize(op(y)) : T -> op(quantize(y) : T') for a single-use op that
/// commutes with quantization, where T' is T with the per-axis axis mapped
/// back through the op. This moves the quantize of a QDQ model's
/// "conv -> relu -> Q" onto the conv, where it fuses.
struct QuantizeThroughSameScale : OpRewritePattern<QuantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(QuantizeOp q,
                                PatternRewriter &rewriter) const override {
    Operation *op = q.getInput().getDefiningOp();
    if (!op || !commutesWithQuantize(op) || !op->hasOneUse())
      return failure();
    Type elt = q.getType().getElementType();
    if (getQuantizedAxis(elt) >= 0 && !llvm::isa<ClampOp, MaxPool2DOp>(op))
      return rewriter.notifyMatchFailure(q, "per-axis through data movement");
    Value y = op->getOperand(0);
    auto yType = llvm::cast<RankedTensorType>(y.getType());
    rewriter.setInsertionPoint(op);
    auto inner = QuantizeOp::create(rewriter, q.getLoc(), yType.clone(elt), y);
    Operation *moved = buildVerified(op, ValueRange{inner}, q.getType());
    if (!moved) {
      rewriter.eraseOp(inner);
      return rewriter.notifyMatchFailure(q, "quantized op does not verify");
    }
    rewriter.insert(moved);
    rewriter.replaceOp(q, moved->getResults());
    rewriter.eraseOp(op);
    return success();
  }
};

/// conv2d / fully_connected / matmul of dequantized operands whose float
/// result is not quantized again: the op takes the quantized operands and
/// keeps its float result (the accumulator is dequantized once).
template <typename OpTy> struct FuseFloatResult : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (!llvm::isa<FloatType>(op.getType().getElementType()))
      return failure();
    if (llvm::any_of(op->getUsers(),
                     [](Operation *u) { return llvm::isa<QuantizeOp>(u); }))
      return rewriter.notifyMatchFailure(op, "a quantize consumes it");
    std::optional<SmallVector<Value>> sources = dequantizedSources(op);
    if (!sources)
      return rewriter.notifyMatchFailure(op, "an operand is not dequantized");
    // A float conv pads with real zeros: on binary activations that is
    // pad_value 0, which the binary conv must state.
    SmallVector<NamedAttribute> extra;
    if (auto conv = llvm::dyn_cast<Conv2DOp>(op.getOperation()))
      if (!conv.getPadValue() &&
          getElementKind(getElementTypeOrSelf((*sources)[0].getType())) ==
              ElementKind::Binary &&
          llvm::any_of(conv.getPadding(), [](int64_t p) { return p != 0; }))
        extra.push_back(
            rewriter.getNamedAttr("pad_value", rewriter.getI64IntegerAttr(0)));
    Operation *fused = buildVerified(op, *sources, op.getType(), extra);
    if (!fused)
      return rewriter.notifyMatchFailure(op, "fused op does not verify");
    rewriter.insert(fused);
    rewriter.replaceOp(op, fused->getResults());
    return success();
  }
};

/// requantize(op(...) : T) : U -> op(...) : U for a single-use requantizing
/// producer: one rounding instead of two.
struct AbsorbRequantize : OpRewritePattern<RequantizeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(RequantizeOp op,
                                PatternRewriter &rewriter) const override {
    Operation *producer = op.getInput().getDefiningOp();
    if (!producer || !isRequantizingProducer(producer) ||
        !producer->hasOneUse())
      return failure();
    Operation *retyped =
        buildVerified(producer, producer->getOperands(), op.getType());
    if (!retyped)
      return rewriter.notifyMatchFailure(op, "retyped producer is invalid");
    rewriter.setInsertionPoint(producer);
    rewriter.insert(retyped);
    rewriter.replaceOp(op, retyped->getResults());
    rewriter.eraseOp(producer);
    return success();
  }
};

} // namespace

void mlir::qnn::populateFuseQDQPatterns(RewritePatternSet &patterns,
                                        bool retypeProducers) {
  MLIRContext *context = patterns.getContext();
  patterns.add<FuseQuantizedGroup, QuantizeThroughSameScale,
               FuseFloatResult<Conv2DOp>, FuseFloatResult<FullyConnectedOp>,
               FuseFloatResult<MatMulOp>>(context);
  if (retypeProducers)
    patterns.add<AbsorbRequantize>(context);
}
