//===- NumericsTest.cpp - tests of the shared numerics library ------------===//
//
// Every function of quant/Support/Numerics.h is compared with reference
// implementations written here, independently of lib/Support/Numerics.cpp:
//  * literal transcriptions of the upstream code (gemmlowp fixedpoint.h,
//    TFLite common.cc / quantization_util.cc, the TOSA apply_scale_32
//    pseudo-code, MLIR's computeMultiplierAndShift, ONNX Runtime MLAS), used
//    where that code is defined;
//  * exact-arithmetic formulas (__int128 floor division, f64 arithmetic
//    where it provably equals the f32 operation).
// Inputs are exhaustive over small domains and random (fixed seeds) over
// large ones, with ties, extremes and hand-checked values.
//
//===----------------------------------------------------------------------===//

#include "quant/Support/Numerics.h"

#include <gtest/gtest.h>

#include <cfenv>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

using namespace mlir::qnn::numerics;

namespace {

constexpr int32_t kI32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kI32Max = std::numeric_limits<int32_t>::max();
constexpr int64_t kI64Min = std::numeric_limits<int64_t>::min();
constexpr int64_t kI64Max = std::numeric_limits<int64_t>::max();
using i128 = __int128;

//===----------------------------------------------------------------------===//
// Exact-arithmetic helpers (division, not shifts)
//===----------------------------------------------------------------------===//

/// floor(a / b) for b > 0.
i128 floorDiv(i128 a, i128 b) {
  i128 q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

i128 pow2(int e) { return i128(1) << e; }

/// num / 2^e rounded to nearest, ties towards +infinity.
i128 divHalfUp(i128 num, int e) {
  return e == 0 ? num : floorDiv(2 * num + pow2(e), pow2(e + 1));
}

/// num / 2^e rounded to nearest, ties towards -infinity.
i128 divHalfDown(i128 num, int e) { return e == 0 ? num : -divHalfUp(-num, e); }

/// num / 2^e rounded to nearest, ties away from zero.
i128 divHalfAway(i128 num, int e) {
  return num >= 0 ? divHalfUp(num, e) : divHalfDown(num, e);
}

int64_t sat32(i128 v) {
  return v < kI32Min ? kI32Min : v > kI32Max ? kI32Max : int64_t(v);
}

int64_t sat64(i128 v) {
  return v < kI64Min ? kI64Min : v > kI64Max ? kI64Max : int64_t(v);
}

int64_t clampRef(i128 v, int64_t lo, int64_t hi) {
  return v < lo ? lo : v > hi ? hi : int64_t(v);
}

//===----------------------------------------------------------------------===//
// Literal transcriptions of the references
//===----------------------------------------------------------------------===//

/// gemmlowp fixedpoint.h SaturatingRoundingDoublingHighMul.
int32_t gemmlowpSRDHM(int32_t a, int32_t b) {
  bool overflow = a == b && a == kI32Min;
  int64_t a64(a);
  int64_t b64(b);
  int64_t ab64 = a64 * b64;
  int32_t nudge = ab64 >= 0 ? (1 << 30) : (1 - (1 << 30));
  int32_t abX2High32 = static_cast<int32_t>((ab64 + nudge) / (1ll << 31));
  return overflow ? kI32Max : abX2High32;
}

/// gemmlowp fixedpoint.h RoundingDivideByPOT (scalar IntegerType = int32).
int32_t gemmlowpRDBPOT(int32_t x, int exponent) {
  const int32_t mask = static_cast<int32_t>((1ll << exponent) - 1);
  const int32_t zero = 0;
  const int32_t one = 1;
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + ((x < zero ? ~0 : 0) & one);
  return (x >> exponent) + ((remainder > threshold ? ~0 : 0) & one);
}

/// TFLite common.cc MultiplyByQuantizedMultiplier (double rounding). Defined
/// only where x * (1 << leftShift) does not overflow int32.
int32_t tfliteMBQM(int32_t x, int32_t quantizedMultiplier, int shift) {
  int leftShift = shift > 0 ? shift : 0;
  int rightShift = shift > 0 ? 0 : -shift;
  return gemmlowpRDBPOT(
      gemmlowpSRDHM(x * (1 << leftShift), quantizedMultiplier), rightShift);
}

/// TFLite common.cc MultiplyByQuantizedMultiplier, TFLITE_SINGLE_ROUNDING.
int32_t tfliteSingleRoundingMBQM(int32_t x, int32_t quantizedMultiplier,
                                 int shift) {
  const int64_t totalShift = 31 - shift;
  const int64_t round = static_cast<int64_t>(1) << (totalShift - 1);
  int64_t result = x * static_cast<int64_t>(quantizedMultiplier) + round;
  result = result >> totalShift;
  return static_cast<int32_t>(result);
}

/// TOSA specification apply_scale_32 (without the REQUIREs), the result
/// kept in 64 bits.
int64_t tosaApplyScale32(int32_t value, int32_t multiplier, int8_t shift,
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
bool tosaValueOk(int64_t value, int shift) {
  return value >= -(int64_t(1) << (shift - 1)) &&
         value < (int64_t(1) << (shift - 1));
}

/// TFLite quantization_util.cc QuantizeMultiplier (double-rounding build).
void tfliteQuantizeMultiplier(double doubleMultiplier,
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
bool mlirComputeMultiplierAndShift32(double scale, int32_t &multiplier,
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
float f32QuotientViaF64(float x, float scale) {
  return static_cast<float>(static_cast<double>(x) /
                            static_cast<double>(scale));
}

/// The f32 product a * b through f64: the f64 product of two floats is exact
/// (48 significant bits), so one rounding to f32 gives the f32 product.
float f32ProductViaF64(float a, float b) {
  return static_cast<float>(static_cast<double>(a) * static_cast<double>(b));
}

/// ONNX Runtime's HalfEven finish, written as the ONNX formula:
/// saturate(nearbyint(f) + zp) in exact arithmetic; NaN -> qmin.
int64_t onnxFinish(float f, int64_t zp, int64_t qmin, int64_t qmax) {
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

std::vector<int32_t> someMultipliers() {
  return {0,          1,          3,          (1 << 30),   (1 << 30) + 1,
          1518500250, 1431655765, 1610612736, kI32Max - 1, kI32Max};
}

//===----------------------------------------------------------------------===//
// Rounding modes and roundHalfEven
//===----------------------------------------------------------------------===//

TEST(Numerics, RoundingModeStrings) {
  EXPECT_STREQ(stringifyRoundingMode(RoundingMode::HalfEven), "half_even");
  EXPECT_STREQ(stringifyRoundingMode(RoundingMode::DoubleRound),
               "double_round");
  EXPECT_STREQ(stringifyRoundingMode(RoundingMode::SingleRound),
               "single_round");
  for (RoundingMode m : {RoundingMode::HalfEven, RoundingMode::DoubleRound,
                         RoundingMode::SingleRound}) {
    std::optional<RoundingMode> parsed =
        parseRoundingMode(stringifyRoundingMode(m));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, m);
  }
  EXPECT_FALSE(parseRoundingMode(""));
  EXPECT_FALSE(parseRoundingMode("HalfEven"));
  EXPECT_FALSE(parseRoundingMode("half_even "));
  EXPECT_FALSE(parseRoundingMode("half"));
  EXPECT_FALSE(parseRoundingMode("double_round_x"));
}

TEST(Numerics, RoundHalfEvenHandValues) {
  EXPECT_EQ(roundHalfEven(0.5), 0.0);
  EXPECT_EQ(roundHalfEven(1.5), 2.0);
  EXPECT_EQ(roundHalfEven(2.5), 2.0);
  EXPECT_EQ(roundHalfEven(-0.5), 0.0);
  EXPECT_TRUE(std::signbit(roundHalfEven(-0.5)));
  EXPECT_EQ(roundHalfEven(-1.5), -2.0);
  EXPECT_EQ(roundHalfEven(-2.5), -2.0);
  EXPECT_EQ(roundHalfEven(2.4999999999999996), 2.0);
  EXPECT_EQ(roundHalfEven(2.5000000000000004), 3.0);
  EXPECT_EQ(roundHalfEven(-3.5), -4.0);
  EXPECT_EQ(roundHalfEven(4503599627370497.0), 4503599627370497.0); // 2^52+1
  EXPECT_EQ(roundHalfEven(1e300), 1e300);
  EXPECT_EQ(roundHalfEven(INFINITY), INFINITY);
  EXPECT_EQ(roundHalfEven(-INFINITY), -INFINITY);
  EXPECT_TRUE(std::isnan(roundHalfEven(NAN)));
}

TEST(Numerics, RoundHalfEvenMatchesNearbyint) {
  Gen g(1);
  for (int i = 0; i < 1000000; ++i) {
    double x;
    switch (i % 4) {
    case 0: // ties k + 0.5
      x = static_cast<double>(g.range(-(1 << 20), 1 << 20)) + 0.5;
      break;
    case 1: // near ties
      x = std::nextafter(static_cast<double>(g.range(-1000, 1000)) + 0.5,
                         g.range(0, 1) ? 1e9 : -1e9);
      break;
    case 2: { // any finite double
      uint64_t b = g.bits();
      std::memcpy(&x, &b, sizeof(x));
      if (!std::isfinite(x))
        x = 0.25;
      break;
    }
    default:
      x = std::ldexp(static_cast<double>(g.range(-(1 << 30), 1 << 30)),
                     static_cast<int>(g.range(-30, 2)));
    }
    double expected = std::nearbyint(x); // default FE_TONEAREST
    double got = roundHalfEven(x);
    ASSERT_EQ(got, expected) << "x = " << x;
    ASSERT_EQ(std::signbit(got), std::signbit(expected)) << "x = " << x;
  }
}

TEST(Numerics, RoundHalfEvenIgnoresRoundingMode) {
  volatile double a = 2.5, b = -3.5, c = 0.5000000000000001;
  std::fesetround(FE_UPWARD);
  double ra = roundHalfEven(a), rb = roundHalfEven(b), rc = roundHalfEven(c);
  std::fesetround(FE_DOWNWARD);
  double rb2 = roundHalfEven(b);
  std::fesetround(FE_TONEAREST);
  EXPECT_EQ(ra, 2.0);
  EXPECT_EQ(rb, -4.0);
  EXPECT_EQ(rc, 1.0);
  EXPECT_EQ(rb2, -4.0);
}

//===----------------------------------------------------------------------===//
// Storage ranges
//===----------------------------------------------------------------------===//

TEST(Numerics, StorageRanges) {
  EXPECT_EQ(storageMin(8, true, false), -128);
  EXPECT_EQ(storageMax(8, true, false), 127);
  EXPECT_EQ(storageMin(8, true, true), -127);
  EXPECT_EQ(storageMax(8, true, true), 127);
  EXPECT_EQ(storageMin(8, false, false), 0);
  EXPECT_EQ(storageMax(8, false, false), 255);
  EXPECT_EQ(storageMin(8, false, true), 1);
  EXPECT_EQ(storageMax(8, false, true), 255);
  EXPECT_EQ(storageMin(4, true), -8);
  EXPECT_EQ(storageMax(4, true), 7);
  EXPECT_EQ(storageMax(4, false), 15);
  EXPECT_EQ(storageMin(1, true), -1);
  EXPECT_EQ(storageMax(1, true), 0);
  EXPECT_EQ(storageMax(1, false), 1);
  EXPECT_EQ(storageMin(2, true), -2);
  EXPECT_EQ(storageMax(2, true), 1);
  EXPECT_EQ(storageMin(16, true), -32768);
  EXPECT_EQ(storageMax(16, false), 65535);
  EXPECT_EQ(storageMin(32, true), kI32Min);
  EXPECT_EQ(storageMax(32, true), kI32Max);
  EXPECT_EQ(storageMax(32, false), 4294967295LL);
  EXPECT_EQ(storageMin(64, true), kI64Min);
  EXPECT_EQ(storageMin(64, true, true), kI64Min + 1);
  EXPECT_EQ(storageMax(64, true), kI64Max);
  EXPECT_EQ(storageMax(63, false), kI64Max);
  for (unsigned bits = 1; bits <= 62; ++bits) {
    i128 span = pow2(bits);
    EXPECT_EQ(storageMax(bits, true) - storageMin(bits, true), span - 1);
    EXPECT_EQ(storageMin(bits, true), -(span / 2));
    EXPECT_EQ(storageMax(bits, false), span - 1);
  }
}

//===----------------------------------------------------------------------===//
// ONNX affine quantize / dequantize
//===----------------------------------------------------------------------===//

TEST(Numerics, QuantizeAffineHandValues) {
  // Ties to even on x / scale.
  EXPECT_EQ(quantizeAffineF32(0.5f, 1.0f, 0, -128, 127), 0);
  EXPECT_EQ(quantizeAffineF32(1.5f, 1.0f, 0, -128, 127), 2);
  EXPECT_EQ(quantizeAffineF32(2.5f, 1.0f, 0, -128, 127), 2);
  EXPECT_EQ(quantizeAffineF32(-0.5f, 1.0f, 0, -128, 127), 0);
  EXPECT_EQ(quantizeAffineF32(-1.5f, 1.0f, 0, -128, 127), -2);
  EXPECT_EQ(quantizeAffineF32(-2.5f, 1.0f, 0, -128, 127), -2);
  EXPECT_EQ(quantizeAffineF32(0.75f, 0.5f, 3, 0, 255), 5); // 1.5 -> 2, +3
  EXPECT_EQ(quantizeAffineF32(1.25f, 0.5f, 3, 0, 255), 5); // 2.5 -> 2, +3
  // The zero point is added after rounding (not to the f32 quotient).
  EXPECT_EQ(quantizeAffineF32(0.5f, 1.0f, 1, -128, 127), 1);
  // Saturation, infinities, NaN.
  EXPECT_EQ(quantizeAffineF32(1000.0f, 1.0f, 0, -128, 127), 127);
  EXPECT_EQ(quantizeAffineF32(-1000.0f, 1.0f, 0, -128, 127), -128);
  EXPECT_EQ(quantizeAffineF32(-1000.0f, 1.0f, 10, 0, 255), 0);
  EXPECT_EQ(quantizeAffineF32(INFINITY, 0.1f, 0, -128, 127), 127);
  EXPECT_EQ(quantizeAffineF32(-INFINITY, 0.1f, 0, -128, 127), -128);
  EXPECT_EQ(quantizeAffineF32(NAN, 0.1f, 5, -128, 127), -128);
  EXPECT_EQ(quantizeAffineF32(1.0f, NAN, 5, 0, 255), 0);
  EXPECT_EQ(quantizeAffineF32(1e38f, 1e-38f, 0, kI32Min, kI32Max), kI32Max);
  EXPECT_EQ(quantizeAffineF32(-3e9f, 1.0f, 0, kI32Min, kI32Max), kI32Min);
  EXPECT_EQ(quantizeAffineF32(2147483520.0f, 1.0f, 0, kI32Min, kI32Max),
            2147483520);
  EXPECT_EQ(quantizeAffineF32(2147483520.0f, 1.0f, 200, kI32Min, kI32Max),
            kI32Max);
  // The quotient is an f32 division: here x / scale is -54.50000013 exactly
  // but -54.5 in f32, so ONNX Runtime (and numpy's float32 ONNX reference)
  // gives -54 where an f64 implementation would give -55.
  float x = -0x1.81e314p+3f, s = 0x1.c526d8p-3f;
  EXPECT_EQ(quantizeAffineF32(x, s, 0, -128, 127), -54);
  EXPECT_EQ(std::nearbyint(double(x) / double(s)), -55.0);
  float x2 = -0x1.5f5654p+6f, s2 = 0x1.4d1ea8p+0f; // -67.4999965 -> -67.5
  EXPECT_EQ(quantizeAffineF32(x2, s2, 0, -128, 127), -68);
}

TEST(Numerics, QuantizeAffineRandom) {
  Gen g(2);
  for (int i = 0; i < 1000000; ++i) {
    float scale =
        std::ldexp(static_cast<float>(g.range(1 << 23, (1 << 24) - 1)),
                   static_cast<int>(g.range(-40, -10)));
    float x;
    switch (i % 3) {
    case 0: // exact ties (k + 0.5) * scale when representable
      x = static_cast<float>((g.range(-300, 300) + 0.5) * double(scale));
      break;
    case 1: // within the storage range
      x = static_cast<float>(g.range(-400000, 400000) / 1000.0 * double(scale));
      break;
    default: { // arbitrary magnitudes
      x = std::ldexp(static_cast<float>(g.range(-(1 << 24), 1 << 24)),
                     static_cast<int>(g.range(-60, 20)));
    }
    }
    int32_t zp = static_cast<int32_t>(g.range(-128, 255));
    int32_t qmin, qmax;
    switch (g.range(0, 3)) {
    case 0:
      qmin = -128, qmax = 127;
      break;
    case 1:
      qmin = 0, qmax = 255;
      break;
    case 2:
      qmin = -32768, qmax = 32767;
      break;
    default:
      qmin = kI32Min, qmax = kI32Max;
    }
    int64_t expected = onnxFinish(f32QuotientViaF64(x, scale), zp, qmin, qmax);
    ASSERT_EQ(quantizeAffineF32(x, scale, zp, qmin, qmax), expected)
        << "x = " << x << " scale = " << scale << " zp = " << zp;
  }
}

TEST(Numerics, QuantizeAffineExhaustiveGrid) {
  // Every int8/uint8 zero point and every quarter step of the i8 range.
  for (float scale : {1.0f, 0.5f, 0.1f, 0.0078125f, 3.0f}) {
    for (int32_t zp = -128; zp <= 255; ++zp) {
      int32_t qmin = zp <= 127 ? -128 : 0, qmax = zp <= 127 ? 127 : 255;
      for (int k = -4 * 300; k <= 4 * 300; ++k) {
        float x = static_cast<float>(k / 4.0 * double(scale));
        int64_t expected =
            onnxFinish(f32QuotientViaF64(x, scale), zp, qmin, qmax);
        ASSERT_EQ(quantizeAffineF32(x, scale, zp, qmin, qmax), expected)
            << "k = " << k << " zp = " << zp << " scale = " << scale;
      }
    }
  }
}

TEST(Numerics, DequantizeAffine) {
  EXPECT_EQ(dequantizeAffineF32(5, 0.5f, 1), 2.0f);
  EXPECT_EQ(dequantizeAffineF32(-128, 0.1f, -128), 0.0f);
  EXPECT_EQ(dequantizeAffineF32(255, 1.0f, 0), 255.0f);
  // q - zp is exact in 64 bits (no int32 wrap), then rounded to f32.
  EXPECT_EQ(dequantizeAffineF32(kI32Max, 1.0f, -5), 2147483648.0f);
  EXPECT_EQ(dequantizeAffineF32(kI32Min, 1.0f, 1), -2147483648.0f);
  EXPECT_EQ(dequantizeAffineF32(16777217, 1.0f, 0), 16777216.0f);
  for (float scale : {0.1f, 0.0235f, 1.0f, 7.5f, 1e-30f}) {
    for (int32_t zp = -128; zp <= 255; ++zp)
      for (int32_t q = -128; q <= 255; ++q) {
        float expected =
            f32ProductViaF64(static_cast<float>(int64_t(q) - zp), scale);
        ASSERT_EQ(dequantizeAffineF32(q, scale, zp), expected)
            << q << " " << zp << " " << scale;
      }
  }
  Gen g(3);
  for (int i = 0; i < 1000000; ++i) {
    int32_t q = g.i32(), zp = g.i32();
    float scale = std::ldexp(static_cast<float>(g.range(1, 1 << 24)),
                             static_cast<int>(g.range(-60, -10)));
    float expected = f32ProductViaF64(
        static_cast<float>(static_cast<double>(int64_t(q) - zp)), scale);
    ASSERT_EQ(dequantizeAffineF32(q, scale, zp), expected);
  }
}

//===----------------------------------------------------------------------===//
// Fixed-point multipliers
//===----------------------------------------------------------------------===//

TEST(Numerics, QuantizeMultiplierHandValues) {
  auto check = [](double real, int32_t m, int32_t s) {
    std::optional<QuantizedMultiplier> q = quantizeMultiplier(real);
    ASSERT_TRUE(q.has_value()) << real;
    EXPECT_EQ(q->multiplier, m) << real;
    EXPECT_EQ(q->shift, s) << real;
  };
  check(1.0, 1 << 30, 1);
  check(0.5, 1 << 30, 0);
  check(0.25, 1 << 30, -1);
  check(0.75, 3 << 29, 0);
  check(0.0, 0, 0);
  check(1.0 / 3.0, 1431655765, -1);
  check(std::sqrt(0.5), 1518500250, 0);
  // Carry: the mantissa rounds up to 2^31.
  check(1.0 - std::ldexp(1.0, -40), 1 << 30, 1);
  check(std::ldexp(1.0, 29), 1 << 30, 30);
  // Smallest and flushed reals.
  check(std::ldexp(1.0, -32), 1 << 30, -31);
  check(std::ldexp(1.0, -33), 0, 0);
  check(std::ldexp(1.0 - std::ldexp(1.0, -40), -32), 1 << 30, -31);
  check(std::ldexp(1.0, -1074), 0, 0);
  // Rejected.
  EXPECT_FALSE(quantizeMultiplier(-1.0));
  EXPECT_FALSE(quantizeMultiplier(-0.0001));
  EXPECT_FALSE(quantizeMultiplier(NAN));
  EXPECT_FALSE(quantizeMultiplier(INFINITY));
  EXPECT_FALSE(quantizeMultiplier(std::ldexp(1.0, 30)));
  EXPECT_FALSE(quantizeMultiplier(std::ldexp(1.0, 30) - 1e-7));
  EXPECT_FALSE(quantizeMultiplier(1e300));
}

TEST(Numerics, QuantizeMultiplierRandom) {
  Gen g(4);
  for (int i = 0; i < 500000; ++i) {
    // Log-uniform reals in [2^-40, 2^30), half of them near a carry.
    double real = std::ldexp(1.0 + static_cast<double>(g.bits() >> 12) *
                                       std::ldexp(1.0, -52),
                             static_cast<int>(g.range(-41, 29)));
    if (i % 2)
      real =
          std::ldexp(1.0 - std::ldexp(static_cast<double>(g.range(1, 8)), -34),
                     static_cast<int>(g.range(-40, 30)));
    std::optional<QuantizedMultiplier> q = quantizeMultiplier(real);
    // Literal TFLite.
    int32_t tm;
    int ts;
    tfliteQuantizeMultiplier(real, &tm, &ts);
    if (ts > 30) {
      ASSERT_FALSE(q.has_value()) << real;
      continue;
    }
    ASSERT_TRUE(q.has_value()) << real;
    ASSERT_EQ(q->multiplier, tm) << real;
    ASSERT_EQ(q->shift, ts) << real;
    // Independent: exponent by comparison, mantissa by ldexp and round.
    int e = 0;
    while (std::ldexp(1.0, e) <= real)
      ++e;
    while (std::ldexp(1.0, e - 1) > real)
      --e;
    // Now real in [2^(e-1), 2^e).
    double scaled = std::ldexp(real, 31 - e); // exact, in [2^30, 2^31)
    double fl = std::floor(scaled);
    int64_t m = static_cast<int64_t>(scaled - fl >= 0.5 ? fl + 1 : fl);
    if (m == (int64_t(1) << 31))
      m /= 2, ++e;
    if (e < -31) {
      ASSERT_EQ(q->multiplier, 0);
      ASSERT_EQ(q->shift, 0);
      continue;
    }
    ASSERT_EQ(q->multiplier, m) << real;
    ASSERT_EQ(q->shift, e) << real;
    ASSERT_GE(q->multiplier, 1 << 30);
    // Error bound: half a unit of the multiplier's last place.
    double approx = std::ldexp(static_cast<double>(q->multiplier),
                               q->shift - 31); // exact
    double err = std::fabs(approx - real);     // exact (Sterbenz)
    ASSERT_LE(err, std::ldexp(1.0, q->shift - 32)) << real;
    ASSERT_LE(err / real, std::ldexp(1.0, -31)) << real;
  }
}

TEST(Numerics, TosaMultiplierHandValues) {
  auto check = [](double real, int32_t m, int32_t s) {
    std::optional<TosaMultiplier> t = computeTosaMultiplier(real);
    ASSERT_TRUE(t.has_value()) << real;
    EXPECT_EQ(t->multiplier, m) << real;
    EXPECT_EQ(t->shift, s) << real;
  };
  check(1.0, 1 << 30, 30);
  check(0.5, 1 << 30, 31);
  check(0.0, 0, 31);
  check(std::ldexp(1.0, 28), 1 << 30, 2);
  check(std::ldexp(1.5, 27), 3 << 29, 3);
  check(1.0 / 3.0, 1431655765, 32);
  check(1.0 - std::ldexp(1.0, -40), 1 << 30, 30); // carry
  // shift > 62: the multiplier is truncated by (shift - 62) bits.
  check(std::ldexp(1.0, -32), 1 << 30, 62);
  check(std::ldexp(1.0, -40), 1 << 22, 62);
  check(std::ldexp(0.75, -35), (3 << 29) >> 4, 62);
  check(std::ldexp(1.0, -100), 0, 62);
  // MLIR returns false for shift < 2.
  EXPECT_FALSE(computeTosaMultiplier(std::ldexp(1.0, 29)));
  EXPECT_FALSE(computeTosaMultiplier(std::ldexp(1.0, 29) - 1e-6));
  EXPECT_FALSE(computeTosaMultiplier(1e20));
  EXPECT_FALSE(computeTosaMultiplier(-0.5));
  EXPECT_FALSE(computeTosaMultiplier(NAN));
  EXPECT_FALSE(computeTosaMultiplier(INFINITY));
}

TEST(Numerics, TosaMultiplierRandom) {
  Gen g(5);
  for (int i = 0; i < 300000; ++i) {
    double real = std::ldexp(1.0 + static_cast<double>(g.bits() >> 12) *
                                       std::ldexp(1.0, -52),
                             static_cast<int>(g.range(-80, 30)));
    int32_t m, s;
    bool ok = mlirComputeMultiplierAndShift32(real, m, s);
    std::optional<TosaMultiplier> t = computeTosaMultiplier(real);
    ASSERT_EQ(t.has_value(), ok) << real;
    if (!ok)
      continue;
    ASSERT_EQ(t->multiplier, m) << real;
    ASSERT_EQ(t->shift, s) << real;
    // Where neither flushes nor clamps, TOSA is TFLite with shift 31 - e.
    std::optional<QuantizedMultiplier> q = quantizeMultiplier(real);
    if (q && q->multiplier != 0 && t->shift < 62) {
      ASSERT_EQ(t->multiplier, q->multiplier) << real;
      ASSERT_EQ(t->shift, 31 - q->shift) << real;
    }
  }
}

//===----------------------------------------------------------------------===//
// SaturatingRoundingDoublingHighMul
//===----------------------------------------------------------------------===//

/// Exact SRDHM: 2ab / 2^32 rounded half up, saturated.
int32_t exactSRDHM(int32_t a, int32_t b) {
  return static_cast<int32_t>(sat32(divHalfUp(i128(a) * b, 31)));
}

TEST(Numerics, SRDHMHandValues) {
  EXPECT_EQ(saturatingRoundingDoublingHighMul(kI32Min, kI32Min), kI32Max);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(kI32Min, kI32Max), -kI32Max);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(kI32Max, kI32Max), kI32Max - 1);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(1 << 30, 1 << 30), 1 << 29);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(0, kI32Min), 0);
  // Ties go towards +infinity for both signs (not away from zero):
  // 2^15 * 2^15 = 2^30 is 0.5, -2^30 is -0.5, -3 * 2^30 is -1.5.
  EXPECT_EQ(saturatingRoundingDoublingHighMul(1 << 15, 1 << 15), 1);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(-(1 << 15), 1 << 15), 0);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(-(3 << 15), 1 << 15), -1);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(3 << 15, 1 << 15), 2);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(-99, 1 << 30), -49);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(99, 1 << 30), 50);
}

