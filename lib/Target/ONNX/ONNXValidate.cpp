//===- ONNXValidate.cpp - reject malformed models before ONNX inference ---===//
//
// validateModel runs after the graph inputs are prepared and external data
// is loaded, but before the ONNX checker and shape inference, because
// those trust parts of the model they read and crash (rather than throw)
// on some malformed models:
//   * every operator must be one the importer converts, so that shape
//     inference only ever runs on operators whose inputs we check here;
//   * every tensor (initializer, Constant node or other tensor attribute)
//     must hold exactly the data its dims and element type need, and have
//     at most kMaxTensorElements elements;
//   * window attributes (kernel_shape, strides, dilations, pads) of
//     convolutions and pooling must be in range;
//   * a graph output that passes a graph input or an initializer through
//     must declare its type (element type and shape).
// Each error names the node (or tensor, or graph value) and the reason.
//
//===----------------------------------------------------------------------===//

#include "ONNXImporter.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <limits>
#include <string>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::onnximport;

int64_t onnximport::elementCount(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t dim : shape) {
    if (dim == 0)
      return 0;
    if (dim < 0 || count > std::numeric_limits<int64_t>::max() / dim)
      count = std::numeric_limits<int64_t>::max();
    else
      count *= dim;
  }
  return count;
}

std::string onnximport::formatShape(ArrayRef<int64_t> shape) {
  std::string text = "[";
  for (auto [i, dim] : llvm::enumerate(shape)) {
    if (i)
      text += ", ";
    text += std::to_string(dim);
  }
  return text + "]";
}

Location onnximport::nodeLocation(const onnx::NodeProto &node,
                                  MLIRContext *ctx) {
  StringRef name = node.name();
  if (name.empty() && node.output_size() > 0)
    name = node.output(0);
  return NameLoc::get(StringAttr::get(ctx, name),
                      NameLoc::get(StringAttr::get(ctx, node.op_type())));
}

//===----------------------------------------------------------------------===//
// Tensor data
//===----------------------------------------------------------------------===//

namespace {
/// Where a TensorProto of one element type keeps its values when they are
/// not raw data, and how large an element is in raw data.
struct TensorDataLayout {
  StringRef field;          ///< The typed field ("float_data", ...).
  int typedCount;           ///< The number of values in that field.
  int64_t rawBytes;         ///< Bytes per element in raw_data (0: none).
  int64_t valuesPerElement; ///< 2 for complex numbers, else 1.
};
} // namespace

/// The layout of `tensor`'s element type, or nullopt for unknown types.
static std::optional<TensorDataLayout>
getDataLayout(const onnx::TensorProto &t) {
  switch (t.data_type()) {
  case onnx::TensorProto::FLOAT:
    return TensorDataLayout{"float_data", t.float_data_size(), 4, 1};
  case onnx::TensorProto::COMPLEX64:
    return TensorDataLayout{"float_data", t.float_data_size(), 8, 2};
  case onnx::TensorProto::DOUBLE:
    return TensorDataLayout{"double_data", t.double_data_size(), 8, 1};
  case onnx::TensorProto::COMPLEX128:
    return TensorDataLayout{"double_data", t.double_data_size(), 16, 2};
  case onnx::TensorProto::INT64:
    return TensorDataLayout{"int64_data", t.int64_data_size(), 8, 1};
  case onnx::TensorProto::UINT32:
    return TensorDataLayout{"uint64_data", t.uint64_data_size(), 4, 1};
  case onnx::TensorProto::UINT64:
    return TensorDataLayout{"uint64_data", t.uint64_data_size(), 8, 1};
  case onnx::TensorProto::STRING:
    return TensorDataLayout{"string_data", t.string_data_size(), 0, 1};
  case onnx::TensorProto::INT32:
    return TensorDataLayout{"int32_data", t.int32_data_size(), 4, 1};
  case onnx::TensorProto::INT16:
  case onnx::TensorProto::UINT16:
  case onnx::TensorProto::FLOAT16:
  case onnx::TensorProto::BFLOAT16:
    return TensorDataLayout{"int32_data", t.int32_data_size(), 2, 1};
  case onnx::TensorProto::INT8:
  case onnx::TensorProto::UINT8:
  case onnx::TensorProto::BOOL:
    return TensorDataLayout{"int32_data", t.int32_data_size(), 1, 1};
  default:
    return std::nullopt;
  }
}

