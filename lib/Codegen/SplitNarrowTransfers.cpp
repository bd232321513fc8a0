//===- SplitNarrowTransfers.cpp - row-end transfers without masks --------===//
//
// Implements -quant-split-narrow-transfers (see Passes.td). A 1-D vector
// transfer that may cross the end of its row lowers to a masked load or
// store; without masked moves for its element width (i8 / i16 on AVX2,
// everything on SSE2 and NEON) LLVM emits one test, branch and scalar
// move per lane. Here such transfers become in-bounds moves: for a
// constant row index, the row's last V elements and one constant shuffle
// (or, for a row shorter than the vector, power-of-two pieces moved as
// i16 / i32 / i64 lanes); for a run-time index, an in-bounds fast path
// plus a stack-buffer shift for the row's end.
//
//===----------------------------------------------------------------------===//

#include "CodegenUtils.h"
#include "quant/Codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/DenseMap.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_QUANTSPLITNARROWTRANSFERS
#include "quant/Codegen/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn::compiler;

namespace {

/// What a candidate transfer looks like: a 1-D vector of `lanes` elements
/// along the innermost dimension (`rowSize` elements, unit stride) of a
/// memref, starting at `index` of that dimension.
struct RowTransfer {
  int64_t lanes, rowSize;
  Value index;
};

/// The transfer's row, or nullopt when it is not a candidate (masked,
/// in bounds, not 1-D along the innermost dimension, strided, or a row
/// shorter than the vector).
template <typename TransferOp>
std::optional<RowTransfer> matchRow(TransferOp op, unsigned nativeMaskBits) {
  VectorType vecType = op.getVectorType();
  auto memType = llvm::dyn_cast<MemRefType>(op.getBase().getType());
  if (!memType || vecType.getRank() != 1 || vecType.isScalable() ||
      op.getMask() || op.getInBoundsValues()[0] ||
      !op.getPermutationMap().isMinorIdentity() || memType.getRank() == 0)
    return std::nullopt;
  Type elem = vecType.getElementType();
  if (!elem.isIntOrFloat())
    return std::nullopt;
  unsigned bits = elem.getIntOrFloatBitWidth();
  if (nativeMaskBits != 0 && bits >= nativeMaskBits)
    return std::nullopt;
  int64_t rowSize = memType.getShape().back();
  int64_t lanes = vecType.getNumElements();
  if (ShapedType::isDynamic(rowSize))
    return std::nullopt;
  // A row shorter than the vector: only a constant index is handled (as
  // pieces), and only when each piece is a whole number of bytes.
  if (rowSize < lanes && (!getConstantIntValue(op.getIndices().back()) ||
                          bits % 8 != 0 || !llvm::isPowerOf2_64(lanes * bits)))
    return std::nullopt;
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(memType.getStridesAndOffset(strides, offset)) ||
      strides.back() != 1)
    return std::nullopt;
  return RowTransfer{lanes, rowSize, op.getIndices().back()};
}

/// `indices` with the last one replaced by `last`.
SmallVector<Value> withLast(ValueRange indices, Value last) {
  SmallVector<Value> result(indices.begin(), indices.end());
  result.back() = last;
  return result;
}

/// The stack buffers of one function: one 2V-element buffer per vector
/// type, allocated in the entry block.
class ScratchBuffers {
public:
  explicit ScratchBuffers(func::FuncOp func) : func(func) {}

  Value get(OpBuilder &b, VectorType vecType) {
    Value &buffer = buffers[vecType];
    if (!buffer) {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(&func.getBody().front());
      auto type = MemRefType::get({2 * vecType.getNumElements()},
                                  vecType.getElementType());
      buffer = memref::AllocaOp::create(b, func.getLoc(), type);
    }
    return buffer;
  }

private:
  func::FuncOp func;
  llvm::DenseMap<Type, Value> buffers;
};

/// The indices of the row's last V elements (`op`'s row).
template <typename TransferOp>
SmallVector<Value> rowEndIndices(OpBuilder &b, Location loc, TransferOp op,
                                 const RowTransfer &row) {
  return withLast(op.getIndices(), cIdx(b, loc, row.rowSize - row.lanes));
}

