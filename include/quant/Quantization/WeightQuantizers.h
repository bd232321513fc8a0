//===- WeightQuantizers.h - post-training weight quantizers ------*- C++
//-*-===//
//
// The post-training quantizers of the literature, on plain float arrays:
// affine (asymmetric min/max, symmetric full and restricted range),
// power-of-two fixed point with the SQNR-optimal point, XNOR-Net binary,
// TWN ternary and k-means codebooks. Each works on "slices" (sets of
// elements sharing parameters: the whole tensor, one output channel, or one
// block of G elements along the reduction axis) and returns the codes, the
// parameters and the dequantized values, so callers can report SQNR.
//
// No MLIR dependency: the qnn-quantize-weights pass wraps these.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_QUANTIZATION_WEIGHTQUANTIZERS_H
#define QUANT_QUANTIZATION_WEIGHTQUANTIZERS_H

#include <cstdint>
#include <string>
#include <vector>

namespace mlir::qnn::quantizers {

/// How elements are grouped into sets that share quantization parameters.
struct Granularity {
  enum class Kind { PerTensor, PerChannel, PerGroup };
  Kind kind = Kind::PerTensor;
  /// PerChannel / PerGroup: the axis with one parameter set per index.
  int64_t channelAxis = 0;
  /// PerGroup: blocks of `groupSize` consecutive indices along `groupAxis`.
  int64_t groupAxis = 1;
  int64_t groupSize = 0;
};

/// The assignment of the elements of a row-major tensor to slices.
struct SliceMap {
  /// Slice index of every element.
  std::vector<int64_t> sliceOf;
  int64_t numSlices = 1;
  /// Number of slices along each dimension (the shape of a sub-channel
  /// scale tensor); all ones for per tensor.
  std::vector<int64_t> gridShape;
};

/// Builds the slice map of `shape` under `granularity`. Returns false and
/// sets `error` when the granularity does not fit the shape (axis out of
/// range, group size not dividing the dimension).
bool computeSlices(const std::vector<int64_t> &shape,
                   const Granularity &granularity, SliceMap &map,
                   std::string &error);

/// Affine range schemes.
enum class AffineScheme {
  /// [min(W,0), max(W,0)] onto [qmin, qmax] with a zero point.
  Asymmetric,
  /// zp = 0, scale = max|W| / ((qmax - qmin) / 2): qmin maps to -max|W|
  /// (PyTorch / ONNX symmetric).
  SymmetricFull,
  /// zp = 0, range -(2^(b-1) - 1) .. 2^(b-1) - 1, scale = max|W| / qmax
  /// (TensorFlow / TensorRT narrow range).
  SymmetricRestricted,
};

/// Result of an integer quantizer: one scale/zero point per slice, one code
/// per element, and the dequantized values (code - zp) * scale.
struct AffineResult {
  std::vector<double> scales; ///< f32-representable.
  std::vector<int64_t> zeroPoints;
  std::vector<int64_t> codes;
  std::vector<float> dequantized;
  int64_t qmin = 0, qmax = 0;
  /// Power of two only: the exponent e of every slice's scale 2^e.
  std::vector<int> exponents;
};

/// Affine quantization to `bits` (2..16) signed or unsigned integers. Codes
/// follow ONNX QuantizeLinear: saturate(round_half_even(w / scale) + zp)
/// with the division in f32. Restricted range is signed only.
AffineResult quantizeAffine(const std::vector<float> &w, const SliceMap &map,
                            unsigned bits, bool isSigned, AffineScheme scheme);

/// Power-of-two fixed point: for each slice, the scale 2^e (e searched over
/// [-40, 40]) maximizing SQNR with codes saturated to the signed n-bit range;
/// ties go to the larger range (larger e).
AffineResult quantizePowerOfTwo(const std::vector<float> &w,
                                const SliceMap &map, unsigned bits);

/// XNOR-Net binary weights: B = sign(W) (+1 for W >= 0), alpha = mean|W| per
/// slice (the minimizer of ||W - alpha B||^2).
struct BinaryResult {
  std::vector<double> alphas;
  std::vector<uint8_t> bits; ///< 1 = +alpha.
  std::vector<float> dequantized;
};
BinaryResult quantizeBinary(const std::vector<float> &w, const SliceMap &map);

/// TWN ternary weights: Delta = 0.7 * mean|W|, codes sign(W) where
/// |W| > Delta else 0, alpha = mean of |W| over the non-zero codes (the
/// slice's mean|W| when every code is zero; 1 for an all-zero slice).
struct TernaryResult {
  std::vector<double> alphas;
  std::vector<double> thresholds;
  std::vector<int8_t> codes; ///< -1, 0, +1.
  std::vector<float> dequantized;
};
TernaryResult quantizeTernary(const std::vector<float> &w, const SliceMap &map);

/// k-means codebook (Deep Compression): 2^bits centroids initialized
/// linearly between min and max, Lloyd iterations until no assignment
/// changes (at most `maxIterations`); nearest centroid, lowest index on ties.
/// Per tensor. Centroids stay sorted.
struct CodebookResult {
  std::vector<double> table;
  std::vector<uint32_t> indices;
  std::vector<float> dequantized;
  unsigned iterations = 0;
};
CodebookResult quantizeCodebook(const std::vector<float> &w, unsigned bits,
                                unsigned maxIterations = 100);

/// Signal-to-quantization-noise ratio in dB:
/// 10 log10(sum w^2 / sum (w - w_hat)^2). +inf when the error is zero.
double sqnrDb(const std::vector<float> &w, const std::vector<float> &wHat);

} // namespace mlir::qnn::quantizers

#endif // QUANT_QUANTIZATION_WEIGHTQUANTIZERS_H
