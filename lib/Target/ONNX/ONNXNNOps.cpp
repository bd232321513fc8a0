//===- ONNXNNOps.cpp - neural-network ONNX op converters ------------------===//
//
// Conv, Gemm, MatMul, MaxPool, AveragePool, GlobalAveragePool,
// BatchNormalization (inference and training mode) and Softmax, plus the
// window-attribute handling (kernel_shape, strides, dilations, pads, auto_pad,
// ceil_mode) that the quantized convolutions in ONNXQuantOps.cpp share. Only
// 2-D windows (rank-4 NCHW inputs) exist in qnn: convolutions must be 2-D, 1-D
// and 3-D pooling is built from 2-D pools (see buildPool).
//
//===----------------------------------------------------------------------===//

#include "ONNXImporter.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"

#include <numeric>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::onnximport;

static RankedTensorType typeOf(Value v) {
  return llvm::cast<RankedTensorType>(v.getType());
}

//===----------------------------------------------------------------------===//
// Window attributes and result shapes
//===----------------------------------------------------------------------===//

/// Reads an attribute with one entry >= `minValue` per spatial dimension
/// (`n` of them), or `dflt` for each.
static FailureOr<SmallVector<int64_t, 2>> getSpatial(Importer &im,
                                                     StringRef name, unsigned n,
                                                     int64_t dflt,
                                                     int64_t minValue) {
  std::optional<SmallVector<int64_t>> values = im.getInts(name);
  if (!values)
    return SmallVector<int64_t, 2>(n, dflt);
  if (values->size() != n ||
      llvm::any_of(*values, [&](int64_t v) { return v < minValue; })) {
    im.error() << "expects " << n << " '" << name << "' entries >= " << minValue
               << ", got " << values->size() << " entries";
    return failure();
  }
  return SmallVector<int64_t, 2>(values->begin(), values->end());
}

FailureOr<WindowParams>
onnximport::getWindowParams(Importer &im, ArrayRef<int64_t> inputShape,
                            std::optional<ArrayRef<int64_t>> weightKernel,
                            bool allowCeil, bool anySpatialRank) {
  if (anySpatialRank && (inputShape.size() < 3 || inputShape.size() > 5)) {
    im.error() << "only 1-D to 3-D windows (rank-3 to rank-5 input) are "
                  "supported, got an input of rank "
               << inputShape.size();
    return failure();
  }
  if (!anySpatialRank && inputShape.size() != 4) {
    im.error() << "only 2-D windows (rank-4 NCHW input) are supported, got "
                  "an input of rank "
               << inputShape.size();
    return failure();
  }
  unsigned n = inputShape.size() - 2;
  WindowParams p;
  std::optional<SmallVector<int64_t>> kernelAttr = im.getInts("kernel_shape");
  if (weightKernel) {
    p.kernel.assign(weightKernel->begin(), weightKernel->end());
    if (kernelAttr && ArrayRef<int64_t>(*kernelAttr) != *weightKernel) {
      im.error() << "kernel_shape does not match the weight shape";
      return failure();
    }
  } else {
    if (!kernelAttr || kernelAttr->size() != n ||
        llvm::any_of(*kernelAttr, [](int64_t k) { return k < 1; })) {
      im.error() << "needs a kernel_shape of " << n << " entries >= 1";
      return failure();
    }
    p.kernel.assign(kernelAttr->begin(), kernelAttr->end());
  }
  FailureOr<SmallVector<int64_t, 2>> strides =
      getSpatial(im, "strides", n, 1, 1);
  FailureOr<SmallVector<int64_t, 2>> dilations =
      getSpatial(im, "dilations", n, 1, 1);
  if (failed(strides) || failed(dilations))
    return failure();
  p.strides = *strides;
  p.dilations = *dilations;
  p.ceilMode = allowCeil && im.getInt("ceil_mode", 0) != 0;

  std::string autoPad = im.getString("auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    std::optional<SmallVector<int64_t>> pads = im.getInts("pads");
    p.padding.assign(2 * n, 0);
    if (pads) {
      if (pads->size() != 2 * n ||
          llvm::any_of(*pads, [](int64_t v) { return v < 0; })) {
        im.error() << "expects " << 2 * n << " 'pads' entries >= 0";
        return failure();
      }
      p.padding.assign(pads->begin(), pads->end());
    }
  } else if (autoPad == "VALID") {
    p.padding.assign(2 * n, 0);
  } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    // Output ceil(in / stride); the odd pad goes to the end (UPPER) or the
    // beginning (LOWER).
    p.padding.assign(2 * n, 0);
    for (unsigned i = 0; i < n; ++i) {
      int64_t in = inputShape[2 + i], s = p.strides[i];
      int64_t out = (in + s - 1) / s;
      int64_t effective = (p.kernel[i] - 1) * p.dilations[i] + 1;
      int64_t total = std::max<int64_t>(0, (out - 1) * s + effective - in);
      int64_t small = total / 2, large = total - small;
      p.padding[i] = autoPad == "SAME_UPPER" ? small : large;
      p.padding[i + n] = autoPad == "SAME_UPPER" ? large : small;
    }
  } else {
    im.error() << "unsupported auto_pad '" << autoPad << "'";
    return failure();
  }
  return p;
}