/// Where lane 0 of a run-time-indexed transfer falls among the row's last
/// V elements: index - (rowSize - V), at most V (wholly past the row).
Value rowEndShift(OpBuilder &b, Location loc, const RowTransfer &row) {
  Value shift = arith::SubIOp::create(b, loc, row.index,
                                      cIdx(b, loc, row.rowSize - row.lanes));
  return arith::MinUIOp::create(b, loc, shift, cIdx(b, loc, row.lanes));
}

/// [offset, size) pieces of the first `count` lanes: descending powers of
/// two, so each piece's offset is a multiple of its size.
SmallVector<std::pair<int64_t, int64_t>> pieces(int64_t count) {
  SmallVector<std::pair<int64_t, int64_t>> result;
  int64_t offset = 0;
  for (int64_t size = llvm::PowerOf2Ceil(count); size > 0; size /= 2) {
    if (offset + size > count)
      continue;
    result.push_back({offset, size});
    offset += size;
  }
  return result;
}

/// The integer (or vector of i64) that one piece of `size` elements of
/// `vecType` is moved as: a scalar up to 64 bits, else i64 lanes.
Type pieceCarrier(OpBuilder &b, VectorType vecType, int64_t size) {
  int64_t bits = size * vecType.getElementTypeBitWidth();
  if (bits <= 64)
    return b.getIntegerType(bits);
  return VectorType::get({bits / 64}, b.getI64Type());
}

/// `v` (of `vecType`) viewed as lanes of `carrier` (its whole width).
Value asCarrierLanes(OpBuilder &b, Location loc, Value v, VectorType vecType,
                     Type carrier) {
  int64_t total = vecType.getNumElements() * vecType.getElementTypeBitWidth();
  Type lane = getElementTypeOrSelf(carrier);
  auto type = VectorType::get({total / lane.getIntOrFloatBitWidth()}, lane);
  return vector::BitCastOp::create(b, loc, type, v);
}

/// Lane index of a piece at `offset` (elements) among carrier lanes.
int64_t carrierLane(VectorType vecType, Type carrier, int64_t offset) {
  int64_t laneBits = getElementTypeOrSelf(carrier).getIntOrFloatBitWidth();
  return offset * vecType.getElementTypeBitWidth() / laneBits;
}

/// The piece [offset, offset + size) of a row read (in bounds), moved into
/// `result` through wide integer lanes (one vpinsrq / vpinsrd / vpinsrw
/// per piece instead of a vpinsrb per byte).
Value insertPiece(OpBuilder &b, Location loc, vector::TransferReadOp op,
                  Value result, int64_t index, int64_t offset, int64_t size) {
  VectorType vecType = op.getVectorType();
  Type carrier = pieceCarrier(b, vecType, size);
  Value piece = readVector(
      b, loc, VectorType::get({size}, vecType.getElementType()), op.getBase(),
      withLast(op.getIndices(), cIdx(b, loc, index + offset)), op.getPadding());
  Value lanes = asCarrierLanes(b, loc, result, vecType, carrier);
  int64_t lane = carrierLane(vecType, carrier, offset);
  if (auto wide = llvm::dyn_cast<VectorType>(carrier)) {
    piece = vector::BitCastOp::create(b, loc, wide, piece);
    lanes = vector::InsertStridedSliceOp::create(
        b, loc, piece, lanes, ArrayRef<int64_t>{lane}, ArrayRef<int64_t>{1});
  } else {
    piece =
        vector::BitCastOp::create(b, loc, VectorType::get({1}, carrier), piece);
    Value scalar =
        vector::ExtractOp::create(b, loc, piece, ArrayRef<int64_t>{0});
    lanes = vector::InsertOp::create(b, loc, scalar, lanes,
                                     ArrayRef<int64_t>{lane});
  }
  return vector::BitCastOp::create(b, loc, vecType, lanes);
}

