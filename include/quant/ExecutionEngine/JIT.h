//===- JIT.h - compile a qnn module in-process and call it -------*- C++
//-*-===//
//
// The in-process path quant-run and the benchmarks share: the codegen
// pipeline for a target machine, then mlir::ExecutionEngine. A compiled
// model is called with one pointer per input buffer, then per output.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_EXECUTIONENGINE_JIT_H
#define QUANT_EXECUTIONENGINE_JIT_H

#include "quant/Compiler/Pipeline.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"

#include <memory>
#include <string>

namespace mlir::qnn::compiler {

/// A model compiled for this host.
class JITModel {
public:
  /// Runs the pipeline on `module` (up to the LLVM dialect) with the
  /// features of `tm`, then JIT-compiles it at `optLevel`. On failure,
  /// `error` is empty when the pipeline already reported diagnostics.
  static std::unique_ptr<JITModel>
  compile(ModuleOp module, std::unique_ptr<llvm::TargetMachine> tm,
          CodegenOptions options, unsigned optLevel, std::string &error);

  /// Calls the model on `buffers` (inputs, then outputs); returns its
  /// status (0 on success).
  int32_t run(ArrayRef<void *> buffers) const;

private:
  std::unique_ptr<ExecutionEngine> engine;
  void (*fn)(void **) = nullptr;
};

} // namespace mlir::qnn::compiler

#endif // QUANT_EXECUTIONENGINE_JIT_H
