//===- Passes.h - code generation passes --------------------------*- C++ -*-===//
//
// Declarations and registration of the code generation passes
// (quant-tile-and-vectorize, quant-lower-vectors, quant-prepare-entry,
// quant-finalize-entry).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_COMPILER_PASSES_H
#define QUANT_COMPILER_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::qnn {

#define GEN_PASS_DECL
#include "quant/Compiler/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "quant/Compiler/Passes.h.inc"

} // namespace mlir::qnn

#endif // QUANT_COMPILER_PASSES_H
