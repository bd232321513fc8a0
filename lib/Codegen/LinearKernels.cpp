//===- LinearKernels.cpp - packed-weight conv / GEMM microkernels --------===//
//
// Implements -quant-linear-kernels (see Passes.td). A conv2d (one group),
// fully_connected or 2-D matmul with constant weights becomes, on tensors:
//
//   xp  = pack(x)        NCHW -> zero-padded [N][Hp][Wp][Cp], converted to
//                        the dot's operand type (i8 + 128 as u8 for VNNI
//                        and pmaddubsw, i16 for pmaddwd)
//   wp  = constant       [Op/L][KH*KW*Cp/g][L][g], K ordered (ky, kx, c);
//                        the nv blocks of a tile's channel group are
//                        interleaved per reduction step (one stream)
//   out = tiles          for n, output-channel block (nv vectors of L),
//                        MR output pixels: MR x nv accumulators start at
//                        the bias and run over ky, kx, c/g with one weight
//                        load per vector and one broadcast per pixel
//   y   = unpack(out)    [N][P][Op] -> NCHW (a GEMM's [M][Op] is its result)
//
// pack and unpack (KernelLayout.cpp) move V x V blocks through registers.
// A GEMM is the 1x1 convolution of a 1 x M image with K channels. The
// accumulator tile is written once per reduction block (the whole
// reduction unless a channel group's weights outgrow the cache budget).
//
//===----------------------------------------------------------------------===//

#include "LinearKernels.h"
#include "CodegenUtils.h"
#include "quant/Codegen/Passes.h"
#include "quant/Dialect/QNN/IR/QNN.h"
#include "quant/Support/Numerics.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Matchers.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_QUANTLINEARKERNELS
#include "quant/Codegen/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn::compiler;

/// a * k + c on index values (k, c constants).
Value mlir::qnn::compiler::mulAdd(OpBuilder &b, Location loc, Value a,
                                  int64_t k, Value c) {
  Value m = k == 1 ? a : arith::MulIOp::create(b, loc, a, cIdx(b, loc, k));
  return c ? arith::AddIOp::create(b, loc, m, c).getResult() : m;
}

ConvShape mlir::qnn::compiler::convShapeOf(qnn::Conv2DOp op) {
  auto xType = llvm::cast<RankedTensorType>(op.getInput().getType());
  auto wType = llvm::cast<RankedTensorType>(op.getWeight().getType());
  auto yType = llvm::cast<RankedTensorType>(op.getResult().getType());
  ConvShape s;
  s.n = xType.getDimSize(0);
  s.c = xType.getDimSize(1);
  s.h = xType.getDimSize(2);
  s.w = xType.getDimSize(3);
  s.o = wType.getDimSize(0);
  s.kh = wType.getDimSize(2);
  s.kw = wType.getDimSize(3);
  s.sy = op.getStrides()[0];
  s.sx = op.getStrides()[1];
  s.dy = op.getDilations()[0];
  s.dx = op.getDilations()[1];
  ArrayRef<int64_t> pad = op.getPadding();
  s.pt = pad[0];
  s.pl = pad[1];
  s.pb = pad[2];
  s.pr = pad[3];
  s.oh = yType.getDimSize(2);
  s.ow = yType.getDimSize(3);
  return s;
}

ConvShape mlir::qnn::compiler::gemmShapeOf(Value x, Value w, bool transposed) {
  auto xType = llvm::cast<RankedTensorType>(x.getType());
  auto wType = llvm::cast<RankedTensorType>(w.getType());
  ConvShape s;
  s.gemm = true;
  s.w = s.ow = xType.getDimSize(0);
  s.c = xType.getDimSize(1);
  s.o = transposed ? wType.getDimSize(0) : wType.getDimSize(1);
  return s;
}

bool mlir::qnn::compiler::isEmptyShape(const ConvShape &s) {
  return llvm::any_of(
      ArrayRef<int64_t>{s.n, s.c, s.h, s.w, s.o, s.kh, s.kw, s.oh, s.ow},
      [](int64_t d) { return d <= 0; });
}

std::vector<double> mlir::qnn::compiler::weightsAsOI(const ConvShape &s,
                                                     std::vector<double> w,
                                                     bool transposed) {
  if (transposed)
    return w;
  std::vector<double> oi(w.size()); // [K][O] -> [O][K]
  for (int64_t k = 0; k < s.c; ++k)
    for (int64_t o = 0; o < s.o; ++o)
      oi[o * s.c + k] = w[k * s.o + o];
  return oi;
}

void mlir::qnn::compiler::windowOrigins(OpBuilder &b, Location loc,
                                        const ConvShape &s, Value p, int64_t mr,
                                        SmallVectorImpl<Value> &rows,
                                        SmallVectorImpl<Value> &cols) {
  for (int64_t m = 0; m < mr; ++m) {
    Value q = arith::AddIOp::create(b, loc, p, cIdx(b, loc, m));
    Value oy = arith::DivUIOp::create(b, loc, q, cIdx(b, loc, s.ow));
    Value ox = arith::RemUIOp::create(b, loc, q, cIdx(b, loc, s.ow));
    rows.push_back(mulAdd(b, loc, oy, s.sy, Value()));
    cols.push_back(mulAdd(b, loc, ox, s.sx, Value()));
  }
}

