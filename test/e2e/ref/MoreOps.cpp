//===- MoreOps.cpp - qnn-ref: integer arithmetic and pooling indices ------===//
//
// The plain integer ops of QNNIntegerOps.td and max_pool2d_indices,
// transcribed from their descriptions: values are exact integers (held as
// doubles, so up to 2^53), wrapped into the element type after each
// operation; `is_unsigned` reads the signless values as unsigned.
//
//===----------------------------------------------------------------------===//

#include "EvaluatorDetail.h"

#include "quant/Dialect/QNN/IR/QNN.h"

#include <cmath>

using namespace mlir;
using namespace qnnref;
using namespace qnnref::detail;

namespace {

/// The signed range [lo, hi] of a signless integer type and its unsigned
/// range [0, uhi].
struct IntRange {
  int64_t lo, hi, uhi;
};

IntRange rangeOf(Type elt) {
  unsigned width = elt.getIntOrFloatBitWidth();
  int64_t half = int64_t{1} << (width - 1);
  return {-half, half - 1, 2 * half - 1};
}

/// The value `v` (held signed) as the op reads it.
int64_t read(double v, bool isUnsigned, const IntRange &r) {
  int64_t x = static_cast<int64_t>(v);
  return isUnsigned ? static_cast<int64_t>(wrapInto(x, 0, r.uhi)) : x;
}

template <typename OpTy>
bool binary(Operation &op, const std::vector<const Tensor *> &in, Tensor &r) {
  auto o = llvm::dyn_cast<OpTy>(op);
  if (!o)
    return false;
  Type elt = llvm::cast<RankedTensorType>(o.getType()).getElementType();
  IntRange range = rangeOf(elt);
  bool isUnsigned = o.getIsUnsigned();
  r = make(o.getType());
  forEach(r.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    int64_t a =
        read(in[0]->values[broadcastIndex(*in[0], i)], isUnsigned, range);
    int64_t b =
        read(in[1]->values[broadcastIndex(*in[1], i)], isUnsigned, range);
    int64_t v;
    if constexpr (std::is_same_v<OpTy, qnn::IntAddOp>)
      v = a + b;
    else if constexpr (std::is_same_v<OpTy, qnn::IntSubOp>)
      v = a - b;
    else if constexpr (std::is_same_v<OpTy, qnn::IntMulOp>)
      v = a * b;
    else
      v = b == 0 ? 0 : a / b; // C++ truncates toward zero.
    r.values[pos] = wrapInto(v, range.lo, range.hi);
  });
  return true;
}

bool clamp(Operation &op, const std::vector<const Tensor *> &in, Tensor &r) {
  auto o = llvm::dyn_cast<qnn::IntClampOp>(op);
  if (!o)
    return false;
  IntRange range = rangeOf(o.getType().getElementType());
  bool isUnsigned = o.getIsUnsigned();
  int64_t lo = static_cast<int64_t>(o.getMin());
  int64_t hi = static_cast<int64_t>(o.getMax());
  r = *in[0];
  for (double &v : r.values) {
    int64_t x = read(v, isUnsigned, range);
    x = std::min(std::max(x, lo), hi);
    v = wrapInto(x, range.lo, range.hi);
  }
  return true;
}

bool poolIndices(Operation &op, const std::vector<const Tensor *> &in,
                 Tensor &r) {
  auto o = llvm::dyn_cast<qnn::MaxPool2DIndicesOp>(op);
  if (!o)
    return false;
  const Tensor &x = *in[0];
  r = make(o.getType());
  int64_t h = x.shape[2], w = x.shape[3];
  forEach(r.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    int64_t where = windowArgMax(x, i, o.getKernel(), o.getStrides(),
                                 o.getDilations(), o.getPadding());
    // storage_order 1 numbers each plane's elements column by column.
    if (where >= 0 && o.getColumnMajor()) {
      int64_t plane = where / (h * w), iy = where / w % h, ix = where % w;
      where = plane * h * w + ix * h + iy;
    }
    r.values[pos] = static_cast<double>(where);
  });
  return true;
}

} // namespace

bool qnnref::detail::evaluateMoreOps(Operation &op,
                                     const std::vector<const Tensor *> &in,
                                     Tensor &r) {
  return binary<qnn::IntAddOp>(op, in, r) || binary<qnn::IntSubOp>(op, in, r) ||
         binary<qnn::IntMulOp>(op, in, r) || binary<qnn::IntDivOp>(op, in, r) ||
         clamp(op, in, r) || poolIndices(op, in, r);
}
