//===- CodegenToolOptions.h - quant-compile / quant-run options -*- C++ -*-===//
//
// The command-line options of the code generation tools that mean the same
// in each: how an ONNX model is imported (--batch, --freeze-input,
// --input-shape), whether a QDQ graph is fused first (--fold-qdq) and the
// kernels' cache budget (--weight-block-bytes). A tool defines one
// SharedToolOptions object at namespace scope, so that the options are
// registered before llvm::cl::ParseCommandLineOptions.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_TOOLSUPPORT_CODEGENTOOLOPTIONS_H
#define QUANT_TOOLSUPPORT_CODEGENTOOLOPTIONS_H

#include "quant/Compiler/Pipeline.h"
#include "quant/ToolSupport/LoadModel.h"

#include "llvm/Support/CommandLine.h"

namespace mlir::qnn::compiler {

struct SharedToolOptions {
  SharedToolOptions();

  /// The ONNX import options (the imported function named `entry`).
  LoadModelOptions getLoadOptions(StringRef entry) const;
  /// Sets `options.foldQDQ` (--fold-qdq; by default on for ONNX input),
  /// `options.weightBlockBytes` and `options.emulated` (--emulate-cpu;
  /// fails on an unknown CPU).
  llvm::Error applyTo(CodegenOptions &options, bool isONNX) const;

  llvm::cl::opt<int64_t> batch;
  llvm::cl::list<std::string> freezeInputs;
  llvm::cl::list<std::string> inputShapes;
  llvm::cl::opt<llvm::cl::boolOrDefault> foldQDQ;
  llvm::cl::opt<unsigned> weightBlockBytes;
  llvm::cl::opt<std::string> emulateCpu;
};

} // namespace mlir::qnn::compiler

#endif // QUANT_TOOLSUPPORT_CODEGENTOOLOPTIONS_H
