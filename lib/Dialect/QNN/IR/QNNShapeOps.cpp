//===- QNNShapeOps.cpp - data-movement op verifiers ---===//
//
// STUB: to be completed.
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/IR/QNN.h"
#include "QNNVerifyUtils.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::verifyutil;

LogicalResult ReshapeOp::verify() { return success(); }
LogicalResult TransposeOp::verify() { return success(); }
LogicalResult ConcatOp::verify() { return success(); }
LogicalResult PadOp::verify() { return success(); }
