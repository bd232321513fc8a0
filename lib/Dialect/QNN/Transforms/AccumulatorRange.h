//===- AccumulatorRange.h - integer accumulator widths ----------*- C++ -*-===//
//
// Internal header of -qnn-propagate-scales: the fixed-point bit-growth rules
// and the exact integer range of the accumulator of a conv2d /
// fully_connected / matmul whose operands are quantized (directly, through
// `qnn.dequantize`, or as integers in the integer form).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_DIALECT_QNN_TRANSFORMS_ACCUMULATORRANGE_H
#define QUANT_LIB_DIALECT_QNN_TRANSFORMS_ACCUMULATORRANGE_H

#include "mlir/IR/Operation.h"

#include <cstdint>
#include <optional>

namespace mlir::qnn {

/// Bits of the smallest two's complement integer holding every value of
/// [lo, hi] (at least 1).
unsigned signedBits(int64_t lo, int64_t hi);

/// Bit growth of fixed-point arithmetic on signed values: a sum of an n1-
/// and an n2-bit value needs max(n1, n2) + 1 bits, a product n1 + n2, and a
/// dot product of K terms n1 + n2 + ceil(log2 K).
unsigned addBits(unsigned n1, unsigned n2);
unsigned mulBits(unsigned n1, unsigned n2);
unsigned dotBits(unsigned n1, unsigned n2, int64_t terms);

/// The accumulator of one linear op.
struct AccumulatorInfo {
  /// Exact range: every partial sum (any subset of the products, with or
  /// without the bias) of every output channel lies in [lo, hi].
  int64_t lo = 0, hi = 0;
  /// signedBits(lo, hi); 64 when the range does not fit int64.
  unsigned bits = 0;
  /// The bit-growth bound from the operand storage widths, which ignores
  /// the weight values: dotBits(n_x, n_w, K), plus the bias addition.
  unsigned boundBits = 0;
  unsigned inputBits = 0, weightBits = 0, biasBits = 0;
  /// Terms per output element (K).
  int64_t terms = 0;
  /// True when the weight values were used.
  bool constantWeights = false;
};

/// The accumulator of a conv2d, fully_connected or matmul whose input and
/// weights are integer-valued (affine, binary, ternary, or signless integer
/// in the integer form; a `dequantize` of such a value counts as that
/// value). nullopt for other ops and for float operands. A bias enters when
/// it is integer-valued too (an i32 `!quant.uniform` or integer bias).
std::optional<AccumulatorInfo> analyzeAccumulator(Operation *op);

} // namespace mlir::qnn

#endif // QUANT_LIB_DIALECT_QNN_TRANSFORMS_ACCUMULATORRANGE_H
