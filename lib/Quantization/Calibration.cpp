//===- Calibration.cpp - activation range estimators ---------------------===//
//
// See Calibration.h. The histogram methods look at |x| of the non-zero
// values (exact zeros, ReLU's clipped half, are exactly representable and
// would otherwise dominate the KL divergence; the percentile counts them):
// thresholds t are bin edges (percentile, MSE) or TensorRT's (i + 0.5) bin
// centre (entropy), and the range is [0, t] for a non-negative activation, [-t,
// t] otherwise, both intersected with what min/max saw.
//
//===----------------------------------------------------------------------===//

#include "quant/Quantization/Calibration.h"

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace mlir::qnn::calibration;

std::optional<Method>
mlir::qnn::calibration::parseMethod(const std::string &name) {
  if (name == "minmax")
    return Method::MinMax;
  if (name == "percentile")
    return Method::Percentile;
  if (name == "mse")
    return Method::MSE;
  if (name == "entropy")
    return Method::Entropy;
  return std::nullopt;
}

bool mlir::qnn::calibration::needsHistogram(Method method) {
  return method != Method::MinMax;
}

void Observer::observeBatch(const float *values, size_t count) {
  if (count == 0)
    return;
  double bLo = values[0], bHi = values[0];
  for (size_t i = 1; i < count; ++i) {
    bLo = std::min<double>(bLo, values[i]);
    bHi = std::max<double>(bHi, values[i]);
  }
  absMax = std::max({absMax, std::fabs(bLo), std::fabs(bHi)});
  if (batches == 0) {
    lo = bLo;
    hi = bHi;
  } else if (momentum > 0) {
    lo = momentum * lo + (1 - momentum) * bLo;
    hi = momentum * hi + (1 - momentum) * bHi;
  } else {
    lo = std::min(lo, bLo);
    hi = std::max(hi, bHi);
  }
  ++batches;
}

double Observer::getAbsMax() const { return absMax; }

void Observer::startHistogram(unsigned bins) {
  histogram.assign(std::max(bins, 1u), 0);
  zeros = 0;
  // An all-zero activation still gets a usable (tiny) bin width.
  binWidth = (absMax > 0 ? absMax : 1e-8) / histogram.size();
}

void Observer::addToHistogram(const float *values, size_t count) {
  size_t last = histogram.size() - 1;
  for (size_t i = 0; i < count; ++i) {
    double a = std::fabs(static_cast<double>(values[i]));
    if (a == 0) {
      ++zeros;
      continue;
    }
    size_t bin = static_cast<size_t>(a / binWidth);
    ++histogram[std::min(bin, last)];
  }
}

double mlir::qnn::calibration::percentileThreshold(
    const std::vector<uint64_t> &histogram, double binWidth, double percentile,
    uint64_t zeros) {
  uint64_t total = std::accumulate(histogram.begin(), histogram.end(), zeros);
  double target = total * std::clamp(percentile, 0.0, 100.0) / 100.0;
  uint64_t seen = zeros;
  if (seen >= target && seen > 0)
    return binWidth;
  for (size_t b = 0; b < histogram.size(); ++b) {
    seen += histogram[b];
    if (seen >= target && seen > 0)
      return (b + 1) * binWidth;
  }
  return histogram.size() * binWidth;
}

double
mlir::qnn::calibration::mseThreshold(const std::vector<uint64_t> &histogram,
                                     double binWidth, unsigned levels,
                                     bool symmetric) {
  size_t bins = histogram.size();
  double bestT = bins * binWidth, bestErr = INFINITY;
  double steps = std::max(levels, 2u) - 1.0;
  for (size_t i = 1; i <= bins; ++i) {
    double t = i * binWidth;
    double step = (symmetric ? 2 * t : t) / steps;
    double err = 0;
    for (size_t b = 0; b < bins; ++b) {
      if (!histogram[b])
        continue;
      // The bin centre against the grid {k * step} clipped at t (the grid
      // keeps 0 exact, as the zero point does).
      double centre = (b + 0.5) * binWidth;
      double e = centre > t ? centre - t
                            : centre - std::nearbyint(centre / step) * step;
      err += histogram[b] * e * e;
    }
    if (err < bestErr) {
      bestErr = err;
      bestT = t;
    }
  }
  return bestT;
}

