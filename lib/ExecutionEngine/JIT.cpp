//===- JIT.cpp - compile a qnn module in-process and call it -------------===//
//
// See JIT.h. Separate library (QuantJIT) so quant-compile does not link
// the execution engine.
//
//===----------------------------------------------------------------------===//

#include "quant/ExecutionEngine/JIT.h"
#include "quant/Compiler/TargetMachine.h"

#include "mlir/ExecutionEngine/OptUtils.h"

using namespace mlir;
using namespace mlir::qnn::compiler;

std::unique_ptr<JITModel>
JITModel::compile(ModuleOp module, std::unique_ptr<llvm::TargetMachine> tm,
                  CodegenOptions options, unsigned optLevel,
                  std::string &error) {
  error.clear();
  options.target = getTargetFeatures(*tm);
  if (failed(runPipeline(module, options, Phase::LLVM)))
    return nullptr;
  // The JIT's memory manager maps each section on its own, possibly more
  // than 2 GiB from the code (under ASan a 400 KB weight section landed 16
  // GiB away), where the small code model's 32-bit PC-relative references
  // wrap around to unmapped memory. The large code model addresses globals
  // with 64-bit immediates; objects for a static link keep the default.
  tm->setCodeModel(llvm::CodeModel::Large);
  ExecutionEngineOptions engineOptions;
  auto optimize = makeOptimizingTransformer(optLevel, 0, tm.get());
  engineOptions.transformer = optimize;
  engineOptions.jitCodeGenOptLevel = tm->getOptLevel();
  auto engine = ExecutionEngine::create(module, engineOptions, std::move(tm));
  if (!engine) {
    error = "JIT compilation failed: " + llvm::toString(engine.takeError());
    return nullptr;
  }
  auto fn = (*engine)->lookupPacked(options.name + "_run");
  if (!fn) {
    error = llvm::toString(fn.takeError());
    return nullptr;
  }
  std::unique_ptr<JITModel> model(new JITModel());
  model->engine = std::move(*engine);
  model->fn = *fn;
  return model;
}

int32_t JITModel::run(ArrayRef<void *> buffers) const {
  // Packed call: pointers to each pointer argument, then to the result.
  SmallVector<void *> pointers(buffers.begin(), buffers.end());
  SmallVector<void *> args;
  for (void *&p : pointers)
    args.push_back(&p);
  int32_t status = -1;
  args.push_back(&status);
  fn(args.data());
  return status;
}
