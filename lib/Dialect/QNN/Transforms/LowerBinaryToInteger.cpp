//===- LowerBinaryToInteger.cpp - binary/ternary/codebook to integers ----===//
//
// The binary part of -qnn-lower-to-integer (docs/architecture.md, "Binary
// lowering"), run after the affine part:
//   * binary values are carried as i8 codes -1 / +1, ternary ones as
//     -1 / 0 / +1 (the alphas stay in the original types);
//   * binarize / quantize-to-binary of a constant folds to an i8 constant;
//     of a runtime value it becomes qnn.binarize with an i8 result (a
//     compare and select), on the integer accumulator or storage codes
//     when its input is one read through f32 arithmetic (dequantize, bias):
//     FINN's MultiThreshold with thresholds found by searching the
//     integers with that very f32 arithmetic (quant/Support/Threshold.h);
//   * binary x binary conv2d / fully_connected / matmul become the integer
//     op on i8 codes with an i32 accumulator, marked `qnn.xnor` (both
//     operands hold only -1 / +1, a +-1 pad_value made an explicit qnn.pad;
//     zero padding stays the conv's, whose padded taps read 0): the op the
//     XNOR / popcount kernels (-quant-xnor-kernels) replace. The float result
//     is dequantize(acc) at alpha_x * alpha_w (per output channel) plus the
//     float bias;
//   * dequantize of constant binary / ternary / codebook values (weights of
//     float ops) becomes a float constant; at run time binary (and
//     symmetric ternary) values dequantize as i8 affine codes;
//   * data movement and max pooling run on codes.
// Anything else is an error at the op (function boundaries of these types,
// runtime codebooks, asymmetric runtime ternary values).
//
//===----------------------------------------------------------------------===//

#include "LowerBinaryToInteger.h"

#include "quant/Dialect/QNN/IR/QNN.h"
#include "quant/Support/Threshold.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/SetVector.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::qnn;

static bool isBinaryKind(Type type) {
  auto t = llvm::dyn_cast<RankedTensorType>(type);
  if (!t)
    return false;
  ElementKind k = getElementKind(t.getElementType());
  return k == ElementKind::Binary || k == ElementKind::Ternary ||
         k == ElementKind::Codebook;
}

static Type elementOf(Value v) {
  return llvm::cast<RankedTensorType>(v.getType()).getElementType();
}

/// The real value of code `code` (-1 / 0 / +1, or a codebook index) in
/// slice `slice` of `elt`, as the dequantize kernel computes it in f32.
static double realOfCode(Type elt, int64_t code, int64_t slice) {
  if (auto b = llvm::dyn_cast<BinaryType>(elt)) {
    ArrayRef<double> a = b.getAlphaValues();
    float alpha = static_cast<float>(a[b.isPerAxis() ? slice : 0]);
    return static_cast<float>(code) * alpha;
  }
  if (auto t = llvm::dyn_cast<TernaryType>(elt)) {
    int64_t s = t.isPerAxis() ? slice : 0;
    if (code > 0)
      return static_cast<float>(t.getPosScaleValues()[s]);
    if (code < 0)
      return -static_cast<float>(t.getNegScaleValues()[s]);
    return 0.0;
  }
  auto cb = llvm::cast<CodebookType>(elt);
  return static_cast<float>(cb.getTableValues()[code]);
}

/// Reads the storage of a binary / ternary / codebook qnn.constant as codes
/// (binary bits as -1 / +1, ternary signed, codebook indices unsigned).
static std::optional<SmallVector<int64_t>> readCodes(ConstantOp op) {
  auto attr = llvm::dyn_cast<DenseElementsAttr>(op.getValue());
  if (!attr)
    return std::nullopt;
  Type elt = op.getType().getElementType();
  SmallVector<int64_t> codes;
  codes.reserve(op.getType().getNumElements());
  for (const APInt &v : attr.getValues<APInt>()) {
    if (llvm::isa<BinaryType>(elt))
      codes.push_back(v.isZero() ? -1 : 1);
    else if (llvm::isa<TernaryType>(elt))
      codes.push_back(v.getSExtValue());
    else
      codes.push_back(static_cast<int64_t>(v.getZExtValue()));
  }
  return codes;
}

