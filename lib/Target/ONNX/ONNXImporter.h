//===- ONNXImporter.h - state shared by the ONNX op converters --*- C++ -*-===//
//
// Private to lib/Target/ONNX. The Importer holds what the node converters
// need while one graph is turned into a function: the value of every ONNX
// tensor name built so far, the constant tensors (initializers, Constant
// nodes, frozen inputs), the ONNX-inferred types, the builder, and the node
// being converted. Converters are plain functions, one per op type, grouped
// by family in ONNX{NN,Elementwise,Shape,Quant}Ops.cpp and registered in a
// ConverterTable.
//
// Every file here is compiled with exceptions (the protobuf classes may
// throw); exceptions are caught in importONNXFile only.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_TARGET_ONNX_ONNXIMPORTER_H
#define QUANT_LIB_TARGET_ONNX_ONNXIMPORTER_H

#include "quant/Dialect/QNN/IR/QNN.h"
#include "quant/Target/ONNX/ImportONNX.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include "onnx/onnx_pb.h"

#include <deque>
#include <optional>
#include <string>

namespace mlir::qnn::onnximport {

class Importer;

/// Element shapes of sequence graph inputs by name (from --input-shape).
using SequenceShapes = llvm::StringMap<SmallVector<SmallVector<int64_t>>>;

/// The type an optional ONNX type holds (graph inputs of optional type are
/// compiled as present); any other type itself.
const onnx::TypeProto &unwrapOptional(const onnx::TypeProto &type);

/// Applies the import options to the graph inputs of `model` before it is
/// checked (ONNXInputs.cpp): frozen inputs become initializers,
/// --input-shape sets tensor shapes (a sequence input's element shapes go
/// to `sequenceShapes`) and a dynamic first dimension gets the batch size.
LogicalResult prepareGraphInputs(onnx::ModelProto &model,
                                 const ONNXImportOptions &opts, Location loc,
                                 SequenceShapes &sequenceShapes);

/// Converts the importer's current node. Reports its own errors (through
/// Importer::error) and returns failure after doing so.
using NodeConverter = LogicalResult (*)(Importer &);

/// Converters by op type, for the default ONNX domain and for the QONNX /
/// FINN custom-op domains.
struct ConverterTable {
  llvm::StringMap<NodeConverter> onnx;
  llvm::StringMap<NodeConverter> qonnx;
};

void addNNConverters(ConverterTable &table);          // ONNXNNOps.cpp
void addElementwiseConverters(ConverterTable &table); // ONNXElementwiseOps.cpp
void addShapeConverters(ConverterTable &table);       // ONNXShapeOps.cpp
void addQuantConverters(ConverterTable &table);       // ONNXQuantOps.cpp

/// Every converter (the tables of all op families).
ConverterTable getConverterTable();

/// The most elements a tensor of an imported model may have (2^31): larger
/// shapes are rejected at import (initializers, graph inputs and the
/// results of every op built), before anything tries to materialize them.
constexpr int64_t kMaxTensorElements = int64_t{1} << 31;

/// The number of elements of `shape`, saturating at INT64_MAX (a negative
/// dimension also counts as INT64_MAX).
int64_t elementCount(ArrayRef<int64_t> shape);

/// "[D0, D1, ...]", for diagnostics.
std::string formatShape(ArrayRef<int64_t> shape);

/// The location of ops built for `node`: loc("<name>"("<op type>")), the
/// name being the first output for unnamed nodes.
Location nodeLocation(const onnx::NodeProto &node, MLIRContext *ctx);

/// Checks what ONNX shape inference and the checker would read without
/// checking (ONNXValidate.cpp): unsupported operators, tensor data that
/// does not match its dims, window attributes out of range, pass-through
/// graph outputs of another type, tensors of more than kMaxTensorElements
/// elements. Runs after external data is loaded, before the ONNX checker.
LogicalResult validateModel(const onnx::ModelProto &model, Location loc);

/// True for the domains whose `Quant` / `BipolarQuant` ops follow QONNX.
bool isQONNXDomain(llvm::StringRef domain);

/// Registers ONNX schemas (types and shape inference) for the QONNX ops so
/// that the ONNX checker and shape inference know them, and makes the
/// shape inference of Conv, ConvInteger and QLinearConv fail on a weight
/// whose rank differs from the input's (libonnx 1.12 crashes). Idempotent.
void registerQONNXSchemas();

/// The MLIR element type of an ONNX TensorProto data type, or null for types
/// the importer does not handle (strings, complex). ONNX integers map to
/// signless integers: unsigned-ness lives in the quantized types.
Type convertElementType(int32_t onnxType, MLIRContext *ctx);

/// The ONNX name of a TensorProto data type ("float", "uint8", ...).
llvm::StringRef onnxTypeName(int32_t onnxType);

/// "node 'conv1' (Conv, #3)" or, for unnamed nodes, "node #3 (Conv, output
/// 'y')": how every diagnostic about a node starts.
std::string describeNode(const onnx::NodeProto &node, int64_t index);

/// The shortest decimal form of `value` that reads back exactly ("0.5",
/// "0", "1e-06"), for diagnostics.
std::string formatNumber(double value);

/// A constant tensor as an attribute, with the ONNX type it came from.
struct ConstantTensor {
  DenseElementsAttr value; ///< Floats, or signless integers (i1 for bool).
  int32_t onnxType = 0;

