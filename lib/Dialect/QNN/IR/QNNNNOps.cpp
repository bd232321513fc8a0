//===- QNNNNOps.cpp - neural-network op verifiers ---===//
//
// STUB: to be completed.
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/IR/QNN.h"
#include "QNNVerifyUtils.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::verifyutil;

LogicalResult Conv2DOp::verify() { return success(); }
LogicalResult MatMulOp::verify() { return success(); }
LogicalResult FullyConnectedOp::verify() { return success(); }
LogicalResult MaxPool2DOp::verify() { return success(); }
LogicalResult AvgPool2DOp::verify() { return success(); }
LogicalResult GlobalAvgPoolOp::verify() { return success(); }
LogicalResult BatchNormOp::verify() { return success(); }
LogicalResult SoftmaxOp::verify() { return success(); }