/// Checks that `tensor` has valid dims, at most kMaxTensorElements
/// elements and exactly the data they need; returns why not, or an empty
/// string. External data must have been loaded.
static std::string checkTensorData(const onnx::TensorProto &tensor) {
  std::string name =
      tensor.name().empty() ? "the tensor" : "tensor '" + tensor.name() + "'";
  std::optional<TensorDataLayout> layout = getDataLayout(tensor);
  if (!layout)
    return name + " has an unknown element type (" +
           std::to_string(tensor.data_type()) + ")";
  SmallVector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
  if (llvm::any_of(dims, [](int64_t d) { return d < 0; }))
    return name + " has a negative dimension: " + formatShape(dims);
  int64_t count = elementCount(dims);
  if (count > kMaxTensorElements)
    return name + " has shape " + formatShape(dims) +
           ", more elements than the supported " +
           std::to_string(kMaxTensorElements);
  StringRef type = onnxTypeName(tensor.data_type());
  std::string what = " for shape " + formatShape(dims) + " of " + type.str();
  if (tensor.has_raw_data()) {
    if (layout->rawBytes == 0)
      return name + " of " + type.str() + " has raw data";
    if (layout->typedCount != 0)
      return name + " has both raw data and " + layout->field.str();
    int64_t size = tensor.raw_data().size();
    if (size != count * layout->rawBytes)
      return name + " has " + std::to_string(size) + " bytes of raw data" +
             what + ", which needs " + std::to_string(count * layout->rawBytes);
    return "";
  }
  if (layout->typedCount != count * layout->valuesPerElement)
    return name + " has " + std::to_string(layout->typedCount) + " values in " +
           layout->field.str() + what + ", which needs " +
           std::to_string(count * layout->valuesPerElement);
  return "";
}

//===----------------------------------------------------------------------===//
// Nodes
//===----------------------------------------------------------------------===//

/// Operators whose kernel_shape, strides, dilations and pads attributes
/// describe a sliding window (ONNX inference divides by strides).
static bool isWindowOp(StringRef opType) {
  return llvm::is_contained({"Conv", "ConvInteger", "QLinearConv",
                             "ConvTranspose", "MaxPool", "AveragePool",
                             "LpPool", "MaxUnpool"},
                            opType);
}

/// Checks the window attributes of a convolution or pooling node: sizes,
/// strides and dilations in [1, INT32_MAX], pads in [0, INT32_MAX] (larger
/// windows cannot fit a supported tensor, and the ONNX output size formula
/// must not overflow).
static LogicalResult checkWindowAttributes(const onnx::NodeProto &node,
                                           int64_t index, Location loc) {
  constexpr int64_t kLimit = std::numeric_limits<int32_t>::max();
  for (const onnx::AttributeProto &attr : node.attribute()) {
    StringRef name = attr.name();
    bool isPads = name == "pads";
    if (!isPads && name != "kernel_shape" && name != "strides" &&
        name != "dilations")
      continue;
    int64_t min = isPads ? 0 : 1;
    for (int64_t v : attr.ints())
      if (v < min || v > kLimit)
        return emitError(loc) << describeNode(node, index) << ": '" << name
                              << "' entries must be in [" << min << ", "
                              << kLimit << "], got " << v;
  }
  return success();
}

