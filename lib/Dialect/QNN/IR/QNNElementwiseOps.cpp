//===- QNNElementwiseOps.cpp - elementwise op verifiers -------------------===//
//
// Verifiers of add, mul (numpy broadcasting, float or per-tensor affine),
// clamp (ReLU/ReLU6 on float or affine values), sign (float) and binarize
// (float or affine to !qnn.binary; float or integer to i8 -1/+1 codes in
// the integer form).
//
//===----------------------------------------------------------------------===//

#include "QNNVerifyUtils.h"
#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/Dialect/Traits.h"
#include "mlir/IR/TypeUtilities.h"

#include <cmath>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::verifyutil;

/// Broadcasting binary ops compute on real values: every operand is float
/// (one type) or per-tensor affine expressing one float type. ODS has
/// checked that each is float or per-tensor affine.
static LogicalResult verifyBroadcastBinary(Operation *op) {
  auto lhs = tensorTypeOf(op->getOperand(0));
  auto rhs = tensorTypeOf(op->getOperand(1));
  auto out = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  SmallVector<int64_t> shape;
  if (!::mlir::OpTrait::util::getBroadcastedShape(lhs.getShape(),
                                                  rhs.getShape(), shape))
    return op->emitOpError()
           << "operand shapes " << lhs << " and " << rhs << " do not broadcast";
  if (failed(verifyCompatibleShape(shape, out.getShape())))
    return op->emitOpError()
           << "result shape does not match the broadcast of the operands: "
           << out;

  Type types[] = {lhs.getElementType(), rhs.getElementType(),
                  out.getElementType()};
  ElementKind kind = getElementKind(types[2]);
  for (Type type : types)
    if (getElementKind(type) != kind)
      return op->emitOpError() << "mixes float and quantized operands; insert "
                                  "qnn.quantize/qnn.dequantize";
  if (kind == ElementKind::Float) {
    if (types[0] != types[2] || types[1] != types[2])
      return op->emitOpError() << "expects one float type, got " << types[0]
                               << ", " << types[1] << " -> " << types[2];
    return success();
  }
  if (getExpressedType(types[0]) != getExpressedType(types[2]) ||
      getExpressedType(types[1]) != getExpressedType(types[2]))
    return op->emitOpError() << "operands and result express different float "
                                "types";
  return success();
}

LogicalResult AddOp::verify() { return verifyBroadcastBinary(*this); }
LogicalResult MulOp::verify() { return verifyBroadcastBinary(*this); }

LogicalResult ClampOp::verify() {
  float lo = getMin().convertToFloat(), hi = getMax().convertToFloat();
  if (std::isnan(lo) || std::isnan(hi))
    return emitOpError() << "bounds must not be NaN";
  if (lo > hi)
    return emitOpError() << "expects min <= max, got " << lo << " > " << hi;
  return success(); // ODS: float or affine values.
}

LogicalResult SignOp::verify() {
  Type elt = getType().getElementType();
  if (getElementKind(elt) != ElementKind::Float)
    return emitOpError() << "expects float values, got " << elt
                         << " (use qnn.binarize for binary activations)";
  return success();
}

LogicalResult BinarizeOp::verify() {
  RankedTensorType in = getInput().getType(), out = getType();
  if (failed(verifySameShape(*this, in, out, "input and result")))
    return failure();
  // ODS: float, affine or signless integer input; binary or i8 result.
  Type inElt = in.getElementType();
  ElementKind kind = getElementKind(inElt);
  Type outElt = out.getElementType();
  if (outElt.isSignlessInteger(8)) {
    // Integer form: -1 / +1 codes in i8.
    if (kind == ElementKind::Affine)
      return emitOpError() << "expects float or integer input for an i8 "
                              "(integer form) result, got "
                           << inElt;
  } else {
    auto binary = llvm::cast<BinaryType>(outElt);
    if (kind == ElementKind::Integer)
      return emitOpError() << "expects an i8 result for integer input, got "
                           << outElt;
    if (binary.getExpressedType() != getExpressedType(inElt))
      return emitOpError() << "result expresses " << binary.getExpressedType()
                           << " but the input expresses "
                           << getExpressedType(inElt);
  }
  if (!std::isfinite(getThreshold().convertToFloat()))
    return emitOpError() << "threshold must be finite";
  std::optional<ArrayRef<double>> thresholds = getThresholds();
  std::optional<uint64_t> axisAttr = getAxis();
  if (!thresholds && !axisAttr)
    return success();
  if (!thresholds || !axisAttr)
    return emitOpError() << "'thresholds' and 'axis' go together";
  if (!getThreshold().isZero())
    return emitOpError() << "takes either 'threshold' or 'thresholds'";
  int64_t axis = static_cast<int64_t>(*axisAttr);
  if (axis < 0 || axis >= in.getRank())
    return emitOpError() << "axis " << axis << " is out of range for rank "
                         << in.getRank();
  int64_t dim = in.getDimSize(axis);
  if (!ShapedType::isDynamic(dim) &&
      static_cast<int64_t>(thresholds->size()) != dim)
    return emitOpError() << "has " << thresholds->size()
                         << " thresholds but dimension " << axis << " has size "
                         << dim;
  for (double t : *thresholds)
    if (std::isnan(t))
      return emitOpError() << "thresholds must not be NaN";
  return success();
}
