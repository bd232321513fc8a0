//===- QNNNNOps.cpp - neural-network compute op verifiers -----------------===//
//
// Verifiers of the compute ops declared in QNNNNOps.td: conv2d, matmul,
// fully_connected, batch_norm and softmax (the pooling ops are in
// QNNPoolingOps.cpp), and the rank, size and sliding-window helpers that
// QNNVerifyUtils.h shares with them. Each verifier checks, in this order:
//
//   1. the shape relations of the op description (a dynamic dimension skips
//      every check it takes part in);
//   2. the quantization parameters of every operand and result against its
//      shape (verifyTensorQuantization);
//   3. which combination of element kinds has a meaning for the op.
//
// What one operand or attribute may be on its own (ranks, element kinds,
// array lengths and ranges) is stated in ODS (QNNTypeConstraints.td) and
// checked before these verifiers run. The linear ops (conv2d,
// fully_connected, matmul) share one set of element rules, implemented by
// verifyLinearElementTypes.
//
//===----------------------------------------------------------------------===//

#include "QNNVerifyUtils.h"
#include "quant/Dialect/QNN/IR/QNN.h"

#include "llvm/Support/CheckedArithmetic.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::verifyutil;

/// Relative tolerance of the bias-scale rule of the linear ops:
/// |s_bias - s_in * s_w| <= kBiasScaleTolerance * s_in * s_w. It absorbs a
/// product computed in f32 (relative error ~6e-8) but not a wrong scale.
static constexpr double kBiasScaleTolerance = 1e-6;

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

static bool isDynamic(int64_t size) { return ShapedType::isDynamic(size); }

/// The shortest decimal form of `value` that reads back exactly ("0.125",
/// "1e-06"), for diagnostics about scales.
static std::string formatDouble(double value) {
  char buffer[32];
  for (int precision = 1; precision < 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value)
      return buffer;
  }
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

/// True if both sizes are static and differ.
static bool staticMismatch(int64_t a, int64_t b) {
  return !isDynamic(a) && !isDynamic(b) && a != b;
}

/// Fails unless the static size `actual` equals the static size `expected`
/// (dynamic sizes pass). `what` describes the checked size.
LogicalResult verifyutil::verifySize(Operation *op, int64_t actual,
                                     int64_t expected, const Twine &what) {
  if (!staticMismatch(actual, expected))
    return success();
  return op->emitOpError() << "expects " << what << " " << expected << ", got "
                           << actual;
}

