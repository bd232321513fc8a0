//===- FixedPointTest.cpp - fixed-point multipliers and scaling -----------===//
//
// TFLite / TOSA multipliers, SaturatingRoundingDoublingHighMul,
// RoundingDivideByPOT, MultiplyByQuantizedMultiplier and applyScale32
// against literal transcriptions of gemmlowp, TFLite, TOSA and MLIR and
// against exact arithmetic (NumericsTestUtils.h).
//
//===----------------------------------------------------------------------===//

#include "NumericsTestUtils.h"
#include "quant/Support/Numerics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace mlir::qnn::numerics;
using namespace numerics_test;

namespace {

//===----------------------------------------------------------------------===//
// Fixed-point multipliers
//===----------------------------------------------------------------------===//

/// Expects `got`, the QuantizedMultiplier or TosaMultiplier of `real`, to
/// hold multiplier `m` and shift `s`.
template <typename Multiplier>
void expectMultiplier(const std::optional<Multiplier> &got, double real,
                      int32_t m, int32_t s) {
  ASSERT_TRUE(got.has_value()) << real;
  EXPECT_EQ(got->multiplier, m) << real;
  EXPECT_EQ(got->shift, s) << real;
}

TEST(Numerics, QuantizeMultiplierHandValues) {
  auto check = [](double real, int32_t m, int32_t s) {
    expectMultiplier(quantizeMultiplier(real), real, m, s);
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
    double real = g.real(-41, 29);
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
    expectMultiplier(computeTosaMultiplier(real), real, m, s);
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
    double real = g.real(-80, 30);
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

} // namespace
