//===- qnn-ref.cpp - reference outputs for the end-to-end tests ----------===//
//
//   qnn-ref model.mlir --list | --entry=f --signature
//       prints the function names / "<inputs> <outputs>" of a function;
//   qnn-ref model.mlir --entry=f --make-inputs=<prefix> [--seed=S]
//       writes <prefix>0.npy, <prefix>1.npy, ...: deterministic random inputs
//       (floats in [-1, 1]; integers over their range, i32 in +-2^20 unless
//       --int-min/--int-max say otherwise); --pattern=edges draws every
//       element from the range's boundary values instead (lo, lo + 1, -1,
//       0, 1, hi - 1, hi; for floats +-1, +-0, +-denormals and, with
//       --nonfinite, +-inf and NaN), --pattern=min / max fills with lo / hi;
//   qnn-ref model.mlir --entry=f -i in0.npy ... --check out0.npy ...
//       [--rtol=R --atol=A]
//       evaluates the function with the naive interpreter (Evaluator.cpp)
//       and compares: integer outputs must match exactly, float outputs
//       within |got - ref| <= atol + rtol * |ref|. Exit 1 on a mismatch.
//
//===----------------------------------------------------------------------===//

#include "Evaluator.h"

#include "quant/Dialect/QNN/IR/QNN.h"
#include "quant/Support/Npy.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"

#include <cmath>
#include <cstdio>
#include <limits>

using namespace mlir;
using namespace qnnref;
namespace cl = llvm::cl;
namespace npy = mlir::qnn::npy;

