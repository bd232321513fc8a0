//===- ONNXShapeOps.cpp - data-movement ONNX op converters ----------------===//
//
// Flatten, Reshape, Squeeze and Unsqueeze (all qnn.reshape; shape and axes
// inputs must be constants), Transpose, Concat and Pad (constant, edge and
// reflect modes, constant pads). These ops move values without changing
// them, so they accept float, integer and quantized tensors alike and keep
// the element type (per-axis quantization axes move with their dimension).
//
//===----------------------------------------------------------------------===//

#include "ONNXImporter.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "llvm/Support/MathExtras.h"

#include <numeric>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::onnximport;

static RankedTensorType typeOf(Value v) {
  return llvm::cast<RankedTensorType>(v.getType());
}

/// The product of `dims`, or nullopt when an entry exceeds
/// kMaxTensorElements or a partial product (left to right) overflows
/// int64: Reshape shapes come from the model (found by fuzz-onnx-import).
static std::optional<int64_t> product(ArrayRef<int64_t> dims) {
  int64_t n = 1;
  for (int64_t d : dims)
    if (d > kMaxTensorElements || llvm::MulOverflow(n, d, n))
      return std::nullopt;
  return n;
}

/// `axis` in [-rank, rank) made non-negative, or an error.
static FailureOr<int64_t> normalizeAxis(Importer &im, int64_t axis,
                                        int64_t rank) {
  if (axis < -rank || axis >= rank) {
    im.error() << "axis " << axis << " is out of range for rank " << rank;
    return failure();
  }
  return axis < 0 ? axis + rank : axis;
}

/// Reshapes input 0 to `shape` and binds output 0.
static LogicalResult reshapeTo(Importer &im, ArrayRef<int64_t> shape) {
  FailureOr<Value> x = im.input(0);
  if (failed(x))
    return failure();
  std::optional<int64_t> elements = product(shape);
  if (!elements)
    return im.error() << "cannot reshape " << typeOf(*x) << " to "
                      << shape.size()
                      << "-D shape with a dimension or element count beyond "
                      << kMaxTensorElements;
  if (*elements != typeOf(*x).getNumElements())
    return im.error() << "cannot reshape " << typeOf(*x) << " to "
                      << shape.size() << "-D shape with " << *elements
                      << " elements";
  FailureOr<Value> y = im.reshape(*x, shape);
  if (failed(y))
    return failure();
  return im.setOutput(0, *y);
}

static FailureOr<ArrayRef<int64_t>> inputShape(Importer &im, unsigned i) {
  FailureOr<Value> x = im.input(i);
  if (failed(x))
    return failure();
  return typeOf(*x).getShape();
}

static LogicalResult convertFlatten(Importer &im) {
  if (failed(im.checkAttributes({"axis"})))
    return failure();
  FailureOr<ArrayRef<int64_t>> in = inputShape(im, 0);
  if (failed(in))
    return failure();
  int64_t rank = in->size(), axis = im.getInt("axis", 1);
  if (axis < -rank || axis > rank)
    return im.error() << "axis " << axis << " is out of range for rank "
                      << rank;
  if (axis < 0)
    axis += rank;
  // The input's shape is a supported tensor's: no overflow.
  SmallVector<int64_t> shape = {*product(in->take_front(axis)),
                                *product(in->drop_front(axis))};
  return reshapeTo(im, shape);
}

/// Reshape: 0 copies the input size (unless allowzero), -1 is inferred.
static LogicalResult convertReshape(Importer &im) {
  if (failed(im.checkAttributes({"allowzero"})))
    return failure();
  FailureOr<ArrayRef<int64_t>> in = inputShape(im, 0);
  if (failed(in))
    return failure();
  FailureOr<SmallVector<int64_t>> target =
      im.requireConstantInts(1, "shape input");
  if (failed(target))
    return failure();
  bool allowZero = im.getInt("allowzero", 0) != 0;
  SmallVector<int64_t> shape = std::move(*target);
  std::optional<size_t> inferred;
  for (size_t i = 0; i < shape.size(); ++i) {
    int64_t &s = shape[i];
    if (s == 0 && !allowZero) {
      if (i >= in->size())
        return im.error() << "shape entry " << i
                          << " copies a dimension the input does not have";
      s = (*in)[i];
    } else if (s == -1) {
      if (inferred)
        return im.error() << "shape has more than one -1 entry";
      inferred = i;
    } else if (s < 0) {
      return im.error() << "invalid shape entry " << s;
    }
  }
  if (inferred) {
    shape[*inferred] = 1;
    std::optional<int64_t> known = product(shape), total = product(*in);
    if (!known || !total || *known == 0 || *total % *known != 0)
      return im.error() << "cannot infer the -1 entry of the shape";
    shape[*inferred] = *total / *known;
  }
  return reshapeTo(im, shape);
}

