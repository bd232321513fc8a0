//===- ONNXQuantOps.cpp - quantization ONNX op converters -----------------===//
//
// The three ways ONNX models carry quantization:
//   * QDQ: QuantizeLinear / DequantizeLinear (per tensor or per axis) become
//     qnn.quantize / qnn.dequantize with !quant.uniform types;
//   * QOperator: QLinearConv, QLinearMatMul, ConvInteger, MatMulInteger
//     become qnn.conv2d / qnn.matmul on quantized operand types (the integer
//     ops use scale 1, so that the i32 accumulator is the ONNX result);
//   * QONNX: Quant (any bit width, narrow ranges) becomes qnn.quantize to
//     !quant.uniform<i<bits>...> followed by qnn.dequantize, BipolarQuant
//     qnn.binarize to !qnn.binary followed by qnn.dequantize.
// Scales, zero points and bit widths must be constants; a zero scale or a
// zero point of the wrong type is an error naming the node.
//
// Integer tensors flow through the graph either as signless integers (graph
// inputs) or as quantized tensors (results of quantizing ops);
// Importer::quantizedInput reinterprets one as the other with quant.scast.
//
//===----------------------------------------------------------------------===//

#include "ONNXImporter.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"

#include <cmath>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::onnximport;

static RankedTensorType typeOf(Value v) {
  return llvm::cast<RankedTensorType>(v.getType());
}

namespace {
/// Affine quantization parameters read from a node's constant inputs.
struct QuantParams {
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  int64_t axis = -1; ///< -1: per tensor.
  unsigned bits = 8;
  bool isSigned = false;
  int64_t storageMin = 0, storageMax = 255;
};
} // namespace

/// Storage width and signedness of the ONNX integer types quantized values
/// use; false for other types.
static bool storageOf(int32_t onnxType, QuantParams &p) {
  switch (onnxType) {
  case onnx::TensorProto::INT8:
    p.bits = 8, p.isSigned = true;
    break;
  case onnx::TensorProto::UINT8:
    p.bits = 8, p.isSigned = false;
    break;
  case onnx::TensorProto::INT32:
    p.bits = 32, p.isSigned = true;
    break;
  default:
    return false;
  }
  p.storageMin = p.isSigned ? -(int64_t{1} << (p.bits - 1)) : 0;
  p.storageMax = p.isSigned ? (int64_t{1} << (p.bits - 1)) - 1
                            : (int64_t{1} << p.bits) - 1;
  return true;
}

/// The !quant.uniform type of `p` expressing `expressed`, or null after an
/// error on the node.
static Type uniformType(Importer &im, const QuantParams &p,
                        FloatType expressed) {
  MLIRContext *ctx = im.getContext();
  auto storage = IntegerType::get(ctx, p.bits);
  unsigned flags = p.isSigned ? quant::QuantizationFlags::Signed : 0;
  auto emit = [&] { return im.error(); };
  if (p.axis < 0)
    return quant::UniformQuantizedType::getChecked(
        emit, flags, storage, expressed, p.scales.front(), p.zeroPoints.front(),
        p.storageMin, p.storageMax);
  return quant::UniformQuantizedPerAxisType::getChecked(
      emit, flags, storage, expressed, p.scales, p.zeroPoints, p.axis,
      p.storageMin, p.storageMax);
}

/// The shape of input `i` without building anything for constants.
static FailureOr<SmallVector<int64_t>> inputShape(Importer &im, unsigned i) {
  if (const ConstantTensor *c = im.constant(i))
    return SmallVector<int64_t>(c->shape());
  FailureOr<Value> v = im.input(i);
  if (failed(v))
    return failure();
  return SmallVector<int64_t>(typeOf(*v).getShape());
}

/// The ONNX type of input `i`, which must be one of `allowed`.
static FailureOr<int32_t> checkInputType(Importer &im, unsigned i,
                                         ArrayRef<int32_t> allowed,
                                         StringRef what) {
  int32_t t = im.inputONNXType(i);
  if (llvm::is_contained(allowed, t))
    return t;
  InFlightDiagnostic diag = im.error();
  diag << what << " '" << im.inputName(i) << "' has type " << onnxTypeName(t)
       << ", expected ";
  llvm::interleave(
      allowed, diag, [&](int32_t a) { diag << onnxTypeName(a); }, " or ");
  return failure();
}

