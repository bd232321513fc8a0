//===- Evaluator.cpp - naive reference interpreter of qnn graphs ---------===//
//
// One function per op, each a direct transcription of the op's formula in
// dialects/QNN/*.td with nested loops over output positions. Deliberately
// slow and simple; see Evaluator.h. This file has the tensor helpers, the
// linear, pooling, normalization and data-movement ops and the dispatch;
// QuantOps.cpp the quantization family, MoreOps.cpp the integer ops.
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"
#include "EvaluatorDetail.h"

#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <cmath>
#include <functional>
#include <limits>

using namespace mlir;
using namespace qnnref;
using namespace qnnref::detail;

int64_t Tensor::size() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

std::vector<int64_t> Tensor::strides() const {
  std::vector<int64_t> s(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    s[d] = s[d + 1] * shape[d + 1];
  return s;
}

bool qnnref::integerRange(Type elt, int64_t &lo, int64_t &hi) {
  unsigned width;
  bool isSigned;
  if (auto q = llvm::dyn_cast<quant::QuantizedType>(elt)) {
    width = q.getStorageTypeIntegralWidth();
    isSigned = q.isSigned();
  } else if (auto i = llvm::dyn_cast<IntegerType>(elt)) {
    width = i.getWidth();
    isSigned = !i.isUnsigned();
  } else {
    return false;
  }
  if (width >= 64) {
    lo = std::numeric_limits<int64_t>::min();
    hi = std::numeric_limits<int64_t>::max();
  } else if (isSigned) {
    lo = -(int64_t{1} << (width - 1));
    hi = (int64_t{1} << (width - 1)) - 1;
  } else {
    lo = 0;
    hi = (int64_t{1} << width) - 1;
  }
  return true;
}

double qnnref::detail::wrapInto(int64_t v, int64_t lo, int64_t hi) {
  uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
  if (span == 0)
    return static_cast<double>(v);
  int64_t r = static_cast<int64_t>((static_cast<uint64_t>(v - lo)) % span);
  return static_cast<double>(lo + r);
}

Tensor qnnref::detail::make(Type t) {
  auto rt = llvm::cast<RankedTensorType>(t);
  Tensor r;
  r.shape.assign(rt.getShape().begin(), rt.getShape().end());
  r.isFloat = llvm::isa<FloatType>(rt.getElementType());
  r.values.assign(r.size(), 0.0);
  return r;
}

int64_t qnnref::detail::windowArgMax(const Tensor &key,
                                     const std::vector<int64_t> &out,
                                     ArrayRef<int64_t> k, ArrayRef<int64_t> s,
                                     ArrayRef<int64_t> d, ArrayRef<int64_t> p) {
  int64_t h = key.shape[2], w = key.shape[3];
  int64_t best = -1;
  for (int64_t ky = 0; ky < k[0]; ++ky)
    for (int64_t kx = 0; kx < k[1]; ++kx) {
      int64_t iy = out[2] * s[0] + ky * d[0] - p[0];
      int64_t ix = out[3] * s[1] + kx * d[1] - p[1];
      if (iy < 0 || iy >= h || ix < 0 || ix >= w)
        continue; // Padded positions never win.
      int64_t at = ((out[0] * key.shape[1] + out[1]) * h + iy) * w + ix;
      // A NaN beats every number (the first NaN wins): max_pool2d
      // propagates NaN like IEEE maximum.
      double v = key.values[at];
      if (best < 0 || v > key.values[best] ||
          (std::isnan(v) && !std::isnan(key.values[best])))
        best = at;
    }
  return best;
}

void qnnref::detail::forEach(
    const std::vector<int64_t> &shape,
    const std::function<void(const std::vector<int64_t> &, int64_t)> &f) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  std::vector<int64_t> idx(shape.size(), 0);
  for (int64_t i = 0; i < n; ++i) {
    f(idx, i);
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++idx[d] < shape[d])
        break;
      idx[d] = 0;
    }
  }
}