/// The `axes` of Squeeze/Unsqueeze: an attribute before opset 13, an
/// optional constant input since. Returns nullopt when absent.
static FailureOr<std::optional<SmallVector<int64_t>>> getAxes(Importer &im) {
  if (im.opset() < 13) {
    if (failed(im.checkAttributes({"axes"})))
      return failure();
    return im.getInts("axes");
  }
  if (failed(im.checkAttributes({})))
    return failure();
  if (!im.hasInput(1))
    return std::optional<SmallVector<int64_t>>();
  FailureOr<SmallVector<int64_t>> axes =
      im.requireConstantInts(1, "axes input");
  if (failed(axes))
    return failure();
  return std::optional<SmallVector<int64_t>>(std::move(*axes));
}

static LogicalResult convertSqueeze(Importer &im) {
  FailureOr<ArrayRef<int64_t>> in = inputShape(im, 0);
  if (failed(in))
    return failure();
  FailureOr<std::optional<SmallVector<int64_t>>> axes = getAxes(im);
  if (failed(axes))
    return failure();
  int64_t rank = in->size();
  SmallVector<bool> drop(rank, false);
  if (!*axes) {
    for (int64_t d = 0; d < rank; ++d)
      drop[d] = (*in)[d] == 1;
  } else {
    for (int64_t axis : **axes) {
      FailureOr<int64_t> a = normalizeAxis(im, axis, rank);
      if (failed(a))
        return failure();
      if ((*in)[*a] != 1)
        return im.error() << "cannot squeeze dimension " << *a << " of size "
                          << (*in)[*a];
      drop[*a] = true;
    }
  }
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d)
    if (!drop[d])
      shape.push_back((*in)[d]);
  return reshapeTo(im, shape);
}

static LogicalResult convertUnsqueeze(Importer &im) {
  FailureOr<ArrayRef<int64_t>> in = inputShape(im, 0);
  if (failed(in))
    return failure();
  FailureOr<std::optional<SmallVector<int64_t>>> axes = getAxes(im);
  if (failed(axes))
    return failure();
  if (!*axes)
    return im.error() << "needs axes";
  int64_t rank = in->size() + (*axes)->size();
  SmallVector<bool> inserted(rank, false);
  for (int64_t axis : **axes) {
    FailureOr<int64_t> a = normalizeAxis(im, axis, rank);
    if (failed(a))
      return failure();
    if (inserted[*a])
      return im.error() << "axis " << axis << " is given twice";
    inserted[*a] = true;
  }
  SmallVector<int64_t> shape;
  for (int64_t d = 0, next = 0; d < rank; ++d)
    shape.push_back(inserted[d] ? 1 : (*in)[next++]);
  return reshapeTo(im, shape);
}

static LogicalResult convertTranspose(Importer &im) {
  if (failed(im.checkAttributes({"perm"})))
    return failure();
  FailureOr<Value> x = im.input(0);
  if (failed(x))
    return failure();
  int64_t rank = typeOf(*x).getRank();
  SmallVector<int64_t> perm;
  if (std::optional<SmallVector<int64_t>> attr = im.getInts("perm"))
    perm = *attr;
  else
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
  SmallVector<bool> seen(rank, false);
  if (static_cast<int64_t>(perm.size()) != rank)
    return im.error() << "perm has " << perm.size() << " entries for rank "
                      << rank;
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[p])
      return im.error() << "perm is not a permutation of 0.." << rank - 1;
    seen[p] = true;
  }
  return im.setOutput(0, im.transpose(*x, perm));
}

/// Concat: one element type throughout; quantized inputs with different
/// parameters are concatenated as their storage integers (ONNX concatenates
/// the integers, it does not requantize).
static LogicalResult convertConcat(Importer &im) {
  if (failed(im.checkAttributes({"axis"})))
    return failure();
  SmallVector<Value> inputs;
  for (int i = 0, e = im.node().input_size(); i < e; ++i) {
    FailureOr<Value> v = im.input(i);
    if (failed(v))
      return failure();
    inputs.push_back(*v);
  }
  if (inputs.empty())
    return im.error() << "needs at least one input";
  RankedTensorType first = typeOf(inputs.front());
  FailureOr<int64_t> axis =
      normalizeAxis(im, im.getInt("axis", 0), first.getRank());
  if (failed(axis))
    return failure();
  bool sameElement = llvm::all_of(inputs, [&](Value v) {
    return typeOf(v).getElementType() == first.getElementType();
  });
  if (!sameElement)
    for (Value &v : inputs)
      v = im.toStorage(v);
  Type elt = typeOf(inputs.front()).getElementType();
  SmallVector<int64_t> shape(first.getShape());
  shape[*axis] = 0;
  for (Value v : inputs) {
    RankedTensorType t = typeOf(v);
    if (t.getElementType() != elt)
      return im.error() << "expects inputs of one element type, got " << elt
                        << " and " << t.getElementType();
    if (t.getRank() != first.getRank())
      return im.error() << "expects inputs of one rank, got " << first
                        << " and " << t;
    for (int64_t d = 0; d < t.getRank(); ++d)
      if (d != *axis && t.getDimSize(d) != first.getDimSize(d))
        return im.error() << "input shapes differ outside axis " << *axis
                          << ": " << first << " and " << t;
    shape[*axis] += t.getDimSize(*axis);
  }
  if (getQuantizedAxis(elt) == *axis)
    return im.error() << "cannot concatenate along the quantized axis of "
                      << elt;
  Value y = im.create<ConcatOp>(RankedTensorType::get(shape, elt), inputs,
                                im.builder().getI64IntegerAttr(*axis));
  return im.setOutput(0, y);
}

