//===- quant-opt.cpp - the quant-mlir optimizer driver -------------------===//
//
// An mlir-opt for quant-mlir: registers the qnn dialect and the upstream
// dialects our pipelines use (not all of MLIR), the qnn passes, the named
// pipelines, the code generation passes (so their IR can be tested pass by
// pass) and the generic upstream passes used by our tests. MLIR text that
// would crash the MLIR parser (see ParserGuard.h) is rejected before it is
// parsed.
//
//===----------------------------------------------------------------------===//

#include "quant/Codegen/Passes.h"
#include "quant/Compiler/Pipeline.h"
#include "quant/Conversion/Passes.h"
#include "quant/Dialect/QNN/IR/QNN.h"
#include "quant/Dialect/QNN/Transforms/Passes.h"
#include "quant/Support/ParserGuard.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<mlir::qnn::QNNDialect, mlir::quant::QuantDialect,
                  mlir::func::FuncDialect, mlir::arith::ArithDialect,
                  mlir::tensor::TensorDialect, mlir::linalg::LinalgDialect,
                  mlir::math::MathDialect, mlir::affine::AffineDialect,
                  mlir::bufferization::BufferizationDialect,
                  mlir::LLVM::LLVMDialect, mlir::memref::MemRefDialect,
                  mlir::scf::SCFDialect, mlir::vector::VectorDialect>();
  // The external models (bufferization, tiling, subset) the codegen
  // passes rely on, as quant-compile registers them.
  mlir::qnn::compiler::registerCodegenDialects(registry);

  // Generic passes our pipelines and tests use.
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerSymbolDCEPass();
  mlir::registerInlinerPass();

  mlir::qnn::registerQNNPasses();
  mlir::qnn::registerQNNPipelines();
  mlir::qnn::registerQuantConversionPasses();
  mlir::qnn::registerQuantCodegenPasses();

  auto [inputFilename, outputFilename] = mlir::registerAndParseCLIOptions(
      argc, argv, "quant-mlir optimizer driver\n", registry);
  mlir::MlirOptMainConfig config =
      mlir::MlirOptMainConfig::createFromCLOptions();
  // Without input (--show-dialects, --list-passes): the upstream driver.
  if (config.shouldShowDialects() || config.shouldListPasses())
    return mlir::asMainReturnCode(
        mlir::MlirOptMain(argc, argv, inputFilename, outputFilename, registry));

  // What MlirOptMain(argc, argv, input, output, registry) does, with the
  // input scanned before it is parsed.
  llvm::InitLLVM initLLVM(argc, argv);
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputFilename, &error);
  if (!input) {
    llvm::errs() << error << "\n";
    return EXIT_FAILURE;
  }
  if (mlir::qnn::reportParserCrasher(input->getMemBufferRef(), llvm::errs()))
    return EXIT_FAILURE;
  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputFilename, &error);
  if (!output) {
    llvm::errs() << error << "\n";
    return EXIT_FAILURE;
  }
  if (failed(
          mlir::MlirOptMain(output->os(), std::move(input), registry, config)))
    return EXIT_FAILURE;
  output->keep();
  return EXIT_SUCCESS;
}
