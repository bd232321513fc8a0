//===- ONNXNNOps.cpp - neural-network ONNX op converters ------------------===//
//
// Conv, Gemm, MatMul, MaxPool, AveragePool, GlobalAveragePool,
// BatchNormalization (inference) and Softmax, plus the window-attribute
// handling (kernel_shape, strides, dilations, pads, auto_pad, ceil_mode)
// that the quantized convolutions in ONNXQuantOps.cpp share. Only 2-D
// windows (rank-4 NCHW inputs) exist in qnn.
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

/// Reads a two-entry attribute with entries >= `minValue`, or `dflt`.
static FailureOr<SmallVector<int64_t, 2>>
getPair(Importer &im, StringRef name, int64_t dflt, int64_t minValue) {
  std::optional<SmallVector<int64_t>> values = im.getInts(name);
  if (!values)
    return SmallVector<int64_t, 2>{dflt, dflt};
  if (values->size() != 2 ||
      llvm::any_of(*values, [&](int64_t v) { return v < minValue; })) {
    im.error() << "expects two '" << name << "' entries >= " << minValue
               << ", got " << values->size() << " entries";
    return failure();
  }
  return SmallVector<int64_t, 2>(values->begin(), values->end());
}

FailureOr<WindowParams>
onnximport::getWindowParams(Importer &im, ArrayRef<int64_t> inputShape,
                            std::optional<ArrayRef<int64_t>> weightKernel,
                            bool allowCeil) {
  if (inputShape.size() != 4) {
    im.error() << "only 2-D windows (rank-4 NCHW input) are supported, got "
                  "an input of rank "
               << inputShape.size();
    return failure();
  }
  WindowParams p;
  std::optional<SmallVector<int64_t>> kernelAttr = im.getInts("kernel_shape");
  if (weightKernel) {
    p.kernel.assign(weightKernel->begin(), weightKernel->end());
    if (kernelAttr && ArrayRef<int64_t>(*kernelAttr) != *weightKernel) {
      im.error() << "kernel_shape does not match the weight shape";
      return failure();
    }
  } else {
    if (!kernelAttr || kernelAttr->size() != 2 ||
        llvm::any_of(*kernelAttr, [](int64_t k) { return k < 1; })) {
      im.error() << "needs a kernel_shape of two entries >= 1";
      return failure();
    }
    p.kernel.assign(kernelAttr->begin(), kernelAttr->end());
  }
  FailureOr<SmallVector<int64_t, 2>> strides = getPair(im, "strides", 1, 1);
  FailureOr<SmallVector<int64_t, 2>> dilations = getPair(im, "dilations", 1, 1);
  if (failed(strides) || failed(dilations))
    return failure();
  p.strides = *strides;
  p.dilations = *dilations;
  p.ceilMode = allowCeil && im.getInt("ceil_mode", 0) != 0;

  std::string autoPad = im.getString("auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    std::optional<SmallVector<int64_t>> pads = im.getInts("pads");
    p.padding.assign(4, 0);
    if (pads) {
      if (pads->size() != 4 ||
          llvm::any_of(*pads, [](int64_t v) { return v < 0; })) {
        im.error() << "expects four 'pads' entries >= 0";
        return failure();
      }
      p.padding.assign(pads->begin(), pads->end());
    }
  } else if (autoPad == "VALID") {
    p.padding.assign(4, 0);
  } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    // Output ceil(in / stride); the odd pad goes to the end (UPPER) or the
    // beginning (LOWER).
    p.padding.assign(4, 0);
    for (unsigned i = 0; i < 2; ++i) {
      int64_t in = inputShape[2 + i], s = p.strides[i];
      int64_t out = (in + s - 1) / s;
      int64_t effective = (p.kernel[i] - 1) * p.dilations[i] + 1;
      int64_t total = std::max<int64_t>(0, (out - 1) * s + effective - in);
      int64_t small = total / 2, large = total - small;
      p.padding[i] = autoPad == "SAME_UPPER" ? small : large;
      p.padding[i + 2] = autoPad == "SAME_UPPER" ? large : small;
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

/// [N, C, OH, OW] of a window op over `input` with `channels` outputs.
static SmallVector<int64_t> windowResultShape(ArrayRef<int64_t> input,
                                              int64_t channels,
                                              const WindowParams &p) {
  SmallVector<int64_t> shape = {input[0], channels};
  for (unsigned i = 0; i < 2; ++i)
    shape.push_back(windowOutputSize(input[2 + i], p.kernel[i], p.strides[i],
                                     p.dilations[i], p.padding[i],
                                     p.padding[i + 2], p.ceilMode));
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

/// MaxPool: the element type carries over. Unsigned integer tensors are
/// pooled as !quant.uniform<u8:f32, 1.0> so that the maximum compares them
/// as unsigned (their signless MLIR type would not say so).
static LogicalResult convertMaxPool(Importer &im) {
  if (failed(im.checkAttributes({"auto_pad", "ceil_mode", "dilations",
                                 "kernel_shape", "pads", "storage_order",
                                 "strides"})))
    return failure();
  if (im.getInt("storage_order", 0) != 0)
    return im.error() << "storage_order 1 (column major) is not supported";
  if (im.node().output_size() > 1 && !im.node().output(1).empty())
    return im.error() << "the Indices output is not supported";
  FailureOr<Value> x = im.input(0);
  if (failed(x))
    return failure();
  FailureOr<WindowParams> p =
      getWindowParams(im, typeOf(*x).getShape(), std::nullopt,
                      /*allowCeil=*/true);
  if (failed(p))
    return failure();
  Value input = *x;
  Type elt = typeOf(input).getElementType();
  int32_t onnxType = im.inputONNXType(0);
  bool asUnsigned =
      llvm::isa<IntegerType>(elt) && (onnxType == onnx::TensorProto::UINT8 ||
                                      onnxType == onnx::TensorProto::UINT16);
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
  OpBuilder &b = im.builder();
  auto type =
      RankedTensorType::get(windowResultShape(typeOf(input).getShape(),
                                              typeOf(input).getDimSize(1), *p),
                            elt);
  Value y = im.create<MaxPool2DOp>(
      type, input, b.getDenseI64ArrayAttr(p->kernel),
      b.getDenseI64ArrayAttr(p->strides), b.getDenseI64ArrayAttr(p->dilations),
      b.getDenseI64ArrayAttr(p->padding),
      p->ceilMode ? b.getUnitAttr() : UnitAttr());
  return im.setOutput(0, asUnsigned ? im.toStorage(y) : y);
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
                      /*allowCeil=*/true);
  if (failed(p))
    return failure();
  OpBuilder &b = im.builder();
  auto type = typeOf(*x).clone(
      windowResultShape(typeOf(*x).getShape(), typeOf(*x).getDimSize(1), *p));
  Value y = im.create<AvgPool2DOp>(
      type, *x, b.getDenseI64ArrayAttr(p->kernel),
      b.getDenseI64ArrayAttr(p->strides), b.getDenseI64ArrayAttr(p->padding),
      p->ceilMode ? b.getUnitAttr() : UnitAttr(),
      im.getInt("count_include_pad", 0) ? b.getUnitAttr() : UnitAttr());
  return im.setOutput(0, y);
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

/// BatchNormalization in inference form only (one output).
static LogicalResult convertBatchNormalization(Importer &im) {
  if (failed(im.checkAttributes({"epsilon", "momentum", "training_mode"})))
    return failure();
  if (im.getInt("training_mode", 0) != 0 ||
      (im.node().output_size() > 1 &&
       llvm::any_of(llvm::drop_begin(im.node().output()),
                    [](const std::string &o) { return !o.empty(); })))
    return im.error() << "training mode (running mean and variance outputs) "
                         "is not supported";
  SmallVector<Value, 5> operands;
  for (unsigned i = 0; i < 5; ++i) {
    FailureOr<Value> v = im.floatInput(i);
    if (failed(v))
      return failure();
    operands.push_back(*v);
  }
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