int64_t onnximport::windowOutputSize(int64_t input, int64_t kernel,
                                     int64_t stride, int64_t dilation,
                                     int64_t padBegin, int64_t padEnd,
                                     bool ceilMode) {
  int64_t span = input + padBegin + padEnd - (dilation * (kernel - 1) + 1);
  if (span < 0)
    return 0;
  int64_t out = span / stride + 1;
  // ceil mode: one more window, unless it would start in the end padding.
  if (ceilMode && span % stride != 0 && out * stride < input + padBegin)
    ++out;
  return out;
}

/// [N, C, OH, OW] (or the 1-D / 3-D analogue) of a window op over `input`
/// with `channels` outputs.
static SmallVector<int64_t> windowResultShape(ArrayRef<int64_t> input,
                                              int64_t channels,
                                              const WindowParams &p) {
  SmallVector<int64_t> shape = {input[0], channels};
  unsigned n = p.kernel.size();
  for (unsigned i = 0; i < n; ++i)
    shape.push_back(windowOutputSize(input[2 + i], p.kernel[i], p.strides[i],
                                     p.dilations[i], p.padding[i],
                                     p.padding[i + n], p.ceilMode));
  return shape;
}

SmallVector<int64_t> onnximport::convResultShape(ArrayRef<int64_t> input,
                                                 ArrayRef<int64_t> weight,
                                                 const WindowParams &params) {
  return windowResultShape(input, weight[0], params);
}

SmallVector<int64_t> onnximport::matmulResultShape(ArrayRef<int64_t> lhs,
                                                   ArrayRef<int64_t> rhs) {
  ArrayRef<int64_t> lBatch = lhs.drop_back(2), rBatch = rhs.drop_back(2);
  size_t rank = std::max(lBatch.size(), rBatch.size());
  SmallVector<int64_t> shape;
  for (size_t i = 0; i < rank; ++i) {
    size_t fromEnd = rank - i;
    int64_t a = fromEnd <= lBatch.size() ? lBatch[lBatch.size() - fromEnd] : 1;
    int64_t b = fromEnd <= rBatch.size() ? rBatch[rBatch.size() - fromEnd] : 1;
    shape.push_back(a == 1 ? b : a);
  }
  shape.push_back(lhs[lhs.size() - 2]);
  shape.push_back(rhs.back());
  return shape;
}

