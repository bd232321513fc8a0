//===- PipelineTest.cpp - unit tests of the codegen pipeline API ---------===//
//
// runPipeline as a library user calls it: without the tools' command-line
// registrations (registerPassManagerCLOptions). It used to fail there
// without a diagnostic; the fuzz target fuzz-qnn-pipeline found it.
//
//===----------------------------------------------------------------------===//

#include "quant/Compiler/Pipeline.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace mlir;
using namespace mlir::qnn::compiler;

namespace {

constexpr const char *kModel = R"mlir(
func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %y = qnn.add %x, %x : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}
)mlir";

class PipelineTest : public ::testing::Test {
protected:
  PipelineTest() : context(makeRegistry()) {
    context.loadAllAvailableDialects();
    handler = std::make_unique<ScopedDiagnosticHandler>(
        &context, [this](Diagnostic &diag) {
          diagnostics.push_back(diag.str());
          return success();
        });
  }
  static DialectRegistry makeRegistry() {
    DialectRegistry registry;
    registerCodegenDialects(registry);
    return registry;
  }
  MLIRContext context;
  std::unique_ptr<ScopedDiagnosticHandler> handler;
  std::vector<std::string> diagnostics;
};

TEST_F(PipelineTest, RunsWithoutPassManagerCommandLineOptions) {
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(kModel, &context);
  ASSERT_TRUE(module);
  CodegenOptions options;
  ASSERT_TRUE(succeeded(runPipeline(*module, options, Phase::LLVM)))
      << (diagnostics.empty() ? "no diagnostic" : diagnostics.front());
  // The module is in the LLVM dialect: the entry became an llvm.func.
  EXPECT_FALSE(module->getOps<LLVM::LLVMFuncOp>().empty());
  EXPECT_TRUE(diagnostics.empty());
}

TEST_F(PipelineTest, FailureIsDiagnosed) {
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(kModel, &context);
  ASSERT_TRUE(module);
  CodegenOptions options;
  options.entry = "missing";
  EXPECT_TRUE(failed(runPipeline(*module, options, Phase::LLVM)));
  EXPECT_FALSE(diagnostics.empty());
}

} // namespace
