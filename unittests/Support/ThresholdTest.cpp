//===- ThresholdTest.cpp - integer thresholds against brute force ---------===//
//
// integerThreshold() must agree with the unfused comparison f32 arithmetic
// (f32(k) * s [+ b]) >= t for every k in the accumulator range: checked by
// enumerating k, for random and adversarial (s, b, t), including thresholds
// on and next to representable values, negative and zero scales, and
// thresholds outside the range.
//
//===----------------------------------------------------------------------===//

#include "quant/Support/Threshold.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace mlir::qnn::numerics;

namespace {

/// Independent evaluation of the unfused comparison (double of the f32
/// value, as the binarize definition compares reals).
bool unfused(int64_t k, float s, std::optional<float> b, double t) {
  volatile float y = static_cast<float>(k);
  volatile float p = y * s;
  float v = p;
  if (b) {
    volatile float q = v + *b;
    v = q;
  }
  return static_cast<double>(v) >= t;
}

bool fused(const IntegerThreshold &r, int64_t k) {
  if (r.alwaysTrue)
    return true;
  if (r.alwaysFalse)
    return false;
  return r.descending ? k <= r.threshold : k >= r.threshold;
}

void checkAll(float s, std::optional<float> b, double t, int64_t lo,
              int64_t hi) {
  AccumulatorToReal map{s, b};
  IntegerThreshold r = integerThreshold(map, t, lo, hi);
  for (int64_t k = lo; k <= hi; ++k)
    ASSERT_EQ(fused(r, k), unfused(k, s, b, t))
        << "k=" << k << " s=" << s << " b=" << (b ? *b : 0.0f) << " t=" << t;
}

TEST(Threshold, RandomScalesAndThresholds) {
  std::mt19937 gen(11);
  std::uniform_real_distribution<float> scale(-0.1f, 0.1f);
  std::uniform_real_distribution<double> thr(-10.0, 10.0);
  std::uniform_real_distribution<float> bias(-3.0f, 3.0f);
  for (int i = 0; i < 300; ++i) {
    float s = scale(gen);
    double t = thr(gen);
    checkAll(s, std::nullopt, t, -200, 200);
    checkAll(s, bias(gen), t, -200, 200);
  }
}

TEST(Threshold, ThresholdsOnAndNextToProducts) {
  // t exactly at, just above and just below f32(k * s), and at the exact
  // real k * s (which the f32 product may round across).
  std::mt19937 gen(5);
  std::uniform_real_distribution<float> scale(1e-3f, 1.0f);
  std::uniform_int_distribution<int64_t> kd(-4096, 4096);
  for (int i = 0; i < 300; ++i) {
    float s = scale(gen) * (i % 2 ? -1.0f : 1.0f);
    int64_t k = kd(gen);
    float p = static_cast<float>(k) * s;
    double exact = static_cast<double>(k) * static_cast<double>(s);
    for (double t : {static_cast<double>(p), exact,
                     std::nextafter(static_cast<double>(p), 1e9),
                     std::nextafter(static_cast<double>(p), -1e9),
                     static_cast<double>(std::nextafter(p, 1e9f))})
      checkAll(s, std::nullopt, t, k - 50, k + 50);
  }
}

TEST(Threshold, LargeAccumulatorsRoundInF32) {
  // Beyond 2^24, f32(k) itself rounds: many k share one value.
  float s = 0.75f;
  int64_t base = (int64_t{1} << 25) + 3;
  double t = static_cast<double>(static_cast<float>(base) * s);
  checkAll(s, std::nullopt, t, base - 300, base + 300);
  checkAll(-s, 1.5f, -t, base - 300, base + 300);
}

TEST(Threshold, ConstantOutcomes) {
  double inf = std::numeric_limits<double>::infinity();
  IntegerThreshold r =
      integerThreshold({0.5f, std::nullopt}, 1000.0, -128, 128);
  EXPECT_TRUE(r.alwaysFalse);
  r = integerThreshold({0.5f, std::nullopt}, -1000.0, -128, 128);
  EXPECT_TRUE(r.alwaysTrue);
  r = integerThreshold({0.5f, std::nullopt}, -inf, -128, 128);
  EXPECT_TRUE(r.alwaysTrue);
  r = integerThreshold({0.5f, std::nullopt}, inf, -128, 128);
  EXPECT_TRUE(r.alwaysFalse);
  r = integerThreshold({0.5f, std::nullopt},
                       std::numeric_limits<double>::quiet_NaN(), -128, 128);
  EXPECT_TRUE(r.alwaysFalse);
  r = integerThreshold({0.0f, 2.0f}, 1.0, -128, 128); // Scale 0: 2 >= 1.
  EXPECT_TRUE(r.alwaysTrue);
  // Boundary exactly at the range ends.
  r = integerThreshold({1.0f, std::nullopt}, -128.0, -128, 128);
  EXPECT_TRUE(r.alwaysTrue);
  r = integerThreshold({1.0f, std::nullopt}, 128.0, -128, 128);
  EXPECT_FALSE(r.alwaysTrue || r.alwaysFalse);
  EXPECT_EQ(r.threshold, 128);
}

TEST(Threshold, DescendingForNegativeScales) {
  IntegerThreshold r = integerThreshold({-0.25f, std::nullopt}, 1.0, -128, 128);
  EXPECT_TRUE(r.descending);
  EXPECT_EQ(r.threshold, -4); // -4 * -0.25 = 1 >= 1; -3 gives 0.75.
}

TEST(Threshold, RoundThresholdUp) {
  std::mt19937 gen(3);
  std::uniform_real_distribution<double> thr(-100.0, 100.0);
  std::uniform_real_distribution<float> xs(-100.0f, 100.0f);
  for (int i = 0; i < 2000; ++i) {
    double t = thr(gen);
    float t32 = roundThresholdUp(t);
    for (float x : {xs(gen), static_cast<float>(t), t32,
                    std::nextafter(t32, -1e9f), std::nextafter(t32, 1e9f)})
      ASSERT_EQ(x >= t32, static_cast<double>(x) >= t) << x << " " << t;
  }
  EXPECT_EQ(roundThresholdUp(1e300), std::numeric_limits<float>::infinity());
  EXPECT_EQ(roundThresholdUp(-1e300), -std::numeric_limits<float>::max());
}

} // namespace
