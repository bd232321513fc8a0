//===- LinearKernels.h - the conv / GEMM kernel plan ------------*- C++ -*-===//
//
// Private to lib/Codegen: the shape and tiling plan of one conv / GEMM
// rewritten by -quant-linear-kernels, shared by the tile emitter
// (LinearKernels.cpp) and the run-time layout changes around it
// (KernelLayout.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_CODEGEN_LINEARKERNELS_H
#define QUANT_LIB_CODEGEN_LINEARKERNELS_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/Value.h"
#include "quant/Conversion/QNNToLinalg.h"
#include "quant/Dialect/QNN/IR/QNN.h"

#include <vector>

namespace mlir::qnn::compiler {

/// How one step of the reduction multiplies and accumulates.
enum class DotKind {
  Float,   ///< f32 FMA, depth 1.
  Int32,   ///< i8 sign-extended to i32, multiply + add, depth 1.
  PMAddWD, ///< x86 pmaddwd on i16 pairs, depth 2.
  VNNI, ///< vpdpbusd (AVX-512 VNNI / AVX-VNNI) on u8 x s8 quadruples, depth 4.
  /// x86 pmaddubsw (u8 x s8 pairs summed to i16) then pmaddwd with ones
  /// (i16 pairs to i32) on VNNI's quadruples, depth 4; only for weights
  /// whose pair sums cannot saturate i16 (see maddubsExact).
  MAddUBSW,
};

/// Whether the dot takes the activations as u8 codes biased by +128 (and
/// the bias is corrected by -128 * sum_k w).
inline bool biasedU8(DotKind k) {
  return k == DotKind::VNNI || k == DotKind::MAddUBSW;
}

/// A convolution in the kernel's terms. A GEMM [M, K] x [K, O] is the 1x1
/// convolution of a 1 x M image with K channels (input already "NHWC").
struct ConvShape {
  int64_t n = 1, c = 1, h = 1, w = 1; ///< Input.
  int64_t o = 1, kh = 1, kw = 1;      ///< Weights.
  int64_t sy = 1, sx = 1, dy = 1, dx = 1;
  int64_t pt = 0, pl = 0, pb = 0, pr = 0;
  int64_t oh = 1, ow = 1;
  bool gemm = false;
};

/// Everything the tile emitter and the layout changes need.
struct Plan {
  ConvShape s;
  DotKind kind;
  int64_t lanes, depth, mr, nv;
  bool interleave = true; ///< Panels of a channel group interleaved per step.
  /// The VNNI / pmaddwd dot products as portable vector ops (emulation of
  /// a CPU the host is not; everything else as for that CPU).
  bool emulate = false;
  /// Channel steps per reduction block: each block (those steps of every
  /// tap) runs over all pixel tiles of a channel group before the next.
  /// Cp / depth (one block) unless the group's weights exceed the cache
  /// budget.
  int64_t cBlock = 1;
  Type elem, acc; ///< Packed operand and accumulator element types.
  int64_t hp, wp, cp, kq, op;
  int64_t p;     ///< Output pixels per image (OH * OW; M for a GEMM).
  int64_t prow;  ///< Rows of the [N][prow][Op] accumulator tensor per image
                 ///< (p rounded up to whole transpose blocks for a conv).
  Value x;       ///< Packed input [N][Hp][Wp][Cp].
  Value w, bias; ///< Flat tensors: packed weights, padded bias.
};

/// A requantization fused into a conv's output unpacking: a half_even
/// qnn.rescale of the i32 accumulators that fits 32-bit arithmetic, with
/// one f32 scale or one per output channel.
struct FusedRescale {
  HalfEvenRescale32 params;
  SmallVector<float> scales;
  Type elem; ///< Result element type.
};

/// The input converted to the dot's operand type (xor 0x80 = +128 as u8
/// for VNNI), zero-padded and laid out [N][Hp][Wp][Cp].
Value packInput(OpBuilder &b, Location loc, const Plan &pl, Value x);

/// The [N][prow][Op] accumulators of a conv as its NCHW result `type`,
/// requantized on the way by `rescale` if given.
Value unpackOutput(OpBuilder &b, Location loc, const Plan &pl, Value out,
                   RankedTensorType type,
                   const FusedRescale *rescale = nullptr);

/// The kernel's view of a conv (its own padding in pt..pr) and of a GEMM
/// [M, K] x weights ([O, K] if `transposed`, else [K, O]).
ConvShape convShapeOf(qnn::Conv2DOp op);
ConvShape gemmShapeOf(Value x, Value w, bool transposed);
/// True if some operand or result dimension of `s` is zero (a GEMM with no
/// rows, a conv without channels or pixels): such ops have no tiles (the
/// kernel plans would divide by zero) and stay with the generic lowering,
/// whose loops run zero times.
bool isEmptyShape(const ConvShape &s);
/// GEMM weights as [O][K] (OIHW with H = W = 1).
std::vector<double> weightsAsOI(const ConvShape &s, std::vector<double> w,
                                bool transposed);

/// Calls `conv` on every conv2d and `gemm(op, x, w, bias, transposed)` on
/// every fully_connected (transposed weights) and matmul under `root` that
/// `filter` accepts; the ops are collected first, so the callbacks may
/// rewrite them.
void forEachLinearOp(
    Operation *root, function_ref<bool(Operation *)> filter,
    function_ref<void(qnn::Conv2DOp)> conv,
    function_ref<void(Operation *, Value, Value, Value, bool)> gemm);

/// The input row and column of the (0, 0) tap of output pixels
/// [p, p + mr) (p linear over OH x OW).
void windowOrigins(OpBuilder &b, Location loc, const ConvShape &s, Value p,
                   int64_t mr, SmallVectorImpl<Value> &rows,
                   SmallVectorImpl<Value> &cols);

/// Helpers shared by the kernel files (see also CodegenUtils.h).
Value mulAdd(OpBuilder &b, Location loc, Value a, int64_t k, Value c);
SmallVector<OpFoldResult> indexAttrs(OpBuilder &b, ArrayRef<int64_t> values);

} // namespace mlir::qnn::compiler

#endif // QUANT_LIB_CODEGEN_LINEARKERNELS_H
