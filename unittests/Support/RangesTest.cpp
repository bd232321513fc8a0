//===- RangesTest.cpp - bit growth and integer ranges ---------------------===//
//
// Accumulator bit growth (bitsForAdd / bitsForMul / bitsForDot),
// signedBitsFor and the saturating range arithmetic, against brute force
// and exact 128-bit arithmetic.
//
//===----------------------------------------------------------------------===//

#include "NumericsTestUtils.h"
#include "quant/Support/Numerics.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace mlir::qnn::numerics;
using namespace numerics_test;

namespace {

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
// pmaddubsw exactness
//===----------------------------------------------------------------------===//

// Brute force over every i8 weight pair: the pair is exact iff no u8
// activation pair (the extremes 0 and 255 suffice, the sum being linear
// in each activation; all four corners are tried) leaves int16.
TEST(Numerics, MAddUBSPairExactBruteForce) {
  int exact = 0;
  for (int w0 = -128; w0 <= 127; ++w0)
    for (int w1 = -128; w1 <= 127; ++w1) {
      bool fits = true;
      for (int a0 : {0, 255})
        for (int a1 : {0, 255}) {
          int sum = a0 * w0 + a1 * w1;
          fits &= sum >= -32768 && sum <= 32767;
        }
      EXPECT_EQ(maddubsPairExact(w0, w1), fits) << w0 << ", " << w1;
      exact += fits;
    }
  EXPECT_GT(exact, 0);
  // 7-bit weights are always exact; 8-bit ones are not.
  for (int w0 = -64; w0 <= 63; ++w0)
    for (int w1 = -64; w1 <= 63; ++w1)
      EXPECT_TRUE(maddubsPairExact(w0, w1));
  EXPECT_TRUE(maddubsPairExact(128, 0));
  EXPECT_FALSE(maddubsPairExact(127, 2));
  EXPECT_TRUE(maddubsPairExact(-128, 127));
  EXPECT_FALSE(maddubsPairExact(-64, -65));
}

} // namespace
