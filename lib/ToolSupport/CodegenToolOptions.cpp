//===- CodegenToolOptions.cpp - quant-compile / quant-run options --------===//
//
// See CodegenToolOptions.h.
//
//===----------------------------------------------------------------------===//

#include "quant/ToolSupport/CodegenToolOptions.h"
#include "quant/Compiler/TargetMachine.h"

using namespace mlir;
using namespace mlir::qnn::compiler;
namespace cl = llvm::cl;

SharedToolOptions::SharedToolOptions()
    : batch("batch",
            cl::desc("ONNX input: size of a dynamic batch dimension "
                     "(default 1)"),
            cl::init(1)),
      freezeInputs(
          "freeze-input",
          cl::desc("ONNX input: turn a graph input into a constant read "
                   "from a TensorProto file ([NAME=]FILE.pb), repeatable"),
          cl::value_desc("[name=]file.pb")),
      inputShapes(
          "input-shape",
          cl::desc("ONNX input: the shape of a graph input, NAME=D0xD1x... "
                   "for a tensor with dynamic or unknown dimensions, "
                   "NAME=[D0xD1,...] for a sequence (one argument per "
                   "element), repeatable"),
          cl::value_desc("name=shape")),
      foldQDQ("fold-qdq",
              cl::desc("Fuse the QDQ graph into integer ops first (qnn-"
                       "propagate-scales, qnn-fold-requant; default: on for "
                       "ONNX input)")),
      weightBlockBytes(
          "weight-block-bytes",
          cl::desc("Cache budget of the conv / GEMM kernels: the reduction "
                   "is split so that a channel group's weights fit it "
                   "(about half the L2; 0: never split)"),
          cl::init(512 * 1024)),
      emulateCpu(
          "emulate-cpu",
          cl::desc("Choose the kernels for this x86 CPU (e.g. znver4: "
                   "AVX-512 VNNI) and write its dot-product instructions "
                   "as portable vector ops, so that code for a CPU the host "
                   "is not runs here (testing; not for speed)"),
          cl::value_desc("cpu")) {}

LoadModelOptions SharedToolOptions::getLoadOptions(StringRef entry) const {
  LoadModelOptions options;
  options.batch = batch;
  options.frozenInputs.assign(freezeInputs.begin(), freezeInputs.end());
  options.inputShapes.assign(inputShapes.begin(), inputShapes.end());
  options.entry = entry.str();
  return options;
}

llvm::Error SharedToolOptions::applyTo(CodegenOptions &options,
                                       bool isONNX) const {
  options.foldQDQ = foldQDQ == cl::BOU_UNSET ? isONNX : foldQDQ == cl::BOU_TRUE;
  options.weightBlockBytes = weightBlockBytes;
  if (emulateCpu.empty())
    return llvm::Error::success();
  TargetOptions emulated;
  emulated.triple = "x86_64-unknown-linux-gnu";
  emulated.cpu = emulateCpu;
  auto tm = createTargetMachine(emulated);
  if (!tm)
    return tm.takeError();
  options.emulated = getTargetFeatures(**tm);
  return llvm::Error::success();
}
