//===- FoldBatchNorm.cpp - fold batch norm into conv / fc weights --------===//
//
// Implements -qnn-fold-batch-norm: an inference batch norm after a float
// conv2d or fully_connected with constant weights becomes part of that op's
// weights and bias, so quantization sees one linear op.
//
//===----------------------------------------------------------------------===//

#include "RequantPatterns.h"
#include "quant/Dialect/QNN/Transforms/Passes.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace mlir::qnn {
#define GEN_PASS_DEF_QNNFOLDBATCHNORM
#include "quant/Dialect/QNN/Transforms/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn;

namespace {

/// Reads a constant f32 tensor into `out`; fails if `value` is not one.
static LogicalResult readF32Constant(Value value, SmallVectorImpl<float> &out) {
  DenseElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)) || !attr.getElementType().isF32())
    return failure();
  out.assign(attr.value_begin<float>(), attr.value_end<float>());
  return success();
}

/// The producer of a batch norm's input that can absorb it, if any.
struct LinearProducer {
  Operation *op = nullptr;
  Value weight, bias;
};

static std::optional<LinearProducer> getLinearProducer(Value input) {
  Operation *def = input.getDefiningOp();
  if (!def || !def->hasOneUse())
    return std::nullopt;
  if (auto conv = llvm::dyn_cast<Conv2DOp>(def))
    return LinearProducer{def, conv.getWeight(), conv.getBias()};
  if (auto fc = llvm::dyn_cast<FullyConnectedOp>(def))
    return LinearProducer{def, fc.getWeight(), fc.getBias()};
  return std::nullopt;
}

/// batch_norm(linear(x, W, b)) -> linear(x, W * k, (b - mean) * k + beta)
/// with k = gamma / sqrt(var + eps), per output channel.
struct FoldBatchNormIntoLinear : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    if (bn->hasOneUse() && llvm::isa<BinarizeOp>(*bn->getUsers().begin()) &&
        !llvm::cast<BinarizeOp>(*bn->getUsers().begin()).getThresholds())
      return rewriter.notifyMatchFailure(bn, "becomes binarize thresholds");
    std::optional<LinearProducer> producer = getLinearProducer(bn.getInput());
    if (!producer)
      return rewriter.notifyMatchFailure(bn, "no single-use conv2d/fc input");
    if (!bn.getType().getElementType().isF32())
      return rewriter.notifyMatchFailure(bn, "only f32 folds");

    SmallVector<float> weight, bias, gamma, beta, mean, var;
    if (failed(readF32Constant(producer->weight, weight)))
      return rewriter.notifyMatchFailure(bn, "weights are not f32 constants");
    if (failed(readF32Constant(bn.getScale(), gamma)) ||
        failed(readF32Constant(bn.getBias(), beta)) ||
        failed(readF32Constant(bn.getMean(), mean)) ||
        failed(readF32Constant(bn.getVariance(), var)))
      return rewriter.notifyMatchFailure(bn, "parameters are not constants");

    auto weightType = llvm::cast<RankedTensorType>(producer->weight.getType());
    if (!weightType.hasStaticShape())
      return rewriter.notifyMatchFailure(bn, "dynamic weight shape");
    int64_t channels = weightType.getDimSize(0);
    if (static_cast<int64_t>(gamma.size()) != channels ||
        beta.size() != gamma.size() || mean.size() != gamma.size() ||
        var.size() != gamma.size())
      return rewriter.notifyMatchFailure(bn, "channel count mismatch");
    if (producer->bias) {
      if (failed(readF32Constant(producer->bias, bias)) ||
          static_cast<int64_t>(bias.size()) != channels)
        return rewriter.notifyMatchFailure(bn, "bias is not a constant");
    } else {
      bias.assign(channels, 0.0f);
    }

    // Per-channel factor in double, rounded once to f32 per result value.
    double eps = bn.getEpsilon().convertToDouble();
    SmallVector<double> k(channels);
    for (int64_t c = 0; c < channels; ++c)
      k[c] = gamma[c] / std::sqrt(static_cast<double>(var[c]) + eps);
    int64_t perChannel = weight.size() / channels;
    for (size_t i = 0, e = weight.size(); i != e; ++i)
      weight[i] = static_cast<float>(weight[i] * k[i / perChannel]);
    for (int64_t c = 0; c < channels; ++c)
      bias[c] = static_cast<float>(
          (static_cast<double>(bias[c]) - mean[c]) * k[c] + beta[c]);

    Location loc = bn.getLoc();
    auto biasType = RankedTensorType::get({channels}, rewriter.getF32Type());
    Value newWeight = arith::ConstantOp::create(
        rewriter, loc, weightType,
        DenseElementsAttr::get(weightType, ArrayRef<float>(weight)));
    Value newBias = arith::ConstantOp::create(
        rewriter, loc, biasType,
        DenseElementsAttr::get(biasType, ArrayRef<float>(bias)));

    Operation *linear = producer->op;
    rewriter.setInsertionPoint(linear);
    Operation *folded;
    if (auto conv = llvm::dyn_cast<Conv2DOp>(linear))
      folded = Conv2DOp::create(
          rewriter, conv.getLoc(), bn.getType(), conv.getInput(), newWeight,
          newBias, conv.getStrides(), conv.getDilations(), conv.getPadding(),
          conv.getGroups(), conv.getPadValueAttr());
    else
      folded = FullyConnectedOp::create(
          rewriter, linear->getLoc(), bn.getType(),
          llvm::cast<FullyConnectedOp>(linear).getInput(), newWeight, newBias);
    rewriter.replaceOp(bn, folded->getResults());
    rewriter.eraseOp(linear);
    return success();
  }
};

struct QNNFoldBatchNormPass
    : qnn::impl::QNNFoldBatchNormBase<QNNFoldBatchNormPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    // A batch norm right before a binarization becomes its thresholds
    // (this keeps binary weights binary); otherwise it folds into the
    // linear op before it.
    populateThresholdPatterns(patterns);
    patterns.add<FoldBatchNormIntoLinear>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    if (!strict)
      return;
    WalkResult result = getOperation().walk([](BatchNormOp bn) {
      bn.emitError("batch_norm could not be folded: it needs constant "
                   "parameters and either a single-use float conv2d or "
                   "fully_connected producer with constant weights, or a "
                   "binarize consumer (negative scales then need a "
                   "single-use conv2d, fully_connected or matmul producer "
                   "with constant weights to negate)");
      return WalkResult::interrupt();
    });
    if (result.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
