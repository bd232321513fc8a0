//===- Threshold.h - integer thresholds of float comparisons ----*- C++ -*-===//
//
// FINN's MultiThreshold idea made bit-exact: a comparison y >= t of a float
// value y = g(k) computed from an integer accumulator k by a fixed sequence
// of f32 operations (dequantize: f32(k) * s, then optionally + b) becomes
// one integer comparison k >= k0 (or k <= k0 when g decreases). k0 is found
// by searching the integers with the very same f32 arithmetic, so the fused
// comparison agrees with the unfused one for every accumulator value. No
// MLIR dependency (library QuantNumerics).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_SUPPORT_THRESHOLD_H
#define QUANT_SUPPORT_THRESHOLD_H

#include <cstdint>
#include <optional>

namespace mlir::qnn::numerics {

/// The per-channel f32 arithmetic from an accumulator to the compared value:
/// y = f32(k) * scale (the dequantize of an i32 accumulator at `scale`),
/// then y + bias in f32 when a bias is present. Every step rounds to f32.
struct AccumulatorToReal {
  float scale = 1.0f;
  std::optional<float> bias;

  /// y for accumulator `k`, exactly as the compiled code computes it.
  float apply(int64_t k) const;
};

/// The integer comparison equivalent to `map.apply(k) >= t` for every k in
/// [lo, hi]: +1 exactly where k >= threshold (ascending) or where
/// k <= threshold (descending, for a negative scale). `alwaysTrue` /
/// `alwaysFalse` report constant outcomes over [lo, hi] (also for scale 0,
/// NaN thresholds compare false).
struct IntegerThreshold {
  bool descending = false;
  bool alwaysTrue = false;
  bool alwaysFalse = false;
  int64_t threshold = 0;
};

/// Requires lo <= hi and |lo|, |hi| < 2^62.
IntegerThreshold integerThreshold(const AccumulatorToReal &map, double t,
                                  int64_t lo, int64_t hi);

/// x >= t for an f32 x and a double t, as one f32 comparison x >= result:
/// the smallest f32 not below t (+-inf stay, t above the largest f32 gives
/// +inf). Exact for every finite and infinite x.
float roundThresholdUp(double t);

} // namespace mlir::qnn::numerics

#endif // QUANT_SUPPORT_THRESHOLD_H
