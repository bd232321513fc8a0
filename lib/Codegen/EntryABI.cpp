//===- EntryABI.cpp - the C ABI of the compiled entry function -----------===//
//
// Implements -quant-prepare-entry (before bufferization: inputs read-only,
// static tensor signature) and -quant-finalize-entry (after
// buffer-results-to-out-params: `int <name>_run(const T *in..., T *out...)`
// once func-to-llvm uses bare pointers for the static memrefs).
//
//===----------------------------------------------------------------------===//

#include "quant/Codegen/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_QUANTPREPAREENTRY
#define GEN_PASS_DEF_QUANTFINALIZEENTRY
#include "quant/Codegen/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;

/// The entry function of `module`, or an error naming what is missing.
static func::FuncOp lookupEntry(ModuleOp module, StringRef name,
                                StringRef pass) {
  auto func = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
      module, StringAttr::get(module.getContext(), name));
  if (!func || func.isExternal()) {
    module.emitError() << pass << ": no function '@" << name
                       << "' with a body to compile (see --entry)";
    return {};
  }
  return func;
}

namespace {

struct QuantPrepareEntryPass
    : qnn::impl::QuantPrepareEntryBase<QuantPrepareEntryPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    func::FuncOp func = lookupEntry(module, entry, "quant-prepare-entry");
    if (!func)
      return signalPassFailure();
    FunctionType type = func.getFunctionType();
    if (type.getNumResults() == 0) {
      func.emitError() << "quant-prepare-entry: '@" << entry
                       << "' returns nothing";
      return signalPassFailure();
    }
    SmallVector<Type> types(type.getInputs());
    llvm::append_range(types, type.getResults());
    for (Type t : types) {
      auto tensor = llvm::dyn_cast<RankedTensorType>(t);
      if (!tensor || !tensor.hasStaticShape()) {
        func.emitError() << "quant-prepare-entry: arguments and results of '@"
                         << entry << "' must be statically shaped tensors, "
                         << "got " << t;
        return signalPassFailure();
      }
    }
    for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i)
      func.setArgAttr(i, bufferization::BufferizationDialect::kWritableAttrName,
                      BoolAttr::get(&getContext(), false));
    // Each result gets its own output buffer: a value returned twice
    // (`return %0, %0`, an ONNX graph listing one output twice) is copied
    // for its later positions. Left shared, results-to-out-params would
    // have to write one buffer into two out-params (upstream crashes).
    func.walk([&](func::ReturnOp ret) {
      OpBuilder b(ret);
      llvm::SmallPtrSet<Value, 4> seen;
      for (OpOperand &operand : ret->getOpOperands()) {
        Value v = operand.get();
        if (seen.insert(v).second)
          continue;
        operand.set(bufferization::AllocTensorOp::create(
            b, ret.getLoc(), llvm::cast<RankedTensorType>(v.getType()),
            ValueRange(), v));
      }
    });
    // The entry is the one public function (a private one named by the
    // user is compiled all the same, not dropped by symbol-dce).
    func.setPublic();
    for (auto other : module.getOps<func::FuncOp>())
      if (other != func && !other.isExternal())
        other.setPrivate();
  }
};

struct QuantFinalizeEntryPass
    : qnn::impl::QuantFinalizeEntryBase<QuantFinalizeEntryPass> {
  using Base::Base;

  /// Gives every argument without elements the type memref<0xT>. Upstream's
  /// bare-pointer signature conversion rejects a memref whose identity
  /// layout has zero strides (any shape with a 0 after its first
  /// dimension, e.g. 3x4x0) and leaves the function unconverted; a rank-1
  /// empty memref converts like any other. The body keeps its types: its
  /// uses of the argument read a zero-byte alloca of the original type.
  static void flattenEmptyArguments(func::FuncOp func) {
    Block &body = func.getBody().front();
    OpBuilder b = OpBuilder::atBlockBegin(&body);
    for (BlockArgument arg : body.getArguments()) {
      auto memref = llvm::cast<MemRefType>(arg.getType());
      if (memref.getNumElements() != 0 || memref.getRank() == 1)
        continue;
      Value local = memref::AllocaOp::create(b, arg.getLoc(), memref);
      arg.replaceAllUsesWith(local);
      arg.setType(MemRefType::get({0}, memref.getElementType()));
    }
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    func::FuncOp func = lookupEntry(module, entry, "quant-finalize-entry");
    if (!func)
      return signalPassFailure();
    FunctionType type = func.getFunctionType();
    if (type.getNumResults() != 0) {
      func.emitError() << "quant-finalize-entry: results must have become "
                          "out-parameters (buffer-results-to-out-params)";
      return signalPassFailure();
    }
    for (Type t : type.getInputs()) {
      auto memref = llvm::dyn_cast<MemRefType>(t);
      if (!memref || !memref.hasStaticShape() ||
          !memref.getLayout().isIdentity()) {
        func.emitError() << "quant-finalize-entry: argument type " << t
                         << " is not a static identity-layout memref";
        return signalPassFailure();
      }
    }
    flattenEmptyArguments(func);

    std::string runName = symbolName + "_run";
    if (SymbolTable::lookupSymbolIn(module, runName)) {
      module.emitError() << "quant-finalize-entry: symbol '" << runName
                         << "' already exists";
      return signalPassFailure();
    }
    if (failed(SymbolTable::replaceAllSymbolUses(
            func, StringAttr::get(&getContext(), runName), module)))
      return signalPassFailure();
    func.setSymName(runName);
    func.setPublic();

    // Return an int status: 0 = success.
    Type i32 = IntegerType::get(&getContext(), 32);
    func.setType(FunctionType::get(&getContext(),
                                   func.getBody().getArgumentTypes(), {i32}));
    func.walk([&](func::ReturnOp ret) {
      OpBuilder b(ret);
      Value zero =
          arith::ConstantOp::create(b, ret.getLoc(), b.getI32IntegerAttr(0));
      ret->setOperands(zero);
    });
  }
};

} // namespace
