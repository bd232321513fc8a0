//===- Numerics.cpp - shared quantization numerics ------------------------===//
//
// Implementation of include/quant/Support/Numerics.h. Every function names
// the reference it follows there; this file only adds the arithmetic that
// keeps each of them free of undefined behaviour.
//
//===----------------------------------------------------------------------===//

#include "quant/Support/Numerics.h"

#include <algorithm>
#include <cassert>
#include <cmath>

using namespace mlir::qnn::numerics;

namespace {
constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();
constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kInt32Min = std::numeric_limits<int32_t>::min();
constexpr int64_t kInt32Max = std::numeric_limits<int32_t>::max();

/// Clamps an int64 to the int32 range.
int32_t saturateToInt32(int64_t v) {
  return static_cast<int32_t>(std::min(std::max(v, kInt32Min), kInt32Max));
}

/// Clamps v to [lo, hi] (lo <= hi).
int64_t clampTo(int64_t v, int64_t lo, int64_t hi) {
  assert(lo <= hi && "empty clamp range");
  return std::max(lo, std::min(v, hi));
}

/// a + b saturated to the int64 limits.
int64_t saturatingAdd(int64_t a, int64_t b) {
  if (b > 0 && a > kInt64Max - b)
    return kInt64Max;
  if (b < 0 && a < kInt64Min - b)
    return kInt64Min;
  return a + b;
}

/// |v| as an unsigned value (exact for INT64_MIN too).
uint64_t magnitude(int64_t v) {
  return v < 0 ? uint64_t(0) - static_cast<uint64_t>(v)
               : static_cast<uint64_t>(v);
}

/// a * b saturated to the int64 limits.
int64_t saturatingMul(int64_t a, int64_t b) {
  if (a == 0 || b == 0)
    return 0;
  bool negative = (a < 0) != (b < 0);
  uint64_t ua = magnitude(a), ub = magnitude(b);
  uint64_t limit = negative ? uint64_t(1) << 63 : uint64_t(kInt64Max);
  if (ua > limit / ub)
    return negative ? kInt64Min : kInt64Max;
  uint64_t p = ua * ub;
  if (p > limit)
    return negative ? kInt64Min : kInt64Max;
  return negative ? static_cast<int64_t>(uint64_t(0) - p)
                  : static_cast<int64_t>(p);
}

/// Rounds an f32 half to even, independent of the rounding mode.
float roundHalfEvenF32(float x) {
  float r = std::floor(x);
  // x - floor(x) is exact for every finite float (the difference is a
  // multiple of ulp(x) below 1); for |x| >= 2^23 it is 0.
  float frac = x - r;
  if (frac > 0.5f || (frac == 0.5f && std::fmod(r, 2.0f) != 0.0f))
    r += 1.0f;
  return r == 0.0f ? std::copysign(0.0f, x) : r;
}

/// Final step of the HalfEven mode (ORT's clamp, cvtps2dq, add zero point):
/// clamp(roundHalfEven(f) + zp, qmin, qmax), NaN -> qmin.
int64_t finishHalfEven(float f, int64_t zp, int64_t qmin, int64_t qmax) {
  if (std::isnan(f))
    return qmin;
  // +-2^62 are exact floats; clamping first keeps the conversion defined
  // and cannot change the result once zp and the bounds are added.
  constexpr float kLimit = 4611686018427387904.0f; // 2^62
  f = std::min(std::max(f, -kLimit), kLimit);
  int64_t r = static_cast<int64_t>(roundHalfEvenF32(f));
  return clampTo(saturatingAdd(r, zp), qmin, qmax);
}

/// gemmlowp RoundingDivideByPOT (mask, remainder, threshold) in 64 bits, so
/// exponents up to 62 keep the same rounding; negative ones act as 0.
int32_t roundingDivideByPOTWide(int32_t x, int exponent) {
  exponent = std::min(std::max(exponent, 0), 62);
  int64_t wide = x;
  int64_t mask = (int64_t(1) << exponent) - 1;
  int64_t remainder = wide & mask;
  int64_t threshold = (mask >> 1) + (wide < 0 ? 1 : 0);
  return static_cast<int32_t>((wide >> exponent) +
                              (remainder > threshold ? 1 : 0));
}

/// Number of set bits of w.
int popcount64(uint64_t w) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_popcountll(w);
#else
  w = w - ((w >> 1) & 0x5555555555555555ULL);
  w = (w & 0x3333333333333333ULL) + ((w >> 2) & 0x3333333333333333ULL);
  w = (w + (w >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((w * 0x0101010101010101ULL) >> 56);
#endif
}

/// apply_scale_32 before narrowing: (value * multiplier + round) >> shift in
/// 64 bits, shift clamped to [0, 62] so nothing overflows.
int64_t applyScale32Wide(int32_t value, int32_t multiplier, int shift,
                         bool doubleRound) {
  shift = std::min(std::max(shift, 0), 62);
  int64_t round = shift > 0 ? int64_t(1) << (shift - 1) : 0;
  if (doubleRound && shift > 31)
    round += value >= 0 ? int64_t(1) << 30 : -(int64_t(1) << 30);
  // |value * multiplier| <= 2^62 and |round| <= 2^61 + 2^30: no overflow.
  int64_t result = int64_t(value) * int64_t(multiplier) + round;
  return result >> shift;
}
} // namespace

//===----------------------------------------------------------------------===//
// Rounding modes
//===----------------------------------------------------------------------===//

double mlir::qnn::numerics::roundHalfEven(double x) {
  double r = std::floor(x);
  if (!std::isfinite(r))
    return x;
  // Exact for every finite double (see roundHalfEvenF32).
  double frac = x - r;
  if (frac > 0.5 || (frac == 0.5 && std::fmod(r, 2.0) != 0.0))
    r += 1.0;
  return r == 0.0 ? std::copysign(0.0, x) : r;
}

const char *mlir::qnn::numerics::stringifyRoundingMode(RoundingMode mode) {
  switch (mode) {
  case RoundingMode::HalfEven:
    return "half_even";
  case RoundingMode::DoubleRound:
    return "double_round";
  case RoundingMode::SingleRound:
    return "single_round";
  }
  return "";
}

std::optional<RoundingMode>
mlir::qnn::numerics::parseRoundingMode(std::string_view str) {
  for (RoundingMode mode : {RoundingMode::HalfEven, RoundingMode::DoubleRound,
                            RoundingMode::SingleRound})
    if (str == stringifyRoundingMode(mode))
      return mode;
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Storage ranges and ONNX affine quantization
//===----------------------------------------------------------------------===//

int64_t mlir::qnn::numerics::storageMin(unsigned bits, bool isSigned,
                                        bool narrow) {
  assert(bits >= 1 && bits <= (isSigned ? 64u : 63u) && "unsupported width");
  bits = std::min(std::max(bits, 1u), isSigned ? 64u : 63u);
  int64_t min = isSigned ? kInt64Min >> (64 - bits) : 0;
  return narrow ? min + 1 : min;
}

int64_t mlir::qnn::numerics::storageMax(unsigned bits, bool isSigned,
                                        bool /*narrow*/) {
  assert(bits >= 1 && bits <= (isSigned ? 64u : 63u) && "unsupported width");
  bits = std::min(std::max(bits, 1u), isSigned ? 64u : 63u);
  return isSigned ? kInt64Max >> (64 - bits) : kInt64Max >> (63 - bits);
}

int32_t mlir::qnn::numerics::quantizeAffineF32(float x, float scale,
                                               int32_t zeroPoint, int32_t qmin,
                                               int32_t qmax) {
  float quotient = x / scale;
  return static_cast<int32_t>(finishHalfEven(quotient, zeroPoint, qmin, qmax));
}

float mlir::qnn::numerics::dequantizeAffineF32(int32_t q, float scale,
                                               int32_t zeroPoint) {
  float centered = static_cast<float>(int64_t(q) - int64_t(zeroPoint));
  return centered * scale;
}

//===----------------------------------------------------------------------===//
// Fixed-point multipliers
//===----------------------------------------------------------------------===//

std::optional<QuantizedMultiplier>
mlir::qnn::numerics::quantizeMultiplier(double real) {
  if (!(real >= 0.0) || !std::isfinite(real))
    return std::nullopt;
  if (real == 0.0)
    return QuantizedMultiplier{0, 0};
  int exponent = 0;
  double mantissa = std::frexp(real, &exponent); // [0.5, 1)
  // mantissa * 2^31 is exact; std::round rounds half away from zero.
  int64_t fixed = static_cast<int64_t>(std::round(mantissa * 2147483648.0));
  assert(fixed <= (int64_t(1) << 31));
  if (fixed == (int64_t(1) << 31)) {
    fixed /= 2;
    ++exponent;
  }
  if (exponent < -31)
    return QuantizedMultiplier{0, 0};
  if (exponent > 30)
    return std::nullopt;
  return QuantizedMultiplier{static_cast<int32_t>(fixed), exponent};
}

std::optional<TosaMultiplier>
mlir::qnn::numerics::computeTosaMultiplier(double real) {
  if (!(real >= 0.0) || !std::isfinite(real))
    return std::nullopt;
  int exponent = 0;
  double mantissa = std::frexp(real, &exponent); // 0 for real == 0
  int64_t fixed = static_cast<int64_t>(std::round(mantissa * 2147483648.0));
  assert(fixed <= (int64_t(1) << 31));
  if (fixed == (int64_t(1) << 31)) {
    fixed /= 2;
    ++exponent;
  }
  // exponent >= -1074 for any double, so this cannot overflow.
  int32_t shift = 31 - exponent;
  int32_t multiplier = static_cast<int32_t>(fixed);
  if (shift > 62) {
    multiplier >>= std::min<int32_t>(31, shift - 62);
    shift = 62;
  }
  if (shift < 2)
    return std::nullopt;
  return TosaMultiplier{multiplier, shift};
}

//===----------------------------------------------------------------------===//
// Fixed-point integer operations
//===----------------------------------------------------------------------===//

int32_t mlir::qnn::numerics::saturatingRoundingDoublingHighMul(int32_t a,
                                                               int32_t b) {
  // |a * b| <= 2^62, so adding 2^30 cannot overflow; >> is a floor.
  int64_t high = (int64_t(a) * int64_t(b) + (int64_t(1) << 30)) >> 31;
  return saturateToInt32(high); // Only INT32_MIN * INT32_MIN exceeds.
}

int32_t mlir::qnn::numerics::roundingDivideByPOT(int32_t x, int exponent) {
  assert(exponent >= 0 && exponent <= 31 && "gemmlowp requires [0, 31]");
  return roundingDivideByPOTWide(x, exponent);
}

int32_t mlir::qnn::numerics::multiplyByQuantizedMultiplier(int32_t x,
                                                           int32_t multiplier,
                                                           int shift) {
  // A left shift of 31 already saturates every nonzero x, so clamping it
  // there changes nothing and keeps |x * 2^leftShift| <= 2^62.
  int leftShift = std::min(std::max(shift, 0), 31);
  int rightShift = shift < 0 ? -std::max(shift, -62) : 0;
  int32_t shifted = saturateToInt32(int64_t(x) * (int64_t(1) << leftShift));
  return roundingDivideByPOTWide(
      saturatingRoundingDoublingHighMul(shifted, multiplier), rightShift);
}

int32_t mlir::qnn::numerics::applyScale32(int32_t value, int32_t multiplier,
                                          int shift, bool doubleRound) {
  assert(multiplier >= 0 && "TOSA requires multiplier >= 0");
  assert(shift >= 2 && shift <= 62 && "TOSA requires shift in [2, 62]");
  return saturateToInt32(
      applyScale32Wide(value, multiplier, shift, doubleRound));
}

//===----------------------------------------------------------------------===//
// Requantization
//===----------------------------------------------------------------------===//

int64_t mlir::qnn::numerics::rescale(int64_t x, const RescaleParams &p) {
  int64_t centered = saturatingAdd(x, -int64_t(p.inputZp));
  switch (p.mode) {
  case RoundingMode::HalfEven: {
    float product = static_cast<float>(centered) * p.scale;
    return finishHalfEven(product, p.outputZp, p.qmin, p.qmax);
  }
  case RoundingMode::DoubleRound: {
    int32_t scaled = multiplyByQuantizedMultiplier(saturateToInt32(centered),
                                                   p.multiplier, p.shift);
    return clampTo(int64_t(scaled) + p.outputZp, p.qmin, p.qmax);
  }
  case RoundingMode::SingleRound: {
    int64_t scaled = applyScale32Wide(saturateToInt32(centered), p.multiplier,
                                      p.shift, /*doubleRound=*/false);
    return clampTo(saturatingAdd(scaled, p.outputZp), p.qmin, p.qmax);
  }
  }
  return p.qmin;
}

//===----------------------------------------------------------------------===//
// Bit growth and exact integer ranges
//===----------------------------------------------------------------------===//

unsigned mlir::qnn::numerics::bitsForAdd(unsigned n1, unsigned n2) {
  return std::max(n1, n2) + 1;
}

unsigned mlir::qnn::numerics::bitsForMul(unsigned n1, unsigned n2) {
  return n1 + n2;
}

unsigned mlir::qnn::numerics::bitsForDot(unsigned n1, unsigned n2, uint64_t k) {
  unsigned log2Ceil = 0;
  while (log2Ceil < 64 && (uint64_t(1) << log2Ceil) < k)
    ++log2Ceil;
  return n1 + n2 + log2Ceil;
}

IntRange mlir::qnn::numerics::addRanges(IntRange a, IntRange b) {
  return {saturatingAdd(a.min, b.min), saturatingAdd(a.max, b.max)};
}

IntRange mlir::qnn::numerics::mulRanges(IntRange a, IntRange b) {
  int64_t c[4] = {saturatingMul(a.min, b.min), saturatingMul(a.min, b.max),
                  saturatingMul(a.max, b.min), saturatingMul(a.max, b.max)};
  return {*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
}

IntRange mlir::qnn::numerics::dotRange(IntRange a, IntRange w, uint64_t k) {
  if (k == 0)
    return {0, 0};
  IntRange p = mulRanges(a, w);
  // k > INT64_MAX saturates like any other overflow.
  int64_t kk = k > uint64_t(kInt64Max) ? kInt64Max : static_cast<int64_t>(k);
  return {saturatingMul(p.min, kk), saturatingMul(p.max, kk)};
}

bool mlir::qnn::numerics::maddubsPairExact(int64_t w0, int64_t w1) {
  // The extremes are reached with a = 255 on the weights of one sign and
  // a = 0 on the others.
  int64_t pos = std::max<int64_t>(w0, 0) + std::max<int64_t>(w1, 0);
  int64_t neg = std::min<int64_t>(w0, 0) + std::min<int64_t>(w1, 0);
  return pos <= 128 && neg >= -128;
}

unsigned mlir::qnn::numerics::signedBitsFor(IntRange r) {
  unsigned bits = 1;
  while (bits < 64 && (r.min < (kInt64Min >> (64 - bits)) ||
                       r.max > (kInt64Max >> (64 - bits))))
    ++bits;
  return bits;
}

//===----------------------------------------------------------------------===//
// Bit packing
//===----------------------------------------------------------------------===//

size_t mlir::qnn::numerics::packedWords(size_t n) {
  return n / 64 + (n % 64 != 0);
}

void mlir::qnn::numerics::packBits(const int8_t *signs, size_t n,
                                   uint64_t *words) {
  for (size_t w = 0, e = packedWords(n); w < e; ++w)
    words[w] = 0;
  for (size_t i = 0; i < n; ++i)
    if (signs[i] >= 0)
      words[i / 64] |= uint64_t(1) << (i % 64);
}

void mlir::qnn::numerics::unpackBits(const uint64_t *words, size_t n,
                                     int8_t *signs) {
  for (size_t i = 0; i < n; ++i)
    signs[i] = (words[i / 64] >> (i % 64)) & 1 ? 1 : -1;
}

int64_t mlir::qnn::numerics::binaryDot(const uint64_t *a, const uint64_t *b,
                                       size_t n) {
  int64_t differing = 0;
  size_t full = n / 64;
  for (size_t w = 0; w < full; ++w)
    differing += popcount64(a[w] ^ b[w]);
  if (size_t tail = n % 64) {
    uint64_t mask = (uint64_t(1) << tail) - 1;
    differing += popcount64((a[full] ^ b[full]) & mask);
  }
  return static_cast<int64_t>(n) - 2 * differing;
}