/// Stores the piece [offset, offset + size) of `op`'s vector (in bounds).
void writePiece(OpBuilder &b, Location loc, vector::TransferWriteOp op,
                int64_t index, int64_t offset, int64_t size) {
  VectorType vecType = op.getVectorType();
  Type carrier = pieceCarrier(b, vecType, size);
  Value lanes = asCarrierLanes(b, loc, op.getVector(), vecType, carrier);
  int64_t lane = carrierLane(vecType, carrier, offset);
  Value piece;
  if (auto wide = llvm::dyn_cast<VectorType>(carrier)) {
    piece = vector::ExtractStridedSliceOp::create(
        b, loc, lanes, ArrayRef<int64_t>{lane},
        ArrayRef<int64_t>{wide.getNumElements()}, ArrayRef<int64_t>{1});
  } else {
    Value scalar =
        vector::ExtractOp::create(b, loc, lanes, ArrayRef<int64_t>{lane});
    piece = vector::BroadcastOp::create(b, loc, VectorType::get({1}, carrier),
                                        scalar);
  }
  piece = vector::BitCastOp::create(
      b, loc, VectorType::get({size}, vecType.getElementType()), piece);
  writeVector(b, loc, piece, op.getBase(),
              withLast(op.getIndices(), cIdx(b, loc, index + offset)));
}

/// The read of the lanes [index, rowSize) of the row, the rest padding,
/// for a run-time index past rowSize - V: the row's last V elements and V
/// padding elements are stored side by side, and the V elements from
/// index - (rowSize - V) are read back (clamped, so a read wholly past the
/// row gives the padding).
Value readRowEnd(OpBuilder &b, Location loc, vector::TransferReadOp op,
                 const RowTransfer &row, ScratchBuffers &scratch) {
  VectorType vecType = op.getVectorType();
  Value scratchBuf = scratch.get(b, vecType);
  Value tail = readVector(b, loc, vecType, op.getBase(),
                          rowEndIndices(b, loc, op, row), op.getPadding());
  Value pad = vector::BroadcastOp::create(b, loc, vecType, op.getPadding());
  writeVector(b, loc, tail, scratchBuf, cIdx(b, loc, 0));
  writeVector(b, loc, pad, scratchBuf, cIdx(b, loc, row.lanes));
  return readVector(b, loc, vecType, scratchBuf, rowEndShift(b, loc, row),
                    op.getPadding());
}

/// The write of lanes [index, rowSize) for a run-time index past
/// rowSize - V: the row's last V elements are read into the buffer, the
/// vector is stored over them at its offset, and the V elements go back.
void writeRowEnd(OpBuilder &b, Location loc, vector::TransferWriteOp op,
                 const RowTransfer &row, ScratchBuffers &scratch) {
  VectorType vecType = op.getVectorType();
  Value scratchBuf = scratch.get(b, vecType);
  SmallVector<Value> tailIndices = rowEndIndices(b, loc, op, row);
  Value tail = readVector(b, loc, vecType, op.getBase(), tailIndices);
  writeVector(b, loc, tail, scratchBuf, cIdx(b, loc, 0));
  writeVector(b, loc, op.getVector(), scratchBuf, rowEndShift(b, loc, row));
  Value merged = readVector(b, loc, vecType, scratchBuf, cIdx(b, loc, 0));
  writeVector(b, loc, merged, op.getBase(), tailIndices);
}

/// index + V <= rowSize.
Value fitsInRow(OpBuilder &b, Location loc, const RowTransfer &row) {
  Value end = arith::AddIOp::create(b, loc, row.index, cIdx(b, loc, row.lanes));
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ule, end,
                               cIdx(b, loc, row.rowSize));
}