int64_t qnnref::detail::broadcastIndex(const Tensor &in,
                                       const std::vector<int64_t> &idx) {
  std::vector<int64_t> s = in.strides();
  int64_t offset = idx.size() - in.shape.size(), pos = 0;
  for (size_t d = 0; d < in.shape.size(); ++d)
    pos += (in.shape[d] == 1 ? 0 : idx[d + offset]) * s[d];
  return pos;
}

namespace {

/// Reads a dense constant into a tensor of type `t`.
Tensor fromAttr(Attribute attr, Type t) {
  Tensor r = make(t);
  auto dense = llvm::cast<DenseElementsAttr>(attr);
  Type elt = dense.getElementType();
  int64_t i = 0;
  if (llvm::isa<FloatType>(elt)) {
    for (APFloat v : dense.getValues<APFloat>())
      r.values[i++] = v.convertToDouble();
  } else {
    Type tElt = llvm::cast<RankedTensorType>(t).getElementType();
    bool isUnsigned = llvm::cast<IntegerType>(elt).isUnsigned() ||
                      llvm::isa<qnn::CodebookType>(tElt);
    bool isBinary = llvm::isa<qnn::BinaryType>(tElt);
    for (APInt v : dense.getValues<APInt>())
      r.values[i++] = isBinary     ? (v.isZero() ? -1.0 : 1.0)
                      : isUnsigned ? static_cast<double>(v.getZExtValue())
                                   : static_cast<double>(v.getSExtValue());
  }
  if (dense.isSplat())
    std::fill(r.values.begin(), r.values.end(), r.values[0]);
  // Retype to the tensor's interpretation (e.g. ui8 codes of a u8 type).
  int64_t lo, hi;
  if (!r.isFloat &&
      integerRange(llvm::cast<RankedTensorType>(t).getElementType(), lo, hi))
    for (double &v : r.values)
      v = wrapInto(static_cast<int64_t>(v), lo, hi);
  return r;
}

//===----------------------------------------------------------------------===//
// Linear ops
//===----------------------------------------------------------------------===//

Tensor conv2d(qnn::Conv2DOp op, const Tensor &x, const Tensor &w,
              const Tensor *b, double padValue = 0.0) {
  Tensor y = make(op.getType());
  int64_t c = x.shape[1], h = x.shape[2], wd = x.shape[3];
  int64_t o = w.shape[0], cg = w.shape[1], kh = w.shape[2], kw = w.shape[3];
  int64_t g = op.getGroups(), og = o / g;
  ArrayRef<int64_t> s = op.getStrides(), d = op.getDilations(),
                    p = op.getPadding();
  (void)c;
  forEach(y.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    int64_t n = i[0], oc = i[1], oy = i[2], ox = i[3];
    int64_t group = oc / og;
    double acc = b ? b->values[oc] : 0.0;
    for (int64_t ic = 0; ic < cg; ++ic)
      for (int64_t ky = 0; ky < kh; ++ky)
        for (int64_t kx = 0; kx < kw; ++kx) {
          int64_t iy = oy * s[0] + ky * d[0] - p[0];
          int64_t ix = ox * s[1] + kx * d[1] - p[1];
          double wv = w.values[((oc * cg + ic) * kh + ky) * kw + kx];
          if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
            acc += padValue * wv; // Padding reads zero (or pad_value).
            continue;
          }
          int64_t chan = group * cg + ic;
          double xv = x.values[((n * x.shape[1] + chan) * h + iy) * wd + ix];
          acc += xv * wv;
        }
    y.values[pos] = acc;
  });
  return y;
}

Tensor fullyConnected(qnn::FullyConnectedOp op, const Tensor &x,
                      const Tensor &w, const Tensor *b) {
  Tensor y = make(op.getType());
  int64_t k = x.shape[1];
  forEach(y.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    double acc = b ? b->values[i[1]] : 0.0;
    for (int64_t j = 0; j < k; ++j)
      acc += x.values[i[0] * k + j] * w.values[i[1] * k + j];
    y.values[pos] = acc;
  });
  return y;
}

