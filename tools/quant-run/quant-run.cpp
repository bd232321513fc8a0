//===- quant-run.cpp - compile a qnn model in-process and run it ---------===//
//
//   quant-run model.{mlir,onnx} -i in0.npy [-i in1.npy ...] [-o out0.npy ...]
//       [--per-sample] [--bench N [--warmup W]] [--random-inputs] [--seed S]
//       [--entry main] [--mcpu CPU] [--mattr +f,-g] [-O0..3]
//       [--batch N] [--freeze-input [NAME=]FILE.pb]... [--fold-qdq]
//       [--input-shape NAME=SHAPE]... [--weight-block-bytes N]
//
// Reads MLIR or ONNX (imported, then its QDQ graph fused into integer ops),
// compiles the model with the same pipeline as quant-compile, JIT-compiles
// it (mlir::ExecutionEngine) for the host, feeds the inputs from .npy files
// (or deterministic random data), writes the outputs as .npy and, with
// --bench, times N calls after a warm-up and prints (on the last sample)
//   bench: runs=N min_us=... median_us=... mean_us=...
// so a single-layer model can be timed per precision (HAQ search).
//
//===----------------------------------------------------------------------===//

#include "quant/Compiler/Interface.h"
#include "quant/Compiler/Pipeline.h"
#include "quant/Compiler/TargetMachine.h"
#include "quant/ExecutionEngine/AlignedBuffer.h"
#include "quant/ExecutionEngine/JIT.h"
#include "quant/Support/Npy.h"
#include "quant/Support/ToolOptions.h"
#include "quant/ToolSupport/CodegenToolOptions.h"
#include "quant/ToolSupport/LoadModel.h"

#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <random>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::compiler;
namespace cl = llvm::cl;

namespace {
cl::opt<std::string> inputFile(cl::Positional,
                               cl::desc("<model.mlir|model.onnx>"),
                               cl::init("-"));
cl::list<std::string> inputs("i",
                             cl::desc("Input .npy file (one per input, in "
                                      "order)"),
                             cl::value_desc("file"));
cl::list<std::string> outputs("o",
                              cl::desc("Output .npy file (one per "
                                       "output, in order)"),
                              cl::value_desc("file"));
cl::opt<bool> randomInputs("random-inputs",
                           cl::desc("Fill missing inputs with random data"));
cl::opt<unsigned> seed("seed", cl::desc("Seed of --random-inputs"),
                       cl::init(1));
cl::opt<bool> perSample(
    "per-sample",
    cl::desc("Each -i file stacks samples along its first dimension (a new "
             "one, or the model's batch dimension of size 1); run once per "
             "sample, each -o file stacks the results along a new first "
             "dimension"));
cl::opt<unsigned> benchRuns("bench", cl::desc("Time this many runs"),
                            cl::init(0));
cl::opt<int> warmupRuns("warmup",
                        cl::desc("Untimed runs before timing (default: "
                                 "max(1, N/10))"),
                        cl::init(-1));
SharedToolOptions shared;
cl::opt<std::string> entry("entry", cl::desc("Function to run"),
                           cl::init("main"));
cl::opt<bool> noKernels("no-kernels",
                        cl::desc("Lower conv / GEMM through the generic "
                                 "linalg.contract path instead of the packed "
                                 "microkernels"));
cl::opt<std::string> cpu("mcpu", cl::desc("Target CPU (default: host)"));
cl::opt<std::string> attrs("mattr", cl::desc("Target features"));
cl::opt<unsigned> optLevel("O", cl::desc("Optimization level 0-3"), cl::Prefix,
                           cl::init(2));

int fail(const llvm::Twine &message) {
  llvm::errs() << "quant-run: error: " << message << "\n";
  return 1;
}

npy::DType toNpy(ElementType t) {
  return *npy::parseDTypeName(getElementTypeName(t).str());
}

std::string shapeString(ArrayRef<int64_t> shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + ")";
}

/// The number of samples an --per-sample input of shape `shape` holds for a
/// model input of shape `model`: shape = [K] + model, or model = [1, ...]
/// and shape = [K, ...]. 0 if neither.
int64_t countSamples(ArrayRef<int64_t> shape, ArrayRef<int64_t> model) {
  if (shape.size() == model.size() + 1 && shape.drop_front() == model)
    return shape[0];
  if (!model.empty() && model[0] == 1 && shape.size() == model.size() &&
      shape.drop_front() == model.drop_front())
    return shape[0];
  return 0;
}

/// Deterministic random data: floats uniform in [-1, 1], integers over
/// their type's range (i32 over [-2^20, 2^20]).
void fillRandom(npy::Array &a, std::mt19937 &gen) {
  std::uniform_real_distribution<double> real(-1.0, 1.0);
  for (int64_t i = 0, e = a.getNumElements(); i < e; ++i) {
    switch (a.dtype) {
    case npy::DType::F32:
      a.set(i, real(gen));
      break;
    case npy::DType::I8:
      a.setInt(i, static_cast<int64_t>(gen() % 256) - 128);
      break;
    case npy::DType::U8:
      a.setInt(i, gen() % 256);
      break;
    case npy::DType::I16:
      a.setInt(i, static_cast<int64_t>(gen() % 65536) - 32768);
      break;
    case npy::DType::U16:
      a.setInt(i, gen() % 65536);
      break;
    default:
      a.setInt(i, static_cast<int64_t>(gen() % (1 << 21)) - (1 << 20));
      break;
    }
  }
}
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerPassManagerCLOptions();
  mlir::qnn::hideLibraryOptions();
  cl::ParseCommandLineOptions(
      argc, argv, "quant-mlir runner: JIT-compile and run a model\n");
  if (optLevel > 3)
    return fail("-O" + llvm::Twine(optLevel.getValue()) +
                " is not an optimization level (0-3)");

