//===- NumericsTestUtils.h - references of the numerics tests ---*- C++ -*-===//
//
// The reference implementations the numerics unit tests compare
// quant/Support/Numerics.h against, written independently of
// lib/Support/Numerics.cpp:
//  * literal transcriptions of the upstream code (gemmlowp fixedpoint.h,
//    TFLite common.cc / quantization_util.cc, the TOSA apply_scale_32
//    pseudo-code, MLIR's computeMultiplierAndShift, ONNX Runtime MLAS), used
//    where that code is defined;
//  * exact-arithmetic formulas (__int128 floor division, f64 arithmetic
//    where it provably equals the f32 operation);
// and the deterministic generator of random inputs (fixed seeds, extremes
// mixed in). The tests are split by topic: RoundingTest.cpp,
// FixedPointTest.cpp, RescaleTest.cpp, RangesTest.cpp, BitPackingTest.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_UNITTESTS_SUPPORT_NUMERICSTESTUTILS_H
#define QUANT_UNITTESTS_SUPPORT_NUMERICSTESTUTILS_H

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

namespace numerics_test {

constexpr int32_t kI32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kI32Max = std::numeric_limits<int32_t>::max();
constexpr int64_t kI64Min = std::numeric_limits<int64_t>::min();
constexpr int64_t kI64Max = std::numeric_limits<int64_t>::max();
using i128 = __int128;

//===----------------------------------------------------------------------===//
// Exact-arithmetic helpers (division, not shifts)
//===----------------------------------------------------------------------===//

/// floor(a / b) for b > 0.
inline i128 floorDiv(i128 a, i128 b) {
  i128 q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

inline i128 pow2(int e) { return i128(1) << e; }

/// num / 2^e rounded to nearest, ties towards +infinity.
inline i128 divHalfUp(i128 num, int e) {
  return e == 0 ? num : floorDiv(2 * num + pow2(e), pow2(e + 1));
}

/// num / 2^e rounded to nearest, ties towards -infinity.
inline i128 divHalfDown(i128 num, int e) {
  return e == 0 ? num : -divHalfUp(-num, e);
}

/// num / 2^e rounded to nearest, ties away from zero.
inline i128 divHalfAway(i128 num, int e) {
  return num >= 0 ? divHalfUp(num, e) : divHalfDown(num, e);
}

inline int64_t sat32(i128 v) {
  return v < kI32Min ? kI32Min : v > kI32Max ? kI32Max : int64_t(v);
}

inline int64_t sat64(i128 v) {
  return v < kI64Min ? kI64Min : v > kI64Max ? kI64Max : int64_t(v);
}

inline int64_t clampRef(i128 v, int64_t lo, int64_t hi) {
  return v < lo ? lo : v > hi ? hi : int64_t(v);
}

//===----------------------------------------------------------------------===//
// Literal transcriptions of the references
//===----------------------------------------------------------------------===//

/// gemmlowp fixedpoint.h SaturatingRoundingDoublingHighMul.
inline int32_t gemmlowpSRDHM(int32_t a, int32_t b) {
  bool overflow = a == b && a == kI32Min;
  int64_t a64(a);
  int64_t b64(b);
  int64_t ab64 = a64 * b64;
  int32_t nudge = ab64 >= 0 ? (1 << 30) : (1 - (1 << 30));
  int32_t abX2High32 = static_cast<int32_t>((ab64 + nudge) / (1ll << 31));
  return overflow ? kI32Max : abX2High32;
}

/// gemmlowp fixedpoint.h RoundingDivideByPOT (scalar IntegerType = int32).
inline int32_t gemmlowpRDBPOT(int32_t x, int exponent) {
  const int32_t mask = static_cast<int32_t>((1ll << exponent) - 1);
  const int32_t zero = 0;
  const int32_t one = 1;
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + ((x < zero ? ~0 : 0) & one);
  return (x >> exponent) + ((remainder > threshold ? ~0 : 0) & one);
}

/// TFLite common.cc MultiplyByQuantizedMultiplier (double rounding). Defined
/// only where x * (1 << leftShift) does not overflow int32.
inline int32_t tfliteMBQM(int32_t x, int32_t quantizedMultiplier, int shift) {
  int leftShift = shift > 0 ? shift : 0;
  int rightShift = shift > 0 ? 0 : -shift;
  return gemmlowpRDBPOT(
      gemmlowpSRDHM(x * (1 << leftShift), quantizedMultiplier), rightShift);
}

/// TFLite common.cc MultiplyByQuantizedMultiplier, TFLITE_SINGLE_ROUNDING.
inline int32_t tfliteSingleRoundingMBQM(int32_t x, int32_t quantizedMultiplier,
                                        int shift) {
  const int64_t totalShift = 31 - shift;
  const int64_t round = static_cast<int64_t>(1) << (totalShift - 1);
  int64_t result = x * static_cast<int64_t>(quantizedMultiplier) + round;
  result = result >> totalShift;
  return static_cast<int32_t>(result);
}

/// TOSA specification apply_scale_32 (without the REQUIREs), the result
/// kept in 64 bits.
inline int64_t tosaApplyScale32(int32_t value, int32_t multiplier, int8_t shift,
                                bool doubleRound) {
  int64_t round = int64_t(1) << (shift - 1);
  if (doubleRound) {
    if (shift > 31 && value >= 0)
      round += int64_t(1) << 30;
    if (shift > 31 && value < 0)
      round -= int64_t(1) << 30;
  }
  int64_t result = static_cast<int64_t>(value) * multiplier + round;
  result = result >> shift;
  return result;
}

/// TOSA REQUIRE on apply_scale_32's value.
inline bool tosaValueOk(int64_t value, int shift) {
  return value >= -(int64_t(1) << (shift - 1)) &&
         value < (int64_t(1) << (shift - 1));
}

/// TFLite quantization_util.cc QuantizeMultiplier (double-rounding build).
inline void tfliteQuantizeMultiplier(double doubleMultiplier,
                                     int32_t *quantizedMultiplier, int *shift) {
  if (doubleMultiplier == 0.) {
    *quantizedMultiplier = 0;
    *shift = 0;
    return;
  }
  const double q = std::frexp(doubleMultiplier, shift);
  auto qFixed = static_cast<int64_t>(std::round(q * (1LL << 31)));
  if (qFixed == (1LL << 31)) {
    qFixed /= 2;
    ++*shift;
  }
  if (*shift < -31) {
    *shift = 0;
    qFixed = 0;
  }
  *quantizedMultiplier = static_cast<int32_t>(qFixed);
}

/// MLIR mlir/lib/Dialect/Tosa/Utils/QuantUtils.cpp (LLVM 22),
/// computeMultiplierAndShift(scale, multiplier, shift, 32).
inline bool mlirComputeMultiplierAndShift32(double scale, int32_t &multiplier,
                                            int32_t &shift) {
  const double mantissa = std::frexp(scale, &shift);
  auto shiftedM = std::round(mantissa * (int64_t(1) << 31));
  if (shiftedM == (int64_t(1) << 31)) {
    shiftedM /= 2;
    shift++;
  }
  shift = (-shift) + 31;
  multiplier = static_cast<int32_t>(shiftedM);
  if (shift > 62) {
    multiplier = multiplier >> std::min<int32_t>(31, shift - 62);
    shift = 62;
  }
  return !(shift < 2);
}

//===----------------------------------------------------------------------===//
// Float references
//===----------------------------------------------------------------------===//

/// The f32 quotient x / scale computed through f64: the f64 quotient rounded
/// once more to f32 equals the correctly rounded f32 quotient (double
/// rounding is innocuous for division when 53 >= 2 * 24 + 2, Figueroa 1995).
inline float f32QuotientViaF64(float x, float scale) {
  return static_cast<float>(static_cast<double>(x) /
                            static_cast<double>(scale));
}

/// The f32 product a * b through f64: the f64 product of two floats is exact
/// (48 significant bits), so one rounding to f32 gives the f32 product.
inline float f32ProductViaF64(float a, float b) {
  return static_cast<float>(static_cast<double>(a) * static_cast<double>(b));
}

/// ONNX Runtime's HalfEven finish, written as the ONNX formula:
/// saturate(nearbyint(f) + zp) in exact arithmetic; NaN -> qmin.
inline int64_t onnxFinish(float f, int64_t zp, int64_t qmin, int64_t qmax) {
  if (std::isnan(f))
    return qmin;
  double r = std::nearbyint(static_cast<double>(f));
  if (r > 1e30)
    return qmax;
  if (r < -1e30)
    return qmin;
  // |r| < 2^100 fits __int128 exactly.
  if (std::fabs(r) > 1e20)
    return r > 0 ? qmax : qmin;
  return clampRef(i128(r) + zp, qmin, qmax);
}

//===----------------------------------------------------------------------===//
// Random inputs
//===----------------------------------------------------------------------===//

/// Deterministic generator of test inputs with extremes mixed in.
struct Gen {
  std::mt19937_64 rng;
  explicit Gen(uint64_t seed) : rng(seed) {}

  uint64_t bits() { return rng(); }
  int64_t range(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  }
  /// Any int32, with 1/8 of the draws taken from the edge values.
  int32_t i32() {
    static const int32_t edges[] = {
        0,       1,           -1,          2,       -2,         kI32Max,
        kI32Min, kI32Max - 1, kI32Min + 1, 1 << 30, -(1 << 30), 65535};
    if (range(0, 7) == 0)
      return edges[range(0, sizeof(edges) / sizeof(edges[0]) - 1)];
    // Mix magnitudes: uniform bit length.
    int len = static_cast<int>(range(0, 31));
    int64_t v = static_cast<int64_t>(bits() & ((uint64_t(1) << len) - 1));
    return static_cast<int32_t>(range(0, 1) ? -v : v);
  }
  /// (1 + 52 random mantissa bits) * 2^e, e uniform in [lo, hi].
  double real(int lo, int hi) {
    return std::ldexp(1.0 + static_cast<double>(bits() >> 12) *
                                std::ldexp(1.0, -52),
                      static_cast<int>(range(lo, hi)));
  }
  /// A TFLite-style multiplier in [2^30, 2^31), sometimes 0 or an extreme.
  int32_t multiplier() {
    int64_t pick = range(0, 15);
    if (pick == 0)
      return 0;
    if (pick == 1)
      return kI32Max;
    if (pick == 2)
      return 1 << 30;
    return static_cast<int32_t>(range(int64_t(1) << 30, kI32Max));
  }
};

/// The storage range of random case `k` (mod 4): i8, u8, i16 or i32.
inline std::pair<int64_t, int64_t> storageRangeCase(int64_t k) {
  switch (k % 4) {
  case 0:
    return {-128, 127};
  case 1:
    return {0, 255};
  case 2:
    return {-32768, 32767};
  default:
    return {kI32Min, kI32Max};
  }
}

inline std::vector<int32_t> someMultipliers() {
  return {0,          1,          3,          (1 << 30),   (1 << 30) + 1,
          1518500250, 1431655765, 1610612736, kI32Max - 1, kI32Max};
}

//===----------------------------------------------------------------------===//
// Exact compositions of the fixed-point steps
//===----------------------------------------------------------------------===//

/// Exact SRDHM: 2ab / 2^32 rounded half up, saturated.
inline int32_t exactSRDHM(int32_t a, int32_t b) {
  return static_cast<int32_t>(sat32(divHalfUp(i128(a) * b, 31)));
}

/// Exact composition: saturated left shift, exact SRDHM, exact half-away
/// division.
inline int32_t exactMBQM(int32_t x, int32_t m, int shift) {
  int left = shift > 0 ? shift : 0, right = shift > 0 ? 0 : -shift;
  int32_t shifted = static_cast<int32_t>(sat32(i128(x) * pow2(left)));
  return static_cast<int32_t>(divHalfAway(exactSRDHM(shifted, m), right));
}

} // namespace numerics_test

#endif // QUANT_UNITTESTS_SUPPORT_NUMERICSTESTUTILS_H
