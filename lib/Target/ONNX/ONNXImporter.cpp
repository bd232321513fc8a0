//===- ONNXImporter.cpp - node-level helpers of the ONNX importer ---------===//
//
// The Importer API the op converters use: ONNX element types and tensors to
// MLIR types and attributes, attribute access, inputs (values, constants,
// quantized views), outputs and a few builders that keep quantization axes
// consistent (reshape, transpose). The graph-level driver is in
// ImportONNX.cpp.
//
//===----------------------------------------------------------------------===//

#include "ONNXImporter.h"

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::onnximport;

//===----------------------------------------------------------------------===//
// Element types and tensors
//===----------------------------------------------------------------------===//

Type onnximport::convertElementType(int32_t onnxType, MLIRContext *ctx) {
  Builder b(ctx);
  switch (onnxType) {
  case onnx::TensorProto::FLOAT:
    return b.getF32Type();
  case onnx::TensorProto::DOUBLE:
    return b.getF64Type();
  case onnx::TensorProto::FLOAT16:
    return b.getF16Type();
  case onnx::TensorProto::BFLOAT16:
    return b.getBF16Type();
  case onnx::TensorProto::INT8:
  case onnx::TensorProto::UINT8:
    return b.getIntegerType(8);
  case onnx::TensorProto::INT16:
  case onnx::TensorProto::UINT16:
    return b.getIntegerType(16);
  case onnx::TensorProto::INT32:
  case onnx::TensorProto::UINT32:
    return b.getIntegerType(32);
  case onnx::TensorProto::INT64:
  case onnx::TensorProto::UINT64:
    return b.getIntegerType(64);
  case onnx::TensorProto::BOOL:
    return b.getI1Type();
  default:
    return {};
  }
}

StringRef onnximport::onnxTypeName(int32_t onnxType) {
  switch (onnxType) {
  case onnx::TensorProto::FLOAT:
    return "float";
  case onnx::TensorProto::DOUBLE:
    return "double";
  case onnx::TensorProto::FLOAT16:
    return "float16";
  case onnx::TensorProto::BFLOAT16:
    return "bfloat16";
  case onnx::TensorProto::INT8:
    return "int8";
  case onnx::TensorProto::UINT8:
    return "uint8";
  case onnx::TensorProto::INT16:
    return "int16";
  case onnx::TensorProto::UINT16:
    return "uint16";
  case onnx::TensorProto::INT32:
    return "int32";
  case onnx::TensorProto::UINT32:
    return "uint32";
  case onnx::TensorProto::INT64:
    return "int64";
  case onnx::TensorProto::UINT64:
    return "uint64";
  case onnx::TensorProto::BOOL:
    return "bool";
  case onnx::TensorProto::STRING:
    return "string";
  case onnx::TensorProto::COMPLEX64:
    return "complex64";
  case onnx::TensorProto::COMPLEX128:
    return "complex128";
  default:
    return "undefined";
  }
}

static bool isUnsignedONNXType(int32_t onnxType) {
  return onnxType == onnx::TensorProto::UINT8 ||
         onnxType == onnx::TensorProto::UINT16 ||
         onnxType == onnx::TensorProto::UINT32 ||
         onnxType == onnx::TensorProto::UINT64 ||
         onnxType == onnx::TensorProto::BOOL;
}

bool ConstantTensor::isFloat() const {
  return llvm::isa<FloatType>(value.getElementType());
}

bool ConstantTensor::isUnsigned() const { return isUnsignedONNXType(onnxType); }

SmallVector<double> ConstantTensor::toDoubles() const {
  SmallVector<double> result;
  result.reserve(size());
  if (isFloat()) {
    for (const APFloat &v : value.getValues<APFloat>())
      result.push_back(v.convertToDouble());
    return result;
  }
  for (const APInt &v : value.getValues<APInt>())
    result.push_back(isUnsigned() ? static_cast<double>(v.getZExtValue())
                                  : static_cast<double>(v.getSExtValue()));
  return result;
}

std::optional<SmallVector<int64_t>> ConstantTensor::toInts() const {
  if (!llvm::isa<IntegerType>(value.getElementType()))
    return std::nullopt;
  SmallVector<int64_t> result;
  result.reserve(size());
  for (const APInt &v : value.getValues<APInt>())
    result.push_back(isUnsigned() ? static_cast<int64_t>(v.getZExtValue())
                                  : v.getSExtValue());
  return result;
}

