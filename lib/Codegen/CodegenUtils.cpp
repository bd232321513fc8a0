//===- CodegenUtils.cpp - helpers shared by the codegen passes ---------===//

#include "CodegenUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

Value mlir::qnn::compiler::cIdx(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

Value mlir::qnn::compiler::readVector(OpBuilder &b, Location loc,
                                      VectorType type, Value source,
                                      ValueRange indices, Value padding) {
  SmallVector<bool> inBounds(1, true);
  std::optional<Value> pad;
  if (padding)
    pad = padding;
  return vector::TransferReadOp::create(b, loc, type, source, indices, pad,
                                        ArrayRef<bool>(inBounds));
}

Value mlir::qnn::compiler::writeVector(OpBuilder &b, Location loc, Value v,
                                       Value dest, ValueRange indices,
                                       bool inBounds) {
  SmallVector<bool> flags(1, inBounds);
  return vector::TransferWriteOp::create(b, loc, v, dest, indices,
                                         ArrayRef<bool>(flags))
      .getResult();
}

Value mlir::qnn::compiler::forEach(
    OpBuilder &b, Location loc, int64_t from, int64_t to, int64_t step,
    Value init, function_ref<Value(OpBuilder &, Location, Value, Value)> body) {
  if (from >= to)
    return init;
  auto loop = scf::ForOp::create(
      b, loc, cIdx(b, loc, from), cIdx(b, loc, to), cIdx(b, loc, step),
      ValueRange{init},
      [&](OpBuilder &b, Location loc, Value i, ValueRange args) {
        scf::YieldOp::create(b, loc, body(b, loc, i, args[0]));
      });
  return loop.getResult(0);
}

LogicalResult mlir::qnn::compiler::canonicalize(Operation *root) {
  MLIRContext *ctx = root->getContext();
  RewritePatternSet patterns(ctx);
  for (Dialect *dialect : ctx->getLoadedDialects())
    dialect->getCanonicalizationPatterns(patterns);
  for (RegisteredOperationName op : ctx->getRegisteredOperations())
    op.getCanonicalizationPatterns(patterns, ctx);
  // Non-convergence within the iteration limit is not an error here.
  (void)applyPatternsGreedily(root, std::move(patterns));
  return success();
}
