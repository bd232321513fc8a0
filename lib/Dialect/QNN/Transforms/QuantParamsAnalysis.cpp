//===- QuantParamsAnalysis.cpp - quantization-parameter dataflow ---------===//
//
// The lattice, transfer functions and the forward / backward sparse
// analyses of -qnn-propagate-scales (see QuantParamsAnalysis.h). The
// same-scale ops commute with a quantizer: quantizing their input and
// running them on codes gives the codes of quantizing their output, so
// parameters may move through them in both directions (clamp only forward:
// the output parameters of a ReLU are chosen for the clamped range).
//
//===----------------------------------------------------------------------===//

#include "QuantParamsAnalysis.h"

#include "mlir/Analysis/DataFlow/ConstantPropagationAnalysis.h"
#include "mlir/Analysis/DataFlow/DeadCodeAnalysis.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::dataflow;

//===----------------------------------------------------------------------===//
// Lattice value
//===----------------------------------------------------------------------===//

QuantParams QuantParams::join(const QuantParams &lhs, const QuantParams &rhs) {
  if (lhs.isUninitialized())
    return rhs;
  if (rhs.isUninitialized())
    return lhs;
  if (lhs == rhs)
    return lhs;
  return conflict();
}

void QuantParams::print(raw_ostream &os) const {
  switch (state) {
  case State::Uninitialized:
    os << "<uninitialized>";
    return;
  case State::Known:
    os << type;
    return;
  case State::Conflict:
    os << "<conflict>";
    return;
  }
}

std::string mlir::qnn::formatDouble(double value) {
  char buffer[32];
  if (std::nearbyint(value) == value && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof(buffer), "%.0f", value);
    return buffer;
  }
  for (int precision = 1; precision < 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value)
      return buffer;
  }
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

//===----------------------------------------------------------------------===//
// Transfer functions
//===----------------------------------------------------------------------===//

Type mlir::qnn::getPropagatableType(Type elementType) {
  if (llvm::isa<quant::UniformQuantizedType,
                quant::UniformQuantizedPerAxisType>(elementType))
    return elementType;
  return {};
}

/// True if `v` is a ranked float tensor.
static bool isFloatTensor(Value v) {
  auto t = llvm::dyn_cast<RankedTensorType>(v.getType());
  return t && getElementKind(t.getElementType()) == ElementKind::Float;
}

bool mlir::qnn::isForwardSameScale(Operation *op) {
  return llvm::isa<ReshapeOp, TransposeOp, PadOp, MaxPool2DOp, ConcatOp,
                   ClampOp>(op) &&
         isFloatTensor(op->getResult(0));
}

bool mlir::qnn::isBackwardSameScale(Operation *op) {
  return !llvm::isa<ClampOp>(op) && isForwardSameScale(op);
}

/// The position of the dimension that holds the same elements as dimension
/// `axis` of `from` after a row-major reshape to `to`: equal size and equal
/// product of the leading dimensions. -1 when there is none.
static int64_t mapReshapeAxis(ArrayRef<int64_t> from, ArrayRef<int64_t> to,
                              int64_t axis) {
  if (ShapedType::isDynamicShape(from) || ShapedType::isDynamicShape(to) ||
      axis < 0 || axis >= static_cast<int64_t>(from.size()))
    return -1;
  int64_t leading = 1;
  for (int64_t i = 0; i < axis; ++i)
    leading *= from[i];
  int64_t toLeading = 1;
  for (auto [i, size] : llvm::enumerate(to)) {
    if (toLeading == leading && size == from[axis])
      return static_cast<int64_t>(i);
    toLeading *= size;
    if (toLeading > leading)
      break;
  }
  return -1;
}

/// Moves per-axis parameters from dimension `axis` to `newAxis` (-1: cannot
/// follow); per-tensor types pass unchanged.
static Type moveAxis(Type type, int64_t axis, int64_t newAxis) {
  if (axis < 0)
    return type;
  if (newAxis < 0)
    return {};
  return withQuantizedAxis(type, newAxis);
}

