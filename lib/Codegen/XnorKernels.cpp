//===- XnorKernels.cpp - XNOR / popcount binary conv and GEMM kernels ---===//
//
// Implements -quant-xnor-kernels (see Passes.td). A conv2d (one group),
// fully_connected or 2-D matmul marked `qnn.xnor` (both operands -1 / +1
// codes in i8, an i32 accumulator; a conv's own padding reads 0) with
// constant weights becomes, on tensors:
//
//   xb  = pack(x)     one bit per code (1 = +1) along the channels, 64 per
//                     i64 word: [N][H][Cw][Wq] for a conv (a row of Wq
//                     pixels per word index), [1][1][Cw][M] for a GEMM
//   wb  = constant    [O/L][KH*KW*Cw][L] words, the nv blocks of a tile's
//                     channel group interleaved per reduction step
//   pop = tiles       MR pixels x nv vectors of L output channels, each
//                     accumulator lane the popcount of (a xor w) summed
//                     over ky, kx and the words: one weight load per
//                     vector, one broadcast word per pixel
//   out = K - 2 pop   the exact dot product of the -1 / +1 codes
//
// Channels past C are 0 in both operands, so their xor is 0 and K stays
// the true C * KH * KW. Two ways to count:
//
// - `math.ctpop` on i64 lanes, which LLVM lowers per target: vpopcntq with
//   AVX-512 VPOPCNTDQ (xor, vpopcntq, add: 3 instructions per vector),
//   cnt + uaddlp on AArch64, a SWAR sequence on SSE2.
// - Nibble mode (x86 with pshufb but no VPOPCNTDQ): LLVM's own expansion
//   of a vector ctpop splits each xor into nibbles and sums bytes with
//   vpsadbw, 9 instructions per vector. Both operands are instead stored
//   as two planes (the low and the high nibble of every byte), since
//   lo(a xor w) = lo(a) xor lo(w): a step is two xors, two vpshufb table
//   lookups and two byte adds (6), and vpsadbw runs once per flush of at
//   most 31 steps (8 per byte per step) into the output tile.
//
// The i32 accumulators leave through the conv kernels' output unpacking
// (KernelLayout.cpp), so the result is the same tensor the integer op
// defines.
//
//===----------------------------------------------------------------------===//

#include "CodegenUtils.h"
#include "LinearKernels.h"
#include "quant/Codegen/Passes.h"
#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/MathExtras.h"

#include <functional>
#include <map>

