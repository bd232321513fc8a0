//===- PoolingOps.cpp - pooling, softmax and batch norm to linalg --------===//
//
// max_pool2d: the input padded with the lowest value (-inf, or the minimum
//   signed integer) up to the extent the last window needs (explicit
//   padding plus the ceil-mode overhang), then linalg.pooling_nchw_max.
// max_pool2d_indices: the same padding, then a linalg.generic reducing each
//   window to its maximum and the flat input index of that maximum.
// avg_pool2d: zero padding, linalg.pooling_nchw_sum, then a division by a
//   compile-time count per output position: with count_include_pad the
//   window positions inside the explicitly padded input (the ceil-mode
//   overhang never counts, as in PyTorch), otherwise only the positions
//   inside the input (ONNX default).
// global_avg_pool: a sum over (H, W) divided by H * W.
// softmax: max, exp(x - max), sum, divide along the axis.
// batch_norm: (x - mean) * (scale / sqrt(var + eps)) + bias per channel.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/Dialect/Math/IR/Math.h"

#include <limits>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::lowering;

namespace {

/// Pads the NCHW `x` with `value` on the spatial dims: `pad` = [top, left,
/// bottom, right], then extends or trims the bottom/right so the result
/// has exactly `needH` x `needW` spatial positions.
Value padSpatial(OpBuilder &b, Location loc, Value x, ArrayRef<int64_t> pad,
                 int64_t needH, int64_t needW, Value value) {
  auto type = llvm::cast<RankedTensorType>(x.getType());
  int64_t h = type.getDimSize(2), w = type.getDimSize(3);
  int64_t highH = std::max<int64_t>(0, needH - h - pad[0]);
  int64_t highW = std::max<int64_t>(0, needW - w - pad[1]);
  auto idx = [&](int64_t v) -> OpFoldResult { return b.getIndexAttr(v); };
  if (pad[0] || pad[1] || highH || highW) {
    SmallVector<int64_t> shape(type.getShape());
    shape[2] = h + pad[0] + highH;
    shape[3] = w + pad[1] + highW;
    x = tensor::PadOp::create(b, loc, type.clone(shape), x,
                              {idx(0), idx(0), idx(pad[0]), idx(pad[1])},
                              {idx(0), idx(0), idx(highH), idx(highW)}, value);
    type = llvm::cast<RankedTensorType>(x.getType());
  }
  if (type.getDimSize(2) == needH && type.getDimSize(3) == needW)
    return x;
  SmallVector<int64_t> shape(type.getShape());
  shape[2] = needH;
  shape[3] = needW;
  return tensor::ExtractSliceOp::create(
      b, loc, type.clone(shape), x, {idx(0), idx(0), idx(0), idx(0)},
      {idx(shape[0]), idx(shape[1]), idx(needH), idx(needW)},
      {idx(1), idx(1), idx(1), idx(1)});
}

/// The attributes of a linalg pooling op.
SmallVector<NamedAttribute> poolingAttrs(OpBuilder &b,
                                         ArrayRef<int64_t> strides,
                                         ArrayRef<int64_t> dilations) {
  auto vec = [&](ArrayRef<int64_t> v) {
    return DenseIntElementsAttr::get(RankedTensorType::get({2}, b.getI64Type()),
                                     v);
  };
  return {b.getNamedAttr("strides", vec(strides)),
          b.getNamedAttr("dilations", vec(dilations))};
}

struct MaxPoolLowering : OpConversionPattern<MaxPool2DOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MaxPool2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto outType = llvm::cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Type elt = outType.getElementType();
    ArrayRef<int64_t> k = op.getKernel(), s = op.getStrides(),
                      d = op.getDilations();
    int64_t needH = (outType.getDimSize(2) - 1) * s[0] + d[0] * (k[0] - 1) + 1;
    int64_t needW = (outType.getDimSize(3) - 1) * s[1] + d[1] * (k[1] - 1) + 1;
    Value lowest;
    if (auto ft = llvm::dyn_cast<FloatType>(elt))
      lowest = arith::ConstantOp::create(
          rewriter, loc,
          rewriter.getFloatAttr(ft, -std::numeric_limits<double>::infinity()));
    else
      lowest = arith::ConstantOp::create(
          rewriter, loc,
          rewriter.getIntegerAttr(
              elt, APInt::getSignedMinValue(elt.getIntOrFloatBitWidth())));
    Value x = padSpatial(rewriter, loc, adaptor.getInput(), op.getPadding(),
                         needH, needW, lowest);
    Value window = tensor::EmptyOp::create(rewriter, loc, k, elt);
    Value init = filledTensor(rewriter, loc, outType, lowest);
    auto pool = linalg::PoolingNchwMaxOp::create(
        rewriter, loc, TypeRange{outType}, ValueRange{x, window},
        ValueRange{init}, poolingAttrs(rewriter, s, d));
    rewriter.replaceOp(op, pool.getResult(0));
    return success();
  }
};

