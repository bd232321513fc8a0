//===- TileAndVectorize.cpp - register tiling of linalg.contract ---------===//
//
// Implements -quant-tile-and-vectorize (see Passes.td): every
// linalg.contract gets an M x N register tile (N the innermost output
// dimension, two vector registers wide; M a dimension that only the other
// operand varies along), reductions tiled by 1 (or 4 for VNNI), loops peeled
// so all tiles are static, then each tile becomes a vector.contract.
//
//===----------------------------------------------------------------------===//

#include "CodegenUtils.h"
#include "quant/Codegen/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_QUANTTILEANDVECTORIZE
#include "quant/Codegen/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;

/// Marks tiles that must be vectorized (survives peeling, which clones):
/// [N loop, lanes per vector register].
static constexpr StringLiteral kTileAttr = "quant.tile";

namespace {

/// The register tile of one contraction: tile size per loop (0 = not
/// tiled), and which loops are N (vectorized) and M (unrolled rows).
struct TileChoice {
  SmallVector<int64_t> sizes;
  int64_t nDim = -1, mDim = -1;
  int64_t lanes = 1; ///< Accumulator elements per vector register.
};

/// True if `v` is a tensor of i8 elements.
bool isI8Tensor(Value v) {
  auto t = llvm::dyn_cast<ShapedType>(v.getType());
  return t && t.getElementType().isInteger(8);
}

/// Picks the register tile of `op` (see the file comment); nullopt when the
/// op has dynamic or empty loops or no innermost output dimension to
/// vectorize.
std::optional<TileChoice> chooseTiles(linalg::LinalgOp op, unsigned vectorBits,
                                      unsigned mTile, bool vnni) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  if (llvm::any_of(ranges, ShapedType::isDynamic))
    return std::nullopt;
  // An empty iteration space (a GEMM without rows) has nothing to compute,
  // and MLIR's tiling of a zero extent crashes: the scalar loops keep it.
  if (llvm::is_contained(ranges, 0))
    return std::nullopt;
  AffineMap outMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  if (outMap.getNumResults() == 0)
    return std::nullopt;
  auto last = llvm::dyn_cast<AffineDimExpr>(outMap.getResults().back());
  if (!last)
    return std::nullopt;
  TileChoice choice;
  choice.nDim = last.getPosition();
  choice.lanes = 0;
  Type accType = getElementTypeOrSelf(op.getDpsInitOperand(0)->get());
  unsigned lanes = vectorBits / accType.getIntOrFloatBitWidth();
  choice.lanes = lanes;
  SmallVector<AffineMap> inputMaps;
  for (OpOperand *in : op.getDpsInputOperands())
    inputMaps.push_back(op.getMatchingIndexingMap(in));
  auto uses = [&](AffineMap map, int64_t d) {
    return map.isFunctionOfDim(static_cast<unsigned>(d));
  };

  // M: a parallel dimension used by exactly one input, which is not an
  // input N varies along (so row m reuses the N-vector of the other input).
  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  for (int64_t d = 0, e = ranges.size(); d < e; ++d) {
    if (d == choice.nDim || iters[d] != utils::IteratorType::parallel ||
        ranges[d] <= 1)
      continue;
    int users = 0;
    bool withN = false;
    for (AffineMap map : inputMaps) {
      if (!uses(map, d))
        continue;
      ++users;
      withN |= uses(map, choice.nDim);
    }
    if (users == 1 && !withN &&
        (choice.mDim < 0 || ranges[d] >= ranges[choice.mDim]))
      choice.mDim = d;
  }

  bool i8Inputs = llvm::all_of(op.getDpsInputOperands(), [](OpOperand *in) {
    return isI8Tensor(in->get());
  });
  int64_t innerReduction = -1;
  for (int64_t d = 0, e = ranges.size(); d < e; ++d)
    if (iters[d] == utils::IteratorType::reduction)
      innerReduction = d;
  for (int64_t d = 0, e = ranges.size(); d < e; ++d) {
    int64_t tile = 1;
    if (d == choice.nDim)
      tile = 2 * lanes;
    else if (d == choice.mDim)
      tile = mTile;
    else if (vnni && i8Inputs && d == innerReduction && ranges[d] % 4 == 0)
      tile = 4;
    // A tile covering the whole dimension needs no loop.
    choice.sizes.push_back(tile >= ranges[d] ? 0 : tile);
  }
  return choice;
}

