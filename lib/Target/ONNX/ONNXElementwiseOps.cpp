//===- ONNXElementwiseOps.cpp - elementwise ONNX op converters ------------===//
//
// Add, Mul, Sub, Div (by a constant), Relu and Clip (qnn.clamp), LeakyRelu,
// Sigmoid, Sign and Identity. Float tensors become the real-valued qnn ops;
// Add/Sub/Mul/Div/Clip on ONNX integer tensors (uint8, int32, ...), which
// carry no scale that would make them reals, become the plain integer ops
// qnn.int_add/int_sub/int_mul/int_div/int_clamp with ONNX's wrap-around,
// truncating and (for unsigned types) unsigned semantics.
//
//===----------------------------------------------------------------------===//

#include "ONNXImporter.h"

#include <array>
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

/// True for the ONNX unsigned integer tensor types.
static bool isUnsignedONNX(int32_t onnxType) {
  return onnxType == onnx::TensorProto::UINT8 ||
         onnxType == onnx::TensorProto::UINT16 ||
         onnxType == onnx::TensorProto::UINT32 ||
         onnxType == onnx::TensorProto::UINT64;
}

/// Two inputs of one type broadcast into the result: `OpTy` for floats,
/// the plain integer op `IntOpTy` for ONNX integer tensors.
template <typename OpTy, typename IntOpTy>
static LogicalResult convertBroadcastBinary(Importer &im) {
  if (failed(im.checkAttributes({})))
    return failure();
  FailureOr<Value> lhs = im.input(0);
  if (failed(lhs))
    return failure();
  FailureOr<Value> rhs = im.input(1);
  if (failed(rhs))
    return failure();
  RankedTensorType l = typeOf(*lhs), r = typeOf(*rhs);
  Type elt = l.getElementType();
  bool isInteger = llvm::isa<IntegerType>(elt);
  if (!isInteger && failed(im.floatInput(0)))
    return failure();
  if (elt != r.getElementType() || im.inputONNXType(0) != im.inputONNXType(1))
    return im.error() << "expects inputs of one type, got "
                      << onnxTypeName(im.inputONNXType(0)) << " and "
                      << onnxTypeName(im.inputONNXType(1));
  std::optional<SmallVector<int64_t>> shape =
      broadcastShapes(l.getShape(), r.getShape());
  if (!shape)
    return im.error() << "cannot broadcast " << l << " and " << r;
  auto type = RankedTensorType::get(*shape, elt);
  Value result;
  if (isInteger)
    result = im.create<IntOpTy>(type, *lhs, *rhs,
                                isUnsignedONNX(im.inputONNXType(0))
                                    ? im.builder().getUnitAttr()
                                    : UnitAttr());
  else
    result = im.create<OpTy>(type, *lhs, *rhs);
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
  return convertBroadcastBinary<DivOp, IntDivOp>(im);
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

/// Clip's optional bound inputs (1: min, 2: max), each a constant scalar;
/// null where absent.
using ClipBounds = std::array<const ConstantTensor *, 2>;
static FailureOr<ClipBounds> clipBounds(Importer &im) {
  ClipBounds bounds = {nullptr, nullptr};
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
    bounds[i - 1] = *c;
  }
  return bounds;
}

/// Clip on an integer tensor: qnn.int_clamp with the constant bounds
/// (absent ones are the type's limits), unsigned for unsigned ONNX types.
static LogicalResult buildIntClamp(Importer &im, Value x) {
  auto type = typeOf(x);
  unsigned width = type.getElementType().getIntOrFloatBitWidth();
  bool isUnsigned = isUnsignedONNX(im.inputONNXType(0));
  if (width > 64 || (isUnsigned && width == 64))
    return im.error() << "Clip on " << onnxTypeName(im.inputONNXType(0))
                      << " tensors is not supported";
  int64_t bounds[2] = {
      isUnsigned ? 0 : APInt::getSignedMinValue(width).getSExtValue(),
      isUnsigned
          ? static_cast<int64_t>(APInt::getMaxValue(width).getZExtValue())
          : APInt::getSignedMaxValue(width).getSExtValue()};
  FailureOr<ClipBounds> given = clipBounds(im);
  if (failed(given))
    return failure();
  for (unsigned i = 0; i < 2; ++i) {
    if (!(*given)[i])
      continue;
    std::optional<SmallVector<int64_t>> bound = (*given)[i]->toInts();
    if (!bound)
      return im.error() << (i == 0 ? "min" : "max")
                        << " bound must be an integer for an integer input, "
                           "got "
                        << onnxTypeName((*given)[i]->onnxType);
    bounds[i] = bound->front();
  }
  if (bounds[0] > bounds[1])
    return im.error() << "expects min <= max, got min " << bounds[0]
                      << " and max " << bounds[1];
  OpBuilder &b = im.builder();
  Value y = im.create<IntClampOp>(type, x, b.getI64IntegerAttr(bounds[0]),
                                  b.getI64IntegerAttr(bounds[1]),
                                  isUnsigned ? b.getUnitAttr() : UnitAttr());
  return im.setOutput(0, y);
}

/// Clip: bounds are attributes before opset 11 and optional constant
/// scalar inputs since; absent bounds are infinite (the type's limits for
/// integer tensors, which Clip accepts since opset 12).
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
  FailureOr<Value> x = im.input(0);
  if (failed(x))
    return failure();
  if (llvm::isa<IntegerType>(typeOf(*x).getElementType()))
    return buildIntClamp(im, *x);
  double bounds[2] = {-inf, inf};
  FailureOr<ClipBounds> given = clipBounds(im);
  if (failed(given))
    return failure();
  for (unsigned i = 0; i < 2; ++i)
    if ((*given)[i])
      bounds[i] = (*given)[i]->toDoubles().front();
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

/// Identity: the output is the input value itself (for a sequence, its
/// elements; an optional is its value).
static LogicalResult convertIdentity(Importer &im) {
  if (failed(im.checkAttributes({})))
    return failure();
  if (std::optional<SmallVector<Value>> elements = im.sequenceInput(0)) {
    im.setSequenceOutput(0, *elements);
    return success();
  }
  FailureOr<Value> x = im.input(0);
  if (failed(x))
    return failure();
  return im.setOutput(0, *x);
}

void onnximport::addElementwiseConverters(ConverterTable &table) {
  table.onnx["Add"] = convertBroadcastBinary<AddOp, IntAddOp>;
  table.onnx["Mul"] = convertBroadcastBinary<MulOp, IntMulOp>;
  table.onnx["Sub"] = convertBroadcastBinary<SubOp, IntSubOp>;
  table.onnx["Div"] = convertDiv;
  table.onnx["Relu"] = convertRelu;
  table.onnx["Clip"] = convertClip;
  table.onnx["LeakyRelu"] = convertLeakyRelu;
  table.onnx["Sigmoid"] = convertUnary<SigmoidOp>;
  table.onnx["Sign"] = convertUnary<SignOp>;
  table.onnx["Identity"] = convertIdentity;
}