void splitRead(vector::TransferReadOp op, const RowTransfer &row,
               ScratchBuffers &scratch) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  VectorType vecType = op.getVectorType();
  std::optional<int64_t> constIndex = getConstantIntValue(row.index);
  Value result;
  if (constIndex) {
    // The row's last V elements, shifted down into place by one constant
    // two-source shuffle whose second source is the padding.
    int64_t shift = *constIndex - (row.rowSize - row.lanes);
    Value pad = vector::BroadcastOp::create(b, loc, vecType, op.getPadding());
    if (row.rowSize < row.lanes) {
      // No V elements to shuffle from: the row's lanes move as pieces.
      result = pad;
      int64_t valid = std::max<int64_t>(0, row.rowSize - *constIndex);
      for (auto [offset, size] : pieces(valid))
        result = insertPiece(b, loc, op, result, *constIndex, offset, size);
    } else if (shift >= row.lanes) {
      result = pad;
    } else {
      Value tail = readVector(b, loc, vecType, op.getBase(),
                              rowEndIndices(b, loc, op, row), op.getPadding());
      SmallVector<int64_t> mask;
      for (int64_t j = 0; j < row.lanes; ++j)
        mask.push_back(j + shift < row.lanes ? j + shift : row.lanes + j);
      result = vector::ShuffleOp::create(b, loc, tail, pad, mask);
    }
  } else {
    auto ifOp = scf::IfOp::create(
        b, loc, fitsInRow(b, loc, row),
        [&](OpBuilder &b, Location loc) {
          Value v = readVector(b, loc, vecType, op.getBase(), op.getIndices(),
                               op.getPadding());
          scf::YieldOp::create(b, loc, v);
        },
        [&](OpBuilder &b, Location loc) {
          scf::YieldOp::create(b, loc, readRowEnd(b, loc, op, row, scratch));
        });
    result = ifOp.getResult(0);
  }
  op.getResult().replaceAllUsesWith(result);
  op.erase();
}

void splitWrite(vector::TransferWriteOp op, const RowTransfer &row,
                ScratchBuffers &scratch) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  VectorType vecType = op.getVectorType();
  std::optional<int64_t> constIndex = getConstantIntValue(row.index);
  if (constIndex) {
    // The row's last V elements with the vector's first lanes shuffled in
    // over their end (one constant two-source shuffle), stored back whole.
    int64_t shift = *constIndex - (row.rowSize - row.lanes);
    if (row.rowSize < row.lanes) {
      int64_t valid = std::max<int64_t>(0, row.rowSize - *constIndex);
      for (auto [offset, size] : pieces(valid))
        writePiece(b, loc, op, *constIndex, offset, size);
    } else if (shift < row.lanes) {
      SmallVector<Value> tailIndices = rowEndIndices(b, loc, op, row);
      Value tail = readVector(b, loc, vecType, op.getBase(), tailIndices);
      SmallVector<int64_t> mask;
      for (int64_t j = 0; j < row.lanes; ++j)
        mask.push_back(j < shift ? j : row.lanes + j - shift);
      Value merged =
          vector::ShuffleOp::create(b, loc, tail, op.getVector(), mask);
      writeVector(b, loc, merged, op.getBase(), tailIndices);
    }
  } else {
    scf::IfOp::create(
        b, loc, fitsInRow(b, loc, row),
        [&](OpBuilder &b, Location loc) {
          writeVector(b, loc, op.getVector(), op.getBase(), op.getIndices());
          scf::YieldOp::create(b, loc);
        },
        [&](OpBuilder &b, Location loc) {
          writeRowEnd(b, loc, op, row, scratch);
          scf::YieldOp::create(b, loc);
        });
  }
  op.erase();
}

struct QuantSplitNarrowTransfersPass
    : qnn::impl::QuantSplitNarrowTransfersBase<QuantSplitNarrowTransfersPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    // Subviews, expand / collapse shapes folded into the transfers, so the
    // row and its index are the ones the lowering will see.
    {
      RewritePatternSet patterns(&getContext());
      memref::populateFoldMemRefAliasOpPatterns(patterns);
      (void)applyPatternsGreedily(func, std::move(patterns));
    }
    // Tensor-level transfers (none after bufferization) are skipped by
    // matchRow; only memref transfers are collected.
    SmallVector<Operation *> transfers;
    func.walk([&](Operation *op) {
      if (llvm::isa<vector::TransferReadOp, vector::TransferWriteOp>(op))
        transfers.push_back(op);
    });
    ScratchBuffers scratch(func);
    for (Operation *op : transfers) {
      if (auto read = llvm::dyn_cast<vector::TransferReadOp>(op)) {
        if (std::optional<RowTransfer> row = matchRow(read, nativeMaskBits))
          splitRead(read, *row, scratch);
      } else if (auto write = llvm::dyn_cast<vector::TransferWriteOp>(op)) {
        if (std::optional<RowTransfer> row = matchRow(write, nativeMaskBits))
          splitWrite(write, *row, scratch);
      }
    }
  }
};

} // namespace
