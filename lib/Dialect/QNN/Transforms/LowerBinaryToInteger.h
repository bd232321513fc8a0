//===- LowerBinaryToInteger.h - binary/ternary integer lowering -*- C++ -*-===//
//
// Internal to the qnn transforms: the part of -qnn-lower-to-integer that
// lowers !qnn.binary, !qnn.ternary and !qnn.codebook values (see
// LowerBinaryToInteger.cpp and docs/architecture.md, "Binary lowering").
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_DIALECT_QNN_TRANSFORMS_LOWERBINARYTOINTEGER_H
#define QUANT_LIB_DIALECT_QNN_TRANSFORMS_LOWERBINARYTOINTEGER_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Support/LLVM.h"

namespace mlir::qnn {

/// Lowers every binary / ternary / codebook value of `func` to the integer
/// form: i8 codes (-1 / +1, or -1 / 0 / +1), integer XNOR-form linear ops
/// with i32 accumulators, integer thresholds, and compile-time float
/// constants for weights read by float ops. Runs after the affine lowering.
/// Emits a diagnostic at the offending op and fails for what has no
/// lowering.
LogicalResult lowerBinaryToInteger(func::FuncOp func);

} // namespace mlir::qnn

#endif // QUANT_LIB_DIALECT_QNN_TRANSFORMS_LOWERBINARYTOINTEGER_H
