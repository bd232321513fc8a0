//===- QNNFolds.cpp - folders and canonicalizations -----------------------===//
//
// Folds and canonicalization patterns that are exact for every input: they
// never change a represented value. In particular dequantize(quantize(x)) is
// NOT folded (it rounds), while quantize(dequantize(q)) to the same type is
// the identity. Constant folding of quantize follows the op's definition
// (ONNX QuantizeLinear: the division in f32, round half to even, saturate).
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "quant/Dialect/QNN/IR/QNN.h"
#include "quant/Support/Numerics.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::qnn;

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

//===----------------------------------------------------------------------===//
// QuantizeOp
//===----------------------------------------------------------------------===//

/// Quantizes the float constant `input` to the affine `resultType` (per
/// tensor or per axis): storage values saturate(rne(x / scale) + zp), the
/// division in the float type of the constant (f32 for ONNX models).
static Attribute foldAffineQuantize(DenseElementsAttr input,
                                    RankedTensorType resultType) {
  Type elt = resultType.getElementType();
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  int64_t axis = -1, qmin = 0, qmax = 0;
  unsigned width = 0;
  auto quantized = llvm::dyn_cast<quant::QuantizedType>(elt);
  if (!quantized)
    return {};
  bool isSigned = quantized.isSigned();
  if (auto t = llvm::dyn_cast<quant::UniformQuantizedType>(elt)) {
    scales.push_back(t.getScale());
    zeroPoints.push_back(t.getZeroPoint());
    qmin = t.getStorageTypeMin();
    qmax = t.getStorageTypeMax();
    width = t.getStorageTypeIntegralWidth();
  } else if (auto t = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(elt)) {
    llvm::append_range(scales, t.getScales());
    llvm::append_range(zeroPoints, t.getZeroPoints());
    axis = t.getQuantizedDimension();
    qmin = t.getStorageTypeMin();
    qmax = t.getStorageTypeMax();
    width = t.getStorageTypeIntegralWidth();
  } else {
    return {};
  }
  // Unsigned storage is held in an unsigned integer type so that it prints
  // as the codes it means.
  if (!resultType.hasStaticShape() || !input.getElementType().isF32())
    return {};

  // Stride of the quantized axis in row-major order.
  ArrayRef<int64_t> shape = resultType.getShape();
  int64_t inner = 1;
  for (int64_t d = axis + 1, e = shape.size(); axis >= 0 && d < e; ++d)
    inner *= shape[d];

  SmallVector<APInt> values;
  values.reserve(resultType.getNumElements());
  int64_t index = 0;
  for (APFloat x : input.getValues<APFloat>()) {
    int64_t slice = axis < 0 ? 0 : (index / inner) % shape[axis];
    ++index;
    if (x.isNaN())
      return {}; // Undefined by ONNX; leave it to run time.
    int64_t q = numerics::quantizeAffineF32(
        x.convertToFloat(), static_cast<float>(scales[slice]),
        static_cast<int32_t>(zeroPoints[slice]), static_cast<int32_t>(qmin),
        static_cast<int32_t>(qmax));
    values.push_back(APInt(width, static_cast<uint64_t>(q),
                           /*isSigned=*/true, /*implicitTrunc=*/true));
  }
  auto storageType = RankedTensorType::get(
      shape, IntegerType::get(resultType.getContext(), width,
                              isSigned ? IntegerType::Signless
                                       : IntegerType::Unsigned));
  return DenseElementsAttr::get(storageType, values);
}

OpFoldResult QuantizeOp::fold(FoldAdaptor adaptor) {
  // quantize(dequantize(q)) with the same type is q.
  if (auto dq = getInput().getDefiningOp<DequantizeOp>())
    if (dq.getInput().getType() == getType())
      return dq.getInput();
  if (auto input =
          llvm::dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    return foldAffineQuantize(input, getType());
  return {};
}

//===----------------------------------------------------------------------===//
// Identities of requantize and data movement
//===----------------------------------------------------------------------===//

OpFoldResult RequantizeOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}

OpFoldResult GlobalAvgPoolOp::fold(FoldAdaptor) {
  // The mean of one element is that element.
  RankedTensorType in = getInput().getType();
  if (in == getType() && in.getRank() == 4 && in.getDimSize(2) == 1 &&
      in.getDimSize(3) == 1)
    return getInput();
  return {};
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  // reshape(reshape(x)) is one reshape: axis mappings compose.
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  // Reshaping a constant's storage values keeps their row-major order.
  if (auto value =
          llvm::dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput()))
    if (getType().hasStaticShape() &&
        getType().getElementType() == getInput().getType().getElementType())
      return value.reshape(RankedTensorType::get(
          getType().getShape(), value.getType().getElementType()));
  return {};
}

