//===- Interface.h - the C interface of a compiled model ----------*- C++
//-*-===//
//
// What a compiled model looks like from C: one buffer per graph input and
// output, in order, with shape, element type and (for quantized boundary
// tensors) the quantization parameters. Read from the entry function before
// any lowering, and written as the C header quant-compile emits.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_COMPILER_INTERFACE_H
#define QUANT_COMPILER_INTERFACE_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace mlir::qnn::compiler {

/// Element types a boundary buffer can have.
enum class ElementType { F32, I8, U8, I16, U16, I32, U32, I64 };

/// Name used in headers and .npy dtypes: "f32", "i8", "u8", ...
StringRef getElementTypeName(ElementType type);
/// C type: "float", "int8_t", ...
StringRef getCTypeName(ElementType type);
/// Bytes per element.
unsigned getElementSize(ElementType type);

/// One input or output buffer.
struct TensorInfo {
  SmallVector<int64_t> shape;
  ElementType type = ElementType::F32;
  std::string mlirType; ///< The original MLIR type, for comments.
  /// Affine quantization of the boundary type (scales empty otherwise).
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  int64_t axis = -1; ///< Per-axis quantized dimension, -1 per tensor.

  int64_t getNumElements() const;
  bool isQuantized() const { return !scales.empty(); }
};

/// Inputs and outputs of the entry function, in order.
struct ModelInterface {
  SmallVector<TensorInfo> inputs, outputs;
};

/// Reads the interface of function `entry` in `module` (before lowering).
/// Reports unsupported boundary types with their location.
FailureOr<ModelInterface> getModelInterface(ModuleOp module, StringRef entry);

/// True if `name` is a C identifier (the --name prefix).
bool isCIdentifier(StringRef name);

/// Writes the C header of a model compiled with symbol prefix `name`
/// whose intermediate tensors need `workspaceBytes` of scratch memory
/// (quant-plan-memory).
void writeCHeader(llvm::raw_ostream &os, const ModelInterface &interface,
                  StringRef name, StringRef source, int64_t workspaceBytes);

/// The workspace size quant-plan-memory recorded on `module` (0 if none).
int64_t getWorkspaceSize(ModuleOp module);

} // namespace mlir::qnn::compiler

#endif // QUANT_COMPILER_INTERFACE_H