/// max_pool2d_indices: one linalg.generic over (n, c, oh, ow, kh, kw) on
/// the input padded as for max_pool2d, carrying the running maximum and
/// its flat index (-1 until the first real element). An element wins when
/// it is strictly greater, or is the first real one of the window, so
/// ties keep the first element in row-major window order and padding never
/// wins.
struct MaxPoolIndicesLowering : OpConversionPattern<MaxPool2DIndicesOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MaxPool2DIndicesOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto outType = llvm::cast<RankedTensorType>(op.getType());
    auto inType = llvm::cast<RankedTensorType>(adaptor.getInput().getType());
    Type elt = inType.getElementType();
    bool isFloat = llvm::isa<FloatType>(elt);
    ArrayRef<int64_t> k = op.getKernel(), s = op.getStrides(),
                      d = op.getDilations(), pad = op.getPadding();
    int64_t channels = inType.getDimSize(1), h = inType.getDimSize(2),
            w = inType.getDimSize(3);
    int64_t needH = (outType.getDimSize(2) - 1) * s[0] + d[0] * (k[0] - 1) + 1;
    int64_t needW = (outType.getDimSize(3) - 1) * s[1] + d[1] * (k[1] - 1) + 1;
    Value lowest =
        isFloat
            ? scalarConstant(rewriter, loc, elt,
                             -std::numeric_limits<double>::infinity())
            : arith::ConstantOp::create(
                  rewriter, loc,
                  rewriter.getIntegerAttr(
                      elt,
                      APInt::getSignedMinValue(elt.getIntOrFloatBitWidth())));
    Value x = padSpatial(rewriter, loc, adaptor.getInput(), pad, needH, needW,
                         lowest);
    Value maxInit = filledTensor(rewriter, loc, outType.clone(elt), lowest);
    Value idxInit = filledTensor(
        rewriter, loc, outType,
        scalarConstant(rewriter, loc, outType.getElementType(), -1));

    MLIRContext *ctx = rewriter.getContext();
    AffineExpr n = getAffineDimExpr(0, ctx), c = getAffineDimExpr(1, ctx),
               oh = getAffineDimExpr(2, ctx), ow = getAffineDimExpr(3, ctx),
               kh = getAffineDimExpr(4, ctx), kw = getAffineDimExpr(5, ctx);
    AffineMap inMap = AffineMap::get(
        6, 0, {n, c, oh * s[0] + kh * d[0], ow * s[1] + kw * d[1]}, ctx);
    AffineMap outMap = AffineMap::get(6, 0, {n, c, oh, ow}, ctx);
    // The window shape operand (as in linalg's named pooling ops) makes the
    // loop bounds of kh and kw derivable from the operand shapes.
    Value window = tensor::EmptyOp::create(rewriter, loc, k, elt);
    AffineMap windowMap = AffineMap::get(6, 0, {kh, kw}, ctx);
    SmallVector<utils::IteratorType> iters = parallelIterators(4);
    iters.append(2, utils::IteratorType::reduction);
    bool columnMajor = op.getColumnMajor();
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{maxInit.getType(), outType},
        ValueRange{x, window}, ValueRange{maxInit, idxInit},
        ArrayRef<AffineMap>{inMap, windowMap, outMap, outMap}, iters,
        [&](OpBuilder &b, Location l, ValueRange args) {
          auto cst = [&](int64_t v) -> Value {
            return arith::ConstantIndexOp::create(b, l, v);
          };
          auto idx = [&](unsigned dim) -> Value {
            return linalg::IndexOp::create(b, l, dim);
          };
          auto mulAdd = [&](Value a, int64_t m, Value add) -> Value {
            Value p = arith::MulIOp::create(b, l, a, cst(m));
            return arith::AddIOp::create(b, l, p, add);
          };
          // Input position (row, col) of this window element.
          Value row = arith::SubIOp::create(
              b, l, mulAdd(idx(2), s[0], mulAdd(idx(4), d[0], cst(0))),
              cst(pad[0]));
          Value col = arith::SubIOp::create(
              b, l, mulAdd(idx(3), s[1], mulAdd(idx(5), d[1], cst(0))),
              cst(pad[1]));
          Value plane = mulAdd(idx(0), channels, idx(1));
          Value flat = columnMajor ? mulAdd(plane, h * w, mulAdd(col, h, row))
                                   : mulAdd(mulAdd(plane, h, row), w, col);
          auto cmp = [&](arith::CmpIPredicate p, Value a, Value v) -> Value {
            return arith::CmpIOp::create(b, l, p, a, v);
          };
          Value inside = arith::AndIOp::create(
              b, l,
              arith::AndIOp::create(
                  b, l, cmp(arith::CmpIPredicate::sge, row, cst(0)),
                  cmp(arith::CmpIPredicate::slt, row, cst(h))),
              arith::AndIOp::create(
                  b, l, cmp(arith::CmpIPredicate::sge, col, cst(0)),
                  cmp(arith::CmpIPredicate::slt, col, cst(w))));
          // A NaN beats every number (the first NaN wins), as max_pool2d's
          // maximumf propagates it.
          auto fcmp = [&](arith::CmpFPredicate p, Value a, Value v) -> Value {
            return arith::CmpFOp::create(b, l, p, a, v);
          };
          Value greater =
              isFloat
                  ? arith::OrIOp::create(
                        b, l, fcmp(arith::CmpFPredicate::OGT, args[0], args[2]),
                        arith::AndIOp::create(
                            b, l,
                            fcmp(arith::CmpFPredicate::UNO, args[0], args[0]),
                            fcmp(arith::CmpFPredicate::ORD, args[2], args[2])))
                        .getResult()
                  : cmp(arith::CmpIPredicate::sgt, args[0], args[2]);
          Value unset = arith::CmpIOp::create(
              b, l, arith::CmpIPredicate::eq, args[3],
              scalarConstant(b, l, args[3].getType(), -1));
          Value take = arith::OrIOp::create(
              b, l, greater, arith::AndIOp::create(b, l, unset, inside));
          take = arith::AndIOp::create(b, l, take, inside);
          Value flat64 =
              arith::IndexCastOp::create(b, l, args[3].getType(), flat);
          linalg::YieldOp::create(
              b, l,
              ValueRange{arith::SelectOp::create(b, l, take, args[0], args[2]),
                         arith::SelectOp::create(b, l, take, flat64, args[3])});
        });
    rewriter.replaceOp(op, generic.getResult(1));
    return success();
  }
};

