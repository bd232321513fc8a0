//===- FoldRequant.cpp - requantization folding pass ---------------------===//
//
// Implements -qnn-fold-requant: the pass driver that applies the pattern
// families of RequantPatterns.cpp (dequantize/quantize and requantize
// chains) and FuseQDQ.cpp (QDQ groups into quantized ops, requantize
// absorption), followed by the exact qnn canonicalizations.
//
//===----------------------------------------------------------------------===//

#include "RequantPatterns.h"
#include "quant/Dialect/QNN/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_QNNFOLDREQUANT
#include "quant/Dialect/QNN/Transforms/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn;

namespace {
struct QNNFoldRequantPass : qnn::impl::QNNFoldRequantBase<QNNFoldRequantPass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    populateRequantChainPatterns(patterns, allowDoubleRounding);
    populateFuseQDQPatterns(patterns, retypeProducers);
    populateThresholdPatterns(patterns);
    for (RegisteredOperationName name : context->getRegisteredOperations())
      if (name.getDialectNamespace() == QNNDialect::getDialectNamespace())
        name.getCanonicalizationPatterns(patterns, context);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
