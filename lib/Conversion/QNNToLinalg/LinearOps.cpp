//===- LinearOps.cpp - conv2d, fully_connected, matmul to linalg ---------===//
//
// Every linear op becomes linalg.contract ops, the one op family the code
// generator tiles and vectorizes (lib/Codegen/TileAndVectorize.cpp):
//
//   conv2d: out[n, g, f, y, x] += w[g, f, c] * in[n, g, c, y*sy + ky*dy,
//           x*sx + kx*dx] for each tap (ky, kx), the input being a strided
//           slice of the zero-padded input; groups split the channels, so a
//           depthwise conv is G = C groups of one channel;
//   fully_connected: out[b, o] += in[b, k] * wT[k, o];
//   matmul: out[batch, m, n] += lhs[batch', m, k] * rhs[batch'', k, n] with
//           broadcast batch dimensions dropped from the operand maps.
//
// Integer operands (i8, i16) are sign-extended into the i32 accumulator by
// the contraction (cast_signed). Constant weights are permuted at compile
// time so every tap's [G, O/G, C/G] slice and the transposed fully
// connected weights are contiguous.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::lowering;

namespace {

/// Permutes a constant: result dimension i is dimension perm[i] of `attr`.
DenseElementsAttr permuteConstant(DenseElementsAttr attr,
                                  ArrayRef<int64_t> perm) {
  auto type = llvm::cast<RankedTensorType>(attr.getType());
  ArrayRef<int64_t> shape = type.getShape();
  SmallVector<int64_t> outShape;
  for (int64_t p : perm)
    outShape.push_back(shape[p]);
  auto outType = type.clone(outShape);
  if (attr.isSplat())
    return attr.reshape(outType);
  int64_t rank = shape.size();
  SmallVector<int64_t> inStrides(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    inStrides[d] = inStrides[d + 1] * shape[d + 1];
  SmallVector<Attribute> values(attr.getValues<Attribute>());
  SmallVector<Attribute> out(values.size());
  SmallVector<int64_t> index(rank, 0); // Position in the output.
  for (size_t i = 0, e = values.size(); i < e; ++i) {
    int64_t src = 0;
    for (int64_t d = 0; d < rank; ++d)
      src += index[d] * inStrides[perm[d]];
    out[i] = values[src];
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++index[d] < outShape[d])
        break;
      index[d] = 0;
    }
  }
  return DenseElementsAttr::get(outType, out);
}

/// The dense constant behind `v`, if any.
DenseElementsAttr denseConstant(Value v) {
  DenseElementsAttr attr;
  if (matchPattern(v, m_Constant(&attr)))
    return attr;
  return {};
}

/// The accumulator initial value: `bias` (one value per output channel,
/// laid out along `biasDims` of the iteration space) broadcast to
/// `accType`, or zeros.
Value initAccumulator(OpBuilder &b, Location loc, RankedTensorType accType,
                      Value bias, ArrayRef<int64_t> biasShape,
                      ArrayRef<unsigned> biasDims) {
  Type elt = accType.getElementType();
  if (!bias)
    return filledTensor(b, loc, accType, scalarConstant(b, loc, elt, 0));
  auto biasType = llvm::cast<RankedTensorType>(bias.getType());
  if (biasType.getShape() != biasShape)
    bias = tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get(biasShape, biasType.getElementType()),
        bias,
        SmallVector<ReassociationIndices>{
            llvm::to_vector(llvm::seq<int64_t>(0, biasShape.size()))});
  SmallVector<AffineExpr> exprs;
  for (unsigned d : biasDims)
    exprs.push_back(b.getAffineDimExpr(d));
  AffineMap map = AffineMap::get(accType.getRank(), 0, exprs, b.getContext());
  return buildElementwise(
      b, loc, accType, bias, map,
      [](OpBuilder &, Location, ValueRange args) { return args[0]; });
}

/// A linalg.contract of `lhs` and `rhs` into `acc` with the given maps
/// (dimensions of an iteration space of `numDims` dims).
Value contract(OpBuilder &b, Location loc, Value lhs, Value rhs, Value acc,
               unsigned numDims, ArrayRef<SmallVector<unsigned>> dims) {
  SmallVector<Attribute> maps;
  for (const SmallVector<unsigned> &operandDims : dims) {
    SmallVector<AffineExpr> exprs;
    for (unsigned d : operandDims)
      exprs.push_back(b.getAffineDimExpr(d));
    maps.push_back(
        AffineMapAttr::get(AffineMap::get(numDims, 0, exprs, b.getContext())));
  }
  return linalg::ContractOp::create(b, loc, TypeRange{acc.getType()},
                                    ValueRange{lhs, rhs}, ValueRange{acc},
                                    b.getArrayAttr(maps))
      .getResult(0);
}