  bool isFloat() const;
  bool isUnsigned() const;
  int64_t size() const { return value.getNumElements(); }
  ArrayRef<int64_t> shape() const { return value.getType().getShape(); }
  /// Every element as a double (integers read with their ONNX sign).
  SmallVector<double> toDoubles() const;
  /// Every element as an int64, or nullopt if the elements are not
  /// integers.
  std::optional<SmallVector<int64_t>> toInts() const;
};

/// Converts a TensorProto (raw or typed data, no external data) to an
/// attribute; on failure returns null and sets `why`.
DenseElementsAttr convertTensor(const onnx::TensorProto &tensor,
                                MLIRContext *ctx, std::string &why);

/// Window attributes of a convolution or pooling node, one entry per
/// spatial dimension, in qnn order (padding holds all the begin pads, then
/// all the end pads: [top, left, bottom, right] in 2-D).
struct WindowParams {
  SmallVector<int64_t, 2> kernel, strides, dilations;
  SmallVector<int64_t, 4> padding;
  bool ceilMode = false;
};

/// Reads kernel_shape, strides, dilations, pads, auto_pad (and ceil_mode
/// when `allowCeil`) of the current node for an NCHW input of shape
/// `inputShape` (with `anySpatialRank`, also NCW and NCDHW). `weightKernel`
/// is the kernel size taken from conv weights (kernel_shape must agree);
/// pooling nodes pass nullopt and need kernel_shape.
FailureOr<WindowParams>
getWindowParams(Importer &im, ArrayRef<int64_t> inputShape,
                std::optional<ArrayRef<int64_t>> weightKernel, bool allowCeil,
                bool anySpatialRank = false);

/// Output size of one spatial dimension per the qnn window formula (ceil
/// mode drops a last window that would start in the end padding).
int64_t windowOutputSize(int64_t input, int64_t kernel, int64_t stride,
                         int64_t dilation, int64_t padBegin, int64_t padEnd,
                         bool ceilMode);

/// [N, O, OH, OW] of a 2-D convolution.
SmallVector<int64_t> convResultShape(ArrayRef<int64_t> input,
                                     ArrayRef<int64_t> weight,
                                     const WindowParams &params);

/// The `group` attribute of a convolution node, checked against the input
/// shape [N, C, H, W] and weight shape [O, C/group, KH, KW].
FailureOr<int64_t> getGroups(Importer &im, ArrayRef<int64_t> inputShape,
                             ArrayRef<int64_t> weightShape);

/// Builds a qnn.conv2d with result element type `resultElt` (the shape
/// follows from the operands); `bias` may be null.
Value buildConv2D(Importer &im, Type resultElt, Value input, Value weight,
                  Value bias, const WindowParams &params, int64_t groups);

/// Checks the operand shapes of a batched matrix product (ranks >= 2, equal
/// K, broadcasting batch dimensions), reporting on the current node.
LogicalResult checkMatmulShapes(Importer &im, ArrayRef<int64_t> lhs,
                                ArrayRef<int64_t> rhs);

/// Shape of a batched matrix product [..., M, K] x [..., K, N] (ranks >= 2,
/// numpy-broadcast batch dimensions).
SmallVector<int64_t> matmulResultShape(ArrayRef<int64_t> lhs,
                                       ArrayRef<int64_t> rhs);

/// The converting state of one graph; see the file comment.
class Importer {
public:
  Importer(ModuleOp module, const onnx::ModelProto &model,
           const ONNXImportOptions &options);

  /// Builds the entry function from the graph. Errors are reported on the
  /// context.
  LogicalResult importGraph();

  /// Element shapes of the sequence graph inputs (from --input-shape).
  SequenceShapes sequenceInputShapes;

  /// The error strict ONNX shape inference reported, if it failed (the
  /// driver then reruns it leniently); attached as a note to import errors.
  std::string shapeInferenceError;

  //===--------------------------------------------------------------------===//
  // The node being converted
  //===--------------------------------------------------------------------===//

  const onnx::NodeProto &node() const { return *currentNode; }
  Location loc() const { return currentLoc; }
  OpBuilder &builder() { return b; }
  MLIRContext *getContext() { return b.getContext(); }
  /// Opset version of the default ONNX domain.
  int64_t opset() const { return onnxOpset; }
  /// describeNode() of the current node.
  std::string describeNode() const {
    return onnximport::describeNode(*currentNode, currentIndex);
  }
  /// Starts an error on the current node, prefixed with describeNode().
  InFlightDiagnostic error();

  /// Creates an op at the current node's location.
  template <typename OpTy, typename... Args> OpTy create(Args &&...args) {
    return OpTy::create(b, currentLoc, std::forward<Args>(args)...);
  }

  //===--------------------------------------------------------------------===//
  // Attributes
  //===--------------------------------------------------------------------===//

