//===- AccumulatorRange.h - integer accumulator widths ----------*- C++ -*-===//
//
// Internal header of -qnn-propagate-scales: the exact integer range of the
// accumulator of a conv2d / fully_connected / matmul whose operands are
// quantized (directly, through `qnn.dequantize`, or as integers in the
// integer form). Bit-growth rules come from quant/Support/Numerics.h.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_DIALECT_QNN_TRANSFORMS_ACCUMULATORRANGE_H
#define QUANT_LIB_DIALECT_QNN_TRANSFORMS_ACCUMULATORRANGE_H

#include "mlir/IR/Operation.h"

#include <cstdint>
#include <optional>

namespace mlir::qnn {

/// The accumulator of one linear op.
struct AccumulatorInfo {
  /// Exact range: every partial sum (any subset of the products, with or
  /// without the bias) of every output channel lies in [lo, hi].
  int64_t lo = 0, hi = 0;
  /// signedBits(lo, hi); 64 when the range does not fit int64.
  unsigned bits = 0;
  /// The bit-growth bound from the operand storage widths, which ignores
  /// the weight values: numerics::bitsForDot(n_x, n_w, K), plus the bias
  /// addition (numerics::bitsForAdd).
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
