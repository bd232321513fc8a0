//===- ImportONNX.h - ONNX model to qnn dialect importer --------*- C++ -*-===//
//
// Public entry point of the ONNX frontend: reads an ONNX ModelProto (float,
// QDQ, QOperator or QONNX) and builds a module with one `func.func` of qnn
// ops. Errors are reported as MLIR diagnostics on the context; the importer
// never throws.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_TARGET_ONNX_IMPORTONNX_H
#define QUANT_TARGET_ONNX_IMPORTONNX_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir {
class DialectRegistry;
class MLIRContext;

namespace qnn {

/// Options of importONNXFile.
struct ONNXImportOptions {
  /// Size given to a dynamic (symbolic or unknown) first dimension of every
  /// graph input. Other dynamic dimensions are an error.
  int64_t batch = 1;
  /// Name of the generated function.
  std::string entryName = "main";
  /// TensorProto files (ONNX test-data `input_N.pb` format) that turn graph
  /// inputs into constants, e.g. the scale and zero-point inputs of the ONNX
  /// backend tests. Each entry is `file.pb` (the tensor's own name selects
  /// the graph input) or `name=file.pb`.
  std::vector<std::string> frozenInputs;
  /// Shapes of graph inputs, `name=D0xD1x...` for a tensor (fixes dynamic
  /// or unknown dimensions; known ones must agree) or `name=[S0,S1,...]`
  /// for a sequence (its length and element shapes: each element becomes
  /// one function argument). An optional input is compiled as present,
  /// and its spec applies to its element.
  std::vector<std::string> inputShapes;
};

/// Registers the dialects that imported modules use (qnn, quant, func,
/// arith, tensor).
void registerONNXImportDialects(DialectRegistry &registry);

/// Imports the ONNX model at `path`. External data files are read relative
/// to the model's directory. Returns null after reporting at least one error
/// diagnostic on `ctx`; a returned module verifies.
OwningOpRef<ModuleOp> importONNXFile(llvm::StringRef path, MLIRContext *ctx,
                                     const ONNXImportOptions &opts);

/// Imports a serialized ModelProto held in memory (the fuzz target
/// tools/fuzz/fuzz-onnx-import). `name` names the model in diagnostics and
/// external data files are read relative to `modelDir`.
OwningOpRef<ModuleOp> importONNXBuffer(llvm::StringRef data,
                                       llvm::StringRef name,
                                       llvm::StringRef modelDir,
                                       MLIRContext *ctx,
                                       const ONNXImportOptions &opts);

} // namespace qnn
} // namespace mlir

#endif // QUANT_TARGET_ONNX_IMPORTONNX_H
