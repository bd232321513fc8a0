//===- ONNXInputs.cpp - graph inputs of an ONNX model before import ------===//
//
// prepareGraphInputs: what the import options say about the graph inputs,
// applied to the ModelProto before the checker and shape inference see it.
//   * --freeze-input: a TensorProto file becomes the initializer of the
//     graph input it names;
//   * --input-shape: a tensor input's shape is written into the model
//     (dimensions it already knows must agree); a sequence input's length
//     and element shapes are returned, since an ONNX sequence type has one
//     element shape for all elements;
//   * --batch: a dynamic first dimension left over gets the batch size; any
//     other unknown dimension, or a sequence without a shape, is an error.
// An optional input is compiled as present: everything applies to its
// value's type.
//
//===----------------------------------------------------------------------===//

#include "ONNXImporter.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"

#include <string>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::onnximport;

/// Adds each frozen input (a TensorProto file) as an initializer of the
/// graph input it names.
static LogicalResult freezeInputs(onnx::ModelProto &model,
                                  ArrayRef<std::string> specs, Location loc) {
  onnx::GraphProto &graph = *model.mutable_graph();
  llvm::StringSet<> inputs, initializers;
  for (const onnx::ValueInfoProto &input : graph.input())
    inputs.insert(input.name());
  for (const onnx::TensorProto &init : graph.initializer())
    initializers.insert(init.name());
  for (StringRef spec : specs) {
    auto [name, file] =
        spec.contains('=') ? spec.split('=') : std::pair(StringRef(), spec);
    auto buffer = llvm::MemoryBuffer::getFile(file, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!buffer)
      return emitError(loc) << "cannot read frozen input '" << file
                            << "': " << buffer.getError().message();
    onnx::TensorProto tensor;
    if (!tensor.ParseFromArray((*buffer)->getBufferStart(),
                               static_cast<int>((*buffer)->getBufferSize())))
      return emitError(loc) << "frozen input '" << file
                            << "' is not a serialized ONNX TensorProto";
    if (!name.empty())
      tensor.set_name(name.str());
    if (tensor.name().empty())
      return emitError(loc) << "frozen input '" << file
                            << "' has no tensor name; use NAME=" << file;
    if (!inputs.contains(tensor.name()))
      return emitError(loc)
             << "frozen input '" << tensor.name() << "' is not a graph input";
    if (!initializers.insert(tensor.name()).second)
      return emitError(loc) << "graph input '" << tensor.name()
                            << "' is frozen twice or already constant";
    *graph.add_initializer() = std::move(tensor);
  }
  return success();
}

const onnx::TypeProto &onnximport::unwrapOptional(const onnx::TypeProto &type) {
  return type.has_optional_type() ? type.optional_type().elem_type() : type;
}

/// unwrapOptional() for a type to modify.
static onnx::TypeProto &unwrapOptional(onnx::TypeProto &type) {
  return type.has_optional_type()
             ? *type.mutable_optional_type()->mutable_elem_type()
             : type;
}

/// "D0xD1x..." (empty for a scalar) as dimensions, or std::nullopt.
static std::optional<SmallVector<int64_t>> parseDims(StringRef text) {
  SmallVector<int64_t> dims;
  if (text.empty())
    return dims;
  SmallVector<StringRef> parts;
  text.split(parts, 'x');
  for (StringRef part : parts) {
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 0)
      return std::nullopt;
    dims.push_back(dim);
  }
  return dims;
}

/// Fails unless `dims` fits the (possibly partial) shape of `tensor`, then
/// writes `dims` into it.
static LogicalResult setTensorShape(onnx::TypeProto::Tensor &tensor,
                                    ArrayRef<int64_t> dims, StringRef what,
                                    Location loc) {
  if (tensor.has_shape()) {
    const onnx::TensorShapeProto &known = tensor.shape();
    if (known.dim_size() != static_cast<int>(dims.size()))
      return emitError(loc)
             << what << " has rank " << known.dim_size()
             << ", but --input-shape gives " << dims.size() << " dimensions";
    for (int d = 0; d < known.dim_size(); ++d)
      if (known.dim(d).has_dim_value() && known.dim(d).dim_value() >= 0 &&
          known.dim(d).dim_value() != dims[d])
        return emitError(loc) << "dimension " << d << " of " << what << " is "
                              << known.dim(d).dim_value()
                              << ", but --input-shape gives " << dims[d];
  }
  onnx::TensorShapeProto &shape = *tensor.mutable_shape();
  shape.clear_dim();
  for (int64_t dim : dims)
    shape.add_dim()->set_dim_value(dim);
  return success();
}