  /// Fails with "unsupported attribute" for any attribute not in `known`.
  LogicalResult checkAttributes(ArrayRef<StringRef> known);
  const onnx::AttributeProto *attribute(StringRef name) const;
  int64_t getInt(StringRef name, int64_t defaultValue) const;
  float getFloat(StringRef name, float defaultValue) const;
  std::string getString(StringRef name, StringRef defaultValue) const;
  std::optional<SmallVector<int64_t>> getInts(StringRef name) const;

  //===--------------------------------------------------------------------===//
  // Inputs
  //===--------------------------------------------------------------------===//

  /// True if input `i` exists and is not the empty (omitted) name.
  bool hasInput(unsigned i) const;
  StringRef inputName(unsigned i) const;
  /// The value of input `i`; constants become qnn.constant ops on first use.
  FailureOr<Value> input(unsigned i);
  /// The elements of input `i` if it is a sequence (a sequence graph input
  /// of static length is one value per element), else std::nullopt.
  std::optional<SmallVector<Value>> sequenceInput(unsigned i) const;
  /// Like input(), but fails unless the element type is a float type.
  FailureOr<Value> floatInput(unsigned i);
  /// The constant behind input `i`, or null if it is not a constant.
  const ConstantTensor *constant(unsigned i);
  /// Like constant(), but reports "<what> '<name>' must be a constant" when
  /// the input is computed or a graph input.
  FailureOr<const ConstantTensor *> requireConstant(unsigned i, StringRef what);
  /// The elements of the integer constant behind input `i`, like
  /// requireConstant(), also reporting "<what> '<name>' must hold
  /// integers" for a constant of another element type.
  FailureOr<SmallVector<int64_t>> requireConstantInts(unsigned i,
                                                      StringRef what);
  /// The ONNX element type of input `i` (0 if unknown).
  int32_t inputONNXType(unsigned i) const;

  /// Input `i` as a tensor of the quantized element type `quantElt`:
  /// a constant becomes a qnn.constant holding its storage values, an
  /// integer value is reinterpreted with quant.scast, a value that already
  /// has the type is returned as is.
  FailureOr<Value> quantizedInput(unsigned i, Type quantElt);
  /// Reinterprets a quantized tensor as its signless storage integers (the
  /// ONNX view of it); other values are returned unchanged.
  Value toStorage(Value value);

  //===--------------------------------------------------------------------===//
  // Outputs and builders
  //===--------------------------------------------------------------------===//

  /// Binds output `i` to `value` after checking its shape against the one
  /// ONNX shape inference found, if any.
  LogicalResult setOutput(unsigned i, Value value);
  /// Binds output `i` to a sequence of values.
  void setSequenceOutput(unsigned i, ArrayRef<Value> elements);
  /// A qnn.constant holding `value`.
  Value createConstant(DenseElementsAttr value);
  /// A one-element tensor<1xT> qnn.constant holding `value`.
  Value createScalar(double value, FloatType type);
  /// qnn.reshape to `shape`, moving the axis of per-axis quantized types
  /// (fails, with an error, when the axis does not survive the reshape).
  FailureOr<Value> reshape(Value value, ArrayRef<int64_t> shape);
  /// qnn.transpose by `perm` (output dimension i is input dimension
  /// perm[i]), moving the axis of per-axis quantized types.
  Value transpose(Value value, ArrayRef<int64_t> perm);

private:
  /// Runs the converter of the node at `index`.
  LogicalResult convertNode(const onnx::NodeProto &node, int64_t index);
  /// Records the tensor of a Constant node; nothing is built until use.
  LogicalResult convertConstantNode();
  /// The value of a graph-level name (graph outputs), materializing
  /// constants.
  FailureOr<Value> valueOf(StringRef name, Location loc);
  /// Verifies the ops built for the current node after `before`, reporting
  /// verifier failures with the node's description.
  LogicalResult verifyNewOps(Operation *before);
  const ConstantTensor *lookupConstant(StringRef name);

  ModuleOp module;
  const onnx::ModelProto &model;
  const ONNXImportOptions &options;
  OpBuilder b;
  ConverterTable converters;
  int64_t onnxOpset = 0;

  const onnx::NodeProto *currentNode = nullptr;
  int64_t currentIndex = -1;
  Location currentLoc;

  /// Values of the ONNX names built so far.
  llvm::StringMap<Value> values;
  /// Sequence values by name, one value per element.
  llvm::StringMap<SmallVector<Value>> sequences;
  /// Constant tensors by name: protos, converted on first use.
  llvm::StringMap<const onnx::TensorProto *> constantProtos;
  llvm::StringMap<ConstantTensor> constants;
  /// qnn.constant ops of quantized types already built, by name and type.
  llvm::StringMap<llvm::DenseMap<Type, Value>> quantizedConstants;
  /// Tensors made from Constant nodes' scalar/list attributes.
  std::deque<onnx::TensorProto> ownedTensors;
  /// ONNX types known for each name (inputs, value_info, outputs).
  llvm::StringMap<const onnx::TypeProto *> onnxTypes;
};

} // namespace mlir::qnn::onnximport

#endif // QUANT_LIB_TARGET_ONNX_ONNXIMPORTER_H
