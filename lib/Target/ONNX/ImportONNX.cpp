//===- ImportONNX.cpp - ONNX model loading and graph import ---------------===//
//
// The driver of the ONNX frontend. importONNXFile
//   1. parses the ModelProto and reads external data relative to the model
//      directory,
//   2. prepares the graph inputs (ONNXInputs.cpp): frozen inputs become
//      initializers, --input-shape applies (tensor shapes; the length and
//      element shapes of sequence inputs) and a dynamic batch dimension
//      gets the requested size,
//   3. checks that every node input is defined, the opsets are supported,
//      validates what ONNX would read unchecked (ONNXValidate.cpp:
//      unsupported operators, tensor data sizes, window attributes), then
//      runs the ONNX checker and (strict, else lenient) shape inference,
//   4. builds `func.func @<entry>` node by node through the converters and
//      verifies the module.
// ONNX code throws; every call into it happens under one try block here
// and an exception becomes an error diagnostic.
//
//===----------------------------------------------------------------------===//

#include "ONNXImporter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "onnx/checker.h"
#include "onnx/shape_inference/implementation.h"

#include <exception>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::onnximport;

/// Default-domain opsets the converters handle (libonnx 1.12 knows up to
/// 17; opsets 10-12 appear in the ONNX backend tests of the Q ops).
static constexpr int64_t kMinOpset = 10, kMaxOpset = 17;

void mlir::qnn::registerONNXImportDialects(DialectRegistry &registry) {
  registry.insert<QNNDialect, quant::QuantDialect, func::FuncDialect,
                  arith::ArithDialect, tensor::TensorDialect>();
}

/// An ONNX exception message on one line (they contain and end in
/// newlines).
static std::string trimMessage(const char *what) {
  SmallVector<StringRef> words;
  StringRef(what).split(words, '\n', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::string line;
  for (StringRef word : words) {
    if (word.trim().empty())
      continue;
    if (!line.empty())
      line += ' ';
    line += word.trim().str();
  }
  return line;
}

//===----------------------------------------------------------------------===//
// Model preparation
//===----------------------------------------------------------------------===//

/// Reads the external data of `tensor` into raw_data. Locations must be
/// relative paths inside the model directory.
static LogicalResult loadExternalTensor(onnx::TensorProto &tensor,
                                        StringRef modelDir, Location loc) {
  std::string location;
  uint64_t offset = 0;
  std::optional<uint64_t> length;
  for (const onnx::StringStringEntryProto &entry : tensor.external_data()) {
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset" || entry.key() == "length") {
      uint64_t v = 0;
      if (StringRef(entry.value()).getAsInteger(10, v))
        return emitError(loc) << "tensor '" << tensor.name()
                              << "' has an invalid external data "
                              << entry.key() << " '" << entry.value() << "'";
      (entry.key() == "offset" ? offset : length.emplace()) = v;
    }
  }
  if (location.empty())
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' has external data without a location";
  if (llvm::sys::path::is_absolute(location) ||
      llvm::is_contained(llvm::make_range(llvm::sys::path::begin(location),
                                          llvm::sys::path::end(location)),
                         ".."))
    return emitError(loc) << "tensor '" << tensor.name()
                          << "' has external data outside the model "
                             "directory: '"
                          << location << "'";
  SmallString<256> path(modelDir);
  llvm::sys::path::append(path, location);
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return emitError(loc) << "cannot read external data of tensor '"
                          << tensor.name() << "' from '" << path
                          << "': " << buffer.getError().message();
  StringRef data = (*buffer)->getBuffer();
  if (offset > data.size() || (length && *length > data.size() - offset))
    return emitError(loc) << "external data of tensor '" << tensor.name()
                          << "' lies beyond the end of '" << path << "'";
  tensor.set_raw_data(
      data.substr(offset, length.value_or(data.size() - offset)).str());
  tensor.clear_external_data();
  tensor.set_data_location(onnx::TensorProto::DEFAULT);
  return success();
}

