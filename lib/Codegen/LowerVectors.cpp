//===- LowerVectors.cpp - hoisting and vector/math lowering --------------===//
//
// Implements -quant-lower-vectors (see Passes.td) on bufferized code:
//   1. subviews fold into vector transfers, so accumulator transfers index
//      the base buffer with loop-invariant indices;
//   2. linalg::hoistRedundantVectorTransfers moves the accumulator tile out
//      of the reduction loop (it becomes a loop-carried vector);
//   3. contractions become outer products -> FMAs (mixed-type ones are
//      extended first), transfers 1-D loads/stores;
//   4. math.exp becomes its polynomial approximation; without FMA hardware,
//      vector.fma / math.fma become mulf + addf {contract}.
//
//===----------------------------------------------------------------------===//

#include "CodegenUtils.h"
#include "quant/Codegen/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Hoisting.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Transforms.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_QUANTLOWERVECTORS
#include "quant/Codegen/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;

namespace {

/// a * b + c as mulf + addf that LLVM may fuse (targets without FMA would
/// otherwise call fmaf for every lane).
template <typename FmaOp> struct SplitFma : OpRewritePattern<FmaOp> {
  using OpRewritePattern<FmaOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(FmaOp op,
                                PatternRewriter &rewriter) const override {
    auto contract = arith::FastMathFlagsAttr::get(
        op.getContext(), arith::FastMathFlags::contract);
    // Both ops take (a, b, c) as operands 0, 1, 2.
    Value mul = arith::MulFOp::create(rewriter, op.getLoc(), op->getOperand(0),
                                      op->getOperand(1), contract);
    rewriter.replaceOpWithNewOp<arith::AddFOp>(op, mul, op->getOperand(2),
                                               contract);
    return success();
  }
};

/// f32 math.floor (scalar or vector) in arith ops, for targets without a
/// rounding instruction: t = trunc(x) through i32, minus 1 where t > x;
/// |x| >= 2^23 is already integral (and NaN / inf) and passes unchanged.
struct ExpandFloor : OpRewritePattern<math::FloorOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(math::FloorOp op,
                                PatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (!getElementTypeOrSelf(type).isF32())
      return failure();
    Location loc = op.getLoc();
    Type i32 = rewriter.getI32Type();
    if (auto vt = llvm::dyn_cast<VectorType>(type))
      i32 = vt.clone(i32);
    auto constant = [&](float v) -> Value {
      TypedAttr attr = rewriter.getF32FloatAttr(v);
      if (auto vt = llvm::dyn_cast<VectorType>(type))
        attr = DenseElementsAttr::get(vt, attr);
      return arith::ConstantOp::create(rewriter, loc, attr);
    };
    Value x = op.getOperand();
    Value t = arith::SIToFPOp::create(
        rewriter, loc, type, arith::FPToSIOp::create(rewriter, loc, i32, x));
    Value above =
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGT, t, x);
    Value down = arith::SubFOp::create(rewriter, loc, t, constant(1.0f));
    Value floor = arith::SelectOp::create(rewriter, loc, above, down, t);
    Value small = arith::CmpFOp::create(
        rewriter, loc, arith::CmpFPredicate::OLT,
        math::AbsFOp::create(rewriter, loc, x), constant(8388608.0f));
    rewriter.replaceOpWithNewOp<arith::SelectOp>(op, small, floor, x);
    return success();
  }
};

/// memref.copy between strided views becomes linalg.copy (then loops):
/// upstream lowers it to a call into the MLIR runtime library, which a
/// standalone object file cannot rely on. Contiguous copies stay memcpy.
struct StridedCopyToLinalg : OpRewritePattern<memref::CopyOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(memref::CopyOp op,
                                PatternRewriter &rewriter) const override {
    auto contiguous = [](Value v) {
      auto t = llvm::cast<MemRefType>(v.getType());
      return t.getLayout().isIdentity();
    };
    if (contiguous(op.getSource()) && contiguous(op.getTarget()))
      return failure();
    rewriter.replaceOpWithNewOp<linalg::CopyOp>(op, op.getSource(),
                                                op.getTarget());
    return success();
  }
};

