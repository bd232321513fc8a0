//===- PlanMemory.cpp - one workspace for the intermediate buffers -------===//
//
// Implements -quant-plan-memory (see Passes.td). Live ranges are positions
// in the entry block: an allocation's range starts at the first top-level
// op that uses it or a view of it and ends at the last top-level op
// that uses it or a view of it (view-like ops are followed transitively);
// a buffer that escapes in any other way (returned, stored, passed through
// a region's results) stays live to the end of the function. Offsets come
// from first-fit in decreasing size order, 64-byte aligned.
//
//===----------------------------------------------------------------------===//

#include "quant/Codegen/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_QUANTPLANMEMORY
#include "quant/Codegen/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;

namespace {

constexpr int64_t kAlignment = 64;

struct Buffer {
  memref::AllocOp alloc;
  int64_t bytes = 0;
  unsigned start = 0, end = 0; ///< Live range in the entry block, inclusive.
  int64_t offset = -1;
};

/// Bytes of a static memref with byte-sized elements, or nullopt.
std::optional<int64_t> getByteSize(MemRefType type) {
  if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
      type.getMemorySpace())
    return std::nullopt;
  Type elt = type.getElementType();
  if (!elt.isIntOrFloat() || elt.getIntOrFloatBitWidth() % 8 != 0)
    return std::nullopt;
  return type.getNumElements() * (elt.getIntOrFloatBitWidth() / 8);
}

/// The live range of `root`: the first and last positions (in `index`) of
/// the top-level ops that use it or a view of it. The contents before the
/// first use do not matter, however early the buffer was allocated; the
/// range ends at `last` if the buffer escapes through anything but a view
/// or a deallocation.
std::pair<unsigned, unsigned>
getLiveRange(Value root, Block &body,
             const DenseMap<Operation *, unsigned> &index, unsigned last) {
  unsigned defined = index.lookup(root.getDefiningOp());
  unsigned start = ~0u, end = defined;
  bool escapes = false;
  SmallVector<Value> worklist = {root};
  while (!worklist.empty()) {
    Value v = worklist.pop_back_val();
    for (OpOperand &use : v.getUses()) {
      Operation *user = use.getOwner();
      if (isa<memref::DeallocOp>(user))
        continue;
      Operation *top = body.findAncestorOpInBlock(*user);
      // A terminator (func.return, or scf.yield into an scf.if / scf.for
      // result) passes the buffer on under another name.
      if (!top || user->hasTrait<OpTrait::IsTerminator>()) {
        escapes = true;
        continue;
      }
      start = std::min(start, index.lookup(top));
      end = std::max(end, index.lookup(top));
      if (auto view = dyn_cast<ViewLikeOpInterface>(user)) {
        if (view.getViewSource() == v) {
          llvm::append_range(worklist, user->getResults());
          continue;
        }
      }
      // Any other op producing a memref may alias its operand.
      if (llvm::any_of(user->getResultTypes(), llvm::IsaPred<MemRefType>))
        escapes = true;
    }
  }
  return {start == ~0u ? defined : start, escapes ? last : end};
}

/// First-fit placement in decreasing size order; returns the total size.
int64_t assignOffsets(MutableArrayRef<Buffer> buffers) {
  SmallVector<Buffer *> order;
  for (Buffer &b : buffers)
    order.push_back(&b);
  llvm::stable_sort(order,
                    [](Buffer *a, Buffer *b) { return a->bytes > b->bytes; });
  int64_t total = 0;
  SmallVector<Buffer *> placed;
  for (Buffer *b : order) {
    // Occupied intervals of the buffers live at the same time, by offset.
    SmallVector<std::pair<int64_t, int64_t>> busy;
    for (Buffer *p : placed)
      if (p->start <= b->end && b->start <= p->end)
        busy.push_back({p->offset, p->offset + p->bytes});
    llvm::sort(busy);
    int64_t offset = 0;
    for (auto [lo, hi] : busy) {
      if (offset + b->bytes <= lo)
        break;
      offset = std::max<int64_t>(offset, llvm::alignTo(hi, kAlignment));
    }
    b->offset = offset;
    total = std::max(total, offset + b->bytes);
    placed.push_back(b);
  }
  return total;
}