namespace mlir::qnn {
#define GEN_PASS_DEF_QUANTXNORKERNELS
#include "quant/Codegen/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn::compiler;

namespace {

constexpr int64_t kWordBits = 64;

/// The shape and tiling of one XNOR kernel.
struct XnorPlan {
  ConvShape s;
  int64_t lanes = 4; ///< i64 words per vector.
  int64_t mr = 4;    ///< Output pixels per tile.
  int64_t nv = 2;    ///< Vectors of output channels per tile.
  int64_t cw = 1;    ///< Words per pixel: ceil(C / 64).
  int64_t kq = 1;    ///< Reduction steps: KH * KW * Cw.
  int64_t op = 1;    ///< Output channels, padded to whole unpack blocks.
  int64_t p = 1;     ///< Output pixels per image.
  int64_t prow = 1;  ///< Accumulator rows per image.
  int64_t k = 1;     ///< True reduction length C * KH * KW.
  int64_t xb = 8;    ///< Pixels per packing vector (conv).
  int64_t wq = 1;    ///< Packed row length (conv): covers W and the
                     ///< last packing vector.
  /// A qnn.pad folded into the packing (conv): its value (+1 / -1; 0 when
  /// there is none), its top / left counts and its input's H and W (s
  /// describes the padded input).
  int64_t padValue = 0, padT = 0, padL = 0, h0 = 1, w0 = 1;
  /// The conv's own padding reads zero (see correctZeroPadding).
  bool zeroPad = false;
  int64_t unpack = 8; ///< i32 lanes of the output unpacking blocks.
  /// Nibble mode (x86 pshufb): each word is stored as two planes, its low
  /// and high nibble of every byte (values 0..15), so a step is two xors,
  /// two table lookups and two byte adds per accumulator.
  bool nibble = false;
  bool emulate = false; ///< Portable forms of pshufb / psadbw.
  int64_t planes = 1;   ///< Words stored per packed word (2 in nibble mode).
  /// Nibble mode: byte accumulators are summed into the output after each
  /// iteration of loop level `flushLevel` (0: the whole reduction, 1: ky,
  /// 2: kx, 3: a chunk of `chunk` words), at most 31 steps of 8 per byte.
  int64_t flushLevel = 0, chunk = 1;
  Value x; ///< Packed input.
  Value w; ///< Packed weights, flat.
};

Type i64Type(OpBuilder &b) { return b.getI64Type(); }

/// A splat vector constant.
Value splat(OpBuilder &b, Location loc, VectorType type, int64_t v) {
  return arith::ConstantOp::create(
      b, loc,
      DenseElementsAttr::get(type, b.getIntegerAttr(type.getElementType(), v)));
}

/// A 1-D transfer_read that may run past the end of the row (zero-filled).
Value readPadded(OpBuilder &b, Location loc, VectorType type, Value source,
                 ValueRange indices, bool inBounds) {
  Value zero = arith::ConstantOp::create(
      b, loc, b.getIntegerAttr(type.getElementType(), 0));
  SmallVector<bool> flags(1, inBounds);
  return vector::TransferReadOp::create(b, loc, type, source, indices,
                                        std::optional<Value>(zero),
                                        ArrayRef<bool>(flags));
}

/// The word of `bits` channels starting at channel `c0` for the xb pixels
/// x0.. of row y of image n (NCHW i8 codes): bit i of each lane is set
/// when channel c0 + i holds +1. Built bytewise: byte g of every pixel
/// collects channels c0 + 8 g .. + 7 with one compare, select and or per
/// channel on a whole row vector of bytes; three rounds of interleaving
/// (bytes, then pairs, then quads) put each pixel's 8 bytes together.
Value packWord(OpBuilder &b, Location loc, const XnorPlan &pl, Value x, Value n,
               Value y, Value c0, Value x0, int64_t bits, bool inBounds) {
  auto bytes = VectorType::get({pl.xb}, b.getI8Type());
  Value zero = splat(b, loc, bytes, 0);
  SmallVector<Value> groups;
  for (int64_t g = 0; g < 8; ++g) {
    Value acc = zero;
    for (int64_t k = 0; k < 8 && 8 * g + k < bits; ++k) {
      Value c = mulAdd(b, loc, c0, 1, cIdx(b, loc, 8 * g + k));
      Value v = readPadded(b, loc, bytes, x, {n, c, y, x0}, inBounds);
      Value pos =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, v, zero);
      Value bit = arith::SelectOp::create(
          b, loc, pos, splat(b, loc, bytes, static_cast<int8_t>(1 << k)), zero);
      acc = arith::OrIOp::create(b, loc, acc, bit);
    }
    groups.push_back(acc);
  }
  // Interleave pairs of vectors of `width`-bit units into units twice as
  // wide, three times: [g0 g1 .. g7] per pixel = one little-endian word.
  auto zip = [&](Value lo, Value hi, unsigned width) -> Value {
    auto unit = VectorType::get({pl.xb}, b.getIntegerType(width));
    lo = vector::BitCastOp::create(b, loc, unit, lo);
    hi = vector::BitCastOp::create(b, loc, unit, hi);
    Value z = vector::InterleaveOp::create(b, loc, lo, hi);
    return vector::BitCastOp::create(
        b, loc, VectorType::get({pl.xb}, b.getIntegerType(2 * width)), z);
  };
  SmallVector<Value> pairs, quads;
  for (int64_t g = 0; g < 8; g += 2)
    pairs.push_back(zip(groups[g], groups[g + 1], 8));
  for (int64_t g = 0; g < 4; g += 2)
    quads.push_back(zip(pairs[g], pairs[g + 1], 16));
  return zip(quads[0], quads[1], 32);
}

/// The stored planes of a vector of words: the words themselves, or in
/// nibble mode their low and high nibbles.
SmallVector<Value> splitPlanes(OpBuilder &b, Location loc, const XnorPlan &pl,
                               Value words) {
  if (!pl.nibble)
    return {words};
  auto type = llvm::cast<VectorType>(words.getType());
  Value mask = splat(b, loc, type, 0x0F0F0F0F0F0F0F0FLL);
  Value lo = arith::AndIOp::create(b, loc, words, mask);
  Value hi = arith::ShRUIOp::create(b, loc, words, splat(b, loc, type, 4));
  hi = arith::AndIOp::create(b, loc, hi, mask);
  return {lo, hi};
}

/// The stored words of a padded position: per word index and plane, the
/// bits of the pad value (+1: the word's channel bits set; -1: none).
SmallVector<int64_t> padWords(const XnorPlan &pl) {
  SmallVector<int64_t> words;
  for (int64_t j = 0; j < pl.cw; ++j) {
    int64_t bits = std::min<int64_t>(kWordBits, pl.s.c - j * kWordBits);
    uint64_t word =
        pl.padValue > 0
            ? (bits == kWordBits ? ~uint64_t(0) : (uint64_t(1) << bits) - 1)
            : 0;
    for (int64_t q = 0; q < pl.planes; ++q) {
      uint64_t plane = word;
      if (pl.nibble)
        plane = (q == 0 ? word : word >> 4) & 0x0F0F0F0F0F0F0F0FULL;
      words.push_back(static_cast<int64_t>(plane));
    }
  }
  return words;
}

/// NCHW i8 codes -> [N][Hp][Cw * planes][Wq] words (see the file comment).
/// With a folded qnn.pad (pl.padValue != 0) `x` is the pad's input: the
/// border positions hold the pad value's words, the interior is packed
/// from `x` at an offset.
Value packConvInput(OpBuilder &b, Location loc, const XnorPlan &pl, Value x) {
  const ConvShape &s = pl.s;
  int64_t jq = pl.cw * pl.planes;
  Value packed =
      tensor::EmptyOp::create(b, loc, {s.n, s.h, jq, pl.wq}, i64Type(b));
  SmallVector<int64_t> border =
      pl.padValue ? padWords(pl) : SmallVector<int64_t>();
  if (pl.padValue) {
    // Every position starts as padding (a broadcast of the words per
    // index); the interior is overwritten below.
    Value words = arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(RankedTensorType::get({jq}, i64Type(b)),
                               ArrayRef<int64_t>(border)));
    MLIRContext *ctx = b.getContext();
    AffineMap id = b.getMultiDimIdentityMap(4);
    AffineMap byWord = AffineMap::get(4, 0, {getAffineDimExpr(2, ctx)}, ctx);
    packed =
        linalg::GenericOp::create(
            b, loc, TypeRange{packed.getType()}, ValueRange{words},
            ValueRange{packed}, ArrayRef<AffineMap>{byWord, id},
            SmallVector<utils::IteratorType>(4, utils::IteratorType::parallel),
            [&](OpBuilder &b, Location loc, ValueRange args) {
              linalg::YieldOp::create(b, loc, args[0]);
            })
            .getResult(0);
  }
  int64_t fullWords = s.c / kWordBits, tailBits = s.c % kWordBits;
  int64_t fullX = pl.w0 / pl.xb * pl.xb;
  return forEach(
      b, loc, 0, s.n, 1, packed,
      [&](OpBuilder &b, Location loc, Value n, Value acc) {
        return forEach(
            b, loc, 0, pl.h0, 1, acc,
            [&](OpBuilder &b, Location loc, Value ySrc, Value acc) {
              Value y = mulAdd(b, loc, ySrc, 1, cIdx(b, loc, pl.padT));
              // One word index j (bits channels from 64 j) over the whole row.
              auto row = [&](OpBuilder &b, Location loc, Value j, int64_t bits,
                             Value acc) {
                Value c0 = mulAdd(b, loc, j, kWordBits, Value());
                auto block = [&](OpBuilder &b, Location loc, Value x0,
                                 bool inBounds, Value acc) {
                  Value word =
                      packWord(b, loc, pl, x, n, ySrc, c0, x0, bits, inBounds);
                  SmallVector<Value> planes = splitPlanes(b, loc, pl, word);
                  Value col = mulAdd(b, loc, x0, 1, cIdx(b, loc, pl.padL));
                  for (auto [q, plane] : llvm::enumerate(planes))
                    acc = writeVector(
                        b, loc, plane, acc,
                        {n, y, mulAdd(b, loc, j, pl.planes, cIdx(b, loc, q)),
                         col});
                  return acc;
                };
                acc = forEach(
                    b, loc, 0, fullX, pl.xb, acc,
                    [&](OpBuilder &b, Location loc, Value x0, Value acc) {
                      return block(b, loc, x0, true, acc);
                    });
                // The row's end: the last xb pixels, overlapping the previous
                // block (the same words again), so every read stays in bounds.
                if (fullX < pl.w0)
                  acc = block(b, loc, cIdx(b, loc, pl.w0 - pl.xb), true, acc);
                return acc;
              };
              acc =
                  forEach(b, loc, 0, fullWords, 1, acc,
                          [&](OpBuilder &b, Location loc, Value j, Value acc) {
                            return row(b, loc, j, kWordBits, acc);
                          });
              if (tailBits)
                acc = row(b, loc, cIdx(b, loc, fullWords), tailBits, acc);
              return acc;
            });
      });
}

