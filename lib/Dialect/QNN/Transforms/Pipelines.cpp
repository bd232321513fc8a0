//===- Pipelines.cpp - named qnn pass pipelines --------------------------===//
//
// Registers the pipelines that quant-opt exposes as flags (and that
// quant-compile runs): each has an options struct.
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace {
/// Options of the `qnn-simplify` pipeline.
struct SimplifyPipelineOptions
    : public PassPipelineOptions<SimplifyPipelineOptions> {
  Option<bool> strictBatchNorm{
      *this, "strict-batch-norm",
      llvm::cl::desc("Fail when a batch_norm cannot be folded"),
      llvm::cl::init(false)};
};

/// Float-graph clean-up run before quantization: canonicalize, fold batch
/// norms into the linear ops before them, absorb constant mul/add into
/// linear ops, then canonicalize and CSE again.
void buildSimplifyPipeline(OpPassManager &pm,
                           const SimplifyPipelineOptions &options) {
  pm.addPass(createCanonicalizerPass());
  qnn::QNNFoldBatchNormOptions bnOptions;
  bnOptions.strict = options.strictBatchNorm;
  pm.addNestedPass<func::FuncOp>(qnn::createQNNFoldBatchNorm(bnOptions));
  pm.addNestedPass<func::FuncOp>(qnn::createQNNStreamline());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}
/// Options of the `qnn-ptq` pipeline.
struct PTQPipelineOptions : public PassPipelineOptions<PTQPipelineOptions> {
  Option<std::string> weightScheme{
      *this, "weight-scheme",
      llvm::cl::desc("Weight quantizer (see -qnn-quantize-weights)"),
      llvm::cl::init("symmetric-narrow")};
  Option<unsigned> weightBits{*this, "weight-bits",
                              llvm::cl::desc("Bits per weight"),
                              llvm::cl::init(8)};
  Option<std::string> granularity{
      *this, "granularity",
      llvm::cl::desc("Weight granularity: tensor | channel | group"),
      llvm::cl::init("channel")};
  Option<std::string> activationScheme{
      *this, "activation-scheme",
      llvm::cl::desc("Activation quantizer: affine | symmetric"),
      llvm::cl::init("affine")};
  Option<unsigned> activationBits{*this, "activation-bits",
                                  llvm::cl::desc("Bits per activation"),
                                  llvm::cl::init(8)};
  Option<bool> integer{
      *this, "integer",
      llvm::cl::desc("Lower to the integer form (qnn-lower-to-integer)"),
      llvm::cl::init(true)};
};

/// Post-training quantization of a float graph with calibrated ranges
/// (`qnn.calib`): simplify, quantize weights and activations (QDQ form),
/// propagate scales (QDQ around same-scale ops, i32 biases, accumulator
/// widths), fuse QDQ groups into quantized ops, then lower to integers.
void buildPTQPipeline(OpPassManager &pm, const PTQPipelineOptions &options) {
  buildSimplifyPipeline(pm, SimplifyPipelineOptions());
  qnn::QNNQuantizeWeightsOptions weights;
  weights.scheme = options.weightScheme;
  weights.bits = options.weightBits;
  weights.granularity = options.granularity;
  pm.addPass(qnn::createQNNQuantizeWeights(weights));
  qnn::QNNQuantizeActivationsOptions activations;
  activations.scheme = options.activationScheme;
  activations.bits = options.activationBits;
  pm.addNestedPass<func::FuncOp>(
      qnn::createQNNQuantizeActivations(activations));
  pm.addNestedPass<func::FuncOp>(qnn::createQNNPropagateScales());
  pm.addNestedPass<func::FuncOp>(qnn::createQNNFoldRequant());
  if (options.integer) {
    pm.addNestedPass<func::FuncOp>(qnn::createQNNLowerToInteger());
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
  }
}
} // namespace

void mlir::qnn::registerQNNPipelines() {
  PassPipelineRegistration<PTQPipelineOptions>(
      "qnn-ptq",
      "Post-training quantization of a calibrated float graph down to the "
      "integer form",
      buildPTQPipeline);
  PassPipelineRegistration<SimplifyPipelineOptions>(
      "qnn-simplify",
      "Clean up a float qnn graph: canonicalize, fold batch norms, CSE",
      buildSimplifyPipeline);
}
