//===- ShapeOps.cpp - constant and data movement to tensor/linalg --------===//
//
// constant -> arith.constant of the storage values; reshape -> collapse to
// 1-D then expand (both views after bufferization); transpose ->
// linalg.transpose; concat -> insert_slice into an empty tensor; pad ->
// tensor.pad in constant mode (an integer tensor pads with the integer
// `value`, which the integer form sets to the zero-point code), a gathering
// linalg.generic in edge and reflect modes.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::lowering;

namespace {

struct ConstantLowering : OpConversionPattern<ConstantOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = llvm::cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    ElementsAttr value = op.getValue();
    TypedAttr attr;
    if (value.getElementType() == type.getElementType()) {
      attr = llvm::cast<TypedAttr>(value);
    } else if (auto dense = llvm::dyn_cast<DenseElementsAttr>(value)) {
      // Unsigned / signed storage (ui8, si8) to the signless type.
      attr = dense.bitcast(type.getElementType());
    } else {
      return rewriter.notifyMatchFailure(op, "cannot retype this constant");
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, type, attr);
    return success();
  }
};

struct ReshapeLowering : OpConversionPattern<ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getInput();
    auto inType = llvm::cast<RankedTensorType>(x.getType());
    auto outType = llvm::cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    // Row-major order is kept by collapsing everything into one dimension
    // and expanding it again; rank-0 tensors use empty reassociations.
    int64_t inRank = inType.getRank(), outRank = outType.getRank();
    auto all = [](int64_t rank) {
      SmallVector<ReassociationIndices> groups;
      if (rank > 0)
        groups.push_back(llvm::to_vector(llvm::seq<int64_t>(0, rank)));
      return groups;
    };
    if (inRank == 0 || outRank == 0) {
      if (inRank == 0 && outRank > 0)
        x = tensor::ExpandShapeOp::create(rewriter, loc, outType, x, all(0));
      else if (inRank > 0)
        x = tensor::CollapseShapeOp::create(rewriter, loc, outType, x, all(0));
    } else {
      if (inRank > 1)
        x = tensor::CollapseShapeOp::create(
            rewriter, loc,
            RankedTensorType::get({inType.getNumElements()},
                                  inType.getElementType()),
            x, all(inRank));
      if (outRank > 1)
        x = tensor::ExpandShapeOp::create(rewriter, loc, outType, x,
                                          all(outRank));
    }
    rewriter.replaceOp(op, x);
    return success();
  }
};

struct TransposeLowering : OpConversionPattern<TransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto outType = llvm::cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Value init = emptyTensor(rewriter, op.getLoc(), outType);
    auto t = linalg::TransposeOp::create(
        rewriter, op.getLoc(), adaptor.getInput(), init, op.getPermutation());
    rewriter.replaceOp(op, t.getResult()[0]);
    return success();
  }
};

struct ConcatLowering : OpConversionPattern<ConcatOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto outType = llvm::cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    int64_t rank = outType.getRank();
    int64_t axis = static_cast<int64_t>(op.getAxis());
    if (axis < 0)
      axis += rank;
    Value result = emptyTensor(rewriter, loc, outType);
    int64_t offset = 0;
    for (Value input : adaptor.getInputs()) {
      auto t = llvm::cast<RankedTensorType>(input.getType());
      SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
      offsets[axis] = rewriter.getIndexAttr(offset);
      SmallVector<OpFoldResult> sizes, strides(rank, rewriter.getIndexAttr(1));
      for (int64_t d : t.getShape())
        sizes.push_back(rewriter.getIndexAttr(d));
      result = tensor::InsertSliceOp::create(rewriter, loc, input, result,
                                             offsets, sizes, strides);
      offset += t.getDimSize(axis);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The input index that output index `i` of a dimension of `size`
/// elements padded by `low` in front reads in edge mode (clamped into the
/// dimension) or reflect mode (mirrored about the first and last element).
Value sourceIndex(OpBuilder &b, Location loc, Value i, int64_t low,
                  int64_t size, bool reflect) {
  auto cst = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  Value j = arith::SubIOp::create(b, loc, i, cst(low));
  if (!reflect) {
    j = arith::MaxSIOp::create(b, loc, j, cst(0));
    return arith::MinSIOp::create(b, loc, j, cst(size - 1));
  }
  Value neg =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, j, cst(0));
  j = arith::SelectOp::create(b, loc, neg,
                              arith::SubIOp::create(b, loc, cst(0), j), j);
  Value over = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, j,
                                     cst(size - 1));
  Value mirrored = arith::SubIOp::create(b, loc, cst(2 * (size - 1)), j);
  return arith::SelectOp::create(b, loc, over, mirrored, j);
}

/// pad: constant mode as tensor.pad; edge and reflect as a linalg.generic
/// over the result that reads the input at sourceIndex() (the verifier
/// keeps reflect pads below the dimension size, so one mirror suffices).
struct PadLowering : OpConversionPattern<PadOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto outType = llvm::cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    int64_t rank = outType.getRank();
    ArrayRef<int64_t> pads = op.getPads();
    if (op.getMode() != PadMode::Constant) {
      Value input = adaptor.getInput();
      auto inType = llvm::cast<RankedTensorType>(input.getType());
      bool reflect = op.getMode() == PadMode::Reflect;
      Value result = buildElementwise(
          rewriter, loc, outType, ValueRange{}, {},
          [&](OpBuilder &b, Location l, ValueRange) -> Value {
            SmallVector<Value> indices;
            for (int64_t d = 0; d < rank; ++d) {
              Value i = linalg::IndexOp::create(b, l, d);
              if (pads[d] || pads[rank + d])
                i = sourceIndex(b, l, i, pads[d], inType.getDimSize(d),
                                reflect);
              indices.push_back(i);
            }
            return tensor::ExtractOp::create(b, l, input, indices);
          });
      rewriter.replaceOp(op, result);
      return success();
    }
    SmallVector<OpFoldResult> low, high;
    for (int64_t d = 0; d < rank; ++d) {
      low.push_back(rewriter.getIndexAttr(pads[d]));
      high.push_back(rewriter.getIndexAttr(pads[rank + d]));
    }
    Value value = scalarConstant(rewriter, loc, outType.getElementType(),
                                 op.getValue().convertToDouble());
    rewriter.replaceOpWithNewOp<tensor::PadOp>(op, outType, adaptor.getInput(),
                                               low, high, value);
    return success();
  }
};

} // namespace

void mlir::qnn::lowering::populateShapePatterns(const TypeConverter &tc,
                                                RewritePatternSet &p) {
  p.add<ConstantLowering, ReshapeLowering, TransposeLowering, ConcatLowering,
        PadLowering>(tc, p.getContext());
}