  // The JIT runs on this host: the CPU must not need features it lacks.
  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> tm =
      createTargetMachine({"", cpu, attrs, optLevel});
  if (!tm)
    return fail(llvm::toString(tm.takeError()));
  if (llvm::Error err = checkHostCanRun(**tm))
    return fail(llvm::toString(std::move(err)));

  std::string error;
  ToolModel tool;
  if (failed(tool.load(inputFile, shared.getLoadOptions(entry))))
    return 1; // The parser or the importer reported the error.
  ModuleOp module = tool.getModule();
  FailureOr<ModelInterface> interface = getModelInterface(module, entry);
  if (failed(interface))
    return 1;

  // Inputs: from files, or random.
  size_t numIn = interface->inputs.size(), numOut = interface->outputs.size();
  if (inputs.size() > numIn)
    return fail("the model has " + llvm::Twine(numIn) + " inputs but " +
                llvm::Twine(inputs.size()) + " -i files were given");
  if (inputs.size() < numIn && !randomInputs)
    return fail("the model has " + llvm::Twine(numIn) +
                " inputs: give one -i "
                "file each, or --random-inputs");
  if (outputs.size() > numOut)
    return fail("the model has " + llvm::Twine(numOut) + " outputs but " +
                llvm::Twine(outputs.size()) + " -o files were given");
  if (perSample && inputs.size() < numIn)
    return fail("--per-sample needs one -i file per input");
  std::mt19937 gen(seed);
  std::vector<npy::Array> inputArrays(numIn);
  int64_t samples = 1;
  for (size_t i = 0; i < numIn; ++i) {
    const TensorInfo &t = interface->inputs[i];
    npy::Array &a = inputArrays[i];
    if (i >= inputs.size()) {
      a.resize(toNpy(t.type), {t.shape.begin(), t.shape.end()});
      fillRandom(a, gen);
      continue;
    }
    if (!npy::readFile(inputs[i], a, error))
      return fail(error);
    int64_t count = perSample ? countSamples(a.shape, t.shape) : 1;
    if (a.dtype != toNpy(t.type) || count < 1 ||
        (!perSample && a.getNumElements() != t.getNumElements()))
      return fail("input " + llvm::Twine(i) + " ('" + inputs[i] + "') is " +
                  npy::getDTypeName(a.dtype) + " " + shapeString(a.shape) +
                  ", the model expects " + getElementTypeName(t.type) + " " +
                  shapeString(t.shape) + (perSample ? " per sample" : ""));
    if (i > 0 && count != samples)
      return fail("input " + llvm::Twine(i) + " ('" + inputs[i] + "') holds " +
                  llvm::Twine(count) + " samples, input 0 holds " +
                  llvm::Twine(samples));
    samples = count;
  }
  std::vector<AlignedBuffer> buffers;
  for (const TensorInfo &t : interface->inputs)
    buffers.emplace_back(t.getNumElements() * getElementSize(t.type));
  for (const TensorInfo &t : interface->outputs)
    buffers.emplace_back(t.getNumElements() * getElementSize(t.type));