TEST(Numerics, SRDHMExhaustiveInt16) {
  std::vector<int32_t> bs = someMultipliers();
  for (int32_t b :
       {kI32Min, kI32Min + 1, -1, -(1 << 30), -1518500250, 1 << 15, 12345})
    bs.push_back(b);
  for (int32_t b : bs)
    for (int32_t a = -32768; a <= 32767; ++a) {
      int32_t got = saturatingRoundingDoublingHighMul(a, b);
      ASSERT_EQ(got, gemmlowpSRDHM(a, b)) << a << " " << b;
      ASSERT_EQ(got, exactSRDHM(a, b)) << a << " " << b;
    }
}

TEST(Numerics, SRDHMRandom) {
  Gen g(6);
  for (int i = 0; i < 1000000; ++i) {
    int32_t a = g.i32(), b = (i % 2) ? g.i32() : g.multiplier();
    int32_t got = saturatingRoundingDoublingHighMul(a, b);
    ASSERT_EQ(got, gemmlowpSRDHM(a, b)) << a << " " << b;
    ASSERT_EQ(got, exactSRDHM(a, b)) << a << " " << b;
  }
}

//===----------------------------------------------------------------------===//
// RoundingDivideByPOT
//===----------------------------------------------------------------------===//

TEST(Numerics, RDBPOTHandValues) {
  EXPECT_EQ(roundingDivideByPOT(5, 1), 3);
  EXPECT_EQ(roundingDivideByPOT(-5, 1), -3);
  EXPECT_EQ(roundingDivideByPOT(-4, 1), -2);
  EXPECT_EQ(roundingDivideByPOT(-3, 1), -2);
  EXPECT_EQ(roundingDivideByPOT(3, 1), 2);
  EXPECT_EQ(roundingDivideByPOT(-6, 2), -2); // -1.5
  EXPECT_EQ(roundingDivideByPOT(6, 2), 2);   // 1.5
  EXPECT_EQ(roundingDivideByPOT(-5, 2), -1); // -1.25
  EXPECT_EQ(roundingDivideByPOT(7, 0), 7);
  EXPECT_EQ(roundingDivideByPOT(kI32Min, 0), kI32Min);
  EXPECT_EQ(roundingDivideByPOT(kI32Min, 31), -1);
  EXPECT_EQ(roundingDivideByPOT(kI32Max, 31), 1);
  EXPECT_EQ(roundingDivideByPOT(1 << 30, 31), 1);     // 0.5
  EXPECT_EQ(roundingDivideByPOT(-(1 << 30), 31), -1); // -0.5
  EXPECT_EQ(roundingDivideByPOT((1 << 30) - 1, 31), 0);
  EXPECT_EQ(roundingDivideByPOT(kI32Min, 1), -(1 << 30));
  EXPECT_EQ(roundingDivideByPOT(kI32Max, 1), 1 << 30);
}