/// [M][K] i8 codes -> [1][1][Cw][M] words: a compare of 64 codes is a
/// 64-bit mask (vpmovmskb on x86).
Value packGemmInput(OpBuilder &b, Location loc, const XnorPlan &pl, Value x) {
  const ConvShape &s = pl.s;
  int64_t m = s.w;
  Value packed =
      tensor::EmptyOp::create(b, loc, {1, 1, pl.cw * pl.planes, m}, i64Type(b));
  auto bytes = VectorType::get({kWordBits}, b.getI8Type());
  auto word = VectorType::get({1}, i64Type(b));
  Value zeroBytes = splat(b, loc, bytes, 0);
  int64_t fullWords = s.c / kWordBits;
  Value c0 = cIdx(b, loc, 0);
  return forEach(
      b, loc, 0, m, 1, packed,
      [&](OpBuilder &b, Location loc, Value r, Value acc) {
        auto one = [&](OpBuilder &b, Location loc, Value j, bool inBounds,
                       Value acc) -> Value {
          Value k = mulAdd(b, loc, j, kWordBits, Value());
          Value v = readPadded(b, loc, bytes, x, {r, k}, inBounds);
          Value pos = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                            v, zeroBytes);
          Value w = vector::BitCastOp::create(b, loc, word, pos);
          SmallVector<Value> planes = splitPlanes(b, loc, pl, w);
          for (auto [q, plane] : llvm::enumerate(planes)) {
            Value scalar =
                vector::ExtractOp::create(b, loc, plane, ArrayRef<int64_t>{0});
            acc = tensor::InsertOp::create(
                b, loc, scalar, acc,
                ValueRange{c0, c0,
                           mulAdd(b, loc, j, pl.planes, cIdx(b, loc, q)), r});
          }
          return acc;
        };
        acc = forEach(b, loc, 0, fullWords, 1, acc,
                      [&](OpBuilder &b, Location loc, Value j, Value acc) {
                        return one(b, loc, j, true, acc);
                      });
        if (s.c % kWordBits)
          acc = one(b, loc, cIdx(b, loc, fullWords), false, acc);
        return acc;
      });
}

/// Packed weights: blocks of L output channels in groups of nv (the last
/// group the rest), each group's words ordered [step][block][lane] so one
/// tile reads one stream. `w` holds the OIHW codes.
Value packWeights(OpBuilder &b, Location loc, const XnorPlan &pl,
                  ArrayRef<double> w) {
  const ConvShape &s = pl.s;
  int64_t blocks = pl.op / pl.lanes;
  int64_t fullBlocks = blocks / pl.nv * pl.nv;
  std::vector<uint64_t> packed(pl.op * pl.kq, 0);
  auto vecIndex = [&](int64_t blk, int64_t step) {
    int64_t group = blk < fullBlocks ? pl.nv : blocks - fullBlocks;
    int64_t first = blk < fullBlocks ? blk / pl.nv * pl.nv : fullBlocks;
    return first * pl.kq + step * group + (blk - first);
  };
  for (int64_t o = 0; o < s.o; ++o) {
    int64_t blk = o / pl.lanes, l = o % pl.lanes;
    for (int64_t c = 0; c < s.c; ++c)
      for (int64_t ky = 0; ky < s.kh; ++ky)
        for (int64_t kx = 0; kx < s.kw; ++kx) {
          if (w[((o * s.c + c) * s.kh + ky) * s.kw + kx] <= 0)
            continue;
          int64_t step = (ky * s.kw + kx) * pl.cw + c / kWordBits;
          packed[vecIndex(blk, step) * pl.lanes + l] |= uint64_t(1)
                                                        << (c % kWordBits);
        }
  }
  // In nibble mode each vector of words becomes its two nibble planes.
  std::vector<int64_t> words;
  words.reserve(packed.size() * pl.planes);
  for (size_t v = 0; v < packed.size(); v += pl.lanes)
    for (int64_t q = 0; q < pl.planes; ++q)
      for (int64_t l = 0; l < pl.lanes; ++l) {
        uint64_t word = packed[v + l];
        if (pl.nibble)
          word = (q == 0 ? word : word >> 4) & 0x0F0F0F0F0F0F0F0FULL;
        words.push_back(static_cast<int64_t>(word));
      }
  auto type = RankedTensorType::get({pl.op * pl.kq * pl.planes}, i64Type(b));
  return arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(type, ArrayRef<int64_t>(words)));
}

