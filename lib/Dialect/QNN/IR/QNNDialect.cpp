//===- QNNDialect.cpp - qnn dialect registration ------------------------===//
//
// Registers the qnn types, attributes and ops, and materializes folded
// constants as `qnn.constant` (any element type) or `arith.constant`.
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::qnn;

#include "quant/Dialect/QNN/IR/QNNOpsDialect.cpp.inc"
#include "quant/Dialect/QNN/IR/QNNOpsEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "quant/Dialect/QNN/IR/QNNOpsAttributes.cpp.inc"

void QNNDialect::initialize() {
  registerTypes();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "quant/Dialect/QNN/IR/QNNOpsAttributes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "quant/Dialect/QNN/IR/QNNOps.cpp.inc"
      >();
}

Operation *QNNDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  auto elements = llvm::dyn_cast<ElementsAttr>(value);
  auto tensorType = llvm::dyn_cast<RankedTensorType>(type);
  if (!elements || !tensorType)
    return nullptr;
  // `value` holds storage values; qnn.constant checks they fit `type`.
  if (failed(ConstantOp::verifyValueForType(elements, tensorType,
                                            /*why=*/nullptr)))
    return nullptr;
  return ConstantOp::create(builder, loc, tensorType, elements);
}