/// Checks the operand shapes of a batched matrix product: K agrees and the
/// batch dimensions broadcast.
LogicalResult onnximport::checkMatmulShapes(Importer &im, ArrayRef<int64_t> lhs,
                                            ArrayRef<int64_t> rhs) {
  if (lhs.size() < 2 || rhs.size() < 2)
    return im.error() << "expects operands of rank >= 2";
  if (lhs.back() != rhs[rhs.size() - 2])
    return im.error() << "inner dimensions differ: " << lhs.back() << " and "
                      << rhs[rhs.size() - 2];
  ArrayRef<int64_t> lBatch = lhs.drop_back(2), rBatch = rhs.drop_back(2);
  for (size_t i = 1; i <= std::min(lBatch.size(), rBatch.size()); ++i) {
    int64_t a = lBatch[lBatch.size() - i], b = rBatch[rBatch.size() - i];
    if (a != b && a != 1 && b != 1)
      return im.error() << "batch dimensions " << a << " and " << b
                        << " do not broadcast";
  }
  return success();
}

Value onnximport::buildConv2D(Importer &im, Type resultElt, Value input,
                              Value weight, Value bias,
                              const WindowParams &params, int64_t groups) {
  auto type =
      RankedTensorType::get(convResultShape(typeOf(input).getShape(),
                                            typeOf(weight).getShape(), params),
                            resultElt);
  return im.create<Conv2DOp>(type, input, weight, bias, params.strides,
                             params.dilations, params.padding,
                             static_cast<uint64_t>(groups), IntegerAttr());
}

/// The group attribute, checked against the channel counts.
FailureOr<int64_t> onnximport::getGroups(Importer &im,
                                         ArrayRef<int64_t> inputShape,
                                         ArrayRef<int64_t> weightShape) {
  int64_t groups = im.getInt("group", 1);
  if (weightShape.size() != 4) {
    im.error() << "expects rank-4 weights [O, C/group, KH, KW], got rank "
               << weightShape.size();
    return failure();
  }
  if (groups < 1 || inputShape[1] % groups != 0 ||
      weightShape[0] % groups != 0 ||
      weightShape[1] * groups != inputShape[1]) {
    im.error() << "group " << groups << " does not fit " << inputShape[1]
               << " input channels and weights [" << weightShape[0] << ", "
               << weightShape[1] << ", ...]";
    return failure();
  }
  return groups;
}

//===----------------------------------------------------------------------===//
// Converters
//===----------------------------------------------------------------------===//

static const StringRef kConvAttributes[] = {
    "auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"};

static LogicalResult convertConv(Importer &im) {
  if (failed(im.checkAttributes(kConvAttributes)))
    return failure();
  FailureOr<Value> x = im.floatInput(0);
  if (failed(x))
    return failure();
  FailureOr<Value> w = im.floatInput(1);
  if (failed(w))
    return failure();
  Value bias;
  if (im.hasInput(2)) {
    FailureOr<Value> b = im.floatInput(2);
    if (failed(b))
      return failure();
    bias = *b;
  }
  ArrayRef<int64_t> wShape = typeOf(*w).getShape();
  FailureOr<WindowParams> params = getWindowParams(
      im, typeOf(*x).getShape(),
      wShape.size() == 4 ? std::optional(wShape.drop_front(2)) : std::nullopt,
      /*allowCeil=*/false);
  if (failed(params))
    return failure();
  FailureOr<int64_t> groups = getGroups(im, typeOf(*x).getShape(), wShape);
  if (failed(groups))
    return failure();
  return im.setOutput(0, buildConv2D(im, typeOf(*x).getElementType(), *x, *w,
                                     bias, *params, *groups));
}