void mlir::qnn::compiler::forEachLinearOp(
    Operation *root, function_ref<bool(Operation *)> filter,
    function_ref<void(qnn::Conv2DOp)> conv,
    function_ref<void(Operation *, Value, Value, Value, bool)> gemm) {
  SmallVector<Operation *> ops;
  root->walk([&](Operation *op) {
    if (llvm::isa<qnn::Conv2DOp, qnn::FullyConnectedOp, qnn::MatMulOp>(op) &&
        filter(op))
      ops.push_back(op);
  });
  for (Operation *op : ops) {
    if (auto c = llvm::dyn_cast<qnn::Conv2DOp>(op))
      conv(c);
    else if (auto fc = llvm::dyn_cast<qnn::FullyConnectedOp>(op))
      gemm(op, fc.getInput(), fc.getWeight(), fc.getBias(),
           /*transposed=*/true);
    else if (auto mm = llvm::dyn_cast<qnn::MatMulOp>(op))
      gemm(op, mm.getLhs(), mm.getRhs(), Value(), /*transposed=*/false);
  }
}

SmallVector<OpFoldResult>
mlir::qnn::compiler::indexAttrs(OpBuilder &b, ArrayRef<int64_t> values) {
  return llvm::map_to_vector(
      values, [&](int64_t v) -> OpFoldResult { return b.getIndexAttr(v); });
}

namespace {

Value callIntrinsic(OpBuilder &b, Location loc, Type type, StringRef name,
                    ValueRange args) {
  return LLVM::CallIntrinsicOp::create(b, loc, type, b.getStringAttr(name),
                                       args)
      .getResult(0);
}

/// The activation operand of one dot step at input position `pos` (n, y,
/// x, c of the packed input): a broadcast of `depth` consecutive channels.
/// The packed input keeps its 4-D shape: loads from a collapsed view would
/// delinearize every index (div / rem in the inner loop).
Value loadActivation(OpBuilder &b, Location loc, const Plan &pl,
                     ValueRange pos) {
  auto i32 = b.getI32Type();
  auto accVec = VectorType::get({pl.lanes}, pl.acc);
  if (pl.depth == 1) {
    Value v = tensor::ExtractOp::create(b, loc, pl.x, pos);
    if (pl.kind == DotKind::Int32)
      v = arith::ExtSIOp::create(b, loc, i32, v);
    return vector::BroadcastOp::create(b, loc, accVec, v);
  }
  // depth elements form one i32 that every lane gets.
  Value group =
      readVector(b, loc, VectorType::get({pl.depth}, pl.elem), pl.x, pos);
  group = vector::BitCastOp::create(b, loc, VectorType::get({1}, i32), group);
  Value word = vector::ExtractOp::create(b, loc, group, ArrayRef<int64_t>{0});
  return vector::BroadcastOp::create(b, loc, VectorType::get({pl.lanes}, i32),
                                     word);
}

/// The weight operand of one dot step for vector `v` of the block.
Value loadWeights(OpBuilder &b, Location loc, const Plan &pl, Value pos) {
  Value w = readVector(b, loc, VectorType::get({pl.lanes * pl.depth}, pl.elem),
                       pl.w, pos);
  auto i32Vec = VectorType::get({pl.lanes}, b.getI32Type());
  switch (pl.kind) {
  case DotKind::Float:
    return w;
  case DotKind::Int32:
    return arith::ExtSIOp::create(b, loc, i32Vec, w);
  case DotKind::VNNI:
  case DotKind::MAddUBSW:
  case DotKind::PMAddWD:
    return w;
  }
  llvm_unreachable("dot kind");
}

/// acc + the dot products of adjacent groups of `depth` lanes of a and w,
/// in portable vector ops: each operand widened to i32 (a zero-extended
/// when `unsignedA`: vpdpbusd's u8 operand), multiplied, and each group
/// summed into its accumulator lane. This is what vpdpbusd and pmaddwd
/// compute (neither can overflow here: the operands come from 8-bit codes).
Value emitPortableDot(OpBuilder &b, Location loc, Value acc, Value a, Value w,
                      int64_t depth, Type elem, bool unsignedA) {
  auto accType = llvm::cast<VectorType>(acc.getType());
  int64_t lanes = accType.getNumElements();
  auto narrow = VectorType::get({lanes * depth}, elem);
  auto wide = VectorType::get({lanes * depth}, b.getI32Type());
  auto asNarrow = [&](Value v) -> Value {
    return v.getType() == narrow
               ? v
               : vector::BitCastOp::create(b, loc, narrow, v).getResult();
  };
  a = asNarrow(a);
  w = asNarrow(w);
  Value a32 = unsignedA ? arith::ExtUIOp::create(b, loc, wide, a).getResult()
                        : arith::ExtSIOp::create(b, loc, wide, a).getResult();
  Value w32 = arith::ExtSIOp::create(b, loc, wide, w);
  Value prod = arith::MulIOp::create(b, loc, a32, w32);
  prod = vector::ShapeCastOp::create(
      b, loc, VectorType::get({lanes, depth}, b.getI32Type()), prod);
  return vector::MultiDimReductionOp::create(b, loc, prod, acc,
                                             ArrayRef<bool>{false, true},
                                             vector::CombiningKind::ADD);
}

/// The pmaddwd intrinsic for `lanes` i32 results.
StringRef pmaddwdName(int64_t lanes) {
  return lanes == 16  ? "llvm.x86.avx512.pmaddw.d.512"
         : lanes == 8 ? "llvm.x86.avx2.pmadd.wd"
                      : "llvm.x86.sse2.pmadd.wd";
}

/// acc + a . w for one vector of accumulators.
Value emitDot(OpBuilder &b, Location loc, const Plan &pl, Value acc, Value a,
              Value w) {
  if (pl.emulate && biasedU8(pl.kind))
    return emitPortableDot(b, loc, acc, a, w, 4, b.getI8Type(), true);
  if (pl.emulate && pl.kind == DotKind::PMAddWD)
    return emitPortableDot(b, loc, acc, a, w, 2, b.getI16Type(), false);
  switch (pl.kind) {
  case DotKind::Float:
    return vector::FMAOp::create(b, loc, a, w, acc);
  case DotKind::Int32:
    return arith::AddIOp::create(b, loc, acc,
                                 arith::MulIOp::create(b, loc, a, w));
  case DotKind::VNNI: {
    // LLVM 22 declares the byte operands as <64 x i8> (<32 x i8>).
    Value a8 = vector::BitCastOp::create(
        b, loc, VectorType::get({4 * pl.lanes}, b.getI8Type()), a);
    StringRef name = pl.lanes == 16 ? "llvm.x86.avx512.vpdpbusd.512"
                                    : "llvm.x86.avx512.vpdpbusd.256";
    return callIntrinsic(b, loc, acc.getType(), name, {acc, a8, w});
  }
  case DotKind::PMAddWD: {
    auto pairs = VectorType::get({2 * pl.lanes}, b.getI16Type());
    Value a16 = vector::BitCastOp::create(b, loc, pairs, a);
    Value prod =
        callIntrinsic(b, loc, acc.getType(), pmaddwdName(pl.lanes), {a16, w});
    return arith::AddIOp::create(b, loc, acc, prod);
  }
  case DotKind::MAddUBSW: {
    // u8 x s8 pairs summed to i16 (exact: the weights were checked by
    // maddubsExact), then the two i16 of each lane's quadruple summed to
    // i32 by pmaddwd with ones. Three uops per 4L MACs, against pmaddwd's
    // four on i16 operands of half the depth.
    auto bytes = VectorType::get({4 * pl.lanes}, b.getI8Type());
    auto pairs = VectorType::get({2 * pl.lanes}, b.getI16Type());
    Value a8 = vector::BitCastOp::create(b, loc, bytes, a);
    StringRef name = pl.lanes == 16  ? "llvm.x86.avx512.pmaddubs.w.512"
                     : pl.lanes == 8 ? "llvm.x86.avx2.pmadd.ub.sw"
                                     : "llvm.x86.ssse3.pmadd.ub.sw.128";
    Value sums = callIntrinsic(b, loc, pairs, name, {a8, w});
    Value ones = arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(pairs, b.getI16IntegerAttr(1)));
    Value prod = callIntrinsic(b, loc, acc.getType(), pmaddwdName(pl.lanes),
                               {sums, ones});
    return arith::AddIOp::create(b, loc, acc, prod);
  }
  }
  llvm_unreachable("dot kind");
}

