//===- QNNOps.td - qnn ops ----------------------------------*- tablegen -*-===//
//
// Entry point for the qnn op definitions; ops are grouped by concern in the
// files included below.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_QNNOPS_TD
#define QUANT_DIALECT_QNN_QNNOPS_TD

include "QNN/QNNBase.td"
include "QNN/QNNTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"

include "QNN/QNNQuantOps.td"
include "QNN/QNNNNOps.td"
include "QNN/QNNShapeOps.td"
include "QNN/QNNElementwiseOps.td"
include "QNN/QNNActivationOps.td"
include "QNN/QNNIntegerOps.td"

#endif // QUANT_DIALECT_QNN_QNNOPS_TD
