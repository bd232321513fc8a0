//===- fuzz-qnn-pipeline.cpp - libFuzzer target of the qnn pipeline ------===//
//
// MLIR text -> parser -> verifier -> the quant-compile pipeline: the C
// interface of the entry function, every phase from qnn to the LLVM
// dialect (lib/Compiler/Pipeline.cpp), translation to LLVM IR and object
// emission at -O0 into memory. Text the MLIR 22 parser crashes on is
// rejected first, as the tools do (quant/Support/ParserGuard.h).
// Diagnostics are swallowed: only crashes, sanitizer reports, leaks and
// timeouts count.
//
// The entry is the first func.func of the module (the seeds' functions
// have many names). The input's size picks the target CPU (x86-64,
// x86-64-v3, znver4: SSE2, AVX2 and AVX-512 VNNI / VPOPCNTDQ kernels),
// whether QDQ graphs are folded first (--fold-qdq) and whether the
// packed-weight kernels are used, so one corpus reaches every code path.
// With QUANT_FUZZ_VERBOSE set in the environment the diagnostics and the
// last stage reached are printed (to see what an input exercises).
//
//===----------------------------------------------------------------------===//

#include "quant/Compiler/Interface.h"
#include "quant/Compiler/Pipeline.h"
#include "quant/Compiler/TargetMachine.h"
#include "quant/Support/ParserGuard.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

using namespace mlir;
using namespace mlir::qnn::compiler;

namespace {
/// The target machines, made once (-O0: emission stays fast).
struct Targets {
  std::unique_ptr<llvm::TargetMachine> machines[3];
  Targets() {
    initializeLLVMTargets();
    const char *cpus[] = {"x86-64", "x86-64-v3", "znver4"};
    for (int i = 0; i < 3; ++i) {
      auto tm = createTargetMachine(
          TargetOptions{"x86_64-unknown-linux-gnu", cpus[i], "", 0});
      if (!tm)
        llvm::report_fatal_error(llvm::toString(tm.takeError()).c_str());
      machines[i] = std::move(*tm);
    }
  }
};
} // namespace

/// BumpPtrAllocator arenas are shared between our ASan-instrumented code,
/// which poisons their free space, and the uninstrumented libMLIR.so, which
/// does not unpoison what it allocates: user poisoning must be off (see
/// scripts/sanitizer-env.sh).
extern "C" const char *__asan_default_options() {
  return "allow_user_poisoning=0";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static Targets targets;
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  if (qnn::findParserCrasher(text))
    return 0;

  DialectRegistry registry;
  registerCodegenDialects(registry);
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  static const bool verbose = std::getenv("QUANT_FUZZ_VERBOSE");
  context.getDiagEngine().registerHandler([](Diagnostic &diag) {
    if (verbose)
      llvm::errs() << "diagnostic: " << diag << "\n";
    return success();
  });
  context.printOpOnDiagnostic(false);
  auto reached = [](const char *stage) {
    if (verbose)
      llvm::errs() << "stage: " << stage << "\n";
    return 0;
  };
  context.loadAllAvailableDialects();

  // The MLIR lexer stops at a NUL byte after the buffer (the tools read
  // files into null-terminated MemoryBuffers); libFuzzer's data has none,
  // so parse a copy that does.
  std::string source = text.str();
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(source, &context);
  if (!module || failed(verify(*module)))
    return reached("parse or verify failed");
  func::FuncOp entry;
  for (auto func : module->getOps<func::FuncOp>())
    if (!func.isExternal()) {
      entry = func;
      break;
    }
  if (!entry)
    return reached("no function");

  llvm::TargetMachine &tm = *targets.machines[size % 3];
  CodegenOptions options;
  options.entry = entry.getSymName().str();
  options.target = getTargetFeatures(tm);
  options.foldQDQ = (size / 3) % 2;
  options.kernels = (size / 6) % 4 != 0;
  if (failed(getModelInterface(*module, options.entry)))
    return reached("entry interface failed");
  if (failed(runPipeline(*module, options, Phase::LLVM)))
    return reached("pipeline failed");

  llvm::LLVMContext llvmContext;
  llvm::Expected<std::unique_ptr<llvm::Module>> llvmModule =
      translateAndOptimize(*module, llvmContext, tm, /*optLevel=*/0);
  if (!llvmModule) {
    llvm::consumeError(llvmModule.takeError());
    return reached("translation failed");
  }
  llvm::SmallVector<char, 0> object;
  llvm::raw_svector_ostream os(object);
  if (llvm::Error err = emitNativeCode(**llvmModule, tm, os,
                                       llvm::CodeGenFileType::ObjectFile)) {
    llvm::consumeError(std::move(err));
    return reached("emission failed");
  }
  return reached("object emitted");
}