/// The shared transfer: parameters `type` on one side of `op` to the other
/// side (`forward`: operand `index` to result; else result to operand).
static Type transfer(Operation *op, unsigned index, Type type, bool forward) {
  if (!getPropagatableType(type))
    return {};
  int64_t axis = getQuantizedAxis(type);
  auto operandType =
      llvm::cast<RankedTensorType>(op->getOperand(index).getType());
  auto resultType = llvm::cast<RankedTensorType>(op->getResult(0).getType());
  return llvm::TypeSwitch<Operation *, Type>(op)
      .Case<ReshapeOp>([&](auto) {
        return forward ? moveAxis(type, axis,
                                  mapReshapeAxis(operandType.getShape(),
                                                 resultType.getShape(), axis))
                       : moveAxis(type, axis,
                                  mapReshapeAxis(resultType.getShape(),
                                                 operandType.getShape(), axis));
      })
      .Case<TransposeOp>([&](TransposeOp t) -> Type {
        ArrayRef<int64_t> perm = t.getPermutation();
        if (axis < 0)
          return type;
        if (!forward)
          return axis < static_cast<int64_t>(perm.size())
                     ? withQuantizedAxis(type, perm[axis])
                     : Type();
        auto *it = llvm::find(perm, axis);
        return it == perm.end() ? Type()
                                : withQuantizedAxis(type, it - perm.begin());
      })
      .Case<PadOp>([&](PadOp p) -> Type {
        if (!isExactlyRepresentable(type, p.getValue().convertToDouble()))
          return {};
        ArrayRef<int64_t> pads = p.getPads();
        int64_t rank = operandType.getRank();
        if (axis >= 0 && (pads[axis] != 0 || pads[rank + axis] != 0))
          return {};
        return type;
      })
      .Case<MaxPool2DOp>([&](auto) -> Type {
        // Batch and channel axes carry over; spatial ones are resized.
        return axis <= 1 ? type : Type();
      })
      .Case<ConcatOp>([&](ConcatOp c) -> Type {
        int64_t cat = c.getAxis();
        if (cat < 0)
          cat += resultType.getRank();
        return axis == cat ? Type() : type;
      })
      .Case<ClampOp>([&](auto) { return forward ? type : Type(); })
      .Default([](Operation *) { return Type(); });
}

Type mlir::qnn::forwardTransfer(Operation *op, unsigned index, Type type) {
  return transfer(op, index, type, /*forward=*/true);
}

Type mlir::qnn::backwardTransfer(Operation *op, unsigned index, Type type) {
  return transfer(op, index, type, /*forward=*/false);
}

/// What operand `index` of `user` asks for, given the state of its result.
static QuantParams demandFrom(Operation *user, unsigned index,
                              const QuantParams &result) {
  if (auto q = llvm::dyn_cast<QuantizeOp>(user)) {
    Type t = getPropagatableType(q.getType().getElementType());
    return t ? QuantParams::known(t) : QuantParams();
  }
  if (!isBackwardSameScale(user) || result.isUninitialized())
    return {};
  if (result.isConflict())
    return QuantParams::conflict();
  Type t = backwardTransfer(user, index, result.getType());
  return t ? QuantParams::known(t) : QuantParams();
}

QuantParams mlir::qnn::getDemand(OpOperand &use, const DataFlowSolver &solver) {
  Operation *user = use.getOwner();
  QuantParams result;
  if (user->getNumResults() == 1)
    if (auto *lattice =
            solver.lookupState<BackwardQuantLattice>(user->getResult(0)))
      result = lattice->getValue();
  return demandFrom(user, use.getOperandNumber(), result);
}

//===----------------------------------------------------------------------===//
// Analyses
//===----------------------------------------------------------------------===//

LogicalResult ForwardQuantParamsAnalysis::visitOperation(
    Operation *op, ArrayRef<const ForwardQuantLattice *> operands,
    ArrayRef<ForwardQuantLattice *> results) {
  auto set = [&](const QuantParams &value) {
    propagateIfChanged(results[0], results[0]->join(value));
  };
  if (auto dq = llvm::dyn_cast<DequantizeOp>(op)) {
    if (Type t = getPropagatableType(dq.getInput().getType().getElementType()))
      set(QuantParams::known(t));
    return success();
  }
  if (!isForwardSameScale(op))
    return success();
  if (llvm::isa<ConcatOp>(op)) {
    // Forward only when every input is known and all agree.
    Type agreed;
    for (auto [i, lattice] : llvm::enumerate(operands)) {
      const QuantParams &p = lattice->getValue();
      if (p.isConflict()) {
        set(QuantParams::conflict());
        return success();
      }
      if (!p.isKnown())
        return success();
      Type t = forwardTransfer(op, i, p.getType());
      if (!t || (agreed && t != agreed))
        return success();
      agreed = t;
    }
    if (agreed)
      set(QuantParams::known(agreed));
    return success();
  }
  const QuantParams &p = operands[0]->getValue();
  if (p.isConflict())
    set(QuantParams::conflict());
  else if (p.isKnown())
    if (Type t = forwardTransfer(op, 0, p.getType()))
      set(QuantParams::known(t));
  return success();
}

LogicalResult BackwardQuantParamsAnalysis::visitOperation(
    Operation *op, ArrayRef<BackwardQuantLattice *> operands,
    ArrayRef<const BackwardQuantLattice *> results) {
  if (!llvm::isa<QuantizeOp>(op) && !isBackwardSameScale(op))
    return success();
  QuantParams result;
  if (!results.empty())
    result = results[0]->getValue();
  for (auto [i, lattice] : llvm::enumerate(operands)) {
    QuantParams demand = demandFrom(op, i, result);
    if (!demand.isUninitialized())
      propagateIfChanged(lattice, lattice->meet(demand));
  }
  return success();
}

void mlir::qnn::loadQuantParamsAnalyses(DataFlowSolver &solver,
                                        SymbolTableCollection &symbolTable) {
  solver.load<DeadCodeAnalysis>();
  solver.load<SparseConstantPropagation>();
  solver.load<ForwardQuantParamsAnalysis>();
  solver.load<BackwardQuantParamsAnalysis>(symbolTable);
}