/// Gemm: Y = alpha * A' B' + beta * C. qnn.fully_connected takes B' as
/// [N, K] weights, so B is transposed when transB = 0; alpha and beta
/// become multiplications by constants, and C a bias when it is a vector
/// of N with alpha = beta = 1 (else an add).
static LogicalResult convertGemm(Importer &im) {
  if (failed(im.checkAttributes({"alpha", "beta", "transA", "transB"})))
    return failure();
  FailureOr<Value> a = im.floatInput(0);
  if (failed(a))
    return failure();
  FailureOr<Value> bm = im.floatInput(1);
  if (failed(bm))
    return failure();
  if (typeOf(*a).getRank() != 2 || typeOf(*bm).getRank() != 2)
    return im.error() << "expects 2-D A and B";
  auto elt = llvm::cast<FloatType>(typeOf(*a).getElementType());
  if (typeOf(*bm).getElementType() != elt)
    return im.error() << "expects A and B of one float type";
  Value lhs = *a, weight = *bm;
  if (im.getInt("transA", 0))
    lhs = im.transpose(lhs, {1, 0});
  if (!im.getInt("transB", 0))
    weight = im.transpose(weight, {1, 0});
  int64_t m = typeOf(lhs).getDimSize(0), k = typeOf(lhs).getDimSize(1);
  int64_t n = typeOf(weight).getDimSize(0);
  if (typeOf(weight).getDimSize(1) != k)
    return im.error() << "inner dimensions differ: " << k << " and "
                      << typeOf(weight).getDimSize(1);
  float alpha = im.getFloat("alpha", 1.0f), beta = im.getFloat("beta", 1.0f);
  auto resultType = RankedTensorType::get({m, n}, elt);

  Value c;
  if (im.hasInput(2) && beta != 0.0f) {
    FailureOr<Value> cv = im.floatInput(2);
    if (failed(cv))
      return failure();
    c = *cv;
    ArrayRef<int64_t> cs = typeOf(c).getShape();
    bool broadcasts =
        cs.size() <= 2 &&
        llvm::all_of(llvm::enumerate(llvm::reverse(cs)), [&](auto e) {
          int64_t full = e.index() == 0 ? n : m;
          return e.value() == 1 || e.value() == full;
        });
    if (!broadcasts || typeOf(c).getElementType() != elt)
      return im.error() << "C of type " << typeOf(c)
                        << " does not broadcast to [" << m << ", " << n << "]";
  }
  // Fast path: a bias vector of N.
  if (c && alpha == 1.0f && beta == 1.0f &&
      (typeOf(c).getShape() == ArrayRef<int64_t>{n} ||
       typeOf(c).getShape() == ArrayRef<int64_t>{1, n})) {
    FailureOr<Value> bias = im.reshape(c, {n});
    if (failed(bias))
      return failure();
    return im.setOutput(
        0, im.create<FullyConnectedOp>(resultType, lhs, weight, *bias));
  }
  Value y = im.create<FullyConnectedOp>(resultType, lhs, weight, Value());
  if (alpha != 1.0f)
    y = im.create<MulOp>(resultType, y, im.createScalar(alpha, elt));
  if (c) {
    if (beta != 1.0f)
      c = im.create<MulOp>(typeOf(c), c, im.createScalar(beta, elt));
    y = im.create<AddOp>(resultType, y, c);
  }
  return im.setOutput(0, y);
}

/// MatMul: 1-D operands get a unit M or N dimension for qnn.matmul, which
/// is dropped again afterwards.
static LogicalResult convertMatMul(Importer &im) {
  if (failed(im.checkAttributes({})))
    return failure();
  FailureOr<Value> a = im.floatInput(0);
  if (failed(a))
    return failure();
  FailureOr<Value> bm = im.floatInput(1);
  if (failed(bm))
    return failure();
  Value lhs = *a, rhs = *bm;
  if (typeOf(lhs).getElementType() != typeOf(rhs).getElementType())
    return im.error() << "expects A and B of one float type";
  bool vecA = typeOf(lhs).getRank() == 1, vecB = typeOf(rhs).getRank() == 1;
  if (vecA) {
    FailureOr<Value> r = im.reshape(lhs, {1, typeOf(lhs).getDimSize(0)});
    if (failed(r))
      return failure();
    lhs = *r;
  }
  if (vecB) {
    FailureOr<Value> r = im.reshape(rhs, {typeOf(rhs).getDimSize(0), 1});
    if (failed(r))
      return failure();
    rhs = *r;
  }
  if (failed(checkMatmulShapes(im, typeOf(lhs).getShape(),
                               typeOf(rhs).getShape())))
    return failure();
  SmallVector<int64_t> shape =
      matmulResultShape(typeOf(lhs).getShape(), typeOf(rhs).getShape());
  Value y = im.create<MatMulOp>(
      RankedTensorType::get(shape, typeOf(lhs).getElementType()), lhs, rhs);
  if (vecA || vecB) {
    SmallVector<int64_t> squeezed(shape.begin(), shape.end() - 2);
    if (!vecA)
      squeezed.push_back(shape[shape.size() - 2]);
    if (!vecB)
      squeezed.push_back(shape.back());
    FailureOr<Value> r = im.reshape(y, squeezed);
    if (failed(r))
      return failure();
    y = *r;
  }
  return im.setOutput(0, y);
}

