//===- WeightQuantizers.cpp - post-training weight quantizers ------------===//
//
// Implementations of the weight quantizers declared in WeightQuantizers.h.
// All integer codes use the ONNX rounding of the shared numerics library, so
// a weight quantized here and a `qnn.quantize` folded by the compiler agree
// to the bit.
//
//===----------------------------------------------------------------------===//

#include "quant/Quantization/WeightQuantizers.h"
#include "quant/Support/Numerics.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir::qnn;
using namespace mlir::qnn::quantizers;

bool quantizers::computeSlices(const std::vector<int64_t> &shape,
                               const Granularity &g, SliceMap &map,
                               std::string &error) {
  int64_t rank = shape.size();
  int64_t numElements = 1;
  for (int64_t d : shape) {
    if (d < 0) {
      error = "shape must be static";
      return false;
    }
    numElements *= d;
  }
  map.gridShape.assign(rank, 1);
  if (g.kind != Granularity::Kind::PerTensor) {
    if (g.channelAxis < 0 || g.channelAxis >= rank) {
      error = "channel axis " + std::to_string(g.channelAxis) +
              " is out of range for rank " + std::to_string(rank);
      return false;
    }
    map.gridShape[g.channelAxis] = shape[g.channelAxis];
  }
  if (g.kind == Granularity::Kind::PerGroup) {
    if (g.groupAxis < 0 || g.groupAxis >= rank ||
        g.groupAxis == g.channelAxis) {
      error = "group axis " + std::to_string(g.groupAxis) +
              " must be in range and differ from the channel axis";
      return false;
    }
    if (g.groupSize <= 0 || shape[g.groupAxis] % g.groupSize != 0) {
      error = "group size " + std::to_string(g.groupSize) +
              " does not divide dimension " + std::to_string(g.groupAxis) +
              " of size " + std::to_string(shape[g.groupAxis]);
      return false;
    }
    map.gridShape[g.groupAxis] = shape[g.groupAxis] / g.groupSize;
  }
  map.numSlices = 1;
  for (int64_t n : map.gridShape)
    map.numSlices *= n;

  // Walk the elements in row-major order, tracking their grid coordinate.
  map.sliceOf.assign(numElements, 0);
  std::vector<int64_t> index(rank, 0);
  for (int64_t e = 0; e < numElements; ++e) {
    int64_t slice = 0;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t block = shape[d] / map.gridShape[d];
      slice = slice * map.gridShape[d] + index[d] / block;
    }
    map.sliceOf[e] = slice;
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
  return true;
}

/// Rounds a positive scale to f32 (the precision ONNX stores), keeping it
/// positive.
static double toF32Scale(double scale) {
  float f = static_cast<float>(scale);
  if (!(f > 0.0f) || !std::isfinite(f))
    f = 1.0f;
  return f;
}

/// ONNX QuantizeLinear for one value.
static int64_t quantizeOne(float w, double scale, int64_t zp, int64_t qmin,
                           int64_t qmax) {
  float scaled = w / static_cast<float>(scale);
  double q = numerics::roundHalfEven(scaled) + static_cast<double>(zp);
  return static_cast<int64_t>(
      std::min<double>(std::max<double>(q, qmin), qmax));
}

/// Fills codes and dequantized values of `r` from its per-slice parameters.
static void applyAffine(const std::vector<float> &w, const SliceMap &map,
                        AffineResult &r) {
  r.codes.resize(w.size());
  r.dequantized.resize(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    int64_t s = map.sliceOf[i];
    r.codes[i] =
        quantizeOne(w[i], r.scales[s], r.zeroPoints[s], r.qmin, r.qmax);
    r.dequantized[i] = static_cast<float>(r.codes[i] - r.zeroPoints[s]) *
                       static_cast<float>(r.scales[s]);
  }
}

/// Per-slice min, max and max|w|.
struct SliceStats {
  std::vector<double> min, max, absMax, absSum;
  std::vector<int64_t> count;
};

static SliceStats computeStats(const std::vector<float> &w,
                               const SliceMap &map) {
  SliceStats st;
  st.min.assign(map.numSlices, std::numeric_limits<double>::infinity());
  st.max.assign(map.numSlices, -std::numeric_limits<double>::infinity());
  st.absMax.assign(map.numSlices, 0.0);
  st.absSum.assign(map.numSlices, 0.0);
  st.count.assign(map.numSlices, 0);
  for (size_t i = 0; i < w.size(); ++i) {
    int64_t s = map.sliceOf[i];
    st.min[s] = std::min<double>(st.min[s], w[i]);
    st.max[s] = std::max<double>(st.max[s], w[i]);
    st.absMax[s] = std::max<double>(st.absMax[s], std::fabs(w[i]));
    st.absSum[s] += std::fabs(w[i]);
    ++st.count[s];
  }
  return st;
}

