//===- QuantParamsAnalysis.h - quantization-parameter dataflow --*- C++ -*-===//
//
// Internal header of -qnn-propagate-scales: the sparse dataflow analyses
// that move quantization parameters (an affine element type) from
// `qnn.dequantize` results forward and from `qnn.quantize` operands backward
// through the "same-scale" ops of a QDQ graph, and the transfer functions
// they share with the pass's conflict resolution.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_DIALECT_QNN_TRANSFORMS_QUANTPARAMSANALYSIS_H
#define QUANT_LIB_DIALECT_QNN_TRANSFORMS_QUANTPARAMSANALYSIS_H

#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/Analysis/DataFlow/SparseAnalysis.h"

namespace mlir::qnn {

/// The lattice value: what is known about the quantization parameters of a
/// float tensor value. Uninitialized (nothing constrains it) < one affine
/// element type (`!quant.uniform`, per tensor or per axis) < conflict.
class QuantParams {
public:
  enum class State { Uninitialized, Known, Conflict };

  QuantParams() = default;
  static QuantParams known(Type elementType) {
    return QuantParams(State::Known, elementType);
  }
  static QuantParams conflict() { return QuantParams(State::Conflict, {}); }

  bool isUninitialized() const { return state == State::Uninitialized; }
  bool isKnown() const { return state == State::Known; }
  bool isConflict() const { return state == State::Conflict; }
  /// The element type; only for known parameters.
  Type getType() const { return type; }

  /// Least upper bound: equal types stay, different ones conflict.
  static QuantParams join(const QuantParams &lhs, const QuantParams &rhs);
  /// The backward analysis combines the demands of several uses the same
  /// way (the framework calls it "meet").
  static QuantParams meet(const QuantParams &lhs, const QuantParams &rhs) {
    return join(lhs, rhs);
  }

  bool operator==(const QuantParams &rhs) const {
    return state == rhs.state && type == rhs.type;
  }
  void print(raw_ostream &os) const;

private:
  QuantParams(State state, Type type) : state(state), type(type) {}
  State state = State::Uninitialized;
  Type type;
};

/// Parameters that reach a value from the dequantize ops above it.
class ForwardQuantLattice : public dataflow::Lattice<QuantParams> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(ForwardQuantLattice)
  using Lattice::Lattice;
};

/// Parameters that the quantize ops below a value ask it to have.
class BackwardQuantLattice : public dataflow::Lattice<QuantParams> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(BackwardQuantLattice)
  using Lattice::Lattice;
};

/// Forward analysis: dequantize results are sources; same-scale ops copy
/// their operand's parameters to their result (axis moved as needed).
class ForwardQuantParamsAnalysis
    : public dataflow::SparseForwardDataFlowAnalysis<ForwardQuantLattice> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(ForwardQuantParamsAnalysis)
  using SparseForwardDataFlowAnalysis::SparseForwardDataFlowAnalysis;

  LogicalResult
  visitOperation(Operation *op, ArrayRef<const ForwardQuantLattice *> operands,
                 ArrayRef<ForwardQuantLattice *> results) override;
  /// Function arguments and values of unknown origin carry no parameters.
  void setToEntryState(ForwardQuantLattice *lattice) override {}
};

/// Backward analysis: quantize operands are sources; same-scale ops copy
/// their result's demanded parameters to their operands.
class BackwardQuantParamsAnalysis
    : public dataflow::SparseBackwardDataFlowAnalysis<BackwardQuantLattice> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(BackwardQuantParamsAnalysis)
  using SparseBackwardDataFlowAnalysis::SparseBackwardDataFlowAnalysis;

  LogicalResult
  visitOperation(Operation *op, ArrayRef<BackwardQuantLattice *> operands,
                 ArrayRef<const BackwardQuantLattice *> results) override;
  void visitBranchOperand(OpOperand &) override {}
  void visitCallOperand(OpOperand &) override {}
  void visitNonControlFlowArguments(RegionSuccessor &,
                                    ArrayRef<BlockArgument>) override {}
  /// Function results ask for nothing.
  void setToExitState(BackwardQuantLattice *lattice) override {}
};

/// Loads the analyses above, with the dead-code and constant-propagation
/// analyses the solver needs, into `solver`.
void loadQuantParamsAnalyses(DataFlowSolver &solver,
                             SymbolTableCollection &symbolTable);

/// The affine element type that propagation handles (per-tensor or per-axis
/// `!quant.uniform`), or null.
Type getPropagatableType(Type elementType);

/// Forward transfer of the same-scale op `op` (float result): the result
/// element type for parameters `type` on its operand `index`, or null when
/// they do not carry over (e.g. a per-axis axis that the op reshapes, a pad
/// value the type cannot represent). Concat is handled per operand here;
/// the analysis additionally requires all its inputs to agree.
Type forwardTransfer(Operation *op, unsigned index, Type type);

/// Backward transfer: the element type operand `index` of the same-scale op
/// `op` must have for its result to have `type`, or null.
Type backwardTransfer(Operation *op, unsigned index, Type type);

/// True for the ops that move parameters forward (reshape, transpose, pad,
/// max_pool2d, concat, clamp) or backward (the same without clamp), when
/// their result is a float tensor.
bool isForwardSameScale(Operation *op);
bool isBackwardSameScale(Operation *op);

/// What the use `use` asks of its value, given the backward lattice of the
/// user's result: the quantize type for a quantize user, the backward
/// transfer for a same-scale user, uninitialized otherwise.
QuantParams getDemand(OpOperand &use, const DataFlowSolver &solver);

/// The shortest decimal form of `value` that reads back exactly ("0.125",
/// "600", "2.384185791015625e-07").
std::string formatDouble(double value);

} // namespace mlir::qnn

#endif // QUANT_LIB_DIALECT_QNN_TRANSFORMS_QUANTPARAMSANALYSIS_H
