//===- LoadModel.h - read a model for quant-compile / quant-run ---*- C++
//-*-===//
//
// The model readers of the code generation tools: MLIR (text or bytecode)
// or ONNX, told apart by the file name and the first bytes, a diagnostic
// handler that reports ONNX models' errors as
// "<model.onnx>: error: node '<name>' (<op>): <message>", and ToolModel,
// the context, diagnostics and module quant-compile and quant-run share.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_TOOLSUPPORT_LOADMODEL_H
#define QUANT_TOOLSUPPORT_LOADMODEL_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir::qnn::compiler {

/// Options of ONNX import (ignored for MLIR input).
struct LoadModelOptions {
  int64_t batch = 1;                     ///< Size of a dynamic batch dim.
  std::vector<std::string> frozenInputs; ///< [name=]file.pb, see ImportONNX.h.
  std::vector<std::string> inputShapes;  ///< name=shape, see ImportONNX.h.
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
                                const LoadModelOptions &options, bool &isONNX);

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

/// The model a code generation tool works on, with what it needs around
/// it: an MLIRContext with the code generation dialects loaded and the
/// tools' diagnostic options (setToolDiagnosticOptions), a source manager
/// whose handler shows MLIR errors with their line, and, once an ONNX
/// model is loaded, an ONNXDiagnosticHandler so that later errors (scale
/// propagation, lowering) name the ONNX node too.
class ToolModel {
public:
  ToolModel();
  ~ToolModel();

  /// Reads the model at `path` (loadModel). Failure after reporting the
  /// error (parser or importer diagnostics).
  LogicalResult load(StringRef path, const LoadModelOptions &options);

  MLIRContext &getContext() { return context; }
  /// The loaded module (null before a successful load()).
  ModuleOp getModule() { return module.get(); }
  /// Whether the model was read as ONNX.
  bool isONNX() const { return onnx; }

private:
  // Destroyed in reverse order: the handlers and the module before the
  // context.
  MLIRContext context;
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler sourceMgrHandler;
  OwningOpRef<ModuleOp> module;
  std::optional<ONNXDiagnosticHandler> onnxHandler;
  bool onnx = false;
};

} // namespace mlir::qnn::compiler

#endif // QUANT_TOOLSUPPORT_LOADMODEL_H
