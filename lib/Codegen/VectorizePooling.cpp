//===- VectorizePooling.cpp - row-vector code for 2-D pooling ------------===//
//
// Implements -quant-vectorize-pooling (see Passes.td). linalg's NCHW
// pooling ops lowered to loops load and store the output element for
// every window tap, and LLVM cannot keep it in a register (input and
// output may share the planned workspace). Here each output row is
// computed V pixels at a time with the accumulator in a vector register:
//
//   acc = out[n][c][oy][ox0 .. ox0+V)                        (the init)
//   for each tap (ky, kx), unrolled:
//     row = in[n][c][oy*sy + ky*dy][ox0*sx + kx*dx ..]       one load
//     acc = acc (max | +) row[0], row[sx], row[2 sx], ...    one shuffle
//   out[n][c][oy][ox0 ..] = acc
//
// Blocks whose loads or stores would cross the end of a row use masked
// transfers; all others are in bounds.
//
//===----------------------------------------------------------------------===//

#include "CodegenUtils.h"
#include "quant/Codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_QUANTVECTORIZEPOOLING
#include "quant/Codegen/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn::compiler;

namespace {

enum class Combine { MaxF, MaxS, AddF, AddI };

/// The largest window (taps) that is unrolled.
constexpr int64_t kMaxTaps = 64;

Value combine(OpBuilder &b, Location loc, Combine kind, Value acc, Value v) {
  switch (kind) {
  case Combine::MaxF:
    return arith::MaximumFOp::create(b, loc, acc, v);
  case Combine::MaxS:
    return arith::MaxSIOp::create(b, loc, acc, v);
  case Combine::AddF:
    return arith::AddFOp::create(b, loc, acc, v);
  case Combine::AddI:
    return arith::AddIOp::create(b, loc, acc, v);
  }
  llvm_unreachable("combine kind");
}

/// Input vector converted to the output element type (linalg's pooling
/// ops cast the input to the accumulator type, signed for integers).
Value castTo(OpBuilder &b, Location loc, Value v, VectorType to) {
  auto from = llvm::cast<VectorType>(v.getType());
  Type src = from.getElementType(), dst = to.getElementType();
  if (src == dst)
    return v;
  if (llvm::isa<FloatType>(src))
    return arith::ExtFOp::create(b, loc, to, v);
  return arith::ExtSIOp::create(b, loc, to, v);
}

/// Rewrites one pooling op (static NCHW shapes). Fails, leaving the op to
/// the loop lowering, for shapes this does not cover.
LogicalResult vectorizePool(RewriterBase &rewriter, linalg::LinalgOp op,
                            Combine kind, DenseIntElementsAttr strides,
                            DenseIntElementsAttr dilations,
                            unsigned vectorBits) {
  Value in = op.getDpsInputOperand(0)->get();
  Value window = op.getDpsInputOperand(1)->get();
  Value init = op.getDpsInitOperand(0)->get();
  auto inType = llvm::dyn_cast<RankedTensorType>(in.getType());
  auto winType = llvm::dyn_cast<RankedTensorType>(window.getType());
  auto outType = llvm::dyn_cast<RankedTensorType>(init.getType());
  if (!inType || !winType || !outType || !inType.hasStaticShape() ||
      !winType.hasStaticShape() || !outType.hasStaticShape())
    return failure();
  Type inElt = inType.getElementType(), outElt = outType.getElementType();
  if (!inElt.isIntOrFloat() || !outElt.isIntOrFloat() ||
      llvm::isa<FloatType>(inElt) != llvm::isa<FloatType>(outElt) ||
      inElt.getIntOrFloatBitWidth() > outElt.getIntOrFloatBitWidth())
    return failure();
  if (kind != Combine::AddF && kind != Combine::AddI && inElt != outElt)
    return failure();
  SmallVector<int64_t> s(strides.getValues<int64_t>());
  SmallVector<int64_t> d(dilations.getValues<int64_t>());
  ArrayRef<int64_t> out = outType.getShape();
  int64_t kh = winType.getDimSize(0), kw = winType.getDimSize(1);
  int64_t w = inType.getDimSize(3), ow = out[3];
  if (kh * kw > kMaxTaps || ow < 2)
    return failure();
  int64_t bits = outElt.getIntOrFloatBitWidth();
  int64_t v = std::min<int64_t>(vectorBits / bits, llvm::PowerOf2Ceil(ow));
  if (v < 2)
    return failure();
  // Input elements one tap reads: (v - 1) * s + 1 would do, but v * s
  // (a power of two for stride 2) loads as whole registers, and the pick
  // shuffle below then deinterleaves registers instead of single lanes.
  int64_t span = s[1] == 1 ? v : v * s[1];
  // Leading blocks whose every load and store is in bounds.
  int64_t full = 0;
  while ((full + 1) * v <= ow &&
         (full * v) * s[1] + (kw - 1) * d[1] + span <= w)
    ++full;

  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(op);
  Location loc = op.getLoc();
  auto inVec = VectorType::get({span}, inElt);
  auto accVec = VectorType::get({v}, outElt);
  Value inPad = arith::ConstantOp::create(
      rewriter, loc, llvm::cast<TypedAttr>(rewriter.getZeroAttr(inElt)));
  Value outPad = arith::ConstantOp::create(
      rewriter, loc, llvm::cast<TypedAttr>(rewriter.getZeroAttr(outElt)));
  SmallVector<int64_t> pick;
  for (int64_t i = 0; i < v; ++i)
    pick.push_back(i * s[1]);

  // One block of V outputs at (n, c, oy, ox0).
  auto block = [&](OpBuilder &b, Location loc, ValueRange ncy, Value ox0,
                   bool inBounds, Value acc) -> Value {
    SmallVector<bool> flags(1, inBounds);
    Value n = ncy[0], c = ncy[1], oy = ncy[2];
    Value r = vector::TransferReadOp::create(b, loc, accVec, acc,
                                             ValueRange{n, c, oy, ox0}, outPad,
                                             ArrayRef<bool>(flags));
    Value iy0 = arith::MulIOp::create(b, loc, oy, cIdx(b, loc, s[0]));
    Value ix0 = arith::MulIOp::create(b, loc, ox0, cIdx(b, loc, s[1]));
    for (int64_t ky = 0; ky < kh; ++ky) {
      Value iy = arith::AddIOp::create(b, loc, iy0, cIdx(b, loc, ky * d[0]));
      for (int64_t kx = 0; kx < kw; ++kx) {
        Value ix = arith::AddIOp::create(b, loc, ix0, cIdx(b, loc, kx * d[1]));
        Value row = vector::TransferReadOp::create(
            b, loc, inVec, in, ValueRange{n, c, iy, ix}, inPad,
            ArrayRef<bool>(flags));
        if (span != v)
          row = vector::ShuffleOp::create(b, loc, row, row, pick);
        r = combine(b, loc, kind, r, castTo(b, loc, row, accVec));
      }
    }
    return vector::TransferWriteOp::create(
               b, loc, r, acc, ValueRange{n, c, oy, ox0}, ArrayRef<bool>(flags))
        .getResult();
  };

  // Loops over (n, c, oy); each row: the in-bounds blocks, then the rest.
  auto row = [&](OpBuilder &b, Location loc, ValueRange ncy, Value acc) {
    acc = forEach(b, loc, 0, full * v, v, acc,
                  [&](OpBuilder &b, Location loc, Value ox0, Value acc) {
                    return block(b, loc, ncy, ox0, true, acc);
                  });
    for (int64_t ox0 = full * v; ox0 < ow; ox0 += v)
      acc = block(b, loc, ncy, cIdx(b, loc, ox0), false, acc);
    return acc;
  };
  Value result = forEach(
      rewriter, loc, 0, out[0], 1, init,
      [&](OpBuilder &b, Location loc, Value n, Value acc) {
        return forEach(b, loc, 0, out[1], 1, acc,
                       [&](OpBuilder &b, Location loc, Value c, Value acc) {
                         return forEach(b, loc, 0, out[2], 1, acc,
                                        [&](OpBuilder &b, Location loc,
                                            Value oy, Value acc) {
                                          return row(b, loc, {n, c, oy}, acc);
                                        });
                       });
      });
  rewriter.replaceOp(op, result);
  return success();
}

struct QuantVectorizePoolingPass
    : qnn::impl::QuantVectorizePoolingBase<QuantVectorizePoolingPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> ops;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (llvm::isa<linalg::PoolingNchwMaxOp, linalg::PoolingNchwSumOp>(
              op.getOperation()))
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : ops) {
      bool isFloat = llvm::isa<FloatType>(
          getElementTypeOrSelf(op.getDpsInitOperand(0)->get().getType()));
      if (auto max = llvm::dyn_cast<linalg::PoolingNchwMaxOp>(*op))
        (void)vectorizePool(rewriter, op,
                            isFloat ? Combine::MaxF : Combine::MaxS,
                            max.getStrides(), max.getDilations(), vectorBits);
      else if (auto sum = llvm::dyn_cast<linalg::PoolingNchwSumOp>(*op))
        (void)vectorizePool(rewriter, op,
                            isFloat ? Combine::AddF : Combine::AddI,
                            sum.getStrides(), sum.getDilations(), vectorBits);
    }
  }
};

} // namespace
