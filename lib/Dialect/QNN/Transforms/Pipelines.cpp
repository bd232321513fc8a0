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
} // namespace

void mlir::qnn::registerQNNPipelines() {
  PassPipelineRegistration<SimplifyPipelineOptions>(
      "qnn-simplify",
      "Clean up a float qnn graph: canonicalize, fold batch norms, CSE",
      buildSimplifyPipeline);
}
