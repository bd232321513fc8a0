//===- KernelLayout.cpp - run-time layout changes around the kernels -----===//
//
// The conv kernel of -quant-linear-kernels reads a zero-padded NHWC copy
// of its NCHW input and writes NHWC ([N][pixel][channel]) accumulators.
// Both layout changes are per-row transposes between [C][W] and [W][C].
// Written as element-wise linalg loops they are strided gathers (LLVM
// emits vpgatherdd or scalar code, as slow as a quarter of the conv
// itself); here they move V x V blocks through registers instead: V row
// loads, log2(V) rounds of V two-source shuffles (the perfect shuffle:
// zip row i with row i + V/2), V row stores.
//
//===----------------------------------------------------------------------===//

#include "CodegenUtils.h"
#include "LinearKernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::qnn::compiler;

namespace {

/// Transposes the V x V matrix whose rows are `rows` (V a power of two):
/// after log2(V) rounds of row'[2i] = zip_lo(row[i], row[i + V/2]),
/// row'[2i + 1] = zip_hi(...), row' = the columns.
SmallVector<Value> transposeBlock(OpBuilder &b, Location loc,
                                  SmallVector<Value> rows) {
  int64_t n = rows.size(), half = n / 2;
  SmallVector<int64_t> lo, hi;
  for (int64_t i = 0; i < half; ++i) {
    lo.append({i, n + i});
    hi.append({half + i, n + half + i});
  }
  for (int64_t step = 1; step < n; step *= 2) {
    SmallVector<Value> next(n);
    for (int64_t i = 0; i < half; ++i) {
      next[2 * i] =
          vector::ShuffleOp::create(b, loc, rows[i], rows[i + half], lo);
      next[2 * i + 1] =
          vector::ShuffleOp::create(b, loc, rows[i], rows[i + half], hi);
    }
    rows = std::move(next);
  }
  return rows;
}

Value padConstant(OpBuilder &b, Location loc, const Plan &pl) {
  // Padding holds code 0, i.e. 0x80 after the +128 of VNNI.
  Attribute zero =
      llvm::isa<FloatType>(pl.elem)
          ? Attribute(b.getFloatAttr(pl.elem, 0.0))
          : Attribute(b.getIntegerAttr(pl.elem, biasedU8(pl.kind) ? -128 : 0));
  return arith::ConstantOp::create(b, loc, llvm::cast<TypedAttr>(zero));
}

/// One input element (or vector) converted to the packed operand type.
Value convertInput(OpBuilder &b, Location loc, const Plan &pl, Value v) {
  Type inElt = getElementTypeOrSelf(v.getType());
  if (biasedU8(pl.kind)) {
    Attribute bias = b.getIntegerAttr(inElt, 0x80);
    if (auto vt = llvm::dyn_cast<VectorType>(v.getType()))
      bias = DenseElementsAttr::get(vt, bias);
    return arith::XOrIOp::create(
        b, loc, v, arith::ConstantOp::create(b, loc, cast<TypedAttr>(bias)));
  }
  if (pl.elem != inElt) {
    Type to = pl.elem;
    if (auto vt = llvm::dyn_cast<VectorType>(v.getType()))
      to = vt.clone(pl.elem);
    return arith::ExtSIOp::create(b, loc, to, v);
  }
  return v;
}

/// Elements per transpose block for `elem`: one vector register's worth,
/// at most 16 (bytes: 16 x 16 in xmm registers).
int64_t blockSize(const Plan &pl, Type elem) {
  int64_t bits = pl.lanes * 32;
  return std::min<int64_t>(16, bits / elem.getIntOrFloatBitWidth());
}

/// The element-wise form of the input packing: any shape (a GEMM's [M][K]
/// needs no transpose, channels not a multiple of the block do not fit
/// the vector form).
Value packInputGeneric(OpBuilder &b, Location loc, const Plan &pl, Value x) {
  const ConvShape &s = pl.s;
  auto xType = llvm::cast<RankedTensorType>(x.getType());
  Type inElt = xType.getElementType();
  MLIRContext *ctx = b.getContext();
  bool convert = pl.elem != inElt || biasedU8(pl.kind);
  Value nhwc = x;
  if (!s.gemm || convert) {
    // Output dims (n, h, w, c); a conv reads NCHW, a GEMM [M][K].
    AffineMap inMap =
        s.gemm
            ? AffineMap::get(
                  4, 0, {getAffineDimExpr(2, ctx), getAffineDimExpr(3, ctx)},
                  ctx)
            : AffineMap::getPermutationMap(ArrayRef<unsigned>{0, 3, 1, 2}, ctx);
    auto outType = RankedTensorType::get({s.n, s.h, s.w, s.c}, pl.elem);
    Value empty = tensor::EmptyOp::create(b, loc, outType.getShape(), pl.elem);
    SmallVector<utils::IteratorType> iters(4, utils::IteratorType::parallel);
    nhwc = linalg::GenericOp::create(
               b, loc, TypeRange{outType}, ValueRange{x}, ValueRange{empty},
               ArrayRef<AffineMap>{inMap, b.getMultiDimIdentityMap(4)}, iters,
               [&](OpBuilder &b, Location loc, ValueRange args) {
                 linalg::YieldOp::create(b, loc,
                                         convertInput(b, loc, pl, args[0]));
               })
               .getResult(0);
  } else {
    nhwc = tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get({1, 1, s.w, s.c}, inElt), x,
        SmallVector<ReassociationIndices>{{0, 1, 2}, {3}});
  }
  SmallVector<int64_t> low = {0, s.pt, s.pl, 0};
  SmallVector<int64_t> high = {0, s.pb, s.pr, pl.cp - s.c};
  if (llvm::any_of(high, [](int64_t v) { return v != 0; }) ||
      llvm::any_of(low, [](int64_t v) { return v != 0; })) {
    auto padded = RankedTensorType::get({s.n, pl.hp, pl.wp, pl.cp}, pl.elem);
    nhwc = tensor::PadOp::create(b, loc, padded, nhwc, indexAttrs(b, low),
                                 indexAttrs(b, high), padConstant(b, loc, pl));
  }
  return nhwc;
}