/// Builds one 2-D pooling op over the rank-4 `input` with `params`, with
/// result type `type`.
using Pool2DBuilder = function_ref<Value(Value input, const WindowParams &,
                                         RankedTensorType type)>;

/// 2-D window parameters from per-dimension entries: `dims` picks the
/// dimensions of `p` (-1 for a unit dimension: kernel, stride, dilation 1,
/// no padding).
static WindowParams subWindow(const WindowParams &p, ArrayRef<int> dims) {
  unsigned n = p.kernel.size();
  WindowParams q;
  q.ceilMode = p.ceilMode;
  q.padding.assign(4, 0);
  for (auto [i, d] : llvm::enumerate(dims)) {
    q.kernel.push_back(d < 0 ? 1 : p.kernel[d]);
    q.strides.push_back(d < 0 ? 1 : p.strides[d]);
    q.dilations.push_back(d < 0 ? 1 : p.dilations[d]);
    q.padding[i] = d < 0 ? 0 : p.padding[d];
    q.padding[i + 2] = d < 0 ? 0 : p.padding[d + n];
  }
  return q;
}

/// Pools `x` (NCW, NCHW or NCDHW) with the window `p` through 2-D pooling
/// ops made by `build`. A 1-D window is a 2-D one with a unit height,
/// around reshapes. A 3-D window is separable: (H, W) first on
/// [N, C*D, H, W], then D as a kD x 1 window on [N, C, D, OH*OW]. Max and
/// mean both separate exactly (in the reals for the mean: a window's
/// divisor is the product of the per-dimension counts, with or without
/// padding, which is also how qnn.avg_pool2d counts), so the result is
/// the N-D pooling of the ONNX node.
static FailureOr<Value> buildPool(Importer &im, Value x, const WindowParams &p,
                                  Type elt, Pool2DBuilder build) {
  ArrayRef<int64_t> in = typeOf(x).getShape();
  int64_t n = in[0], c = in[1];
  auto pool = [&](Value v, const WindowParams &q) {
    ArrayRef<int64_t> shape = typeOf(v).getShape();
    return build(
        v, q,
        RankedTensorType::get(windowResultShape(shape, shape[1], q), elt));
  };
  switch (p.kernel.size()) {
  case 2:
    return pool(x, p);
  case 1: {
    FailureOr<Value> x2 = im.reshape(x, {n, c, 1, in[2]});
    if (failed(x2))
      return failure();
    Value y = pool(*x2, subWindow(p, {-1, 0}));
    ArrayRef<int64_t> out = typeOf(y).getShape();
    return im.reshape(y, {n, c, out[3]});
  }
  default: {
    FailureOr<Value> planes = im.reshape(x, {n, c * in[2], in[3], in[4]});
    if (failed(planes))
      return failure();
    Value hw = pool(*planes, subWindow(p, {1, 2}));
    int64_t oh = typeOf(hw).getDimSize(2), ow = typeOf(hw).getDimSize(3);
    FailureOr<Value> depth = im.reshape(hw, {n, c, in[2], oh * ow});
    if (failed(depth))
      return failure();
    Value y = pool(*depth, subWindow(p, {0, -1}));
    return im.reshape(y, {n, c, typeOf(y).getDimSize(2), oh, ow});
  }
  }
}