AffineResult quantizers::quantizeAffine(const std::vector<float> &w,
                                        const SliceMap &map, unsigned bits,
                                        bool isSigned, AffineScheme scheme) {
  AffineResult r;
  if (isSigned) {
    r.qmin = -(int64_t{1} << (bits - 1));
    r.qmax = (int64_t{1} << (bits - 1)) - 1;
  } else {
    r.qmin = 0;
    r.qmax = (int64_t{1} << bits) - 1;
  }
  if (scheme == AffineScheme::SymmetricRestricted)
    r.qmin = -r.qmax;
  SliceStats st = computeStats(w, map);
  r.scales.resize(map.numSlices);
  r.zeroPoints.resize(map.numSlices);
  for (int64_t s = 0; s < map.numSlices; ++s) {
    double scale = 0.0;
    int64_t zp = 0;
    switch (scheme) {
    case AffineScheme::Asymmetric: {
      double lo = std::min(st.min[s], 0.0), hi = std::max(st.max[s], 0.0);
      if (st.count[s] == 0)
        lo = hi = 0.0;
      scale = toF32Scale((hi - lo) / static_cast<double>(r.qmax - r.qmin));
      if (hi == lo) {
        zp = std::min<int64_t>(std::max<int64_t>(0, r.qmin), r.qmax);
      } else {
        double z = numerics::roundHalfEven(r.qmin - lo / scale);
        zp = static_cast<int64_t>(
            std::min<double>(std::max<double>(z, r.qmin), r.qmax));
      }
      break;
    }
    case AffineScheme::SymmetricFull:
      scale = toF32Scale(st.absMax[s] /
                         (static_cast<double>(r.qmax - r.qmin) / 2.0));
      zp = isSigned ? 0 : (r.qmax + 1) / 2;
      break;
    case AffineScheme::SymmetricRestricted:
      scale = toF32Scale(st.absMax[s] / static_cast<double>(r.qmax));
      zp = 0;
      break;
    }
    r.scales[s] = scale;
    r.zeroPoints[s] = zp;
  }
  applyAffine(w, map, r);
  return r;
}

double quantizers::sqnrDb(const std::vector<float> &w,
                          const std::vector<float> &wHat) {
  double signal = 0.0, noise = 0.0;
  for (size_t i = 0; i < w.size(); ++i) {
    double d = static_cast<double>(w[i]) - wHat[i];
    signal += static_cast<double>(w[i]) * w[i];
    noise += d * d;
  }
  if (noise == 0.0)
    return std::numeric_limits<double>::infinity();
  return 10.0 * std::log10(signal / noise);
}

AffineResult quantizers::quantizePowerOfTwo(const std::vector<float> &w,
                                            const SliceMap &map,
                                            unsigned bits) {
  AffineResult r;
  r.qmin = -(int64_t{1} << (bits - 1));
  r.qmax = (int64_t{1} << (bits - 1)) - 1;
  r.scales.assign(map.numSlices, 1.0);
  r.zeroPoints.assign(map.numSlices, 0);
  r.exponents.assign(map.numSlices, 0);

  // Squared error of every slice for every candidate exponent.
  constexpr int kMinExp = -40, kMaxExp = 40;
  std::vector<double> bestError(map.numSlices,
                                std::numeric_limits<double>::infinity());
  std::vector<double> error(map.numSlices);
  for (int e = kMinExp; e <= kMaxExp; ++e) {
    double scale = std::ldexp(1.0, e);
    std::fill(error.begin(), error.end(), 0.0);
    for (size_t i = 0; i < w.size(); ++i) {
      int64_t q = quantizeOne(w[i], scale, 0, r.qmin, r.qmax);
      double d = static_cast<double>(w[i]) - static_cast<double>(q) * scale;
      error[map.sliceOf[i]] += d * d;
    }
    // `<=`: on ties the larger exponent (more headroom) wins.
    for (int64_t s = 0; s < map.numSlices; ++s)
      if (error[s] <= bestError[s]) {
        bestError[s] = error[s];
        r.exponents[s] = e;
        r.scales[s] = scale;
      }
  }
  applyAffine(w, map, r);
  return r;
}

