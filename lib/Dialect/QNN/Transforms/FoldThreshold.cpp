//===- FoldThreshold.cpp - batch norm into binarization thresholds -------===//
//
// binarize(batch_norm(y)) compares k_c (y - mean_c) + beta_c against the
// threshold t, per channel c with k_c = gamma_c / sqrt(var_c + eps). That is
// one comparison of y itself (FINN's MultiThreshold idea, Larq's fused
// output threshold):
//   k_c > 0:  y >= mean_c + (t - beta_c) / k_c
//   k_c < 0:  y <= mean_c + (t - beta_c) / k_c, i.e. -y >= -(...): the
//             producer's weights and bias of channel c are negated (binary
//             weights, also binarized constants: their bits inverted; a
//             matmul's columns) so the comparison keeps its direction;
//   k_c = 0:  the constant beta_c >= t: threshold -inf (always +1) or +inf.
// The batch norm disappears and the binarize gets per-channel thresholds.
//
//===----------------------------------------------------------------------===//

#include "RequantPatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::qnn;

/// Reads an f32 constant (arith.constant or float qnn.constant).
static std::optional<SmallVector<double>> readFloats(Value value) {
  DenseElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)) ||
      !llvm::isa<FloatType>(attr.getElementType()))
    return std::nullopt;
  SmallVector<double> out;
  for (APFloat v : attr.getValues<APFloat>()) {
    bool lost;
    v.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
    out.push_back(v.convertToDouble());
  }
  return out;
}

/// The output channel of linear position `i` along `axis` of `type`.
static int64_t channelOf(RankedTensorType type, int64_t axis, int64_t i) {
  int64_t inner = 1;
  for (int64_t d = axis + 1; d < type.getRank(); ++d)
    inner *= type.getDimSize(d);
  return (i / inner) % type.getDimSize(axis);
}

/// Negates output channel c (along `axis`: 0 for conv2d / fully_connected
/// weights and biases, 1 for matmul weights) of a constant weight for every
/// c with flip[c]: float weights change sign, binary weights invert their
/// bits (also a binarized float constant, in the QDQ form read through
/// dequantize). Returns the new value or null if the weight cannot be
/// flipped.
static Value flipWeight(OpBuilder &builder, Value weight, ArrayRef<bool> flip,
                        int64_t axis = 0) {
  auto type = llvm::cast<RankedTensorType>(weight.getType());
  if (!type.hasStaticShape() || axis >= type.getRank() ||
      type.getDimSize(axis) != (int64_t)flip.size())
    return {};
  if (auto dq = weight.getDefiningOp<DequantizeOp>()) {
    Value flipped = flipWeight(builder, dq.getInput(), flip, axis);
    return flipped ? DequantizeOp::create(builder, dq.getLoc(), type, flipped)
                   : Value();
  }
  if (auto bin = weight.getDefiningOp<BinarizeOp>()) {
    // Binarized constant: its bits, inverted where flipped (exact, unlike
    // binarizing the negated floats, which differs at the threshold).
    DenseElementsAttr in;
    int64_t tAxis = bin.getAxis() ? static_cast<int64_t>(*bin.getAxis()) : -1;
    if (!matchPattern(bin.getInput(), m_Constant(&in)) ||
        !llvm::isa<FloatType>(in.getElementType()))
      return {};
    SmallVector<bool> bits;
    int64_t i = 0;
    for (APFloat v : in.getValues<APFloat>()) {
      double t = tAxis >= 0 ? (*bin.getThresholds())[channelOf(type, tAxis, i)]
                            : bin.getThreshold().convertToDouble();
      bool lost;
      v.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
      bits.push_back((v.convertToDouble() >= t) !=
                     flip[channelOf(type, axis, i)]);
      ++i;
    }
    auto storage = type.clone(builder.getI1Type());
    return ConstantOp::create(builder, bin.getLoc(), type,
                              DenseElementsAttr::get(storage, ArrayRef(bits)));
  }
  DenseElementsAttr attr;
  if (!matchPattern(weight, m_Constant(&attr)))
    return {};
  Location loc = weight.getLoc();
  if (llvm::isa<FloatType>(type.getElementType())) {
    SmallVector<APFloat> values(attr.getValues<APFloat>());
    for (size_t i = 0; i < values.size(); ++i)
      if (flip[channelOf(type, axis, i)])
        values[i].changeSign();
    return arith::ConstantOp::create(builder, loc, type,
                                     DenseElementsAttr::get(type, values));
  }
  auto binary = llvm::dyn_cast<BinaryType>(type.getElementType());
  if (!binary || !attr.getElementType().isInteger(1))
    return {};
  SmallVector<bool> bits;
  for (bool b : attr.getValues<bool>())
    bits.push_back(b);
  for (size_t i = 0; i < bits.size(); ++i)
    if (flip[channelOf(type, axis, i)])
      bits[i] = !bits[i];
  auto storage = type.clone(builder.getI1Type());
  return ConstantOp::create(builder, loc, type,
                            DenseElementsAttr::get(storage, ArrayRef(bits)));
}