/// One mr x nv tile: pixels [p, p + mr) of image n, output-channel blocks
/// [ob, ob + nv) of a group of `group` blocks; writes K - 2 popcount into
/// the [N][prow][Op] i32 accumulators `out`.
Value emitTile(OpBuilder &b, Location loc, const XnorPlan &pl, int64_t mr,
               int64_t nv, Value n, Value p, Value ob, Value out) {
  const ConvShape &s = pl.s;
  SmallVector<Value> rows, cols;
  windowOrigins(b, loc, s, p, mr, rows, cols);
  auto vec = VectorType::get({pl.lanes}, i64Type(b));
  SmallVector<Value> init(mr * nv, splat(b, loc, vec, 0));
  Value c0 = cIdx(b, loc, 0), c1 = cIdx(b, loc, 1);
  Value groupBase = mulAdd(b, loc, ob, pl.kq * pl.lanes, Value());
  auto kyLoop = scf::ForOp::create(
      b, loc, c0, cIdx(b, loc, s.kh), c1, init,
      [&](OpBuilder &b, Location loc, Value ky, ValueRange accs) {
        auto kxLoop = scf::ForOp::create(
            b, loc, c0, cIdx(b, loc, s.kw), c1, accs,
            [&](OpBuilder &b, Location loc, Value kx, ValueRange accs) {
              SmallVector<Value> iy, ix;
              Value dy = mulAdd(b, loc, ky, s.dy, Value());
              Value dx = mulAdd(b, loc, kx, s.dx, Value());
              for (int64_t m = 0; m < mr; ++m) {
                iy.push_back(arith::AddIOp::create(b, loc, rows[m], dy));
                ix.push_back(arith::AddIOp::create(b, loc, cols[m], dx));
              }
              Value tap =
                  mulAdd(b, loc, mulAdd(b, loc, ky, s.kw, kx), pl.cw, Value());
              auto jLoop = scf::ForOp::create(
                  b, loc, c0, cIdx(b, loc, pl.cw), c1, accs,
                  [&](OpBuilder &b, Location loc, Value j, ValueRange accs) {
                    Value step = arith::AddIOp::create(b, loc, tap, j);
                    Value base = mulAdd(b, loc, step, nv * pl.lanes, groupBase);
                    SmallVector<Value> ws;
                    for (int64_t v = 0; v < nv; ++v)
                      ws.push_back(readVector(
                          b, loc, vec, pl.w,
                          mulAdd(b, loc, base, 1, cIdx(b, loc, v * pl.lanes))));
                    SmallVector<Value> next(accs.begin(), accs.end());
                    for (int64_t m = 0; m < mr; ++m) {
                      Value a = tensor::ExtractOp::create(
                          b, loc, pl.x, ValueRange{n, iy[m], j, ix[m]});
                      a = vector::BroadcastOp::create(b, loc, vec, a);
                      for (int64_t v = 0; v < nv; ++v) {
                        Value diff = arith::XOrIOp::create(b, loc, a, ws[v]);
                        Value cnt = math::CtPopOp::create(b, loc, diff);
                        next[m * nv + v] = arith::AddIOp::create(
                            b, loc, next[m * nv + v], cnt);
                      }
                    }
                    scf::YieldOp::create(b, loc, next);
                  });
              scf::YieldOp::create(b, loc, jLoop.getResults());
            });
        scf::YieldOp::create(b, loc, kxLoop.getResults());
      });

  auto out32 = VectorType::get({pl.lanes}, b.getI32Type());
  Value k = splat(b, loc, vec, pl.k);
  Value rowBase = mulAdd(b, loc, n, pl.prow, p);
  for (int64_t m = 0; m < mr; ++m) {
    Value row = mulAdd(b, loc, rowBase, 1, cIdx(b, loc, m));
    for (int64_t v = 0; v < nv; ++v) {
      Value pop = kyLoop.getResult(m * nv + v);
      Value twice = arith::AddIOp::create(b, loc, pop, pop);
      Value dot = arith::SubIOp::create(b, loc, k, twice);
      dot = arith::TruncIOp::create(b, loc, out32, dot);
      Value o = mulAdd(b, loc, ob, pl.lanes, cIdx(b, loc, v * pl.lanes));
      out = writeVector(b, loc, dot, out, mulAdd(b, loc, row, pl.op, o));
    }
  }
  return out;
}

Value callIntrinsic(OpBuilder &b, Location loc, Type type, StringRef name,
                    ValueRange args) {
  return LLVM::CallIntrinsicOp::create(b, loc, type, b.getStringAttr(name),
                                       args)
      .getResult(0);
}

/// The popcount of each byte of `v` (nibble values 0..15): pshufb into the
/// 16-entry table `lut`, or math.ctpop when emulating.
Value lookup(OpBuilder &b, Location loc, const XnorPlan &pl, Value lut,
             Value v) {
  if (pl.emulate)
    return math::CtPopOp::create(b, loc, v);
  StringRef name = pl.lanes == 8   ? "llvm.x86.avx512.pshuf.b.512"
                   : pl.lanes == 4 ? "llvm.x86.avx2.pshuf.b"
                                   : "llvm.x86.ssse3.pshuf.b.128";
  return callIntrinsic(b, loc, v.getType(), name, {lut, v});
}