/// The real value a constant of storage value `code` stands for in a
/// tensor of element type `elt` (float and integer elements: the value).
static FailureOr<double> padRealValue(Importer &im, Type elt, double code) {
  if (auto q = llvm::dyn_cast<quant::UniformQuantizedType>(elt))
    return (code - static_cast<double>(q.getZeroPoint())) * q.getScale();
  if (auto q = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(elt)) {
    for (int64_t zp : q.getZeroPoints())
      if (static_cast<double>(zp) != code) {
        im.error() << "pads a per-axis quantized tensor with "
                   << formatNumber(code)
                   << ", which is not the zero point of every slice";
        return failure();
      }
    return 0.0;
  }
  if (isQuantizedElement(elt)) {
    im.error() << "cannot pad a tensor of element type " << elt;
    return failure();
  }
  return code;
}

/// Pad (constant, edge or reflect mode): pads (and value) are attributes
/// before opset 11 and constant inputs since.
static LogicalResult convertPad(Importer &im) {
  bool old = im.opset() < 11;
  if (failed(old ? im.checkAttributes({"mode", "pads", "value"})
                 : im.checkAttributes({"mode"})))
    return failure();
  std::string mode = im.getString("mode", "constant");
  std::optional<PadMode> padMode = symbolizePadMode(mode);
  if (!padMode)
    return im.error() << "unknown pad mode '" << mode << "'";
  FailureOr<Value> x = im.input(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  SmallVector<int64_t> pads;
  double code = 0.0;
  if (old) {
    pads = im.getInts("pads").value_or(SmallVector<int64_t>());
    code = im.getFloat("value", 0.0f);
  } else {
    FailureOr<SmallVector<int64_t>> p = im.requireConstantInts(1, "pads input");
    if (failed(p))
      return failure();
    pads = std::move(*p);
    if (im.hasInput(3))
      return im.error() << "the axes input is not supported";
    if (im.hasInput(2)) {
      FailureOr<const ConstantTensor *> v =
          im.requireConstant(2, "constant_value input");
      if (failed(v))
        return failure();
      if ((*v)->size() != 1)
        return im.error() << "expects a scalar constant_value";
      code = (*v)->toDoubles().front();
    }
  }
  int64_t rank = type.getRank();
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return im.error() << "expects " << 2 * rank << " pads for rank " << rank
                      << ", got " << pads.size();
  if (llvm::any_of(pads, [](int64_t p) { return p < 0; }))
    return im.error() << "negative pads (cropping) are not supported";
  if (*padMode != PadMode::Constant) {
    if (code != 0.0)
      return im.error() << "a constant_value is only allowed in constant mode";
    for (int64_t d = 0; d < rank; ++d) {
      int64_t most = std::max(pads[d], pads[d + rank]);
      if (most == 0)
        continue;
      if (type.getDimSize(d) == 0)
        return im.error() << "cannot pad the empty dimension " << d << " in "
                          << mode << " mode";
      if (*padMode == PadMode::Reflect && most >= type.getDimSize(d))
        return im.error() << "reflect pads of dimension " << d
                          << " must be smaller than its size "
                          << type.getDimSize(d) << ", got " << most;
    }
  }
  // Edge and reflect padding copy elements: no value.
  FailureOr<double> value = *padMode == PadMode::Constant
                                ? padRealValue(im, type.getElementType(), code)
                                : FailureOr<double>(0.0);
  if (failed(value))
    return failure();
  SmallVector<int64_t> shape(type.getShape());
  for (int64_t d = 0; d < rank; ++d)
    shape[d] += pads[d] + pads[d + rank];
  OpBuilder &b = im.builder();
  Value y = im.create<PadOp>(
      type.clone(shape), *x, b.getDenseI64ArrayAttr(pads),
      b.getF64FloatAttr(*value), PadModeAttr::get(b.getContext(), *padMode));
  return im.setOutput(0, y);
}

void onnximport::addShapeConverters(ConverterTable &table) {
  table.onnx["Flatten"] = convertFlatten;
  table.onnx["Reshape"] = convertReshape;
  table.onnx["Squeeze"] = convertSqueeze;
  table.onnx["Unsqueeze"] = convertUnsqueeze;
  table.onnx["Transpose"] = convertTranspose;
  table.onnx["Concat"] = convertConcat;
  table.onnx["Pad"] = convertPad;
}