/// Builds integer APInts of `width` bits from `values`, checking that each
/// fits the ONNX type's range.
template <typename Range>
static bool toAPInts(const Range &values, unsigned width, bool isUnsigned,
                     SmallVectorImpl<APInt> &out, std::string &why) {
  for (auto v : values) {
    int64_t x = static_cast<int64_t>(v);
    bool fits = isUnsigned
                    ? (width >= 64 || (x >= 0 && x < (int64_t{1} << width)))
                    : (width >= 64 || (x >= -(int64_t{1} << (width - 1)) &&
                                       x < (int64_t{1} << (width - 1))));
    if (!fits) {
      why = "value " + std::to_string(x) + " does not fit its element type";
      return false;
    }
    out.push_back(APInt(width, static_cast<uint64_t>(x), !isUnsigned));
  }
  return true;
}

DenseElementsAttr onnximport::convertTensor(const onnx::TensorProto &tensor,
                                            MLIRContext *ctx,
                                            std::string &why) {
  int32_t onnxType = tensor.data_type();
  Type elt = convertElementType(onnxType, ctx);
  if (!elt) {
    why = "element type " + onnxTypeName(onnxType).str() + " is not supported";
    return {};
  }
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL) {
    why = "its external data was not loaded";
    return {};
  }
  SmallVector<int64_t> shape;
  int64_t count = 1;
  for (int64_t d : tensor.dims()) {
    if (d < 0 || (d > 0 && count > (int64_t{1} << 40) / d)) {
      why = "it has an invalid or too large shape";
      return {};
    }
    shape.push_back(d);
    count *= d;
  }
  auto type = RankedTensorType::get(shape, elt);
  auto expectCount = [&](size_t actual) {
    if (static_cast<int64_t>(actual) == count)
      return true;
    why = "it holds " + std::to_string(actual) + " values for " +
          std::to_string(count) + " elements";
    return false;
  };

  if (tensor.has_raw_data()) {
    const std::string &raw = tensor.raw_data();
    if (elt.isInteger(1)) {
      if (!expectCount(raw.size()))
        return {};
      SmallVector<bool> bits(raw.begin(), raw.end());
      return DenseElementsAttr::get(type, ArrayRef<bool>(bits));
    }
    size_t bytes = elt.getIntOrFloatBitWidth() / 8;
    if (raw.size() != static_cast<size_t>(count) * bytes) {
      why = "its raw data has " + std::to_string(raw.size()) + " bytes for " +
            std::to_string(count) + " elements of " + std::to_string(bytes) +
            " bytes";
      return {};
    }
    ArrayRef<char> buffer(raw.data(), raw.size());
    bool detectedSplat = false;
    if (!DenseElementsAttr::isValidRawBuffer(type, buffer, detectedSplat)) {
      why = "its raw data is malformed";
      return {};
    }
    return DenseElementsAttr::getFromRawBuffer(type, buffer);
  }

  unsigned width = elt.getIntOrFloatBitWidth();
  bool isUnsigned = isUnsignedONNXType(onnxType);
  SmallVector<APInt> ints;
  switch (onnxType) {
  case onnx::TensorProto::FLOAT: {
    if (!expectCount(tensor.float_data_size()))
      return {};
    SmallVector<float> data(tensor.float_data().begin(),
                            tensor.float_data().end());
    return DenseElementsAttr::get(type, ArrayRef<float>(data));
  }
  case onnx::TensorProto::DOUBLE: {
    if (!expectCount(tensor.double_data_size()))
      return {};
    SmallVector<double> data(tensor.double_data().begin(),
                             tensor.double_data().end());
    return DenseElementsAttr::get(type, ArrayRef<double>(data));
  }
  case onnx::TensorProto::FLOAT16:
  case onnx::TensorProto::BFLOAT16: {
    if (!expectCount(tensor.int32_data_size()))
      return {};
    const llvm::fltSemantics &sem = onnxType == onnx::TensorProto::FLOAT16
                                        ? APFloat::IEEEhalf()
                                        : APFloat::BFloat();
    SmallVector<APFloat> data;
    for (int32_t bits : tensor.int32_data())
      data.emplace_back(sem, APInt(16, static_cast<uint16_t>(bits)));
    return DenseElementsAttr::get(type, data);
  }
  case onnx::TensorProto::INT64:
    if (!expectCount(tensor.int64_data_size()) ||
        !toAPInts(tensor.int64_data(), width, false, ints, why))
      return {};
    break;
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::UINT64:
    if (!expectCount(tensor.uint64_data_size()))
      return {};
    for (uint64_t v : tensor.uint64_data())
      ints.push_back(
          APInt(width, v, /*isSigned=*/false, /*implicitTrunc=*/true));
    break;
  case onnx::TensorProto::BOOL: {
    if (!expectCount(tensor.int32_data_size()))
      return {};
    SmallVector<bool> bits;
    for (int32_t v : tensor.int32_data())
      bits.push_back(v != 0);
    return DenseElementsAttr::get(type, ArrayRef<bool>(bits));
  }
  default: // INT8, UINT8, INT16, UINT16, INT32 in int32_data.
    if (!expectCount(tensor.int32_data_size()) ||
        !toAPInts(tensor.int32_data(), width, isUnsigned, ints, why))
      return {};
    break;
  }
  return DenseElementsAttr::get(type, ints);
}