OpFoldResult TransposeOp::fold(FoldAdaptor) {
  ArrayRef<int64_t> perm = getPermutation();
  if (llvm::equal(perm, llvm::seq<int64_t>(0, perm.size())) &&
      getInput().getType() == getType())
    return getInput();
  return {};
}

OpFoldResult ConcatOp::fold(FoldAdaptor) {
  if (getInputs().size() == 1 && getInputs()[0].getType() == getType())
    return getInputs()[0];
  return {};
}

OpFoldResult PadOp::fold(FoldAdaptor) {
  if (llvm::all_of(getPads(), [](int64_t p) { return p == 0; }) &&
      getInput().getType() == getType())
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// ClampOp
//===----------------------------------------------------------------------===//

/// The smallest and largest real values `elementType` can represent (over
/// all parameter slices), or nullopt if unbounded (float) or unknown.
static std::optional<std::pair<double, double>>
representedRange(Type elementType) {
  auto range = [](double scale, int64_t zp, int64_t qmin, int64_t qmax) {
    return std::make_pair((static_cast<double>(qmin) - zp) * scale,
                          (static_cast<double>(qmax) - zp) * scale);
  };
  if (auto t = llvm::dyn_cast<quant::UniformQuantizedType>(elementType))
    return range(t.getScale(), t.getZeroPoint(), t.getStorageTypeMin(),
                 t.getStorageTypeMax());
  if (auto t =
          llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(elementType)) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (auto [s, zp] : llvm::zip(t.getScales(), t.getZeroPoints())) {
      auto [l, h] = range(s, zp, t.getStorageTypeMin(), t.getStorageTypeMax());
      lo = std::min(lo, l);
      hi = std::max(hi, h);
    }
    return std::make_pair(lo, hi);
  }
  return std::nullopt;
}

OpFoldResult ClampOp::fold(FoldAdaptor) {
  double lo = getMin().convertToDouble(), hi = getMax().convertToDouble();
  Type elt = getType().getElementType();
  if (getElementKind(elt) == ElementKind::Float) {
    // Only infinite bounds are the identity (NaN passes through both ways).
    if (std::isinf(lo) && lo < 0 && std::isinf(hi) && hi > 0)
      return getInput();
    return {};
  }
  // A quantized value never leaves its representable range, so bounds that
  // cover it change nothing.
  if (auto range = representedRange(elt))
    if (lo <= range->first && hi >= range->second)
      return getInput();
  return {};
}

namespace {
/// clamp(clamp(x, a, b), c, d) -> clamp(x, max(a, c), min(b, d)) when the
/// intervals overlap (otherwise the result is a constant; left alone).
struct MergeClamps : OpRewritePattern<ClampOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ClampOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<ClampOp>();
    if (!inner)
      return failure();
    APFloat lo = llvm::maximum(op.getMin(), inner.getMin());
    APFloat hi = llvm::minimum(op.getMax(), inner.getMax());
    if (hi < lo)
      return rewriter.notifyMatchFailure(op, "disjoint clamp intervals");
    rewriter.replaceOpWithNewOp<ClampOp>(
        op, op.getType(), inner.getInput(),
        rewriter.getFloatAttr(rewriter.getF32Type(), lo),
        rewriter.getFloatAttr(rewriter.getF32Type(), hi));
    return success();
  }
};

/// transpose(transpose(x, p), q) -> transpose(x, p o q), or x when the
/// composition is the identity.
struct MergeTransposes : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<TransposeOp>();
    if (!inner)
      return failure();
    ArrayRef<int64_t> p = inner.getPermutation(), q = op.getPermutation();
    SmallVector<int64_t> composed;
    for (int64_t i : q)
      composed.push_back(p[i]);
    if (llvm::equal(composed, llvm::seq<int64_t>(0, composed.size())) &&
        inner.getInput().getType() == op.getType()) {
      rewriter.replaceOp(op, inner.getInput());
      return success();
    }
    rewriter.replaceOpWithNewOp<TransposeOp>(
        op, op.getType(), inner.getInput(),
        rewriter.getDenseI64ArrayAttr(composed));
    return success();
  }
};

/// transpose(x) that only moves size-1 dimensions keeps the row-major order:
/// it is a reshape, which later folds with neighbouring reshapes.
struct TransposeOfUnitDimsToReshape : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType in = op.getInput().getType();
    if (!in.hasStaticShape() || getQuantizedAxis(in.getElementType()) >= 0)
      return failure();
    SmallVector<int64_t> nonUnit;
    for (int64_t p : op.getPermutation())
      if (in.getDimSize(p) != 1)
        nonUnit.push_back(p);
    if (!llvm::is_sorted(nonUnit))
      return failure();
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getType(), op.getInput());
    return success();
  }
};
} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                              MLIRContext *context) {
  patterns.add<MergeTransposes, TransposeOfUnitDimsToReshape>(context);
}
void ClampOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                          MLIRContext *context) {
  patterns.add<MergeClamps>(context);
}