/// One mr x nv tile: pixels [p, p + mr) of image n, output channels
/// [ob * L, (ob + nv) * L), channel steps [cFrom, cTo) of every tap: the
/// accumulators start at the bias for the `first` reduction block, else at
/// the partial sums in `out`. Returns `out` with the tile written.
Value emitTile(OpBuilder &b, Location loc, const Plan &pl, int64_t mr,
               int64_t nv, Value n, Value p, Value ob, Value cFrom, Value cTo,
               bool first, Value out) {
  const ConvShape &s = pl.s;
  // Input row and column of each pixel's (ky, kx) = (0, 0) tap.
  SmallVector<Value> rows, cols;
  windowOrigins(b, loc, s, p, mr, rows, cols);
  // Position of accumulator (m, v) in the [N][prow][Op] output.
  Value rowBase = mulAdd(b, loc, n, pl.prow, p);
  auto outPos = [&](int64_t m, int64_t v) {
    Value row = mulAdd(b, loc, rowBase, 1, cIdx(b, loc, m));
    Value o = mulAdd(b, loc, ob, pl.lanes, cIdx(b, loc, v * pl.lanes));
    return mulAdd(b, loc, row, pl.op, o);
  };
  auto accVec = VectorType::get({pl.lanes}, pl.acc);
  SmallVector<Value> init(mr * nv);
  for (int64_t v = 0; v < nv; ++v) {
    Value o = mulAdd(b, loc, ob, pl.lanes, cIdx(b, loc, v * pl.lanes));
    Value bv = first ? readVector(b, loc, accVec, pl.bias, o) : Value();
    for (int64_t m = 0; m < mr; ++m)
      init[m * nv + v] =
          bv ? bv : readVector(b, loc, accVec, out, outPos(m, v));
  }

  int64_t panel = pl.lanes * pl.depth;
  Value c0 = cIdx(b, loc, 0), c1 = cIdx(b, loc, 1);
  auto kyLoop = scf::ForOp::create(
      b, loc, c0, cIdx(b, loc, s.kh), c1, init,
      [&](OpBuilder &b, Location loc, Value ky, ValueRange accs) {
        auto kxLoop = scf::ForOp::create(
            b, loc, c0, cIdx(b, loc, s.kw), c1, accs,
            [&](OpBuilder &b, Location loc, Value kx, ValueRange accs) {
              Value dyOff = mulAdd(b, loc, ky, s.dy, Value());
              Value dxOff = mulAdd(b, loc, kx, s.dx, Value());
              SmallVector<Value> iy, ix;
              for (int64_t m = 0; m < mr; ++m) {
                iy.push_back(arith::AddIOp::create(b, loc, rows[m], dyOff));
                ix.push_back(arith::AddIOp::create(b, loc, cols[m], dxOff));
              }
              Value tapW = mulAdd(b, loc, mulAdd(b, loc, ky, s.kw, kx),
                                  pl.cp / pl.depth, Value());
              auto cLoop = scf::ForOp::create(
                  b, loc, cFrom, cTo, c1, accs,
                  [&](OpBuilder &b, Location loc, Value c, ValueRange accs) {
                    Value k = arith::AddIOp::create(b, loc, tapW, c);
                    SmallVector<Value> ws;
                    // With pl.interleave the nv panels of a block group are
                    // interleaved per reduction step: one weight stream.
                    Value step = pl.interleave
                                     ? mulAdd(b, loc, ob, pl.kq,
                                              mulAdd(b, loc, k, nv, Value()))
                                     : mulAdd(b, loc, ob, pl.kq, k);
                    int64_t vStride = pl.interleave ? panel : pl.kq * panel;
                    for (int64_t v = 0; v < nv; ++v) {
                      Value pos = mulAdd(b, loc, step, panel,
                                         cIdx(b, loc, v * vStride));
                      ws.push_back(loadWeights(b, loc, pl, pos));
                    }
                    Value ch = mulAdd(b, loc, c, pl.depth, Value());
                    SmallVector<Value> next(accs.begin(), accs.end());
                    for (int64_t m = 0; m < mr; ++m) {
                      Value a =
                          loadActivation(b, loc, pl, {n, iy[m], ix[m], ch});
                      for (int64_t v = 0; v < nv; ++v)
                        next[m * nv + v] =
                            emitDot(b, loc, pl, next[m * nv + v], a, ws[v]);
                    }
                    scf::YieldOp::create(b, loc, next);
                  });
              scf::YieldOp::create(b, loc, cLoop.getResults());
            });
        scf::YieldOp::create(b, loc, kxLoop.getResults());
      });

  for (int64_t m = 0; m < mr; ++m)
    for (int64_t v = 0; v < nv; ++v)
      out =
          writeVector(b, loc, kyLoop.getResult(m * nv + v), out, outPos(m, v));
  return out;
}