/// The sums of each group of 8 bytes of `acc` as i64 lanes (psadbw
/// against zero, or a reduction when emulating).
Value sumBytes(OpBuilder &b, Location loc, const XnorPlan &pl, Value acc) {
  auto words = VectorType::get({pl.lanes}, i64Type(b));
  if (pl.emulate) {
    auto grid = VectorType::get({pl.lanes, 8}, b.getI8Type());
    Value g = vector::ShapeCastOp::create(b, loc, grid, acc);
    g = arith::ExtUIOp::create(b, loc,
                               VectorType::get({pl.lanes, 8}, i64Type(b)), g);
    return vector::MultiDimReductionOp::create(
        b, loc, g, splat(b, loc, words, 0), ArrayRef<bool>{false, true},
        vector::CombiningKind::ADD);
  }
  StringRef name = pl.lanes == 8   ? "llvm.x86.avx512.psad.bw.512"
                   : pl.lanes == 4 ? "llvm.x86.avx2.psad.bw"
                                   : "llvm.x86.sse2.psad.bw";
  Value zero = splat(b, loc, llvm::cast<VectorType>(acc.getType()), 0);
  return callIntrinsic(b, loc, words, name, {acc, zero});
}

/// The nibble-mode tile (see XnorPlan::nibble): the output tile starts at
/// K; byte accumulators collect the counts of at most 31 steps, then each
/// flush subtracts twice their sums from it.
Value emitNibbleTile(OpBuilder &b, Location loc, const XnorPlan &pl, int64_t mr,
                     int64_t nv, Value n, Value p, Value ob, Value out) {
  const ConvShape &s = pl.s;
  SmallVector<Value> rows, cols;
  windowOrigins(b, loc, s, p, mr, rows, cols);
  auto vec = VectorType::get({pl.lanes}, i64Type(b));
  auto bytes = VectorType::get({8 * pl.lanes}, b.getI8Type());
  auto out32 = VectorType::get({pl.lanes}, b.getI32Type());
  Value rowBase = mulAdd(b, loc, n, pl.prow, p);
  auto outPos = [&](OpBuilder &b, Location loc, int64_t m, int64_t v) {
    Value row = mulAdd(b, loc, rowBase, 1, cIdx(b, loc, m));
    Value o = mulAdd(b, loc, ob, pl.lanes, cIdx(b, loc, v * pl.lanes));
    return mulAdd(b, loc, row, pl.op, o);
  };
  Value k = splat(b, loc, out32, pl.k);
  for (int64_t m = 0; m < mr; ++m)
    for (int64_t v = 0; v < nv; ++v)
      out = writeVector(b, loc, k, out, outPos(b, loc, m, v));
  SmallVector<int8_t> table;
  for (int64_t i = 0; i < 8 * pl.lanes; ++i)
    table.push_back(static_cast<int8_t>(llvm::popcount(uint64_t(i % 16))));
  Value lut = arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(bytes, ArrayRef<int8_t>(table)));
  Value groupBase = mulAdd(b, loc, ob, pl.kq * pl.planes * pl.lanes, Value());
  int64_t units = mr * nv;

  // One reduction step (tap ky, kx; word j) on the byte accumulators.
  auto step = [&](OpBuilder &b, Location loc, Value ky, Value kx, Value j,
                  ValueRange accs) {
    Value stepIdx = mulAdd(b, loc, mulAdd(b, loc, ky, s.kw, kx), pl.cw, j);
    Value base = mulAdd(b, loc, stepIdx, nv * pl.planes * pl.lanes, groupBase);
    SmallVector<Value> wlo, whi;
    for (int64_t v = 0; v < nv; ++v) {
      Value lo = mulAdd(b, loc, base, 1, cIdx(b, loc, 2 * v * pl.lanes));
      Value hi = mulAdd(b, loc, lo, 1, cIdx(b, loc, pl.lanes));
      wlo.push_back(readVector(b, loc, vec, pl.w, lo));
      whi.push_back(readVector(b, loc, vec, pl.w, hi));
    }
    Value dy = mulAdd(b, loc, ky, s.dy, Value());
    Value dx = mulAdd(b, loc, kx, s.dx, Value());
    Value jlo = mulAdd(b, loc, j, 2, Value());
    Value jhi = mulAdd(b, loc, j, 2, cIdx(b, loc, 1));
    SmallVector<Value> next(accs.begin(), accs.end());
    for (int64_t m = 0; m < mr; ++m) {
      Value iy = arith::AddIOp::create(b, loc, rows[m], dy);
      Value ix = arith::AddIOp::create(b, loc, cols[m], dx);
      auto word = [&](Value plane) -> Value {
        Value w = tensor::ExtractOp::create(b, loc, pl.x,
                                            ValueRange{n, iy, plane, ix});
        return vector::BroadcastOp::create(b, loc, vec, w);
      };
      Value alo = word(jlo), ahi = word(jhi);
      for (int64_t v = 0; v < nv; ++v) {
        auto count = [&](Value a, Value w) {
          Value t = arith::XOrIOp::create(b, loc, a, w);
          t = vector::BitCastOp::create(b, loc, bytes, t);
          return lookup(b, loc, pl, lut, t);
        };
        Value &acc = next[m * nv + v];
        acc = arith::AddIOp::create(b, loc, acc, count(alo, wlo[v]));
        acc = arith::AddIOp::create(b, loc, acc, count(ahi, whi[v]));
      }
    }
    return next;
  };
  // out -= 2 * (the byte sums of accs).
  auto flush = [&](OpBuilder &b, Location loc, ValueRange accs, Value out) {
    for (int64_t m = 0; m < mr; ++m)
      for (int64_t v = 0; v < nv; ++v) {
        Value sum = sumBytes(b, loc, pl, accs[m * nv + v]);
        sum = arith::TruncIOp::create(b, loc, out32, sum);
        sum = arith::AddIOp::create(b, loc, sum, sum);
        Value pos = outPos(b, loc, m, v);
        Value cur = readVector(b, loc, out32, out, pos);
        out = writeVector(b, loc, arith::SubIOp::create(b, loc, cur, sum), out,
                          pos);
      }
    return out;
  };
  Value zero8 = splat(b, loc, bytes, 0);
  SmallVector<Value> zeros(units, zero8);

  // Loop levels 0..3: ky, kx, word chunk, word. Each carries the byte
  // accumulators and the output; the body of level flushLevel starts from
  // zero accumulators and flushes them at its end.
  std::function<std::pair<SmallVector<Value>, Value>(
      OpBuilder &, Location, int64_t, SmallVector<Value>, Value,
      SmallVector<Value>)>
      nest =
          [&](OpBuilder &b, Location loc, int64_t level,
              SmallVector<Value> accs, Value out,
              SmallVector<Value> ivs) -> std::pair<SmallVector<Value>, Value> {
    if (level == 4)
      return {step(b, loc, ivs[0], ivs[1], ivs[3], accs), out};
    Value lb, ub, st;
    if (level < 2) {
      lb = cIdx(b, loc, 0);
      ub = cIdx(b, loc, level == 0 ? s.kh : s.kw);
      st = cIdx(b, loc, 1);
    } else if (level == 2) {
      lb = cIdx(b, loc, 0);
      ub = cIdx(b, loc, pl.cw);
      st = cIdx(b, loc, pl.chunk);
    } else {
      lb = ivs[2];
      ub = arith::MinUIOp::create(b, loc,
                                  mulAdd(b, loc, lb, 1, cIdx(b, loc, pl.chunk)),
                                  cIdx(b, loc, pl.cw));
      st = cIdx(b, loc, 1);
    }
    SmallVector<Value> init(accs);
    init.push_back(out);
    auto loop = scf::ForOp::create(
        b, loc, lb, ub, st, init,
        [&](OpBuilder &b, Location loc, Value iv, ValueRange args) {
          SmallVector<Value> inner(ivs);
          inner.push_back(iv);
          SmallVector<Value> a(args.drop_back());
          Value o = args.back();
          if (level + 1 == pl.flushLevel) {
            auto [sums, o2] = nest(b, loc, level + 1, zeros, o, inner);
            o = flush(b, loc, sums, o2);
          } else {
            std::tie(a, o) = nest(b, loc, level + 1, a, o, inner);
          }
          SmallVector<Value> yield(a);
          yield.push_back(o);
          scf::YieldOp::create(b, loc, yield);
        });
    SmallVector<Value> res(loop.getResults().drop_back());
    return {res, loop.getResults().back()};
  };
  auto [accs, o] = nest(b, loc, 0, zeros, out, {});
  return pl.flushLevel == 0 ? flush(b, loc, accs, o) : o;
}

