//===- WeightQuantizersTest.cpp - tests of the weight quantizers ---------===//
//
// Each quantizer against values worked out by hand and against naive
// reference loops written here independently of the library.
//
//===----------------------------------------------------------------------===//

#include "quant/Quantization/WeightQuantizers.h"

#include <gtest/gtest.h>

#include <cfenv>
#include <cmath>
#include <random>

using namespace mlir::qnn::quantizers;

namespace {

SliceMap slices(std::vector<int64_t> shape, Granularity g = {}) {
  SliceMap map;
  std::string error;
  EXPECT_TRUE(computeSlices(shape, g, map, error)) << error;
  return map;
}

Granularity perChannel(int64_t axis) {
  Granularity g;
  g.kind = Granularity::Kind::PerChannel;
  g.channelAxis = axis;
  return g;
}

Granularity perGroup(int64_t channelAxis, int64_t groupAxis, int64_t size) {
  Granularity g;
  g.kind = Granularity::Kind::PerGroup;
  g.channelAxis = channelAxis;
  g.groupAxis = groupAxis;
  g.groupSize = size;
  return g;
}

/// Reference ONNX QuantizeLinear with the default FP rounding mode.
int64_t refQuantize(float x, float scale, int64_t zp, int64_t lo, int64_t hi) {
  std::fesetround(FE_TONEAREST);
  double q = std::nearbyint(x / scale) + zp;
  return static_cast<int64_t>(std::fmin(std::fmax(q, lo), hi));
}

TEST(Slices, PerChannelAndGroup) {
  EXPECT_EQ(slices({2, 3}).sliceOf, std::vector<int64_t>(6, 0));
  EXPECT_EQ(slices({2, 3}, perChannel(0)).sliceOf,
            (std::vector<int64_t>{0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(slices({2, 3}, perChannel(1)).sliceOf,
            (std::vector<int64_t>{0, 1, 2, 0, 1, 2}));
  SliceMap g = slices({2, 4}, perGroup(0, 1, 2));
  EXPECT_EQ(g.sliceOf, (std::vector<int64_t>{0, 0, 1, 1, 2, 2, 3, 3}));
  EXPECT_EQ(g.gridShape, (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(g.numSlices, 4);
}

TEST(Slices, Errors) {
  SliceMap map;
  std::string error;
  EXPECT_FALSE(computeSlices({2, 3}, perChannel(2), map, error));
  EXPECT_NE(error.find("out of range"), std::string::npos);
  EXPECT_FALSE(computeSlices({2, 3}, perGroup(0, 1, 2), map, error));
  EXPECT_NE(error.find("does not divide"), std::string::npos);
  EXPECT_FALSE(computeSlices({2, 4}, perGroup(1, 1, 2), map, error));
}

TEST(Affine, AsymmetricByHand) {
  std::vector<float> w = {-1.0f, 0.0f, 2.0f, 3.0f};
  AffineResult r =
      quantizeAffine(w, slices({4}), 8, false, AffineScheme::Asymmetric);
  float scale = 4.0f / 255.0f;
  EXPECT_EQ(r.scales[0], static_cast<double>(scale));
  // zp = round(0 - (-1) / scale) = round(63.75) = 64.
  EXPECT_EQ(r.zeroPoints[0], 64);
  for (size_t i = 0; i < w.size(); ++i)
    EXPECT_EQ(r.codes[i], refQuantize(w[i], scale, 64, 0, 255)) << i;
  EXPECT_EQ(r.codes[0], 0);
  EXPECT_EQ(r.codes[1], 64);
  EXPECT_EQ(r.codes[3], 255);
  // Zero is exactly representable.
  EXPECT_EQ(r.dequantized[1], 0.0f);
}

TEST(Affine, SymmetricRanges) {
  std::vector<float> w = {-2.0f, 1.0f, 0.5f};
  AffineResult full =
      quantizeAffine(w, slices({3}), 8, true, AffineScheme::SymmetricFull);
  EXPECT_EQ(full.zeroPoints[0], 0);
  EXPECT_EQ(full.scales[0], static_cast<double>(2.0f / 127.5f));
  // -max|W| sits at q_min - 0.5 in exact arithmetic (-127.5): the f32
  // quotient decides between -128 and -127, as in PyTorch and ONNX Runtime.
  float fullScale = static_cast<float>(full.scales[0]);
  EXPECT_EQ(full.codes[0], refQuantize(-2.0f, fullScale, 0, -128, 127));
  EXPECT_LE(std::fabs(full.dequantized[0] + 2.0f), fullScale / 2 + 1e-6f);

  AffineResult narrow = quantizeAffine(w, slices({3}), 8, true,
                                       AffineScheme::SymmetricRestricted);
  EXPECT_EQ(narrow.qmin, -127);
  EXPECT_EQ(narrow.codes[0], -127);
  float s = 2.0f / 127.0f;
  EXPECT_EQ(narrow.codes[1], refQuantize(1.0f, s, 0, -127, 127));
  EXPECT_EQ(narrow.codes[2], refQuantize(0.5f, s, 0, -127, 127));
}

TEST(Affine, AllZeroSliceHasPositiveScale) {
  std::vector<float> w = {0.0f, 0.0f, 1.0f, -1.0f};
  AffineResult r = quantizeAffine(w, slices({2, 2}, perChannel(0)), 4, true,
                                  AffineScheme::Asymmetric);
  EXPECT_GT(r.scales[0], 0.0);
  EXPECT_EQ(r.dequantized[0], 0.0f);
  EXPECT_EQ(r.dequantized[1], 0.0f);
}

TEST(Affine, GranularityImprovesSqnrOnSkewedTensor) {
  // Rows with very different ranges, and a few outliers inside rows.
  std::mt19937 rng(7);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  int64_t rows = 8, cols = 64;
  std::vector<float> w(rows * cols);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      w[r * cols + c] =
          normal(rng) * std::pow(4.0f, r - 4) * (c % 16 == 0 ? 8.0f : 1.0f);
  auto sqnr = [&](Granularity g) {
    AffineResult r = quantizeAffine(w, slices({rows, cols}, g), 4, true,
                                    AffineScheme::SymmetricRestricted);
    return sqnrDb(w, r.dequantized);
  };
  double tensor = sqnr(Granularity{});
  double channel = sqnr(perChannel(0));
  double group = sqnr(perGroup(0, 1, 8));
  EXPECT_LT(tensor, channel);
  EXPECT_LT(channel, group);
}

TEST(PowerOfTwo, ExactWhenRepresentable) {
  std::vector<float> w = {0.75f, -0.5f, 0.25f};
  AffineResult r = quantizePowerOfTwo(w, slices({3}), 3);
  EXPECT_EQ(r.exponents[0], -2);
  EXPECT_EQ(r.codes, (std::vector<int64_t>{3, -2, 1}));
  EXPECT_TRUE(std::isinf(sqnrDb(w, r.dequantized)));
}

TEST(PowerOfTwo, MatchesBruteForceOptimum) {
  std::mt19937 rng(11);
  std::normal_distribution<float> normal(0.0f, 0.1f);
  std::vector<float> w(300);
  for (float &v : w)
    v = normal(rng);
  unsigned bits = 6;
  AffineResult r = quantizePowerOfTwo(w, slices({300}), bits);
  // Naive search: SQNR of every exponent, written out independently.
  double best = -1e300;
  int bestExp = 0;
  for (int e = -40; e <= 40; ++e) {
    float scale = std::ldexp(1.0f, e);
    std::vector<float> hat(w.size());
    for (size_t i = 0; i < w.size(); ++i)
      hat[i] = refQuantize(w[i], scale, 0, -32, 31) * scale;
    double s = sqnrDb(w, hat);
    if (s >= best) {
      best = s;
      bestExp = e;
    }
  }
  EXPECT_EQ(r.exponents[0], bestExp);
  EXPECT_DOUBLE_EQ(sqnrDb(w, r.dequantized), best);
  // With sigma 0.1 and 6 bits the optimum is around 2^-7 (as in the notes).
  EXPECT_GE(bestExp, -8);
  EXPECT_LE(bestExp, -5);
}

TEST(Binary, AlphaIsMeanAbsAndOptimal) {
  std::vector<float> w = {1.0f, -3.0f, 0.0f, -0.0f, 0.5f, -0.25f};
  BinaryResult r = quantizeBinary(w, slices({2, 3}, perChannel(0)));
  EXPECT_DOUBLE_EQ(r.alphas[0], 4.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.alphas[1], 0.25);
  EXPECT_EQ(r.bits, (std::vector<uint8_t>{1, 0, 1, 1, 1, 0}));
  // alpha minimizes ||W - alpha B||^2 per row: nudging it only hurts.
  auto rowError = [&](double a) {
    double e = 0;
    for (int i = 0; i < 3; ++i) {
      double b = r.bits[i] ? 1.0 : -1.0;
      e += (w[i] - a * b) * (w[i] - a * b);
    }
    return e;
  };
  EXPECT_LT(rowError(r.alphas[0]), rowError(r.alphas[0] * 1.01));
  EXPECT_LT(rowError(r.alphas[0]), rowError(r.alphas[0] * 0.99));
}

TEST(Ternary, TwnThresholdAndAlpha) {
  std::vector<float> w = {1.0f, -0.2f, 0.5f, -2.0f};
  TernaryResult r = quantizeTernary(w, slices({4}));
  // mean|W| = 0.925, Delta = 0.6475: only 1.0 and -2.0 survive.
  EXPECT_NEAR(r.thresholds[0], 0.7 * 0.925, 1e-7);
  EXPECT_EQ(r.codes, (std::vector<int8_t>{1, 0, 0, -1}));
  EXPECT_DOUBLE_EQ(r.alphas[0], 1.5);
  EXPECT_EQ(r.dequantized[3], -1.5f);
}

TEST(Ternary, AllZero) {
  TernaryResult r = quantizeTernary({0.0f, 0.0f}, slices({2}));
  EXPECT_GT(r.alphas[0], 0.0);
  EXPECT_EQ(r.codes, (std::vector<int8_t>{0, 0}));
}

TEST(Codebook, TwoClustersByHand) {
  CodebookResult r = quantizeCodebook({0.0f, 0.1f, 0.9f, 1.0f}, 1);
  ASSERT_EQ(r.table.size(), 2u);
  EXPECT_NEAR(r.table[0], 0.05, 1e-7);
  EXPECT_NEAR(r.table[1], 0.95, 1e-7);
  EXPECT_EQ(r.indices, (std::vector<uint32_t>{0, 0, 1, 1}));
}

TEST(Codebook, ConvergedAssignmentIsNearest) {
  std::mt19937 rng(3);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  std::vector<float> w(2000);
  for (float &v : w)
    v = normal(rng);
  CodebookResult r = quantizeCodebook(w, 3);
  ASSERT_EQ(r.table.size(), 8u);
  EXPECT_TRUE(std::is_sorted(r.table.begin(), r.table.end()));
  // Naive O(nk) nearest search with lowest-index ties.
  for (size_t i = 0; i < w.size(); ++i) {
    size_t best = 0;
    for (size_t j = 1; j < r.table.size(); ++j)
      if (std::fabs(w[i] - r.table[j]) < std::fabs(w[i] - r.table[best]))
        best = j;
    ASSERT_EQ(r.indices[i], best) << i;
  }
  // Each centroid is the mean of its members (Lloyd fixed point).
  for (size_t j = 0; j < r.table.size(); ++j) {
    double sum = 0;
    int n = 0;
    for (size_t i = 0; i < w.size(); ++i)
      if (r.indices[i] == j) {
        sum += w[i];
        ++n;
      }
    if (n) {
      EXPECT_NEAR(r.table[j], sum / n, 1e-9);
    }
  }
  // More centroids, less error.
  EXPECT_GT(sqnrDb(w, r.dequantized),
            sqnrDb(w, quantizeCodebook(w, 2).dequantized));
}

TEST(Sqnr, Definition) {
  EXPECT_NEAR(sqnrDb({1.0f, 1.0f}, {1.1f, 0.9f}),
              10.0 * std::log10(2.0 / (0.1 * 0.1 * 2)), 1e-4);
}

} // namespace
