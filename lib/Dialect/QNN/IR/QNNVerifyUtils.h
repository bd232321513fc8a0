//===- QNNVerifyUtils.h - helpers shared by qnn verifiers --------*- C++ -*-===//
//
// Internal to lib/Dialect/QNN/IR: small checks that several op verifiers
// share (shape agreement, element-kind rules, attribute ranges).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_DIALECT_QNN_IR_QNNVERIFYUTILS_H
#define QUANT_LIB_DIALECT_QNN_IR_QNNVERIFYUTILS_H

#include "quant/Dialect/QNN/IR/QNN.h"

namespace mlir::qnn::verifyutil {

/// The ranked tensor type of `value` (every qnn operand is one).
inline RankedTensorType tensorTypeOf(Value value) {
  return llvm::cast<RankedTensorType>(value.getType());
}

/// Fails with "<what> shapes differ" unless the two shapes are compatible
/// (equal where both are static).
LogicalResult verifySameShape(Operation *op, RankedTensorType a,
                              RankedTensorType b, StringRef what);

/// Checks the per-axis / block parameters of a tensor's element type
/// against its shape (see verifyQuantizedShape), reporting on `op`.
LogicalResult verifyTensorQuantization(Operation *op, RankedTensorType type,
                                       StringRef what);

/// Checks numpy broadcasting of `lhs` and `rhs` into `result`: the result
/// rank is the larger rank and, right-aligned, every pair of static sizes is
/// equal or has a 1, the result size being the other one. Dynamic sizes
/// skip the checks they take part in.
LogicalResult verifyBroadcast(Operation *op, RankedTensorType lhs,
                              RankedTensorType rhs, RankedTensorType result);

/// Checks that `attr` has `size` entries, each >= `minValue`.
LogicalResult verifyI64Array(Operation *op, ArrayRef<int64_t> values,
                             size_t size, int64_t minValue, StringRef name);

/// Returns a human-readable name of an element kind ("float", "affine",
/// ...), for diagnostics.
StringRef kindName(ElementKind kind);

} // namespace mlir::qnn::verifyutil

#endif // QUANT_LIB_DIALECT_QNN_IR_QNNVERIFYUTILS_H
