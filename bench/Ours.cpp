//===- Ours.cpp - single-layer qnn models compiled in-process ------------===//
//
// Builds the MLIR text of one integer-form (or float) conv2d /
// fully_connected with constant weights (hex dense literals), compiles it
// for the host through lib/Compiler (JITModel, as quant-run does) and
// keeps the input and output buffers for timing.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include "quant/Compiler/TargetMachine.h"
#include "quant/ExecutionEngine/JIT.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace mlir;
using namespace mlir::qnn::compiler;

namespace bench {

namespace {
std::string hexLiteral(const void *data, size_t bytes) {
  std::string s = "\"0x";
  static const char *digits = "0123456789ABCDEF";
  const auto *p = static_cast<const uint8_t *>(data);
  s.reserve(bytes * 2 + 4);
  for (size_t i = 0; i < bytes; ++i) {
    s += digits[p[i] >> 4];
    s += digits[p[i] & 15];
  }
  return s + "\"";
}

std::string dims(std::initializer_list<int64_t> d) {
  std::string s;
  for (int64_t v : d)
    s += std::to_string(v) + "x";
  return s;
}
} // namespace

struct OurModel::Impl {
  MLIRContext context;
  std::unique_ptr<JITModel> model;
  Impl() {
    DialectRegistry registry;
    registerCodegenDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }
};

OurModel::OurModel() = default;
OurModel::~OurModel() = default;

bool OurModel::compile(const std::string &source, bool kernels) {
  // runPipeline applies the pass manager command-line options, which
  // must be registered.
  static bool registered = (registerPassManagerCLOptions(), true);
  (void)registered;
  impl = std::make_unique<Impl>();
  ScopedDiagnosticHandler handler(&impl->context, [](Diagnostic &d) {
    llvm::errs() << d.getLocation() << ": " << d.str() << "\n";
    return success();
  });
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(source, &impl->context);
  if (!module)
    return false;
  // QUANT_BENCH_MCPU (e.g. x86-64-v3) times the code for a lesser CPU.
  const char *cpu = std::getenv("QUANT_BENCH_MCPU");
  auto tm = createTargetMachine({"", cpu ? cpu : "", "", 2});
  if (!tm) {
    llvm::errs() << llvm::toString(tm.takeError()) << "\n";
    return false;
  }
  CodegenOptions options;
  options.name = "bench";
  options.kernels = kernels;
  // QUANT_BENCH_WEIGHT_BLOCK overrides the kernels' cache budget (bytes).
  if (const char *block = std::getenv("QUANT_BENCH_WEIGHT_BLOCK"))
    options.weightBlockBytes = std::strtoul(block, nullptr, 10);
  std::string error;
  impl->model = JITModel::compile(*module, std::move(*tm), options, 2, error);
  if (!impl->model)
    llvm::errs() << "compile failed: " << error << "\n";
  return impl->model != nullptr;
}

void OurModel::run() const { impl->model->run({in.data, out.data}); }

std::string gemmSource(const GemmShape &s, bool isFloat, const void *weights) {
  const char *t = isFloat ? "f32" : "i8";
  const char *acc = isFloat ? "f32" : "i32";
  size_t bytes = s.n * s.k * (isFloat ? 4 : 1);
  std::string x = "tensor<" + dims({s.m, s.k}) + t + ">";
  std::string w = "tensor<" + dims({s.n, s.k}) + t + ">";
  std::string y = "tensor<" + dims({s.m, s.n}) + acc + ">";
  return "func.func @main(%x: " + x + ") -> " + y + " {\n" +
         "  %w = arith.constant dense<" + hexLiteral(weights, bytes) +
         "> : " + w + "\n" + "  %y = qnn.fully_connected %x, %w : (" + x +
         ", " + w + ") -> " + y + "\n  return %y : " + y + "\n}\n";
}

std::string convSource(const ConvShape &s, bool isFloat, const void *weights) {
  const char *t = isFloat ? "f32" : "i8";
  const char *acc = isFloat ? "f32" : "i32";
  size_t bytes = s.o * s.c * s.k * s.k * (isFloat ? 4 : 1);
  std::string x = "tensor<" + dims({1, s.c, s.h, s.h}) + t + ">";
  std::string w = "tensor<" + dims({s.o, s.c, s.k, s.k}) + t + ">";
  std::string y = "tensor<" + dims({1, s.o, s.outH(), s.outH()}) + acc + ">";
  std::string p = std::to_string(s.pad), st = std::to_string(s.stride);
  return "func.func @main(%x: " + x + ") -> " + y + " {\n" +
         "  %w = arith.constant dense<" + hexLiteral(weights, bytes) +
         "> : " + w + "\n" +
         "  %y = qnn.conv2d %x, %w {strides = array<i64: " + st + ", " + st +
         ">, padding = array<i64: " + p + ", " + p + ", " + p + ", " + p +
         ">} : (" + x + ", " + w + ") -> " + y + "\n  return %y : " + y +
         "\n}\n";
}

std::string binaryGemmSource(const GemmShape &s, const void *weights) {
  std::string x = "tensor<" + dims({s.m, s.k}) + "i8>";
  std::string w = "tensor<" + dims({s.n, s.k}) + "i8>";
  std::string y = "tensor<" + dims({s.m, s.n}) + "i32>";
  return "func.func @main(%x: " + x + ") -> " + y + " {\n" +
         "  %w = arith.constant dense<" + hexLiteral(weights, s.n * s.k) +
         "> : " + w + "\n  %y = qnn.fully_connected %x, %w {qnn.xnor} : (" + x +
         ", " + w + ") -> " + y + "\n  return %y : " + y + "\n}\n";
}

std::string binaryConvSource(const ConvShape &s, const void *weights) {
  // The integer form -qnn-lower-to-integer gives a binary conv with -1
  // padding: an explicit qnn.pad, then the conv on -1 / +1 codes marked
  // qnn.xnor (what -quant-xnor-kernels takes).
  size_t bytes = s.o * s.c * s.k * s.k;
  int64_t hp = s.h + 2 * s.pad;
  std::string x = "tensor<" + dims({1, s.c, s.h, s.h}) + "i8>";
  std::string xp = "tensor<" + dims({1, s.c, hp, hp}) + "i8>";
  std::string w = "tensor<" + dims({s.o, s.c, s.k, s.k}) + "i8>";
  std::string y = "tensor<" + dims({1, s.o, s.outH(), s.outH()}) + "i32>";
  std::string p = std::to_string(s.pad), st = std::to_string(s.stride);
  return "func.func @main(%x: " + x + ") -> " + y + " {\n" +
         "  %p = qnn.pad %x {pads = array<i64: 0, 0, " + p + ", " + p +
         ", 0, 0, " + p + ", " + p + ">, value = -1.0} : " + x + " -> " + xp +
         "\n  %w = arith.constant dense<" + hexLiteral(weights, bytes) +
         "> : " + w + "\n  %y = qnn.conv2d %p, %w {qnn.xnor, strides = " +
         "array<i64: " + st + ", " + st + ">} : (" + xp + ", " + w + ") -> " +
         y + "\n  return %y : " + y + "\n}\n";
}

} // namespace bench
