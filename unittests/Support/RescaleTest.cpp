//===- RescaleTest.cpp - rescale in the three rounding modes --------------===//
//
// numerics::rescale (the qnn.rescale arithmetic) in half_even,
// double_round and single_round against ONNX Runtime, TFLite and TOSA
// references built from NumericsTestUtils.h.
//
//===----------------------------------------------------------------------===//

#include "NumericsTestUtils.h"
#include "quant/Support/Numerics.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace mlir::qnn::numerics;
using namespace numerics_test;

namespace {

//===----------------------------------------------------------------------===//
// rescale
//===----------------------------------------------------------------------===//

/// Parameters with the zero points and saturation bounds set.
RescaleParams withBounds(RoundingMode mode, int32_t izp, int32_t ozp,
                         int64_t qmin, int64_t qmax) {
  RescaleParams p;
  p.mode = mode;
  p.inputZp = izp;
  p.outputZp = ozp;
  p.qmin = qmin;
  p.qmax = qmax;
  return p;
}

RescaleParams halfEven(float scale, int32_t izp, int32_t ozp, int64_t qmin,
                       int64_t qmax) {
  RescaleParams p = withBounds(RoundingMode::HalfEven, izp, ozp, qmin, qmax);
  p.scale = scale;
  return p;
}

RescaleParams fixedPoint(RoundingMode mode, int32_t m, int32_t shift,
                         int32_t izp, int32_t ozp, int64_t qmin, int64_t qmax) {
  RescaleParams p = withBounds(mode, izp, ozp, qmin, qmax);
  p.multiplier = m;
  p.shift = shift;
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
    auto [qmin, qmax] = storageRangeCase(i);
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

} // namespace
