//===- LoadModel.cpp - read a model for quant-compile / quant-run --------===//
//
// MLIR text/bytecode through the parser, ONNX through the importer
// (lib/Target/ONNX), and the tools' context and diagnostics (ToolModel);
// see LoadModel.h.
//
//===----------------------------------------------------------------------===//

#include "quant/ToolSupport/LoadModel.h"
#include "quant/Compiler/Pipeline.h"
#include "quant/Support/ParserGuard.h"
#include "quant/Target/ONNX/ImportONNX.h"

#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace mlir::qnn::compiler;

bool mlir::qnn::compiler::isONNXModel(StringRef path, StringRef contents) {
  if (llvm::sys::path::extension(path).equals_insensitive(".onnx"))
    return true;
  // A ModelProto starts with ir_version (field 1, varint: tag 0x08); MLIR
  // text starts with printable characters and bytecode with "ML\xefR".
  return !contents.empty() && contents[0] == '\x08';
}

/// The ONNX node an op came from: the importer gives every op
/// loc("<node name>"("<op type>")); fused ops carry several.
static std::optional<std::pair<StringRef, StringRef>>
findONNXNode(Location loc) {
  std::optional<std::pair<StringRef, StringRef>> found;
  loc->walk([&](Location l) {
    auto name = llvm::dyn_cast<NameLoc>(l);
    if (!name)
      return WalkResult::advance();
    auto op = llvm::dyn_cast<NameLoc>(name.getChildLoc());
    if (!op || !llvm::isa<UnknownLoc>(op.getChildLoc()))
      return WalkResult::advance();
    found = {name.getName().getValue(), op.getName().getValue()};
    return WalkResult::interrupt();
  });
  return found;
}

static StringRef severityName(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error:
    return "error";
  case DiagnosticSeverity::Warning:
    return "warning";
  case DiagnosticSeverity::Note:
    return "note";
  case DiagnosticSeverity::Remark:
    return "remark";
  }
  return "error";
}

void mlir::qnn::compiler::setToolDiagnosticOptions(MLIRContext *ctx) {
  llvm::cl::Option *option =
      llvm::cl::getRegisteredOptions().lookup("mlir-print-op-on-diagnostic");
  if (!option || option->getNumOccurrences() == 0)
    ctx->printOpOnDiagnostic(false);
}

ONNXDiagnosticHandler::ONNXDiagnosticHandler(MLIRContext *ctx, StringRef path,
                                             llvm::raw_ostream &os)
    : ScopedDiagnosticHandler(ctx), path(path.str()), os(os) {
  // The node name says where; the op's generic form would only be noise.
  ctx->printOpOnDiagnostic(false);
  setHandler([this](Diagnostic &diag) {
    // One error per run: the first names the node; later ones (often the
    // same cause at other ops) are counted.
    if (diag.getSeverity() == DiagnosticSeverity::Error && errors++ > 0)
      return success();
    auto print = [&](Diagnostic &d, DiagnosticSeverity severity) {
      std::string message = d.str();
      this->os << this->path << ": " << severityName(severity) << ": ";
      if (!StringRef(message).starts_with("node "))
        if (auto node = findONNXNode(d.getLocation()))
          this->os << "node '" << node->first << "' (" << node->second << "): ";
      this->os << message << "\n";
    };
    print(diag, diag.getSeverity());
    for (Diagnostic &note : diag.getNotes())
      print(note, DiagnosticSeverity::Note);
    this->os.flush();
    return success();
  });
}

ONNXDiagnosticHandler::~ONNXDiagnosticHandler() {
  if (errors > 1)
    os << path << ": note: " << errors - 1 << " more error"
       << (errors > 2 ? "s" : "") << " not shown\n";
}

OwningOpRef<ModuleOp>
mlir::qnn::compiler::loadModel(StringRef path, MLIRContext *ctx,
                               llvm::SourceMgr &sourceMgr,
                               const LoadModelOptions &options, bool &isONNX) {
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> buffer = openInputFile(path, &error);
  if (!buffer) {
    llvm::errs() << path << ": error: " << error << "\n";
    return nullptr;
  }
  isONNX = path != "-" && isONNXModel(path, buffer->getBuffer());
  if (!isONNX) {
    if (qnn::reportParserCrasher(buffer->getMemBufferRef(), llvm::errs()))
      return nullptr;
    sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
    return parseSourceFile<ModuleOp>(sourceMgr, ctx);
  }
  ONNXDiagnosticHandler handler(ctx, path);
  qnn::ONNXImportOptions importOptions;
  importOptions.batch = options.batch;
  importOptions.entryName = options.entry;
  importOptions.frozenInputs = options.frozenInputs;
  importOptions.inputShapes = options.inputShapes;
  return qnn::importONNXFile(path, ctx, importOptions);
}

/// The dialects the code generation pipeline needs.
static DialectRegistry codegenRegistry() {
  DialectRegistry registry;
  registerCodegenDialects(registry);
  return registry;
}

ToolModel::ToolModel()
    : context(codegenRegistry()), sourceMgrHandler(sourceMgr, &context) {
  setToolDiagnosticOptions(&context);
  context.loadAllAvailableDialects();
}

ToolModel::~ToolModel() = default;

LogicalResult ToolModel::load(StringRef path, const LoadModelOptions &options) {
  module = loadModel(path, &context, sourceMgr, options, onnx);
  if (!module)
    return failure();
  // Errors in an imported model name its ONNX node.
  if (onnx)
    onnxHandler.emplace(&context, path);
  return success();
}