/// All tiles of the output, as loops over images, channel blocks, reduction
/// blocks and pixel blocks (remainders get their own, narrower tiles).
Value emitTiles(OpBuilder &b, Location loc, const Plan &pl, Value out) {
  int64_t blocks = pl.op / pl.lanes;
  int64_t fullBlocks = blocks / pl.nv * pl.nv, restNv = blocks % pl.nv;
  int64_t fullPix = pl.p / pl.mr * pl.mr, restMr = pl.p % pl.mr;
  int64_t cq = pl.cp / pl.depth;
  return forEach(
      b, loc, 0, pl.s.n, 1, out,
      [&](OpBuilder &b, Location loc, Value n, Value cur) {
        // Channel blocks [from, to) in groups of nv, all pixels of
        // each.
        auto channelBlocks = [&](int64_t from, int64_t to, int64_t nv,
                                 Value cur) {
          return forEach(
              b, loc, from, to, nv, cur,
              [&](OpBuilder &b, Location loc, Value ob, Value acc) {
                // All pixel tiles over channel steps [from, to).
                auto pixelTiles = [&](OpBuilder &b, Location loc, Value from,
                                      Value to, bool first, Value acc) {
                  acc = forEach(
                      b, loc, 0, fullPix, pl.mr, acc,
                      [&](OpBuilder &b, Location loc, Value p, Value acc) {
                        return emitTile(b, loc, pl, pl.mr, nv, n, p, ob, from,
                                        to, first, acc);
                      });
                  if (restMr > 0)
                    acc = emitTile(b, loc, pl, restMr, nv, n,
                                   cIdx(b, loc, fullPix), ob, from, to, first,
                                   acc);
                  return acc;
                };
                // The first reduction block starts at the bias,
                // the others (a loop) at the partial sums.
                acc = pixelTiles(b, loc, cIdx(b, loc, 0),
                                 cIdx(b, loc, pl.cBlock), true, acc);
                if (pl.cBlock >= cq)
                  return acc;
                return forEach(
                    b, loc, pl.cBlock, cq, pl.cBlock, acc,
                    [&](OpBuilder &b, Location loc, Value from, Value acc) {
                      Value to = arith::MinUIOp::create(
                          b, loc,
                          mulAdd(b, loc, from, 1, cIdx(b, loc, pl.cBlock)),
                          cIdx(b, loc, cq));
                      return pixelTiles(b, loc, from, to, false, acc);
                    });
              });
        };
        cur = channelBlocks(0, fullBlocks, pl.nv, cur);
        return channelBlocks(fullBlocks, blocks, restNv, cur);
      });
}

