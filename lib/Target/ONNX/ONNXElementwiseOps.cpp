//===- ONNXElementwiseOps.cpp - elementwise ONNX op converters ------------===//
//
// Add, Mul, Sub, Div (by a constant), Relu and Clip (qnn.clamp), LeakyRelu,
// Sigmoid, Sign and Identity. These ops are float-only in qnn: ONNX integer
// arithmetic (Add on uint8 tensors, ...) is rejected with a diagnostic, as
// integers carry no scale that would give them a real value.
//
//===----------------------------------------------------------------------===//

#include "ONNXImporter.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::onnximport;

/// Numpy broadcast of two static shapes, or nullopt if they do not
/// broadcast.
static std::optional<SmallVector<int64_t>>
broadcastShapes(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    size_t fromEnd = rank - i;
    int64_t x = fromEnd <= a.size() ? a[a.size() - fromEnd] : 1;
    int64_t y = fromEnd <= b.size() ? b[b.size() - fromEnd] : 1;
    if (x != y && x != 1 && y != 1)
      return std::nullopt;
    result[i] = x == 1 ? y : x;
  }
  return result;
}

static RankedTensorType typeOf(Value v) {
  return llvm::cast<RankedTensorType>(v.getType());
}

/// Two float inputs of one type broadcast into the result of `OpTy`.
template <typename OpTy>
static LogicalResult convertBroadcastBinary(Importer &im) {
  if (failed(im.checkAttributes({})))
    return failure();
  FailureOr<Value> lhs = im.floatInput(0);
  if (failed(lhs))
    return failure();
  FailureOr<Value> rhs = im.floatInput(1);
  if (failed(rhs))
    return failure();
  RankedTensorType l = typeOf(*lhs), r = typeOf(*rhs);
  if (l.getElementType() != r.getElementType())
    return im.error() << "expects inputs of one float type, got "
                      << l.getElementType() << " and " << r.getElementType();
  std::optional<SmallVector<int64_t>> shape =
      broadcastShapes(l.getShape(), r.getShape());
  if (!shape)
    return im.error() << "cannot broadcast " << l << " and " << r;
  Value result = im.create<OpTy>(
      RankedTensorType::get(*shape, l.getElementType()), *lhs, *rhs);
  return im.setOutput(0, result);
}

/// Div: the divisor must be a constant without zeros (division by a
/// computed tensor has no place in an inference graph we compile).
static LogicalResult convertDiv(Importer &im) {
  FailureOr<const ConstantTensor *> divisor = im.requireConstant(1, "divisor");
  if (failed(divisor))
    return failure();
  for (double d : (*divisor)->toDoubles())
    if (d == 0.0)
      return im.error() << "divisor '" << im.inputName(1)
                        << "' contains a zero";
  return convertBroadcastBinary<DivOp>(im);
}

/// qnn.clamp of input 0 to [lo, hi].
static LogicalResult buildClamp(Importer &im, double lo, double hi) {
  FailureOr<Value> x = im.floatInput(0);
  if (failed(x))
    return failure();
  if (lo > hi)
    return im.error() << "expects min <= max, got min " << formatNumber(lo)
                      << " and max " << formatNumber(hi);
  OpBuilder &b = im.builder();
  Value y = im.create<ClampOp>(typeOf(*x), *x,
                               b.getF32FloatAttr(static_cast<float>(lo)),
                               b.getF32FloatAttr(static_cast<float>(hi)));
  return im.setOutput(0, y);
}

static LogicalResult convertRelu(Importer &im) {
  if (failed(im.checkAttributes({})))
    return failure();
  return buildClamp(im, 0.0, std::numeric_limits<double>::infinity());
}

/// Clip: bounds are attributes before opset 11 and optional constant
/// scalar inputs since; absent bounds are infinite.
static LogicalResult convertClip(Importer &im) {
  double inf = std::numeric_limits<double>::infinity();
  if (im.opset() < 11) {
    if (failed(im.checkAttributes({"min", "max"})))
      return failure();
    return buildClamp(im, im.getFloat("min", -INFINITY),
                      im.getFloat("max", INFINITY));
  }
  if (failed(im.checkAttributes({})))
    return failure();
  double bounds[2] = {-inf, inf};
  for (unsigned i = 1; i <= 2; ++i) {
    if (!im.hasInput(i))
      continue;
    FailureOr<const ConstantTensor *> c =
        im.requireConstant(i, i == 1 ? "min bound" : "max bound");
    if (failed(c))
      return failure();
    if ((*c)->size() != 1)
      return im.error() << "expects a scalar " << (i == 1 ? "min" : "max")
                        << ", got " << (*c)->value.getType();
    bounds[i - 1] = (*c)->toDoubles().front();
  }
  return buildClamp(im, bounds[0], bounds[1]);
}

static LogicalResult convertLeakyRelu(Importer &im) {
  if (failed(im.checkAttributes({"alpha"})))
    return failure();
  FailureOr<Value> x = im.floatInput(0);
  if (failed(x))
    return failure();
  float alpha = im.getFloat("alpha", 0.01f);
  if (!std::isfinite(alpha))
    return im.error() << "expects a finite alpha, got " << formatNumber(alpha);
  Value y = im.create<LeakyReluOp>(typeOf(*x), *x,
                                   im.builder().getF32FloatAttr(alpha));
  return im.setOutput(0, y);
}

/// A float-only unary op whose result type is the input type.
template <typename OpTy> static LogicalResult convertUnary(Importer &im) {
  if (failed(im.checkAttributes({})))
    return failure();
  FailureOr<Value> x = im.floatInput(0);
  if (failed(x))
    return failure();
  return im.setOutput(0, im.create<OpTy>(typeOf(*x), *x));
}

/// Identity: the output is the input value itself.
static LogicalResult convertIdentity(Importer &im) {
  if (failed(im.checkAttributes({})))
    return failure();
  FailureOr<Value> x = im.input(0);
  if (failed(x))
    return failure();
  return im.setOutput(0, *x);
}

void onnximport::addElementwiseConverters(ConverterTable &table) {
  table.onnx["Add"] = convertBroadcastBinary<AddOp>;
  table.onnx["Mul"] = convertBroadcastBinary<MulOp>;
  table.onnx["Sub"] = convertBroadcastBinary<SubOp>;
  table.onnx["Div"] = convertDiv;
  table.onnx["Relu"] = convertRelu;
  table.onnx["Clip"] = convertClip;
  table.onnx["LeakyRelu"] = convertLeakyRelu;
  table.onnx["Sigmoid"] = convertUnary<SigmoidOp>;
  table.onnx["Sign"] = convertUnary<SignOp>;
  table.onnx["Identity"] = convertIdentity;
}