namespace {
cl::opt<std::string> inputFile(cl::Positional, cl::desc("<model.mlir>"),
                               cl::Required);
cl::opt<std::string> entry("entry", cl::desc("Function"), cl::init("main"));
cl::opt<std::string> makeInputs("make-inputs",
                                cl::desc("Write random inputs <prefix>N.npy"));
cl::opt<unsigned> seed("seed", cl::desc("Random seed"), cl::init(1));
cl::opt<long long> intMin("int-min", cl::desc("Lowest random i32/i64"),
                          cl::init(-(1 << 20)));
cl::opt<long long> intMax("int-max", cl::desc("Highest random i32/i64"),
                          cl::init(1 << 20));
cl::opt<std::string> pattern("pattern",
                             cl::desc("Inputs: random, edges, min or max"),
                             cl::init("random"));
cl::opt<bool> nonFinite("nonfinite",
                        cl::desc("--pattern=edges floats include inf/NaN"));
cl::list<std::string> inputs("i", cl::desc("Input .npy"));
cl::list<std::string> checks("check", cl::desc("Output .npy to check"));
cl::opt<bool> list("list", cl::desc("Print the names of the functions"));
cl::opt<bool> signature("signature",
                        cl::desc("Print '<inputs> <outputs>' of --entry"));
cl::opt<double> relTol("rtol", cl::desc("Relative tolerance"), cl::init(1e-5));
cl::opt<double> absTol("atol", cl::desc("Absolute tolerance"), cl::init(1e-5));

int fail(const std::string &message) {
  std::fprintf(stderr, "qnn-ref: error: %s\n", message.c_str());
  return 1;
}

/// The .npy dtype of a boundary element type.
std::optional<npy::DType> dtypeOf(Type elt) {
  if (elt.isF32())
    return npy::DType::F32;
  int64_t lo, hi;
  if (!integerRange(elt, lo, hi))
    return std::nullopt;
  bool isSigned = lo < 0;
  unsigned width = 0;
  for (unsigned w : {8u, 16u, 32u, 64u})
    if (hi == (isSigned ? (w == 64 ? INT64_MAX : (int64_t{1} << (w - 1)) - 1)
                        : (w == 64 ? -1 : (int64_t{1} << w) - 1))) {
      width = w;
      break;
    }
  std::string name = std::string(isSigned ? "i" : "u") + std::to_string(width);
  return npy::parseDTypeName(name);
}

/// The unsigned dtype of the same width.
npy::DType unsignedOf(npy::DType dt) {
  switch (dt) {
  case npy::DType::I8:
    return npy::DType::U8;
  case npy::DType::I16:
    return npy::DType::U16;
  case npy::DType::I32:
    return npy::DType::U32;
  default:
    return dt;
  }
}

/// A small deterministic generator (xorshift64*), independent of the
/// runtime's.
struct Random {
  uint64_t state;
  explicit Random(uint64_t s) : state(s * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t next() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1Dull;
  }
  double uniform() { return (next() >> 11) * (1.0 / 9007199254740992.0); }
};
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "qnn reference evaluator\n");
  DialectRegistry registry;
  registry.insert<qnn::QNNDialect, quant::QuantDialect, func::FuncDialect,
                  arith::ArithDialect>();
  MLIRContext context(registry);
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(inputFile, sourceMgr, &context);
  if (!module)
    return 1;
  if (list) {
    for (auto f : module->getOps<func::FuncOp>())
      if (!f.isExternal())
        std::printf("%s\n", f.getSymName().str().c_str());
    return 0;
  }
  auto func = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
      *module, StringAttr::get(&context, entry));
  if (!func)
    return fail("no function @" + entry);
  FunctionType type = func.getFunctionType();
  if (signature) {
    std::printf("%u %u\n", type.getNumInputs(), type.getNumResults());
    return 0;
  }

  if (!makeInputs.empty()) {
    if (pattern != "random" && pattern != "edges" && pattern != "min" &&
        pattern != "max")
      return fail("unknown --pattern=" + pattern);
    Random rng(seed);
    for (auto [i, t] : llvm::enumerate(type.getInputs())) {
      auto rt = llvm::cast<RankedTensorType>(t);
      std::optional<npy::DType> dt = dtypeOf(rt.getElementType());
      if (!dt)
        return fail("unsupported input type");
      int64_t lo = 0, hi = 0;
      integerRange(rt.getElementType(), lo, hi);
      // Signless integers marked onnx.unsigned (ONNX uint8 inputs) are
      // unsigned buffers, as in the compiled interface.
      if (func.getArgAttr(i, "onnx.unsigned") &&
          rt.getElementType().isSignlessInteger() && lo < 0) {
        dt = unsignedOf(*dt);
        hi = hi - lo;
        lo = 0;
      }
      npy::Array a;
      a.resize(*dt, {rt.getShape().begin(), rt.getShape().end()});
      if (npy::getDTypeSize(*dt) >= 4) {
        lo = std::max<int64_t>(lo, intMin);
        hi = std::min<int64_t>(hi, intMax);
      }
      // The boundary values of the range, each once.
      std::vector<int64_t> intEdges;
      for (int64_t v :
           {lo, lo + 1, int64_t{-1}, int64_t{0}, int64_t{1}, hi - 1, hi})
        if (v >= lo && v <= hi && !llvm::is_contained(intEdges, v))
          intEdges.push_back(v);
      std::vector<double> floatEdges = {
          -1.0,
          1.0,
          0.0,
          -0.0,
          0.5,
          -0.5,
          std::numeric_limits<float>::denorm_min(),
          -std::numeric_limits<float>::denorm_min()};
      if (nonFinite)
        for (double v : {std::numeric_limits<double>::infinity(),
                         -std::numeric_limits<double>::infinity(),
                         std::numeric_limits<double>::quiet_NaN()})
          floatEdges.push_back(v);
      bool isFloat = *dt == npy::DType::F32;
      for (int64_t j = 0; j < a.getNumElements(); ++j) {
        if (pattern == "min" || pattern == "max") {
          bool low = pattern == "min";
          if (isFloat)
            a.set(j, low ? -1.0 : 1.0);
          else
            a.setInt(j, low ? lo : hi);
        } else if (pattern == "edges") {
          if (isFloat)
            a.set(j, floatEdges[rng.next() % floatEdges.size()]);
          else
            a.setInt(j, intEdges[rng.next() % intEdges.size()]);
        } else if (isFloat) {
          a.set(j, 2.0 * rng.uniform() - 1.0);
        } else {
          a.setInt(j,
                   lo + static_cast<int64_t>(
                            rng.next() % static_cast<uint64_t>(hi - lo + 1)));
        }
      }
      std::string error;
      if (!npy::writeFile(makeInputs + std::to_string(i) + ".npy", a, error))
        return fail(error);
    }
    return 0;
  }

  if (inputs.size() != type.getNumInputs())
    return fail("@" + entry + " has " + std::to_string(type.getNumInputs()) +
                " inputs, got " + std::to_string(inputs.size()) + " -i files");
  std::vector<Tensor> args;
  for (auto [i, t] : llvm::enumerate(type.getInputs())) {
    npy::Array a;
    std::string error;
    if (!npy::readFile(inputs[i], a, error))
      return fail(error);
    Tensor x;
    x.shape = a.shape;
    x.isFloat = a.dtype == npy::DType::F32;
    for (int64_t j = 0; j < a.getNumElements(); ++j)
      x.values.push_back(a.getAsDouble(j));
    args.push_back(std::move(x));
  }
  std::vector<Tensor> results;
  std::string error;
  if (!evaluate(func, args, results, error))
    return fail(error);
  if (checks.size() != results.size())
    return fail("@" + entry + " has " + std::to_string(results.size()) +
                " outputs, got " + std::to_string(checks.size()) +
                " --check files");
  bool ok = true;
  for (size_t o = 0; o < results.size(); ++o) {
    npy::Array a;
    if (!npy::readFile(checks[o], a, error))
      return fail(error);
    Tensor ref = results[o];
    auto rt = llvm::cast<RankedTensorType>(type.getResult(o));
    if (func.getResultAttr(o, "onnx.unsigned") &&
        rt.getElementType().isSignlessInteger()) {
      int64_t modulus = int64_t{1} << rt.getElementTypeBitWidth();
      for (double &v : ref.values)
        if (v < 0)
          v += static_cast<double>(modulus);
    }
    if (a.getNumElements() != ref.size())
      return fail("output " + std::to_string(o) + " has " +
                  std::to_string(a.getNumElements()) + " elements, expected " +
                  std::to_string(ref.size()));
    double maxErr = 0;
    int64_t mismatches = 0, first = -1;
    for (int64_t j = 0; j < ref.size(); ++j) {
      double got = a.getAsDouble(j), want = ref.values[j];
      double err = std::fabs(got - want);
      bool bad = ref.isFloat ? !(err <= absTol + relTol * std::fabs(want))
                             : got != want;
      if (got == want) // also +-inf against itself
        bad = false;
      else if (std::isnan(got) || std::isnan(want))
        bad = std::isnan(got) != std::isnan(want);
      if (!bad && !std::isnan(err) && !std::isinf(err))
        maxErr = std::max(maxErr, err);
      if (bad && mismatches++ == 0)
        first = j;
    }
    std::printf("@%s output %zu: %lld elements, max abs error %.3g, %lld "
                "mismatches\n",
                entry.c_str(), o, static_cast<long long>(ref.size()), maxErr,
                static_cast<long long>(mismatches));
    if (mismatches) {
      std::printf("  first at %lld: got %.9g, expected %.9g\n",
                  static_cast<long long>(first), a.getAsDouble(first),
                  ref.values[first]);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
