//===- Passes.h - code generation passes --------------------------*- C++
//-*-===//
//
// Declarations and registration of the code generation passes (the
// kernels, vectorization, entry ABI and memory planning passes of
// include/quant/Codegen/Passes.td, library QuantCodegen).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_CODEGEN_PASSES_H
#define QUANT_CODEGEN_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
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
#include "quant/Codegen/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "quant/Codegen/Passes.h.inc"

namespace compiler {
/// Declares the x86 dot-product intrinsic calls of the kernels free of
/// memory effects (LinearKernels.cpp); every context that runs the codegen
/// passes needs it.
void registerKernelInterfaces(DialectRegistry &registry);
} // namespace compiler

} // namespace mlir::qnn

#endif // QUANT_CODEGEN_PASSES_H