/// MaxPool: the element type carries over. Unsigned integer tensors are
/// pooled as !quant.uniform<u8:f32, 1.0> so that the maximum compares them
/// as unsigned (their signless MLIR type would not say so). The optional
/// Indices output (2-D windows, float or signed input) is a
/// qnn.max_pool2d_indices next to the qnn.max_pool2d.
static LogicalResult convertMaxPool(Importer &im) {
  if (failed(im.checkAttributes({"auto_pad", "ceil_mode", "dilations",
                                 "kernel_shape", "pads", "storage_order",
                                 "strides"})))
    return failure();
  int64_t storageOrder = im.getInt("storage_order", 0);
  if (storageOrder != 0 && storageOrder != 1)
    return im.error() << "expects storage_order 0 or 1, got " << storageOrder;
  bool withIndices =
      im.node().output_size() > 1 && !im.node().output(1).empty();
  FailureOr<Value> x = im.input(0);
  if (failed(x))
    return failure();
  FailureOr<WindowParams> p =
      getWindowParams(im, typeOf(*x).getShape(), std::nullopt,
                      /*allowCeil=*/true, /*anySpatialRank=*/true);
  if (failed(p))
    return failure();
  Value input = *x;
  Type elt = typeOf(input).getElementType();
  int32_t onnxType = im.inputONNXType(0);
  bool asUnsigned =
      llvm::isa<IntegerType>(elt) && (onnxType == onnx::TensorProto::UINT8 ||
                                      onnxType == onnx::TensorProto::UINT16);
  OpBuilder &b = im.builder();
  if (withIndices) {
    if (p->kernel.size() != 2)
      return im.error() << "the Indices output is only supported for 2-D "
                           "windows, got "
                        << p->kernel.size() << "-D";
    if (asUnsigned)
      return im.error() << "the Indices output is not supported for "
                        << onnxTypeName(onnxType) << " tensors";
    auto type = RankedTensorType::get(
        windowResultShape(typeOf(input).getShape(), typeOf(input).getDimSize(1),
                          *p),
        b.getI64Type());
    Value indices = im.create<MaxPool2DIndicesOp>(
        type, input, b.getDenseI64ArrayAttr(p->kernel),
        b.getDenseI64ArrayAttr(p->strides),
        b.getDenseI64ArrayAttr(p->dilations),
        b.getDenseI64ArrayAttr(p->padding),
        p->ceilMode ? b.getUnitAttr() : UnitAttr(),
        storageOrder ? b.getUnitAttr() : UnitAttr());
    if (failed(im.setOutput(1, indices)))
      return failure();
  }
  if (asUnsigned) {
    unsigned width = elt.getIntOrFloatBitWidth();
    elt = quant::UniformQuantizedType::get(
        /*flags=*/0, elt, Float32Type::get(im.getContext()), 1.0, 0, 0,
        (int64_t{1} << width) - 1);
    FailureOr<Value> q = im.quantizedInput(0, elt);
    if (failed(q))
      return failure();
    input = *q;
  }
  FailureOr<Value> y = buildPool(
      im, input, *p, elt,
      [&](Value v, const WindowParams &q, RankedTensorType type) -> Value {
        return im.create<MaxPool2DOp>(type, v, b.getDenseI64ArrayAttr(q.kernel),
                                      b.getDenseI64ArrayAttr(q.strides),
                                      b.getDenseI64ArrayAttr(q.dilations),
                                      b.getDenseI64ArrayAttr(q.padding),
                                      q.ceilMode ? b.getUnitAttr()
                                                 : UnitAttr());
      });
  if (failed(y))
    return failure();
  return im.setOutput(0, asUnsigned ? im.toStorage(*y) : *y);
}