/// One channel row of i32 accumulators requantized by `r` (`scales`: the
/// per-channel scale tensor, null for one scale; `o`: the channel).
Value requantizeRow(OpBuilder &b, Location loc, const FusedRescale &r,
                    Value scales, Value o, Value row) {
  auto f32Type = llvm::cast<VectorType>(row.getType()).clone(b.getF32Type());
  Value scale;
  if (scales)
    scale = vector::BroadcastOp::create(
        b, loc, f32Type,
        tensor::ExtractOp::create(b, loc, scales, ValueRange{o}));
  else
    scale = arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(f32Type, b.getF32FloatAttr(r.scales.front())));
  return buildHalfEvenRescale32(b, loc, r.params, row, scale, r.elem);
}

} // namespace

/// Vector form (a conv with at least V channels): the padded buffer is
/// filled with the padding code, then for each image, block of V channels,
/// input row and block of V columns, V channel rows are read (columns past
/// W read as code 0), converted, transposed and stored as V pixels of V
/// channels. A partial
/// last column block stores only the pixels that land inside the row (its
/// extra pixels hold the padding code and fall on the right padding); a
/// partial last channel block reads code 0 for the channels past C and
/// stores only the channels inside the row of Cp. The partial transfers
/// become in-bounds moves in -quant-split-narrow-transfers.
Value mlir::qnn::compiler::packInput(OpBuilder &b, Location loc, const Plan &pl,
                                     Value x) {
  const ConvShape &s = pl.s;
  Type inElt = getElementTypeOrSelf(x.getType());
  int64_t v = blockSize(pl, pl.elem);
  // Fewer channels than a block (a network's RGB or grey input): the
  // transposes would mostly move zero rows; the element-wise copy is
  // contiguous enough there.
  if (s.gemm || s.c < v)
    return packInputGeneric(b, loc, pl, x);

  auto paddedType = RankedTensorType::get({s.n, pl.hp, pl.wp, pl.cp}, pl.elem);
  Value dest = tensor::EmptyOp::create(b, loc, paddedType.getShape(), pl.elem);
  dest = linalg::FillOp::create(b, loc, padConstant(b, loc, pl), dest)
             .getResult(0);
  auto inVec = VectorType::get({v}, inElt);
  Value zero = arith::ConstantOp::create(
      b, loc, llvm::cast<TypedAttr>(b.getZeroAttr(inElt)));
  int64_t fullCols = s.w / v * v, fullChannels = s.c / v * v;
  // Rows of channels past C (a partial last channel block) hold code 0.
  Value zeroRow = convertInput(
      b, loc, pl, vector::BroadcastOp::create(b, loc, inVec, zero));

  // V pixels of V channels starting at (n, y, x0, c0): `channels` channel
  // rows are read (whole when `fullRow`; else the columns past W read as
  // code 0), and `cols` pixels stored (a partial channel block stores only
  // the channels inside the padded row of Cp).
  auto block = [&](OpBuilder &b, Location loc, Value n, Value y, Value c0,
                   Value x0, int64_t channels, bool fullRow, int64_t cols,
                   Value acc) -> Value {
    SmallVector<Value> rows;
    for (int64_t i = 0; i < v; ++i) {
      if (i >= channels) {
        rows.push_back(zeroRow);
        continue;
      }
      Value c = arith::AddIOp::create(b, loc, c0, cIdx(b, loc, i));
      SmallVector<bool> flags(1, fullRow);
      Value row = vector::TransferReadOp::create(b, loc, inVec, x,
                                                 ValueRange{n, c, y, x0}, zero,
                                                 ArrayRef<bool>(flags));
      rows.push_back(convertInput(b, loc, pl, row));
    }
    rows = transposeBlock(b, loc, rows);
    Value py = arith::AddIOp::create(b, loc, y, cIdx(b, loc, s.pt));
    for (int64_t j = 0; j < cols; ++j) {
      Value px = arith::AddIOp::create(b, loc, x0, cIdx(b, loc, s.pl + j));
      acc = writeVector(b, loc, rows[j], acc, ValueRange{n, py, px, c0},
                        /*inBounds=*/channels == v);
    }
    return acc;
  };

  // Columns of the last block that still fall inside the padded row.
  int64_t tailCols = std::min(v, s.w + s.pr - fullCols);
  // One channel block (`channels` rows from c0) over every input row.
  auto channelBlock = [&](OpBuilder &b, Location loc, Value n, Value c0,
                          int64_t channels, Value acc) {
    return forEach(
        b, loc, 0, s.h, 1, acc,
        [&](OpBuilder &b, Location loc, Value y, Value acc) {
          acc = forEach(b, loc, 0, fullCols, v, acc,
                        [&](OpBuilder &b, Location loc, Value x0, Value acc) {
                          return block(b, loc, n, y, c0, x0, channels,
                                       /*fullRow=*/true, v, acc);
                        });
          if (fullCols < s.w)
            acc = block(b, loc, n, y, c0, cIdx(b, loc, fullCols), channels,
                        /*fullRow=*/false, tailCols, acc);
          return acc;
        });
  };
  return forEach(b, loc, 0, s.n, 1, dest,
                 [&](OpBuilder &b, Location loc, Value n, Value acc) {
                   acc = forEach(
                       b, loc, 0, fullChannels, v, acc,
                       [&](OpBuilder &b, Location loc, Value c0, Value acc) {
                         return channelBlock(b, loc, n, c0, v, acc);
                       });
                   if (fullChannels < s.c)
                     acc = channelBlock(b, loc, n, cIdx(b, loc, fullChannels),
                                        s.c - fullChannels, acc);
                   return acc;
                 });
}