/// Element (batch index `idx` of the result, row r, column c) of a matmul
/// operand with numpy-broadcast batch dimensions.
double matElement(const Tensor &t, const std::vector<int64_t> &idx, int64_t r,
                  int64_t c) {
  size_t rank = t.shape.size(), outBatch = idx.size() - 2;
  std::vector<int64_t> s = t.strides();
  int64_t pos = r * s[rank - 2] + c * s[rank - 1];
  for (size_t d = 0; d + 2 < rank; ++d) {
    int64_t od = d + outBatch - (rank - 2);
    pos += (t.shape[d] == 1 ? 0 : idx[od]) * s[d];
  }
  return t.values[pos];
}

Tensor matmul(qnn::MatMulOp op, const Tensor &a, const Tensor &b) {
  Tensor y = make(op.getType());
  int64_t k = a.shape.back();
  size_t rank = y.shape.size();
  forEach(y.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    double acc = 0;
    for (int64_t j = 0; j < k; ++j)
      acc +=
          matElement(a, i, i[rank - 2], j) * matElement(b, i, j, i[rank - 1]);
    y.values[pos] = acc;
  });
  return y;
}

//===----------------------------------------------------------------------===//
// Pooling, normalization
//===----------------------------------------------------------------------===//

/// max_pool2d: the element of each window whose real value (`key`: the
/// input itself for float and integer tensors, the dequantized codes of a
/// quantized one) is largest, first on ties. Affine, binary and ternary
/// codes order as their reals, codebook indices need not.
Tensor maxPool(qnn::MaxPool2DOp op, const Tensor &x, const Tensor &key) {
  Tensor y = make(op.getType());
  forEach(y.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    y.values[pos] =
        x.values[windowArgMax(key, i, op.getKernel(), op.getStrides(),
                              op.getDilations(), op.getPadding())];
  });
  return y;
}

Tensor avgPool(qnn::AvgPool2DOp op, const Tensor &x) {
  Tensor y = make(op.getType());
  ArrayRef<int64_t> k = op.getKernel(), s = op.getStrides(),
                    p = op.getPadding();
  int64_t h = x.shape[2], w = x.shape[3];
  bool includePad = op.getCountIncludePad();
  forEach(y.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    double sum = 0;
    int64_t count = 0;
    for (int64_t ky = 0; ky < k[0]; ++ky)
      for (int64_t kx = 0; kx < k[1]; ++kx) {
        int64_t iy = i[2] * s[0] + ky - p[0];
        int64_t ix = i[3] * s[1] + kx - p[1];
        bool inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
        // Explicit padding counts with count_include_pad; the ceil-mode
        // overhang beyond it never does.
        bool inPadded =
            iy >= -p[0] && iy < h + p[2] && ix >= -p[1] && ix < w + p[3];
        if (inside)
          sum += x.values[((i[0] * x.shape[1] + i[1]) * h + iy) * w + ix];
        if (inside || (includePad && inPadded))
          ++count;
      }
    y.values[pos] = sum / static_cast<double>(count);
  });
  return y;
}

Tensor globalAvgPool(qnn::GlobalAvgPoolOp op, const Tensor &x) {
  Tensor y = make(op.getType());
  int64_t hw = x.shape[2] * x.shape[3];
  for (int64_t nc = 0; nc < x.shape[0] * x.shape[1]; ++nc) {
    double sum = 0;
    for (int64_t j = 0; j < hw; ++j)
      sum += x.values[nc * hw + j];
    y.values[nc] = sum / static_cast<double>(hw);
  }
  return y;
}