/// The slice index along `axis` of linear position `pos` in `shape`.
static int64_t sliceOf(ArrayRef<int64_t> shape, int64_t axis, int64_t pos) {
  if (axis < 0)
    return 0;
  int64_t inner = 1;
  for (int64_t d = axis + 1, e = shape.size(); d < e; ++d)
    inner *= shape[d];
  return (pos / inner) % shape[axis];
}

static DenseElementsAttr i8Elements(RankedTensorType type,
                                    ArrayRef<int64_t> codes) {
  SmallVector<int8_t> v(codes.begin(), codes.end());
  return DenseElementsAttr::get(type, ArrayRef<int8_t>(v));
}

namespace {

/// A float value computed from an integer accumulator by the f32 arithmetic
/// f32(acc) * scale[c] (+ bias[c]) per channel c along `axis`.
struct AccSource {
  Value acc;
  int64_t axis = -1;
  SmallVector<float> scales;
  SmallVector<float> biases; // Empty without bias.
  int64_t zp = 0;            // The value read is f32(acc - zp) * scale.
  int64_t lo = 0, hi = 0;    // Range of acc - zp.
};

class BinaryLowering {
public:
  explicit BinaryLowering(func::FuncOp func)
      : func(func), builder(func.getContext()) {}
  LogicalResult run();

private:
  Value codesOf(Value value, Operation *user);
  Value floatConstantOf(Value value);
  Value dequantizeCodes(Location loc, Value codes, Type elt,
                        RankedTensorType floatType, Operation *user);

  LogicalResult lowerBinarize(Operation *op, Value input,
                              ArrayRef<double> thresholds, int64_t axis);
  LogicalResult lowerDequantize(DequantizeOp op);
  LogicalResult lowerLinear(Operation *op);
  LogicalResult lowerDataMovement(Operation *op);
  LogicalResult lowerGeneric(Operation *op);

  Value foldThresholds(Value input, RankedTensorType resultType,
                       ArrayRef<double> thresholds, int64_t axis);

  template <typename OpTy, typename... Args>
  OpTy create(Location loc, Args &&...args) {
    OpTy op = OpTy::create(builder, loc, std::forward<Args>(args)...);
    created.insert(op);
    return op;
  }

  func::FuncOp func;
  OpBuilder builder;
  DenseMap<Value, Value> codes;          // Binary/ternary value -> i8 codes.
  DenseMap<Value, AccSource> accSources; // Float value -> its accumulator.
  SetVector<Operation *> lowered;
  SetVector<Operation *> created; // Erased at the end when unused.
};

} // namespace

//===----------------------------------------------------------------------===//
// Codes and constants
//===----------------------------------------------------------------------===//

Value BinaryLowering::codesOf(Value value, Operation *user) {
  auto it = codes.find(value);
  if (it != codes.end())
    return it->second;
  auto type = llvm::cast<RankedTensorType>(value.getType());
  Type elt = type.getElementType();
  auto c = value.getDefiningOp<ConstantOp>();
  if (c && !llvm::isa<CodebookType>(elt)) {
    if (std::optional<SmallVector<int64_t>> values = readCodes(c)) {
      OpBuilder::InsertionGuard guard(builder);
      builder.setInsertionPointAfter(c);
      RankedTensorType i8 = type.clone(builder.getI8Type());
      Value r = create<ConstantOp>(c.getLoc(), i8, i8Elements(i8, *values));
      codes[value] = r;
      return r;
    }
  }
  if (llvm::isa<BlockArgument>(value))
    user->emitOpError() << "reads a " << elt
                        << " function argument: binary, ternary and codebook "
                           "values have no integer form at function "
                           "boundaries (binarize or dequantize inside the "
                           "function)";
  else if (llvm::isa<CodebookType>(elt))
    user->emitOpError() << "reads codebook values computed at run time; "
                           "only constant codebook weights are lowered (to "
                           "float constants)";
  else
    user->emitOpError() << "reads " << elt
                        << " values that have no integer lowering";
  return {};
}