/// Runs verifyTensorQuantization on each (type, name) pair; null types (an
/// absent optional operand) are skipped.
LogicalResult verifyutil::verifyQuantizations(
    Operation *op, ArrayRef<std::pair<RankedTensorType, StringRef>> types) {
  for (auto [type, what] : types)
    if (type && failed(verifyTensorQuantization(op, type, what)))
      return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// Sliding windows (conv2d and the pooling ops)
//===----------------------------------------------------------------------===//

/// Checks `output` against the window formula
///   floor((in + pb + pe - d*(k-1) - 1) / s) + 1
/// or, with `ceilMode`, the same with ceil, minus one when the last window
/// would start in the end padding (ONNX / PyTorch: every window must start
/// inside the input or the begin padding). Fails as well when the dilated
/// kernel does not fit the padded input. Dynamic sizes skip the check;
/// attribute values are arbitrary int64, hence the checked arithmetic.
LogicalResult verifyutil::verifyWindowDim(Operation *op, const WindowDim &w,
                                          int64_t output, bool ceilMode) {
  if (isDynamic(w.input) || isDynamic(w.kernel))
    return success();
  std::optional<int64_t> effective =
      llvm::checkedMulAdd<int64_t>(w.dilation, w.kernel - 1, 1);
  std::optional<int64_t> padBegin = llvm::checkedAdd(w.input, w.padBegin);
  std::optional<int64_t> padded =
      padBegin ? llvm::checkedAdd(*padBegin, w.padEnd) : std::nullopt;
  if (!effective || !padded)
    return op->emitOpError()
           << "window " << w.name << " computation overflows 64 bits";
  int64_t span = *padded - *effective;
  if (span < 0)
    return op->emitOpError()
           << "expects the dilated kernel " << w.name << " (" << *effective
           << ") to fit the padded input " << w.name << " (" << *padded << ")";
  int64_t expected = span / w.stride + 1;
  bool dropped = false;
  if (ceilMode && span % w.stride != 0) {
    ++expected;
    std::optional<int64_t> lastStart = llvm::checkedMul(expected - 1, w.stride);
    if (!lastStart || *lastStart >= *padBegin) {
      --expected;
      dropped = true;
    }
  }
  if (isDynamic(output) || output == expected)
    return success();
  InFlightDiagnostic diag = op->emitOpError();
  diag << "expects result " << w.name << " " << expected << " = "
       << (ceilMode ? "ceil" : "floor") << "((" << w.input << " + "
       << w.padBegin << " + " << w.padEnd << " - " << w.dilation << "*("
       << w.kernel << " - 1) - 1) / " << w.stride << ") + 1";
  if (dropped)
    diag << " - 1 (the last window would start in the end padding)";
  diag << ", got " << output;
  return diag;
}

//===----------------------------------------------------------------------===//
// Element rules of the linear ops (conv2d, fully_connected, matmul)
//===----------------------------------------------------------------------===//

namespace {
/// The typed operands of a linear op, named for diagnostics.
struct LinearTypes {
  RankedTensorType input, weight, bias, result; ///< `bias` may be null.
  StringRef inputName, weightName;
  int64_t weightAxis;       ///< The only axis per-axis weights may vary along.
  StringRef weightAxisRole; ///< What that axis is, e.g. "output channels".
};
} // namespace

/// The scales of a per-tensor or per-axis !quant.uniform type, one per
/// slice. A per-tensor scale is copied into `storage`, which the returned
/// array then refers to.
static ArrayRef<double> getAffineScales(Type type, double &storage) {
  if (auto perAxis = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(type))
    return perAxis.getScales();
  storage = llvm::cast<quant::UniformQuantizedType>(type).getScale();
  return ArrayRef<double>(storage);
}

/// The bias rules for an affine input: a per-tensor or per-axis
/// !quant.uniform with signed 32-bit storage, zero points 0 and, per output
/// channel, scale s_in * s_w (within kBiasScaleTolerance).
static LogicalResult verifyAffineBias(Operation *op, const LinearTypes &t) {
  Type in = t.input.getElementType(), w = t.weight.getElementType();
  Type b = t.bias.getElementType();
  if (!llvm::isa<quant::UniformQuantizedType,
                 quant::UniformQuantizedPerAxisType>(b))
    return op->emitOpError()
           << "expects a bias of per-tensor or per-channel !quant.uniform "
              "type with i32 storage for an affine "
           << t.inputName << ", got " << b;
  auto bq = llvm::cast<quant::QuantizedType>(b);
  if (bq.getStorageTypeIntegralWidth() != 32 || !bq.isSigned())
    return op->emitOpError()
           << "expects i32 bias storage, got " << (bq.isSigned() ? "i" : "u")
           << bq.getStorageTypeIntegralWidth() << " in " << b;
  SmallVector<int64_t> zeroPoints;
  if (auto perAxis = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(b))
    llvm::append_range(zeroPoints, perAxis.getZeroPoints());
  else
    zeroPoints.push_back(
        llvm::cast<quant::UniformQuantizedType>(b).getZeroPoint());
  for (int64_t zp : zeroPoints)
    if (zp != 0)
      return op->emitOpError() << "expects bias zero point 0, got " << zp;

  double inScale = llvm::cast<quant::UniformQuantizedType>(in).getScale();
  double wStorage = 0.0, bStorage = 0.0;
  ArrayRef<double> wScales = getAffineScales(w, wStorage);
  ArrayRef<double> bScales = getAffineScales(b, bStorage);
  if (wScales.size() > 1 && bScales.size() > 1 &&
      wScales.size() != bScales.size())
    return op->emitOpError()
           << "has " << wScales.size() << " " << t.weightName << " scales but "
           << bScales.size() << " bias scales";
  size_t channels = std::max(wScales.size(), bScales.size());
  for (size_t o = 0; o < channels; ++o) {
    double sw = wScales[wScales.size() == 1 ? 0 : o];
    double sb = bScales[bScales.size() == 1 ? 0 : o];
    double expected = inScale * sw;
    if (std::fabs(sb - expected) <= kBiasScaleTolerance * expected)
      continue;
    InFlightDiagnostic diag = op->emitOpError();
    diag << "expects bias scale " << t.inputName << " scale * " << t.weightName
         << " scale = " << formatDouble(inScale) << " * " << formatDouble(sw)
         << " = " << formatDouble(expected);
    if (channels > 1)
      diag << " for channel " << o;
    diag << " (relative tolerance " << formatDouble(kBiasScaleTolerance)
         << "), got " << formatDouble(sb);
    return diag;
  }
  return success();
}

/// The integer form (after qnn-lower-to-integer): signless integer input
/// and weights of at most 16 bits, an optional i32 bias and an i32 result,
/// the plain sum of products (zero points already folded away).
static LogicalResult verifyIntegerLinearTypes(Operation *op,
                                              const LinearTypes &t) {
  auto narrow = [](Type type) {
    auto i = llvm::dyn_cast<IntegerType>(type);
    return i && i.isSignless() && i.getWidth() <= 16;
  };
  Type in = t.input.getElementType(), w = t.weight.getElementType();
  if (!narrow(in) || !narrow(w))
    return op->emitOpError()
           << "expects signless integer " << t.inputName << " and "
           << t.weightName << " of at most 16 bits, got " << in << " and " << w;
  if (t.bias && !t.bias.getElementType().isSignlessInteger(32))
    return op->emitOpError() << "expects an i32 bias for integer operands, got "
                             << t.bias.getElementType();
  if (!t.result.getElementType().isSignlessInteger(32))
    return op->emitOpError()
           << "expects an i32 result for integer operands, got "
           << t.result.getElementType();
  return success();
}

/// Element-type rules of conv2d, fully_connected and matmul (see the
/// conv2d description):
///   float input  -> float / binary / ternary / codebook weights, float bias
///                   and result;
///   affine input -> per tensor; affine weights; bias per verifyAffineBias;
///                   float, affine or i32 (accumulator) result;
///   binary input -> binary weights (XNOR-popcount); float bias and result.
/// Weights are per tensor or per axis along `weightAxis` (no sub-channel
/// blocks), and every operand and result expresses the input's float type.
/// ODS has checked the kinds each operand may have in some combination
/// (input float, affine, binary or integer; bias float, affine or i32;
/// result float, affine or i32).
static LogicalResult verifyLinearElementTypes(Operation *op,
                                              const LinearTypes &t) {
  Type in = t.input.getElementType(), w = t.weight.getElementType();
  Type r = t.result.getElementType();
  ElementKind inKind = getElementKind(in), wKind = getElementKind(w);
  ElementKind rKind = getElementKind(r);
  if (inKind == ElementKind::Integer)
    return verifyIntegerLinearTypes(op, t);
  if (inKind == ElementKind::Affine &&
      !llvm::isa<quant::UniformQuantizedType>(in))
    return op->emitOpError() << "expects a per-tensor affine " << t.inputName
                             << " (its scale enters the bias and "
                                "accumulator scale), got "
                             << in;
  FloatType expressed = getExpressedType(in);
  auto verifyExpressed = [&](Type elt, StringRef what) -> LogicalResult {
    if (getExpressedType(elt) == expressed)
      return success();
    return op->emitOpError()
           << "expects " << what << " elements expressing " << expressed
           << " like the " << t.inputName << ", got " << elt;
  };

  // Weights.
  switch (inKind) {
  case ElementKind::Float:
    if (wKind != ElementKind::Float && wKind != ElementKind::Binary &&
        wKind != ElementKind::Ternary && wKind != ElementKind::Codebook)
      return op->emitOpError()
             << "expects float, binary, ternary or codebook " << t.weightName
             << " elements for a float " << t.inputName << ", got " << w << " ("
             << kindName(wKind) << ")";
    break;
  case ElementKind::Affine:
    if (wKind != ElementKind::Affine)
      return op->emitOpError()
             << "expects affine " << t.weightName << " elements for an affine "
             << t.inputName << ", got " << w << " (" << kindName(wKind) << ")";
    break;
  default: // Binary.
    if (wKind != ElementKind::Binary)
      return op->emitOpError()
             << "expects binary " << t.weightName << " elements for a binary "
             << t.inputName << " (XNOR-popcount needs binary weights), got "
             << w << " (" << kindName(wKind) << ")";
    break;
  }
  if (llvm::isa<quant::UniformQuantizedSubChannelType>(w))
    return op->emitOpError() << "expects " << t.weightName
                             << " quantized per tensor or per axis, got the "
                                "sub-channel type "
                             << w;
  int64_t axis = getQuantizedAxis(w);
  if (axis >= 0 && axis != t.weightAxis)
    return op->emitOpError() << "expects per-axis " << t.weightName
                             << " quantized along axis " << t.weightAxis << " ("
                             << t.weightAxisRole << "), got axis " << axis;
  if (failed(verifyExpressed(w, t.weightName)))
    return failure();

  // Bias.
  if (t.bias) {
    Type b = t.bias.getElementType();
    if (inKind == ElementKind::Affine) {
      if (failed(verifyAffineBias(op, t)))
        return failure();
    } else if (getElementKind(b) != ElementKind::Float) {
      return op->emitOpError()
             << "expects a float bias for a " << kindName(inKind) << " "
             << t.inputName << ", got " << b;
    }
    if (failed(verifyExpressed(b, "bias")))
      return failure();
  }

  // Result.
  if (inKind == ElementKind::Affine) {
    // Float, affine or (ODS) the raw i32 accumulator, whose real value is
    // acc * s_in * s_w.
    if (r.isSignlessInteger(32))
      return success();
  } else if (rKind != ElementKind::Float) {
    return op->emitOpError()
           << "expects a float result for a " << kindName(inKind) << " "
           << t.inputName << ", got " << r;
  }
  return verifyExpressed(r, "result");
}

//===----------------------------------------------------------------------===//
// Conv2DOp
//===----------------------------------------------------------------------===//

/// NCHW input, OIHW weights, optional bias [O]: shapes and attributes, the
/// output size per verifyWindowDim, the linear element rules with per-axis
/// weights along axis 0, and `pad_value` for binary inputs.
LogicalResult Conv2DOp::verify() {
  Operation *op = *this;
  RankedTensorType in = getInput().getType(), w = getWeight().getType();
  RankedTensorType bias = getBias() ? getBias().getType() : RankedTensorType();
  RankedTensorType out = getType();
  // ODS has checked the ranks (4, 4, 1, 4), two strides and dilations >= 1,
  // four paddings >= 0 and groups >= 1.
  ArrayRef<int64_t> strides = getStrides(), dilations = getDilations();
  ArrayRef<int64_t> padding = getPadding();
  // I64Attr accessors return uint64_t; read the value as signed.
  int64_t groups = static_cast<int64_t>(getGroups());

  int64_t channels = in.getDimSize(1), outChannels = w.getDimSize(0);
  if (!isDynamic(channels) && channels % groups != 0)
    return emitOpError() << "expects 'groups' (" << groups
                         << ") to divide the input channels (" << channels
                         << ")";
  if (!isDynamic(outChannels) && outChannels % groups != 0)
    return emitOpError() << "expects 'groups' (" << groups
                         << ") to divide the output channels (weight "
                            "dimension 0: "
                         << outChannels << ")";
  if (!isDynamic(channels) &&
      failed(verifySize(op, w.getDimSize(1), channels / groups,
                        "weight dimension 1 = input channels / groups = " +
                            Twine(channels) + " / " + Twine(groups) + " =")))
    return failure();
  for (unsigned i = 2; i < 4; ++i)
    if (!isDynamic(w.getDimSize(i)) && w.getDimSize(i) < 1)
      return emitOpError() << "expects a nonempty kernel, got weight type "
                           << w;
  if (bias && failed(verifySize(op, bias.getDimSize(0), outChannels,
                                "bias size = output channels =")))
    return failure();
  if (failed(verifySize(op, out.getDimSize(0), in.getDimSize(0),
                        "result batch")) ||
      failed(verifySize(op, out.getDimSize(1), outChannels,
                        "result channels = weight dimension 0 =")))
    return failure();
  static constexpr StringLiteral names[] = {"height", "width"};
  for (unsigned i = 0; i < 2; ++i) {
    WindowDim dim{names[i],      in.getDimSize(2 + i), w.getDimSize(2 + i),
                  strides[i],    dilations[i],         padding[i],
                  padding[i + 2]};
    if (failed(verifyWindowDim(op, dim, out.getDimSize(2 + i),
                               /*ceilMode=*/false)))
      return failure();
  }

  if (failed(verifyQuantizations(
          op, {{in, "input"}, {w, "weight"}, {bias, "bias"}, {out, "result"}})))
    return failure();
  if (failed(verifyLinearElementTypes(
          op, {in, w, bias, out, "input", "weight", 0, "output channels"})))
    return failure();

  // Binary input: padding reads `pad_value`, written out because zero is
  // not a binary value: +1 / -1 pad with a code, 0 pads with nothing (the
  // padded taps add nothing, as PyTorch, Larq and Bi-Real-Net define it).
  // ODS has checked that it is -1, 0 or 1.
  bool binaryInput = getElementKind(in.getElementType()) == ElementKind::Binary;
  if (std::optional<uint64_t> raw = getPadValue()) {
    int64_t padValue = static_cast<int64_t>(*raw);
    if (!binaryInput)
      return emitOpError() << "expects no 'pad_value' for a "
                           << kindName(getElementKind(in.getElementType()))
                           << " input (padding reads zero), got " << padValue;
  } else if (binaryInput &&
             llvm::any_of(padding, [](int64_t p) { return p != 0; })) {
    return emitOpError() << "expects 'pad_value' (+1, -1 or 0) for a binary "
                            "input with nonzero padding";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// MatMulOp
//===----------------------------------------------------------------------===//

/// ONNX MatMul for ranks >= 2: lhs [..., M, K], rhs [..., K, N], batch
/// dimensions broadcast numpy-style (right-aligned, equal or 1), result
/// [broadcast batch..., M, N]; element rules of conv2d with per-axis rhs
/// along its last (N) dimension.
LogicalResult MatMulOp::verify() {
  Operation *op = *this;
  RankedTensorType lhs = getLhs().getType(), rhs = getRhs().getType();
  RankedTensorType out = getType(); // ODS: each of rank >= 2.
  ArrayRef<int64_t> l = lhs.getShape(), r = rhs.getShape();
  ArrayRef<int64_t> o = out.getShape();
  int64_t lRank = lhs.getRank(), rRank = rhs.getRank();
  if (staticMismatch(l[lRank - 1], r[rRank - 2]))
    return emitOpError() << "expects the lhs K (dimension " << lRank - 1 << ": "
                         << l[lRank - 1] << ") to equal the rhs K "
                         << "(dimension " << rRank - 2 << ": " << r[rRank - 2]
                         << ")";

  ArrayRef<int64_t> lBatch = l.drop_back(2), rBatch = r.drop_back(2);
  int64_t batchRank = std::max<int64_t>(lBatch.size(), rBatch.size());
  if (out.getRank() != batchRank + 2)
    return emitOpError() << "expects a result of rank " << batchRank + 2
                         << " (broadcast batch dimensions, M, N), got " << out;
  for (int64_t i = 0; i < batchRank; ++i) {
    // Right-aligned: a missing dimension broadcasts like a 1.
    int64_t fromEnd = batchRank - i;
    int64_t lNum = static_cast<int64_t>(lBatch.size());
    int64_t rNum = static_cast<int64_t>(rBatch.size());
    int64_t a = fromEnd <= lNum ? lBatch[lNum - fromEnd] : 1;
    int64_t b = fromEnd <= rNum ? rBatch[rNum - fromEnd] : 1;
    if (staticMismatch(a, b) && a != 1 && b != 1)
      return emitOpError() << "cannot broadcast the batch dimensions " << a
                           << " (lhs) and " << b << " (rhs) to result "
                           << "dimension " << i;
    int64_t expected;
    if (a == 1)
      expected = b;
    else if (b == 1)
      expected = a;
    else
      expected = isDynamic(a) ? b : a; // Both dynamic stays dynamic.
    if (failed(verifySize(op, o[i], expected,
                          "result dimension " + Twine(i) +
                              " = broadcast batch dimension")))
      return failure();
  }
  if (failed(verifySize(op, o[batchRank], l[lRank - 2], "result M =")) ||
      failed(verifySize(op, o[batchRank + 1], r[rRank - 1], "result N =")))
    return failure();

  if (failed(verifyQuantizations(
          op, {{lhs, "lhs"}, {rhs, "rhs"}, {out, "result"}})))
    return failure();
  return verifyLinearElementTypes(op,
                                  {lhs, rhs, RankedTensorType(), out, "lhs",
                                   "rhs", rRank - 1, "N, the last dimension"});
}

//===----------------------------------------------------------------------===//
// FullyConnectedOp
//===----------------------------------------------------------------------===//

/// input [B, K] x weight [O, K] + bias [O] -> [B, O]; element rules of
/// conv2d with per-axis weights along axis 0.
LogicalResult FullyConnectedOp::verify() {
  Operation *op = *this;
  RankedTensorType in = getInput().getType(), w = getWeight().getType();
  RankedTensorType bias = getBias() ? getBias().getType() : RankedTensorType();
  RankedTensorType out = getType(); // ODS: ranks 2, 2, 1 and 2.
  if (staticMismatch(in.getDimSize(1), w.getDimSize(1)))
    return emitOpError() << "expects the input K (" << in.getDimSize(1)
                         << ") to equal the weight K (" << w.getDimSize(1)
                         << ")";
  if ((bias && failed(verifySize(op, bias.getDimSize(0), w.getDimSize(0),
                                 "bias size = output features ="))) ||
      failed(verifySize(op, out.getDimSize(0), in.getDimSize(0),
                        "result batch")) ||
      failed(verifySize(op, out.getDimSize(1), w.getDimSize(0),
                        "result features = weight dimension 0 =")))
    return failure();

  if (failed(verifyQuantizations(
          op, {{in, "input"}, {w, "weight"}, {bias, "bias"}, {out, "result"}})))
    return failure();
  return verifyLinearElementTypes(
      op, {in, w, bias, out, "input", "weight", 0, "output features"});
}

//===----------------------------------------------------------------------===//
// BatchNormOp
//===----------------------------------------------------------------------===//

/// Float only: one f32/f16/bf16 type throughout, 1-D parameters of size C
/// (dimension 1 of the input), result type = input type, epsilon > 0. ODS
/// has checked the element kinds and ranks of each operand.
LogicalResult BatchNormOp::verify() {
  RankedTensorType in = getInput().getType();
  Type elt = in.getElementType();
  int64_t channels = in.getDimSize(1);
  std::pair<Value, StringRef> params[] = {{getScale(), "scale"},
                                          {getBias(), "bias"},
                                          {getMean(), "mean"},
                                          {getVariance(), "variance"}};
  for (auto [value, name] : params) {
    RankedTensorType type = tensorTypeOf(value);
    if (type.getElementType() != elt)
      return emitOpError() << "expects " << name << " elements of the input "
                           << "type " << elt << ", got "
                           << type.getElementType();
    if (failed(verifySize(*this, type.getDimSize(0), channels,
                          Twine(name) + " size = input channels =")))
      return failure();
  }
  if (getType() != in)
    return emitOpError() << "expects the result type to equal the input type "
                         << in << ", got " << getType();
  double epsilon = getEpsilonAttr().getValueAsDouble();
  if (!(epsilon > 0.0) || !std::isfinite(epsilon))
    return emitOpError() << "expects a positive finite epsilon, got "
                         << formatDouble(epsilon);
  return success();
}

//===----------------------------------------------------------------------===//
// SoftmaxOp
//===----------------------------------------------------------------------===//

/// `axis` in [-rank, rank), same shape; float -> the same float type or
/// affine -> affine expressing the same float type.
LogicalResult SoftmaxOp::verify() {
  Operation *op = *this;
  RankedTensorType in = getInput().getType(), out = getType();
  int64_t rank = in.getRank();
  // I64Attr accessors return uint64_t; read the value as signed.
  int64_t axis = static_cast<int64_t>(getAxis());
  if (axis < -rank || axis >= rank)
    return emitOpError() << "expects 'axis' in [" << -rank << ", " << rank
                         << ") for an input of rank " << rank << ", got "
                         << axis;
  if (failed(verifySameShape(op, in, out, "input and result")) ||
      failed(verifyQuantizations(op, {{in, "input"}, {out, "result"}})))
    return failure();
  Type inElt = in.getElementType(), outElt = out.getElementType();
  ElementKind inKind = getElementKind(inElt);
  if (inKind == ElementKind::Float) {
    if (outElt != inElt)
      return emitOpError() << "expects the result element type to equal the "
                              "float input element type "
                           << inElt << ", got " << outElt;
    return success();
  }
  // ODS: the input is float or affine.
  if (getElementKind(outElt) != ElementKind::Affine)
    return emitOpError() << "expects an affine result for an affine input, "
                            "got "
                         << outElt;
  if (getExpressedType(outElt) != getExpressedType(inElt))
    return emitOpError() << "expects the result to express "
                         << getExpressedType(inElt) << " like the input, got "
                         << getExpressedType(outElt);
  return success();
}