namespace {
/// MXNet/TVM smoothing: zero entries get `eps`, taken proportionally from
/// the non-zero ones, so that KL(p || q) stays finite. False if `dist` is
/// all zeros.
bool smooth(std::vector<double> &dist, double eps = 1e-4) {
  size_t zeros = std::count(dist.begin(), dist.end(), 0.0);
  size_t nonZeros = dist.size() - zeros;
  if (nonZeros == 0)
    return false;
  double take = eps * zeros / nonZeros;
  for (double &d : dist)
    d = d == 0 ? eps : d - take;
  return true;
}

/// Normalizes `dist` to sum 1.
void normalize(std::vector<double> &dist) {
  double sum = std::accumulate(dist.begin(), dist.end(), 0.0);
  if (sum > 0)
    for (double &d : dist)
      d /= sum;
}
} // namespace

double
mlir::qnn::calibration::entropyThreshold(const std::vector<uint64_t> &histogram,
                                         double binWidth,
                                         unsigned quantizedBins) {
  size_t bins = histogram.size();
  if (quantizedBins == 0 || bins <= quantizedBins)
    return bins * binWidth;
  double bestKL = INFINITY;
  size_t bestI = bins;
  // Suffix sums: the outliers that fold into the last kept bin.
  std::vector<double> suffix(bins + 1, 0.0);
  for (size_t b = bins; b-- > 0;)
    suffix[b] = suffix[b + 1] + histogram[b];
  std::vector<double> p, q;
  for (size_t i = quantizedBins; i <= bins; ++i) {
    // Reference: the first i bins, outliers clipped into the last one.
    p.assign(histogram.begin(), histogram.begin() + i);
    p[i - 1] += suffix[i];
    // Candidate: the first i bins merged into `quantizedBins` levels, each
    // level's mass spread evenly over its non-empty source bins.
    q.assign(i, 0.0);
    size_t merged = i / quantizedBins;
    for (size_t j = 0; j < quantizedBins; ++j) {
      size_t start = j * merged;
      size_t end = j + 1 == quantizedBins ? i : start + merged;
      double mass = 0;
      size_t nonEmpty = 0;
      for (size_t b = start; b < end; ++b) {
        mass += histogram[b];
        nonEmpty += histogram[b] != 0;
      }
      if (nonEmpty)
        for (size_t b = start; b < end; ++b)
          q[b] = histogram[b] ? mass / nonEmpty : 0.0;
    }
    if (!smooth(p) || !smooth(q))
      continue;
    normalize(p);
    normalize(q);
    double kl = 0;
    for (size_t b = 0; b < i; ++b)
      if (p[b] > 0)
        kl += p[b] * std::log(p[b] / q[b]);
    if (kl < bestKL) {
      bestKL = kl;
      bestI = i;
    }
  }
  return std::min((bestI + 0.5) * binWidth, bins * binWidth);
}

Range mlir::qnn::calibration::computeCalibratedRange(const Observer &observer,
                                                     const Options &options) {
  Range r{observer.getMin(), observer.getMax()};
  const std::vector<uint64_t> &h = observer.getHistogram();
  // No histogram, or only zeros in it: nothing to clip.
  if (options.method == Method::MinMax ||
      std::all_of(h.begin(), h.end(), [](uint64_t c) { return c == 0; }))
    return r;
  bool symmetric = r.min < 0;
  double w = observer.getBinWidth();
  double t = 0;
  switch (options.method) {
  case Method::Percentile:
    t = percentileThreshold(h, w, options.percentile, observer.getZeros());
    break;
  case Method::MSE:
    t = mseThreshold(h, w, 1u << std::min(options.bits, 16u), symmetric);
    break;
  case Method::Entropy:
    // The levels that cover |x| <= t: all of them for [0, t], half for
    // [-t, t].
    t = entropyThreshold(
        h, w,
        options.quantizedBins
            ? options.quantizedBins
            : 1u << (std::min(options.bits, 16u) - (symmetric ? 1 : 0)));
    break;
  case Method::MinMax:
    break;
  }
  r.min = symmetric ? std::max(r.min, -t) : r.min;
  r.max = std::min(r.max, t);
  if (r.max < r.min) // E.g. an all-negative tensor clipped at t < |max|.
    r.max = r.min;
  return r;
}