BinaryResult quantizers::quantizeBinary(const std::vector<float> &w,
                                        const SliceMap &map) {
  BinaryResult r;
  SliceStats st = computeStats(w, map);
  r.alphas.resize(map.numSlices);
  for (int64_t s = 0; s < map.numSlices; ++s) {
    double alpha = st.count[s] ? st.absSum[s] / st.count[s] : 0.0;
    r.alphas[s] = alpha > 0.0 ? alpha : 1.0;
  }
  r.bits.resize(w.size());
  r.dequantized.resize(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    r.bits[i] = w[i] >= 0.0f ? 1 : 0;
    double a = r.alphas[map.sliceOf[i]];
    r.dequantized[i] = static_cast<float>(r.bits[i] ? a : -a);
  }
  return r;
}

TernaryResult quantizers::quantizeTernary(const std::vector<float> &w,
                                          const SliceMap &map) {
  TernaryResult r;
  SliceStats st = computeStats(w, map);
  r.thresholds.resize(map.numSlices);
  for (int64_t s = 0; s < map.numSlices; ++s)
    r.thresholds[s] = st.count[s] ? 0.7 * st.absSum[s] / st.count[s] : 0.0;

  std::vector<double> keptSum(map.numSlices, 0.0);
  std::vector<int64_t> kept(map.numSlices, 0);
  r.codes.resize(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    int64_t s = map.sliceOf[i];
    double a = std::fabs(w[i]);
    if (a > r.thresholds[s]) {
      r.codes[i] = w[i] > 0.0f ? 1 : -1;
      keptSum[s] += a;
      ++kept[s];
    } else {
      r.codes[i] = 0;
    }
  }
  r.alphas.resize(map.numSlices);
  for (int64_t s = 0; s < map.numSlices; ++s) {
    double alpha = kept[s] ? keptSum[s] / kept[s]
                           : (st.count[s] ? st.absSum[s] / st.count[s] : 0.0);
    r.alphas[s] = alpha > 0.0 ? alpha : 1.0;
  }
  r.dequantized.resize(w.size());
  for (size_t i = 0; i < w.size(); ++i)
    r.dequantized[i] =
        static_cast<float>(r.codes[i] * r.alphas[map.sliceOf[i]]);
  return r;
}

/// Index of the centroid nearest to `v` in sorted `table`, lowest index on
/// ties (binary search on the midpoints).
static uint32_t nearest(const std::vector<double> &table, double v) {
  size_t lo = 0, hi = table.size() - 1;
  // Invariant: the answer is in [lo, hi].
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    // v is at least as close to table[mid] as to table[mid + 1] iff
    // v - table[mid] <= table[mid + 1] - v.
    if (v - table[mid] <= table[mid + 1] - v)
      hi = mid;
    else
      lo = mid + 1;
  }
  // Equal centroids: prefer the lowest index holding that value.
  while (lo > 0 && table[lo - 1] == table[lo])
    --lo;
  return static_cast<uint32_t>(lo);
}

CodebookResult quantizers::quantizeCodebook(const std::vector<float> &w,
                                            unsigned bits,
                                            unsigned maxIterations) {
  CodebookResult r;
  size_t k = size_t{1} << bits;
  double lo = 0.0, hi = 0.0;
  if (!w.empty()) {
    auto [mn, mx] = std::minmax_element(w.begin(), w.end());
    lo = *mn;
    hi = *mx;
  }
  r.table.resize(k);
  for (size_t j = 0; j < k; ++j)
    r.table[j] = k == 1 ? (lo + hi) / 2.0
                        : lo + (hi - lo) * static_cast<double>(j) / (k - 1);

  r.indices.assign(w.size(), 0);
  std::vector<double> sum(k);
  std::vector<int64_t> count(k);
  for (unsigned it = 0; it < maxIterations; ++it) {
    bool changed = it == 0;
    for (size_t i = 0; i < w.size(); ++i) {
      uint32_t idx = nearest(r.table, w[i]);
      changed |= idx != r.indices[i];
      r.indices[i] = idx;
    }
    r.iterations = it + 1;
    if (!changed)
      break;
    std::fill(sum.begin(), sum.end(), 0.0);
    std::fill(count.begin(), count.end(), 0);
    for (size_t i = 0; i < w.size(); ++i) {
      sum[r.indices[i]] += w[i];
      ++count[r.indices[i]];
    }
    for (size_t j = 0; j < k; ++j)
      if (count[j])
        r.table[j] = sum[j] / count[j];
    std::sort(r.table.begin(), r.table.end());
  }
  // Assignments are final for the final (sorted) table.
  r.dequantized.resize(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    r.indices[i] = nearest(r.table, w[i]);
    r.dequantized[i] = static_cast<float>(r.table[r.indices[i]]);
  }
  return r;
}
