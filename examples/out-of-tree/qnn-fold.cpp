//===- qnn-fold.cpp - a tool built against an installed quant-mlir ------===//
//
// Usage: qnn-fold <file.mlir> [pass pipeline]
//
// Parses <file.mlir> (qnn, quant, func and arith ops), runs
// qnn-fold-batch-norm on every function, or the given textual pipeline of
// registered passes (e.g. 'func.func(qnn-fold-batch-norm,qnn-streamline)'),
// and prints the module. Exit 1 on a parse, pipeline or pass failure.
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/IR/QNN.h"
#include "quant/Dialect/QNN/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    llvm::errs() << "usage: qnn-fold <file.mlir> [pass pipeline]\n";
    return 2;
  }

  // The dialects the input may use, and our passes in the global registry
  // (for the textual pipeline).
  mlir::DialectRegistry registry;
  registry.insert<mlir::qnn::QNNDialect, mlir::quant::QuantDialect,
                  mlir::func::FuncDialect, mlir::arith::ArithDialect>();
  mlir::qnn::registerQNNPasses();
  mlir::MLIRContext context(registry);

  llvm::SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(argv[1], sourceMgr,
                                            mlir::ParserConfig(&context));
  if (!module)
    return 1;

  mlir::PassManager pm(&context);
  if (argc == 3) {
    if (mlir::failed(mlir::parsePassPipeline(argv[2], pm)))
      return 1;
  } else {
    // The pass's C++ constructor, generated from dialects/QNN/Passes.td.
    pm.addNestedPass<mlir::func::FuncOp>(mlir::qnn::createQNNFoldBatchNorm());
  }
  if (mlir::failed(pm.run(*module)))
    return 1;

  module->print(llvm::outs());
  return 0;
}