/// Every tile: images, channel groups, pixel tiles (remainders narrower).
Value emitTiles(OpBuilder &b, Location loc, const XnorPlan &pl, Value out) {
  int64_t blocks = pl.op / pl.lanes;
  int64_t fullBlocks = blocks / pl.nv * pl.nv, restNv = blocks % pl.nv;
  int64_t fullPix = pl.p / pl.mr * pl.mr, restMr = pl.p % pl.mr;
  return forEach(
      b, loc, 0, pl.s.n, 1, out,
      [&](OpBuilder &b, Location loc, Value n, Value cur) {
        auto groups = [&](int64_t from, int64_t to, int64_t nv, Value cur) {
          return forEach(
              b, loc, from, to, nv, cur,
              [&](OpBuilder &b, Location loc, Value ob, Value acc) {
                acc = forEach(
                    b, loc, 0, fullPix, pl.mr, acc,
                    [&](OpBuilder &b, Location loc, Value p, Value acc) {
                      return pl.nibble ? emitNibbleTile(b, loc, pl, pl.mr, nv,
                                                        n, p, ob, acc)
                                       : emitTile(b, loc, pl, pl.mr, nv, n, p,
                                                  ob, acc);
                    });
                if (restMr > 0)
                  acc = pl.nibble
                            ? emitNibbleTile(b, loc, pl, restMr, nv, n,
                                             cIdx(b, loc, fullPix), ob, acc)
                            : emitTile(b, loc, pl, restMr, nv, n,
                                       cIdx(b, loc, fullPix), ob, acc);
                return acc;
              });
        };
        cur = groups(0, fullBlocks, pl.nv, cur);
        return groups(fullBlocks, blocks, restNv, cur);
      });
}

