//===- QNNElementwiseOps.cpp - elementwise op verifiers ---===//
//
// STUB: to be completed.
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/IR/QNN.h"
#include "QNNVerifyUtils.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::verifyutil;

LogicalResult AddOp::verify() { return success(); }
LogicalResult MulOp::verify() { return success(); }
LogicalResult ClampOp::verify() { return success(); }
LogicalResult SignOp::verify() { return success(); }
LogicalResult BinarizeOp::verify() { return success(); }