/// The dequantized float constant of a constant binary / ternary / codebook
/// value, or null.
Value BinaryLowering::floatConstantOf(Value value) {
  std::optional<SmallVector<int64_t>> values;
  Operation *def = nullptr;
  if (auto c = value.getDefiningOp<ConstantOp>()) {
    values = readCodes(c);
    def = c;
  } else if (auto it = codes.find(value); it != codes.end()) {
    // Codes folded at compile time (a binarized constant).
    auto c = it->second.getDefiningOp<ConstantOp>();
    auto attr = c ? llvm::dyn_cast<DenseElementsAttr>(c.getValue())
                  : DenseElementsAttr();
    if (attr) {
      values.emplace();
      for (const APInt &v : attr.getValues<APInt>())
        values->push_back(v.getSExtValue());
      def = c;
    }
  }
  if (!values)
    return {};
  auto type = llvm::cast<RankedTensorType>(value.getType());
  Type elt = type.getElementType();
  auto floatType = llvm::dyn_cast_or_null<FloatType>(getExpressedType(elt));
  if (!floatType)
    return {};
  int64_t axis = getQuantizedAxis(elt);
  SmallVector<APFloat> reals;
  reals.reserve(values->size());
  for (auto [pos, code] : llvm::enumerate(*values)) {
    APFloat v(realOfCode(elt, code, sliceOf(type.getShape(), axis, pos)));
    bool lost;
    v.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
              &lost);
    reals.push_back(v);
  }
  RankedTensorType ft = type.clone(floatType);
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointAfter(def);
  return create<arith::ConstantOp>(def->getLoc(), ft,
                                   DenseElementsAttr::get(ft, reals));
}

/// dequantize(scast(codes)) with the alphas as affine scales: the real
/// values of runtime binary (or symmetric ternary) codes.
Value BinaryLowering::dequantizeCodes(Location loc, Value codesValue, Type elt,
                                      RankedTensorType floatType,
                                      Operation *user) {
  SmallVector<double> scales;
  int64_t axis = getQuantizedAxis(elt);
  if (auto b = llvm::dyn_cast<BinaryType>(elt)) {
    llvm::append_range(scales, b.getAlphaValues());
  } else if (auto t = llvm::dyn_cast<TernaryType>(elt)) {
    if (t.getNegScaleValues() != t.getPosScaleValues()) {
      user->emitOpError() << "dequantizes asymmetric ternary values (" << elt
                          << ") computed at run time; only constant ones "
                             "are lowered";
      return {};
    }
    llvm::append_range(scales, t.getPosScaleValues());
  } else {
    user->emitOpError() << "reads codebook values computed at run time; "
                           "only constant codebook weights are lowered";
    return {};
  }
  auto expressed = llvm::cast<FloatType>(floatType.getElementType());
  Type qElt;
  unsigned flags = quant::QuantizationFlags::Signed;
  if (axis >= 0)
    qElt = quant::UniformQuantizedPerAxisType::get(
        flags, builder.getI8Type(), expressed, scales,
        SmallVector<int64_t>(scales.size(), 0), static_cast<int32_t>(axis),
        -128, 127);
  else
    qElt = quant::UniformQuantizedType::get(flags, builder.getI8Type(),
                                            expressed, scales[0], 0, -128, 127);
  Value typed =
      create<quant::StorageCastOp>(loc, floatType.clone(qElt), codesValue);
  return create<DequantizeOp>(loc, floatType, typed);
}

//===----------------------------------------------------------------------===//
// binarize (and quantize to binary)
//===----------------------------------------------------------------------===//