Tensor softmax(qnn::SoftmaxOp op, const Tensor &x) {
  Tensor y = make(op.getType());
  int64_t rank = x.shape.size();
  int64_t axis = static_cast<int64_t>(op.getAxis());
  if (axis < 0)
    axis += rank;
  int64_t stride = x.strides()[axis], len = x.shape[axis];
  forEach(x.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    int64_t base = pos - i[axis] * stride;
    double m = -std::numeric_limits<double>::infinity(), sum = 0;
    for (int64_t j = 0; j < len; ++j)
      m = std::max(m, x.values[base + j * stride]);
    for (int64_t j = 0; j < len; ++j)
      sum += std::exp(x.values[base + j * stride] - m);
    y.values[pos] = std::exp(x.values[pos] - m) / sum;
  });
  return y;
}

Tensor batchNorm(qnn::BatchNormOp op, const std::vector<const Tensor *> &in) {
  const Tensor &x = *in[0];
  Tensor y = make(op.getType());
  double eps = op.getEpsilon().convertToDouble();
  forEach(x.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    int64_t c = i[1];
    y.values[pos] = in[1]->values[c] * (x.values[pos] - in[3]->values[c]) /
                        std::sqrt(in[4]->values[c] + eps) +
                    in[2]->values[c];
  });
  return y;
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

Tensor transpose(qnn::TransposeOp op, const Tensor &x) {
  Tensor y = make(op.getType());
  ArrayRef<int64_t> perm = op.getPermutation();
  std::vector<int64_t> s = x.strides();
  forEach(y.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    int64_t src = 0;
    for (size_t d = 0; d < i.size(); ++d)
      src += i[d] * s[perm[d]];
    y.values[pos] = x.values[src];
  });
  return y;
}

/// concat; affine inputs whose type differs from the result's are
/// requantized half_even (requantCode), as the op description says.
Tensor concat(qnn::ConcatOp op, const std::vector<const Tensor *> &in) {
  Tensor y = make(op.getType());
  Type outElt = op.getType().getElementType();
  int64_t axis = static_cast<int64_t>(op.getAxis());
  if (axis < 0)
    axis += y.shape.size();
  forEach(y.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    int64_t a = i[axis];
    for (auto [t, v] : llvm::zip(in, op.getInputs())) {
      if (a < t->shape[axis]) {
        std::vector<int64_t> j = i;
        j[axis] = a;
        std::vector<int64_t> s = t->strides();
        int64_t src = 0;
        for (size_t d = 0; d < j.size(); ++d)
          src += j[d] * s[d];
        Type inElt = llvm::cast<RankedTensorType>(v.getType()).getElementType();
        y.values[pos] = inElt == outElt || !qnn::getAffineParams(inElt)
                            ? t->values[src]
                            : requantCode(t->values[src], inElt, j, outElt, i);
        return;
      }
      a -= t->shape[axis];
    }
  });
  return y;
}

/// pad; in constant mode a quantized tensor's border holds the code of
/// the real `value` in the slice of the output position.
Tensor pad(qnn::PadOp op, const Tensor &x) {
  Tensor y = make(op.getType());
  ArrayRef<int64_t> pads = op.getPads();
  size_t rank = y.shape.size();
  std::vector<int64_t> s = x.strides();
  double value = op.getValue().convertToDouble();
  qnn::PadMode mode = op.getMode();
  Type elt = op.getType().getElementType();
  bool quantized = !llvm::isa<FloatType, IntegerType>(elt);
  forEach(y.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    int64_t src = 0;
    for (size_t d = 0; d < rank; ++d) {
      int64_t j = i[d] - pads[d], last = x.shape[d] - 1;
      if (mode == qnn::PadMode::Edge)
        j = std::min(std::max<int64_t>(j, 0), last);
      if (mode == qnn::PadMode::Reflect)
        j = j < 0 ? -j : j > last ? 2 * last - j : j;
      if (j < 0 || j >= x.shape[d]) {
        y.values[pos] = quantized ? codeOfReal(elt, value, i) : value;
        return;
      }
      src += j * s[d];
    }
    y.values[pos] = x.values[src];
  });
  return y;
}