/// Number of window positions counted along one dimension for output
/// index `o` (see the file comment).
int64_t windowCount(int64_t o, int64_t stride, int64_t kernel, int64_t size,
                    int64_t padBegin, int64_t padEnd, bool includePad) {
  int64_t start = o * stride - padBegin, end = start + kernel;
  if (includePad)
    return std::min(end, size + padEnd) - start;
  return std::min(end, size) - std::max<int64_t>(start, 0);
}

struct AvgPoolLowering : OpConversionPattern<AvgPool2DOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(AvgPool2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto outType = llvm::cast<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    auto inType = llvm::cast<RankedTensorType>(adaptor.getInput().getType());
    Type elt = outType.getElementType();
    ArrayRef<int64_t> k = op.getKernel(), s = op.getStrides(),
                      pad = op.getPadding();
    int64_t oh = outType.getDimSize(2), ow = outType.getDimSize(3);
    int64_t needH = (oh - 1) * s[0] + k[0], needW = (ow - 1) * s[1] + k[1];
    Value zero = scalarConstant(rewriter, loc, elt, 0);
    Value x =
        padSpatial(rewriter, loc, adaptor.getInput(), pad, needH, needW, zero);
    Value window = tensor::EmptyOp::create(rewriter, loc, k, elt);
    Value init = filledTensor(rewriter, loc, outType, zero);
    Value sum = linalg::PoolingNchwSumOp::create(
                    rewriter, loc, TypeRange{outType}, ValueRange{x, window},
                    ValueRange{init}, poolingAttrs(rewriter, s, {1, 1}))
                    .getResult(0);

    // Divisors per output position, known at compile time.
    bool includePad = op.getCountIncludePad();
    SmallVector<Attribute> counts;
    for (int64_t y = 0; y < oh; ++y)
      for (int64_t xo = 0; xo < ow; ++xo)
        counts.push_back(rewriter.getFloatAttr(
            elt, static_cast<double>(
                     windowCount(y, s[0], k[0], inType.getDimSize(2), pad[0],
                                 pad[2], includePad) *
                     windowCount(xo, s[1], k[1], inType.getDimSize(3), pad[1],
                                 pad[3], includePad))));
    auto countType = RankedTensorType::get({oh, ow}, elt);
    Value countTensor = arith::ConstantOp::create(
        rewriter, loc, countType, DenseElementsAttr::get(countType, counts));
    MLIRContext *ctx = rewriter.getContext();
    AffineMap id = AffineMap::getMultiDimIdentityMap(4, ctx);
    AffineMap spatial = AffineMap::get(
        4, 0, {getAffineDimExpr(2, ctx), getAffineDimExpr(3, ctx)}, ctx);
    Value result = buildElementwise(
        rewriter, loc, outType, {sum, countTensor}, {id, spatial},
        [](OpBuilder &b, Location l, ValueRange a) -> Value {
          return arith::DivFOp::create(b, l, a[0], a[1]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Reduces `x` with `combine` over `axes` (starting from `init`) into a
/// tensor without those dimensions.
Value reduce(OpBuilder &b, Location loc, Value x, ArrayRef<int64_t> axes,
             Value init,
             function_ref<Value(OpBuilder &, Location, Value, Value)> combine) {
  auto type = llvm::cast<RankedTensorType>(x.getType());
  SmallVector<int64_t> shape;
  SmallVector<AffineExpr> outExprs;
  SmallVector<utils::IteratorType> iters;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    bool reduced = llvm::is_contained(axes, d);
    iters.push_back(reduced ? utils::IteratorType::reduction
                            : utils::IteratorType::parallel);
    if (!reduced) {
      shape.push_back(type.getDimSize(d));
      outExprs.push_back(b.getAffineDimExpr(d));
    }
  }
  auto outType = RankedTensorType::get(shape, type.getElementType());
  Value acc = filledTensor(b, loc, outType, init);
  SmallVector<AffineMap> maps = {
      b.getMultiDimIdentityMap(type.getRank()),
      AffineMap::get(type.getRank(), 0, outExprs, b.getContext())};
  return linalg::GenericOp::create(
             b, loc, TypeRange{outType}, ValueRange{x}, ValueRange{acc}, maps,
             iters,
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               linalg::YieldOp::create(nb, nl,
                                       combine(nb, nl, args[0], args[1]));
             })
      .getResult(0);
}

struct GlobalAvgPoolLowering : OpConversionPattern<GlobalAvgPoolOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GlobalAvgPoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto outType = llvm::cast<RankedTensorType>(op.getType());
    auto inType = llvm::cast<RankedTensorType>(adaptor.getInput().getType());
    Type elt = outType.getElementType();
    Value sum = reduce(rewriter, loc, adaptor.getInput(), {2, 3},
                       scalarConstant(rewriter, loc, elt, 0),
                       [](OpBuilder &b, Location l, Value x, Value acc) {
                         return arith::AddFOp::create(b, l, acc, x);
                       });
    double count =
        static_cast<double>(inType.getDimSize(2) * inType.getDimSize(3));
    Value divisor = scalarConstant(rewriter, loc, elt, count);
    auto sumType = llvm::cast<RankedTensorType>(sum.getType());
    Value mean = buildElementwise(
        rewriter, loc, sumType, sum, rewriter.getMultiDimIdentityMap(2),
        [&](OpBuilder &b, Location l, ValueRange a) -> Value {
          return arith::DivFOp::create(b, l, a[0], divisor);
        });
    Value result = tensor::ExpandShapeOp::create(
        rewriter, loc, outType, mean,
        SmallVector<ReassociationIndices>{{0}, {1, 2, 3}});
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SoftmaxLowering : OpConversionPattern<SoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = llvm::cast<RankedTensorType>(op.getType());
    int64_t rank = type.getRank();
    int64_t axis = static_cast<int64_t>(op.getAxis());
    if (axis < 0)
      axis += rank;
    Type elt = type.getElementType();
    Value x = adaptor.getInput();
    Value lowest = scalarConstant(rewriter, loc, elt,
                                  -std::numeric_limits<double>::infinity());
    Value max = reduce(rewriter, loc, x, {axis}, lowest,
                       [](OpBuilder &b, Location l, Value v, Value acc) {
                         return arith::MaximumFOp::create(b, l, acc, v);
                       });
    MLIRContext *ctx = rewriter.getContext();
    AffineMap id = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap dropAxis = id.dropResult(axis);
    Value e =
        buildElementwise(rewriter, loc, type, {x, max}, {id, dropAxis},
                         [](OpBuilder &b, Location l, ValueRange a) -> Value {
                           Value shifted =
                               arith::SubFOp::create(b, l, a[0], a[1]);
                           return math::ExpOp::create(b, l, shifted);
                         });
    Value sum =
        reduce(rewriter, loc, e, {axis}, scalarConstant(rewriter, loc, elt, 0),
               [](OpBuilder &b, Location l, Value v, Value acc) {
                 return arith::AddFOp::create(b, l, acc, v);
               });
    Value result =
        buildElementwise(rewriter, loc, type, {e, sum}, {id, dropAxis},
                         [](OpBuilder &b, Location l, ValueRange a) -> Value {
                           return arith::DivFOp::create(b, l, a[0], a[1]);
                         });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct BatchNormLowering : OpConversionPattern<BatchNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BatchNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = llvm::cast<RankedTensorType>(op.getType());
    unsigned rank = type.getRank();
    MLIRContext *ctx = rewriter.getContext();
    AffineMap id = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap channel = axisMap(ctx, rank, 1);
    Value eps = scalarConstant(rewriter, loc, type.getElementType(),
                               op.getEpsilon().convertToDouble());
    Value result = buildElementwise(
        rewriter, loc, type,
        {adaptor.getInput(), adaptor.getScale(), adaptor.getBias(),
         adaptor.getMean(), adaptor.getVariance()},
        {id, channel, channel, channel, channel},
        [&](OpBuilder &b, Location l, ValueRange a) -> Value {
          Value var = arith::AddFOp::create(b, l, a[4], eps);
          Value inv = arith::DivFOp::create(b, l, a[1],
                                            math::SqrtOp::create(b, l, var));
          Value centered = arith::SubFOp::create(b, l, a[0], a[3]);
          Value scaled = arith::MulFOp::create(b, l, centered, inv);
          return arith::AddFOp::create(b, l, scaled, a[2]);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::qnn::lowering::populatePoolingPatterns(const TypeConverter &tc,
                                                  RewritePatternSet &p) {
  p.add<MaxPoolLowering, MaxPoolIndicesLowering, AvgPoolLowering,
        GlobalAvgPoolLowering, SoftmaxLowering, BatchNormLowering>(
      tc, p.getContext());
}