TEST(Numerics, RDBPOTExhaustiveInt16) {
  for (int e = 0; e <= 31; ++e)
    for (int32_t x = -32768; x <= 32767; ++x) {
      int32_t got = roundingDivideByPOT(x, e);
      ASSERT_EQ(got, gemmlowpRDBPOT(x, e)) << x << " " << e;
      ASSERT_EQ(got, int32_t(divHalfAway(x, e))) << x << " " << e;
    }
}

TEST(Numerics, RDBPOTRandom) {
  Gen g(7);
  for (int i = 0; i < 1000000; ++i) {
    int32_t x = g.i32();
    int e = static_cast<int>(g.range(0, 31));
    int32_t got = roundingDivideByPOT(x, e);
    ASSERT_EQ(got, gemmlowpRDBPOT(x, e)) << x << " " << e;
    ASSERT_EQ(got, int32_t(divHalfAway(x, e))) << x << " " << e;
  }
}

//===----------------------------------------------------------------------===//
// MultiplyByQuantizedMultiplier
//===----------------------------------------------------------------------===//

/// Exact composition: saturated left shift, exact SRDHM, exact half-away
/// division.
int32_t exactMBQM(int32_t x, int32_t m, int shift) {
  int left = shift > 0 ? shift : 0, right = shift > 0 ? 0 : -shift;
  int32_t shifted = static_cast<int32_t>(sat32(i128(x) * pow2(left)));
  return static_cast<int32_t>(divHalfAway(exactSRDHM(shifted, m), right));
}