/// A contraction of narrow integers into a wider accumulator whose operands
/// are sign-extended to the accumulator type first. Upstream lowers mixed-type
/// contractions only in the shapes it recognises as matmuls (a unit parallel
/// dimension between M and N, as a 1-channel conv produces, defeats it); with
/// equal types the generic unrolling lowering always applies. Used as a
/// fallback for contractions the main lowering left.
struct ExtendContractOperands : OpRewritePattern<vector::ContractionOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(vector::ContractionOp op,
                                PatternRewriter &rewriter) const override {
    auto accType = llvm::dyn_cast<VectorType>(op.getAccType());
    if (!accType || !llvm::isa<IntegerType>(accType.getElementType()))
      return failure();
    Type accElem = accType.getElementType();
    auto extend = [&](Value v) -> Value {
      auto t = llvm::cast<VectorType>(v.getType());
      if (t.getElementType() == accElem)
        return v;
      return arith::ExtSIOp::create(rewriter, op.getLoc(), t.clone(accElem), v);
    };
    Value lhs = extend(op.getLhs()), rhs = extend(op.getRhs());
    if (lhs == op.getLhs() && rhs == op.getRhs())
      return failure();
    rewriter.modifyOpInPlace(op, [&] {
      op.getLhsMutable().assign(lhs);
      op.getRhsMutable().assign(rhs);
    });
    return success();
  }
};

/// Applies `populate`'s patterns greedily to `root`.
void applyGreedily(Operation *root,
                   function_ref<void(RewritePatternSet &)> populate) {
  RewritePatternSet patterns(root->getContext());
  populate(patterns);
  (void)applyPatternsGreedily(root, std::move(patterns));
}

struct QuantLowerVectorsPass
    : qnn::impl::QuantLowerVectorsBase<QuantLowerVectorsPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    applyGreedily(func, [](RewritePatternSet &p) {
      memref::populateFoldMemRefAliasOpPatterns(p);
    });
    (void)qnn::compiler::canonicalize(func);
    linalg::hoistRedundantVectorTransfers(func);
    applyGreedily(func, [](RewritePatternSet &p) {
      p.add<StridedCopyToLinalg>(p.getContext());
    });

    applyGreedily(func, [&](RewritePatternSet &p) {
      vector::populateCastAwayVectorLeadingOneDimPatterns(p);
      vector::populateDropUnitDimWithShapeCastPatterns(p);
    });
    auto lowerContracts = [](RewritePatternSet &p) {
      vector::populateVectorMaskLoweringPatternsForSideEffectingOps(p);
      vector::populateVectorContractLoweringPatterns(
          p, vector::VectorContractLowering::OuterProduct);
      vector::populateVectorOuterProductLoweringPatterns(p);
      vector::populateVectorTransferPermutationMapLoweringPatterns(p);
      vector::populateVectorTransferLoweringPatterns(p, /*maxRank=*/1);
      vector::populateVectorMaskOpLoweringPatterns(p);
      vector::populateVectorBroadcastLoweringPatterns(p);
      vector::populateVectorShapeCastLoweringPatterns(p);
      vector::populateVectorTransposeLoweringPatterns(
          p, vector::VectorTransposeLowering::EltWise);
      vector::populateVectorMultiReductionLoweringPatterns(
          p, vector::VectorMultiReductionLowering::InnerParallel);
    };
    applyGreedily(func, lowerContracts);
    // Mixed-type contractions upstream could not lower: extend, lower again.
    bool leftover = false;
    func.walk([&](vector::ContractionOp) { leftover = true; });
    if (leftover) {
      applyGreedily(func, [](RewritePatternSet &p) {
        p.add<ExtendContractOperands>(p.getContext());
      });
      applyGreedily(func, lowerContracts);
    }
    applyGreedily(func, [&](RewritePatternSet &p) {
      populateMathPolynomialApproximationPatterns(p, [](StringRef name) {
        return name == "exp" || name == "math.exp";
      });
    });
    if (expandFloor)
      applyGreedily(func, [](RewritePatternSet &p) {
        p.add<ExpandFloor>(p.getContext());
      });
    if (!fma)
      applyGreedily(func, [](RewritePatternSet &p) {
        p.add<SplitFma<vector::FMAOp>, SplitFma<math::FmaOp>>(p.getContext());
      });
  }
};

} // namespace