/// Zero padding. The packed border holds 0 bits (-1 codes), so for each
/// output pixel whose window covers padded taps the kernel computed
/// true - sum over those taps of S[tap][o], S[tap][o] = sum_c w[o][c][tap]
/// (the true contribution of a zero is 0). This adds the sums back: the
/// border pixels (the only ones with padded taps) are listed at compile
/// time with the index of their pattern of padded rows and columns, whose
/// per-channel corrections form a small constant table.
Value correctZeroPadding(OpBuilder &b, Location loc, const XnorPlan &pl,
                         ArrayRef<double> w, Value out) {
  const ConvShape &s = pl.s;
  auto padded = [&](int64_t o, int64_t k, int64_t st, int64_t d, int64_t p0,
                    int64_t size) {
    int64_t i = o * st + k * d - p0;
    return i < 0 || i >= size;
  };
  // Patterns: (padded-row mask, padded-column mask) over the taps.
  std::map<std::pair<uint64_t, uint64_t>, int32_t> patterns;
  SmallVector<int32_t> pixels, patternOf;
  std::vector<int32_t> table;
  for (int64_t oy = 0; oy < s.oh; ++oy)
    for (int64_t ox = 0; ox < s.ow; ++ox) {
      uint64_t rows = 0, cols = 0;
      for (int64_t ky = 0; ky < s.kh; ++ky)
        if (padded(oy, ky, s.sy, s.dy, s.pt, pl.h0))
          rows |= uint64_t(1) << ky;
      for (int64_t kx = 0; kx < s.kw; ++kx)
        if (padded(ox, kx, s.sx, s.dx, s.pl, pl.w0))
          cols |= uint64_t(1) << kx;
      if (!rows && !cols)
        continue;
      auto [it, added] = patterns.try_emplace(
          {rows, cols}, static_cast<int32_t>(patterns.size()));
      if (added) {
        table.resize(table.size() + pl.op, 0);
        int32_t *corr = table.data() + table.size() - pl.op;
        for (int64_t o = 0; o < s.o; ++o)
          for (int64_t ky = 0; ky < s.kh; ++ky)
            for (int64_t kx = 0; kx < s.kw; ++kx) {
              if (!((rows >> ky) & 1) && !((cols >> kx) & 1))
                continue;
              for (int64_t c = 0; c < s.c; ++c)
                corr[o] += static_cast<int32_t>(
                    w[((o * s.c + c) * s.kh + ky) * s.kw + kx]);
            }
      }
      pixels.push_back(static_cast<int32_t>(oy * s.ow + ox));
      patternOf.push_back(it->second);
    }
  if (pixels.empty())
    return out;
  auto i32 = b.getI32Type();
  auto constant = [&](ArrayRef<int32_t> v) -> Value {
    return arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(
            RankedTensorType::get({static_cast<int64_t>(v.size())}, i32), v));
  };
  Value pixTable = constant(pixels), patTable = constant(patternOf);
  Value corrTable = constant(table);
  auto vec = VectorType::get({pl.unpack}, i32);
  auto index = [&](OpBuilder &b, Location loc, Value t, Value i) -> Value {
    Value v = tensor::ExtractOp::create(b, loc, t, ValueRange{i});
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
  };
  return forEach(
      b, loc, 0, s.n, 1, out,
      [&](OpBuilder &b, Location loc, Value n, Value out) {
        return forEach(
            b, loc, 0, static_cast<int64_t>(pixels.size()), 1, out,
            [&](OpBuilder &b, Location loc, Value i, Value out) {
              Value pix = index(b, loc, pixTable, i);
              Value pat = index(b, loc, patTable, i);
              Value row = mulAdd(b, loc, mulAdd(b, loc, n, pl.prow, pix), pl.op,
                                 Value());
              Value base = mulAdd(b, loc, pat, pl.op, Value());
              return forEach(
                  b, loc, 0, pl.op, pl.unpack, out,
                  [&](OpBuilder &b, Location loc, Value o, Value out) {
                    Value pos = arith::AddIOp::create(b, loc, row, o);
                    Value cur = readVector(b, loc, vec, out, pos);
                    Value at = arith::AddIOp::create(b, loc, base, o);
                    Value corr = readVector(b, loc, vec, corrTable, at);
                    return writeVector(b, loc,
                                       arith::AddIOp::create(b, loc, cur, corr),
                                       out, pos);
                  });
            });
      });
}

/// The constant weights of `op` if every one is -1 or +1.
std::optional<std::vector<double>> binaryWeights(Value w) {
  DenseElementsAttr attr;
  if (!matchPattern(w, m_Constant(&attr)) ||
      !attr.getElementType().isInteger(8))
    return std::nullopt;
  std::vector<double> out;
  out.reserve(attr.getNumElements());
  for (APInt i : attr.getValues<APInt>()) {
    int64_t v = i.getSExtValue();
    if (v != 1 && v != -1)
      return std::nullopt;
    out.push_back(static_cast<double>(v));
  }
  return out;
}

bool staticOfRank(Value v, int64_t rank, unsigned bits) {
  auto t = llvm::dyn_cast<RankedTensorType>(v.getType());
  return t && t.hasStaticShape() && t.getRank() == rank &&
         t.getElementType().isSignlessInteger(bits);
}

/// The qnn.pad producing the conv input `x` if the packing can apply it:
/// constant mode, -1 or +1, only along H and W.
qnn::PadOp foldablePad(Value x) {
  auto pad = x.getDefiningOp<qnn::PadOp>();
  if (!pad || pad.getMode() != qnn::PadMode::Constant ||
      !staticOfRank(pad.getInput(), 4, 8))
    return {};
  double v = pad.getValue().convertToDouble();
  ArrayRef<int64_t> p = pad.getPads();
  if ((v != 1.0 && v != -1.0) || p.size() != 8 || p[0] || p[1] || p[4] || p[5])
    return {};
  return pad;
}

/// Target choices of the pass.
struct XnorTarget {
  unsigned vectorBits, registers;
  bool nibble, emulate;
};

