//===- Pipeline.h - the qnn to LLVM dialect pipeline --------------*- C++
//-*-===//
//
// The phases quant-compile and quant-run go through, from a qnn module (any
// IR level) to the LLVM dialect, with the options that the target decides.
// Each phase can be the last (`--emit-after=<phase>`).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_COMPILER_PIPELINE_H
#define QUANT_COMPILER_PIPELINE_H

#include "quant/Compiler/TargetMachine.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"

#include <optional>
#include <string>

namespace mlir::qnn::compiler {

/// Pipeline phases, in order.
enum class Phase {
  Integer,   ///< [qnn-propagate-scales, qnn-fold-requant,]
             ///< qnn-lower-to-integer: QDQ / quantized-type ops to integer
             ///< form.
  Linalg,    ///< inline, convert-qnn-to-linalg: linalg on tensors.
  Vector,    ///< register tiling + vectorization of contractions.
  Bufferize, ///< one-shot bufferization, out-params, deallocation, C ABI.
  Loops,     ///< vector lowering, remaining linalg to loops.
  LLVM,      ///< the LLVM dialect.
};

/// Phase names as accepted by --emit-after.
StringRef getPhaseName(Phase phase);
std::optional<Phase> parsePhase(StringRef name);
/// "integer, linalg, ..." for help texts.
std::string listPhaseNames();

/// What the pipeline needs to know.
struct CodegenOptions {
  std::string entry = "main"; ///< Function to compile.
  std::string name = "model"; ///< Symbol prefix: <name>_run.
  TargetFeatures target;      ///< Vector width, FMA, VNNI.
  /// Emulation (--emulate-cpu): the kernels, tiles and vector widths are
  /// chosen for this CPU's features and its x86 dot products written as
  /// portable vector ops, while the code is still compiled for `target`.
  /// So a host runs and tests the kernel logic of a CPU it is not.
  std::optional<TargetFeatures> emulated;
  /// Packed-weight microkernels for conv / GEMM with constant weights
  /// (quant-linear-kernels); off: the generic linalg.contract lowering.
  bool kernels = true;
  /// Cache budget of the kernels' reduction blocking (quant-linear-kernels
  /// weight-block-bytes): about half the target's L2; 0 never blocks.
  unsigned weightBlockBytes = 512 * 1024;
  /// Fuse a QDQ graph into quantized ops first (qnn-propagate-scales,
  /// qnn-fold-requant), so that it becomes integer code: what an imported
  /// ONNX model needs.
  bool foldQDQ = false;
};

/// Adds the passes of `phase` to `pm`.
void addPhasePasses(OpPassManager &pm, Phase phase,
                    const CodegenOptions &options);

/// Runs every phase up to and including `last` on `module`. Diagnostics go
/// to the context's handler; fails on the first error.
LogicalResult runPipeline(ModuleOp module, const CodegenOptions &options,
                          Phase last);

/// Registers the dialects of the input (qnn, quant, func, arith, tensor),
/// every dialect and interface the pipeline creates, and the LLVM IR
/// translations.
void registerCodegenDialects(DialectRegistry &registry);

/// Registers the codegen passes with the global registry (quant-opt).
void registerCodegenPasses();

} // namespace mlir::qnn::compiler

#endif // QUANT_COMPILER_PIPELINE_H