/// Reads the scales of constant input `scaleIdx`: one (per tensor) or, when
/// `axis` >= 0, as many as `shape[axis]` (per axis); each positive and
/// finite.
static LogicalResult readScales(Importer &im, unsigned scaleIdx, int64_t axis,
                                ArrayRef<int64_t> shape, QuantParams &p) {
  FailureOr<const ConstantTensor *> scale =
      im.requireConstant(scaleIdx, "scale");
  if (failed(scale))
    return failure();
  StringRef name = im.inputName(scaleIdx);
  if (!(*scale)->isFloat())
    return im.error() << "scale '" << name << "' must be a float tensor, got "
                      << onnxTypeName((*scale)->onnxType);
  p.scales = (*scale)->toDoubles();
  p.axis = -1;
  if (p.scales.size() != 1) {
    if (axis < 0 || (*scale)->shape().size() != 1)
      return im.error() << "scale '" << name
                        << "' must be a scalar here (per-tensor), got "
                        << (*scale)->value.getType();
    if (static_cast<int64_t>(p.scales.size()) != shape[axis])
      return im.error() << "scale '" << name << "' has " << p.scales.size()
                        << " entries but axis " << axis << " has size "
                        << shape[axis];
    p.axis = axis;
  }
  for (double s : p.scales)
    if (!(s > 0.0) || !std::isfinite(s))
      return im.error() << "scale '" << name
                        << "' must be positive and finite, got "
                        << formatNumber(s) << (s == 0.0 ? " (zero scale)" : "");
  return success();
}

/// Reads the zero points of optional constant input `zpIdx` (0 when absent)
/// after readScales: one, or one per scale. `expectedType` is the ONNX type
/// the zero point must have (it sets the storage type of `p`); 0 means the
/// zero point's own type decides (uint8 when it is absent).
static LogicalResult readZeroPoints(Importer &im, std::optional<unsigned> zpIdx,
                                    int32_t expectedType, QuantParams &p) {
  bool present = zpIdx && im.hasInput(*zpIdx);
  int32_t storage = expectedType;
  if (!present && !storage)
    storage = onnx::TensorProto::UINT8;
  if (present) {
    FailureOr<const ConstantTensor *> zp =
        im.requireConstant(*zpIdx, "zero point");
    if (failed(zp))
      return failure();
    StringRef name = im.inputName(*zpIdx);
    int32_t zpType = (*zp)->onnxType;
    if (expectedType && zpType != expectedType)
      return im.error() << "zero point '" << name << "' has type "
                        << onnxTypeName(zpType) << ", expected "
                        << onnxTypeName(expectedType)
                        << " (the type of the quantized tensor)";
    storage = zpType;
    QuantParams probe;
    if (!storageOf(zpType, probe))
      return im.error() << "zero point '" << name << "' has type "
                        << onnxTypeName(zpType) << ", expected int8 or uint8";
    p.zeroPoints = (*zp)->toInts().value_or(SmallVector<int64_t>());
    if (p.zeroPoints.size() != p.scales.size() &&
        !llvm::all_equal(p.zeroPoints))
      return im.error() << "zero point '" << name << "' has "
                        << p.zeroPoints.size() << " entries for "
                        << p.scales.size() << " scales";
  }
  if (!storageOf(storage, p))
    return im.error() << "quantized tensors of type " << onnxTypeName(storage)
                      << " are not supported";
  if (p.zeroPoints.empty())
    p.zeroPoints.push_back(0);
  if (p.scales.size() == 1 && llvm::all_equal(p.zeroPoints))
    p.zeroPoints.resize(1);
  if (p.zeroPoints.size() == 1 && p.scales.size() > 1)
    p.zeroPoints.assign(p.scales.size(), p.zeroPoints.front());
  if (p.bits == 32 && llvm::any_of(p.zeroPoints, [](int64_t z) { return z; }))
    return im.error() << "int32 quantized values need zero point 0";
  return success();
}

/// The quantization axis attribute of QuantizeLinear / DequantizeLinear.
/// It only matters for a non-scalar scale (input 1): otherwise an axis out
/// of range, such as the default 1 for a 1-D input, is ignored.
static FailureOr<int64_t> quantAxis(Importer &im, int64_t rank) {
  int64_t axis = im.getInt("axis", 1);
  const ConstantTensor *scale = im.constant(1);
  bool perAxis = scale && scale->size() > 1;
  if (!perAxis && (axis < -rank || axis >= rank))
    return int64_t{-1};
  if (axis < -rank || axis >= rank) {
    im.error() << "axis " << axis << " is out of range for rank " << rank;
    return failure();
  }
  return axis < 0 ? axis + rank : axis;
}