/// Rewrites `op` (shape `s`, OIHW weights `w`, i8 codes `x`).
void buildKernel(OpBuilder &b, Operation *op, const ConvShape &s,
                 ArrayRef<double> w, Value x, const XnorTarget &t,
                 qnn::PadOp pad = {}) {
  XnorPlan pl;
  pl.s = s;
  pl.lanes = std::max<int64_t>(2, t.vectorBits / kWordBits);
  pl.unpack = 2 * pl.lanes;
  bool wide = t.registers >= 32;
  pl.mr = wide ? 6 : 3;
  pl.nv = 2;
  pl.cw = llvm::divideCeil(s.c, kWordBits);
  pl.kq = s.kh * s.kw * pl.cw;
  pl.k = s.c * s.kh * s.kw;
  pl.op = llvm::alignTo(s.o, pl.unpack);
  pl.p = s.oh * s.ow;
  pl.prow = s.gemm ? pl.p : llvm::alignTo(pl.p, pl.unpack);
  pl.xb = 4 * pl.unpack; // One vector of bytes per channel read.
  pl.h0 = s.h;
  pl.w0 = s.w;
  if (pad) {
    ArrayRef<int64_t> p = pad.getPads();
    pl.padValue = pad.getValue().convertToDouble() > 0 ? 1 : -1;
    pl.padT = p[2];
    pl.padL = p[3];
    auto in = llvm::cast<RankedTensorType>(pad.getInput().getType());
    pl.h0 = in.getDimSize(2);
    pl.w0 = in.getDimSize(3);
    x = pad.getInput();
  }
  if (s.pt || s.pl || s.pb || s.pr) {
    // Zero padding: the border packs as -1 codes (0 bits) and
    // correctZeroPadding adds back what those taps subtracted.
    pl.zeroPad = true;
    pl.padValue = -1;
    pl.padT = s.pt;
    pl.padL = s.pl;
    pl.h0 = s.h - s.pt - s.pb;
    pl.w0 = s.w - s.pl - s.pr;
  }
  // Packing vectors no wider than the row, so that the row's end can be
  // read in bounds (see packConvInput).
  pl.xb =
      std::min<int64_t>(pl.xb, llvm::bit_floor(static_cast<uint64_t>(pl.w0)));
  pl.wq = s.w;
  // A GEMV has one pixel: more channel vectors per tile keep several
  // independent accumulator chains in flight.
  if (pl.p == 1)
    pl.nv = wide ? 8 : 4;
  if (t.nibble) {
    pl.nibble = true;
    pl.emulate = t.emulate;
    pl.planes = 2;
    // Each step adds at most 8 to a byte: 31 steps per flush.
    constexpr int64_t kMaxSteps = 31;
    pl.chunk = std::min(pl.cw, kMaxSteps);
    pl.flushLevel = pl.kq <= kMaxSteps          ? 0
                    : s.kw * pl.cw <= kMaxSteps ? 1
                    : pl.cw <= kMaxSteps        ? 2
                                                : 3;
    // Zen 3 (AVX2), ResNet-18 3x3 convs: 4 x 2 beat 3 x 2, 2 x 2, 6 x 1
    // and 4 x 1 (e.g. 512 channels 7x7: 267 us against 369, 449, 296,
    // 446); 8 byte accumulators, 4 weight planes, 2 activation planes and
    // the table fill the 16 registers.
    if (!wide && pl.p > 1)
      pl.mr = 4;
  }
  pl.mr = std::min(pl.mr, pl.p);
  pl.nv = std::min(pl.nv, pl.op / pl.lanes);

  Location loc = op->getLoc();
  b.setInsertionPoint(op);
  pl.x = s.gemm ? packGemmInput(b, loc, pl, x) : packConvInput(b, loc, pl, x);
  pl.w = packWeights(b, loc, pl, w);
  Type i32 = b.getI32Type();
  Value out = tensor::EmptyOp::create(b, loc, {s.n * pl.prow * pl.op}, i32);
  out = emitTiles(b, loc, pl, out);
  if (pl.zeroPad)
    out = correctZeroPadding(b, loc, pl, w, out);

  auto resultType = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  Value result;
  if (s.gemm) {
    int64_t m = s.w;
    result = tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get({m, pl.op}, i32), out,
        SmallVector<ReassociationIndices>{{0, 1}});
    if (pl.op != s.o)
      result = tensor::ExtractSliceOp::create(
          b, loc, resultType, result, indexAttrs(b, {0, 0}),
          indexAttrs(b, {m, s.o}), indexAttrs(b, {1, 1}));
  } else {
    // The conv kernels' unpacking: [N][prow][Op] -> NCHW by V x V blocks.
    Plan up;
    up.s = s;
    up.lanes = pl.unpack;
    up.prow = pl.prow;
    up.op = pl.op;
    up.p = pl.p;
    up.acc = i32;
    result = unpackOutput(b, loc, up, out, resultType);
  }
  op->getResult(0).replaceAllUsesWith(result);
  op->erase();
  if (pad && pad->use_empty())
    pad->erase();
}

LogicalResult rewriteConv(OpBuilder &b, qnn::Conv2DOp op, const XnorTarget &t) {
  Value x = op.getInput(), w = op.getWeight();
  if (op.getGroups() != 1 || op.getBias() || !staticOfRank(x, 4, 8) ||
      !staticOfRank(op.getResult(), 4, 32))
    return failure();
  ArrayRef<int64_t> padding = op.getPadding();
  bool zeroPadded = llvm::any_of(padding, [](int64_t p) { return p != 0; });
  std::optional<std::vector<double>> values = binaryWeights(w);
  if (!values)
    return failure();
  ConvShape s = convShapeOf(op);
  if (isEmptyShape(s))
    return failure();
  if (zeroPadded) {
    // Implicit (zero) padding: the kernel geometry is the padded input's.
    s.h += s.pt + s.pb;
    s.w += s.pl + s.pr;
  }
  buildKernel(b, op, s, *values, x, t,
              zeroPadded ? qnn::PadOp() : foldablePad(x));
  return success();
}

LogicalResult rewriteGemm(OpBuilder &b, Operation *op, Value x, Value w,
                          Value bias, bool transposed, const XnorTarget &t) {
  if (bias || !staticOfRank(x, 2, 8) || !staticOfRank(op->getResult(0), 2, 32))
    return failure();
  std::optional<std::vector<double>> values = binaryWeights(w);
  if (!values)
    return failure();
  ConvShape s = gemmShapeOf(x, w, transposed);
  if (isEmptyShape(s))
    return failure();
  std::vector<double> oi = weightsAsOI(s, std::move(*values), transposed);
  buildKernel(b, op, s, oi, x, t);
  return success();
}

struct QuantXnorKernelsPass
    : qnn::impl::QuantXnorKernelsBase<QuantXnorKernelsPass> {
  using Base::Base;

  void runOnOperation() override {
    XnorTarget t{vectorBits, registers, nibbleLookup, emulate};
    OpBuilder b(&getContext());
    forEachLinearOp(
        getOperation(), [](Operation *op) { return op->hasAttr("qnn.xnor"); },
        [&](qnn::Conv2DOp conv) { (void)rewriteConv(b, conv, t); },
        [&](Operation *op, Value x, Value w, Value bias, bool transposed) {
          (void)rewriteGemm(b, op, x, w, bias, transposed, t);
        });
  }
};

} // namespace
