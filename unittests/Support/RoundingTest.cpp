//===- RoundingTest.cpp - rounding and affine quantization ----------------===//
//
// Rounding-mode names, roundHalfEven, storage ranges and the ONNX affine
// quantize / dequantize, against the references of NumericsTestUtils.h
// (exhaustive over small domains, random with fixed seeds, hand values).
//
//===----------------------------------------------------------------------===//

#include "NumericsTestUtils.h"
#include "quant/Support/Numerics.h"

#include <gtest/gtest.h>

#include <cfenv>
#include <cmath>
#include <cstring>

using namespace mlir::qnn::numerics;
using namespace numerics_test;

namespace {

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
    auto [qmin, qmax] = storageRangeCase(g.range(0, 3));
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

} // namespace