//===----------------------------------------------------------------------===//
// Node description and diagnostics
//===----------------------------------------------------------------------===//

std::string onnximport::formatNumber(double value) {
  char buffer[32];
  for (int precision = 1; precision < 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value)
      return buffer;
  }
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

std::string onnximport::describeNode(const onnx::NodeProto &node,
                                     int64_t index) {
  std::string text = "node ";
  if (!node.name().empty())
    return text + "'" + node.name() + "' (" + node.op_type() + ", #" +
           std::to_string(index) + ")";
  text += "#" + std::to_string(index) + " (" + node.op_type();
  if (node.output_size() > 0)
    text += ", output '" + node.output(0) + "'";
  return text + ")";
}

InFlightDiagnostic Importer::error() {
  InFlightDiagnostic diag = mlir::emitError(currentLoc);
  diag << describeNode() << ": ";
  return diag;
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

LogicalResult Importer::checkAttributes(ArrayRef<StringRef> known) {
  for (const onnx::AttributeProto &attr : node().attribute())
    if (!llvm::is_contained(known, StringRef(attr.name())))
      return error() << "unsupported attribute '" << attr.name() << "'";
  return success();
}

const onnx::AttributeProto *Importer::attribute(StringRef name) const {
  for (const onnx::AttributeProto &attr : node().attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

int64_t Importer::getInt(StringRef name, int64_t defaultValue) const {
  const onnx::AttributeProto *attr = attribute(name);
  return attr && attr->has_i() ? attr->i() : defaultValue;
}

float Importer::getFloat(StringRef name, float defaultValue) const {
  const onnx::AttributeProto *attr = attribute(name);
  return attr && attr->has_f() ? attr->f() : defaultValue;
}

std::string Importer::getString(StringRef name, StringRef defaultValue) const {
  const onnx::AttributeProto *attr = attribute(name);
  return attr && attr->has_s() ? attr->s() : defaultValue.str();
}

std::optional<SmallVector<int64_t>> Importer::getInts(StringRef name) const {
  const onnx::AttributeProto *attr = attribute(name);
  if (!attr)
    return std::nullopt;
  return SmallVector<int64_t>(attr->ints().begin(), attr->ints().end());
}

//===----------------------------------------------------------------------===//
// Inputs
//===----------------------------------------------------------------------===//

bool Importer::hasInput(unsigned i) const {
  return static_cast<int>(i) < node().input_size() && !node().input(i).empty();
}

StringRef Importer::inputName(unsigned i) const {
  return hasInput(i) ? StringRef(node().input(i)) : StringRef();
}

const ConstantTensor *Importer::lookupConstant(StringRef name) {
  auto it = constants.find(name);
  if (it != constants.end())
    return &it->second;
  auto proto = constantProtos.find(name);
  if (proto == constantProtos.end())
    return nullptr;
  std::string why;
  DenseElementsAttr value = convertTensor(*proto->second, getContext(), why);
  if (!value) {
    error() << "cannot read constant '" << name << "': " << why;
    return nullptr;
  }
  ConstantTensor &entry = constants[name];
  entry.value = value;
  entry.onnxType = proto->second->data_type();
  return &entry;
}

const ConstantTensor *Importer::constant(unsigned i) {
  if (!hasInput(i) || !constantProtos.count(inputName(i)))
    return nullptr;
  return lookupConstant(inputName(i));
}

FailureOr<const ConstantTensor *> Importer::requireConstant(unsigned i,
                                                            StringRef what) {
  if (!hasInput(i)) {
    error() << what << " is missing";
    return failure();
  }
  if (!constantProtos.count(inputName(i))) {
    error() << what << " '" << inputName(i)
            << "' must be a constant (an initializer or a Constant node), "
               "not a computed value or graph input";
    return failure();
  }
  const ConstantTensor *c = lookupConstant(inputName(i));
  if (!c)
    return failure(); // lookupConstant reported why.
  return c;
}

FailureOr<SmallVector<int64_t>> Importer::requireConstantInts(unsigned i,
                                                              StringRef what) {
  FailureOr<const ConstantTensor *> c = requireConstant(i, what);
  if (failed(c))
    return failure();
  std::optional<SmallVector<int64_t>> ints = (*c)->toInts();
  if (!ints) {
    error() << what << " '" << inputName(i) << "' must hold integers, got "
            << onnxTypeName((*c)->onnxType);
    return failure();
  }
  return std::move(*ints);
}

int32_t Importer::inputONNXType(unsigned i) const {
  if (!hasInput(i))
    return 0;
  auto proto = constantProtos.find(inputName(i));
  if (proto != constantProtos.end())
    return proto->second->data_type();
  auto type = onnxTypes.find(inputName(i));
  if (type == onnxTypes.end() || !type->second->has_tensor_type())
    return 0;
  return type->second->tensor_type().elem_type();
}

FailureOr<Value> Importer::input(unsigned i) {
  if (!hasInput(i)) {
    error() << "input #" << i << " is missing";
    return failure();
  }
  StringRef name = inputName(i);
  auto it = values.find(name);
  if (it != values.end())
    return it->second;
  if (sequences.count(name)) {
    error() << "input '" << name
            << "' is a sequence; only Identity takes sequences";
    return failure();
  }
  if (constantProtos.count(name)) {
    const ConstantTensor *c = lookupConstant(name);
    if (!c)
      return failure();
    // Initializers keep their own name as location.
    Value v = ConstantOp::create(b, NameLoc::get(b.getStringAttr(name)),
                                 c->value.getType(), c->value);
    values[name] = v;
    return v;
  }
  error() << "input '" << name
          << "' is neither a graph input, an initializer nor the output of "
             "an earlier node";
  return failure();
}

FailureOr<Value> Importer::floatInput(unsigned i) {
  FailureOr<Value> v = input(i);
  if (failed(v))
    return failure();
  Type elt = llvm::cast<RankedTensorType>(v->getType()).getElementType();
  if (!llvm::isa<FloatType>(elt)) {
    int32_t t = inputONNXType(i);
    InFlightDiagnostic diag = error();
    diag << "expects a float tensor for input '" << inputName(i) << "', got ";
    if (t)
      diag << onnxTypeName(t);
    else
      diag << elt;
    return failure();
  }
  return v;
}

/// The storage integer width of a quantized element type.
static unsigned storageWidth(Type quantElt) {
  return getStorageType(quantElt).getWidth();
}

/// Whether the storage of a quantized element type is signed.
static bool storageSigned(Type quantElt) {
  if (auto q = llvm::dyn_cast<quant::QuantizedType>(quantElt))
    return q.isSigned();
  return llvm::isa<TernaryType>(quantElt);
}

FailureOr<Value> Importer::quantizedInput(unsigned i, Type quantElt) {
  if (!hasInput(i)) {
    error() << "input #" << i << " is missing";
    return failure();
  }
  StringRef name = inputName(i);
  unsigned width = storageWidth(quantElt);
  if (constantProtos.count(name)) {
    Value &cached = quantizedConstants[name][quantElt];
    if (cached)
      return cached;
    const ConstantTensor *c = lookupConstant(name);
    if (!c)
      return failure();
    auto intType = llvm::dyn_cast<IntegerType>(c->value.getElementType());
    if (!intType || intType.getWidth() != width) {
      error() << "expects " << width << "-bit integer storage values in '"
              << name << "', got " << onnxTypeName(c->onnxType);
      return failure();
    }
    // Unsigned storage prints as unsigned values (0..255, not -1).
    DenseElementsAttr storage = c->value;
    if (!storageSigned(quantElt) && width > 1)
      storage = storage.bitcast(
          IntegerType::get(getContext(), width, IntegerType::Unsigned));
    auto type = RankedTensorType::get(c->shape(), quantElt);
    cached = ConstantOp::create(b, NameLoc::get(b.getStringAttr(name)), type,
                                storage);
    return cached;
  }
  FailureOr<Value> v = input(i);
  if (failed(v))
    return failure();
  auto type = llvm::cast<RankedTensorType>(v->getType());
  Type elt = type.getElementType();
  if (elt == quantElt)
    return *v;
  Value storage = toStorage(*v);
  auto intType = llvm::dyn_cast<IntegerType>(
      llvm::cast<RankedTensorType>(storage.getType()).getElementType());
  if (!intType || intType.getWidth() != width) {
    error() << "expects " << width << "-bit integer values in '" << name
            << "', got " << elt;
    return failure();
  }
  return create<quant::StorageCastOp>(type.clone(quantElt), storage)
      .getResult();
}

Value Importer::toStorage(Value value) {
  auto type = llvm::cast<RankedTensorType>(value.getType());
  auto q = llvm::dyn_cast<quant::QuantizedType>(type.getElementType());
  if (!q)
    return value;
  Type storage =
      IntegerType::get(getContext(), q.getStorageTypeIntegralWidth());
  return create<quant::StorageCastOp>(type.clone(storage), value).getResult();
}

//===----------------------------------------------------------------------===//
// Outputs and builders
//===----------------------------------------------------------------------===//

std::optional<SmallVector<Value>> Importer::sequenceInput(unsigned i) const {
  if (!hasInput(i))
    return std::nullopt;
  auto it = sequences.find(inputName(i));
  if (it == sequences.end())
    return std::nullopt;
  return it->second;
}

void Importer::setSequenceOutput(unsigned i, ArrayRef<Value> elements) {
  if (static_cast<int>(i) < node().output_size() && !node().output(i).empty())
    sequences[node().output(i)] = SmallVector<Value>(elements);
}

LogicalResult Importer::setOutput(unsigned i, Value value) {
  if (static_cast<int>(i) >= node().output_size() || node().output(i).empty())
    return success(); // An omitted optional output.
  StringRef name = node().output(i);
  auto shape = llvm::cast<RankedTensorType>(value.getType()).getShape();
  auto known = onnxTypes.find(name);
  if (known != onnxTypes.end() && known->second->has_tensor_type() &&
      known->second->tensor_type().has_shape()) {
    const onnx::TensorShapeProto &inferred =
        known->second->tensor_type().shape();
    bool mismatch = inferred.dim_size() != static_cast<int>(shape.size());
    for (int d = 0; !mismatch && d < inferred.dim_size(); ++d)
      mismatch = inferred.dim(d).has_dim_value() &&
                 inferred.dim(d).dim_value() != shape[d];
    if (mismatch) {
      InFlightDiagnostic diag = error();
      diag << "output '" << name << "' has shape [";
      llvm::interleaveComma(shape, diag);
      diag << "] but ONNX shape inference gives [";
      for (int d = 0; d < inferred.dim_size(); ++d) {
        if (d)
          diag << ", ";
        if (inferred.dim(d).has_dim_value())
          diag << inferred.dim(d).dim_value();
        else
          diag << "?";
      }
      return diag << "]";
    }
  }
  values[name] = value;
  return success();
}

Value Importer::createConstant(DenseElementsAttr value) {
  return create<ConstantOp>(value.getType(), value);
}

Value Importer::createScalar(double value, FloatType type) {
  auto tensorType = RankedTensorType::get({1}, type);
  return createConstant(DenseElementsAttr::get(
      tensorType, FloatAttr::get(type, value).getValue()));
}

/// `elt` with its quantized axis moved to `axis` (per-axis types only).
static Type withAxis(Type elt, int64_t axis) {
  if (auto t = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(elt))
    return quant::UniformQuantizedPerAxisType::get(
        t.getFlags(), t.getStorageType(), t.getExpressedType(), t.getScales(),
        t.getZeroPoints(), axis, t.getStorageTypeMin(), t.getStorageTypeMax());
  if (auto t = llvm::dyn_cast<BinaryType>(elt))
    return BinaryType::get(t.getContext(), t.getExpressedType(), axis,
                           t.getAlphas());
  if (auto t = llvm::dyn_cast<TernaryType>(elt))
    return TernaryType::get(t.getContext(), t.getExpressedType(), axis,
                            t.getNegScales(), t.getPosScales());
  return elt;
}

FailureOr<Value> Importer::reshape(Value value, ArrayRef<int64_t> shape) {
  auto type = llvm::cast<RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  Type elt = type.getElementType();
  int64_t axis = getQuantizedAxis(elt);
  if (axis >= 0) {
    // The axis survives if some output dimension has its size and the same
    // number of elements before it.
    ArrayRef<int64_t> in = type.getShape();
    auto product = [](ArrayRef<int64_t> dims) {
      return std::accumulate(dims.begin(), dims.end(), int64_t{1},
                             std::multiplies<int64_t>());
    };
    int64_t before = product(in.take_front(axis));
    std::optional<int64_t> newAxis;
    for (int64_t j = 0, e = shape.size(); j < e && !newAxis; ++j)
      if (shape[j] == in[axis] && product(shape.take_front(j)) == before)
        newAxis = j;
    if (!newAxis) {
      error() << "cannot reshape a tensor quantized along axis " << axis
              << " so that the axis disappears (" << type << ")";
      return failure();
    }
    elt = withAxis(elt, *newAxis);
  }
  return create<ReshapeOp>(RankedTensorType::get(shape, elt), value)
      .getResult();
}

Value Importer::transpose(Value value, ArrayRef<int64_t> perm) {
  auto type = llvm::cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  for (int64_t p : perm)
    shape.push_back(type.getDimSize(p));
  Type elt = type.getElementType();
  int64_t axis = getQuantizedAxis(elt);
  if (axis >= 0)
    elt = withAxis(elt, llvm::find(perm, axis) - perm.begin());
  return create<TransposeOp>(RankedTensorType::get(shape, elt), value,
                             b.getDenseI64ArrayAttr(perm))
      .getResult();
}

LogicalResult Importer::verifyNewOps(Operation *before) {
  Block *block = b.getInsertionBlock();
  auto begin = before ? std::next(before->getIterator()) : block->begin();
  // No tensor of the model may be too large to materialize (e.g. pooling
  // over a huge padding): later passes would run for hours or run out of
  // memory.
  for (Operation &op : llvm::make_range(begin, block->end()))
    for (Type type : op.getResultTypes()) {
      auto tensor = llvm::dyn_cast<RankedTensorType>(type);
      if (tensor && tensor.hasStaticShape() &&
          elementCount(tensor.getShape()) > kMaxTensorElements)
        return error() << "'" << op.getName() << "' result has shape "
                       << formatShape(tensor.getShape())
                       << ", more elements than the supported "
                       << kMaxTensorElements;
    }
  // Collect the verifier's messages and report them as the node's.
  SmallVector<std::string> messages;
  LogicalResult result = success();
  {
    ScopedDiagnosticHandler handler(getContext(), [&](Diagnostic &diag) {
      if (diag.getSeverity() == DiagnosticSeverity::Error)
        messages.push_back(diag.str());
      return success();
    });
    for (Operation &op : llvm::make_range(begin, block->end()))
      if (failed(mlir::verify(&op))) {
        result = failure();
        break;
      }
  }
  if (succeeded(result))
    return success();
  InFlightDiagnostic diag = error();
  diag << (messages.empty() ? std::string("the qnn ops built for it do not "
                                          "verify")
                            : messages.front());
  return diag;
}
