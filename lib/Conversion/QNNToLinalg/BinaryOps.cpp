//===- BinaryOps.cpp - binarize then dequantize, as float ----------------===//
//
// Binary tensors have no buffer representation in code generation yet (the
// XNOR-popcount kernels are future work), but the pair
//
//   %b = qnn.binarize %x {thresholds...} : tensor<...xf32> ->
//   !qnn.binary<alpha> %y = qnn.dequantize %b : ... -> tensor<...xf32>
//
// is a float function: y = x >= t[c] ? +alpha[c'] : -alpha[c'] (t along the
// binarize axis, alpha along the binary type's axis). The integer lowering
// expands every other op on binary values into this form (dequantize, float
// op), so each binarize feeds only dequantizes. Before the dialect
// conversion, each such pair is replaced by one linalg.generic on the float
// input, or by a float constant when the input is constant (binarized
// weights).
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::lowering;

namespace {
/// Per-element parameters of one binarize -> dequantize pair.
struct BinaryPair {
  RankedTensorType type; ///< The float result type.
  SmallVector<double> thresholds;
  int64_t thresholdAxis = -1;
  SmallVector<double> alphas;
  int64_t alphaAxis = -1;

  double threshold(int64_t c) const { return thresholds[c]; }
  double alpha(int64_t c) const { return alphas[c]; }
};

BinaryPair describe(BinarizeOp binarize, DequantizeOp dequantize) {
  BinaryPair p;
  p.type = llvm::cast<RankedTensorType>(dequantize.getType());
  if (std::optional<ArrayRef<double>> t = binarize.getThresholds()) {
    p.thresholds.assign(t->begin(), t->end());
    p.thresholdAxis = binarize.getAxis().value_or(0);
  } else {
    p.thresholds = {binarize.getThreshold().convertToDouble()};
  }
  auto binary = llvm::cast<BinaryType>(
      llvm::cast<RankedTensorType>(binarize.getType()).getElementType());
  p.alphas.assign(binary.getAlphaValues().begin(),
                  binary.getAlphaValues().end());
  if (p.alphas.empty())
    p.alphas = {1.0};
  if (binary.isPerAxis())
    p.alphaAxis = binary.getAxis();
  return p;
}

/// The folded float constant of a constant binarize input.
DenseElementsAttr foldPair(const BinaryPair &p, DenseElementsAttr input) {
  ArrayRef<int64_t> shape = p.type.getShape();
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  auto slice = [&](int64_t flat, int64_t axis) {
    return axis < 0 ? 0 : (flat / strides[axis]) % shape[axis];
  };
  SmallVector<float> out;
  out.reserve(p.type.getNumElements());
  int64_t i = 0;
  for (APFloat v : input.getValues<APFloat>()) {
    double x = v.convertToDouble();
    double a = p.alpha(slice(i, p.alphaAxis));
    out.push_back(static_cast<float>(
        x >= p.threshold(slice(i, p.thresholdAxis)) ? a : -a));
    ++i;
  }
  return DenseElementsAttr::get(p.type, ArrayRef<float>(out));
}

/// The linalg.generic computing the pair at run time.
Value buildPair(OpBuilder &b, Location loc, const BinaryPair &p, Value x) {
  unsigned rank = p.type.getRank();
  MLIRContext *ctx = b.getContext();
  Type f32 = b.getF32Type();
  SmallVector<Value> inputs = {x};
  SmallVector<AffineMap> maps = {AffineMap::getMultiDimIdentityMap(rank, ctx)};
  auto param = [&](ArrayRef<double> values, int64_t axis) -> int {
    if (axis < 0)
      return -1;
    inputs.push_back(constant1D(b, loc, f32, values));
    maps.push_back(axisMap(ctx, rank, axis));
    return static_cast<int>(inputs.size()) - 1;
  };
  int tIndex = param(p.thresholds, p.thresholdAxis);
  int aIndex = param(p.alphas, p.alphaAxis);
  return buildElementwise(
      b, loc, p.type, inputs, maps,
      [&](OpBuilder &nb, Location l, ValueRange a) -> Value {
        Value t = tIndex >= 0 ? a[tIndex]
                              : scalarConstant(nb, l, f32, p.thresholds[0]);
        Value alpha =
            aIndex >= 0 ? a[aIndex] : scalarConstant(nb, l, f32, p.alphas[0]);
        Value pos =
            arith::CmpFOp::create(nb, l, arith::CmpFPredicate::OGE, a[0], t);
        Value neg = arith::NegFOp::create(nb, l, alpha);
        return arith::SelectOp::create(nb, l, pos, alpha, neg);
      });
}
} // namespace

void mlir::qnn::lowering::lowerBinarizePairs(ModuleOp module) {
  SmallVector<BinarizeOp> binarizes;
  module.walk([&](BinarizeOp op) { binarizes.push_back(op); });
  OpBuilder b(module.getContext());
  for (BinarizeOp binarize : binarizes) {
    auto inType = llvm::cast<RankedTensorType>(binarize.getInput().getType());
    if (!inType.getElementType().isF32() ||
        !llvm::all_of(binarize->getUsers(),
                      [](Operation *u) { return llvm::isa<DequantizeOp>(u); }))
      continue; // Left to the support check, which names it.
    DenseElementsAttr constant;
    matchPattern(binarize.getInput(), m_Constant(&constant));
    for (Operation *user : llvm::make_early_inc_range(binarize->getUsers())) {
      auto dequantize = llvm::cast<DequantizeOp>(user);
      if (!dequantize.getType().getElementType().isF32())
        continue;
      BinaryPair p = describe(binarize, dequantize);
      b.setInsertionPoint(dequantize);
      Value replacement =
          constant ? arith::ConstantOp::create(b, dequantize.getLoc(),
                                               foldPair(p, constant))
                         .getResult()
                   : buildPair(b, dequantize.getLoc(), p, binarize.getInput());
      dequantize.replaceAllUsesWith(replacement);
      dequantize.erase();
    }
    if (binarize->use_empty())
      binarize.erase();
  }
}