static FloatType f32(Importer &im) { return Float32Type::get(im.getContext()); }

//===----------------------------------------------------------------------===//
// QDQ
//===----------------------------------------------------------------------===//

static LogicalResult convertQuantizeLinear(Importer &im) {
  if (failed(im.checkAttributes({"axis"})))
    return failure();
  FailureOr<Value> x = im.floatInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  FailureOr<int64_t> axis = quantAxis(im, type.getRank());
  QuantParams p;
  if (failed(axis) || failed(readScales(im, 1, *axis, type.getShape(), p)) ||
      failed(readZeroPoints(im, 2, /*expectedType=*/0, p)))
    return failure();
  if (p.bits != 8)
    return im.error() << "quantizes to int8 or uint8 only";
  Type elt = uniformType(im, p, llvm::cast<FloatType>(type.getElementType()));
  if (!elt)
    return failure();
  return im.setOutput(0, im.create<QuantizeOp>(type.clone(elt), *x));
}

static LogicalResult convertDequantizeLinear(Importer &im) {
  if (failed(im.checkAttributes({"axis"})))
    return failure();
  FailureOr<int32_t> xType =
      checkInputType(im, 0,
                     {onnx::TensorProto::INT8, onnx::TensorProto::UINT8,
                      onnx::TensorProto::INT32},
                     "input");
  FailureOr<SmallVector<int64_t>> shape = inputShape(im, 0);
  if (failed(xType) || failed(shape))
    return failure();
  FailureOr<int64_t> axis = quantAxis(im, shape->size());
  QuantParams p;
  if (failed(axis) || failed(readScales(im, 1, *axis, *shape, p)) ||
      failed(readZeroPoints(im, 2, *xType, p)))
    return failure();
  Type elt = uniformType(im, p, f32(im));
  if (!elt)
    return failure();
  FailureOr<Value> q = im.quantizedInput(0, elt);
  if (failed(q))
    return failure();
  auto result = RankedTensorType::get(*shape, f32(im));
  return im.setOutput(0, im.create<DequantizeOp>(result, *q));
}

//===----------------------------------------------------------------------===//
// QOperator
//===----------------------------------------------------------------------===//

static const int32_t kInt8Types[] = {onnx::TensorProto::INT8,
                                     onnx::TensorProto::UINT8};

static const StringRef kConvAttributes[] = {
    "auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"};

/// Parameters of an operand of QLinearConv / QLinearMatMul: the operand at
/// `i`, its scale at `i + 1`, its zero point at `i + 2`. `axis` is where
/// per-axis scales may vary (-1: per tensor only).
static FailureOr<Type> qlinearOperandType(Importer &im, unsigned i,
                                          int64_t axis,
                                          ArrayRef<int64_t> shape) {
  FailureOr<int32_t> t = checkInputType(im, i, kInt8Types, "input");
  QuantParams p;
  if (failed(t) || failed(readScales(im, i + 1, axis, shape, p)) ||
      failed(readZeroPoints(im, i + 2, *t, p)))
    return failure();
  Type elt = uniformType(im, p, f32(im));
  if (!elt)
    return failure();
  return elt;
}

/// The scales of a !quant.uniform type, one per slice.
static SmallVector<double> scalesOf(Type elt) {
  if (auto q = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(elt))
    return SmallVector<double>(q.getScales());
  return {llvm::cast<quant::UniformQuantizedType>(elt).getScale()};
}

