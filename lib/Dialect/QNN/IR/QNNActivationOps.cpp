//===- QNNActivationOps.cpp - sub, div, leaky_relu, sigmoid verifiers -----===//
//
// Verifiers of the ops declared in QNNActivationOps.td. The two broadcasting
// ops check numpy broadcasting of their shapes and that all three tensors
// are one float type or all affine over one float type; the two activations
// check that the shape is kept and which result element types follow from
// the input's.
//
//===----------------------------------------------------------------------===//

#include "QNNVerifyUtils.h"
#include "quant/Dialect/QNN/IR/QNN.h"

#include <cmath>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::verifyutil;

/// Element rule of sub and div: all three element types equal and float,
/// or all !quant.uniform (per tensor or per axis) expressing one float type.
/// ODS has checked that each is float or affine.
static LogicalResult verifyArithmeticElements(Operation *op, Type lhs, Type rhs,
                                              Type result) {
  ElementKind kind = getElementKind(lhs);
  if (kind == ElementKind::Float) {
    if (rhs != lhs || result != lhs)
      return op->emitOpError()
             << "expects operands and result of one float type, got " << lhs
             << ", " << rhs << " and " << result;
    return success();
  }
  for (Type t : {rhs, result})
    if (getElementKind(t) != ElementKind::Affine)
      return op->emitOpError() << "expects all operands and the result "
                                  "affine when lhs is, got "
                               << t;
  for (Type t : {rhs, result})
    if (getExpressedType(t) != getExpressedType(lhs))
      return op->emitOpError() << "expects every element type to express "
                               << getExpressedType(lhs) << ", got " << t;
  return success();
}

/// Shared verifier of sub and div.
static LogicalResult verifyOrderedBinary(Operation *op, Value lhs, Value rhs,
                                         Value result) {
  RankedTensorType l = tensorTypeOf(lhs), r = tensorTypeOf(rhs);
  RankedTensorType out = tensorTypeOf(result);
  if (failed(verifyBroadcast(op, l, r, out)))
    return failure();
  for (auto [type, name] :
       {std::pair{l, "lhs"}, std::pair{r, "rhs"}, std::pair{out, "result"}})
    if (failed(verifyTensorQuantization(op, type, name)))
      return failure();
  return verifyArithmeticElements(op, l.getElementType(), r.getElementType(),
                                  out.getElementType());
}

LogicalResult SubOp::verify() {
  return verifyOrderedBinary(*this, getLhs(), getRhs(), getOutput());
}

LogicalResult DivOp::verify() {
  return verifyOrderedBinary(*this, getLhs(), getRhs(), getOutput());
}

/// Shape kept; float input -> the same float type; affine input -> affine
/// expressing the same float type and, when `sameStorage`, with the input's
/// storage type. ODS has checked that input and result are float or
/// affine.
static LogicalResult verifyActivation(Operation *op, RankedTensorType in,
                                      RankedTensorType out, bool sameStorage) {
  if (failed(verifySameShape(op, in, out, "input and result")) ||
      failed(verifyTensorQuantization(op, in, "input")) ||
      failed(verifyTensorQuantization(op, out, "result")))
    return failure();
  Type inElt = in.getElementType(), outElt = out.getElementType();
  ElementKind kind = getElementKind(inElt);
  if (kind == ElementKind::Float) {
    if (outElt != inElt)
      return op->emitOpError() << "expects the result element type to equal "
                                  "the float input element type "
                               << inElt << ", got " << outElt;
    return success();
  }
  if (getElementKind(outElt) != ElementKind::Affine)
    return op->emitOpError()
           << "expects an affine result for an affine input, got " << outElt;
  if (getExpressedType(outElt) != getExpressedType(inElt))
    return op->emitOpError()
           << "expects the result to express " << getExpressedType(inElt)
           << " like the input, got " << outElt;
  if (sameStorage && getStorageType(outElt) != getStorageType(inElt))
    return op->emitOpError()
           << "expects the result storage type " << getStorageType(inElt)
           << " of the input, got " << outElt;
  if (sameStorage && llvm::cast<quant::QuantizedType>(outElt).isSigned() !=
                         llvm::cast<quant::QuantizedType>(inElt).isSigned())
    return op->emitOpError()
           << "expects the result storage signedness of the input, got "
           << outElt;
  return success();
}

LogicalResult LeakyReluOp::verify() {
  float alpha = getAlpha().convertToFloat();
  if (!std::isfinite(alpha))
    return emitOpError() << "expects a finite 'alpha', got " << alpha;
  return verifyActivation(*this, getInput().getType(), getType(),
                          /*sameStorage=*/true);
}

LogicalResult SigmoidOp::verify() {
  return verifyActivation(*this, getInput().getType(), getType(),
                          /*sameStorage=*/false);
}