TEST(Numerics, MBQMHandValues) {
  EXPECT_EQ(multiplyByQuantizedMultiplier(100, 1 << 30, 0), 50);
  EXPECT_EQ(multiplyByQuantizedMultiplier(100, 1 << 30, -1), 25);
  EXPECT_EQ(multiplyByQuantizedMultiplier(100, 1 << 30, 1), 100);
  EXPECT_EQ(multiplyByQuantizedMultiplier(0, kI32Max, -31), 0);
  EXPECT_EQ(multiplyByQuantizedMultiplier(12345, 0, 5), 0);
  // Double rounding: -100 * (2/3) / 2 = -33.33 rounds twice to -34
  // (-66.67 -> -67, then -33.5 -> -34 away from zero).
  EXPECT_EQ(multiplyByQuantizedMultiplier(-100, 1431655765, -1), -34);
  // -100 * (1 - 2^-31) / 8 = -12.4999999942 becomes -13.
  EXPECT_EQ(multiplyByQuantizedMultiplier(-100, kI32Max, -3), -13);
  // A tie in the first rounding goes towards +infinity: -49.5 -> -49.
  EXPECT_EQ(multiplyByQuantizedMultiplier(-99, 1 << 30, 0), -49);
  EXPECT_EQ(multiplyByQuantizedMultiplier(99, 1 << 30, 0), 50);
  // Left shifts saturate instead of overflowing.
  EXPECT_EQ(multiplyByQuantizedMultiplier(kI32Max, 1 << 30, 1), 1 << 30);
  EXPECT_EQ(multiplyByQuantizedMultiplier(kI32Max, kI32Max, 30), kI32Max - 1);
  EXPECT_EQ(multiplyByQuantizedMultiplier(kI32Min, 1 << 30, 3), -(1 << 30));
  EXPECT_EQ(multiplyByQuantizedMultiplier(-1, kI32Max, 31), -kI32Max);
  EXPECT_EQ(multiplyByQuantizedMultiplier(1, kI32Max, 40), kI32Max - 1);
  EXPECT_EQ(multiplyByQuantizedMultiplier(kI32Min, kI32Min, 0), kI32Max);
  // Right shift 31 (the TFLite minimum shift).
  EXPECT_EQ(multiplyByQuantizedMultiplier(kI32Max, kI32Max, -31), 1);
  EXPECT_EQ(multiplyByQuantizedMultiplier(kI32Min, kI32Max, -31), -1);
}

