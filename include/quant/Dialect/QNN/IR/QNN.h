//===- QNN.h - qnn dialect, types and ops -------------------------*- C++
//-*-===//
//
// Public entry point of the qnn dialect: include this header to use its
// types, ops and the element-type helpers shared by verifiers and passes.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_IR_QNN_H
#define QUANT_DIALECT_QNN_IR_QNN_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::qnn {
/// Checks the zero points of a quantized element type against its storage
/// range and its per-axis / per-block parameters against `shape`. `what`
/// names the value in diagnostics.
LogicalResult
verifyQuantizedTensor(function_ref<InFlightDiagnostic()> emitError,
                      Type elementType, ArrayRef<int64_t> shape,
                      StringRef what);

namespace OpTrait {
/// Op trait: every ranked tensor operand and result has valid quantization
/// parameters (see verifyQuantizedTensor) and the op carries no attribute
/// that is neither inherent nor dialect-prefixed.
template <typename ConcreteType>
class QNNOpInvariants
    : public ::mlir::OpTrait::TraitBase<ConcreteType, QNNOpInvariants> {
public:
  static LogicalResult verifyTrait(Operation *op);
};
} // namespace OpTrait

/// Implementation of QNNOpInvariants, shared by all ops.
LogicalResult verifyQNNOpInvariants(Operation *op);

template <typename ConcreteType>
LogicalResult
OpTrait::QNNOpInvariants<ConcreteType>::verifyTrait(Operation *op) {
  return verifyQNNOpInvariants(op);
}
} // namespace mlir::qnn

#include "quant/Dialect/QNN/IR/QNNOpsDialect.h.inc"
#include "quant/Dialect/QNN/IR/QNNOpsEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "quant/Dialect/QNN/IR/QNNOpsAttributes.h.inc"

#define GET_TYPEDEF_CLASSES
#include "quant/Dialect/QNN/IR/QNNOpsTypes.h.inc"

#define GET_OP_CLASSES
#include "quant/Dialect/QNN/IR/QNNOps.h.inc"

namespace mlir::qnn {

/// How an element type represents real values.
enum class ElementKind {
  Float,    ///< f16 / bf16 / f32 / f64: the value itself.
  Integer,  ///< signless integer storage (after integer lowering).
  Affine,   ///< upstream !quant.uniform (per tensor, per axis, sub-channel).
  Binary,   ///< !qnn.binary
  Ternary,  ///< !qnn.ternary
  Codebook, ///< !qnn.codebook
  Other,
};

/// Classifies an element type.
ElementKind getElementKind(Type elementType);

/// True for affine, binary, ternary and codebook element types.
bool isQuantizedElement(Type elementType);

/// The integer type that stores one element of a quantized type (for
/// !quant.uniform: a signless integer of the storage width). Null for float
/// and unknown types.
IntegerType getStorageType(Type elementType);

/// The float type a quantized type expresses; float types map to themselves.
/// Null for anything else.
FloatType getExpressedType(Type elementType);

/// The axis a quantized type's parameters vary along, or -1 when they are
/// per tensor (or the type is not quantized). Sub-channel types report their
/// first quantized dimension.
int64_t getQuantizedAxis(Type elementType);

/// Number of parameter slices along getQuantizedAxis() (1 when per tensor).
int64_t getNumParameterSlices(Type elementType);

/// Checks that per-axis / per-block parameters of `elementType` fit `shape`
/// (axis in range, one parameter per slice, blocks dividing dimensions).
/// Reports through `emitError` and fails otherwise.
LogicalResult verifyQuantizedShape(function_ref<InFlightDiagnostic()> emitError,
                                   Type elementType, ArrayRef<int64_t> shape,
                                   StringRef what);

/// Returns `elementType` with its per-axis parameters moved to `axis` (for
/// per-axis affine, binary and ternary types); per-tensor and float types
/// are returned unchanged. Null for sub-channel types, whose block layout
/// cannot be moved this way.
Type withQuantizedAxis(Type elementType, int64_t axis);

/// True if the real value `value` is exactly one of the values that
/// `elementType` represents, for every parameter slice (float types
/// represent every value). Used for padding values.
bool isExactlyRepresentable(Type elementType, double value);

/// The parameters of a per-tensor or per-axis `!quant.uniform` type in one
/// shape: one (scale, zero point) pair per slice along `axis` (-1 and one
/// pair when per tensor), plus the storage range.
struct AffineParams {
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  int64_t axis = -1;
  int64_t qmin = 0, qmax = 0;
  unsigned storageBits = 0;
  bool isSigned = true;

  /// Scale and zero point of slice `i` (slice 0 when per tensor).
  double scale(int64_t i) const { return scales[axis < 0 ? 0 : i]; }
  int64_t zeroPoint(int64_t i) const { return zeroPoints[axis < 0 ? 0 : i]; }
  int64_t numSlices() const { return scales.size(); }
};

/// Reads the parameters of a per-tensor or per-axis affine type; nullopt for
/// anything else (including sub-channel types).
std::optional<AffineParams> getAffineParams(Type elementType);

} // namespace mlir::qnn

#endif // QUANT_DIALECT_QNN_IR_QNN_H