/// The integer binarize of an accumulator or of affine storage codes read
/// through f32 arithmetic, or null when `input` is not such a value.
Value BinaryLowering::foldThresholds(Value input, RankedTensorType resultType,
                                     ArrayRef<double> thresholds,
                                     int64_t axis) {
  AccSource src;
  auto it = accSources.find(input);
  if (it != accSources.end()) {
    src = it->second;
  } else if (auto dq = input.getDefiningOp<DequantizeOp>()) {
    // Affine storage codes (signed, after the affine lowering).
    std::optional<AffineParams> p = getAffineParams(elementOf(dq.getInput()));
    auto cast = dq.getInput().getDefiningOp<quant::StorageCastOp>();
    if (!p || !p->isSigned || p->storageBits > 32 ||
        llvm::any_of(p->zeroPoints,
                     [&](int64_t z) { return z != p->zeroPoints.front(); }) ||
        !dq.getType().getElementType().isF32())
      return {};
    if (cast) {
      src.acc = cast.getInput();
    } else {
      auto qt = llvm::cast<RankedTensorType>(dq.getInput().getType());
      src.acc = create<quant::StorageCastOp>(
          dq.getLoc(), qt.clone(getStorageType(qt.getElementType())),
          dq.getInput());
    }
    src.axis = p->axis;
    for (double s : p->scales)
      src.scales.push_back(static_cast<float>(s));
    src.zp = p->zeroPoints.front();
    src.lo = p->qmin - src.zp;
    src.hi = p->qmax - src.zp;
  } else {
    return {};
  }
  // Parameters vary along at most one axis.
  if (src.axis >= 0 && axis >= 0 && src.axis != axis &&
      (thresholds.size() > 1 || src.scales.size() > 1 || src.biases.size() > 1))
    return {};
  int64_t chanAxis = axis >= 0 ? axis : src.axis;
  int64_t n = std::max<int64_t>({static_cast<int64_t>(thresholds.size()),
                                 static_cast<int64_t>(src.scales.size()),
                                 static_cast<int64_t>(src.biases.size())});
  if (n > 1 && chanAxis < 0)
    return {};
  double inf = std::numeric_limits<double>::infinity();
  SmallVector<double> ints;
  for (int64_t c = 0; c < n; ++c) {
    auto pick = [&](auto &v) { return v[v.size() == 1 ? 0 : c]; };
    numerics::AccumulatorToReal map;
    map.scale = pick(src.scales);
    if (!src.biases.empty())
      map.bias = pick(src.biases);
    numerics::IntegerThreshold r =
        numerics::integerThreshold(map, pick(thresholds), src.lo, src.hi);
    if (r.alwaysTrue)
      ints.push_back(-inf);
    else if (r.alwaysFalse)
      ints.push_back(inf);
    else if (r.descending)
      return {}; // Negative scales: the float comparison stays.
    else
      ints.push_back(static_cast<double>(r.threshold + src.zp));
  }
  auto accType = llvm::cast<RankedTensorType>(src.acc.getType());
  if (chanAxis < 0) {
    // One threshold: repeat it along axis 0 (the attribute is per slice).
    if (accType.getRank() == 0 || accType.isDynamicDim(0))
      return {};
    chanAxis = 0;
    ints.assign(accType.getDimSize(0), ints.front());
  }
  return create<BinarizeOp>(
      input.getLoc(), resultType, src.acc, builder.getF32FloatAttr(0.0f),
      builder.getDenseF64ArrayAttr(ints), builder.getI64IntegerAttr(chanAxis));
}