/// For each image, block of L pixels and block of L output channels: L
/// accumulator rows (pixels) are read, transposed and stored as L channel
/// rows of the [N][O][P] result. The accumulator tensor has whole pixel
/// blocks (prow rows per image), so only the stores of a partial last
/// pixel block are masked; a partial last channel block stores fewer rows.
Value mlir::qnn::compiler::unpackOutput(OpBuilder &b, Location loc,
                                        const Plan &pl, Value out,
                                        RankedTensorType type,
                                        const FusedRescale *rescale) {
  const ConvShape &s = pl.s;
  int64_t l = pl.lanes;
  assert(pl.prow % l == 0 && "accumulator rows are whole blocks");
  auto vecType = VectorType::get({l}, pl.acc);
  Value res =
      tensor::EmptyOp::create(b, loc, {s.n, s.o, pl.p}, type.getElementType());
  Value scales;
  if (rescale && rescale->scales.size() > 1)
    scales = arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(RankedTensorType::get({s.o}, b.getF32Type()),
                               ArrayRef<float>(rescale->scales)));
  int64_t fullPix = pl.p / l * l, fullCh = s.o / l * l;

  auto block = [&](OpBuilder &b, Location loc, Value n, Value p0, Value o0,
                   int64_t channels, bool inBounds, Value acc) -> Value {
    Value rowBase = mulAdd(b, loc, n, pl.prow, p0);
    SmallVector<Value> rows;
    for (int64_t i = 0; i < l; ++i) {
      Value row = arith::AddIOp::create(b, loc, rowBase, cIdx(b, loc, i));
      rows.push_back(
          readVector(b, loc, vecType, out, mulAdd(b, loc, row, pl.op, o0)));
    }
    rows = transposeBlock(b, loc, rows);
    for (int64_t j = 0; j < channels; ++j) {
      Value o = arith::AddIOp::create(b, loc, o0, cIdx(b, loc, j));
      if (rescale)
        rows[j] = requantizeRow(b, loc, *rescale, scales, o, rows[j]);
      acc = writeVector(b, loc, rows[j], acc, ValueRange{n, o, p0}, inBounds);
    }
    return acc;
  };
  // All channel blocks of the pixel block at p0.
  auto pixelBlock = [&](OpBuilder &b, Location loc, Value n, Value p0,
                        bool inBounds, Value acc) -> Value {
    acc = forEach(b, loc, 0, fullCh, l, acc,
                  [&](OpBuilder &b, Location loc, Value o0, Value acc) {
                    return block(b, loc, n, p0, o0, l, inBounds, acc);
                  });
    if (fullCh < s.o)
      acc = block(b, loc, n, p0, cIdx(b, loc, fullCh), s.o - fullCh, inBounds,
                  acc);
    return acc;
  };
  res = forEach(
      b, loc, 0, s.n, 1, res,
      [&](OpBuilder &b, Location loc, Value n, Value acc) {
        acc = forEach(b, loc, 0, fullPix, l, acc,
                      [&](OpBuilder &b, Location loc, Value p0, Value acc) {
                        return pixelBlock(b, loc, n, p0, true, acc);
                      });
        if (fullPix < pl.p)
          acc = pixelBlock(b, loc, n, cIdx(b, loc, fullPix), false, acc);
        return acc;
      });
  return tensor::ExpandShapeOp::create(
      b, loc, type, res, SmallVector<ReassociationIndices>{{0}, {1}, {2, 3}});
}