/// Weights as doubles (exact for i8 / f32) in OIHW order.
struct Weights {
  std::vector<double> v;
  double at(const ConvShape &s, int64_t o, int64_t c, int64_t ky,
            int64_t kx) const {
    return v[((o * s.c + c) * s.kh + ky) * s.kw + kx];
  }
};

/// Packed weights (groups of nv blocks of L channels, [Kq][nv][L][g] per
/// group) and the padded bias (with the VNNI correction -128 * sum_k w)
/// as constants / tensors.
void packWeights(OpBuilder &b, Location loc, Plan &pl, const Weights &wt,
                 Value bias) {
  const ConvShape &s = pl.s;
  int64_t total = pl.op * pl.kq * pl.depth;
  std::vector<double> packed(total, 0.0);
  std::vector<double> correction(pl.op, 0.0);
  for (int64_t o = 0; o < s.o; ++o) {
    // Blocks of L channels form groups of nv (the last group: the rest),
    // whose panels are interleaved per reduction step (see emitTile).
    int64_t blk = o / pl.lanes, l = o % pl.lanes;
    int64_t fullBlocks = pl.op / pl.lanes / pl.nv * pl.nv;
    int64_t group = blk < fullBlocks ? pl.nv : pl.op / pl.lanes - fullBlocks;
    int64_t first = blk < fullBlocks ? blk / pl.nv * pl.nv : fullBlocks;
    if (!pl.interleave) {
      group = 1;
      first = blk;
    }
    for (int64_t ky = 0; ky < s.kh; ++ky)
      for (int64_t kx = 0; kx < s.kw; ++kx)
        for (int64_t c = 0; c < s.c; ++c) {
          double w = wt.at(s, o, c, ky, kx);
          int64_t k = (ky * s.kw + kx) * pl.cp + c;
          int64_t kq = k / pl.depth, j = k % pl.depth;
          int64_t panel = first * pl.kq + kq * group + (blk - first);
          packed[(panel * pl.lanes + l) * pl.depth + j] = w;
          correction[o] -= 128.0 * w;
        }
  }
  auto flat = RankedTensorType::get({total}, pl.elem);
  DenseElementsAttr attr;
  if (llvm::isa<FloatType>(pl.elem)) {
    std::vector<float> f(packed.begin(), packed.end());
    attr = DenseElementsAttr::get(flat, ArrayRef<float>(f));
  } else if (pl.elem.isInteger(16)) {
    std::vector<int16_t> i(packed.begin(), packed.end());
    attr = DenseElementsAttr::get(flat, ArrayRef<int16_t>(i));
  } else {
    std::vector<int8_t> i(packed.begin(), packed.end());
    attr = DenseElementsAttr::get(flat, ArrayRef<int8_t>(i));
  }
  pl.w = arith::ConstantOp::create(b, loc, attr);

  // Bias: constant folded, else padded at run time and corrected.
  auto biasType = RankedTensorType::get({pl.op}, pl.acc);
  bool isFloat = llvm::isa<FloatType>(pl.acc);
  std::vector<double> base(pl.op, 0.0);
  if (biasedU8(pl.kind))
    base = correction;
  DenseElementsAttr biasAttr;
  if (bias && matchPattern(bias, m_Constant(&biasAttr))) {
    int64_t o = 0;
    if (isFloat)
      for (APFloat f : biasAttr.getValues<APFloat>())
        base[o++] += f.convertToFloat();
    else
      for (APInt i : biasAttr.getValues<APInt>())
        base[o++] += static_cast<double>(i.getSExtValue());
    bias = Value();
  }
  DenseElementsAttr baseAttr;
  if (isFloat) {
    std::vector<float> f(base.begin(), base.end());
    baseAttr = DenseElementsAttr::get(biasType, ArrayRef<float>(f));
  } else {
    std::vector<int32_t> i(base.size());
    for (size_t k = 0; k < base.size(); ++k)
      i[k] = static_cast<int32_t>(static_cast<int64_t>(base[k]));
    baseAttr = DenseElementsAttr::get(biasType, ArrayRef<int32_t>(i));
  }
  pl.bias = arith::ConstantOp::create(b, loc, baseAttr);
  if (!bias)
    return;
  // Run-time bias: pad to Op, add the constant part.
  auto bType = llvm::cast<RankedTensorType>(bias.getType());
  if (bType.getRank() != 1)
    bias = tensor::CollapseShapeOp::create(
        b, loc, bias,
        SmallVector<ReassociationIndices>{
            llvm::to_vector(llvm::seq<int64_t>(0, bType.getRank()))});
  if (pl.op != s.o) {
    Value zero = arith::ConstantOp::create(
        b, loc,
        llvm::cast<TypedAttr>(isFloat
                                  ? Attribute(b.getFloatAttr(pl.acc, 0.0))
                                  : Attribute(b.getIntegerAttr(pl.acc, 0))));
    bias = tensor::PadOp::create(b, loc, biasType, bias, indexAttrs(b, {0}),
                                 indexAttrs(b, {pl.op - s.o}), zero);
  }
  Value empty = tensor::EmptyOp::create(b, loc, {pl.op}, pl.acc);
  AffineMap id = b.getMultiDimIdentityMap(1);
  pl.bias = linalg::GenericOp::create(
                b, loc, TypeRange{biasType}, ValueRange{bias, pl.bias},
                ValueRange{empty}, ArrayRef<AffineMap>{id, id, id},
                ArrayRef<utils::IteratorType>{utils::IteratorType::parallel},
                [&](OpBuilder &b, Location loc, ValueRange args) {
                  Value sum =
                      isFloat ? arith::AddFOp::create(b, loc, args[0], args[1])
                                    .getResult()
                              : arith::AddIOp::create(b, loc, args[0], args[1])
                                    .getResult();
                  linalg::YieldOp::create(b, loc, sum);
                })
                .getResult(0);
}