LogicalResult BinaryLowering::lowerBinarize(Operation *op, Value input,
                                            ArrayRef<double> thresholds,
                                            int64_t axis) {
  auto resultType = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  RankedTensorType i8 = resultType.clone(builder.getI8Type());
  builder.setInsertionPoint(op);
  Location loc = op->getLoc();
  SmallVector<double> ts(thresholds);
  // A constant input folds (weights): +1 where x >= t in the reals.
  DenseElementsAttr attr;
  if (matchPattern(input, m_Constant(&attr)) &&
      llvm::isa<FloatType>(attr.getElementType())) {
    SmallVector<int64_t> values;
    int64_t pos = 0;
    for (APFloat v : attr.getValues<APFloat>()) {
      double t = ts[ts.size() == 1 ? 0 : sliceOf(i8.getShape(), axis, pos)];
      bool lost;
      v.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
      values.push_back(v.convertToDouble() >= t ? 1 : -1);
      ++pos;
    }
    codes[op->getResult(0)] =
        create<ConstantOp>(loc, i8, i8Elements(i8, values));
    lowered.insert(op);
    created.insert(input.getDefiningOp()); // The floats: erased once unused.
    return success();
  }
  Value folded = foldThresholds(input, i8, ts, axis);
  if (!folded) {
    // Compare the float value itself.
    if (getElementKind(elementOf(input)) != ElementKind::Float)
      return op->emitOpError() << "binarizes " << elementOf(input)
                               << " values, which have no integer lowering";
    if (axis >= 0)
      folded = create<BinarizeOp>(loc, i8, input, builder.getF32FloatAttr(0),
                                  builder.getDenseF64ArrayAttr(ts),
                                  builder.getI64IntegerAttr(axis));
    else
      folded = create<BinarizeOp>(
          loc, i8, input, builder.getF32FloatAttr(static_cast<float>(ts[0])),
          DenseF64ArrayAttr(), IntegerAttr());
  }
  codes[op->getResult(0)] = folded;
  lowered.insert(op);
  return success();
}

//===----------------------------------------------------------------------===//
// dequantize
//===----------------------------------------------------------------------===//

LogicalResult BinaryLowering::lowerDequantize(DequantizeOp op) {
  Value input = op.getInput();
  Value real = floatConstantOf(input);
  if (!real) {
    Value c = codesOf(input, op);
    if (!c)
      return failure();
    builder.setInsertionPoint(op);
    real = dequantizeCodes(op.getLoc(), c, elementOf(input), op.getType(), op);
    if (!real)
      return failure();
  }
  op.getResult().replaceAllUsesWith(real);
  lowered.insert(op);
  return success();
}

//===----------------------------------------------------------------------===//
// conv2d / fully_connected / matmul
//===----------------------------------------------------------------------===//