TEST(Numerics, MBQMExhaustiveInt16) {
  // |x| < 2^15 and left shifts <= 15 keep TFLite's x * (1 << shift) defined.
  for (int32_t m : {0, 3, 1 << 30, 1431655765, 1518500250, kI32Max})
    for (int shift = -31; shift <= 15; ++shift)
      for (int32_t x = -32768; x <= 32767; ++x) {
        int32_t got = multiplyByQuantizedMultiplier(x, m, shift);
        ASSERT_EQ(got, tfliteMBQM(x, m, shift))
            << x << " " << m << " " << shift;
        ASSERT_EQ(got, exactMBQM(x, m, shift)) << x << " " << m << " " << shift;
      }
}

TEST(Numerics, MBQMRandom) {
  Gen g(8);
  for (int i = 0; i < 1000000; ++i) {
    int32_t x = g.i32(), m = g.multiplier();
    int shift = static_cast<int>(g.range(-31, 30));
    int32_t got = multiplyByQuantizedMultiplier(x, m, shift);
    ASSERT_EQ(got, exactMBQM(x, m, shift)) << x << " " << m << " " << shift;
    int64_t shifted = shift > 0 ? int64_t(x) * (int64_t(1) << shift) : x;
    if (shifted >= kI32Min && shifted <= kI32Max) { // TFLite is defined
      ASSERT_EQ(got, tfliteMBQM(x, m, shift)) << x << " " << m << " " << shift;
    }
  }
}

TEST(Numerics, MBQMIsCloseToTheReal) {
  // Double rounding errs by at most 0.5 + 0.5 * 2^-shift... bounded by 1.
  Gen g(9);
  for (int i = 0; i < 200000; ++i) {
    int32_t x = static_cast<int32_t>(g.range(-(1 << 24), 1 << 24));
    int32_t m = static_cast<int32_t>(g.range(int64_t(1) << 30, kI32Max));
    int shift = static_cast<int>(g.range(-31, 0));
    long double exact =
        static_cast<long double>(x) * m / std::ldexp(1.0L, 31 - shift);
    long double err =
        std::fabs(multiplyByQuantizedMultiplier(x, m, shift) - exact);
    ASSERT_LE(err, 0.75L) << x << " " << m << " " << shift;
  }
}

//===----------------------------------------------------------------------===//
// applyScale32
//===----------------------------------------------------------------------===//

/// Exact single rounding: value * m / 2^shift, ties up.
int64_t exactSingle(int32_t value, int32_t m, int shift) {
  return int64_t(divHalfUp(i128(value) * m, shift));
}

/// Exact TOSA double rounding, derived by hand from the pseudo-code: for
/// shift > 31 and multiplier >= 0 the round term 2^(shift-1) +- 2^30 makes
/// floor((v*m + round) / 2^shift) equal to rounding v * m / 2^31 half up
/// (SRDHM) and then dividing by 2^(shift-31) with ties away from zero
/// (RDBPOT): gemmlowp's double rounding, written as two exact roundings.
int64_t exactTosaDouble(int32_t value, int32_t m, int shift) {
  if (shift <= 31)
    return exactSingle(value, m, shift);
  i128 first = divHalfUp(i128(value) * m, 31);
  return int64_t(divHalfAway(first, shift - 31));
}

TEST(Numerics, ApplyScale32HandValues) {
  EXPECT_EQ(applyScale32(100, 1 << 30, 31, false), 50);
  EXPECT_EQ(applyScale32(3, 1 << 30, 31, false), 2);   // 1.5
  EXPECT_EQ(applyScale32(-3, 1 << 30, 31, false), -1); // -1.5: half up
  EXPECT_EQ(applyScale32(-5, 1 << 30, 32, false), -1); // -1.25
  EXPECT_EQ(applyScale32(-6, 1 << 30, 32, false), -1); // -1.5: half up
  EXPECT_EQ(applyScale32(-6, 1 << 30, 32, true), -2);  // -1.5: away
  EXPECT_EQ(applyScale32(6, 1 << 30, 32, true), 2);    // 1.5
  EXPECT_EQ(applyScale32(-7, 1 << 30, 32, true), -2);  // -1.75
  EXPECT_EQ(applyScale32(-5, 1 << 30, 32, true), -1);  // -1.25
  // -100 * (2/3) / 2 = -33.33: the double rounding gives -34 as TFLite.
  EXPECT_EQ(applyScale32(-100, 1431655765, 32, true), -34);
  EXPECT_EQ(applyScale32(-100, 1431655765, 32, false), -33);
  EXPECT_EQ(applyScale32(1, 3, 2, false), 1);                  // 0.75
  EXPECT_EQ(applyScale32(-2, kI32Max, 2, false), -1073741823); // -..823.5
  EXPECT_EQ(applyScale32(kI32Max, kI32Max, 62, false), 1);
  EXPECT_EQ(applyScale32(kI32Min, kI32Max, 62, false), -1); // ~-1.0
  EXPECT_EQ(applyScale32(kI32Min, 0, 40, true), 0);
  // shift <= 31: doubleRound has no effect.
  for (int32_t v : {-7, -6, -5, 5, 6, 7})
    EXPECT_EQ(applyScale32(v, 1 << 30, 31, true),
              applyScale32(v, 1 << 30, 31, false));
  // Outside the value REQUIRE the result saturates.
  EXPECT_EQ(applyScale32(kI32Max, kI32Max, 2, false), kI32Max);
  EXPECT_EQ(applyScale32(kI32Min, kI32Max, 2, false), kI32Min);
}

TEST(Numerics, ApplyScale32ExhaustiveInt16) {
  // Every int16 value; the shifts around TOSA's limits, 31 and 32 (where the
  // double-round term starts) and 46..48 (2^(shift-1) near |v * m|).
  std::vector<int> shifts;
  for (int s = 2; s <= 62; ++s)
    if (s <= 20 || (s >= 29 && s <= 35) || (s >= 44 && s <= 48) || s >= 58)
      shifts.push_back(s);
  for (int32_t m : {0, 1, (1 << 30) + 1, 1518500250, kI32Max})
    for (int shift : shifts)
      for (int32_t v = -32768; v <= 32767; ++v)
        for (bool dbl : {false, true}) {
          int64_t got = applyScale32(v, m, shift, dbl);
          int64_t literal =
              tosaApplyScale32(v, m, static_cast<int8_t>(shift), dbl);
          ASSERT_EQ(got, sat32(literal)) << v << " " << m << " " << shift;
          int64_t exact =
              dbl ? exactTosaDouble(v, m, shift) : exactSingle(v, m, shift);
          ASSERT_EQ(got, sat32(exact)) << v << " " << m << " " << shift;
          if (tosaValueOk(v, shift)) { // the spec's promise
            ASSERT_EQ(literal, sat32(literal));
          }
        }
}

