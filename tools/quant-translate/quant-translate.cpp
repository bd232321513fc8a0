//===- quant-translate.cpp - the quant-mlir translation driver ------------===//
//
// Translates model formats into the qnn dialect:
//
//   quant-translate --import-onnx model.onnx [-o out.mlir] [--batch N]
//
// The output is written to a temporary file next to the destination and
// renamed over it only when the import succeeded, so a failed run never
// leaves a partial or stale output file. Diagnostics go to stderr as
// "<input>: error: <message>"; the exit code is 1 on any error.
//
//===----------------------------------------------------------------------===//

#include "quant/Support/ToolOptions.h"
#include "quant/Target/ONNX/ImportONNX.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

static cl::opt<std::string>
    inputFilename(cl::Positional, cl::desc("<input model>"), cl::Required);
static cl::opt<std::string> outputFilename("o", cl::desc("Output file"),
                                           cl::value_desc("filename"),
                                           cl::init("-"));
static cl::opt<bool>
    importONNX("import-onnx",
               cl::desc("Import an ONNX model (.onnx) into the qnn "
                        "dialect"));
static cl::opt<int64_t>
    batch("batch",
          cl::desc("Size given to a dynamic first (batch) dimension of the "
                   "graph inputs (default 1)"),
          cl::init(1));
static cl::opt<std::string> entryName("entry-name",
                                      cl::desc("Name of the imported function"),
                                      cl::init("main"));
static cl::list<std::string> freezeInputs(
    "freeze-input",
    cl::desc("Turn a graph input into a constant read from an ONNX "
             "TensorProto file ([NAME=]FILE.pb; by default the tensor's own "
             "name selects the input). Repeatable."),
    cl::value_desc("[name=]file.pb"));
static cl::list<std::string> inputShapes(
    "input-shape",
    cl::desc("The shape of a graph input: NAME=D0xD1x... for a tensor with "
             "dynamic or unknown dimensions, NAME=[D0xD1,...] for a sequence "
             "(its length and element shapes; one argument per element). "
             "Repeatable."),
    cl::value_desc("name=shape"));

/// Writes `module` to `path` through a temporary file renamed on success.
static bool writeOutput(mlir::ModuleOp module, StringRef path) {
  mlir::OpPrintingFlags flags;
  if (path == "-") {
    module->print(outs(), flags);
    outs().flush();
    return !outs().has_error();
  }
  Expected<sys::fs::TempFile> temp =
      sys::fs::TempFile::create(path + "-%%%%%%.tmp");
  if (!temp) {
    errs() << path << ": error: cannot create a temporary output file: "
           << toString(temp.takeError()) << "\n";
    return false;
  }
  bool ok;
  {
    raw_fd_ostream os(temp->FD, /*shouldClose=*/false);
    module->print(os, flags);
    os.flush();
    ok = !os.has_error();
    os.clear_error();
  }
  if (!ok) {
    errs() << path << ": error: cannot write the output\n";
    consumeError(temp->discard());
    return false;
  }
  if (Error e = temp->keep(path)) {
    errs() << path
           << ": error: cannot create the output: " << toString(std::move(e))
           << "\n";
    consumeError(temp->discard());
    return false;
  }
  return true;
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  mlir::qnn::hideLibraryOptions();
  cl::ParseCommandLineOptions(argc, argv,
                              "quant-mlir translation driver\n\n"
                              "  quant-translate --import-onnx model.onnx "
                              "[-o out.mlir] [--batch N]\n");
  if (!importONNX) {
    errs() << "quant-translate: error: no translation given (use "
              "--import-onnx)\n";
    return 1;
  }

  mlir::DialectRegistry registry;
  mlir::qnn::registerONNXImportDialects(registry);
  mlir::MLIRContext context(registry);
  // The importer's messages name the node; print them after the input path.
  context.getDiagEngine().registerHandler([&](mlir::Diagnostic &diag) {
    auto severity = [](mlir::DiagnosticSeverity s) -> StringRef {
      switch (s) {
      case mlir::DiagnosticSeverity::Error:
        return "error";
      case mlir::DiagnosticSeverity::Warning:
        return "warning";
      case mlir::DiagnosticSeverity::Note:
        return "note";
      case mlir::DiagnosticSeverity::Remark:
        return "remark";
      }
      return "error";
    };
    errs() << inputFilename << ": " << severity(diag.getSeverity()) << ": "
           << diag << "\n";
    for (mlir::Diagnostic &note : diag.getNotes())
      errs() << inputFilename << ": note: " << note << "\n";
    return mlir::success();
  });

  mlir::qnn::ONNXImportOptions options;
  options.batch = batch;
  options.entryName = entryName;
  options.frozenInputs.assign(freezeInputs.begin(), freezeInputs.end());
  options.inputShapes.assign(inputShapes.begin(), inputShapes.end());
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::qnn::importONNXFile(inputFilename, &context, options);
  if (!module)
    return 1;
  return writeOutput(*module, outputFilename) ? 0 : 1;
}
