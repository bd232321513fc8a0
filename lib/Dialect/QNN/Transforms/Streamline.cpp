//===- Streamline.cpp - move scalar affine ops into linear ops -----------===//
//
// FINN-style streamlining on float graphs: constant multiplications and
// additions next to a conv2d / fully_connected are absorbed into its
// weights and bias, so quantization sees fewer ops and fewer scales:
//   mul(linear(x, W, b), c)  -> linear(x, W * c_o, b * c_o)
//   add(linear(x, W, b), c)  -> linear(x, W, b + c_o)
//   linear(mul(x, c), W, b)  -> linear(x, W * c_i, b)
//   linear(add(x, c), W, b)  -> linear(x, W, b + sum_i W[o, i] c_i)
// where c is a scalar or one value per channel (output channels o after the
// op, input channels i before it). The last rewrite needs an unpadded conv:
// padded positions read 0, not c. Exact in real arithmetic; in floating
// point it is the same reassociation as batch-norm folding.
//
//===----------------------------------------------------------------------===//

#include "RequantPatterns.h"
#include "quant/Dialect/QNN/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_QNNSTREAMLINE
#include "quant/Dialect/QNN/Transforms/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn;

/// Reads a constant that broadcasts against a tensor of rank `rank` as one
/// value per index of dimension `axis` (`size` entries) or a scalar; returns
/// `size` values (a scalar repeated) or nullopt.
static std::optional<SmallVector<float>>
perChannelConstant(Value value, int64_t rank, int64_t axis, int64_t size) {
  DenseElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)) || !attr.getElementType().isF32())
    return std::nullopt;
  auto type = llvm::cast<ShapedType>(attr.getType());
  int64_t offset = rank - type.getRank();
  if (offset < 0)
    return std::nullopt;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.getDimSize(d) != 1 && d + offset != axis)
      return std::nullopt;
  SmallVector<float> values(attr.getValues<float>());
  if (values.size() == 1)
    return SmallVector<float>(size, values.front());
  if (static_cast<int64_t>(values.size()) != size)
    return std::nullopt;
  return values;
}

namespace {
/// A float conv2d / fully_connected with constant f32 weights and bias.
struct Linear {
  Operation *op;
  RankedTensorType weightType;
  SmallVector<float> weight, bias;
  int64_t outChannels, inChannels, perOutput;

  static std::optional<Linear> match(Operation *op) {
    if (!op || !llvm::isa<Conv2DOp, FullyConnectedOp>(op))
      return std::nullopt;
    if (auto conv = llvm::dyn_cast<Conv2DOp>(op))
      if (conv.getGroups() != 1)
        return std::nullopt;
    Linear l{op, llvm::cast<RankedTensorType>(op->getOperand(1).getType()),
             {}, {},
             0,  0,
             0};
    DenseElementsAttr w;
    if (!l.weightType.hasStaticShape() ||
        !l.weightType.getElementType().isF32() ||
        !matchPattern(op->getOperand(1), m_Constant(&w)))
      return std::nullopt;
    l.weight.assign(w.value_begin<float>(), w.value_end<float>());
    l.outChannels = l.weightType.getDimSize(0);
    l.inChannels = l.weightType.getDimSize(1);
    l.perOutput = l.weight.size() / l.outChannels;
    if (op->getNumOperands() > 2) {
      DenseElementsAttr b;
      if (!matchPattern(op->getOperand(2), m_Constant(&b)) ||
          !b.getElementType().isF32())
        return std::nullopt;
      l.bias.assign(b.value_begin<float>(), b.value_end<float>());
    } else {
      l.bias.assign(l.outChannels, 0.0f);
    }
    return l;
  }