/// Loads the external data of every initializer and Constant node tensor.
static LogicalResult loadExternalData(onnx::ModelProto &model,
                                      StringRef modelDir, Location loc) {
  onnx::GraphProto &graph = *model.mutable_graph();
  for (onnx::TensorProto &tensor : *graph.mutable_initializer())
    if (tensor.data_location() == onnx::TensorProto::EXTERNAL &&
        failed(loadExternalTensor(tensor, modelDir, loc)))
      return failure();
  for (onnx::NodeProto &node : *graph.mutable_node())
    for (onnx::AttributeProto &attr : *node.mutable_attribute())
      if (attr.has_t() &&
          attr.t().data_location() == onnx::TensorProto::EXTERNAL &&
          failed(loadExternalTensor(*attr.mutable_t(), modelDir, loc)))
        return failure();
  return success();
}

/// True if every default-domain operator of `graph` has the same definition
/// at `opset` as at kMinOpset (e.g. GlobalAveragePool, unchanged since
/// opset 1), so an older model means what the converters implement.
static bool sameAsMinOpset(const onnx::GraphProto &graph, int64_t opset) {
  const onnx::OpSchemaRegistry *registry = onnx::OpSchemaRegistry::Instance();
  for (const onnx::NodeProto &node : graph.node()) {
    if (!node.domain().empty() && node.domain() != "ai.onnx")
      continue;
    const onnx::OpSchema *old =
        registry->GetSchema(node.op_type(), static_cast<int>(opset), "");
    const onnx::OpSchema *current =
        registry->GetSchema(node.op_type(), static_cast<int>(kMinOpset), "");
    if (!old || !current || old->SinceVersion() != current->SinceVersion())
      return false;
  }
  return true;
}

/// Checks what the ONNX checker reports less clearly: opset versions and
/// that each node input is defined before use.
static LogicalResult checkStructure(const onnx::ModelProto &model,
                                    Location loc) {
  bool hasDefault = false;
  for (const onnx::OperatorSetIdProto &opset : model.opset_import()) {
    if (!opset.domain().empty() && opset.domain() != "ai.onnx")
      continue;
    hasDefault = true;
    if (opset.version() > kMaxOpset ||
        (opset.version() < kMinOpset &&
         !sameAsMinOpset(model.graph(), opset.version())))
      return emitError(loc)
             << "the model uses ONNX opset " << opset.version()
             << "; supported are opsets " << kMinOpset << " to " << kMaxOpset
             << " (and older ones where every operator of the model is "
                "defined as in opset "
             << kMinOpset << ")";
  }
  if (!hasDefault)
    return emitError(loc) << "the model imports no default ONNX opset";
  const onnx::GraphProto &graph = model.graph();
  llvm::StringSet<> defined;
  for (const onnx::ValueInfoProto &input : graph.input())
    defined.insert(input.name());
  for (const onnx::TensorProto &init : graph.initializer())
    defined.insert(init.name());
  for (auto [index, node] : llvm::enumerate(graph.node())) {
    for (const std::string &input : node.input())
      if (!input.empty() && !defined.contains(input))
        return emitError(loc)
               << describeNode(node, index) << ": input '" << input
               << "' is neither a graph input, an initializer nor the output "
                  "of an earlier node";
    for (const std::string &output : node.output())
      defined.insert(output);
  }
  for (const onnx::ValueInfoProto &output : graph.output())
    if (!defined.contains(output.name()))
      return emitError(loc) << "graph output '" << output.name()
                            << "' is not computed by the graph";
  return success();
}

