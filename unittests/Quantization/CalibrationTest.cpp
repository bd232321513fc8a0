//===- CalibrationTest.cpp - activation range estimators -----------------===//
//
// Each estimator against an independent computation on the raw samples:
// percentile against sorting, MSE against brute-force quantize/dequantize
// error, min/max and its EMA against hand-computed values, entropy against
// the properties its clipping must have (ignores rare outliers, keeps a
// dense distribution whole).
//
//===----------------------------------------------------------------------===//

#include "quant/Quantization/Calibration.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace mlir::qnn::calibration;

namespace {

std::vector<float> gaussianWithOutliers(size_t n, unsigned seed,
                                        float outlier) {
  std::mt19937 gen(seed);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  std::vector<float> v(n);
  for (float &x : v)
    x = normal(gen);
  for (size_t i = 0; i < 5; ++i)
    v[i * 97] = i % 2 ? outlier : -outlier;
  return v;
}

Observer observe(const std::vector<float> &v, unsigned bins = 2048,
                 size_t batch = 1000, double ema = 0) {
  Observer o(ema);
  for (size_t i = 0; i < v.size(); i += batch)
    o.observeBatch(v.data() + i, std::min(batch, v.size() - i));
  o.startHistogram(bins);
  o.addToHistogram(v.data(), v.size());
  return o;
}

/// Mean squared error of asymmetric `bits`-bit quantization of `v` to
/// [lo, hi] (scale and zero point as the activation quantizer computes them).
double quantizationMSE(const std::vector<float> &v, double lo, double hi,
                       unsigned bits) {
  double qmax = (1 << bits) - 1;
  double scale = (hi - lo) / qmax;
  double zp = std::round(-lo / scale);
  double err = 0;
  for (float x : v) {
    double q = std::clamp(std::nearbyint(x / scale) + zp, 0.0, qmax);
    double d = (q - zp) * scale - x;
    err += d * d;
  }
  return err / v.size();
}

TEST(Calibration, ParseMethod) {
  EXPECT_EQ(parseMethod("minmax"), Method::MinMax);
  EXPECT_EQ(parseMethod("entropy"), Method::Entropy);
  EXPECT_FALSE(parseMethod("kl").has_value());
  EXPECT_FALSE(needsHistogram(Method::MinMax));
  EXPECT_TRUE(needsHistogram(Method::MSE));
}

TEST(Calibration, MinMaxAndEMA) {
  std::vector<float> v = {-1, 2, 0.5f, -3, 4, 1};
  Observer all;
  all.observeBatch(v.data(), 3);     // [-1, 2]
  all.observeBatch(v.data() + 3, 3); // [-3, 4]
  Range r = computeCalibratedRange(all, Options{});
  EXPECT_EQ(r.min, -3);
  EXPECT_EQ(r.max, 4);
  Observer ema(0.9);
  ema.observeBatch(v.data(), 3);
  ema.observeBatch(v.data() + 3, 3);
  r = computeCalibratedRange(ema, Options{});
  EXPECT_DOUBLE_EQ(r.min, 0.9 * -1 + 0.1 * -3);
  EXPECT_DOUBLE_EQ(r.max, 0.9 * 2 + 0.1 * 4);
}

TEST(Calibration, PercentileMatchesSorting) {
  std::vector<float> v = gaussianWithOutliers(100000, 1, 40.0f);
  Observer o = observe(v);
  std::vector<float> a(v.size());
  std::transform(v.begin(), v.end(), a.begin(),
                 [](float x) { return std::fabs(x); });
  std::sort(a.begin(), a.end());
  for (double p : {99.0, 99.9, 99.99}) {
    double exact = a[static_cast<size_t>(std::ceil(p / 100 * a.size())) - 1];
    double t = percentileThreshold(o.getHistogram(), o.getBinWidth(), p);
    EXPECT_GE(t, exact) << p;
    EXPECT_LE(t, exact + o.getBinWidth()) << p;
  }
  Options opts;
  opts.method = Method::Percentile;
  Range r = computeCalibratedRange(o, opts);
  EXPECT_LT(r.max, 10.0);
  EXPECT_EQ(r.min, -r.max);
}

TEST(Calibration, MSEIsNearBruteForceOptimum) {
  std::vector<float> v = gaussianWithOutliers(20000, 2, 30.0f);
  Observer o = observe(v, 1024);
  for (unsigned bits : {4u, 8u}) {
    Options opts;
    opts.method = Method::MSE;
    opts.bits = bits;
    Range r = computeCalibratedRange(o, opts);
    double chosen = quantizationMSE(v, r.min, r.max, bits);
    double best = INFINITY;
    for (double t = 0.25; t <= 30.0; t += 0.05)
      best = std::min(best, quantizationMSE(v, -t, t, bits));
    EXPECT_LT(chosen, best * 1.10) << bits;
  }
  // With 4 bits the outliers are not worth covering.
  Options opts;
  opts.method = Method::MSE;
  opts.bits = 4;
  Range r = computeCalibratedRange(o, opts);
  EXPECT_LT(r.max, 6.0);
  EXPECT_LT(quantizationMSE(v, r.min, r.max, 4),
            0.5 * quantizationMSE(v, o.getMin(), o.getMax(), 4));
}

TEST(Calibration, MSEUnsignedKeepsZero) {
  std::vector<float> v = gaussianWithOutliers(20000, 3, 30.0f);
  for (float &x : v)
    x = std::fabs(x);
  Observer o = observe(v, 1024);
  Options opts;
  opts.method = Method::MSE;
  opts.bits = 4;
  Range r = computeCalibratedRange(o, opts);
  EXPECT_EQ(r.min, o.getMin());
  double best = INFINITY;
  for (double t = 0.25; t <= 30.0; t += 0.05)
    best = std::min(best, quantizationMSE(v, r.min, t, 4));
  EXPECT_LT(quantizationMSE(v, r.min, r.max, 4), best * 1.10);
  EXPECT_LT(r.max, 20.0);
}

TEST(Calibration, EntropyClipsRareOutliers) {
  std::vector<float> v = gaussianWithOutliers(200000, 4, 50.0f);
  Observer o = observe(v);
  Options opts;
  opts.method = Method::Entropy;
  Range r = computeCalibratedRange(o, opts);
  EXPECT_GT(r.max, 2.0);  // Keeps the bulk of N(0, 1).
  EXPECT_LT(r.max, 15.0); // Drops the +-50 outliers.
  EXPECT_DOUBLE_EQ(r.min, -r.max);
}

TEST(Calibration, EntropyKeepsUniformWhole) {
  std::vector<float> v(100000);
  std::mt19937 gen(5);
  std::uniform_real_distribution<float> u(0.0f, 6.0f);
  for (float &x : v)
    x = u(gen);
  Observer o = observe(v);
  Options opts;
  opts.method = Method::Entropy;
  Range r = computeCalibratedRange(o, opts);
  EXPECT_GT(r.max, 5.5);
  EXPECT_LE(r.max, o.getMax());
  EXPECT_EQ(r.min, o.getMin());
}

TEST(Calibration, ConstantZeroActivation) {
  std::vector<float> v(64, 0.0f);
  for (Method m :
       {Method::MinMax, Method::Percentile, Method::MSE, Method::Entropy}) {
    Observer o = observe(v, 256);
    Options opts;
    opts.method = m;
    Range r = computeCalibratedRange(o, opts);
    EXPECT_EQ(r.min, 0.0);
    EXPECT_EQ(r.max, 0.0);
  }
}

} // namespace

namespace {
TEST(Calibration, EntropyOnReLUOutput) {
  // Half exact zeros, the rest exponential with mean 1, up to ~12.
  std::vector<float> v(100000, 0.0f);
  std::mt19937 gen(6);
  std::exponential_distribution<float> e(1.0f);
  for (size_t i = 0; i < v.size(); i += 2)
    v[i] = e(gen);
  Observer o = observe(v);
  Options opts;
  opts.method = Method::Entropy;
  Range r = computeCalibratedRange(o, opts);
  EXPECT_EQ(r.min, 0.0);
  EXPECT_GT(r.max, 3.0);
  EXPECT_LE(r.max, o.getMax());
}
} // namespace