/// Applies the --input-shape specs: a tensor input gets its shape in the
/// model (so inference and the checker see it); a sequence input's element
/// shapes go to `sequenceShapes`, since an ONNX sequence type has one
/// element shape for all elements.
static LogicalResult applyInputShapes(onnx::ModelProto &model,
                                      ArrayRef<std::string> specs, Location loc,
                                      SequenceShapes &sequenceShapes) {
  onnx::GraphProto &graph = *model.mutable_graph();
  llvm::StringSet<> initializers, done;
  for (const onnx::TensorProto &init : graph.initializer())
    initializers.insert(init.name());
  for (StringRef spec : specs) {
    size_t eq = spec.rfind('=');
    StringRef name = spec.take_front(eq), text = spec.drop_front(eq + 1);
    bool isList = text.consume_front("[");
    if (isList && !text.consume_back("]"))
      eq = StringRef::npos;
    SmallVector<SmallVector<int64_t>> shapes;
    SmallVector<StringRef> items;
    if (isList && !text.empty())
      text.split(items, ',');
    else if (!isList)
      items.push_back(text);
    for (StringRef item : items) {
      std::optional<SmallVector<int64_t>> dims = parseDims(item.trim());
      if (!dims) {
        eq = StringRef::npos;
        break;
      }
      shapes.push_back(std::move(*dims));
    }
    if (eq == StringRef::npos || name.empty())
      return emitError(loc) << "invalid --input-shape '" << spec
                            << "': expected NAME=D0xD1x... for a tensor or "
                               "NAME=[D0xD1,...] for a sequence";
    auto input = llvm::find_if(
        graph.input(), [&](const auto &info) { return info.name() == name; });
    if (input == graph.input().end())
      return emitError(loc)
             << "--input-shape names '" << name << "', not a graph input";
    if (initializers.contains(name))
      return emitError(loc) << "--input-shape names '" << name
                            << "', which is constant (an initializer or "
                               "frozen)";
    if (!done.insert(name).second)
      return emitError(loc)
             << "--input-shape gives graph input '" << name << "' twice";
    onnx::TypeProto &type = unwrapOptional(
        *graph.mutable_input(input - graph.input().begin())->mutable_type());
    std::string what = ("graph input '" + name + "'").str();
    if (type.has_tensor_type()) {
      if (isList)
        return emitError(loc) << what << " is a tensor: give one shape, "
                              << "not a list";
      if (failed(setTensorShape(*type.mutable_tensor_type(), shapes.front(),
                                what, loc)))
        return failure();
      continue;
    }
    if (!type.has_sequence_type() ||
        !type.sequence_type().elem_type().has_tensor_type())
      return emitError(loc) << what << " is neither a tensor nor a "
                            << "sequence of tensors";
    if (!isList)
      return emitError(loc) << what << " is a sequence: give its element "
                            << "shapes as [D0xD1,...]";
    // Check each element against the declared element shape, if any.
    for (auto [k, dims] : llvm::enumerate(shapes)) {
      onnx::TypeProto::Tensor element =
          type.sequence_type().elem_type().tensor_type();
      if (failed(setTensorShape(element, dims,
                                what + " element " + std::to_string(k), loc)))
        return failure();
    }
    sequenceShapes[name] = std::move(shapes);
  }
  return success();
}

/// Gives the dynamic first dimension of every non-constant tensor graph
/// input the size `batch`; any other dynamic dimension is an error unless
/// --input-shape fixed it. Sequence inputs need an --input-shape.
static LogicalResult fixInputShapes(onnx::ModelProto &model, int64_t batch,
                                    const SequenceShapes &sequenceShapes,
                                    Location loc) {
  onnx::GraphProto &graph = *model.mutable_graph();
  llvm::StringSet<> initializers;
  for (const onnx::TensorProto &init : graph.initializer())
    initializers.insert(init.name());
  for (onnx::ValueInfoProto &input : *graph.mutable_input()) {
    if (initializers.contains(input.name()))
      continue;
    onnx::TypeProto &type = unwrapOptional(*input.mutable_type());
    if (type.has_sequence_type()) {
      if (!sequenceShapes.count(input.name()))
        return emitError(loc)
               << "graph input '" << input.name()
               << "' is a sequence, whose length is only known at run time; "
                  "give it with --input-shape="
               << input.name() << "=[D0xD1,...]";
      continue;
    }
    if (!type.has_tensor_type())
      return emitError(loc) << "graph input '" << input.name()
                            << "' is neither a tensor nor a sequence";
    onnx::TypeProto::Tensor &tensor = *type.mutable_tensor_type();
    if (!tensor.has_shape())
      return emitError(loc) << "graph input '" << input.name()
                            << "' has no shape (its rank is unknown); give "
                               "it with --input-shape";
    for (int d = 0; d < tensor.shape().dim_size(); ++d) {
      onnx::TensorShapeProto::Dimension &dim =
          *tensor.mutable_shape()->mutable_dim(d);
      if (dim.has_dim_value() && dim.dim_value() >= 0)
        continue;
      if (d != 0)
        return emitError(loc)
               << "graph input '" << input.name() << "' has a dynamic "
               << "dimension " << d
               << "; fix it with --input-shape (--batch sizes only the "
                  "first)";
      dim.set_dim_value(batch);
    }
  }
  // Old value_info may disagree with the fixed batch; inference redoes it.
  graph.clear_value_info();
  return success();
}

LogicalResult onnximport::prepareGraphInputs(onnx::ModelProto &model,
                                             const ONNXImportOptions &opts,
                                             Location loc,
                                             SequenceShapes &sequenceShapes) {
  return failure(
      failed(freezeInputs(model, opts.frozenInputs, loc)) ||
      failed(applyInputShapes(model, opts.inputShapes, loc, sequenceShapes)) ||
      failed(fixInputShapes(model, opts.batch, sequenceShapes, loc)));
}
