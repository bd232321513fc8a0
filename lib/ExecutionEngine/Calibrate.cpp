//===- Calibrate.cpp - native calibration of float models ----------------===//
//
// See Calibrate.h. The module is cloned, the clone's entry function returns
// every calibration point as an extra result, it goes through the codegen
// pipeline and the JIT (JITModel), and each sample is one call. Pass 1 collects
// min/max per batch of samples; the histogram methods make a second pass
// with the range of pass 1 fixed.
//
//===----------------------------------------------------------------------===//

#include "quant/ExecutionEngine/Calibrate.h"
#include "quant/Compiler/Interface.h"
#include "quant/Compiler/Pipeline.h"
#include "quant/Dialect/QNN/IR/QNN.h"
#include "quant/ExecutionEngine/AlignedBuffer.h"
#include "quant/ExecutionEngine/JIT.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <cstring>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::compiler;

static constexpr StringLiteral kCalibAttr = "qnn.calib";

static bool isFloatTensor(Value v) {
  auto t = llvm::dyn_cast<RankedTensorType>(v.getType());
  return t && t.getElementType().isF32() && t.hasStaticShape();
}

SmallVector<Value>
mlir::qnn::compiler::selectCalibrationPoints(func::FuncOp func) {
  SmallVector<Value> points;
  for (BlockArgument arg : func.getArguments())
    if (isFloatTensor(arg))
      points.push_back(arg);
  llvm::SmallPtrSet<Value, 8> returned;
  func.walk([&](func::ReturnOp ret) {
    for (Value v : ret.getOperands())
      returned.insert(v);
  });
  func.walk([&](Operation *op) {
    if (!isa<Conv2DOp, FullyConnectedOp, MatMulOp, AddOp, SubOp, MulOp,
             ConcatOp, AvgPool2DOp, GlobalAvgPoolOp, ClampOp>(op) ||
        op->getNumResults() != 1)
      return;
    Value v = op->getResult(0);
    if (!isFloatTensor(v) || returned.contains(v))
      return;
    if (!isa<ClampOp>(op) && v.hasOneUse() &&
        isa<ClampOp>(*v.getUsers().begin()))
      return;
    points.push_back(v);
  });
  return points;
}

namespace {
/// Draws "calibrating [#####     ] done/total" on stderr.
void drawProgress(size_t done, size_t total) {
  constexpr int width = 30;
  int filled = total ? static_cast<int>(width * done / total) : width;
  llvm::errs() << "\rcalibrating [" << std::string(filled, '#')
               << std::string(width - filled, ' ') << "] " << done << "/"
               << total;
  if (done == total)
    llvm::errs() << "\n";
}
} // namespace