/// The dense constant behind `v` as doubles, if any.
std::optional<std::vector<double>> constantValues(Value v) {
  DenseElementsAttr attr;
  if (!v || !matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  std::vector<double> out;
  out.reserve(attr.getNumElements());
  if (llvm::isa<FloatType>(attr.getElementType()))
    for (APFloat f : attr.getValues<APFloat>())
      out.push_back(f.convertToDouble());
  else
    for (APInt i : attr.getValues<APInt>())
      out.push_back(static_cast<double>(i.getSExtValue()));
  return out;
}

bool isStatic(Value v, int64_t rank) {
  auto t = llvm::dyn_cast<RankedTensorType>(v.getType());
  return t && t.hasStaticShape() && t.getRank() == rank;
}

Type elementType(Value v) { return getElementTypeOrSelf(v.getType()); }

/// The weights of `op` (input `x`, weights `w`) as doubles if the kernel
/// can take it: `x`, `w` and the result static tensors of rank `rank`, `w`
/// constant and of `x`'s element type.
std::optional<std::vector<double>> kernelWeights(Operation *op, Value x,
                                                 Value w, int64_t rank) {
  if (!isStatic(x, rank) || !isStatic(w, rank) ||
      !isStatic(op->getResult(0), rank) || elementType(w) != elementType(x))
    return std::nullopt;
  return constantValues(w);
}

/// The qnn.rescale that is the only user of the i32 conv result `op` (o
/// output channels) if the unpacking can apply it (a half_even rescale in
/// 32-bit arithmetic, see getHalfEvenRescale32, per tensor or per output
/// channel, to at most 16 bits); its parameters go to `fused`.
qnn::RescaleOp fusableRescale(Operation *op, int64_t o, FusedRescale &fused) {
  Value acc = op->getResult(0);
  if (!elementType(acc).isInteger(32) || !acc.hasOneUse())
    return {};
  auto r = llvm::dyn_cast<qnn::RescaleOp>(*acc.getUsers().begin());
  if (!r)
    return {};
  std::optional<qnn::HalfEvenRescale32> params =
      qnn::getHalfEvenRescale32(r, elementType(acc));
  auto type = llvm::dyn_cast<RankedTensorType>(r.getType());
  if (!params || !type ||
      type.getShape() != llvm::cast<ShapedType>(acc.getType()).getShape())
    return {};
  Type elem = type.getElementType();
  if (!elem.isSignlessInteger() || elem.getIntOrFloatBitWidth() > 16)
    return {};
  size_t scales = r.getScale()->size();
  std::optional<uint64_t> axis = r.getAxis();
  if (axis ? (*axis != 1 || static_cast<int64_t>(scales) != o) : scales != 1)
    return {};
  fused.params = *params;
  fused.scales.assign(r.getScale()->begin(), r.getScale()->end());
  fused.elem = elem;
  return r;
}

/// Target choices of the pass.
struct KernelTarget {
  unsigned vectorBits, registers;
  bool vnni, pmaddwd, maddubs;
  int64_t weightBlockBytes;
  bool emulate; ///< Portable vector ops for the x86 dot products.
};

/// Channel steps per reduction block, so that the weights of one block
/// (one channel group, all taps) fit `budget` bytes. Every pixel tile
/// streams its group's weights once per block, so when they outgrow the L2
/// cache (a 3x3 conv with 512 f32 channels: 1.2 MB per 64 output
/// channels) the tiles would each read them from L3; blocked, the tiles of
/// one block share a cached slice and keep partial sums in the output.
/// A single pixel tile (a GEMV) reads its weights once either way.
static int64_t reductionBlock(const Plan &pl, int64_t budget) {
  int64_t cq = pl.cp / pl.depth;
  int64_t bytes = pl.nv * pl.lanes * pl.depth * pl.kq *
                  static_cast<int64_t>(pl.elem.getIntOrFloatBitWidth() / 8);
  if (budget <= 0 || pl.p <= pl.mr || bytes <= budget)
    return cq;
  int64_t blocks = std::min<int64_t>(cq, llvm::divideCeilSigned(bytes, budget));
  return llvm::divideCeilSigned(cq, blocks);
}

/// Whether pmaddubsw is exact for these weights: every pair it sums (channels
/// 2j and 2j + 1 of one tap in the packed reduction, which pads channels
/// to a multiple of 4 with zeros) fits int16 for any u8 activations.
static bool maddubsExact(const ConvShape &s, const Weights &wt) {
  for (int64_t o = 0; o < s.o; ++o)
    for (int64_t ky = 0; ky < s.kh; ++ky)
      for (int64_t kx = 0; kx < s.kw; ++kx)
        for (int64_t c = 0; c < s.c; c += 2) {
          double w1 = c + 1 < s.c ? wt.at(s, o, c + 1, ky, kx) : 0.0;
          if (!qnn::numerics::maddubsPairExact(
                  static_cast<int64_t>(wt.at(s, o, c, ky, kx)),
                  static_cast<int64_t>(w1)))
            return false;
        }
  return true;
}

/// Rewrites `op` (its shape in `s`, weights OIHW in `wt`) into the kernel.
/// Fails (leaving the op alone) for element types it does not handle.
LogicalResult buildKernel(OpBuilder &b, Operation *op, ConvShape s,
                          const Weights &wt, Value x, Value bias,
                          const KernelTarget &t) {
  if (isEmptyShape(s))
    return failure();
  Type inElt = elementType(x), outElt = elementType(op->getResult(0));
  Plan pl;
  pl.s = s;
  pl.emulate = t.emulate;
  bool isFloat = inElt.isF32() && outElt.isF32();
  bool isInt = inElt.isInteger(8) && outElt.isInteger(32);
  // i16 x i16 (an 8-bit input minus its zero point, as ONNX's QLinearMatMul
  // and QLinearConv import): pmaddwd, which is exact when no weight is
  // -32768 (a pair of products then stays below 2^31).
  bool isInt16 = inElt.isInteger(16) && outElt.isInteger(32) && t.pmaddwd &&
                 llvm::all_of(wt.v, [](double w) { return w > -32768.0; });
  if (!isFloat && !isInt && !isInt16)
    return failure();
  pl.lanes = std::max(4u, t.vectorBits / 32);
  pl.depth = 1;
  pl.acc = outElt;
  pl.elem = inElt;
  bool wide = t.registers >= 32;
  pl.mr = 6;
  pl.nv = wide ? 4 : 2;
  if (isFloat) {
    pl.kind = DotKind::Float;
  } else if (t.vnni && !isInt16 &&
             (t.vectorBits == 512 || t.vectorBits == 256)) {
    pl.kind = DotKind::VNNI;
    pl.depth = 4;
  } else if (t.maddubs && isInt && maddubsExact(s, wt)) {
    // Without VNNI, pmaddubsw where its i16 pair sums cannot saturate
    // (always for 7-bit weights): 4 of the 16 registers go to the weights,
    // the broadcast, the ones and the i16 sums, so 4 x 2 accumulators (5 x
    // nv with 32 registers).
    pl.kind = DotKind::MAddUBSW;
    pl.depth = 4;
    pl.mr = wide ? 5 : 4;
  } else if (t.pmaddwd) { // i8 widened to i16 when packed, or i16 already
    pl.kind = DotKind::PMAddWD;
    pl.depth = 2;
    pl.elem = b.getI16Type();
    pl.mr = wide ? 5 : 4;
  } else {
    pl.kind = DotKind::Int32;
    pl.mr = wide ? 5 : 4;
  }
  pl.hp = s.h + s.pt + s.pb;
  pl.wp = s.w + s.pl + s.pr;
  pl.cp = llvm::alignTo(s.c, pl.depth);
  pl.kq = s.kh * s.kw * pl.cp / pl.depth;
  pl.op = llvm::alignTo(s.o, pl.lanes);
  pl.p = s.oh * s.ow;
  // A conv's accumulator rows come in whole transpose blocks.
  pl.prow = s.gemm ? pl.p : llvm::alignTo(pl.p, pl.lanes);
  pl.mr = std::min(pl.mr, pl.p);
  // Interleaved weight panels (one weight stream per step) measured on Zen
  // 5: int8 GEMV 1000x512 4.4 -> 2.4 us median, but the f32 784 -> 128
  // GEMV of the example BNN 2.2 -> 3.7 us (cause not established), the
  // larger f32 and conv shapes unchanged; so integer kernels only.
  pl.interleave = !isFloat;
  // A single output row (a GEMV) has one accumulator per vector, and each
  // step's FMA waits for the previous one (4 cycles): with 16 registers,
  // 6 vectors per tile instead of 2 hide that latency (6 accumulators, 6
  // weights, 1 broadcast). AVX2 f32 1x1000x512: 28 -> 44 GOP/s. With 32
  // registers the 4 vectors suffice (that GEMV is bound by its 2 MB of
  // weights), and 8 made the example BNN's f32 784 -> 128 GEMV slower
  // (2.06 -> 2.6 us median).
  if (pl.p == 1 && isFloat && !wide)
    pl.nv = 6;
  pl.nv = std::min(pl.nv, pl.op / pl.lanes);
  pl.cBlock = reductionBlock(pl, t.weightBlockBytes);

  Location loc = op->getLoc();
  b.setInsertionPoint(op);
  pl.x = packInput(b, loc, pl, x);
  packWeights(b, loc, pl, wt, bias);
  Value out = tensor::EmptyOp::create(b, loc, {s.n * pl.prow * pl.op}, pl.acc);
  out = emitTiles(b, loc, pl, out);

  auto resultType = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  Value result;
  if (s.gemm) {
    int64_t m = s.w;
    Value mat = tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get({m, pl.op}, pl.acc), out,
        SmallVector<ReassociationIndices>{{0, 1}});
    if (pl.op != s.o)
      mat = tensor::ExtractSliceOp::create(
          b, loc, RankedTensorType::get({m, s.o}, pl.acc), mat,
          indexAttrs(b, {0, 0}), indexAttrs(b, {m, s.o}),
          indexAttrs(b, {1, 1}));
    result = mat;
  } else if (FusedRescale fused;
             qnn::RescaleOp r = fusableRescale(op, s.o, fused)) {
    // The requantization happens in the unpacking; the i32 tensor is never
    // written.
    auto type = llvm::cast<RankedTensorType>(r.getType());
    r.getResult().replaceAllUsesWith(
        unpackOutput(b, loc, pl, out, type, &fused));
    r.erase();
    op->erase();
    return success();
  } else {
    result = unpackOutput(b, loc, pl, out, resultType);
  }
  if (result.getType() != resultType)
    return failure();
  op->getResult(0).replaceAllUsesWith(result);
  op->erase();
  return success();
}