TEST(Numerics, ApplyScale32Random) {
  Gen g(10);
  for (int i = 0; i < 1000000; ++i) {
    int32_t v = g.i32();
    int32_t m =
        (i % 4) ? g.multiplier() : static_cast<int32_t>(g.range(0, kI32Max));
    int shift = static_cast<int>(g.range(2, 62));
    bool dbl = i % 2;
    int64_t got = applyScale32(v, m, shift, dbl);
    int64_t literal = tosaApplyScale32(v, m, static_cast<int8_t>(shift), dbl);
    ASSERT_EQ(got, sat32(literal)) << v << " " << m << " " << shift;
    int64_t exact =
        dbl ? exactTosaDouble(v, m, shift) : exactSingle(v, m, shift);
    ASSERT_EQ(literal, exact) << v << " " << m << " " << shift;
  }
}

TEST(Numerics, TosaAndTfliteRoundingRelations) {
  // TOSA SINGLE_ROUND == TFLite's TFLITE_SINGLE_ROUNDING kernel with
  // shift' = 31 - shift, and TOSA DOUBLE_ROUND == TFLite's default double
  // rounding (SRDHM then RDBPOT) for every sign, wherever both are defined
  // (value within TOSA's REQUIRE, no overflow of TFLite's left shift).
  Gen g(11);
  int64_t doubleDiffersFromSingle = 0;
  for (int i = 0; i < 1000000; ++i) {
    int32_t v =
        (i % 2) ? g.i32() : static_cast<int32_t>(g.range(-100000, 100000));
    int32_t m = static_cast<int32_t>(g.range(int64_t(1) << 30, kI32Max));
    int s = static_cast<int>(g.range(2, 62));
    if (!tosaValueOk(v, s))
      continue;
    int tflShift = 31 - s; // in [-31, 29]
    int32_t single = applyScale32(v, m, s, false);
    ASSERT_EQ(single, tfliteSingleRoundingMBQM(v, m, tflShift))
        << v << " " << m << " " << s;
    int64_t leftShifted = int64_t(v) * (int64_t(1) << std::max(tflShift, 0));
    if (leftShifted < kI32Min || leftShifted > kI32Max)
      continue;
    int32_t dbl = applyScale32(v, m, s, true);
    ASSERT_EQ(dbl, tfliteMBQM(v, m, tflShift)) << v << " " << m << " " << s;
    doubleDiffersFromSingle += dbl != single;
  }
  EXPECT_GT(doubleDiffersFromSingle, 0);
  // The smallest example: -6 * 2^30 / 2^32 = -1.5.
  EXPECT_EQ(applyScale32(-6, 1 << 30, 32, true), -2);
  EXPECT_EQ(multiplyByQuantizedMultiplier(-6, 1 << 30, -1), -2);
  EXPECT_EQ(applyScale32(-6, 1 << 30, 32, false), -1);
}

//===----------------------------------------------------------------------===//
// rescale
//===----------------------------------------------------------------------===//

RescaleParams halfEven(float scale, int32_t izp, int32_t ozp, int64_t qmin,
                       int64_t qmax) {
  RescaleParams p;
  p.mode = RoundingMode::HalfEven;
  p.scale = scale;
  p.inputZp = izp;
  p.outputZp = ozp;
  p.qmin = qmin;
  p.qmax = qmax;
  return p;
}

RescaleParams fixedPoint(RoundingMode mode, int32_t m, int32_t shift,
                         int32_t izp, int32_t ozp, int64_t qmin, int64_t qmax) {
  RescaleParams p;
  p.mode = mode;
  p.multiplier = m;
  p.shift = shift;
  p.inputZp = izp;
  p.outputZp = ozp;
  p.qmin = qmin;
  p.qmax = qmax;
  return p;
}

/// ORT MlasRequantizeOutput order, via provably equal f64 operations.
int64_t refHalfEven(int64_t x, const RescaleParams &p) {
  float value = static_cast<float>(static_cast<double>(i128(x) - p.inputZp));
  return onnxFinish(f32ProductViaF64(value, p.scale), p.outputZp, p.qmin,
                    p.qmax);
}

/// TFLite: MBQM(acc) + output_offset, clamped.
int64_t refDoubleRound(int64_t x, const RescaleParams &p) {
  int32_t v = static_cast<int32_t>(sat32(i128(x) - p.inputZp));
  return clampRef(i128(exactMBQM(v, p.multiplier, p.shift)) + p.outputZp,
                  p.qmin, p.qmax);
}

/// TOSA RESCALE (scale32, SINGLE_ROUND): apply_scale_32 + output_zp, clip.
int64_t refSingleRound(int64_t x, const RescaleParams &p) {
  int32_t v = static_cast<int32_t>(sat32(i128(x) - p.inputZp));
  i128 scaled =
      p.shift == 0 ? i128(v) * p.multiplier
                   : i128(tosaApplyScale32(
                         v, p.multiplier, static_cast<int8_t>(p.shift), false));
  return clampRef(scaled + p.outputZp, p.qmin, p.qmax);
}

TEST(Numerics, RescaleDefaults) {
  RescaleParams p;
  EXPECT_EQ(p.inputZp, 0);
  EXPECT_EQ(p.outputZp, 0);
  EXPECT_EQ(p.mode, RoundingMode::HalfEven);
  EXPECT_EQ(p.qmin, kI32Min);
  EXPECT_EQ(p.qmax, kI32Max);
  p.scale = 0.5f;
  EXPECT_EQ(rescale(5, p), 2);
  EXPECT_EQ(rescale(7, p), 4);
  EXPECT_EQ(rescale(-5, p), -2);
}

TEST(Numerics, RescaleHalfEvenHandValues) {
  RescaleParams p = halfEven(0.5f, 0, 0, -128, 127);
  EXPECT_EQ(rescale(5, p), 2);   // 2.5
  EXPECT_EQ(rescale(7, p), 4);   // 3.5
  EXPECT_EQ(rescale(-3, p), -2); // -1.5
  EXPECT_EQ(rescale(1000, p), 127);
  EXPECT_EQ(rescale(-1000, p), -128);
  p = halfEven(0.25f, 10, -3, -128, 127);
  EXPECT_EQ(rescale(16, p), -1); // (16 - 10) / 4 = 1.5 -> 2, -3
  EXPECT_EQ(rescale(20, p), -1); // 2.5 -> 2, -3
  EXPECT_EQ(rescale(4, p), -5);  // -1.5 -> -2, -3
  // The accumulator is rounded to f32 before the multiply, as ORT does:
  // 2^24 + 1 becomes 2^24.
  p = halfEven(1.0f, 0, 0, kI32Min, kI32Max);
  EXPECT_EQ(rescale(16777217, p), 16777216);
  EXPECT_EQ(rescale(int64_t(1) << 40, p), kI32Max);
  // ReLU6-style bounds.
  p = halfEven(0.1f, 0, -128, -128, -68);
  EXPECT_EQ(rescale(-500, p), -128);
  EXPECT_EQ(rescale(1000, p), -68);
  EXPECT_EQ(rescale(300, p), -98);
  p.scale = NAN;
  EXPECT_EQ(rescale(300, p), -128);
}

TEST(Numerics, RescaleFixedPointHandValues) {
  // The qnn.rescale example: multiplier 1518500250 = sqrt(0.5) * 2^31.
  RescaleParams p =
      fixedPoint(RoundingMode::SingleRound, 1518500250, 38, 0, -3, -128, 127);
  EXPECT_EQ(rescale(1000, p), 3);   // 1000 * 0.0055243 = 5.52 -> 6, -3
  EXPECT_EQ(rescale(-1000, p), -9); // -5.52 -> -6, -3
  EXPECT_EQ(rescale(0, p), -3);
  EXPECT_EQ(rescale(int64_t(1) << 20, p), 127);
  // TFLite convention for the same real: shift 31 - 38 = -7.
  RescaleParams d =
      fixedPoint(RoundingMode::DoubleRound, 1518500250, -7, 0, -3, -128, 127);
  EXPECT_EQ(rescale(1000, d), 3);
  EXPECT_EQ(rescale(-1000, d), -9);
  // Ties: 181 * 2^30 / 2^31 = 90.5. Single rounding rounds up (91, and
  // -90 for -90.5); double rounding ties away from zero in the shift.
  RescaleParams s1 =
      fixedPoint(RoundingMode::SingleRound, 1 << 30, 31, 0, 0, -1000, 1000);
  EXPECT_EQ(rescale(181, s1), 91);
  EXPECT_EQ(rescale(-181, s1), -90);
  RescaleParams d1 = fixedPoint(RoundingMode::DoubleRound, 1 << 30, -1, 0, 0,
                                -1000, 1000); // 0.25
  EXPECT_EQ(rescale(362, d1), 91);            // 90.5 -> 91
  EXPECT_EQ(rescale(-362, d1), -91);          // -90.5 -> -91 (away from zero)
  EXPECT_EQ(rescale(-181, fixedPoint(RoundingMode::DoubleRound, 1 << 30, 0, 0,
                                     0, -1000, 1000)),
            -90); // -90.5 -> -90: the SRDHM tie goes up
  // Shift 0 (allowed by qnn.rescale, below TOSA's minimum of 2): no round.
  RescaleParams s0 =
      fixedPoint(RoundingMode::SingleRound, 3, 0, 0, 0, kI64Min, kI64Max);
  EXPECT_EQ(rescale(-7, s0), -21);
}