/// The scale-1 quantized type of an integer operand of ConvInteger /
/// MatMulInteger with zero points from input `zpIdx` (optional), per tensor
/// or per slice along `axis` (-1: per tensor only).
static FailureOr<Type> integerOperandType(Importer &im, unsigned i,
                                          unsigned zpIdx, int64_t axis,
                                          ArrayRef<int64_t> shape) {
  FailureOr<int32_t> t = checkInputType(im, i, kInt8Types, "input");
  if (failed(t))
    return failure();
  QuantParams p;
  p.scales = {1.0};
  if (im.hasInput(zpIdx)) {
    FailureOr<const ConstantTensor *> zp =
        im.requireConstant(zpIdx, "zero point");
    if (failed(zp))
      return failure();
    int64_t n = (*zp)->size();
    // One zero point repeated (e.g. per row of MatMulInteger's a) is per
    // tensor.
    if (n > 1 &&
        !llvm::all_equal((*zp)->toInts().value_or(SmallVector<int64_t>()))) {
      if (axis < 0 || (*zp)->shape().size() != 1 || n != shape[axis])
        return im.error() << "zero point '" << im.inputName(zpIdx)
                          << "' must be a scalar"
                          << (axis < 0 ? "" : " or hold one entry per slice")
                          << ", got " << (*zp)->value.getType();
      p.scales.assign(n, 1.0);
      p.axis = axis;
    }
  }
  if (failed(readZeroPoints(im, zpIdx, *t, p)))
    return failure();
  Type elt = uniformType(im, p, f32(im));
  if (!elt)
    return failure();
  return elt;
}

/// The operands of a quantized convolution or matrix product node
/// (QLinearConv, ConvInteger, QLinearMatMul, MatMulInteger): input 0 (x or
/// a) and the weights / rhs, as tensors of their quantized element types,
/// with the window and groups of a convolution.
struct LinearOperands {
  SmallVector<int64_t> lhsShape, rhsShape;
  Type lhsElt, rhsElt;
  Value lhs, rhs;
  WindowParams window; ///< Convolutions only.
  int64_t groups = 1;  ///< Convolutions only.
};

/// The quantized element type of operand input `i` of shape `shape`;
/// `isRhs` tells the weights / rhs from input 0.
using OperandTypeFn = function_ref<FailureOr<Type>(
    unsigned i, ArrayRef<int64_t> shape, bool isRhs)>;

/// Reads the operand preamble the four nodes share, in this order (the
/// first problem is the one reported): the attributes (the window ones for
/// a convolution, none for a matrix product), the shapes of inputs 0 and
/// `rhsIdx` (rank-4 weights, or matmul-compatible shapes), `beforeTypes`,
/// both element types from `typeFn`, `afterTypes`, the window and groups of
/// a convolution, and last the operand values. The hooks may be null.
static FailureOr<LinearOperands>
importLinearOperands(Importer &im, bool isConv, unsigned rhsIdx,
                     OperandTypeFn typeFn,
                     function_ref<LogicalResult()> beforeTypes = nullptr,
                     function_ref<LogicalResult()> afterTypes = nullptr) {
  if (failed(isConv ? im.checkAttributes(kConvAttributes)
                    : im.checkAttributes({})))
    return failure();
  LinearOperands ops;
  FailureOr<SmallVector<int64_t>> lhsShape = inputShape(im, 0);
  FailureOr<SmallVector<int64_t>> rhsShape = inputShape(im, rhsIdx);
  if (failed(lhsShape) || failed(rhsShape))
    return failure();
  ops.lhsShape = std::move(*lhsShape);
  ops.rhsShape = std::move(*rhsShape);
  if (isConv && ops.rhsShape.size() != 4) {
    im.error() << "only 2-D convolutions (rank-4 weights) are supported";
    return failure();
  }
  if (!isConv && failed(checkMatmulShapes(im, ops.lhsShape, ops.rhsShape)))
    return failure();
  if (beforeTypes && failed(beforeTypes()))
    return failure();
  FailureOr<Type> lhsElt = typeFn(0, ops.lhsShape, /*isRhs=*/false);
  if (failed(lhsElt))
    return failure();
  FailureOr<Type> rhsElt = typeFn(rhsIdx, ops.rhsShape, /*isRhs=*/true);
  if (failed(rhsElt))
    return failure();
  ops.lhsElt = *lhsElt;
  ops.rhsElt = *rhsElt;
  if (afterTypes && failed(afterTypes()))
    return failure();
  if (isConv) {
    FailureOr<WindowParams> window = getWindowParams(
        im, ops.lhsShape, ArrayRef<int64_t>(ops.rhsShape).drop_front(2),
        /*allowCeil=*/false);
    if (failed(window))
      return failure();
    FailureOr<int64_t> groups = getGroups(im, ops.lhsShape, ops.rhsShape);
    if (failed(groups))
      return failure();
    ops.window = std::move(*window);
    ops.groups = *groups;
  }
  FailureOr<Value> lhs = im.quantizedInput(0, ops.lhsElt);
  if (failed(lhs))
    return failure();
  FailureOr<Value> rhs = im.quantizedInput(rhsIdx, ops.rhsElt);
  if (failed(rhs))
    return failure();
  ops.lhs = *lhs;
  ops.rhs = *rhs;
  return ops;
}

