//===- AccumulatorRange.cpp - integer accumulator widths ------------------===//
//
// Bit-growth rules and the exact accumulator range of linear ops (see
// AccumulatorRange.h). A linear op accumulates, per output element,
//
//   acc = bias_o + sum_k (x_k - z_x) * (w_{o,k} - z_w)
//
// on integer codes. With x - z_x in [a, b] (a <= 0 <= b, since the zero
// point is a code) the product with a weight value c lies in
// [min(a c, b c), max(a c, b c)], so with constant weights the partial sums
// of channel o stay within [sum_k min(0, .) + min(0, bias_o),
// sum_k max(0, .) + max(0, bias_o)] whatever the summation order, padding
// (which adds 0) or bias placement. Without constant weights every weight
// spans its storage range. Taking the weight values is what makes the bound
// tight: an 8-bit layer with K = 576 has a bit-growth bound of 26 bits but
// usually needs about 20.
//
//===----------------------------------------------------------------------===//

#include "AccumulatorRange.h"
#include "quant/Support/Numerics.h"

#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <limits>

using namespace mlir;
using namespace mlir::qnn;

// Bit growth comes from the shared numerics library.
static unsigned signedBits(int64_t lo, int64_t hi) {
  return numerics::signedBitsFor({lo, hi});
}

//===----------------------------------------------------------------------===//
// Operand codes
//===----------------------------------------------------------------------===//

namespace {
/// The integer values an operand contributes to the accumulator: its codes
/// minus the zero point (binary: -1 / +1, ternary: -1 / 0 / +1).
struct CodeView {
  int64_t lo = 0, hi = 0;
  /// Per element, row-major, when the operand is a constant.
  std::optional<SmallVector<int64_t>> values;
};

/// int64 arithmetic that saturates and remembers an overflow.
struct Checked {
  bool overflow = false;
  int64_t add(int64_t a, int64_t b) {
    int64_t r;
    if (llvm::AddOverflow(a, b, r)) {
      overflow = true;
      return b > 0 ? std::numeric_limits<int64_t>::max()
                   : std::numeric_limits<int64_t>::min();
    }
    return r;
  }
  int64_t mul(int64_t a, int64_t b) {
    int64_t r;
    if (llvm::MulOverflow(a, b, r)) {
      overflow = true;
      return (a < 0) != (b < 0) ? std::numeric_limits<int64_t>::min()
                                : std::numeric_limits<int64_t>::max();
    }
    return r;
  }
};
} // namespace

/// The storage values of a constant (`qnn.constant` or an integer
/// `arith.constant`), or nullopt.
static std::optional<SmallVector<APInt>> getConstantStorage(Value v) {
  Attribute attr;
  if (auto c = v.getDefiningOp<qnn::ConstantOp>())
    attr = c.getValue();
  else if (auto c = v.getDefiningOp<arith::ConstantOp>())
    attr = c.getValue();
  auto elements = llvm::dyn_cast_if_present<ElementsAttr>(attr);
  if (!elements)
    return std::nullopt;
  auto range = elements.tryGetValues<APInt>();
  if (!range)
    return std::nullopt;
  return SmallVector<APInt>(range->begin(), range->end());
}

