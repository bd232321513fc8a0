//===- QuantizeWeights.cpp - post-training weight quantization -----------===//
//
// Implements -qnn-quantize-weights: constant float weights of conv2d,
// fully_connected and matmul become `qnn.dequantize(qnn.constant)` with a
// quantized type chosen by one of the quantizers in
// quant/Quantization/WeightQuantizers.h, and an optional JSON SQNR report.
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/Transforms/Passes.h"
#include "quant/Quantization/WeightQuantizers.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/ToolOutputFile.h"

#include <cmath>

namespace mlir::qnn {
#define GEN_PASS_DEF_QNNQUANTIZEWEIGHTS
#include "quant/Dialect/QNN/Transforms/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn;
namespace qz = mlir::qnn::quantizers;

namespace {

enum class Scheme {
  Affine,
  Symmetric,
  SymmetricNarrow,
  Pow2,
  Binary,
  Ternary,
  KMeans
};

/// A weight operand to quantize and where its channels and reduction lie.
struct WeightUse {
  Operation *op;
  unsigned operandIndex;
  int64_t channelAxis;
  int64_t reductionAxis;
};

/// Finds the weight operand of a linear op, if it has one.
static std::optional<WeightUse> getWeightUse(Operation *op) {
  if (llvm::isa<Conv2DOp, FullyConnectedOp>(op))
    return WeightUse{op, 1, 0, 1};
  if (auto mm = llvm::dyn_cast<MatMulOp>(op)) {
    int64_t rank = mm.getRhs().getType().getRank();
    return WeightUse{op, 1, rank - 1, rank - 2};
  }
  return std::nullopt;
}

struct QNNQuantizeWeightsPass
    : qnn::impl::QNNQuantizeWeightsBase<QNNQuantizeWeightsPass> {
  using Base::Base;

  void runOnOperation() override;

private:
  /// Quantizes one weight; appends its report record. Fails with a
  /// diagnostic on `use.op`.
  LogicalResult quantizeWeight(const WeightUse &use, Scheme kind,
                               llvm::json::Array &records);
};

} // namespace

static std::optional<Scheme> parseScheme(StringRef name) {
  return llvm::StringSwitch<std::optional<Scheme>>(name)
      .Case("affine", Scheme::Affine)
      .Case("symmetric", Scheme::Symmetric)
      .Case("symmetric-narrow", Scheme::SymmetricNarrow)
      .Case("pow2", Scheme::Pow2)
      .Case("binary", Scheme::Binary)
      .Case("ternary", Scheme::Ternary)
      .Case("kmeans", Scheme::KMeans)
      .Default(std::nullopt);
}

/// Builds the storage attribute of `codes` as `width`-bit integers.
template <typename T>
static DenseElementsAttr
storageAttr(ArrayRef<int64_t> shape, unsigned width, bool isUnsigned,
            const std::vector<T> &codes, MLIRContext *ctx) {
  auto intType = IntegerType::get(
      ctx, width, isUnsigned ? IntegerType::Unsigned : IntegerType::Signless);
  auto tensorType = RankedTensorType::get(shape, intType);
  if (width == 1) {
    SmallVector<bool> bits(codes.begin(), codes.end());
    return DenseElementsAttr::get(tensorType, ArrayRef<bool>(bits));
  }
  SmallVector<APInt> values;
  values.reserve(codes.size());
  for (T c : codes)
    values.push_back(APInt(width, static_cast<int64_t>(c), /*isSigned=*/true,
                           /*implicitTrunc=*/true));
  return DenseElementsAttr::get(tensorType, values);
}

/// The !quant.uniform type of an affine/pow2 result.
static Type affineType(const qz::AffineResult &r, const qz::SliceMap &map,
                       const qz::Granularity &g, unsigned bits, bool isSigned,
                       ArrayRef<int64_t> shape, FloatType f32) {
  MLIRContext *ctx = f32.getContext();
  auto storage = IntegerType::get(ctx, bits);
  unsigned flags = isSigned ? quant::QuantizationFlags::Signed : 0;
  switch (g.kind) {
  case qz::Granularity::Kind::PerTensor:
    return quant::UniformQuantizedType::get(flags, storage, f32, r.scales[0],
                                            r.zeroPoints[0], r.qmin, r.qmax);
  case qz::Granularity::Kind::PerChannel:
    return quant::UniformQuantizedPerAxisType::get(
        flags, storage, f32, r.scales, r.zeroPoints, g.channelAxis, r.qmin,
        r.qmax);
  case qz::Granularity::Kind::PerGroup: {
    SmallVector<float> scales(r.scales.begin(), r.scales.end());
    SmallVector<APInt> zps;
    for (int64_t z : r.zeroPoints)
      zps.push_back(APInt(bits, z, /*isSigned=*/true, /*implicitTrunc=*/true));
    auto scaleType = RankedTensorType::get(map.gridShape, f32);
    auto zpType = RankedTensorType::get(map.gridShape, storage);
    SmallVector<int32_t> dims = {static_cast<int32_t>(g.channelAxis),
                                 static_cast<int32_t>(g.groupAxis)};
    SmallVector<int64_t> blocks = {1, g.groupSize};
    (void)shape;
    return quant::UniformQuantizedSubChannelType::get(
        flags, storage, f32,
        DenseElementsAttr::get(scaleType, ArrayRef<float>(scales)),
        DenseElementsAttr::get(zpType, zps), dims, blocks, r.qmin, r.qmax);
  }
  }
  return {};
}

LogicalResult
QNNQuantizeWeightsPass::quantizeWeight(const WeightUse &use, Scheme kind,
                                       llvm::json::Array &records) {
  Operation *op = use.op;
  Value weight = op->getOperand(use.operandIndex);
  DenseElementsAttr attr;
  if (!matchPattern(weight, m_Constant(&attr)) ||
      !attr.getElementType().isF32())
    return success(); // Not a float constant: nothing to do.
  auto type = llvm::cast<RankedTensorType>(weight.getType());
  ArrayRef<int64_t> shape = type.getShape();
  std::vector<float> w(attr.value_begin<float>(), attr.value_end<float>());

  qz::Granularity g;
  if (granularity == "channel") {
    g.kind = qz::Granularity::Kind::PerChannel;
    g.channelAxis = use.channelAxis;
  } else if (granularity == "group") {
    g.kind = qz::Granularity::Kind::PerGroup;
    g.channelAxis = use.channelAxis;
    g.groupAxis = use.reductionAxis;
    g.groupSize = groupSize;
  } else if (granularity != "tensor") {
    return op->emitError() << "unknown granularity '" << granularity
                           << "' (expected tensor, channel or group)";
  }
  if (kind == Scheme::KMeans && g.kind != qz::Granularity::Kind::PerTensor)
    return op->emitError() << "kmeans codebooks are per tensor; use "
                              "granularity=tensor";
  if ((kind == Scheme::Binary || kind == Scheme::Ternary) &&
      g.kind == qz::Granularity::Kind::PerGroup)
    return op->emitError() << "binary and ternary weights are per tensor or "
                              "per channel";
  qz::SliceMap map;
  std::string error;
  if (!qz::computeSlices(std::vector<int64_t>(shape.begin(), shape.end()), g,
                         map, error))
    return op->emitError() << "cannot quantize weights of shape " << type
                           << ": " << error;

  MLIRContext *ctx = &getContext();
  auto f32 = Float32Type::get(ctx);
  int32_t axis = g.kind == qz::Granularity::Kind::PerChannel
                     ? static_cast<int32_t>(g.channelAxis)
                     : -1;
  Type elementType;
  DenseElementsAttr storage;
  std::vector<float> dequantized;
  unsigned storageBits = bits;
  switch (kind) {
  case Scheme::Affine:
  case Scheme::Symmetric:
  case Scheme::SymmetricNarrow:
  case Scheme::Pow2: {
    bool isSigned = kind == Scheme::Pow2 || !isUnsigned;
    qz::AffineResult r;
    if (kind == Scheme::Pow2) {
      r = qz::quantizePowerOfTwo(w, map, bits);
    } else {
      qz::AffineScheme s = kind == Scheme::Affine ? qz::AffineScheme::Asymmetric
                           : kind == Scheme::Symmetric
                               ? qz::AffineScheme::SymmetricFull
                               : qz::AffineScheme::SymmetricRestricted;
      r = qz::quantizeAffine(w, map, bits, isSigned, s);
    }
    elementType = affineType(r, map, g, bits, isSigned, shape, f32);
    storage = storageAttr(shape, bits, /*isUnsigned=*/false, r.codes, ctx);
    dequantized = std::move(r.dequantized);
    break;
  }
  case Scheme::Binary: {
    qz::BinaryResult r = qz::quantizeBinary(w, map);
    elementType = BinaryType::get(f32, axis, r.alphas);
    storageBits = 1;
    storage = storageAttr(shape, 1, false, r.bits, ctx);
    dequantized = std::move(r.dequantized);
    break;
  }
  case Scheme::Ternary: {
    qz::TernaryResult r = qz::quantizeTernary(w, map);
    elementType = TernaryType::get(f32, axis, r.alphas, r.alphas);
    storageBits = 2;
    storage = storageAttr(shape, 2, false, r.codes, ctx);
    dequantized = std::move(r.dequantized);
    break;
  }
  case Scheme::KMeans: {
    qz::CodebookResult r = qz::quantizeCodebook(w, bits);
    elementType = CodebookType::get(bits, f32, r.table);
    storage = storageAttr(shape, bits, /*isUnsigned=*/true, r.indices, ctx);
    dequantized = std::move(r.dequantized);
    break;
  }
  }

  OpBuilder builder(op);
  Location loc = weight.getLoc();
  auto quantizedType = RankedTensorType::get(shape, elementType);
  Value codes = ConstantOp::create(builder, loc, quantizedType, storage);
  Value dq = DequantizeOp::create(builder, loc, type, codes);
  op->setOperand(use.operandIndex, dq);

  double sqnr = qz::sqnrDb(w, dequantized);
  std::string location;
  llvm::raw_string_ostream locStream(location);
  op->getLoc().print(locStream);
  llvm::json::Object record{{"op", op->getName().getStringRef()},
                            {"loc", location},
                            {"shape", llvm::json::Array(shape)},
                            {"scheme", std::string(scheme)},
                            {"bits", static_cast<int64_t>(storageBits)},
                            {"granularity", granularity},
                            {"slices", map.numSlices},
                            {"sqnr_db", std::isfinite(sqnr)
                                            ? llvm::json::Value(sqnr)
                                            : llvm::json::Value(nullptr)}};
  records.push_back(std::move(record));
  return success();
}

void QNNQuantizeWeightsPass::runOnOperation() {
  ModuleOp module = getOperation();
  std::optional<Scheme> kind = parseScheme(scheme);
  if (!kind) {
    module.emitError() << "unknown quantization scheme '" << scheme
                       << "' (expected affine, symmetric, symmetric-narrow, "
                          "pow2, binary, ternary or kmeans)";
    return signalPassFailure();
  }
  bool affineLike = *kind == Scheme::Affine || *kind == Scheme::Symmetric ||
                    *kind == Scheme::SymmetricNarrow || *kind == Scheme::Pow2;
  if (affineLike && (bits < 2 || bits > 16)) {
    module.emitError() << "scheme '" << scheme << "' needs 2 to 16 bits, got "
                       << static_cast<unsigned>(bits);
    return signalPassFailure();
  }
  if (*kind == Scheme::KMeans && (bits < 1 || bits > 8)) {
    module.emitError() << "kmeans needs 1 to 8 bits, got "
                       << static_cast<unsigned>(bits);
    return signalPassFailure();
  }
  if (isUnsigned && *kind != Scheme::Affine && *kind != Scheme::Symmetric) {
    module.emitError() << "unsigned storage applies to the affine and "
                          "symmetric schemes only";
    return signalPassFailure();
  }

  SmallVector<WeightUse> uses;
  module.walk([&](Operation *op) {
    if (std::optional<WeightUse> use = getWeightUse(op))
      uses.push_back(*use);
  });
  llvm::json::Array records;
  for (const WeightUse &use : uses) {
    Operation *oldWeight = use.op->getOperand(use.operandIndex).getDefiningOp();
    if (failed(quantizeWeight(use, *kind, records)))
      return signalPassFailure();
    if (oldWeight && oldWeight->use_empty())
      oldWeight->erase();
  }

  if (report.empty())
    return;
  std::string error;
  auto file = mlir::openOutputFile(report, &error);
  if (!file) {
    module.emitError() << "cannot write report '" << report << "': " << error;
    return signalPassFailure();
  }
  file->os() << llvm::formatv("{0:2}", llvm::json::Value(std::move(records)))
             << "\n";
  file->keep();
}