//===----------------------------------------------------------------------===//
// Linear ops on quantized operands
//===----------------------------------------------------------------------===//

/// Linear ops on binary / ternary / codebook operands compute on the reals
/// (a binary conv input pads with pad_value times its alpha).
bool lowBitLinear(Operation &op, const std::vector<const Tensor *> &in,
                  Tensor &r) {
  if (!llvm::any_of(op.getOperandTypes(), isLowBitKind))
    return false;
  std::vector<Tensor> reals;
  for (auto [v, t] : llvm::zip(op.getOperands(), in))
    reals.push_back(realsOf(*t, v.getType()));
  const Tensor *bias = reals.size() > 2 ? &reals[2] : nullptr;
  if (auto conv = llvm::dyn_cast<qnn::Conv2DOp>(op)) {
    double padValue = 0.0;
    // pad_value 0 pads with zeros (no code); +1 / -1 with that code.
    if (std::optional<uint64_t> pv = conv.getPadValue();
        pv && static_cast<int64_t>(*pv) != 0)
      padValue = lowBitReal(conv.getInput().getType().getElementType(),
                            static_cast<double>(static_cast<int64_t>(*pv)), 0);
    r = conv2d(conv, reals[0], reals[1], bias, padValue);
  } else if (auto fc = llvm::dyn_cast<qnn::FullyConnectedOp>(op)) {
    r = fullyConnected(fc, reals[0], reals[1], bias);
  } else {
    r = matmul(llvm::cast<qnn::MatMulOp>(op), reals[0], reals[1]);
  }
  return true;
}

/// The codes of the affine tensor `x` of type `type` minus their zero
/// points (exact integers).
Tensor centeredCodes(const Tensor &x, Type type) {
  Type elt = llvm::cast<RankedTensorType>(type).getElementType();
  Tensor y = x;
  forEach(x.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    double scale;
    int64_t zp;
    affineParams(elt, i, scale, zp);
    y.values[pos] = x.values[pos] - static_cast<double>(zp);
  });
  return y;
}

/// Linear ops on affine operands (the quantized-type form): the exact
/// integer accumulator bias + sum (x - z_x) * (w - z_w[o]) (padding reads
/// the input's zero point, real 0), whose real value is acc * s_x * s_w[o];
/// returned as is for an i32 result, dequantized for a float result, and
/// for an affine result requantized half_even as ONNX Runtime does: f32(acc)
/// times the f32 scale (s_x * s_w[o]) / s_y, rounded, plus z_y, saturated
/// (s_y, z_y of the output position's slice).
bool affineLinear(Operation &op, const std::vector<const Tensor *> &in,
                  Tensor &r) {
  Type inElt =
      llvm::cast<RankedTensorType>(op.getOperand(0).getType()).getElementType();
  auto xType = llvm::dyn_cast<quant::UniformQuantizedType>(inElt);
  if (!xType)
    return false;
  Tensor x = centeredCodes(*in[0], op.getOperand(0).getType());
  Tensor w = centeredCodes(*in[1], op.getOperand(1).getType());
  const Tensor *bias = in.size() > 2 ? in[2] : nullptr; // Zero point 0.
  auto resultType = llvm::cast<RankedTensorType>(op.getResult(0).getType());
  int64_t channelDim = 1; // Output channels; the weights' axis 0.
  if (auto conv = llvm::dyn_cast<qnn::Conv2DOp>(op)) {
    r = conv2d(conv, x, w, bias);
  } else if (auto fc = llvm::dyn_cast<qnn::FullyConnectedOp>(op)) {
    r = fullyConnected(fc, x, w, bias);
  } else {
    r = matmul(llvm::cast<qnn::MatMulOp>(op), x, w);
    channelDim = resultType.getRank() - 1; // rhs columns, its last axis.
  }
  Type resultElt = resultType.getElementType();
  if (resultElt.isSignlessInteger(32))
    return true;
  // Weights are per tensor or per output channel.
  Type wElt =
      llvm::cast<RankedTensorType>(op.getOperand(1).getType()).getElementType();
  auto wPerAxis = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(wElt);
  bool floatResult = llvm::isa<FloatType>(resultElt);
  int64_t qmin = 0, qmax = 0;
  integerRange(resultElt, qmin, qmax);
  forEach(r.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
    double sw = wPerAxis
                    ? wPerAxis.getScales()[i[channelDim]]
                    : llvm::cast<quant::UniformQuantizedType>(wElt).getScale();
    float acc = static_cast<float>(r.values[pos]);
    if (floatResult) {
      r.values[pos] = acc * static_cast<float>(xType.getScale() * sw);
      return;
    }
    double sy;
    int64_t zy;
    affineParams(resultElt, i, sy, zy);
    float scale = static_cast<float>(xType.getScale()) *
                  static_cast<float>(sw) / static_cast<float>(sy);
    // Ties to even by default.
    r.values[pos] = saturateCode(std::nearbyint(acc * scale), zy, qmin, qmax);
  });
  return true;
}