LogicalResult BinaryLowering::lowerLinear(Operation *op) {
  Value input = op->getOperand(0), weight = op->getOperand(1);
  Value bias = op->getNumOperands() > 2 ? op->getOperand(2) : Value();
  ElementKind inKind = getElementKind(elementOf(input));
  if (inKind == ElementKind::Float) {
    // Weight-only quantization: the weights become their float values.
    Value w = floatConstantOf(weight);
    if (!w) {
      Value c = codesOf(weight, op);
      if (!c)
        return failure();
      builder.setInsertionPoint(op);
      auto wt = llvm::cast<RankedTensorType>(weight.getType());
      w = dequantizeCodes(op->getLoc(), c, wt.getElementType(),
                          wt.clone(getExpressedType(wt.getElementType())), op);
      if (!w)
        return failure();
    }
    op->setOperand(1, w);
    return success();
  }
  if (inKind != ElementKind::Binary)
    return op->emitOpError() << "has " << elementOf(input)
                             << " input, which has no integer lowering";

  // XNOR form: i8 codes of input and weights, i32 accumulator.
  auto xType = llvm::cast<BinaryType>(elementOf(input));
  auto wType = llvm::cast<BinaryType>(elementOf(weight));
  auto resultType = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  bool isMatmul = llvm::isa<MatMulOp>(op);
  int64_t chanAxis = isMatmul ? resultType.getRank() - 1 : 1;
  if (xType.isPerAxis())
    return op->emitOpError()
           << "has a per-axis binary input " << xType
           << ": the accumulator needs one input alpha (per tensor)";
  Value x = codesOf(input, op), w = codesOf(weight, op);
  if (!x || !w)
    return failure();
  builder.setInsertionPoint(op);
  Location loc = op->getLoc();
  RankedTensorType accType = resultType.clone(builder.getI32Type());
  auto wt = llvm::cast<RankedTensorType>(weight.getType());
  int64_t k;
  Operation *acc;
  if (auto conv = llvm::dyn_cast<Conv2DOp>(op)) {
    ArrayRef<int64_t> pad = conv.getPadding();
    DenseI64ArrayAttr padding = conv.getPaddingAttr();
    int64_t padValue = static_cast<int64_t>(conv.getPadValue().value_or(0));
    // Padding with a code (+-1) becomes explicit, so the conv sees only
    // +-1; zero padding stays the integer conv's own (padded taps read 0).
    if (padValue != 0 && llvm::any_of(pad, [](int64_t p) { return p != 0; })) {
      SmallVector<int64_t> pads = {0, 0, pad[0], pad[1], 0, 0, pad[2], pad[3]};
      auto xt = llvm::cast<RankedTensorType>(x.getType());
      SmallVector<int64_t> shape(xt.getShape());
      shape[2] += pad[0] + pad[2];
      shape[3] += pad[1] + pad[3];
      x = create<PadOp>(loc, xt.clone(shape), x,
                        builder.getDenseI64ArrayAttr(pads),
                        builder.getF64FloatAttr(static_cast<double>(padValue)));
      padding = builder.getDenseI64ArrayAttr({0, 0, 0, 0});
    }
    acc = create<Conv2DOp>(loc, accType, x, w, Value(), conv.getStridesAttr(),
                           conv.getDilationsAttr(), padding,
                           conv.getGroupsAttr(), IntegerAttr());
    k = wt.getDimSize(1) * wt.getDimSize(2) * wt.getDimSize(3);
  } else if (llvm::isa<FullyConnectedOp>(op)) {
    acc = create<FullyConnectedOp>(loc, accType, x, w, Value());
    k = wt.getDimSize(1);
  } else {
    if (wType.isPerAxis() && wType.getAxis() != wt.getRank() - 1)
      return op->emitOpError() << "has binary right-hand side alphas along "
                                  "axis "
                               << wType.getAxis()
                               << "; only per column (the last axis) scales "
                                  "the result";
    acc = create<MatMulOp>(loc, accType, x, w);
    k = wt.getDimSize(wt.getRank() - 2);
  }
  if (ShapedType::isDynamic(k))
    return op->emitOpError() << "needs a static reduction size";
  acc->setAttr("qnn.xnor", builder.getUnitAttr());

  // The real accumulator is acc * alpha_x * alpha_w[o]: dequantize it.
  double ax = xType.getAlphaValues()[0];
  SmallVector<double> scales;
  for (double aw : wType.getAlphaValues())
    scales.push_back(ax * aw);
  auto floatType = llvm::cast<FloatType>(resultType.getElementType());
  unsigned flags = quant::QuantizationFlags::Signed;
  Type accElt;
  if (scales.size() > 1)
    accElt = quant::UniformQuantizedPerAxisType::get(
        flags, builder.getI32Type(), floatType, scales,
        SmallVector<int64_t>(scales.size(), 0), static_cast<int32_t>(chanAxis),
        INT32_MIN, INT32_MAX);
  else
    accElt =
        quant::UniformQuantizedType::get(flags, builder.getI32Type(), floatType,
                                         scales[0], 0, INT32_MIN, INT32_MAX);
  Value typed = create<quant::StorageCastOp>(loc, accType.clone(accElt),
                                             acc->getResult(0));
  Value real = create<DequantizeOp>(loc, resultType, typed);
  AccSource src;
  src.acc = acc->getResult(0);
  src.axis = scales.size() > 1 ? chanAxis : -1;
  for (double s : scales)
    src.scales.push_back(static_cast<float>(s));
  src.lo = -k;
  src.hi = k;
  if (bias) {
    // The float bias [O], broadcast along the channel axis.
    Value b = bias;
    if (!isMatmul && resultType.getRank() == 4) {
      auto bt = llvm::cast<RankedTensorType>(bias.getType());
      b = create<ReshapeOp>(loc, bt.clone({bt.getDimSize(0), 1, 1}), bias);
    }
    real = create<AddOp>(loc, resultType, real, b);
    DenseElementsAttr battr;
    if (floatType.isF32() && matchPattern(bias, m_Constant(&battr))) {
      for (APFloat v : battr.getValues<APFloat>())
        src.biases.push_back(v.convertToFloat());
      if (src.biases.size() > 1)
        src.axis = chanAxis;
    } else {
      src.acc = Value();
    }
  }
  if (src.acc && floatType.isF32())
    accSources[real] = src;
  op->getResult(0).replaceAllUsesWith(real);
  lowered.insert(op);
  return success();
}

