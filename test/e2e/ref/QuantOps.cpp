//===- QuantOps.cpp - qnn-ref: quantization and quantized values --------===//
//
// The quantization family of the reference: rescale in its three rounding
// modes, requantize (half_even), quantize / dequantize of affine, binary,
// ternary and codebook types, quant.scast, binarize, and the code / real
// conversions the other op families use (see EvaluatorDetail.h). f32
// arithmetic where the op is defined in f32 (ONNX Runtime's rules).
//
//===----------------------------------------------------------------------===//

#include "EvaluatorDetail.h"

#include "mlir/Dialect/Quant/IR/Quant.h"

#include <cmath>

using namespace mlir;
using namespace qnnref;
using namespace qnnref::detail;

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

namespace {

int64_t sat32(int64_t v) {
  return std::min<int64_t>(std::max<int64_t>(v, INT32_MIN), INT32_MAX);
}

/// gemmlowp SaturatingRoundingDoublingHighMul.
int32_t doublingHighMul(int32_t a, int32_t b) {
  if (a == b && a == INT32_MIN)
    return INT32_MAX;
  int64_t ab = static_cast<int64_t>(a) * b;
  int64_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
  return static_cast<int32_t>((ab + nudge) / (int64_t{1} << 31));
}

/// gemmlowp RoundingDivideByPOT.
int32_t roundingDivideByPOT(int32_t x, int e) {
  int64_t mask = (int64_t{1} << e) - 1;
  int64_t remainder = x & mask;
  int64_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return static_cast<int32_t>((x >> e) + (remainder > threshold ? 1 : 0));
}

} // namespace

Tensor qnnref::detail::rescale(qnn::RescaleOp op, const Tensor &x) {
  Tensor y = make(op.getType());
  int64_t outLo, outHi;
  integerRange(op.getType().getElementType(), outLo, outHi);
  unsigned inWidth = op.getInput().getType().getElementTypeBitWidth();
  int64_t axis = op.getAxis() ? static_cast<int64_t>(*op.getAxis()) : -1;
  int64_t izp = static_cast<int32_t>(op.getInputZp());
  int64_t ozp = static_cast<int32_t>(op.getOutputZp());
  int64_t lo = static_cast<int64_t>(op.getMin()),
          hi = static_cast<int64_t>(op.getMax());
  qnn::RoundingMode mode = op.getRounding();
  forEach(x.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    int64_t slice = axis < 0 ? 0 : i[axis];
    int64_t v = static_cast<int64_t>(x.values[pos]);
    if (op.getInputUnsigned() && v < 0)
      v += int64_t{1} << inWidth; // Read the bits as unsigned.
    v -= izp;
    int64_t r;
    if (mode == qnn::RoundingMode::HalfEven) {
      float prod = static_cast<float>(v) * (*op.getScale())[slice];
      float rounded = std::nearbyint(prod); // Ties to even by default.
      r = std::fabs(rounded) > 1e12f
              ? (rounded > 0 ? INT64_MAX / 4 : INT64_MIN / 4)
              : static_cast<int64_t>(rounded);
    } else {
      int32_t m = (*op.getMultiplier())[slice];
      int shift = (*op.getShift())[slice];
      int32_t x32 = static_cast<int32_t>(sat32(v));
      if (mode == qnn::RoundingMode::DoubleRound) {
        int left = std::max(31 - shift, 0), right = std::max(shift - 31, 0);
        int32_t shifted = static_cast<int32_t>(
            sat32(static_cast<int64_t>(x32) * (int64_t{1} << left)));
        r = roundingDivideByPOT(doublingHighMul(shifted, m), right);
      } else {
        __int128 prod = static_cast<__int128>(x32) * m;
        __int128 round =
            shift > 0 ? (static_cast<__int128>(1) << (shift - 1)) : 0;
        r = static_cast<int64_t>((prod + round) >> shift);
      }
    }
    r = std::min(std::max(r + ozp, lo), hi);
    y.values[pos] = wrapInto(r, outLo, outHi);
  });
  return y;
}

