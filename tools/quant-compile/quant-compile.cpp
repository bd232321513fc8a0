//===- quant-compile.cpp - qnn model to object file and C header ---------===//
//
//   quant-compile model.{mlir,onnx} -o model.o --header model.h [--name=model]
//       [--emit=obj|asm|llvm|mlir] [--emit-after=<phase>] [--entry=main]
//       [--target-triple=T] [--mcpu=CPU] [--mattr=+f,-g] [-O0..3]
//       [--batch N] [--freeze-input [NAME=]FILE.pb]... [--fold-qdq]
//       [--input-shape NAME=SHAPE]... [--weight-block-bytes N]
//       [--calibrate=samples.npy[,...] [--calibration=minmax|percentile|
//        mse|entropy] [--quantize='<qnn-ptq options>']]
//
// With --calibrate, a float model is first simplified (qnn-simplify), run
// natively on the samples to calibrate its activations
// (lib/Compiler/Calibrate.cpp) and quantized by the qnn-ptq pipeline;
// --emit-after=calibration writes the float graph with its `qnn.calib`
// ranges.
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
#include "quant/Compiler/Pipeline.h"
#include "quant/Compiler/TargetMachine.h"
#include "quant/Dialect/QNN/Transforms/Passes.h"
#include "quant/ExecutionEngine/Calibrate.h"
#include "quant/Support/ToolOptions.h"
#include "quant/ToolSupport/CodegenToolOptions.h"
#include "quant/ToolSupport/LoadModel.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;
using namespace mlir::qnn;
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
cl::opt<EmitKind>
    emit("emit", cl::desc("What to write"), cl::init(EmitKind::Obj),
         cl::values(clEnumValN(EmitKind::Obj, "obj", "object file (default)"),
                    clEnumValN(EmitKind::Asm, "asm", "assembly"),
                    clEnumValN(EmitKind::LLVMIR, "llvm", "optimized LLVM IR"),
                    clEnumValN(EmitKind::MLIR, "mlir", "LLVM-dialect MLIR")));
cl::opt<std::string> emitAfter(
    "emit-after",
    cl::desc("Stop after this phase and write its MLIR (phases: integer, "
             "linalg, vector, bufferize, loops, llvm; calibration with "
             "--calibrate)"),
    cl::value_desc("phase"));
SharedToolOptions shared;
cl::opt<std::string> entry("entry", cl::desc("Function to compile"),
                           cl::init("main"));
cl::opt<std::string> symbolName("name", cl::desc("Symbol prefix: <name>_run"),
                                cl::init("model"));
cl::opt<std::string> triple("target-triple",
                            cl::desc("Target triple (default: host)"));
cl::opt<std::string> cpu("mcpu", cl::desc("Target CPU (default: host CPU)"));
cl::opt<std::string> attrs("mattr",
                           cl::desc("Target features, e.g. +avx2,-fma"));
cl::opt<unsigned> optLevel("O", cl::desc("Optimization level 0-3"), cl::Prefix,
                           cl::init(2));

cl::OptionCategory calibCategory("Calibration (float models)");
cl::list<std::string> calibrate(
    "calibrate",
    cl::desc("Calibrate on these samples (.npy, one per model input, samples "
             "stacked along dimension 0), then quantize (qnn-ptq)"),
    cl::value_desc("file.npy"), cl::CommaSeparated, cl::cat(calibCategory));
cl::opt<std::string> calibrationMethod(
    "calibration",
    cl::desc("Range estimator: minmax, percentile, mse or entropy"),
    cl::init("minmax"), cl::cat(calibCategory));
cl::opt<double> percentile("calibration-percentile",
                           cl::desc("Percentile of |x| kept (percentile)"),
                           cl::init(99.99), cl::cat(calibCategory));
cl::opt<unsigned> calibrationBatch("calibration-batch",
                                   cl::desc("Samples per min/max batch"),
                                   cl::init(32), cl::cat(calibCategory));
cl::opt<double> calibrationEMA(
    "calibration-ema",
    cl::desc("Moving-average momentum of per-batch min/max (0: absolute "
             "min/max)"),
    cl::init(0.0), cl::cat(calibCategory));
cl::opt<std::string> quantizeOptions(
    "quantize",
    cl::desc("Options of the qnn-ptq pipeline after calibration, e.g. "
             "'weight-bits=8 granularity=channel'"),
    cl::init(""), cl::cat(calibCategory));

/// Reports `message` as a tool error and returns 1.
int fail(const llvm::Twine &message) {
  llvm::errs() << "quant-compile: error: " << message << "\n";
  return 1;
}

/// Opens `path` for writing through a temporary file.
std::unique_ptr<llvm::ToolOutputFile> open(StringRef path, std::string &error) {
  return openOutputFile(path, &error);
}