SmallVector<OpFoldResult> indexAttrs(OpBuilder &b, ArrayRef<int64_t> values) {
  return llvm::map_to_vector(
      values, [&](int64_t v) -> OpFoldResult { return b.getIndexAttr(v); });
}

//===----------------------------------------------------------------------===//
// conv2d
//===----------------------------------------------------------------------===//

struct Conv2DLowering : OpConversionPattern<Conv2DOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(Conv2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getInput(), w = adaptor.getWeight();
    auto xType = llvm::cast<RankedTensorType>(x.getType());
    auto wType = llvm::cast<RankedTensorType>(w.getType());
    auto outType = llvm::cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Type accElt = outType.getElementType();
    int64_t n = xType.getDimSize(0), c = xType.getDimSize(1);
    int64_t o = wType.getDimSize(0), kh = wType.getDimSize(2),
            kw = wType.getDimSize(3);
    int64_t g = op.getGroups(), cg = c / g, og = o / g;
    int64_t oh = outType.getDimSize(2), ow = outType.getDimSize(3);
    ArrayRef<int64_t> strides = op.getStrides(), dil = op.getDilations(),
                      pad = op.getPadding();

    // Zero padding (code 0 for integers: the integer form pads nonzero zero
    // points explicitly).
    if (llvm::any_of(pad, [](int64_t p) { return p != 0; })) {
      SmallVector<int64_t> shape(xType.getShape());
      shape[2] += pad[0] + pad[2];
      shape[3] += pad[1] + pad[3];
      Value zero = scalarConstant(rewriter, loc, xType.getElementType(), 0);
      x = tensor::PadOp::create(rewriter, loc, xType.clone(shape), x,
                                indexAttrs(rewriter, {0, 0, pad[0], pad[1]}),
                                indexAttrs(rewriter, {0, 0, pad[2], pad[3]}),
                                zero);
      xType = llvm::cast<RankedTensorType>(x.getType());
    }
    // Input [N, G, C/G, H, W].
    auto x5Type =
        xType.clone({n, g, cg, xType.getDimSize(2), xType.getDimSize(3)});
    Value x5 = tensor::ExpandShapeOp::create(
        rewriter, loc, x5Type, x,
        SmallVector<ReassociationIndices>{{0}, {1, 2}, {3}, {4}});

    // Weights per tap: [KH*KW, G, O/G, C/G], permuted at compile time when
    // constant, else sliced out of [G, O/G, C/G, KH, KW] at run time.
    Value taps;
    bool tapsFirst = false;
    if (DenseElementsAttr attr = denseConstant(w)) {
      DenseElementsAttr permuted = permuteConstant(attr, {2, 3, 0, 1});
      auto tapType = wType.clone({kh * kw, g, og, cg});
      taps = arith::ConstantOp::create(rewriter, loc, tapType,
                                       permuted.reshape(tapType));
      tapsFirst = true;
    } else {
      taps = tensor::ExpandShapeOp::create(
          rewriter, loc, wType.clone({g, og, cg, kh, kw}), w,
          SmallVector<ReassociationIndices>{{0, 1}, {2}, {3}, {4}});
    }

    // Accumulator [N, G, O/G, OH, OW], starting from the bias.
    auto accType = RankedTensorType::get({n, g, og, oh, ow}, accElt);
    Value acc = initAccumulator(rewriter, loc, accType, adaptor.getBias(),
                                {g, og}, {1, 2});

    auto sliceType = xType.clone({n, g, cg, oh, ow});
    auto tapType = wType.clone({g, og, cg});
    // Iteration space (n, g, f, y, x, c). The tap is the left operand: the
    // output rows (f) come from it and the columns (x) from the input, the
    // outer-product orientation the contraction lowering expects.
    SmallVector<SmallVector<unsigned>> dims = {
        {1, 2, 5}, {0, 1, 5, 3, 4}, {0, 1, 2, 3, 4}};
    for (int64_t ky = 0; ky < kh; ++ky) {
      for (int64_t kx = 0; kx < kw; ++kx) {
        Value slice = tensor::ExtractSliceOp::create(
            rewriter, loc, sliceType, x5,
            indexAttrs(rewriter, {0, 0, 0, ky * dil[0], kx * dil[1]}),
            indexAttrs(rewriter, {n, g, cg, oh, ow}),
            indexAttrs(rewriter, {1, 1, 1, strides[0], strides[1]}));
        Value tap;
        if (tapsFirst)
          tap = tensor::ExtractSliceOp::create(
              rewriter, loc, tapType, taps,
              indexAttrs(rewriter, {ky * kw + kx, 0, 0, 0}),
              indexAttrs(rewriter, {1, g, og, cg}),
              indexAttrs(rewriter, {1, 1, 1, 1}));
        else
          tap = tensor::ExtractSliceOp::create(
              rewriter, loc, tapType, taps,
              indexAttrs(rewriter, {0, 0, 0, ky, kx}),
              indexAttrs(rewriter, {g, og, cg, 1, 1}),
              indexAttrs(rewriter, {1, 1, 1, 1, 1}));
        acc = contract(rewriter, loc, tap, slice, acc, 6, dims);
      }
    }
    Value result = tensor::CollapseShapeOp::create(
        rewriter, loc, outType, acc,
        SmallVector<ReassociationIndices>{{0}, {1, 2}, {3}, {4}});
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// fully_connected
//===----------------------------------------------------------------------===//

struct FullyConnectedLowering : OpConversionPattern<FullyConnectedOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(FullyConnectedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getInput(), w = adaptor.getWeight();
    auto wType = llvm::cast<RankedTensorType>(w.getType());
    auto outType = llvm::cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    int64_t o = wType.getDimSize(0), k = wType.getDimSize(1);
    // Weights as [K, O] so the output features are the contiguous
    // (vectorized) dimension.
    auto wtType = wType.clone({k, o});
    Value wt;
    if (DenseElementsAttr attr = denseConstant(w))
      wt = arith::ConstantOp::create(rewriter, loc, wtType,
                                     permuteConstant(attr, {1, 0}));
    else
      wt = linalg::TransposeOp::create(rewriter, loc, w,
                                       emptyTensor(rewriter, loc, wtType),
                                       ArrayRef<int64_t>{1, 0})
               .getResult()[0];
    Value acc =
        initAccumulator(rewriter, loc, outType, adaptor.getBias(), {o}, {1});
    // Iteration space (b, o, k).
    Value result =
        contract(rewriter, loc, x, wt, acc, 3, {{0, 2}, {2, 1}, {0, 1}});
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// matmul
//===----------------------------------------------------------------------===//

struct MatMulLowering : OpConversionPattern<MatMulOp> {
  using OpConversionPattern::OpConversionPattern;

  /// The operand with broadcast batch dimensions collapsed and its map:
  /// batch dims right-aligned to the result's, then the two matrix dims
  /// (`rowDim`, `colDim` of the iteration space).
  static std::pair<Value, SmallVector<unsigned>>
  prepare(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> outShape,
          unsigned rowDim, unsigned colDim) {
    auto type = llvm::cast<RankedTensorType>(v.getType());
    int64_t rank = type.getRank(), batch = rank - 2;
    int64_t outBatch = outShape.size() - 2;
    SmallVector<int64_t> dropped;
    SmallVector<unsigned> dims;
    for (int64_t d = 0; d < batch; ++d) {
      int64_t od = d + outBatch - batch;
      if (type.getDimSize(d) == 1 && outShape[od] != 1)
        dropped.push_back(d);
      else
        dims.push_back(od);
    }
    dims.push_back(rowDim);
    dims.push_back(colDim);
    return {dropUnitDims(b, loc, v, dropped), dims};
  }

  LogicalResult
  matchAndRewrite(MatMulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto outType = llvm::cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    ArrayRef<int64_t> outShape = outType.getShape();
    unsigned rank = outType.getRank();
    unsigned m = rank - 2, nDim = rank - 1, k = rank;
    auto [lhs, lhsDims] =
        prepare(rewriter, loc, adaptor.getLhs(), outShape, m, k);
    auto [rhs, rhsDims] =
        prepare(rewriter, loc, adaptor.getRhs(), outShape, k, nDim);
    SmallVector<unsigned> outDims =
        llvm::to_vector(llvm::seq<unsigned>(0, rank));
    Value acc = initAccumulator(rewriter, loc, outType, Value(), {}, {});
    Value result = contract(rewriter, loc, lhs, rhs, acc, rank + 1,
                            {lhsDims, rhsDims, outDims});
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::qnn::lowering::populateLinearPatterns(const TypeConverter &tc,
                                                 RewritePatternSet &p) {
  p.add<Conv2DLowering, FullyConnectedLowering, MatMulLowering>(tc,
                                                                p.getContext());
}