/// The codes of `v` (looking through a dequantize), or nullopt for float
/// values and element types without integer codes (codebooks).
static std::optional<CodeView> getCodeView(Value v) {
  if (auto dq = v.getDefiningOp<DequantizeOp>())
    v = dq.getInput();
  auto type = llvm::dyn_cast<RankedTensorType>(v.getType());
  if (!type)
    return std::nullopt;
  Type elt = type.getElementType();
  std::optional<SmallVector<APInt>> storage = getConstantStorage(v);
  CodeView view;
  if (std::optional<AffineParams> p = getAffineParams(elt)) {
    view.lo = std::numeric_limits<int64_t>::max();
    view.hi = std::numeric_limits<int64_t>::min();
    for (int64_t zp : p->zeroPoints) {
      view.lo = std::min(view.lo, p->qmin - zp);
      view.hi = std::max(view.hi, p->qmax - zp);
    }
    if (storage) {
      int64_t stride = 1, slices = 1;
      if (p->axis >= 0) {
        for (int64_t d = p->axis + 1; d < type.getRank(); ++d)
          stride *= type.getDimSize(d);
        slices = type.getDimSize(p->axis);
      }
      view.values.emplace();
      for (auto [i, code] : llvm::enumerate(*storage)) {
        int64_t c = p->isSigned ? code.getSExtValue()
                                : static_cast<int64_t>(code.getZExtValue());
        int64_t slice = (static_cast<int64_t>(i) / stride) % slices;
        view.values->push_back(c - p->zeroPoint(slice));
      }
    }
    return view;
  }
  if (llvm::isa<BinaryType, TernaryType>(elt)) {
    view.lo = -1;
    view.hi = 1;
    if (storage) {
      bool binary = llvm::isa<BinaryType>(elt);
      view.values.emplace();
      for (const APInt &code : *storage)
        view.values->push_back(binary ? (code.isZero() ? -1 : 1)
                                      : code.getSExtValue());
    }
    return view;
  }
  if (auto i = llvm::dyn_cast<IntegerType>(elt)) {
    if (i.getWidth() > 32)
      return std::nullopt;
    view.lo = -(int64_t(1) << (i.getWidth() - 1));
    view.hi = (int64_t(1) << (i.getWidth() - 1)) - 1;
    if (storage) {
      view.values.emplace();
      for (const APInt &code : *storage)
        view.values->push_back(code.getSExtValue());
    }
    return view;
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Accumulator range
//===----------------------------------------------------------------------===//

namespace {
/// Where the weights of one output element live: `channels` groups of
/// `terms` weights; weight k of group ch is element `index(ch, k)`.
struct WeightLayout {
  int64_t channels = 0, terms = 0;
  /// matmul: the right-hand side is [batch..., K, N]; group ch = (b, n).
  int64_t columns = 0;
  int64_t index(int64_t ch, int64_t k) const {
    if (columns == 0)
      return ch * terms + k;
    return (ch / columns) * terms * columns + k * columns + ch % columns;
  }
};
} // namespace

std::optional<AccumulatorInfo> mlir::qnn::analyzeAccumulator(Operation *op) {
  Value input, weight, bias;
  WeightLayout layout;
  auto wType = [&](Value w) {
    return llvm::cast<RankedTensorType>(w.getType());
  };
  if (auto conv = llvm::dyn_cast<Conv2DOp>(op)) {
    input = conv.getInput();
    weight = conv.getWeight();
    bias = conv.getBias();
    RankedTensorType w = wType(weight);
    if (!w.hasStaticShape())
      return std::nullopt;
    layout.channels = w.getDimSize(0);
    layout.terms = w.getNumElements() / std::max<int64_t>(1, layout.channels);
  } else if (auto fc = llvm::dyn_cast<FullyConnectedOp>(op)) {
    input = fc.getInput();
    weight = fc.getWeight();
    bias = fc.getBias();
    RankedTensorType w = wType(weight);
    if (!w.hasStaticShape())
      return std::nullopt;
    layout.channels = w.getDimSize(0);
    layout.terms = w.getDimSize(1);
  } else if (auto mm = llvm::dyn_cast<MatMulOp>(op)) {
    input = mm.getLhs();
    weight = mm.getRhs();
    RankedTensorType w = wType(weight);
    if (!w.hasStaticShape())
      return std::nullopt;
    int64_t rank = w.getRank();
    layout.terms = w.getDimSize(rank - 2);
    layout.columns = w.getDimSize(rank - 1);
    layout.channels = w.getNumElements() / std::max<int64_t>(1, layout.terms);
  } else {
    return std::nullopt;
  }

  std::optional<CodeView> x = getCodeView(input);
  std::optional<CodeView> w = getCodeView(weight);
  if (!x || !w || layout.terms <= 0)
    return std::nullopt;
  std::optional<CodeView> b;
  if (bias)
    b = getCodeView(bias);

  AccumulatorInfo info;
  info.terms = layout.terms;
  info.inputBits = signedBits(x->lo, x->hi);
  info.weightBits = signedBits(w->lo, w->hi);
  info.boundBits = numerics::bitsForDot(info.inputBits, info.weightBits,
                                        static_cast<uint64_t>(layout.terms));
  int64_t biasLo = 0, biasHi = 0;
  if (b) {
    if (b->values && !b->values->empty()) {
      biasLo = *llvm::min_element(*b->values);
      biasHi = *llvm::max_element(*b->values);
    } else {
      biasLo = b->lo;
      biasHi = b->hi;
    }
    info.biasBits = signedBits(biasLo, biasHi);
    info.boundBits = numerics::bitsForAdd(info.boundBits, info.biasBits);
  }
  /// The bias of output group `ch` (its bound when it is not constant).
  auto biasOf = [&](int64_t ch, bool upper) -> int64_t {
    if (!b)
      return 0;
    if (b->values && !b->values->empty()) {
      int64_t n = static_cast<int64_t>(b->values->size());
      return (*b->values)[n == 1 ? 0 : ch % n];
    }
    return upper ? biasHi : biasLo;
  };

  Checked ck;
  int64_t a = x->lo, bx = x->hi;
  info.constantWeights = w->values && static_cast<int64_t>(w->values->size()) ==
                                          layout.channels * layout.terms;
  if (info.constantWeights) {
    info.lo = std::numeric_limits<int64_t>::max();
    info.hi = std::numeric_limits<int64_t>::min();
    for (int64_t ch = 0; ch < layout.channels; ++ch) {
      int64_t lo = 0, hi = 0;
      for (int64_t k = 0; k < layout.terms; ++k) {
        int64_t c = (*w->values)[layout.index(ch, k)];
        int64_t p1 = ck.mul(a, c), p2 = ck.mul(bx, c);
        lo = ck.add(lo, std::min<int64_t>({0, p1, p2}));
        hi = ck.add(hi, std::max<int64_t>({0, p1, p2}));
      }
      lo = ck.add(lo, std::min<int64_t>(0, biasOf(ch, false)));
      hi = ck.add(hi, std::max<int64_t>(0, biasOf(ch, true)));
      info.lo = std::min(info.lo, lo);
      info.hi = std::max(info.hi, hi);
    }
  } else {
    int64_t products[] = {ck.mul(a, w->lo), ck.mul(a, w->hi), ck.mul(bx, w->lo),
                          ck.mul(bx, w->hi)};
    int64_t tmin = std::min<int64_t>(0, *llvm::min_element(products));
    int64_t tmax = std::max<int64_t>(0, *llvm::max_element(products));
    info.lo = ck.add(ck.mul(tmin, layout.terms), std::min<int64_t>(0, biasLo));
    info.hi = ck.add(ck.mul(tmax, layout.terms), std::max<int64_t>(0, biasHi));
  }
  info.bits = ck.overflow ? 64 : signedBits(info.lo, info.hi);
  return info;
}