static LogicalResult convertAveragePool(Importer &im) {
  if (failed(im.checkAttributes({"auto_pad", "ceil_mode", "count_include_pad",
                                 "kernel_shape", "pads", "strides"})))
    return failure();
  FailureOr<Value> x = im.floatInput(0);
  if (failed(x))
    return failure();
  FailureOr<WindowParams> p =
      getWindowParams(im, typeOf(*x).getShape(), std::nullopt,
                      /*allowCeil=*/true, /*anySpatialRank=*/true);
  if (failed(p))
    return failure();
  OpBuilder &b = im.builder();
  UnitAttr includePad =
      im.getInt("count_include_pad", 0) ? b.getUnitAttr() : UnitAttr();
  FailureOr<Value> y = buildPool(
      im, *x, *p, typeOf(*x).getElementType(),
      [&](Value v, const WindowParams &q, RankedTensorType type) -> Value {
        return im.create<AvgPool2DOp>(type, v, b.getDenseI64ArrayAttr(q.kernel),
                                      b.getDenseI64ArrayAttr(q.strides),
                                      b.getDenseI64ArrayAttr(q.padding),
                                      q.ceilMode ? b.getUnitAttr() : UnitAttr(),
                                      includePad);
      });
  if (failed(y))
    return failure();
  return im.setOutput(0, *y);
}

static LogicalResult convertGlobalAveragePool(Importer &im) {
  if (failed(im.checkAttributes({})))
    return failure();
  FailureOr<Value> x = im.floatInput(0);
  if (failed(x))
    return failure();
  ArrayRef<int64_t> in = typeOf(*x).getShape();
  if (in.size() != 4)
    return im.error() << "only rank-4 NCHW inputs are supported, got rank "
                      << in.size();
  auto type = typeOf(*x).clone({in[0], in[1], 1, 1});
  return im.setOutput(0, im.create<GlobalAvgPoolOp>(type, *x));
}

/// The mean of the float `x` (rank >= 2) over every dimension but the
/// channels (1), as a [C] tensor: x as [1, C, N * rest, 1] (transposed to
/// put the channels first unless N = 1), then qnn.global_avg_pool.
static FailureOr<Value> channelMean(Importer &im, Value x) {
  RankedTensorType type = typeOf(x);
  int64_t rank = type.getRank(), channels = type.getDimSize(1);
  SmallVector<int64_t> perm = {1, 0};
  for (int64_t d = 2; d < rank; ++d)
    perm.push_back(d);
  Value t = type.getDimSize(0) != 1 ? im.transpose(x, perm) : x;
  FailureOr<Value> planes =
      im.reshape(t, {1, channels, type.getNumElements() / channels, 1});
  if (failed(planes))
    return failure();
  Value mean = im.create<GlobalAvgPoolOp>(
      RankedTensorType::get({1, channels, 1, 1}, type.getElementType()),
      *planes);
  return im.reshape(mean, {channels});
}

/// BatchNormalization in training mode (opset 14+, training_mode = 1): Y
/// normalizes with the statistics of the batch (mean and biased variance
/// over every dimension but the channels), and the optional outputs are
/// the running statistics input * momentum + batch * (1 - momentum), as
/// the ONNX reference computes them.
static LogicalResult convertBatchNormTraining(Importer &im,
                                              ArrayRef<Value> operands) {
  Value x = operands[0];
  RankedTensorType type = typeOf(x);
  auto elt = llvm::cast<FloatType>(type.getElementType());
  FailureOr<Value> mean = channelMean(im, x);
  if (failed(mean))
    return failure();
  // The mean broadcast against x: [C, 1, ..., 1] (rank - 1 dimensions).
  SmallVector<int64_t> bshape(type.getRank() - 1, 1);
  bshape[0] = type.getDimSize(1);
  FailureOr<Value> meanB = im.reshape(*mean, bshape);
  if (failed(meanB))
    return failure();
  Value centered = im.create<SubOp>(type, x, *meanB);
  Value squared = im.create<MulOp>(type, centered, centered);
  FailureOr<Value> var = channelMean(im, squared);
  if (failed(var))
    return failure();
  Value y = im.create<BatchNormOp>(
      type, x, operands[1], operands[2], *mean, *var,
      im.builder().getF32FloatAttr(im.getFloat("epsilon", 1e-5f)));
  if (failed(im.setOutput(0, y)))
    return failure();
  float momentum = im.getFloat("momentum", 0.9f);
  Value keep = im.createScalar(momentum, elt);
  Value take = im.createScalar(1.0 - static_cast<double>(momentum), elt);
  for (unsigned i = 1; i <= 2; ++i) {
    Value running = operands[2 + i], batch = i == 1 ? *mean : *var;
    RankedTensorType statType = typeOf(running);
    Value old = im.create<MulOp>(statType, running, keep);
    Value fresh = im.create<MulOp>(statType, batch, take);
    if (failed(im.setOutput(i, im.create<AddOp>(statType, old, fresh))))
      return failure();
  }
  return success();
}