//===----------------------------------------------------------------------===//
// Dispatch
//===----------------------------------------------------------------------===//

/// True for a ranked tensor of a quantized element type (affine, binary,
/// ternary, codebook), whose values qnn-ref holds as codes.
bool isQuantizedTensor(Type t) {
  auto rt = llvm::dyn_cast<RankedTensorType>(t);
  return rt &&
         llvm::isa<quant::QuantizedType, qnn::BinaryType, qnn::TernaryType,
                   qnn::CodebookType>(rt.getElementType());
}

/// The ops whose definition is arithmetic on real values.
bool isRealValued(Operation &op) {
  return llvm::isa<qnn::AddOp, qnn::MulOp, qnn::SubOp, qnn::DivOp,
                   qnn::LeakyReluOp, qnn::SigmoidOp, qnn::ClampOp, qnn::SignOp,
                   qnn::AvgPool2DOp, qnn::GlobalAvgPoolOp, qnn::SoftmaxOp,
                   qnn::BatchNormOp>(op);
}

/// Evaluates a real-valued op (isRealValued) on the reals `in`, in double.
Tensor evaluateReal(Operation &op, const std::vector<const Tensor *> &in) {
  Tensor r = *in[0];
  if (llvm::isa<qnn::AddOp, qnn::MulOp, qnn::SubOp, qnn::DivOp>(op)) {
    r = make(op.getResult(0).getType());
    forEach(r.shape, [&](const std::vector<int64_t> &i, int64_t pos) {
      double a = in[0]->values[broadcastIndex(*in[0], i)];
      double b = in[1]->values[broadcastIndex(*in[1], i)];
      r.values[pos] = llvm::isa<qnn::AddOp>(op)   ? a + b
                      : llvm::isa<qnn::MulOp>(op) ? a * b
                      : llvm::isa<qnn::SubOp>(op) ? a - b
                                                  : a / b;
    });
  } else if (auto o = llvm::dyn_cast<qnn::LeakyReluOp>(op)) {
    double alpha = o.getAlpha().convertToDouble();
    for (double &v : r.values)
      v = v < 0 ? alpha * v : v;
  } else if (llvm::isa<qnn::SigmoidOp>(op)) {
    for (double &v : r.values)
      v = 1.0 / (1.0 + std::exp(-v));
  } else if (auto o = llvm::dyn_cast<qnn::ClampOp>(op)) {
    double lo = o.getMin().convertToDouble(), hi = o.getMax().convertToDouble();
    for (double &v : r.values)
      v = std::min(std::max(v, lo), hi);
  } else if (llvm::isa<qnn::SignOp>(op)) {
    for (double &v : r.values)
      v = v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
  } else if (auto o = llvm::dyn_cast<qnn::AvgPool2DOp>(op)) {
    r = avgPool(o, *in[0]);
  } else if (auto o = llvm::dyn_cast<qnn::GlobalAvgPoolOp>(op)) {
    r = globalAvgPool(o, *in[0]);
  } else if (auto o = llvm::dyn_cast<qnn::SoftmaxOp>(op)) {
    r = softmax(o, *in[0]);
  } else {
    r = batchNorm(llvm::cast<qnn::BatchNormOp>(op), in);
  }
  return r;
}