LogicalResult mlir::qnn::compiler::calibrateModule(
    ModuleOp module, ArrayRef<npy::Array> samples, const TargetOptions &target,
    const CalibrateOptions &options) {
  Location loc = module.getLoc();
  auto func = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
      module, StringAttr::get(module.getContext(), options.entry));
  if (!func || func.isExternal())
    return emitError(loc) << "calibration: no function '@" << options.entry
                          << "' with a body";
  FailureOr<ModelInterface> interface =
      getModelInterface(module, options.entry);
  if (failed(interface))
    return failure();
  size_t numIn = interface->inputs.size();
  if (samples.size() != numIn)
    return emitError(loc) << "calibration: the model has " << numIn
                          << " inputs but " << samples.size()
                          << " sample files were given";
  // Samples per input: whole model inputs stacked along dimension 0.
  int64_t count = -1;
  for (size_t i = 0; i < numIn; ++i) {
    const TensorInfo &t = interface->inputs[i];
    if (getElementTypeName(t.type) != npy::getDTypeName(samples[i].dtype))
      return emitError(loc)
             << "calibration: samples of input " << i << " are "
             << npy::getDTypeName(samples[i].dtype) << ", the model expects "
             << getElementTypeName(t.type);
    int64_t n = t.getNumElements();
    int64_t total = samples[i].getNumElements();
    if (n == 0 || total == 0 || total % n != 0)
      return emitError(loc)
             << "calibration: " << total << " sample elements for input " << i
             << " are not a whole number of model inputs of " << n
             << " elements";
    if (count >= 0 && total / n != count)
      return emitError(loc) << "calibration: inputs have different sample "
                               "counts ("
                            << count << " and " << total / n << ")";
    count = total / n;
  }

  SmallVector<Value> points = selectCalibrationPoints(func);
  if (points.empty())
    return emitError(loc) << "calibration: '@" << options.entry
                          << "' has no float activations to calibrate";

  // The instrumented clone returns every point after the original results.
  IRMapping mapping;
  OwningOpRef<ModuleOp> clone = cast<ModuleOp>(module->clone(mapping));
  auto cloneFunc = cast<func::FuncOp>(mapping.lookup(func.getOperation()));
  auto ret = cast<func::ReturnOp>(cloneFunc.getBody().back().getTerminator());
  unsigned numOut = ret.getNumOperands();
  for (Value p : points) {
    Value mapped = mapping.lookup(p);
    if (failed(cloneFunc.insertResult(cloneFunc.getNumResults(),
                                      mapped.getType(), DictionaryAttr())))
      return emitError(loc)
             << "calibration: cannot instrument '@" << options.entry << "'";
    ret.getOperandsMutable().append(mapped);
  }
  FailureOr<ModelInterface> cloneInterface =
      getModelInterface(*clone, options.entry);
  if (failed(cloneInterface))
    return failure();

  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> tm =
      createTargetMachine(target);
  if (!tm)
    return emitError(loc) << "calibration: " << llvm::toString(tm.takeError());
  if (llvm::Error err = checkHostCanRun(**tm))
    return emitError(loc) << "calibration: " << llvm::toString(std::move(err));
  CodegenOptions codegen;
  codegen.entry = options.entry;
  codegen.name = "quant_calibrate";
  codegen.target = getTargetFeatures(**tm);
  std::string error;
  std::unique_ptr<JITModel> model = JITModel::compile(
      *clone, std::move(*tm), codegen, target.optLevel, error);
  if (!model) {
    InFlightDiagnostic diag = emitError(loc)
                              << "calibration: the float model does not "
                                 "compile for this host";
    if (!error.empty())
      diag << ": " << error;
    return diag;
  }

  std::vector<AlignedBuffer> buffers;
  for (const TensorInfo &t : cloneInterface->inputs)
    buffers.emplace_back(t.getNumElements() * getElementSize(t.type));
  for (const TensorInfo &t : cloneInterface->outputs)
    buffers.emplace_back(t.getNumElements() * getElementSize(t.type));
  std::vector<void *> pointers;
  for (AlignedBuffer &b : buffers)
    pointers.push_back(b.data);

  bool histogram = calibration::needsHistogram(options.range.method);
  size_t passes = histogram ? 2 : 1;
  size_t totalCalls = passes * static_cast<size_t>(count), calls = 0;
  size_t step = std::max<size_t>(1, totalCalls / 100);
  auto runSample = [&](int64_t s) -> LogicalResult {
    for (size_t i = 0; i < numIn; ++i) {
      size_t bytes = interface->inputs[i].getNumElements() *
                     getElementSize(interface->inputs[i].type);
      if (bytes != 0) // Empty tensors have null buffers.
        std::memcpy(buffers[i].data, samples[i].data.data() + s * bytes, bytes);
    }
    int32_t status = model->run(pointers);
    if (++calls % step == 0 || calls == totalCalls)
      if (options.progress)
        drawProgress(calls, totalCalls);
    if (status != 0)
      return emitError(loc) << "calibration: the model returned status "
                            << status << " on sample " << s;
    return success();
  };
  auto pointValues = [&](size_t p) {
    const TensorInfo &t = cloneInterface->outputs[numOut + p];
    return std::make_pair(
        static_cast<const float *>(buffers[numIn + numOut + p].data),
        static_cast<size_t>(t.getNumElements()));
  };

  // Pass 1: min/max per batch of samples.
  std::vector<calibration::Observer> observers(
      points.size(), calibration::Observer(options.emaMomentum));
  std::vector<std::vector<float>> batch(points.size());
  unsigned batchSize = std::max(1u, options.batchSize);
  for (int64_t s = 0; s < count; ++s) {
    if (failed(runSample(s)))
      return failure();
    for (size_t p = 0; p < points.size(); ++p) {
      auto [values, n] = pointValues(p);
      batch[p].insert(batch[p].end(), values, values + n);
      if ((s + 1) % batchSize == 0 || s + 1 == count) {
        observers[p].observeBatch(batch[p].data(), batch[p].size());
        batch[p].clear();
      }
    }
  }
  // Pass 2: histograms of |x| over the range pass 1 saw.
  if (histogram) {
    for (calibration::Observer &o : observers)
      o.startHistogram(options.bins);
    for (int64_t s = 0; s < count; ++s) {
      if (failed(runSample(s)))
        return failure();
      for (size_t p = 0; p < points.size(); ++p) {
        auto [values, n] = pointValues(p);
        observers[p].addToHistogram(values, n);
      }
    }
  }

  // Attach the ranges to the original function.
  for (auto [p, value] : llvm::enumerate(points)) {
    calibration::Range r =
        calibration::computeCalibratedRange(observers[p], options.range);
    auto attr = DenseF64ArrayAttr::get(module.getContext(), {r.min, r.max});
    if (auto arg = llvm::dyn_cast<BlockArgument>(value))
      func.setArgAttr(arg.getArgNumber(), kCalibAttr, attr);
    else
      value.getDefiningOp()->setAttr(kCalibAttr, attr);
  }
  return success();
}