/// BatchNormalization: inference form (one output), or training mode (see
/// convertBatchNormTraining).
static LogicalResult convertBatchNormalization(Importer &im) {
  if (failed(im.checkAttributes({"epsilon", "momentum", "training_mode"})))
    return failure();
  bool training = im.getInt("training_mode", 0) != 0;
  bool extraOutputs =
      im.node().output_size() > 1 &&
      llvm::any_of(llvm::drop_begin(im.node().output()),
                   [](const std::string &o) { return !o.empty(); });
  if (extraOutputs && !training)
    return im.error() << "running statistics outputs without training_mode "
                         "(opset 9 to 13 training) are not supported";
  SmallVector<Value, 5> operands;
  for (unsigned i = 0; i < 5; ++i) {
    FailureOr<Value> v = im.floatInput(i);
    if (failed(v))
      return failure();
    operands.push_back(*v);
  }
  if (training)
    return convertBatchNormTraining(im, operands);
  Value y = im.create<BatchNormOp>(
      typeOf(operands[0]), operands[0], operands[1], operands[2], operands[3],
      operands[4], im.builder().getF32FloatAttr(im.getFloat("epsilon", 1e-5f)));
  return im.setOutput(0, y);
}

/// Softmax. Before opset 13 the input is coerced to 2-D at `axis` (default
/// 1) and normalized over the whole trailing block: a reshape around a
/// softmax on axis 1 unless the block is the last dimension alone.
static LogicalResult convertSoftmax(Importer &im) {
  if (failed(im.checkAttributes({"axis"})))
    return failure();
  FailureOr<Value> x = im.floatInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  int64_t axis = im.getInt("axis", im.opset() < 13 ? 1 : -1);
  if (axis < -rank || axis >= rank)
    return im.error() << "axis " << axis << " is out of range for rank "
                      << rank;
  if (axis < 0)
    axis += rank;
  OpBuilder &b = im.builder();
  if (im.opset() >= 13 || axis == rank - 1)
    return im.setOutput(
        0, im.create<SoftmaxOp>(type, *x, b.getI64IntegerAttr(axis)));
  ArrayRef<int64_t> shape = type.getShape();
  auto product = [](ArrayRef<int64_t> dims) {
    return std::accumulate(dims.begin(), dims.end(), int64_t{1},
                           std::multiplies<int64_t>());
  };
  FailureOr<Value> flat = im.reshape(
      *x, {product(shape.take_front(axis)), product(shape.drop_front(axis))});
  if (failed(flat))
    return failure();
  Value y = im.create<SoftmaxOp>(typeOf(*flat), *flat, b.getI64IntegerAttr(1));
  FailureOr<Value> back = im.reshape(y, shape);
  if (failed(back))
    return failure();
  return im.setOutput(0, *back);
}

void onnximport::addNNConverters(ConverterTable &table) {
  table.onnx["Conv"] = convertConv;
  table.onnx["Gemm"] = convertGemm;
  table.onnx["MatMul"] = convertMatMul;
  table.onnx["MaxPool"] = convertMaxPool;
  table.onnx["AveragePool"] = convertAveragePool;
  table.onnx["GlobalAveragePool"] = convertGlobalAveragePool;
  table.onnx["BatchNormalization"] = convertBatchNormalization;
  table.onnx["Softmax"] = convertSoftmax;
}