TEST(Numerics, RescaleExhaustiveInt16) {
  const float scales[] = {0.5f, 0.0123f, 1.0f / 3.0f, 2.75f};
  for (float scale : scales) {
    std::optional<QuantizedMultiplier> q = quantizeMultiplier(scale);
    std::optional<TosaMultiplier> t = computeTosaMultiplier(scale);
    ASSERT_TRUE(q && t);
    for (int32_t izp : {0, -7, 100})
      for (int32_t ozp : {0, 5, -128}) {
        RescaleParams pe = halfEven(scale, izp, ozp, -128, 127);
        RescaleParams pd = fixedPoint(RoundingMode::DoubleRound, q->multiplier,
                                      q->shift, izp, ozp, -32768, 32767);
        RescaleParams ps = fixedPoint(RoundingMode::SingleRound, t->multiplier,
                                      t->shift, izp, ozp, 0, 255);
        for (int64_t x = -32768; x <= 32767; ++x) {
          ASSERT_EQ(rescale(x, pe), refHalfEven(x, pe)) << x;
          ASSERT_EQ(rescale(x, pd), refDoubleRound(x, pd)) << x;
          ASSERT_EQ(rescale(x, ps), refSingleRound(x, ps)) << x;
        }
      }
  }
}

TEST(Numerics, RescaleRandom) {
  Gen g(12);
  for (int i = 0; i < 1000000; ++i) {
    int64_t x = (i % 8 == 0) ? static_cast<int64_t>(g.bits()) : g.i32();
    int32_t izp = (i % 3) ? static_cast<int32_t>(g.range(-128, 255)) : g.i32();
    int32_t ozp = (i % 5) ? static_cast<int32_t>(g.range(-128, 255)) : g.i32();
    int64_t qmin, qmax;
    switch (i % 4) {
    case 0:
      qmin = -128, qmax = 127;
      break;
    case 1:
      qmin = 0, qmax = 255;
      break;
    case 2:
      qmin = -32768, qmax = 32767;
      break;
    default:
      qmin = kI32Min, qmax = kI32Max;
    }
    float scale =
        std::ldexp(static_cast<float>(g.range(1 << 23, (1 << 24) - 1)),
                   static_cast<int>(g.range(-40, 0)));
    RescaleParams pe = halfEven(scale, izp, ozp, qmin, qmax);
    ASSERT_EQ(rescale(x, pe), refHalfEven(x, pe)) << x << " " << scale;
    RescaleParams pd = fixedPoint(RoundingMode::DoubleRound, g.multiplier(),
                                  static_cast<int32_t>(g.range(-31, 30)), izp,
                                  ozp, qmin, qmax);
    ASSERT_EQ(rescale(x, pd), refDoubleRound(x, pd))
        << x << " " << pd.multiplier << " " << pd.shift;
    RescaleParams ps = fixedPoint(
        RoundingMode::SingleRound, static_cast<int32_t>(g.range(0, kI32Max)),
        static_cast<int32_t>(g.range(0, 62)), izp, ozp, qmin, qmax);
    ASSERT_EQ(rescale(x, ps), refSingleRound(x, ps))
        << x << " " << ps.multiplier << " " << ps.shift;
  }
}

TEST(Numerics, RescaleSaturatesWideInputForFixedPoint) {
  // (x - inputZp) outside int32 is saturated before the fixed-point scaling.
  RescaleParams p = fixedPoint(RoundingMode::SingleRound, 1 << 30, 31, 0, 0,
                               kI64Min, kI64Max);
  EXPECT_EQ(rescale(int64_t(1) << 40, p), int64_t(1) << 30);
  EXPECT_EQ(rescale(-(int64_t(1) << 40), p), -(int64_t(1) << 30));
  p.mode = RoundingMode::DoubleRound;
  p.shift = 0;
  EXPECT_EQ(rescale(int64_t(1) << 40, p), int64_t(1) << 30);
  p.inputZp = kI32Min;
  EXPECT_EQ(rescale(kI64Max, p), int64_t(1) << 30);
  EXPECT_EQ(rescale(kI64Min, p), -(int64_t(1) << 30));
}

//===----------------------------------------------------------------------===//
// Bit growth and ranges
//===----------------------------------------------------------------------===//

IntRange fullRange(unsigned bits) {
  return {storageMin(bits, true), storageMax(bits, true)};
}

TEST(Numerics, BitGrowthHandValues) {
  EXPECT_EQ(bitsForAdd(8, 8), 9u);
  EXPECT_EQ(bitsForAdd(8, 4), 9u);
  EXPECT_EQ(bitsForAdd(3, 16), 17u);
  EXPECT_EQ(bitsForMul(8, 8), 16u);
  EXPECT_EQ(bitsForMul(1, 1), 2u);
  EXPECT_EQ(bitsForDot(8, 8, 1), 16u);
  EXPECT_EQ(bitsForDot(8, 8, 2), 17u);
  EXPECT_EQ(bitsForDot(8, 8, 3), 18u);
  EXPECT_EQ(bitsForDot(8, 8, 4), 18u);
  EXPECT_EQ(bitsForDot(8, 8, 5), 19u);
  EXPECT_EQ(bitsForDot(8, 8, 576), 26u); // 3x3x64 conv
  EXPECT_EQ(bitsForDot(8, 8, 0), 16u);
  EXPECT_EQ(bitsForDot(1, 1, uint64_t(1) << 63), 65u);
  EXPECT_EQ(bitsForDot(1, 1, (uint64_t(1) << 63) + 1), 66u);
  EXPECT_EQ(bitsForDot(1, 1, ~uint64_t(0)), 66u);
}

TEST(Numerics, BitGrowthIsSoundAndTight) {
  for (unsigned n1 = 1; n1 <= 12; ++n1)
    for (unsigned n2 = 1; n2 <= 12; ++n2) {
      IntRange a = fullRange(n1), b = fullRange(n2);
      EXPECT_EQ(signedBitsFor(addRanges(a, b)), bitsForAdd(n1, n2));
      EXPECT_EQ(signedBitsFor(mulRanges(a, b)), bitsForMul(n1, n2));
      for (uint64_t k = 1; k <= 1100; ++k) {
        unsigned exact = signedBitsFor(dotRange(a, b, k));
        ASSERT_LE(exact, bitsForDot(n1, n2, k)) << n1 << " " << n2 << " " << k;
        if ((k & (k - 1)) == 0) { // powers of two reach the bound
          ASSERT_EQ(exact, bitsForDot(n1, n2, k));
        }
      }
    }
}

TEST(Numerics, SignedBitsFor) {
  EXPECT_EQ(signedBitsFor({0, 0}), 1u);
  EXPECT_EQ(signedBitsFor({-1, 0}), 1u);
  EXPECT_EQ(signedBitsFor({0, 1}), 2u);
  EXPECT_EQ(signedBitsFor({-2, 1}), 2u);
  EXPECT_EQ(signedBitsFor({-128, 127}), 8u);
  EXPECT_EQ(signedBitsFor({-129, 0}), 9u);
  EXPECT_EQ(signedBitsFor({0, 128}), 9u);
  EXPECT_EQ(signedBitsFor({5, 5}), 4u);
  EXPECT_EQ(signedBitsFor({kI32Min, kI32Max}), 32u);
  EXPECT_EQ(signedBitsFor({0, int64_t(kI32Max) + 1}), 33u);
  EXPECT_EQ(signedBitsFor({kI64Min, 0}), 64u);
  EXPECT_EQ(signedBitsFor({0, kI64Max}), 64u);
  Gen g(13);
  for (int i = 0; i < 100000; ++i) {
    int64_t a = static_cast<int64_t>(g.bits()) >> g.range(0, 63);
    int64_t b = static_cast<int64_t>(g.bits()) >> g.range(0, 63);
    IntRange r{std::min(a, b), std::max(a, b)};
    unsigned expected = 1;
    while (!(r.min >= -pow2(expected - 1) && r.max <= pow2(expected - 1) - 1))
      ++expected;
    ASSERT_EQ(signedBitsFor(r), expected) << r.min << " " << r.max;
  }
}