/// Checks the tensors in the attributes of `node` (a Constant node's value
/// and any other tensor attribute).
static LogicalResult checkAttributeTensors(const onnx::NodeProto &node,
                                           int64_t index, Location loc) {
  for (const onnx::AttributeProto &attr : node.attribute()) {
    if (attr.has_sparse_tensor() || attr.sparse_tensors_size() > 0)
      return emitError(loc)
             << describeNode(node, index) << ": attribute '" << attr.name()
             << "' holds a sparse tensor, which is not "
                "supported";
    SmallVector<const onnx::TensorProto *> tensors;
    if (attr.has_t())
      tensors.push_back(&attr.t());
    for (const onnx::TensorProto &t : attr.tensors())
      tensors.push_back(&t);
    for (const onnx::TensorProto *t : tensors) {
      std::string why = checkTensorData(*t);
      if (!why.empty())
        return emitError(loc) << describeNode(node, index) << ": attribute '"
                              << attr.name() << "': " << why;
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Graph outputs
//===----------------------------------------------------------------------===//

/// The shape of a tensor type with dim_param / unknown dims as -1, or
/// nullopt if the type has no shape.
static std::optional<SmallVector<int64_t>>
knownShape(const onnx::TypeProto::Tensor &tensor) {
  if (!tensor.has_shape())
    return std::nullopt;
  SmallVector<int64_t> shape;
  for (const onnx::TensorShapeProto::Dimension &dim : tensor.shape().dim())
    shape.push_back(dim.has_dim_value() ? dim.dim_value() : -1);
  return shape;
}

/// A graph output with the name of a graph input (or initializer) is that
/// value: its declared type must agree with the input's. ONNX inference
/// does not merge the two and crashes on a rank mismatch.
static LogicalResult checkPassThroughOutputs(const onnx::GraphProto &graph,
                                             Location loc) {
  llvm::StringMap<const onnx::TypeProto *> inputTypes;
  for (const onnx::ValueInfoProto &input : graph.input())
    inputTypes[input.name()] = &input.type();
  llvm::StringMap<const onnx::TensorProto *> initializers;
  for (const onnx::TensorProto &init : graph.initializer())
    initializers[init.name()] = &init;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    const onnx::TypeProto &outType = unwrapOptional(output.type());
    if (!outType.has_tensor_type())
      continue;
    const onnx::TypeProto::Tensor &out = outType.tensor_type();
    int32_t elt = 0;
    std::optional<SmallVector<int64_t>> shape;
    auto init = initializers.find(output.name());
    auto input = inputTypes.find(output.name());
    if (init != initializers.end()) {
      elt = init->second->data_type();
      shape.emplace(init->second->dims().begin(), init->second->dims().end());
    } else if (input != inputTypes.end()) {
      const onnx::TypeProto &inType = unwrapOptional(*input->second);
      if (!inType.has_tensor_type()) {
        return emitError(loc)
               << "graph output '" << output.name()
               << "' is the graph input of that name, which is not a tensor, "
                  "but declares a tensor type";
      }
      elt = inType.tensor_type().elem_type();
      shape = knownShape(inType.tensor_type());
    } else {
      continue;
    }
    if (out.elem_type() != 0 && out.elem_type() != elt)
      return emitError(loc)
             << "graph output '" << output.name()
             << "' passes through the graph input or initializer of that "
                "name, of element type "
             << onnxTypeName(elt) << ", but declares "
             << onnxTypeName(out.elem_type());
    std::optional<SmallVector<int64_t>> declared = knownShape(out);
    if (!declared || !shape)
      continue;
    bool differ = declared->size() != shape->size();
    for (size_t d = 0; !differ && d < shape->size(); ++d)
      differ = (*declared)[d] >= 0 && (*shape)[d] >= 0 &&
               (*declared)[d] != (*shape)[d];
    if (differ)
      return emitError(loc)
             << "graph output '" << output.name()
             << "' passes through the graph input or initializer of that "
                "name, of shape "
             << formatShape(*shape) << ", but declares shape "
             << formatShape(*declared) << " (-1: unknown)";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Entry point
//===----------------------------------------------------------------------===//

LogicalResult onnximport::validateModel(const onnx::ModelProto &model,
                                        Location loc) {
  MLIRContext *ctx = loc.getContext();
  const onnx::GraphProto &graph = model.graph();
  ConverterTable converters = getConverterTable();

  // Unsupported operators first: nothing else matters for such a model.
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    StringRef domain = node.domain();
    bool isDefault = domain.empty() || domain == "ai.onnx";
    bool supported = isDefault ? node.op_type() == "Constant" ||
                                     converters.onnx.count(node.op_type())
                               : isQONNXDomain(domain) &&
                                     converters.qonnx.count(node.op_type());
    if (supported)
      continue;
    InFlightDiagnostic diag = emitError(nodeLocation(node, ctx));
    diag << describeNode(node, index) << ": unsupported operator '";
    if (!isDefault)
      diag << domain << ".";
    return diag << node.op_type() << "'";
  }

  if (graph.sparse_initializer_size() > 0)
    return emitError(loc) << "sparse initializers are not supported";
  for (const onnx::TensorProto &init : graph.initializer()) {
    std::string why = checkTensorData(init);
    if (!why.empty())
      return emitError(loc) << "initializer: " << why;
  }

  for (const onnx::ValueInfoProto &input : graph.input()) {
    const onnx::TypeProto &type = unwrapOptional(input.type());
    if (!type.has_tensor_type())
      continue;
    std::optional<SmallVector<int64_t>> shape = knownShape(type.tensor_type());
    if (shape && llvm::all_of(*shape, [](int64_t d) { return d >= 0; }) &&
        elementCount(*shape) > kMaxTensorElements)
      return emitError(loc)
             << "graph input '" << input.name() << "' has shape "
             << formatShape(*shape) << ", more elements than the supported "
             << kMaxTensorElements;
  }

  for (auto [index, node] : llvm::enumerate(graph.node())) {
    Location nodeLoc = nodeLocation(node, ctx);
    if (failed(checkAttributeTensors(node, index, nodeLoc)))
      return failure();
    StringRef domain = node.domain();
    if ((domain.empty() || domain == "ai.onnx") && isWindowOp(node.op_type()) &&
        failed(checkWindowAttributes(node, index, nodeLoc)))
      return failure();
  }
  return checkPassThroughOutputs(graph, loc);
}