LogicalResult rewriteConv(OpBuilder &b, qnn::Conv2DOp op,
                          const KernelTarget &t) {
  Value x = op.getInput(), w = op.getWeight();
  std::optional<std::vector<double>> values = kernelWeights(op, x, w, 4);
  if (op.getGroups() != 1 || !values)
    return failure();
  ConvShape s = convShapeOf(op);
  return buildKernel(b, op, s, Weights{std::move(*values)}, x, op.getBias(), t);
}

LogicalResult rewriteGemm(OpBuilder &b, Operation *op, Value x, Value w,
                          Value bias, bool transposed, const KernelTarget &t) {
  std::optional<std::vector<double>> values = kernelWeights(op, x, w, 2);
  if (!values)
    return failure();
  ConvShape s = gemmShapeOf(x, w, transposed);
  Weights wt{weightsAsOI(s, std::move(*values), transposed)};
  return buildKernel(b, op, s, wt, x, bias, t);
}

struct QuantLinearKernelsPass
    : qnn::impl::QuantLinearKernelsBase<QuantLinearKernelsPass> {
  using Base::Base;

  void runOnOperation() override {
    KernelTarget t{vectorBits, registers,
                   vnni,       pmaddwd,
                   maddubs,    static_cast<int64_t>(weightBlockBytes),
                   emulate};
    OpBuilder b(&getContext());
    forEachLinearOp(
        getOperation(), [](Operation *) { return true; },
        [&](qnn::Conv2DOp conv) { (void)rewriteConv(b, conv, t); },
        [&](Operation *op, Value x, Value w, Value bias, bool transposed) {
          (void)rewriteGemm(b, op, x, w, bias, transposed, t);
        });
  }
};