/// Runs the ONNX checker and shape inference: strict first; if strict
/// inference fails, its message goes to `inferenceError` and inference is
/// rerun leniently (node-level errors ignored) so that the converters can
/// report the problem at the node.
static LogicalResult runONNXChecks(onnx::ModelProto &model, Location loc,
                                   std::string &inferenceError) {
  try {
    onnx::checker::check_model(model);
  } catch (const std::exception &e) {
    return emitError(loc) << "the ONNX checker rejects the model: "
                          << trimMessage(e.what());
  }
  try {
    onnx::shape_inference::InferShapes(
        model, onnx::OpSchemaRegistry::Instance(),
        onnx::ShapeInferenceOptions(/*check_type=*/true, /*strict_mode=*/1,
                                    /*data_prop=*/true));
    return success();
  } catch (const std::exception &e) {
    inferenceError = trimMessage(e.what());
  }
  try {
    onnx::shape_inference::InferShapes(
        model, onnx::OpSchemaRegistry::Instance(),
        onnx::ShapeInferenceOptions(/*check_type=*/false, /*strict_mode=*/0,
                                    /*data_prop=*/true));
  } catch (const std::exception &e) {
    return emitError(loc) << "ONNX shape inference fails: "
                          << trimMessage(e.what());
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Graph import
//===----------------------------------------------------------------------===//

ConverterTable onnximport::getConverterTable() {
  ConverterTable table;
  addNNConverters(table);
  addElementwiseConverters(table);
  addShapeConverters(table);
  addQuantConverters(table);
  return table;
}

Importer::Importer(ModuleOp module, const onnx::ModelProto &model,
                   const ONNXImportOptions &options)
    : module(module), model(model), options(options), b(module.getContext()),
      currentLoc(module.getLoc()) {
  converters = getConverterTable();
  for (const onnx::OperatorSetIdProto &opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx")
      onnxOpset = opset.version();
}

/// True for the ONNX unsigned integer element types: their values are held
/// in signless integers, so the graph boundary says `onnx.unsigned` (the C
/// interface and .npy dtypes of quant-compile / quant-run read it).
static bool isUnsignedONNXType(const onnx::TypeProto &valueType) {
  const onnx::TypeProto &unwrapped = unwrapOptional(valueType);
  const onnx::TypeProto &type = unwrapped.has_sequence_type()
                                    ? unwrapped.sequence_type().elem_type()
                                    : unwrapped;
  if (!type.has_tensor_type())
    return false;
  switch (type.tensor_type().elem_type()) {
  case onnx::TensorProto::UINT8:
  case onnx::TensorProto::UINT16:
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::UINT64:
    return true;
  default:
    return false;
  }
}

/// The static ranked tensor type of an ONNX graph input or output (the
/// value of an optional).
static RankedTensorType convertValueType(const onnx::TypeProto &valueType,
                                         MLIRContext *ctx) {
  const onnx::TypeProto &type = unwrapOptional(valueType);
  if (!type.has_tensor_type() || !type.tensor_type().has_shape())
    return {};
  Type elt = convertElementType(type.tensor_type().elem_type(), ctx);
  if (!elt)
    return {};
  SmallVector<int64_t> shape;
  for (const onnx::TensorShapeProto::Dimension &dim :
       type.tensor_type().shape().dim()) {
    if (!dim.has_dim_value() || dim.dim_value() < 0)
      return {};
    shape.push_back(dim.dim_value());
  }
  return RankedTensorType::get(shape, elt);
}

LogicalResult Importer::importGraph() {
  MLIRContext *ctx = getContext();
  const onnx::GraphProto &graph = model.graph();
  Location graphLoc = module.getLoc();
  if (graph.sparse_initializer_size() > 0)
    return emitError(graphLoc) << "sparse initializers are not supported";

  for (const onnx::TensorProto &init : graph.initializer())
    constantProtos[init.name()] = &init;
  for (const onnx::ValueInfoProto &info : graph.input())
    onnxTypes[info.name()] = &info.type();
  for (const onnx::ValueInfoProto &info : graph.value_info())
    onnxTypes[info.name()] = &info.type();
  for (const onnx::ValueInfoProto &info : graph.output())
    onnxTypes[info.name()] = &info.type();

  // Arguments: the graph inputs that have no initializer; a sequence input
  // is one argument per element.
  struct Argument {
    const onnx::ValueInfoProto *input;
    int64_t element; // Index in a sequence input, else -1.
  };
  SmallVector<Type> argTypes;
  SmallVector<Argument> args;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    if (constantProtos.count(input.name()))
      continue;
    const onnx::TypeProto &type = unwrapOptional(input.type());
    if (type.has_sequence_type()) {
      int32_t onnxElt =
          type.sequence_type().elem_type().tensor_type().elem_type();
      Type elt = convertElementType(onnxElt, ctx);
      if (!elt)
        return emitError(graphLoc)
               << "graph input '" << input.name()
               << "' is a sequence of an unsupported element type ("
               << onnxTypeName(onnxElt) << ")";
      ArrayRef<SmallVector<int64_t>> shapes = sequenceInputShapes[input.name()];
      for (auto [k, shape] : llvm::enumerate(shapes)) {
        argTypes.push_back(RankedTensorType::get(shape, elt));
        args.push_back({&input, static_cast<int64_t>(k)});
      }
      sequences[input.name()]; // Present even when empty.
      continue;
    }
    RankedTensorType tensorType = convertValueType(input.type(), ctx);
    if (!tensorType)
      return emitError(graphLoc)
             << "graph input '" << input.name()
             << "' has an unsupported type (element type "
             << onnxTypeName(type.tensor_type().elem_type()) << ")";
    argTypes.push_back(tensorType);
    args.push_back({&input, -1});
  }
  b.setInsertionPointToEnd(module.getBody());
  auto func = func::FuncOp::create(b, graphLoc, options.entryName,
                                   FunctionType::get(ctx, argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (auto [i, arg] : llvm::enumerate(args)) {
    BlockArgument value = entry->getArgument(i);
    StringRef name = arg.input->name();
    value.setLoc(NameLoc::get(StringAttr::get(ctx, name)));
    func.setArgAttr(i, "onnx.name", StringAttr::get(ctx, name));
    if (arg.element >= 0)
      func.setArgAttr(i, "onnx.sequence_index",
                      b.getI64IntegerAttr(arg.element));
    if (isUnsignedONNXType(arg.input->type()))
      func.setArgAttr(i, "onnx.unsigned", UnitAttr::get(ctx));
    if (arg.element >= 0)
      sequences[name].push_back(value);
    else
      values[name] = value;
  }
  b.setInsertionPointToEnd(entry);

  for (auto [index, node] : llvm::enumerate(graph.node()))
    if (failed(convertNode(node, index))) {
      if (!shapeInferenceError.empty())
        ctx->getDiagEngine().emit(currentLoc, DiagnosticSeverity::Note)
            << "strict ONNX shape inference had failed too: "
            << shapeInferenceError;
      return failure();
    }

  // Results: the graph outputs, quantized values as their storage integers;
  // a sequence output is one result per element.
  SmallVector<Value> results;
  SmallVector<Argument> resultInfo;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    Location loc = NameLoc::get(StringAttr::get(ctx, output.name()));
    currentLoc = loc;
    auto sequence = sequences.find(output.name());
    if (sequence != sequences.end()) {
      for (auto [k, element] : llvm::enumerate(sequence->second)) {
        results.push_back(toStorage(element));
        resultInfo.push_back({&output, static_cast<int64_t>(k)});
      }
      continue;
    }
    FailureOr<Value> value = valueOf(output.name(), loc);
    if (failed(value))
      return failure();
    results.push_back(toStorage(*value));
    resultInfo.push_back({&output, -1});
  }
  func::ReturnOp::create(b, graphLoc, results);
  func.setType(
      FunctionType::get(ctx, argTypes, ValueRange(results).getTypes()));
  for (auto [i, result] : llvm::enumerate(resultInfo)) {
    const onnx::ValueInfoProto &output = *result.input;
    func.setResultAttr(i, "onnx.name", StringAttr::get(ctx, output.name()));
    if (result.element >= 0)
      func.setResultAttr(i, "onnx.sequence_index",
                         b.getI64IntegerAttr(result.element));
    auto known = onnxTypes.find(output.name());
    const onnx::TypeProto &type =
        known != onnxTypes.end() ? *known->second : output.type();
    if (isUnsignedONNXType(type) &&
        llvm::isa<IntegerType>(
            llvm::cast<RankedTensorType>(results[i].getType())
                .getElementType()))
      func.setResultAttr(i, "onnx.unsigned", UnitAttr::get(ctx));
  }
  return success();
}

FailureOr<Value> Importer::valueOf(StringRef name, Location loc) {
  auto it = values.find(name);
  if (it != values.end())
    return it->second;
  auto proto = constantProtos.find(name);
  if (proto == constantProtos.end()) {
    emitError(loc) << "graph output '" << name << "' has no value";
    return failure();
  }
  std::string why;
  DenseElementsAttr value = convertTensor(*proto->second, getContext(), why);
  if (!value) {
    emitError(loc) << "cannot read constant '" << name << "': " << why;
    return failure();
  }
  Value v = ConstantOp::create(b, loc, value.getType(), value);
  values[name] = v;
  return v;
}

LogicalResult Importer::convertNode(const onnx::NodeProto &node,
                                    int64_t index) {
  MLIRContext *ctx = getContext();
  currentNode = &node;
  currentIndex = index;
  currentLoc = nodeLocation(node, ctx);

  StringRef domain = node.domain();
  bool isDefault = domain.empty() || domain == "ai.onnx";
  if (isDefault && node.op_type() == "Constant")
    return convertConstantNode();
  NodeConverter convert = nullptr;
  if (isDefault)
    convert = converters.onnx.lookup(node.op_type());
  else if (isQONNXDomain(domain))
    convert = converters.qonnx.lookup(node.op_type());
  if (!convert) {
    InFlightDiagnostic diag = error();
    diag << "unsupported operator '";
    if (!isDefault)
      diag << domain << ".";
    return diag << node.op_type() << "'";
  }
  Block *block = b.getInsertionBlock();
  Operation *before = block->empty() ? nullptr : &block->back();
  if (failed(convert(*this)))
    return failure();
  return verifyNewOps(before);
}

LogicalResult Importer::convertConstantNode() {
  const onnx::NodeProto &n = node();
  if (n.attribute_size() != 1 || n.output_size() != 1)
    return error() << "expects exactly one value attribute and one output";
  const onnx::AttributeProto &attr = n.attribute(0);
  StringRef kind = attr.name();
  if (kind == "value") {
    constantProtos[n.output(0)] = &attr.t();
    return success();
  }
  onnx::TensorProto &tensor = ownedTensors.emplace_back();
  if (kind == "value_float") {
    tensor.set_data_type(onnx::TensorProto::FLOAT);
    tensor.add_float_data(attr.f());
  } else if (kind == "value_floats") {
    tensor.set_data_type(onnx::TensorProto::FLOAT);
    tensor.add_dims(attr.floats_size());
    *tensor.mutable_float_data() = attr.floats();
  } else if (kind == "value_int") {
    tensor.set_data_type(onnx::TensorProto::INT64);
    tensor.add_int64_data(attr.i());
  } else if (kind == "value_ints") {
    tensor.set_data_type(onnx::TensorProto::INT64);
    tensor.add_dims(attr.ints_size());
    *tensor.mutable_int64_data() = attr.ints();
  } else {
    return error() << "unsupported attribute '" << kind
                   << "' (sparse and string constants are not supported)";
  }
  constantProtos[n.output(0)] = &tensor;
  return success();
}

//===----------------------------------------------------------------------===//
// Entry point
//===----------------------------------------------------------------------===//

/// Everything importONNXFile / importONNXBuffer does that may throw.
static OwningOpRef<ModuleOp> importModel(StringRef data, StringRef modelDir,
                                         MLIRContext *ctx,
                                         const ONNXImportOptions &opts,
                                         Location fileLoc, StringRef name) {
  onnx::ModelProto model;
  if (data.size() > static_cast<size_t>(INT32_MAX) ||
      !model.ParseFromArray(data.data(), static_cast<int>(data.size())) ||
      !model.has_graph()) {
    emitError(fileLoc) << "'" << name
                       << "' is not a valid ONNX model (the protobuf "
                          "ModelProto does not parse or has no graph)";
    return nullptr;
  }

  registerQONNXSchemas();
  std::string inferenceError;
  SequenceShapes sequenceShapes;
  if (failed(prepareGraphInputs(model, opts, fileLoc, sequenceShapes)) ||
      failed(checkStructure(model, fileLoc)) ||
      failed(loadExternalData(model, modelDir, fileLoc)) ||
      failed(validateModel(model, fileLoc)) ||
      failed(runONNXChecks(model, fileLoc, inferenceError)))
    return nullptr;

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  Importer importer(*module, model, opts);
  importer.shapeInferenceError = inferenceError;
  importer.sequenceInputShapes = std::move(sequenceShapes);
  if (failed(importer.importGraph()) || failed(mlir::verify(*module)))
    return nullptr;
  if (!inferenceError.empty())
    emitWarning(fileLoc) << "strict ONNX shape inference failed ("
                         << inferenceError
                         << "), but every node imported and verified";
  return module;
}

/// The checks and the try block importONNXFile and importONNXBuffer share;
/// `import` reads and imports the model (or reports an error).
static OwningOpRef<ModuleOp>
importGuarded(StringRef name, MLIRContext *ctx, const ONNXImportOptions &opts,
              llvm::function_ref<OwningOpRef<ModuleOp>(Location)> import) {
  DialectRegistry registry;
  registerONNXImportDialects(registry);
  ctx->appendDialectRegistry(registry);
  ctx->loadAllAvailableDialects();
  Location fileLoc = NameLoc::get(StringAttr::get(ctx, name));
  if (opts.batch < 1) {
    emitError(fileLoc) << "the batch size must be at least 1, got "
                       << opts.batch;
    return nullptr;
  }
  if (opts.entryName.empty()) {
    emitError(fileLoc) << "the entry function name must not be empty";
    return nullptr;
  }
  try {
    return import(fileLoc);
  } catch (const std::exception &e) {
    emitError(fileLoc) << "ONNX import failed: " << trimMessage(e.what());
  } catch (...) {
    emitError(fileLoc) << "ONNX import failed with an unknown exception";
  }
  return nullptr;
}

OwningOpRef<ModuleOp> mlir::qnn::importONNXFile(StringRef path,
                                                MLIRContext *ctx,
                                                const ONNXImportOptions &opts) {
  return importGuarded(path, ctx, opts, [&](Location fileLoc) {
    OwningOpRef<ModuleOp> none;
    auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!buffer) {
      emitError(fileLoc) << "cannot open '" << path
                         << "': " << buffer.getError().message();
      return none;
    }
    SmallString<256> modelDir(path);
    llvm::sys::path::remove_filename(modelDir);
    if (modelDir.empty())
      modelDir = ".";
    return importModel((*buffer)->getBuffer(), modelDir, ctx, opts, fileLoc,
                       path);
  });
}

OwningOpRef<ModuleOp>
mlir::qnn::importONNXBuffer(StringRef data, StringRef name, StringRef modelDir,
                            MLIRContext *ctx, const ONNXImportOptions &opts) {
  return importGuarded(name, ctx, opts, [&](Location fileLoc) {
    return importModel(data, modelDir, ctx, opts, fileLoc, name);
  });
}