/// The per-tensor output parameters of QLinearConv / QLinearMatMul (scale
/// input 6, zero point input 7) as a !quant.uniform type in `yElt`.
static LogicalResult readQLinearOutputType(Importer &im, Type &yElt) {
  QuantParams yp;
  if (failed(readScales(im, 6, -1, {}, yp)) ||
      failed(readZeroPoints(im, 7, 0, yp)))
    return failure();
  yElt = uniformType(im, yp, f32(im));
  return success(yElt != nullptr);
}

/// QLinearConv: every form ONNX allows passes the qnn.conv2d verifier (x
/// and y per tensor, w per tensor or per output channel, the int32 bias
/// with scale x_scale * w_scale and zero point 0), so no fallback is needed.
static LogicalResult convertQLinearConv(Importer &im) {
  Type yElt;
  FailureOr<LinearOperands> ops = importLinearOperands(
      im, /*isConv=*/true, /*rhsIdx=*/3,
      [&](unsigned i, ArrayRef<int64_t> shape, bool isRhs) {
        return qlinearOperandType(im, i, isRhs ? 0 : -1, shape);
      },
      nullptr, [&] { return readQLinearOutputType(im, yElt); });
  if (failed(ops))
    return failure();
  Value bias;
  if (im.hasInput(8)) {
    if (failed(checkInputType(im, 8, {onnx::TensorProto::INT32}, "bias")))
      return failure();
    QuantParams bp;
    storageOf(onnx::TensorProto::INT32, bp);
    double xScale = scalesOf(ops->lhsElt).front();
    for (double ws : scalesOf(ops->rhsElt))
      bp.scales.push_back(xScale * ws);
    bp.zeroPoints.assign(bp.scales.size(), 0);
    bp.axis = bp.scales.size() > 1 ? 0 : -1;
    Type bElt = uniformType(im, bp, f32(im));
    if (!bElt)
      return failure();
    FailureOr<Value> b = im.quantizedInput(8, bElt);
    if (failed(b))
      return failure();
    bias = *b;
  }
  return im.setOutput(0, buildConv2D(im, yElt, ops->lhs, ops->rhs, bias,
                                     ops->window, ops->groups));
}

/// QLinearMatMul: a per tensor, b per tensor or per column (its last axis),
/// y per tensor. A per-row a (one scale per row of a) is valid ONNX but
/// qnn.matmul requires a per-tensor lhs (its scale is the accumulator's), so
/// that form is imported as dequantize -> float matmul -> quantize.
static LogicalResult convertQLinearMatMul(Importer &im) {
  Type yElt;
  FailureOr<LinearOperands> ops = importLinearOperands(
      im, /*isConv=*/false, /*rhsIdx=*/3,
      [&](unsigned i, ArrayRef<int64_t> shape, bool isRhs) {
        int64_t axis = static_cast<int64_t>(shape.size()) - (isRhs ? 1 : 2);
        return qlinearOperandType(im, i, axis, shape);
      },
      nullptr, [&] { return readQLinearOutputType(im, yElt); });
  if (failed(ops))
    return failure();
  SmallVector<int64_t> shape = matmulResultShape(ops->lhsShape, ops->rhsShape);
  if (llvm::isa<quant::UniformQuantizedType>(ops->lhsElt))
    return im.setOutput(0,
                        im.create<MatMulOp>(RankedTensorType::get(shape, yElt),
                                            ops->lhs, ops->rhs));
  // Per-row a: see the function comment.
  Value af = im.create<DequantizeOp>(typeOf(ops->lhs).clone(f32(im)), ops->lhs);
  Value bf = im.create<DequantizeOp>(typeOf(ops->rhs).clone(f32(im)), ops->rhs);
  Value yf = im.create<MatMulOp>(RankedTensorType::get(shape, f32(im)), af, bf);
  return im.setOutput(
      0, im.create<QuantizeOp>(RankedTensorType::get(shape, yElt), yf));
}

