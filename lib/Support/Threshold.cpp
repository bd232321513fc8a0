//===- Threshold.cpp - integer thresholds of float comparisons -----------===//
//
// See include/quant/Support/Threshold.h. The search relies on monotonicity:
// f32 rounding is monotone, so k -> f32(f32(k) * s) (+ b) is non-decreasing
// for s > 0 and non-increasing for s < 0; a binary search over [lo, hi]
// with the exact f32 evaluation finds the boundary.
//
//===----------------------------------------------------------------------===//

#include "quant/Support/Threshold.h"

#include <cmath>
#include <limits>

using namespace mlir::qnn::numerics;

float AccumulatorToReal::apply(int64_t k) const {
  // volatile keeps each step a separately rounded f32 operation (no FMA
  // contraction, no excess precision), as in the generated code.
  volatile float x = static_cast<float>(k);
  volatile float y = x * scale;
  if (!bias)
    return y;
  volatile float z = y + *bias;
  return z;
}

IntegerThreshold
mlir::qnn::numerics::integerThreshold(const AccumulatorToReal &map, double t,
                                      int64_t lo, int64_t hi) {
  IntegerThreshold r;
  auto holds = [&](int64_t k) {
    return static_cast<double>(map.apply(k)) >= t;
  };
  r.descending = map.scale < 0.0f;
  bool atLo = holds(lo), atHi = holds(hi);
  // Outcomes at the two ends of a monotone predicate decide the constants.
  if (atLo && atHi) {
    r.alwaysTrue = true;
    return r;
  }
  if (!atLo && !atHi) {
    r.alwaysFalse = true;
    return r;
  }
  if (r.descending ? !atLo : !atHi) {
    r.alwaysFalse = true; // Not monotone as expected (NaN scale).
    return r;
  }
  if (!r.descending) {
    // holds(lo) is false, holds(hi) true: smallest k with holds(k).
    int64_t a = lo, b = hi; // Invariant: !holds(a), holds(b).
    while (b - a > 1) {
      int64_t m = a + (b - a) / 2;
      (holds(m) ? b : a) = m;
    }
    r.threshold = b;
    return r;
  }
  // Descending: holds(lo) true, holds(hi) false: largest k with holds(k).
  int64_t a = lo, b = hi; // Invariant: holds(a), !holds(b).
  while (b - a > 1) {
    int64_t m = a + (b - a) / 2;
    (holds(m) ? a : b) = m;
  }
  r.threshold = a;
  return r;
}

float mlir::qnn::numerics::roundThresholdUp(double t) {
  if (std::isnan(t))
    return std::numeric_limits<float>::quiet_NaN();
  if (std::isinf(t))
    return static_cast<float>(t);
  if (t > static_cast<double>(std::numeric_limits<float>::max()))
    return std::numeric_limits<float>::infinity();
  float f = static_cast<float>(t);
  if (static_cast<double>(f) < t)
    f = std::nextafter(f, std::numeric_limits<float>::infinity());
  return f;
}