//===----------------------------------------------------------------------===//
// Binary, ternary and codebook values (held as codes: -1 / +1, -1 / 0 / +1,
// table indices)
//===----------------------------------------------------------------------===//

bool qnnref::detail::isLowBitKind(Type t) {
  auto rt = llvm::dyn_cast<RankedTensorType>(t);
  return rt && llvm::isa<qnn::BinaryType, qnn::TernaryType, qnn::CodebookType>(
                   rt.getElementType());
}

/// The real value of `code` in slice `s`, in the expressed f32: +-alpha,
/// the scaled sign, the table entry.
double qnnref::detail::lowBitReal(Type elt, double code, int64_t s) {
  if (auto b = llvm::dyn_cast<qnn::BinaryType>(elt)) {
    float alpha = static_cast<float>(b.getAlphaValues()[b.isPerAxis() ? s : 0]);
    return code > 0 ? alpha : -alpha;
  }
  if (auto t = llvm::dyn_cast<qnn::TernaryType>(elt)) {
    int64_t i = t.isPerAxis() ? s : 0;
    return code > 0   ? static_cast<float>(t.getPosScaleValues()[i])
           : code < 0 ? -static_cast<float>(t.getNegScaleValues()[i])
                      : 0.0;
  }
  auto cb = llvm::cast<qnn::CodebookType>(elt);
  return static_cast<float>(cb.getTableValues()[static_cast<size_t>(code)]);
}

namespace {

/// The reals of a binary / ternary / codebook tensor `x` of type `type`.
Tensor lowBitReals(const Tensor &x, Type type) {
  Type elt = llvm::cast<RankedTensorType>(type).getElementType();
  int64_t axis = qnn::getQuantizedAxis(elt);
  Tensor y = x;
  y.isFloat = true;
  forEach(x.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    y.values[pos] = lowBitReal(elt, x.values[pos], axis < 0 ? 0 : i[axis]);
  });
  return y;
}

} // namespace

/// binarize: +1 where the real input >= the threshold of its slice, else -1
/// (binary codes, or i8 in the integer form).
Tensor qnnref::detail::binarize(qnn::BinarizeOp op, const Tensor &in) {
  Tensor x = realsOf(in, op.getInput().getType());
  Tensor y = make(op.getType());
  std::optional<ArrayRef<double>> ts = op.getThresholds();
  int64_t axis = op.getAxis() ? static_cast<int64_t>(*op.getAxis()) : -1;
  double t0 = op.getThreshold().convertToDouble();
  forEach(x.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    double t = ts ? (*ts)[i[axis]] : t0;
    y.values[pos] = x.values[pos] >= t ? 1.0 : -1.0;
  });
  return y;
}

/// Scale and zero point of `elt` for slice `i` along its axis.
void qnnref::detail::affineParams(Type elt, const std::vector<int64_t> &idx,
                                  double &scale, int64_t &zp) {
  if (auto pa = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(elt)) {
    int64_t s = idx[pa.getQuantizedDimension()];
    scale = pa.getScales()[s];
    zp = pa.getZeroPoints()[s];
    return;
  }
  auto pt = llvm::cast<quant::UniformQuantizedType>(elt);
  scale = pt.getScale();
  zp = pt.getZeroPoint();
}

/// The rounded value `r` plus the zero point `zp`, saturated to
/// [qmin, qmax] (beyond +-1e12 before the cast to an integer).
double qnnref::detail::saturateCode(float r, int64_t zp, int64_t qmin,
                                    int64_t qmax) {
  int64_t c = r > 1e12f    ? qmax
              : r < -1e12f ? qmin
                           : static_cast<int64_t>(r) + zp;
  return static_cast<double>(std::min(std::max(c, qmin), qmax));
}