  // Compile: the codegen pipeline, then the JIT with the same target.
  CodegenOptions options;
  options.entry = entry;
  options.name = "quant_run_model";
  options.kernels = !noKernels;
  if (llvm::Error err = shared.applyTo(options, tool.isONNX()))
    return fail(llvm::toString(std::move(err)));
  std::unique_ptr<JITModel> model =
      JITModel::compile(module, std::move(*tm), options, optLevel, error);
  if (!model)
    return error.empty() ? 1 : fail(error);
  std::vector<void *> pointers;
  for (AlignedBuffer &b : buffers)
    pointers.push_back(b.data);
  // Outputs stack the samples along a new first dimension (--per-sample).
  std::vector<npy::Array> outputArrays(numOut);
  for (size_t i = 0; i < numOut; ++i) {
    const TensorInfo &t = interface->outputs[i];
    SmallVector<int64_t> shape(t.shape.begin(), t.shape.end());
    if (perSample)
      shape.insert(shape.begin(), samples);
    outputArrays[i].resize(toNpy(t.type), {shape.begin(), shape.end()});
  }
  for (int64_t s = 0; s < samples; ++s) {
    for (size_t i = 0; i < numIn; ++i) {
      size_t bytes = interface->inputs[i].getNumElements() *
                     getElementSize(interface->inputs[i].type);
      // Empty tensors have null buffers, which memcpy must not see.
      if (bytes != 0)
        std::memcpy(buffers[i].data, inputArrays[i].data.data() + s * bytes,
                    bytes);
    }
    int32_t status = model->run(pointers);
    if (status != 0)
      return fail(
          "the model returned status " + llvm::Twine(status) +
          (perSample ? " on sample " + std::to_string(s) : std::string()));
    for (size_t i = 0; i < numOut; ++i) {
      size_t bytes = interface->outputs[i].getNumElements() *
                     getElementSize(interface->outputs[i].type);
      if (bytes != 0)
        std::memcpy(outputArrays[i].data.data() + s * bytes,
                    buffers[numIn + i].data, bytes);
    }
  }
  for (size_t i = 0; i < outputs.size(); ++i)
    if (!npy::writeFile(outputs[i], outputArrays[i], error))
      return fail(error);

  if (benchRuns > 0) {
    int warmup =
        warmupRuns >= 0 ? warmupRuns.getValue() : std::max(1u, benchRuns / 10);
    for (int r = 0; r < warmup; ++r)
      model->run(pointers);
    std::vector<double> times;
    for (unsigned r = 0; r < benchRuns; ++r) {
      auto start = std::chrono::steady_clock::now();
      model->run(pointers);
      auto stop = std::chrono::steady_clock::now();
      times.push_back(
          std::chrono::duration<double, std::micro>(stop - start).count());
    }
    std::sort(times.begin(), times.end());
    double mean = 0;
    for (double t : times)
      mean += t / times.size();
    double median =
        times.size() % 2
            ? times[times.size() / 2]
            : 0.5 * (times[times.size() / 2 - 1] + times[times.size() / 2]);
    llvm::outs() << llvm::format("bench: runs=%u min_us=%.3f median_us=%.3f "
                                 "mean_us=%.3f\n",
                                 benchRuns.getValue(), times.front(), median,
                                 mean);
  }
  return 0;
}
