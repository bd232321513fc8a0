//===- LoadModel.h - read a model for quant-compile / quant-run ---*- C++ -*-===//
//
// The model readers of the code generation tools: MLIR (text or bytecode)
// or ONNX, told apart by the file name and the first bytes, and a
// diagnostic handler that reports ONNX models' errors as
// "<model.onnx>: error: node '<name>' (<op>): <message>".
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_COMPILER_LOADMODEL_H
#define QUANT_COMPILER_LOADMODEL_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir::qnn::compiler {

/// Options of ONNX import (ignored for MLIR input).
struct LoadModelOptions {
  int64_t batch = 1;                     ///< Size of a dynamic batch dim.
  std::vector<std::string> frozenInputs; ///< [name=]file.pb, see ImportONNX.h.
  std::string entry = "main";            ///< Name of the imported function.
};

/// True if `path` names an ONNX model: a `.onnx` file, or contents that
/// start like a serialized ModelProto (field 1, ir_version, as a varint).
bool isONNXModel(StringRef path, StringRef contents);

/// Reads the model at `path` ("-" is stdin, MLIR only). MLIR goes through
/// `sourceMgr` (so the tool's SourceMgrDiagnosticHandler shows the line);
/// ONNX goes through the importer, whose diagnostics name the node. Sets
/// `isONNX`. Returns null after reporting an error.
OwningOpRef<ModuleOp> loadModel(StringRef path, MLIRContext *ctx,
                                llvm::SourceMgr &sourceMgr,
                                const LoadModelOptions &options,
                                bool &isONNX);

/// The code generation tools' diagnostics: they carry source (or ONNX node)
/// locations, so the generic form of the failing op (often the whole
/// module) is not printed with them unless --mlir-print-op-on-diagnostic
/// was given.
void setToolDiagnosticOptions(MLIRContext *ctx);

/// Prints diagnostics of an imported ONNX model as
/// "<path>: <severity>: [node '<name>' (<op>): ]<message>", naming the
/// ONNX node from the op's location when the message does not already.
/// Only the first error is shown (the rest are counted in a final note),
/// and ops are not printed with their diagnostics.
class ONNXDiagnosticHandler : public ScopedDiagnosticHandler {
public:
  ONNXDiagnosticHandler(MLIRContext *ctx, StringRef path,
                        llvm::raw_ostream &os = llvm::errs());
  ~ONNXDiagnosticHandler();

private:
  std::string path;
  llvm::raw_ostream &os;
  unsigned errors = 0;
};

} // namespace mlir::qnn::compiler

#endif // QUANT_COMPILER_LOADMODEL_H
