//===- Calibration.h - activation range estimators ------------*- C++ -*-===//
//
// The range estimators of post-training calibration, on plain arrays (no
// MLIR): an observer collects the values one activation takes over the
// calibration samples (min/max per batch, optionally averaged with an
// exponential moving average, and a histogram of |x|), and
// computeCalibratedRange turns it into the [min, max] that the activation
// quantizer (qnn-quantize-activations) maps to 2^bits codes:
//   MinMax      the observed extremes (or their EMA across batches);
//   Percentile  |x| clipped at the given percentile (99.99 by default);
//   MSE         the clipping threshold minimizing the squared error of
//               quantizing the histogram (clipping + rounding, each bin at
//               its centre) to 2^bits levels;
//   Entropy     TensorRT's KL-divergence threshold: the reference
//               distribution of |x| against its quantization to the levels
//               that cover it (128 for signed 8-bit, 256 for unsigned).
// Ranges are never narrowed below what min/max saw on the sign side: a
// non-negative tensor keeps min = 0 (the unsigned case), a signed one is
// clipped symmetrically.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_QUANTIZATION_CALIBRATION_H
#define QUANT_QUANTIZATION_CALIBRATION_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir::qnn::calibration {

enum class Method { MinMax, Percentile, MSE, Entropy };

/// Parses "minmax", "percentile", "mse" or "entropy".
std::optional<Method> parseMethod(const std::string &name);
/// True for the methods that need a histogram (a second pass over the data).
bool needsHistogram(Method method);

/// Collects what the estimators need about one activation.
class Observer {
public:
  /// `emaMomentum` in [0, 1): 0 keeps the absolute min/max over all
  /// batches; m > 0 averages per-batch extremes, v <- m*v + (1-m)*batch.
  explicit Observer(double emaMomentum = 0.0) : momentum(emaMomentum) {}

  /// Pass 1: the values of one batch.
  void observeBatch(const float *values, size_t count);
  /// Between the passes: allocate `bins` histogram bins over [0, max|x|].
  void startHistogram(unsigned bins);
  /// Pass 2: add values to the histogram (values beyond the range of pass
  /// 1 land in the last bin).
  void addToHistogram(const float *values, size_t count);

  bool empty() const { return batches == 0; }
  double getMin() const { return lo; }
  double getMax() const { return hi; }
  double getAbsMax() const;
  /// Histogram of the non-zero |x|; exact zeros are only counted.
  const std::vector<uint64_t> &getHistogram() const { return histogram; }
  uint64_t getZeros() const { return zeros; }
  double getBinWidth() const { return binWidth; }

private:
  double momentum;
  double lo = 0, hi = 0;
  size_t batches = 0;
  std::vector<uint64_t> histogram;
  double binWidth = 0;
  double absMax = 0; ///< Of all values seen (histogram range).
  uint64_t zeros = 0;
};

struct Range {
  double min = 0, max = 0;
};

struct Options {
  Method method = Method::MinMax;
  double percentile = 99.99; ///< For Method::Percentile.
  unsigned bits = 8;         ///< Code count 2^bits for MSE.
  /// Levels of Method::Entropy's candidate distribution (0: the levels of
  /// `bits` that cover |x|, 2^bits unsigned, 2^(bits-1) signed).
  unsigned quantizedBins = 0;
};

/// The calibrated range of `observer` (which must have seen data; the
/// histogram methods need its histogram).
Range computeCalibratedRange(const Observer &observer, const Options &options);

/// The |x| threshold estimators on a histogram of |x| with `binWidth`-wide
/// bins starting at 0; each returns a threshold in (0, bins * binWidth].
/// `zeros` exact zeros count below every bin.
double percentileThreshold(const std::vector<uint64_t> &histogram,
                           double binWidth, double percentile,
                           uint64_t zeros = 0);
/// `levels` quantization steps span [0, t] (unsigned) or [-t, t].
double mseThreshold(const std::vector<uint64_t> &histogram, double binWidth,
                    unsigned levels, bool symmetric);
double entropyThreshold(const std::vector<uint64_t> &histogram, double binWidth,
                        unsigned quantizedBins);

} // namespace mlir::qnn::calibration

#endif // QUANT_QUANTIZATION_CALIBRATION_H
