//===- QNNVerifyUtils.h - helpers shared by qnn verifiers --------*- C++
//-*-===//
//
// Internal to lib/Dialect/QNN/IR: small checks that several op verifiers
// share (shape agreement, element-kind rules, sizes, the sliding-window
// formula of conv2d and the pooling ops). What an operand or attribute may
// be on its own (element kinds, ranks, array lengths and ranges) is stated
// in ODS (dialects/QNN/QNNTypeConstraints.td) instead.
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

/// Returns a human-readable name of an element kind ("float", "affine",
/// ...), for diagnostics.
StringRef kindName(ElementKind kind);

/// Fails unless the static size `actual` equals the static size `expected`
/// (dynamic sizes pass). `what` describes the checked size.
LogicalResult verifySize(Operation *op, int64_t actual, int64_t expected,
                         const Twine &what);

/// Runs verifyTensorQuantization on each (type, name) pair; null types (an
/// absent optional operand) are skipped.
LogicalResult
verifyQuantizations(Operation *op,
                    ArrayRef<std::pair<RankedTensorType, StringRef>> types);

/// One spatial dimension of a sliding-window op. `input` and `kernel` may be
/// dynamic (a conv's kernel comes from the weight shape).
struct WindowDim {
  StringRef name; ///< "height" or "width", for diagnostics.
  int64_t input, kernel, stride, dilation, padBegin, padEnd;
};

/// Checks the result size `output` of one window dimension of conv2d or a
/// pooling op against the ONNX window formula (floor, or ceil with
/// `ceilMode`); see the definition in QNNNNOps.cpp.
LogicalResult verifyWindowDim(Operation *op, const WindowDim &w, int64_t output,
                              bool ceilMode);

} // namespace mlir::qnn::verifyutil

#endif // QUANT_LIB_DIALECT_QNN_IR_QNNVERIFYUTILS_H