//===----------------------------------------------------------------------===//
// Data movement, everything else
//===----------------------------------------------------------------------===//

LogicalResult BinaryLowering::lowerDataMovement(Operation *op) {
  Value result = op->getResult(0);
  Type elt = elementOf(result);
  if (llvm::isa<CodebookType>(elt))
    return op->emitOpError() << "moves codebook values at run time; only "
                                "constant codebook weights are lowered";
  SmallVector<Value> operands;
  for (Value v : op->getOperands()) {
    Value c = codesOf(v, op);
    if (!c)
      return failure();
    operands.push_back(c);
  }
  if (auto pool = llvm::dyn_cast<MaxPool2DOp>(op)) {
    // max of codes is the max of reals when the alpha is the same across
    // each window: per tensor or per channel.
    int64_t axis = getQuantizedAxis(elt);
    if ((axis >= 0 && axis != 1) || llvm::isa<TernaryType>(elt))
      return op->emitOpError() << "max-pools " << elt
                               << " values, which only binary values with "
                                  "per-tensor or per-channel alphas do";
  }
  builder.setInsertionPoint(op);
  RankedTensorType i8 =
      llvm::cast<RankedTensorType>(result.getType()).clone(builder.getI8Type());
  NamedAttrList attrs(op->getAttrs());
  if (auto pad = llvm::dyn_cast<PadOp>(op);
      pad && pad.getMode() == PadMode::Constant) {
    // The padded real value must be a code of every slice.
    double v = pad.getValue().convertToDouble();
    int64_t code;
    if (v == 0.0 && llvm::isa<TernaryType>(elt))
      code = 0;
    else if (isExactlyRepresentable(elt, v) &&
             realOfCode(elt, 1, 0) == static_cast<float>(v))
      code = 1;
    else if (isExactlyRepresentable(elt, v) &&
             realOfCode(elt, -1, 0) == static_cast<float>(v))
      code = -1;
    else
      return op->emitOpError() << "pads " << elt << " values with " << v
                               << ", which is not one of their values";
    attrs.set("value", builder.getF64FloatAttr(static_cast<double>(code)));
  }
  OperationState state(op->getLoc(), op->getName(), operands, TypeRange{i8},
                       attrs.getAttrs());
  Operation *intOp = builder.create(state);
  created.insert(intOp);
  codes[result] = intOp->getResult(0);
  lowered.insert(op);
  return success();
}