namespace {
struct FoldBatchNormIntoThreshold : OpRewritePattern<BinarizeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BinarizeOp op,
                                PatternRewriter &rewriter) const override {
    auto bn = op.getInput().getDefiningOp<BatchNormOp>();
    if (!bn || op.getThresholds() || !bn->hasOneUse())
      return failure();
    auto gamma = readFloats(bn.getScale()), beta = readFloats(bn.getBias());
    auto mean = readFloats(bn.getMean()), var = readFloats(bn.getVariance());
    if (!gamma || !beta || !mean || !var)
      return rewriter.notifyMatchFailure(op, "batch norm is not constant");
    double eps = bn.getEpsilon().convertToDouble();
    double t = op.getThreshold().convertToDouble();
    size_t channels = gamma->size();
    double inf = std::numeric_limits<double>::infinity();

    SmallVector<double> thresholds(channels);
    SmallVector<bool> flip(channels, false);
    for (size_t c = 0; c < channels; ++c) {
      double k = (*gamma)[c] / std::sqrt((*var)[c] + eps);
      double tau = (*mean)[c] + (t - (*beta)[c]) / k;
      if (k > 0) {
        thresholds[c] = tau;
      } else if (k < 0) {
        thresholds[c] = -tau;
        flip[c] = true;
      } else {
        thresholds[c] = (*beta)[c] >= t ? -inf : inf;
      }
    }

    Value input = bn.getInput();
    if (llvm::is_contained(flip, true)) {
      // Negate the flipped channels at the producer.
      Operation *producer = input.getDefiningOp();
      bool isMatmul =
          llvm::isa_and_nonnull<MatMulOp>(producer) &&
          llvm::cast<RankedTensorType>(producer->getOperand(1).getType())
                  .getRank() == 2;
      if (!producer || !producer->hasOneUse() ||
          !(isMatmul || llvm::isa<Conv2DOp, FullyConnectedOp>(producer)))
        return rewriter.notifyMatchFailure(
            op, "negative scale needs a single-use conv2d/fully_connected/"
                "matmul");
      rewriter.setInsertionPoint(producer);
      Value weight = producer->getOperand(1);
      Value newWeight = flipWeight(rewriter, weight, flip, isMatmul ? 1 : 0);
      if (!newWeight)
        return rewriter.notifyMatchFailure(op, "weights cannot be negated");
      Value newBias;
      if (producer->getNumOperands() > 2) {
        newBias = flipWeight(rewriter, producer->getOperand(2), flip);
        if (!newBias)
          return rewriter.notifyMatchFailure(op, "bias cannot be negated");
      }
      rewriter.modifyOpInPlace(producer, [&] {
        producer->setOperand(1, newWeight);
        if (newBias)
          producer->setOperand(2, newBias);
      });
    }
    rewriter.setInsertionPoint(op);
    rewriter.replaceOpWithNewOp<BinarizeOp>(
        op, op.getType(), input, rewriter.getF32FloatAttr(0.0f),
        rewriter.getDenseF64ArrayAttr(thresholds),
        rewriter.getI64IntegerAttr(1));
    rewriter.eraseOp(bn);
    return success();
  }
};
} // namespace

void mlir::qnn::populateThresholdPatterns(RewritePatternSet &patterns) {
  patterns.add<FoldBatchNormIntoThreshold>(patterns.getContext());
}
