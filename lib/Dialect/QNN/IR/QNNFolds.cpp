//===- QNNFolds.cpp - folders and canonicalizations ---===//
//
// STUB: to be completed.
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/IR/QNN.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace mlir::qnn;

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }
OpFoldResult QuantizeOp::fold(FoldAdaptor) { return {}; }
OpFoldResult RequantizeOp::fold(FoldAdaptor) { return {}; }
OpFoldResult GlobalAvgPoolOp::fold(FoldAdaptor) { return {}; }
OpFoldResult ReshapeOp::fold(FoldAdaptor) { return {}; }
OpFoldResult TransposeOp::fold(FoldAdaptor) { return {}; }
OpFoldResult ConcatOp::fold(FoldAdaptor) { return {}; }
OpFoldResult PadOp::fold(FoldAdaptor) { return {}; }
OpFoldResult ClampOp::fold(FoldAdaptor) { return {}; }
void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &, MLIRContext *) {}
void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &, MLIRContext *) {}
void ClampOp::getCanonicalizationPatterns(RewritePatternSet &, MLIRContext *) {}