/// Tiles `op` by `choice`, tags the tiles, and peels the N and M loops
/// whose trip counts the tiles do not divide.
LogicalResult tileAndPeel(RewriterBase &rewriter, linalg::LinalgOp op,
                          const TileChoice &choice) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  scf::SCFTilingOptions options;
  options.setLoopType(scf::SCFTilingOptions::LoopType::ForOp);
  options.setTileSizes(getAsIndexOpFoldResult(op.getContext(), choice.sizes));
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, llvm::cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled))
    return failure();
  for (Operation *t : tiled->tiledOps)
    t->setAttr(kTileAttr,
               rewriter.getDenseI64ArrayAttr({choice.nDim, choice.lanes}));
  rewriter.replaceOp(op, tiled->replacements);

  // Loop of each tiled dimension, in dimension order.
  auto loopOf = [&](int64_t dim) -> scf::ForOp {
    if (dim < 0 || choice.sizes[dim] == 0)
      return {};
    int64_t index = 0;
    for (int64_t d = 0; d < dim; ++d)
      index += choice.sizes[d] != 0;
    return llvm::dyn_cast<scf::ForOp>(tiled->loops[index].getOperation());
  };
  // Inner (N) first: peeling M then clones the already peeled N loop.
  for (int64_t dim : {choice.nDim, choice.mDim}) {
    scf::ForOp loop = loopOf(dim);
    if (!loop || ranges[dim] % choice.sizes[dim] == 0)
      continue;
    scf::ForOp partial;
    (void)scf::peelForLoopAndSimplifyBounds(rewriter, loop, partial);
  }
  return success();
}

struct QuantTileAndVectorizePass
    : qnn::impl::QuantTileAndVectorizeBase<QuantTileAndVectorizePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    IRRewriter rewriter(&getContext());

    SmallVector<linalg::ContractOp> contracts;
    func.walk([&](linalg::ContractOp op) { contracts.push_back(op); });
    for (linalg::ContractOp op : contracts) {
      std::optional<TileChoice> choice =
          chooseTiles(op, vectorBits, mTile, vnni);
      if (!choice)
        continue;
      if (failed(tileAndPeel(rewriter, op, *choice))) {
        op.emitError() << "quant-tile-and-vectorize: tiling failed";
        return signalPassFailure();
      }
    }
    // Static tile shapes: fold the peeled affine.min bounds into the slices.
    if (failed(qnn::compiler::canonicalize(func)))
      return signalPassFailure();

    SmallVector<linalg::LinalgOp> tiles;
    func.walk([&](linalg::LinalgOp op) {
      if (op->hasAttr(kTileAttr))
        tiles.push_back(op);
    });
    for (linalg::LinalgOp op : tiles) {
      ArrayRef<int64_t> tag =
          llvm::cast<DenseI64ArrayAttr>(op->getAttr(kTileAttr)).asArrayRef();
      int64_t nDim = tag[0], lanes = tag[1];
      op->removeAttr(kTileAttr);
      SmallVector<int64_t> ranges = op.getStaticLoopRanges();
      if (!op.hasPureTensorSemantics() ||
          llvm::any_of(ranges, ShapedType::isDynamic))
        continue; // Left to the scalar loops.
      // A partial N tile (the peeled remainder, or a dimension narrower
      // than the tile) becomes whole vector registers with masked lanes:
      // vectors whose length is not a multiple of the register width
      // legalize into shuffles.
      SmallVector<int64_t> vectorSizes;
      SmallVector<bool> scalable;
      if (ranges[nDim] % lanes != 0) {
        vectorSizes = ranges;
        vectorSizes[nDim] = llvm::alignTo(ranges[nDim], lanes);
        scalable.assign(ranges.size(), false);
      }
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::VectorizationResult> result = linalg::vectorize(
          rewriter, op, vectorSizes, scalable,
          /*vectorizeNDExtract=*/false, /*flatten1DDepthwiseConv=*/false,
          /*assumeDynamicDimsMatchVecSizes=*/false,
          /*createNamedContraction=*/true);
      if (failed(result))
        continue;
      rewriter.replaceOp(op, result->replacements);
    }
    // Masked tiles: transfers take their masks as operands, and the
    // contraction needs none, since masked-off lanes read 0 and are never
    // written back. No vector.mask region survives (canonicalization could
    // otherwise materialize constants inside them).
    func.walk([&](vector::MaskOp mask) {
      Operation *inner = mask.getMaskableOp();
      if (!inner || !llvm::isa<vector::ContractionOp>(inner))
        return;
      rewriter.setInsertionPoint(mask);
      Operation *clone = rewriter.clone(*inner);
      rewriter.replaceOp(mask, clone->getResults());
    });
    {
      RewritePatternSet patterns(&getContext());
      vector::populateVectorMaskLoweringPatternsForSideEffectingOps(patterns);
      (void)applyPatternsGreedily(func, std::move(patterns));
    }
    if (failed(qnn::compiler::canonicalize(func)))
      return signalPassFailure();

    // Keep each accumulator tile in registers across its reduction loop:
    // hoist the loop-invariant slice and transfer pairs on the loop's
    // tensor (inner loops first), which leaves a vector iter_arg. After
    // bufferization the shared output buffer would defeat the memref-level
    // hoisting, whose aliasing check is function-wide.
    SmallVector<scf::ForOp> loops;
    func.walk([&](scf::ForOp loop) { loops.push_back(loop); });
    for (scf::ForOp loop : loops) { // Post-order: inner loops first.
      // Each round hoists one level (the slice, then the transfer on it).
      LoopLikeOpInterface current = loop;
      moveLoopInvariantCode(current); // E.g. the masks of partial tiles.
      for (int round = 0; round < 4; ++round)
        current = hoistLoopInvariantSubsets(rewriter, current);
    }
    if (failed(qnn::compiler::canonicalize(func)))
      return signalPassFailure();
  }
};

} // namespace
