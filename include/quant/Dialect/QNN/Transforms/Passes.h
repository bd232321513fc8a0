//===- Passes.h - qnn pass declarations ---------------------------*- C++
//-*-===//
//
// Declarations and registration of the qnn passes and named pipelines.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_TRANSFORMS_PASSES_H
#define QUANT_DIALECT_QNN_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"
#include "quant/Dialect/QNN/IR/QNN.h"

namespace mlir::qnn {

#define GEN_PASS_DECL
#include "quant/Dialect/QNN/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "quant/Dialect/QNN/Transforms/Passes.h.inc"

/// Registers the named qnn pipelines (`qnn-simplify`, ...) with the global
/// pipeline registry, for quant-opt's `--pass-pipeline` and flags.
void registerQNNPipelines();

} // namespace mlir::qnn

#endif // QUANT_DIALECT_QNN_TRANSFORMS_PASSES_H