LogicalResult BinaryLowering::lowerGeneric(Operation *op) {
  if (llvm::any_of(op->getResultTypes(), isBinaryKind))
    return op->emitOpError() << "produces binary, ternary or codebook values "
                                "and has no integer lowering";
  // Ops that read the reals: dequantize the operands.
  builder.setInsertionPoint(op);
  for (OpOperand &use : op->getOpOperands()) {
    Value v = use.get();
    if (!isBinaryKind(v.getType()))
      continue;
    Value real = floatConstantOf(v);
    if (!real) {
      Value c = codesOf(v, op);
      if (!c)
        return failure();
      auto t = llvm::cast<RankedTensorType>(v.getType());
      real = dequantizeCodes(op->getLoc(), c, t.getElementType(),
                             t.clone(getExpressedType(t.getElementType())), op);
      if (!real)
        return failure();
    }
    use.set(real);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

LogicalResult BinaryLowering::run() {
  for (BlockArgument arg : func.getArguments())
    if (isBinaryKind(arg.getType()) && !arg.use_empty())
      return func.emitOpError()
             << "has a " << arg.getType()
             << " argument: binary, ternary and codebook values have no "
                "integer form at function boundaries";
  SmallVector<Operation *> ops;
  func.walk([&](Operation *op) {
    if (op != func.getOperation())
      ops.push_back(op);
  });
  for (Operation *op : ops) {
    if (created.contains(op))
      continue;
    bool touches = llvm::any_of(op->getOperandTypes(), isBinaryKind) ||
                   llvm::any_of(op->getResultTypes(), isBinaryKind);
    if (!touches || llvm::isa<ConstantOp>(op))
      continue; // Constants are read on first use, erased once unused.
    LogicalResult done = success();
    if (auto b = llvm::dyn_cast<BinarizeOp>(op)) {
      SmallVector<double> ts;
      int64_t axis = -1;
      if (std::optional<ArrayRef<double>> t = b.getThresholds()) {
        ts.assign(t->begin(), t->end());
        axis = static_cast<int64_t>(*b.getAxis());
      } else {
        ts.push_back(b.getThreshold().convertToDouble());
      }
      done = lowerBinarize(op, b.getInput(), ts, axis);
    } else if (auto q = llvm::dyn_cast<QuantizeOp>(op)) {
      // quantize to binary is binarize at 0.
      if (!llvm::isa<BinaryType>(elementOf(q.getResult())))
        return op->emitOpError() << "quantizes to " << elementOf(q.getResult())
                                 << " at run time, which has no integer "
                                    "lowering (fold constants first)";
      done = lowerBinarize(op, q.getInput(), {0.0}, -1);
    } else if (auto d = llvm::dyn_cast<DequantizeOp>(op)) {
      done = lowerDequantize(d);
    } else if (llvm::isa<Conv2DOp, FullyConnectedOp, MatMulOp>(op)) {
      done = lowerLinear(op);
    } else if (llvm::isa<ReshapeOp, TransposeOp, PadOp, ConcatOp, MaxPool2DOp>(
                   op)) {
      done = lowerDataMovement(op);
    } else if (llvm::isa<func::ReturnOp>(op)) {
      return op->emitOpError()
             << "returns binary, ternary or codebook values, which have no "
                "integer form at function boundaries (dequantize them)";
    } else {
      done = lowerGeneric(op);
    }
    if (failed(done))
      return failure();
  }

  for (Operation *op : llvm::reverse(lowered)) {
    if (!op->use_empty())
      return op->emitOpError() << "internal error: lowered op still has users";
    op->erase();
  }
  // Unused constants of these types and unused ops created here (e.g. the
  // float result of an accumulator whose binarize reads it directly).
  bool changed = true;
  while (changed) {
    changed = false;
    SmallVector<Operation *> dead;
    func.walk([&](Operation *op) {
      if (!op->use_empty() || op->getNumResults() == 0)
        return;
      if (created.contains(op) || (llvm::isa<ConstantOp>(op) &&
                                   isBinaryKind(op->getResult(0).getType())))
        dead.push_back(op);
    });
    for (Operation *op : dead) {
      created.remove(op);
      op->erase();
      changed = true;
    }
  }
  return success();
}

LogicalResult mlir::qnn::lowerBinaryToInteger(func::FuncOp func) {
  return BinaryLowering(func).run();
}
