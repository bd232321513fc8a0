//===- quant-compile.cpp - qnn model to object file and C header ---------===//
//
//   quant-compile model.{mlir,onnx} -o model.o --header model.h [--name=model]
//       [--emit=obj|asm|llvm|mlir] [--emit-after=<phase>] [--entry=main]
//       [--target-triple=T] [--mcpu=CPU] [--mattr=+f,-g] [-O0..3]
//       [--batch N] [--freeze-input [NAME=]FILE.pb]... [--fold-qdq]
//
// Reads MLIR, or ONNX through the importer (a QDQ graph is then fused into
// integer ops: qnn-propagate-scales, qnn-fold-requant). Runs the code
// generation pipeline (lib/Compiler/Pipeline.cpp) and writes
// the result; outputs go through temporary files renamed only on success,
// so a failed compilation leaves no file behind. Errors are reported with
// their source location and exit code 1.
//
//===----------------------------------------------------------------------===//

#include "quant/Compiler/Interface.h"
#include "quant/Compiler/LoadModel.h"
#include "quant/Compiler/Pipeline.h"
#include "quant/Compiler/Target.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;
using namespace mlir::qnn::compiler;
namespace cl = llvm::cl;

namespace {
enum class EmitKind { Obj, Asm, LLVMIR, MLIR };

cl::opt<std::string> inputFile(cl::Positional,
                               cl::desc("<model.mlir|model.onnx>"),
                               cl::init("-"));
cl::opt<std::string> outputFile("o", cl::desc("Output file"),
                                cl::value_desc("file"), cl::init("-"));
cl::opt<std::string> headerFile("header", cl::desc("Write the C header here"),
                                cl::value_desc("file"));
cl::opt<EmitKind> emit(
    "emit", cl::desc("What to write"), cl::init(EmitKind::Obj),
    cl::values(clEnumValN(EmitKind::Obj, "obj", "object file (default)"),
               clEnumValN(EmitKind::Asm, "asm", "assembly"),
               clEnumValN(EmitKind::LLVMIR, "llvm", "optimized LLVM IR"),
               clEnumValN(EmitKind::MLIR, "mlir", "LLVM-dialect MLIR")));
cl::opt<std::string> emitAfter(
    "emit-after",
    cl::desc("Stop after this phase and write its MLIR (phases: integer, "
             "linalg, vector, bufferize, loops, llvm)"),
    cl::value_desc("phase"));
cl::opt<int64_t> batch("batch",
                       cl::desc("ONNX input: size of a dynamic batch "
                                "dimension (default 1)"),
                       cl::init(1));
cl::list<std::string> freezeInputs(
    "freeze-input",
    cl::desc("ONNX input: turn a graph input into a constant read from a "
             "TensorProto file ([NAME=]FILE.pb), repeatable"),
    cl::value_desc("[name=]file.pb"));
cl::opt<cl::boolOrDefault> foldQDQ(
    "fold-qdq",
    cl::desc("Fuse the QDQ graph into integer ops first (qnn-propagate-"
             "scales, qnn-fold-requant; default: on for ONNX input)"));
cl::opt<std::string> entry("entry", cl::desc("Function to compile"),
                           cl::init("main"));
cl::opt<std::string> symbolName("name",
                                cl::desc("Symbol prefix: <name>_run"),
                                cl::init("model"));
cl::opt<std::string> triple("target-triple",
                            cl::desc("Target triple (default: host)"));
cl::opt<std::string> cpu("mcpu", cl::desc("Target CPU (default: host CPU)"));
cl::opt<std::string> attrs("mattr",
                           cl::desc("Target features, e.g. +avx2,-fma"));
cl::opt<unsigned> optLevel("O", cl::desc("Optimization level 0-3"),
                           cl::Prefix, cl::init(2));

/// Reports `message` as a tool error and returns 1.
int fail(const llvm::Twine &message) {
  llvm::errs() << "quant-compile: error: " << message << "\n";
  return 1;
}

/// Opens `path` for writing through a temporary file.
std::unique_ptr<llvm::ToolOutputFile> open(StringRef path,
                                           std::string &error) {
  return openOutputFile(path, &error);
}
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  cl::ParseCommandLineOptions(argc, argv,
                              "quant-mlir compiler: qnn model to native code\n");
  if (optLevel > 3)
    return fail("-O" + llvm::Twine(optLevel.getValue()) +
                " is not an optimization level (0-3)");
  if (!isCIdentifier(symbolName))
    return fail("--name='" + symbolName + "' is not a C identifier");
  std::optional<Phase> stopAfter;
  if (!emitAfter.empty()) {
    stopAfter = parsePhase(emitAfter);
    if (!stopAfter)
      return fail("unknown phase '" + emitAfter + "' (phases: " +
                  listPhaseNames() + ")");
  }

  // Target first: its features shape vectorization.
  TargetOptions targetOptions{triple, cpu, attrs, optLevel};
  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> tm =
      createTargetMachine(targetOptions);
  if (!tm)
    return fail(llvm::toString(tm.takeError()));

  DialectRegistry registry;
  registerCodegenDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagHandler(sourceMgr, &context);
  std::string error;
  LoadModelOptions loadOptions;
  loadOptions.batch = batch;
  loadOptions.frozenInputs.assign(freezeInputs.begin(), freezeInputs.end());
  loadOptions.entry = entry;
  bool isONNX = false;
  OwningOpRef<ModuleOp> module =
      loadModel(inputFile, &context, sourceMgr, loadOptions, isONNX);
  if (!module)
    return 1; // The parser or the importer reported the error.
  // Errors in an imported model name its ONNX node.
  std::optional<ONNXDiagnosticHandler> onnxDiagHandler;
  if (isONNX)
    onnxDiagHandler.emplace(&context, inputFile);

  FailureOr<ModelInterface> interface = getModelInterface(*module, entry);
  if (failed(interface))
    return 1;

  CodegenOptions options;
  options.entry = entry;
  options.name = symbolName;
  options.target = getTargetFeatures(**tm);
  options.foldQDQ = foldQDQ == cl::BOU_UNSET ? isONNX : foldQDQ == cl::BOU_TRUE;
  if (failed(runPipeline(*module, options, stopAfter.value_or(Phase::LLVM))))
    return 1;

  std::unique_ptr<llvm::ToolOutputFile> out = open(outputFile, error);
  if (!out)
    return fail(error);
  if (stopAfter || emit == EmitKind::MLIR) {
    module->print(out->os());
  } else {
    llvm::LLVMContext llvmContext;
    llvm::Expected<std::unique_ptr<llvm::Module>> llvmModule =
        translateAndOptimize(*module, llvmContext, **tm, optLevel);
    if (!llvmModule)
      return fail(llvm::toString(llvmModule.takeError()));
    if (emit == EmitKind::LLVMIR) {
      (*llvmModule)->print(out->os(), nullptr);
    } else {
      llvm::CodeGenFileType type = emit == EmitKind::Obj
                                       ? llvm::CodeGenFileType::ObjectFile
                                       : llvm::CodeGenFileType::AssemblyFile;
      if (llvm::Error err = emitNativeCode(**llvmModule, **tm, out->os(), type))
        return fail(llvm::toString(std::move(err)));
    }
  }

  std::unique_ptr<llvm::ToolOutputFile> header;
  if (!headerFile.empty()) {
    header = open(headerFile, error);
    if (!header)
      return fail(error);
    writeCHeader(header->os(), *interface, symbolName,
                 llvm::sys::path::filename(inputFile));
  }
  // Everything succeeded: keep the outputs.
  out->keep();
  if (header)
    header->keep();
  return 0;
}