TEST(Numerics, RangesAgainstBruteForce) {
  Gen g(14);
  for (int i = 0; i < 20000; ++i) {
    int64_t a0 = g.range(-20, 20), a1 = g.range(-20, 20);
    int64_t b0 = g.range(-20, 20), b1 = g.range(-20, 20);
    IntRange a{std::min(a0, a1), std::max(a0, a1)};
    IntRange b{std::min(b0, b1), std::max(b0, b1)};
    int64_t mn = kI64Max, mx = kI64Min, smn = kI64Max, smx = kI64Min;
    for (int64_t x = a.min; x <= a.max; ++x)
      for (int64_t y = b.min; y <= b.max; ++y) {
        mn = std::min(mn, x * y), mx = std::max(mx, x * y);
        smn = std::min(smn, x + y), smx = std::max(smx, x + y);
      }
    IntRange m = mulRanges(a, b), s = addRanges(a, b);
    ASSERT_EQ(m.min, mn);
    ASSERT_EQ(m.max, mx);
    ASSERT_EQ(s.min, smn);
    ASSERT_EQ(s.max, smx);
    uint64_t k = static_cast<uint64_t>(g.range(0, 5));
    // Brute force over all k-term sums: extremes are k * extreme product.
    IntRange d = dotRange(a, b, k);
    ASSERT_EQ(d.min, k == 0 ? 0 : int64_t(k) * mn);
    ASSERT_EQ(d.max, k == 0 ? 0 : int64_t(k) * mx);
  }
}

TEST(Numerics, RangesSaturate) {
  IntRange all{kI64Min, kI64Max};
  IntRange m = mulRanges(all, {-1, 1});
  EXPECT_EQ(m.min, kI64Min);
  EXPECT_EQ(m.max, kI64Max);
  m = mulRanges({kI64Min, kI64Min}, {-1, -1});
  EXPECT_EQ(m.min, kI64Max);
  EXPECT_EQ(m.max, kI64Max);
  m = mulRanges({int64_t(1) << 32, int64_t(1) << 32},
                {-(int64_t(1) << 31), int64_t(1) << 31});
  EXPECT_EQ(m.min, kI64Min); // -2^63 is exact
  EXPECT_EQ(m.max, kI64Max); // 2^63 saturates
  IntRange s = addRanges({kI64Max - 1, kI64Max}, {5, 5});
  EXPECT_EQ(s.min, kI64Max);
  EXPECT_EQ(s.max, kI64Max);
  s = addRanges({kI64Min, 0}, {kI64Min, -3});
  EXPECT_EQ(s.min, kI64Min);
  EXPECT_EQ(s.max, -3);
  IntRange d = dotRange(fullRange(8), fullRange(8), uint64_t(1) << 60);
  EXPECT_EQ(d.min, kI64Min);
  EXPECT_EQ(d.max, kI64Max);
  d = dotRange(fullRange(8), fullRange(8), ~uint64_t(0));
  EXPECT_EQ(d.min, kI64Min);
  EXPECT_EQ(d.max, kI64Max);
  d = dotRange({0, 0}, all, ~uint64_t(0));
  EXPECT_EQ(d.min, 0);
  EXPECT_EQ(d.max, 0);
  Gen g(15);
  for (int i = 0; i < 200000; ++i) {
    auto draw = [&]() {
      int64_t x = static_cast<int64_t>(g.bits()) >> g.range(0, 63);
      int64_t y = static_cast<int64_t>(g.bits()) >> g.range(0, 63);
      return IntRange{std::min(x, y), std::max(x, y)};
    };
    IntRange a = draw(), b = draw();
    i128 c[4] = {i128(a.min) * b.min, i128(a.min) * b.max, i128(a.max) * b.min,
                 i128(a.max) * b.max};
    i128 lo = *std::min_element(c, c + 4), hi = *std::max_element(c, c + 4);
    IntRange got = mulRanges(a, b);
    ASSERT_EQ(got.min, sat64(lo));
    ASSERT_EQ(got.max, sat64(hi));
    IntRange sum = addRanges(a, b);
    ASSERT_EQ(sum.min, sat64(i128(a.min) + b.min));
    ASSERT_EQ(sum.max, sat64(i128(a.max) + b.max));
    uint64_t k = g.bits() >> g.range(0, 63);
    IntRange d = dotRange(a, b, k);
    // k * sat(product) saturated equals the saturated exact sum whenever the
    // product itself did not saturate; otherwise both saturate.
    auto scaled = [&](i128 p) -> int64_t {
      if (k == 0)
        return 0;
      i128 sp = sat64(p);
      if (sp != 0 && (sp > 0 ? sp : -sp) > i128(kI64Max) / i128(k) + 1)
        return sp > 0 ? kI64Max : kI64Min;
      return sat64(sp * i128(k));
    };
    ASSERT_EQ(d.min, scaled(lo));
    ASSERT_EQ(d.max, scaled(hi));
  }
}

//===----------------------------------------------------------------------===//
// Bit packing
//===----------------------------------------------------------------------===//

TEST(Numerics, PackBitsHandValues) {
  int8_t signs[] = {1, -1, 1, 0, -1};
  uint64_t w = ~uint64_t(0);
  packBits(signs, 5, &w);
  EXPECT_EQ(w, 0b01101u); // bit 1 = +1, 0 packs as +1, tail zeroed
  int8_t back[5];
  unpackBits(&w, 5, back);
  const int8_t expected[] = {1, -1, 1, 1, -1};
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(back[i], expected[i]);
  EXPECT_EQ(packedWords(0), 0u);
  EXPECT_EQ(packedWords(1), 1u);
  EXPECT_EQ(packedWords(64), 1u);
  EXPECT_EQ(packedWords(65), 2u);
  uint64_t a = 0b0011, b = 0b0101;
  EXPECT_EQ(binaryDot(&a, &b, 4), 0); // (+,+,-,-).(+,-,+,-)
  EXPECT_EQ(binaryDot(&a, &a, 4), 4);
  EXPECT_EQ(binaryDot(&a, &b, 1), 1);
  EXPECT_EQ(binaryDot(&a, &b, 0), 0);
  uint64_t ones = ~uint64_t(0), zeros = 0;
  EXPECT_EQ(binaryDot(&ones, &zeros, 64), -64);
  EXPECT_EQ(binaryDot(&ones, &zeros, 10), -10);
}

TEST(Numerics, PackBitsRandom) {
  Gen g(16);
  for (int iter = 0; iter < 3000; ++iter) {
    size_t n = static_cast<size_t>(iter < 200 ? iter : g.range(0, 700));
    std::vector<int8_t> sa(n), sb(n);
    for (size_t i = 0; i < n; ++i) {
      sa[i] = g.range(0, 1) ? 1 : -1;
      sb[i] = g.range(0, 1) ? 1 : -1;
    }
    size_t words = packedWords(n);
    ASSERT_EQ(words, (n + 63) / 64);
    std::vector<uint64_t> wa(words + 1, 0xdeadbeefULL), wb(words + 1, 7);
    packBits(sa.data(), n, wa.data());
    packBits(sb.data(), n, wb.data());
    ASSERT_EQ(wa[words], 0xdeadbeefULL) << "wrote past packedWords(n)";
    for (size_t i = 0; i < n; ++i)
      ASSERT_EQ((wa[i / 64] >> (i % 64)) & 1, sa[i] > 0 ? 1u : 0u);
    if (n % 64) {
      ASSERT_EQ(wa[words - 1] >> (n % 64), 0u) << "tail bits not zero";
    }
    std::vector<int8_t> back(n);
    unpackBits(wa.data(), n, back.data());
    ASSERT_EQ(back, sa);
    int64_t dot = 0;
    for (size_t i = 0; i < n; ++i)
      dot += sa[i] * sb[i];
    ASSERT_EQ(binaryDot(wa.data(), wb.data(), n), dot) << n;
    // Garbage in the tail bits is ignored.
    if (n % 64) {
      wa[words - 1] |= ~uint64_t(0) << (n % 64);
      wb[words - 1] &= ~(~uint64_t(0) << (n % 64)) | (g.bits() << (n % 64));
      ASSERT_EQ(binaryDot(wa.data(), wb.data(), n), dot) << n;
    }
  }
}

} // namespace