struct QuantPlanMemoryPass
    : qnn::impl::QuantPlanMemoryBase<QuantPlanMemoryPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    std::string runName = symbolName + "_run";
    std::string wsName = runName + "_with_workspace";
    auto func = dyn_cast_or_null<func::FuncOp>(
        SymbolTable::lookupSymbolIn(module, runName));
    if (!func || func.isExternal()) {
      module.emitError() << "quant-plan-memory: no function '@" << runName
                         << "' (run quant-finalize-entry first)";
      return signalPassFailure();
    }
    if (SymbolTable::lookupSymbolIn(module, wsName)) {
      module.emitError() << "quant-plan-memory: symbol '" << wsName
                         << "' already exists";
      return signalPassFailure();
    }
    Block &body = func.getBody().front();
    DenseMap<Operation *, unsigned> index;
    unsigned position = 0;
    for (Operation &op : body)
      index[&op] = position++;

    SmallVector<Buffer> buffers;
    for (Operation &op : body) {
      auto alloc = dyn_cast<memref::AllocOp>(op);
      if (!alloc || !alloc.getDynamicSizes().empty() ||
          !alloc.getSymbolOperands().empty())
        continue;
      std::optional<int64_t> bytes = getByteSize(alloc.getType());
      if (!bytes)
        continue;
      Buffer b;
      b.alloc = alloc;
      b.bytes = std::max<int64_t>(*bytes, 1);
      std::tie(b.start, b.end) =
          getLiveRange(alloc.getResult(), body, index, position);
      buffers.push_back(b);
    }
    int64_t total = assignOffsets(buffers);

    // The workspace argument and the views into it.
    auto wsType = MemRefType::get({std::max<int64_t>(total, 1)},
                                  IntegerType::get(ctx, 8));
    unsigned wsIndex = func.getNumArguments();
    if (failed(func.insertArgument(wsIndex, wsType, DictionaryAttr(),
                                   func.getLoc())))
      return signalPassFailure();
    Value ws = func.getArgument(wsIndex);
    for (Buffer &b : buffers) {
      OpBuilder builder(b.alloc);
      Location loc = b.alloc.getLoc();
      Value offset = arith::ConstantIndexOp::create(builder, loc, b.offset);
      Value view = memref::ViewOp::create(builder, loc, b.alloc.getType(), ws,
                                          offset, ValueRange());
      for (Operation *user : llvm::make_early_inc_range(b.alloc->getUsers()))
        if (isa<memref::DeallocOp>(user))
          user->erase();
      b.alloc.replaceAllUsesWith(view);
      b.alloc.erase();
    }
    func.setSymName(wsName);

    // <name>_run: the original signature, allocating the workspace.
    OpBuilder builder(ctx);
    builder.setInsertionPointAfter(func);
    Location loc = func.getLoc();
    FunctionType type = func.getFunctionType();
    SmallVector<Type> inputs(type.getInputs().drop_back());
    auto run =
        func::FuncOp::create(builder, loc, runName,
                             FunctionType::get(ctx, inputs, type.getResults()));
    if (ArrayAttr argAttrs = func.getAllArgAttrs())
      run.setAllArgAttrs(argAttrs.getValue().drop_back());
    Block *entry = run.addEntryBlock();
    builder.setInsertionPointToStart(entry);
    // Nothing to place: a byte on the stack, no malloc.
    Value buffer =
        total == 0
            ? memref::AllocaOp::create(builder, loc, wsType).getResult()
            : memref::AllocOp::create(builder, loc, wsType,
                                      builder.getI64IntegerAttr(kAlignment))
                  .getResult();
    SmallVector<Value> args(entry->getArguments());
    args.push_back(buffer);
    auto call = func::CallOp::create(builder, loc, func, args);
    if (total != 0)
      memref::DeallocOp::create(builder, loc, buffer);
    func::ReturnOp::create(builder, loc, call.getResults());
    module->setAttr("quant.workspace_size", builder.getI64IntegerAttr(total));
  }
};

} // namespace