  /// Replaces `root` (which may be the linear op itself) by a copy of the
  /// linear op reading `input` with the current weights and bias.
  void rebuild(PatternRewriter &rewriter, Operation *root, Value input) {
    rewriter.setInsertionPoint(root);
    Location loc = op->getLoc();
    Value w = arith::ConstantOp::create(
        rewriter, loc, weightType,
        DenseElementsAttr::get(weightType, ArrayRef<float>(weight)));
    auto biasType = RankedTensorType::get({outChannels}, rewriter.getF32Type());
    Value b = arith::ConstantOp::create(
        rewriter, loc, biasType,
        DenseElementsAttr::get(biasType, ArrayRef<float>(bias)));
    Type resultType = op->getResult(0).getType();
    Operation *newOp;
    if (auto conv = llvm::dyn_cast<Conv2DOp>(op))
      newOp = Conv2DOp::create(rewriter, loc, resultType, input, w, b,
                               conv.getStridesAttr(), conv.getDilationsAttr(),
                               conv.getPaddingAttr(), conv.getGroupsAttr(),
                               conv.getPadValueAttr());
    else
      newOp = FullyConnectedOp::create(rewriter, loc, resultType, input, w, b);
    rewriter.replaceOp(root, newOp->getResults());
    if (root != op && op->use_empty())
      rewriter.eraseOp(op);
  }
};

/// The linear operand of a commutative binary op and the other operand.
static std::optional<std::pair<Linear, Value>> splitBinary(Operation *op) {
  for (int i = 0; i < 2; ++i) {
    Operation *def = op->getOperand(i).getDefiningOp();
    if (!def || !def->hasOneUse())
      continue;
    if (std::optional<Linear> l = Linear::match(def))
      return std::make_pair(*l, op->getOperand(1 - i));
  }
  return std::nullopt;
}

/// mul / add after a linear op: into its weights and bias.
template <typename OpTy, bool IsMul>
struct AbsorbAfterLinear : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto split = splitBinary(op);
    if (!split)
      return failure();
    Linear &l = split->first;
    if (op.getType() != l.op->getResult(0).getType())
      return rewriter.notifyMatchFailure(op, "broadcast changes the shape");
    auto c = perChannelConstant(split->second, op.getType().getRank(), 1,
                                l.outChannels);
    if (!c)
      return rewriter.notifyMatchFailure(op, "not a per-channel constant");
    for (int64_t o = 0; o < l.outChannels; ++o) {
      if (IsMul) {
        for (int64_t i = 0; i < l.perOutput; ++i)
          l.weight[o * l.perOutput + i] *= (*c)[o];
        l.bias[o] *= (*c)[o];
      } else {
        l.bias[o] += (*c)[o];
      }
    }
    l.rebuild(rewriter, op, l.op->getOperand(0));
    return success();
  }
};

/// mul / add of the input of a linear op: into its weights or bias.
template <bool IsMul> struct AbsorbBeforeLinear : RewritePattern {
  AbsorbBeforeLinear(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}
  LogicalResult matchAndRewrite(Operation *root,
                                PatternRewriter &rewriter) const override {
    std::optional<Linear> l = Linear::match(root);
    if (!l)
      return failure();
    Operation *pre = root->getOperand(0).getDefiningOp();
    if (!pre || !pre->hasOneUse() ||
        !(IsMul ? llvm::isa<MulOp>(pre) : llvm::isa<AddOp>(pre)))
      return failure();
    if (auto conv = llvm::dyn_cast<Conv2DOp>(root))
      if (!IsMul &&
          llvm::any_of(conv.getPadding(), [](int64_t p) { return p != 0; }))
        return rewriter.notifyMatchFailure(root, "padding reads 0, not c");
    auto inType = llvm::cast<RankedTensorType>(root->getOperand(0).getType());
    for (int i = 0; i < 2; ++i) {
      Value x = pre->getOperand(i), cst = pre->getOperand(1 - i);
      if (x.getType() != inType)
        continue;
      auto c = perChannelConstant(cst, inType.getRank(), 1, l->inChannels);
      if (!c)
        continue;
      int64_t spatial = l->perOutput / l->inChannels;
      for (int64_t o = 0; o < l->outChannels; ++o)
        for (int64_t ci = 0; ci < l->inChannels; ++ci)
          for (int64_t s = 0; s < spatial; ++s) {
            float &w = l->weight[(o * l->inChannels + ci) * spatial + s];
            if (IsMul)
              w *= (*c)[ci];
            else
              l->bias[o] += w * (*c)[ci];
          }
      l->rebuild(rewriter, root, x);
      if (pre->use_empty())
        rewriter.eraseOp(pre);
      return success();
    }
    return rewriter.notifyMatchFailure(root, "not a per-channel constant");
  }
};

struct QNNStreamlinePass : qnn::impl::QNNStreamlineBase<QNNStreamlinePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateStreamlinePatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace

void mlir::qnn::populateStreamlinePatterns(RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<AbsorbAfterLinear<MulOp, true>, AbsorbAfterLinear<AddOp, false>,
               AbsorbBeforeLinear<true>, AbsorbBeforeLinear<false>>(context);
}
