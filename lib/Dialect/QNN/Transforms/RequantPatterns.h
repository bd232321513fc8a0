//===- RequantPatterns.h - requantization folding patterns -------*- C++
//-*-===//
//
// Internal to lib/Dialect/QNN/Transforms: the pattern families that
// -qnn-fold-requant (and pipelines) apply, and the per-code requantization
// arithmetic they use to prove a rewrite exact.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_DIALECT_QNN_TRANSFORMS_REQUANTPATTERNS_H
#define QUANT_LIB_DIALECT_QNN_TRANSFORMS_REQUANTPATTERNS_H

#include "mlir/IR/PatternMatch.h"
#include "quant/Dialect/QNN/IR/QNN.h"

namespace mlir::qnn {

/// dequantize -> quantize into requantize (when exact) and requantize
/// chains into one requantize (when exact, or always with
/// `allowDoubleRounding`).
void populateRequantChainPatterns(RewritePatternSet &patterns,
                                  bool allowDoubleRounding);

/// QDQ groups into ops on quantized types; with `retypeProducers`, a
/// requantize absorbed into its single-use producer.
void populateFuseQDQPatterns(RewritePatternSet &patterns, bool retypeProducers);

/// binarize(batch_norm(y)) into binarize(y) with per-channel thresholds,
/// negating the producer's channels where the batch-norm scale is negative.
void populateThresholdPatterns(RewritePatternSet &patterns);

/// FINN streamlining: constant scalar / per-channel mul and add next to a
/// float conv2d or fully_connected absorbed into its weights and bias.
void populateStreamlinePatterns(RewritePatternSet &patterns);

/// qnn.requantize (rounding half_even) of one code: the multiplier
/// M = f32(s_in / s_out), y = sat(rne(f32(q - zp_in) * M) + zp_out).
int64_t requantizeHalfEven(int64_t q, double sIn, int64_t zpIn, double sOut,
                           int64_t zpOut, int64_t qmin, int64_t qmax);

/// ONNX DequantizeLinear followed by QuantizeLinear on one code, in f32 as
/// ONNX Runtime computes them.
int64_t dequantizeThenQuantize(int64_t q, double sIn, int64_t zpIn, double sOut,
                               int64_t zpOut, int64_t qmin, int64_t qmax);

} // namespace mlir::qnn

#endif // QUANT_LIB_DIALECT_QNN_TRANSFORMS_REQUANTPATTERNS_H