/// ConvInteger: x and w as scale-1 quantized tensors, so that the i32
/// accumulator result of qnn.conv2d is sum((x - x_zp) * (w - w_zp)).
static LogicalResult convertConvInteger(Importer &im) {
  FailureOr<LinearOperands> ops = importLinearOperands(
      im, /*isConv=*/true, /*rhsIdx=*/1,
      [&](unsigned i, ArrayRef<int64_t> shape, bool isRhs) {
        return integerOperandType(im, i, i + 2, isRhs ? 0 : -1, shape);
      });
  if (failed(ops))
    return failure();
  Type i32 = IntegerType::get(im.getContext(), 32);
  return im.setOutput(0, buildConv2D(im, i32, ops->lhs, ops->rhs, Value(),
                                     ops->window, ops->groups));
}

/// MatMulInteger: scale-1 operands as for ConvInteger; b's zero point may
/// be per column. A per-row zero point of a that is not one value has no
/// qnn.matmul form (the lhs must be per tensor) and is rejected.
static LogicalResult convertMatMulInteger(Importer &im) {
  auto perTensorA = [&]() -> LogicalResult {
    if (const ConstantTensor *zp = im.constant(2))
      if (!llvm::all_equal(zp->toInts().value_or(SmallVector<int64_t>())))
        return im.error() << "per-row zero points of A are not supported "
                             "(qnn.matmul needs a per-tensor lhs)";
    return success();
  };
  FailureOr<LinearOperands> ops = importLinearOperands(
      im, /*isConv=*/false, /*rhsIdx=*/1,
      [&](unsigned i, ArrayRef<int64_t> shape, bool isRhs) {
        int64_t axis = isRhs ? static_cast<int64_t>(shape.size()) - 1 : -1;
        return integerOperandType(im, i, i + 2, axis, shape);
      },
      perTensorA);
  if (failed(ops))
    return failure();
  auto type =
      RankedTensorType::get(matmulResultShape(ops->lhsShape, ops->rhsShape),
                            IntegerType::get(im.getContext(), 32));
  return im.setOutput(0, im.create<MatMulOp>(type, ops->lhs, ops->rhs));
}

//===----------------------------------------------------------------------===//
// QONNX
//===----------------------------------------------------------------------===//

/// The axis along which a parameter tensor of shape `param` varies when
/// broadcast against `shape` (right-aligned): -1 if it has one element.
static FailureOr<int64_t> broadcastAxis(Importer &im, const ConstantTensor &c,
                                        ArrayRef<int64_t> shape,
                                        StringRef what) {
  if (c.size() == 1)
    return int64_t{-1};
  ArrayRef<int64_t> param = c.shape();
  int64_t axis = -1;
  bool ok = param.size() <= shape.size();
  for (size_t i = 0; ok && i < param.size(); ++i) {
    int64_t d = shape.size() - param.size() + i;
    if (param[i] == 1)
      continue;
    ok = param[i] == shape[d] && axis < 0;
    axis = d;
  }
  if (!ok) {
    im.error() << what << " '" << c.value.getType()
               << "' must be a scalar or vary along one axis of the input "
               << "(got shape incompatible with the input)";
    return failure();
  }
  return axis;
}

