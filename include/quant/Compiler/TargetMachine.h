//===- TargetMachine.h - target machines and native code -*- C++ -*-===//
//
// Builds an llvm::TargetMachine from a triple, CPU and feature string,
// validates forced features against the CPU (and, for the JIT, against the
// host), derives the code generation parameters the pipeline needs (vector
// width, FMA, VNNI), and turns an LLVM-dialect module into optimized LLVM
// IR and then object or assembly code.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_COMPILER_TARGETMACHINE_H
#define QUANT_COMPILER_TARGETMACHINE_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace mlir::qnn::compiler {

/// What the user asked for: empty triple means the host's, empty CPU the
/// host CPU (or "generic" when cross-compiling).
struct TargetOptions {
  std::string triple;
  std::string cpu;
  std::string features;  ///< Comma-separated "+feat,-feat" (--mattr).
  unsigned optLevel = 2; ///< 0..3
};

/// Parameters of the target that shape the generated code.
struct TargetFeatures {
  unsigned vectorBits = 128; ///< Widest profitable vector register.
  unsigned registers = 16;   ///< Vector registers available.
  bool fma = false;          ///< Fused multiply-add instructions.
  /// Vector floor / round instructions (SSE4.1 roundps, NEON frintm);
  /// without them LLVM calls libm's floorf.
  bool vectorRound = false;
  bool avx512vnni = false; ///< vpdpbusd on 512-bit vectors.
  bool avxvnni = false;    ///< VEX vpdpbusd on 256-bit vectors (AVX-VNNI).
  bool x86 = false;        ///< pmaddwd (SSE2 and up).
  bool vpopcntdq = false;  ///< vpopcntq on 512-bit vectors.
  /// Widest vector the target's byte shuffle (pshufb) handles: 512
  /// (AVX-512BW), 256 (AVX2), 128 (SSSE3); 0: none.
  unsigned byteShuffleBits = 0;
  /// Narrowest element width of the masked vector loads and stores (8:
  /// AVX-512BW, 32: AVX / AVX-512F); 0: none (SSE2, NEON).
  unsigned maskBits = 0;
};

/// Initializes every LLVM target (idempotent).
void initializeLLVMTargets();

/// Creates a PIC target machine. Fails on an unknown triple or CPU, an
/// unknown feature, or a `+feature` the CPU does not have.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const TargetOptions &options);

/// Fails if code for `tm` may use an instruction this host lacks (for
/// in-process execution).
llvm::Error checkHostCanRun(const llvm::TargetMachine &tm);

/// Reads the code generation parameters of `tm`.
TargetFeatures getTargetFeatures(const llvm::TargetMachine &tm);

/// Registers the LLVM IR translations of the dialects the pipeline ends in.
void registerTranslations(DialectRegistry &registry);

/// Translates an LLVM-dialect module to LLVM IR for `tm` (triple, data
/// layout) and runs the -O`optLevel` LLVM pipeline on it.
llvm::Expected<std::unique_ptr<llvm::Module>>
translateAndOptimize(ModuleOp module, llvm::LLVMContext &context,
                     llvm::TargetMachine &tm, unsigned optLevel);

/// Emits `llvmModule` as an object file or assembly into `os`.
llvm::Error emitNativeCode(llvm::Module &llvmModule, llvm::TargetMachine &tm,
                           llvm::raw_pwrite_stream &os,
                           llvm::CodeGenFileType type);

} // namespace mlir::qnn::compiler

#endif // QUANT_COMPILER_TARGETMACHINE_H