/// The code of the real `v` at index `idx` of a tensor of element type
/// `elt`: affine as ONNX QuantizeLinear in f32 (f32(v) / f32(scale) rounded
/// half to even, plus the zero point, saturated; NaN to qmin); binary
/// v >= 0; ternary |v| above half the scale of its side; codebook the
/// nearest entry (lowest index on ties).
double qnnref::detail::codeOfReal(Type elt, double v,
                                  const std::vector<int64_t> &idx) {
  int64_t axis = qnn::getQuantizedAxis(elt);
  int64_t s = axis < 0 ? 0 : idx[axis];
  if (llvm::isa<qnn::BinaryType>(elt))
    return v >= 0 ? 1.0 : -1.0;
  if (auto t = llvm::dyn_cast<qnn::TernaryType>(elt)) {
    int64_t j = t.isPerAxis() ? s : 0;
    return v > t.getPosScaleValues()[j] / 2    ? 1.0
           : v < -t.getNegScaleValues()[j] / 2 ? -1.0
                                               : 0.0;
  }
  if (auto cb = llvm::dyn_cast<qnn::CodebookType>(elt)) {
    ArrayRef<double> table = cb.getTableValues();
    size_t best = 0;
    for (size_t k = 1; k < table.size(); ++k)
      if (std::fabs(v - table[k]) < std::fabs(v - table[best]))
        best = k;
    return static_cast<double>(best);
  }
  int64_t qmin, qmax;
  integerRange(elt, qmin, qmax);
  double scale;
  int64_t zp;
  affineParams(elt, idx, scale, zp);
  float q = static_cast<float>(v) / static_cast<float>(scale);
  if (std::isnan(q))
    return static_cast<double>(qmin);
  return saturateCode(std::nearbyint(q), zp, qmin, qmax); // Ties to even.
}

/// The reals `x` quantized to the element type of `type` (codeOfReal).
Tensor qnnref::detail::quantizeTo(const Tensor &x, Type type) {
  Tensor y = make(type);
  Type elt = llvm::cast<RankedTensorType>(type).getElementType();
  forEach(x.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    y.values[pos] = codeOfReal(elt, x.values[pos], i);
  });
  return y;
}

/// The half_even requantization of the affine code `q` (slice of index
/// `inIdx` of `inElt`) to `outElt` (slice of `outIdx`): f32(q - z_in) times
/// M = f32(s_in / s_out), rounded half to even, plus z_out, saturated.
double qnnref::detail::requantCode(double q, Type inElt,
                                   const std::vector<int64_t> &inIdx,
                                   Type outElt,
                                   const std::vector<int64_t> &outIdx) {
  double si, so;
  int64_t zi, zo, qmin, qmax;
  affineParams(inElt, inIdx, si, zi);
  affineParams(outElt, outIdx, so, zo);
  integerRange(outElt, qmin, qmax);
  float m = static_cast<float>(si / so);
  float centered = static_cast<float>(static_cast<int64_t>(q) - zi);
  return saturateCode(std::nearbyint(centered * m), zo, qmin, qmax);
}

/// requantize, half_even only (unsupportedQuantized rejects the fixed-point
/// modes, whose multiplier and shift the integer lowering derives).
Tensor qnnref::detail::requantize(qnn::RequantizeOp op, const Tensor &x) {
  Tensor y = make(op.getType());
  Type inElt = op.getInput().getType().getElementType();
  Type outElt = op.getType().getElementType();
  forEach(x.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    y.values[pos] = requantCode(x.values[pos], inElt, i, outElt, i);
  });
  return y;
}

/// The same values in the interpretation of `type` (quant.scast).
Tensor qnnref::detail::retype(const Tensor &x, Type type) {
  Tensor y = x;
  int64_t lo, hi;
  if (integerRange(llvm::cast<RankedTensorType>(type).getElementType(), lo, hi))
    for (double &v : y.values)
      v = wrapInto(static_cast<int64_t>(v), lo, hi);
  return y;
}

Tensor qnnref::detail::realsOf(const Tensor &x, Type type) {
  if (isLowBitKind(type))
    return lowBitReals(x, type);
  Type elt = llvm::cast<RankedTensorType>(type).getElementType();
  if (!qnn::getAffineParams(elt))
    return x;
  Tensor y = x;
  y.isFloat = true;
  forEach(x.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    double scale;
    int64_t zp;
    affineParams(elt, i, scale, zp);
    float centered =
        static_cast<float>(static_cast<int64_t>(x.values[pos]) - zp);
    y.values[pos] = centered * static_cast<float>(scale);
  });
  return y;
}