/// QONNX Quant: y = (clip(round(x / s + z), min, max) - z) * s with
/// [min, max] from bitwidth, signed and narrow; round is half to even.
static LogicalResult convertQuant(Importer &im) {
  if (failed(im.checkAttributes({"signed", "narrow", "rounding_mode"})))
    return failure();
  std::string rounding = im.getString("rounding_mode", "ROUND");
  if (rounding != "ROUND")
    return im.error() << "rounding_mode '" << rounding
                      << "' is not supported (only ROUND)";
  FailureOr<Value> x = im.floatInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  FailureOr<const ConstantTensor *> scale = im.requireConstant(1, "scale");
  if (failed(scale))
    return failure();
  FailureOr<const ConstantTensor *> zeropt =
      im.requireConstant(2, "zero point");
  if (failed(zeropt))
    return failure();
  FailureOr<const ConstantTensor *> bitwidth =
      im.requireConstant(3, "bit width");
  if (failed(bitwidth))
    return failure();

  QuantParams p;
  p.isSigned = im.getInt("signed", 1) != 0;
  bool narrow = im.getInt("narrow", 0) != 0;
  SmallVector<double> bits = (*bitwidth)->toDoubles();
  if (bits.size() != 1 || bits[0] != std::floor(bits[0]) || bits[0] < 1 ||
      bits[0] > 32)
    return im.error() << "bit width must be one integer in [1, 32]";
  p.bits = static_cast<unsigned>(bits[0]);
  p.storageMin = p.isSigned ? -(int64_t{1} << (p.bits - 1)) : 0;
  p.storageMax = p.isSigned ? (int64_t{1} << (p.bits - 1)) - 1
                            : (int64_t{1} << p.bits) - 1;
  if (narrow)
    p.isSigned ? ++p.storageMin : --p.storageMax;
  if (p.storageMin >= p.storageMax)
    return im.error() << "a " << p.bits << "-bit " << (narrow ? "narrow " : "")
                      << "range has one value";

  FailureOr<int64_t> scaleAxis =
      broadcastAxis(im, **scale, type.getShape(), "scale");
  FailureOr<int64_t> zpAxis =
      broadcastAxis(im, **zeropt, type.getShape(), "zero point");
  if (failed(scaleAxis) || failed(zpAxis))
    return failure();
  if (*zpAxis >= 0 && *zpAxis != *scaleAxis)
    return im.error() << "scale and zero point vary along different axes";
  p.axis = *scaleAxis;
  p.scales = (*scale)->toDoubles();
  for (double s : p.scales)
    if (!(s > 0.0) || !std::isfinite(s))
      return im.error() << "scale '" << im.inputName(1)
                        << "' must be positive and finite, got "
                        << formatNumber(s) << (s == 0.0 ? " (zero scale)" : "");
  for (double z : (*zeropt)->toDoubles()) {
    if (z != std::floor(z) || z < p.storageMin || z > p.storageMax)
      return im.error() << "zero point " << formatNumber(z)
                        << " is not an integer in [" << p.storageMin << ", "
                        << p.storageMax << "]";
    p.zeroPoints.push_back(static_cast<int64_t>(z));
  }
  if (p.zeroPoints.size() == 1)
    p.zeroPoints.assign(p.scales.size(), p.zeroPoints.front());
  if (p.zeroPoints.size() != p.scales.size())
    return im.error() << "scale and zero point have different sizes";

  Type elt = uniformType(im, p, llvm::cast<FloatType>(type.getElementType()));
  if (!elt)
    return failure();
  Value q = im.create<QuantizeOp>(type.clone(elt), *x);
  return im.setOutput(0, im.create<DequantizeOp>(type, q));
}

/// QONNX BipolarQuant: y = +s where x >= 0, -s elsewhere, as qnn.binarize
/// to !qnn.binary with alpha s (threshold 0) and qnn.dequantize.
static LogicalResult convertBipolarQuant(Importer &im) {
  if (failed(im.checkAttributes({})))
    return failure();
  FailureOr<Value> x = im.floatInput(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  FailureOr<const ConstantTensor *> scale = im.requireConstant(1, "scale");
  if (failed(scale))
    return failure();
  FailureOr<int64_t> axis =
      broadcastAxis(im, **scale, type.getShape(), "scale");
  if (failed(axis))
    return failure();
  SmallVector<double> alphas = (*scale)->toDoubles();
  for (double s : alphas)
    if (!(s > 0.0) || !std::isfinite(s))
      return im.error() << "scale '" << im.inputName(1)
                        << "' must be positive and finite, got "
                        << formatNumber(s) << (s == 0.0 ? " (zero scale)" : "");
  auto expressed = llvm::cast<FloatType>(type.getElementType());
  Type elt =
      BinaryType::getChecked([&] { return im.error(); }, im.getContext(),
                             expressed, static_cast<int32_t>(*axis),
                             DenseF64ArrayAttr::get(im.getContext(), alphas));
  if (!elt)
    return failure();
  Value bin = im.create<BinarizeOp>(type.clone(elt), *x,
                                    im.builder().getF32FloatAttr(0.0f),
                                    DenseF64ArrayAttr(), IntegerAttr());
  return im.setOutput(0, im.create<DequantizeOp>(type, bin));
}

void onnximport::addQuantConverters(ConverterTable &table) {
  table.onnx["QuantizeLinear"] = convertQuantizeLinear;
  table.onnx["DequantizeLinear"] = convertDequantizeLinear;
  table.onnx["QLinearConv"] = convertQLinearConv;
  table.onnx["QLinearMatMul"] = convertQLinearMatMul;
  table.onnx["ConvInteger"] = convertConvInteger;
  table.onnx["MatMulInteger"] = convertMatMulInteger;
  table.qonnx["Quant"] = convertQuant;
  table.qonnx["BipolarQuant"] = convertBipolarQuant;
}