/// Memory effects of llvm.call_intrinsic (it has none declared, which the
/// buffer deallocation pipeline rejects): none for the arithmetic x86
/// intrinsics the kernels call, read + write for anything else.
struct IntrinsicEffects
    : MemoryEffectOpInterface::ExternalModel<IntrinsicEffects,
                                             LLVM::CallIntrinsicOp> {
  void
  getEffects(Operation *op,
             SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
                 &effects) const {
    StringRef name = llvm::cast<LLVM::CallIntrinsicOp>(op).getIntrin();
    if (llvm::is_contained(kPureIntrinsics, name))
      return;
    effects.emplace_back(MemoryEffects::Read::get());
    effects.emplace_back(MemoryEffects::Write::get());
  }
  static constexpr StringLiteral kPureIntrinsics[] = {
      "llvm.x86.avx512.vpdpbusd.512", "llvm.x86.avx512.vpdpbusd.256",
      "llvm.x86.avx512.pmaddw.d.512", "llvm.x86.avx2.pmadd.wd",
      "llvm.x86.sse2.pmadd.wd", "llvm.x86.avx512.pmaddubs.w.512",
      "llvm.x86.avx2.pmadd.ub.sw", "llvm.x86.ssse3.pmadd.ub.sw.128",
      // XnorKernels.cpp: nibble lookups and byte sums.
      "llvm.x86.avx512.pshuf.b.512", "llvm.x86.avx2.pshuf.b",
      "llvm.x86.ssse3.pshuf.b.128", "llvm.x86.avx512.psad.bw.512",
      "llvm.x86.avx2.psad.bw", "llvm.x86.sse2.psad.bw"};
};

} // namespace

void mlir::qnn::compiler::registerKernelInterfaces(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, LLVM::LLVMDialect *) {
    LLVM::CallIntrinsicOp::attachInterface<IntrinsicEffects>(*ctx);
  });
}