/// A real-valued op as its description defines it on quantized values:
/// the operands dequantized (f32, realsOf), the op evaluated on the reals
/// and a quantized result quantized as qnn.quantize does (quantizeTo).
Tensor onReals(Operation &op, const std::vector<const Tensor *> &in) {
  std::vector<Tensor> reals;
  reals.reserve(in.size());
  for (auto [v, t] : llvm::zip(op.getOperands(), in))
    reals.push_back(realsOf(*t, v.getType()));
  std::vector<const Tensor *> ptrs;
  for (const Tensor &t : reals)
    ptrs.push_back(&t);
  Tensor r = evaluateReal(op, ptrs);
  Type type = op.getResult(0).getType();
  return isQuantizedTensor(type) ? quantizeTo(r, type) : r;
}

/// Why qnn-ref cannot evaluate `op` on the quantized types it touches, or
/// "" when it can. Every op that reads or writes codes must be listed here
/// with the element types it models: anything else would compute on raw
/// codes and be silently wrong.
std::string unsupportedQuantized(Operation &op) {
  auto reject = [&](Type type, const std::string &why) {
    std::string message;
    llvm::raw_string_ostream os(message);
    os << "qnn-ref cannot evaluate '" << op.getName() << "' on " << type << ": "
       << why;
    return message;
  };
  SmallVector<Type> types(op.getOperandTypes());
  llvm::append_range(types, op.getResultTypes());
  Type first;
  for (Type t : types) {
    if (!isQuantizedTensor(t))
      continue;
    Type elt = llvm::cast<RankedTensorType>(t).getElementType();
    if (llvm::isa<quant::QuantizedType>(elt) && !qnn::getAffineParams(elt))
      return reject(t, "only per-tensor and per-axis !quant.uniform types "
                       "are modelled");
    if (!first)
      first = t;
  }
  if (!first ||
      llvm::isa<qnn::ConstantOp, qnn::QuantizeOp, qnn::DequantizeOp,
                quant::StorageCastOp, qnn::BinarizeOp, qnn::MaxPool2DOp,
                qnn::ReshapeOp, qnn::TransposeOp, qnn::ConcatOp, qnn::PadOp>(
          op) ||
      isRealValued(op))
    return "";
  if (auto r = llvm::dyn_cast<qnn::RequantizeOp>(op))
    return r.getRounding() == qnn::RoundingMode::HalfEven
               ? ""
               : reject(r.getType(),
                        "rounding " +
                            qnn::stringifyRoundingMode(r.getRounding()).str() +
                            " is not modelled (only half_even)");
  if (llvm::isa<qnn::Conv2DOp, qnn::FullyConnectedOp, qnn::MatMulOp>(op)) {
    Type in = op.getOperand(0).getType();
    if (llvm::any_of(op.getOperandTypes(), isLowBitKind) ||
        llvm::isa<quant::UniformQuantizedType>(
            llvm::cast<RankedTensorType>(in).getElementType()))
      return "";
    return reject(in, "linear ops need a per-tensor affine, binary or float "
                      "input");
  }
  return reject(first, "the op is not modelled on quantized values");
}

} // namespace

