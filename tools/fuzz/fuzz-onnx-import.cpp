//===- fuzz-onnx-import.cpp - libFuzzer target of the ONNX importer ------===//
//
// Bytes -> ModelProto -> the ONNX importer (lib/Target/ONNX: validation,
// the ONNX checker and shape inference, the converters) -> module verify,
// as `quant-translate --import-onnx` runs it. Diagnostics are swallowed:
// rejecting an input is a correct answer; only crashes, sanitizer reports,
// leaks and timeouts count. External data is looked up in an empty
// directory, so no input reads files of the machine.
//
//===----------------------------------------------------------------------===//

#include "quant/Target/ONNX/ImportONNX.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/ErrorHandling.h"

#include <cstddef>
#include <cstdint>

/// BumpPtrAllocator arenas are shared between our ASan-instrumented code,
/// which poisons their free space, and the uninstrumented libMLIR.so, which
/// does not unpoison what it allocates: user poisoning must be off (see
/// scripts/sanitizer-env.sh).
extern "C" const char *__asan_default_options() {
  return "allow_user_poisoning=0";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mlir::DialectRegistry registry;
  mlir::qnn::registerONNXImportDialects(registry);
  mlir::MLIRContext context(registry, mlir::MLIRContext::Threading::DISABLED);
  context.getDiagEngine().registerHandler(
      [](mlir::Diagnostic &) { return mlir::success(); });
  mlir::qnn::ONNXImportOptions options;
  mlir::OwningOpRef<mlir::ModuleOp> module = mlir::qnn::importONNXBuffer(
      llvm::StringRef(reinterpret_cast<const char *>(data), size), "fuzz.onnx",
      "/nonexistent-fuzz-model-dir", &context, options);
  // The importer promises that a module it returns verifies.
  if (module && mlir::failed(mlir::verify(*module)))
    llvm::report_fatal_error("importONNXBuffer returned a module that does "
                             "not verify");
  return 0;
}