/// Runs the textual pipeline `pipeline` (of module passes) on `module`.
LogicalResult runTextualPipeline(ModuleOp module, StringRef pipeline) {
  PassManager pm(module.getContext(), ModuleOp::getOperationName());
  if (failed(applyPassManagerCLOptions(pm)))
    return failure();
  std::string errors;
  llvm::raw_string_ostream errorStream(errors);
  if (failed(parsePassPipeline(pipeline, pm, errorStream))) {
    emitError(module.getLoc()) << errors;
    return failure();
  }
  return pm.run(module);
}

/// --calibrate: simplify the float graph, calibrate it natively on the
/// samples, quantize it with qnn-ptq (unless only the ranges are wanted).
LogicalResult calibrateAndQuantize(ModuleOp module, unsigned optLevel) {
  SmallVector<npy::Array> samples;
  for (const std::string &path : calibrate) {
    std::string error;
    if (!npy::readFile(path, samples.emplace_back(), error))
      return emitError(module.getLoc()) << "calibration: " << error;
  }
  if (failed(runTextualPipeline(module, "qnn-simplify")))
    return failure();
  CalibrateOptions options;
  options.entry = entry;
  options.range.method = *calibration::parseMethod(calibrationMethod);
  options.range.percentile = percentile;
  options.batchSize = calibrationBatch;
  options.emaMomentum = calibrationEMA;
  options.progress = llvm::errs().is_displayed();
  // Calibration runs on this host, whatever the final target.
  if (failed(calibrateModule(module, samples,
                             TargetOptions{"", "", "", optLevel}, options)))
    return failure();
  if (emitAfter == "calibration")
    return success();
  return runTextualPipeline(module, "qnn-ptq{" + quantizeOptions + "}");
}
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  registerQNNPipelines();
  mlir::qnn::hideLibraryOptions();
  cl::ParseCommandLineOptions(
      argc, argv, "quant-mlir compiler: qnn model to native code\n");
  if (optLevel > 3)
    return fail("-O" + llvm::Twine(optLevel.getValue()) +
                " is not an optimization level (0-3)");
  if (!isCIdentifier(symbolName))
    return fail("--name='" + symbolName + "' is not a C identifier");
  std::optional<Phase> stopAfter;
  bool stopAfterCalibration = emitAfter == "calibration";
  if (stopAfterCalibration && calibrate.empty())
    return fail("--emit-after=calibration needs --calibrate");
  std::optional<calibration::Method> method =
      calibration::parseMethod(calibrationMethod);
  if (!method)
    return fail("unknown --calibration='" + calibrationMethod +
                "' (minmax, percentile, mse, entropy)");
  if (percentile <= 0 || percentile > 100)
    return fail("--calibration-percentile must be in (0, 100]");
  if (calibrationEMA < 0 || calibrationEMA >= 1)
    return fail("--calibration-ema must be in [0, 1)");
  if (!emitAfter.empty() && !stopAfterCalibration) {
    stopAfter = parsePhase(emitAfter);
    if (!stopAfter)
      return fail("unknown phase '" + emitAfter +
                  "' (phases: " + listPhaseNames() + ")");
  }

  // Target first: its features shape vectorization.
  TargetOptions targetOptions{triple, cpu, attrs, optLevel};
  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> tm =
      createTargetMachine(targetOptions);
  if (!tm)
    return fail(llvm::toString(tm.takeError()));

  std::string error;
  ToolModel tool;
  if (failed(tool.load(inputFile, shared.getLoadOptions(entry))))
    return 1; // The parser or the importer reported the error.
  ModuleOp module = tool.getModule();

  if (!calibrate.empty()) {
    if (failed(calibrateAndQuantize(module, optLevel)))
      return 1;
    if (stopAfterCalibration) {
      std::unique_ptr<llvm::ToolOutputFile> out = open(outputFile, error);
      if (!out)
        return fail(error);
      module.print(out->os());
      out->keep();
      return 0;
    }
  }

  FailureOr<ModelInterface> interface = getModelInterface(module, entry);
  if (failed(interface))
    return 1;

  CodegenOptions options;
  options.entry = entry;
  options.name = symbolName;
  options.target = getTargetFeatures(**tm);
  if (llvm::Error err = shared.applyTo(options, tool.isONNX()))
    return fail(llvm::toString(std::move(err)));
  if (failed(runPipeline(module, options, stopAfter.value_or(Phase::LLVM))))
    return 1;

  std::unique_ptr<llvm::ToolOutputFile> out = open(outputFile, error);
  if (!out)
    return fail(error);
  if (stopAfter || emit == EmitKind::MLIR) {
    module.print(out->os());
  } else {
    llvm::LLVMContext llvmContext;
    llvm::Expected<std::unique_ptr<llvm::Module>> llvmModule =
        translateAndOptimize(module, llvmContext, **tm, optLevel);
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
                 llvm::sys::path::filename(inputFile),
                 getWorkspaceSize(module));
  }
  // Everything succeeded: keep the outputs.
  out->keep();
  if (header)
    header->keep();
  return 0;
}