bool qnnref::evaluate(func::FuncOp func, const std::vector<Tensor> &inputs,
                      std::vector<Tensor> &outputs, std::string &error) {
  DenseMap<Value, Tensor> env;
  for (auto [arg, t] : llvm::zip(func.getArguments(), inputs))
    env[arg] = t;
  auto get = [&](Value v) -> const Tensor & { return env[v]; };
  for (Operation &op : func.getBody().front()) {
    if (auto ret = llvm::dyn_cast<func::ReturnOp>(op)) {
      for (Value v : ret.getOperands())
        outputs.push_back(get(v));
      return true;
    }
    error = unsupportedQuantized(op);
    if (!error.empty())
      return false;
    std::vector<const Tensor *> in;
    for (Value v : op.getOperands())
      in.push_back(&get(v));
    Tensor r;
    if (auto c = llvm::dyn_cast<arith::ConstantOp>(op))
      r = fromAttr(c.getValue(), c.getType());
    else if (auto c = llvm::dyn_cast<qnn::ConstantOp>(op))
      r = fromAttr(c.getValue(), c.getType());
    else if (llvm::isa<qnn::Conv2DOp, qnn::FullyConnectedOp, qnn::MatMulOp>(
                 op) &&
             (lowBitLinear(op, in, r) || affineLinear(op, in, r)))
      ;
    else if (auto o = llvm::dyn_cast<qnn::BinarizeOp>(op))
      r = binarize(o, *in[0]);
    else if (auto o = llvm::dyn_cast<qnn::Conv2DOp>(op))
      r = conv2d(o, *in[0], *in[1], in.size() > 2 ? in[2] : nullptr);
    else if (auto o = llvm::dyn_cast<qnn::FullyConnectedOp>(op))
      r = fullyConnected(o, *in[0], *in[1], in.size() > 2 ? in[2] : nullptr);
    else if (auto o = llvm::dyn_cast<qnn::MatMulOp>(op))
      r = matmul(o, *in[0], *in[1]);
    else if (isRealValued(op))
      r = onReals(op, in);
    else if (auto o = llvm::dyn_cast<qnn::MaxPool2DOp>(op))
      r = maxPool(o, *in[0], realsOf(*in[0], o.getInput().getType()));
    else if (auto o = llvm::dyn_cast<qnn::ReshapeOp>(op)) {
      r = make(o.getType());
      r.values = in[0]->values;
    } else if (auto o = llvm::dyn_cast<qnn::TransposeOp>(op))
      r = transpose(o, *in[0]);
    else if (auto o = llvm::dyn_cast<qnn::ConcatOp>(op))
      r = concat(o, in);
    else if (auto o = llvm::dyn_cast<qnn::PadOp>(op))
      r = pad(o, *in[0]);
    else if (auto o = llvm::dyn_cast<qnn::RescaleOp>(op))
      r = rescale(o, *in[0]);
    else if (auto o = llvm::dyn_cast<qnn::RequantizeOp>(op))
      r = requantize(o, *in[0]);
    else if (auto o = llvm::dyn_cast<qnn::QuantizeOp>(op))
      r = quantizeTo(*in[0], o.getType());
    else if (auto o = llvm::dyn_cast<qnn::DequantizeOp>(op))
      r = realsOf(*in[0], o.getInput().getType());
    else if (auto o = llvm::dyn_cast<quant::StorageCastOp>(op))
      r = retype(*in[0], o.getType());
    else if (!evaluateMoreOps(op, in, r)) {
      error =
          "qnn-ref cannot evaluate '" + op.getName().getStringRef().str() + "'";
      return false;
    }
    // Integer linear ops accumulate in two's complement: an i32 result
    // wraps modulo 2^32 (as ONNX Runtime's MatMulInteger / ConvInteger and
    // every kernel the compiler emits), whatever the summation order.
    if (llvm::isa<qnn::Conv2DOp, qnn::FullyConnectedOp, qnn::MatMulOp>(op) &&
        getElementTypeOrSelf(op.getResult(0).getType()).isSignlessInteger(32))
      for (double &v : r.values)
        v = static_cast<double>(static_cast<int32_t>(
            static_cast<uint32_t>(static_cast<int64_t>(v))));
    env[op.getResult(0)] = std::move(r);
  }
  error = "function has no return";
  return false;
}
