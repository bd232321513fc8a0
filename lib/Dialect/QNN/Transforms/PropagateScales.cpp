//===- PropagateScales.cpp - scale propagation in QDQ graphs -------------===//
//
// Implements -qnn-propagate-scales on the QDQ form: quantization parameters
// fixed by existing quantize / dequantize ops move through the same-scale
// ops (QuantParamsAnalysis.h), conflicts get one explicit requantize each,
// every value with parameters gets a quantize -> dequantize pair, float
// biases become i32 constants at scale s_x * s_w, and linear ops are
// annotated with the width their integer accumulator needs
// (AccumulatorRange.h).
//
//===----------------------------------------------------------------------===//

#include "AccumulatorRange.h"
#include "QuantParamsAnalysis.h"

#include "quant/Dialect/QNN/Transforms/Passes.h"
#include "quant/Support/Numerics.h"

#include "mlir/Analysis/DataFlowFramework.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/EquivalenceClasses.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlir::qnn {
#define GEN_PASS_DEF_QNNPROPAGATESCALES
#include "quant/Dialect/QNN/Transforms/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn;

/// Attributes written on conv2d / fully_connected / matmul.
static constexpr StringLiteral kAccBits = "qnn.acc_bits";
static constexpr StringLiteral kAccRange = "qnn.acc_range";
static constexpr StringLiteral kAccType = "qnn.acc_type";

/// Relative tolerance when comparing a bias scale with s_x * s_w (the
/// verifiers' rule).
static constexpr double kBiasScaleTolerance = 1e-6;

/// Upper bound on analysis / requantization rounds; each round removes at
/// least one conflicting use, so real graphs need a handful.
static constexpr unsigned kMaxRounds = 1000;

static bool isFloatTensor(Value v) {
  auto t = llvm::dyn_cast<RankedTensorType>(v.getType());
  return t && getElementKind(t.getElementType()) == ElementKind::Float;
}

/// The cost of requantizing `v`: its number of elements.
static int64_t numElements(Value v) {
  auto t = llvm::cast<RankedTensorType>(v.getType());
  return t.hasStaticShape() ? t.getNumElements()
                            : std::numeric_limits<int64_t>::max();
}

static QuantParams forwardOf(const DataFlowSolver &solver, Value v) {
  auto *lattice = solver.lookupState<ForwardQuantLattice>(v);
  return lattice ? lattice->getValue() : QuantParams();
}

/// The float tensor values of `func` in program order, arguments first.
static SmallVector<Value> collectValues(func::FuncOp func) {
  SmallVector<Value> values;
  for (BlockArgument arg : func.getArguments())
    if (isFloatTensor(arg))
      values.push_back(arg);
  func.walk<WalkOrder::PreOrder>([&](Operation *op) {
    for (Value result : op->getResults())
      if (isFloatTensor(result))
        values.push_back(result);
  });
  return values;
}

/// Sets the insertion point of `builder` right after the definition of `v`.
static void setInsertionPointAfterValue(OpBuilder &builder, Value v) {
  if (Operation *def = v.getDefiningOp())
    builder.setInsertionPointAfter(def);
  else
    builder.setInsertionPointToStart(llvm::cast<BlockArgument>(v).getOwner());
}

/// An existing quantize of `v` to `type`, moved to right after the
/// definition of `v` so that it dominates every use of `v`; null if none.
static QuantizeOp findQuantize(Value v, RankedTensorType type) {
  for (Operation *user : v.getUsers()) {
    auto q = llvm::dyn_cast<QuantizeOp>(user);
    if (!q || q.getType() != type)
      continue;
    if (Operation *def = v.getDefiningOp())
      q->moveAfter(def);
    else
      q->moveBefore(&llvm::cast<BlockArgument>(v).getOwner()->front());
    return q;
  }
  return {};
}

/// Erases `op` if it has no uses and no side effects, then its operands'
/// producers likewise (a dequantize and the constant it read).
static void eraseIfDead(Operation *op) {
  if (!op || !op->use_empty() || !isMemoryEffectFree(op))
    return;
  SmallVector<Operation *> producers;
  for (Value operand : op->getOperands())
    if (Operation *def = operand.getDefiningOp())
      producers.push_back(def);
  op->erase();
  for (Operation *def : producers)
    eraseIfDead(def);
}

//===----------------------------------------------------------------------===//
// Conflicts
//===----------------------------------------------------------------------===//

namespace {
/// One requantization to insert: the value read by `use` goes from `from`
/// to `to` for that use.
struct Cut {
  OpOperand *use;
  Type from, to;
  StringRef reason;
};

/// A use whose value's forward parameters differ from what it asks for.
struct ConflictingUse {
  OpOperand *use;
  QuantParams demand;
  Type from;
  int64_t cost;
  unsigned order; ///< Program order of the value (downstream is larger).
};
} // namespace

/// Value conflicts: uses that ask for other parameters than their value
/// carries forward. Conflicting uses linked through a same-scale op (the use
/// of its operand and the uses of its result) form one conflict, cut once at
/// its cheapest use (fewest elements; the downstream one on ties).
static SmallVector<Cut> findValueCuts(ArrayRef<Value> values,
                                      const DataFlowSolver &solver) {
  SmallVector<ConflictingUse> members;
  DenseMap<OpOperand *, unsigned> index;
  for (auto [order, v] : llvm::enumerate(values)) {
    QuantParams f = forwardOf(solver, v);
    if (!f.isKnown())
      continue;
    for (OpOperand &use : v.getUses()) {
      QuantParams d = getDemand(use, solver);
      if (d.isUninitialized() || (d.isKnown() && d.getType() == f.getType()))
        continue;
      index[&use] = members.size();
      members.push_back(
          {&use, d, f.getType(), numElements(v), static_cast<unsigned>(order)});
    }
  }
  llvm::EquivalenceClasses<unsigned> classes;
  for (unsigned i = 0; i < members.size(); ++i)
    classes.insert(i);
  for (auto [i, m] : llvm::enumerate(members)) {
    Operation *user = m.use->getOwner();
    if (!isBackwardSameScale(user))
      continue;
    for (OpOperand &next : user->getResult(0).getUses())
      if (auto it = index.find(&next); it != index.end())
        classes.unionSets(static_cast<unsigned>(i), it->second);
  }
  // The cheapest use of each conflict that asks for one known type.
  DenseMap<unsigned, unsigned> best;
  for (auto [i, m] : llvm::enumerate(members)) {
    if (!m.demand.isKnown())
      continue;
    unsigned leader = classes.getLeaderValue(static_cast<unsigned>(i));
    auto [it, inserted] = best.try_emplace(leader, i);
    const ConflictingUse &other = members[it->second];
    bool cheaper =
        m.cost < other.cost || (m.cost == other.cost && m.order >= other.order);
    if (!inserted && cheaper)
      it->second = i;
  }
  SmallVector<unsigned> chosen;
  for (auto [leader, i] : best)
    chosen.push_back(i);
  llvm::sort(chosen);
  SmallVector<Cut> cuts;
  for (unsigned i : chosen)
    cuts.push_back({members[i].use, members[i].from,
                    members[i].demand.getType(),
                    "forward and backward parameters differ"});
  return cuts;
}

/// Join conflicts: a concat (or, with `alignAdd`, an add) whose inputs carry
/// different forward parameters. The inputs are requantized to the
/// parameters of the largest group of inputs (by elements), so the fewest
/// elements are requantized.
static SmallVector<Cut>
findJoinCuts(func::FuncOp func, const DataFlowSolver &solver, bool alignAdd) {
  SmallVector<Cut> cuts;
  func.walk([&](Operation *op) {
    bool isConcat = llvm::isa<ConcatOp>(op);
    if (!(isConcat || (alignAdd && llvm::isa<AddOp>(op))) ||
        !isFloatTensor(op->getResult(0)))
      return;
    SmallVector<std::pair<Type, int64_t>> groups;
    for (Value operand : op->getOperands()) {
      QuantParams f = forwardOf(solver, operand);
      if (!f.isKnown())
        continue;
      auto *it = llvm::find_if(
          groups, [&](const auto &g) { return g.first == f.getType(); });
      if (it == groups.end())
        groups.push_back({f.getType(), numElements(operand)});
      else
        it->second += numElements(operand);
    }
    if (groups.size() < 2)
      return;
    Type target = groups.front().first;
    int64_t most = groups.front().second;
    for (auto [type, elements] : groups)
      if (elements > most) {
        target = type;
        most = elements;
      }
    // Per-axis parameters must fit every input they are given to.
    if (int64_t axis = getQuantizedAxis(target); axis >= 0) {
      if (auto concat = llvm::dyn_cast<ConcatOp>(op)) {
        int64_t cat = concat.getAxis();
        if (cat < 0)
          cat += concat.getType().getRank();
        if (axis == cat)
          return;
      } else if (llvm::any_of(op->getOperandTypes(), [&](Type t) {
                   return t != op->getResult(0).getType();
                 })) {
        return;
      }
    }
    StringRef reason = isConcat ? "concat inputs have different parameters"
                                : "add inputs have different parameters";
    for (OpOperand &use : op->getOpOperands()) {
      QuantParams f = forwardOf(solver, use.get());
      if (f.isKnown() && f.getType() != target)
        cuts.push_back({&use, f.getType(), target, reason});
    }
  });
  return cuts;
}

/// Inserts `requantize(quantize(v) : from) : to` for `cut`'s use: a
/// dequantized value is requantized from its source, and a quantize to
/// `to` is replaced by the requantize itself.
static void applyCut(const Cut &cut, bool remarks) {
  OpOperand &use = *cut.use;
  Operation *user = use.getOwner();
  Value v = use.get();
  auto type = llvm::cast<RankedTensorType>(v.getType());
  OpBuilder builder(user);
  Location loc = user->getLoc();
  Value q;
  auto dq = v.getDefiningOp<DequantizeOp>();
  if (dq && dq.getInput().getType() == type.clone(cut.from))
    q = dq.getInput();
  else if (QuantizeOp existing = findQuantize(v, type.clone(cut.from)))
    q = existing;
  else
    q = QuantizeOp::create(builder, loc, type.clone(cut.from), v);
  auto r = RequantizeOp::create(
      builder, loc, type.clone(cut.to), q,
      RoundingModeAttr::get(user->getContext(), RoundingMode::HalfEven));
  if (remarks)
    r.emitRemark() << "requantize " << numElements(v) << " elements from "
                   << cut.from << " to " << cut.to << ": " << cut.reason;
  auto consumer = llvm::dyn_cast<QuantizeOp>(user);
  if (consumer && consumer.getType() == r.getType()) {
    consumer.replaceAllUsesWith(r.getResult());
    consumer.erase();
    if (dq)
      eraseIfDead(dq);
    return;
  }
  use.set(DequantizeOp::create(builder, loc, type, r));
  if (dq)
    eraseIfDead(dq);
}

//===----------------------------------------------------------------------===//
// QDQ insertion
//===----------------------------------------------------------------------===//

/// Gives every float value with parameters a quantize -> dequantize pair.
/// Forward parameters are exact on the value (it is a moved dequantized
/// value), so all users read the pair except quantizes to the same type;
/// backward ones only reroute the uses that asked for them.
static void insertQDQ(ArrayRef<Value> values, const DataFlowSolver &solver) {
  struct Plan {
    Value value;
    Type type;
    SmallVector<OpOperand *> uses;
  };
  SmallVector<Plan> plans;
  for (Value v : values) {
    if (v.getDefiningOp<DequantizeOp>())
      continue;
    QuantParams f = forwardOf(solver, v);
    if (f.isConflict())
      continue;
    if (f.isKnown()) {
      Plan plan{v, f.getType(), {}};
      for (OpOperand &use : v.getUses()) {
        auto q = llvm::dyn_cast<QuantizeOp>(use.getOwner());
        if (!q || q.getType().getElementType() != f.getType())
          plan.uses.push_back(&use);
      }
      if (!plan.uses.empty())
        plans.push_back(std::move(plan));
      continue;
    }
    size_t first = plans.size();
    for (OpOperand &use : v.getUses()) {
      if (llvm::isa<QuantizeOp>(use.getOwner()))
        continue;
      QuantParams d = getDemand(use, solver);
      if (!d.isKnown())
        continue;
      auto *it =
          std::find_if(plans.begin() + first, plans.end(),
                       [&](const Plan &p) { return p.type == d.getType(); });
      if (it == plans.end()) {
        plans.push_back({v, d.getType(), {}});
        it = plans.end() - 1;
      }
      it->uses.push_back(&use);
    }
  }
  for (Plan &plan : plans) {
    OpBuilder builder(plan.value.getContext());
    auto type = llvm::cast<RankedTensorType>(plan.value.getType());
    Location loc = plan.value.getLoc();
    // Reuse a quantize the graph already has (e.g. the Q of a Q -> DQ pair
    // whose other users read the float value).
    Value q;
    if (QuantizeOp existing = findQuantize(plan.value, type.clone(plan.type))) {
      q = existing;
      builder.setInsertionPointAfter(existing);
    } else {
      setInsertionPointAfterValue(builder, plan.value);
      q = QuantizeOp::create(builder, loc, type.clone(plan.type), plan.value);
    }
    Value d = DequantizeOp::create(builder, loc, type, q);
    for (OpOperand *use : plan.uses)
      use->set(d);
  }
}

//===----------------------------------------------------------------------===//
// Bias quantization
//===----------------------------------------------------------------------===//

/// Storage codes of a `qnn.constant`, read with the signedness of `params`.
static std::optional<SmallVector<int64_t>>
getCodes(qnn::ConstantOp constant, const AffineParams &params) {
  auto range = constant.getValue().tryGetValues<APInt>();
  if (!range)
    return std::nullopt;
  SmallVector<int64_t> codes;
  for (const APInt &v : *range)
    codes.push_back(params.isSigned ? v.getSExtValue()
                                    : static_cast<int64_t>(v.getZExtValue()));
  return codes;
}

/// Slice index of element `i` of a tensor of `shape` quantized along `axis`.
static int64_t sliceOf(int64_t i, ArrayRef<int64_t> shape, int64_t axis) {
  if (axis < 0)
    return 0;
  int64_t stride = 1;
  for (int64_t d = axis + 1; d < static_cast<int64_t>(shape.size()); ++d)
    stride *= shape[d];
  return (i / stride) % shape[axis];
}

/// The real values of a constant bias: a float `arith.constant` /
/// `qnn.constant`, or `dequantize` of an affine `qnn.constant`. nullopt if
/// it is not constant or is already i32 at scale s_x * s_w (`expected`,
/// one per channel or one for all).
static std::optional<SmallVector<double>>
getBiasReals(Value bias, ArrayRef<double> expected) {
  Attribute attr;
  if (auto c = bias.getDefiningOp<arith::ConstantOp>())
    attr = c.getValue();
  else if (auto c = bias.getDefiningOp<qnn::ConstantOp>())
    attr = c.getValue();
  if (auto elements = llvm::dyn_cast_if_present<ElementsAttr>(attr)) {
    if (!llvm::isa<FloatType>(elements.getElementType()))
      return std::nullopt;
    auto range = elements.tryGetValues<APFloat>();
    if (!range)
      return std::nullopt;
    SmallVector<double> reals;
    for (const APFloat &v : *range)
      reals.push_back(v.convertToDouble());
    return reals;
  }
  auto dq = bias.getDefiningOp<DequantizeOp>();
  auto constant =
      dq ? dq.getInput().getDefiningOp<qnn::ConstantOp>() : qnn::ConstantOp();
  auto qType = dq ? dq.getInput().getType() : RankedTensorType();
  std::optional<AffineParams> p =
      qType ? getAffineParams(qType.getElementType()) : std::nullopt;
  if (!constant || !p)
    return std::nullopt;
  // Already i32 at the right scale(s): nothing to do.
  int64_t slices = p->numSlices(), wanted = expected.size();
  bool done = p->storageBits == 32 && p->isSigned &&
              (slices == 1 || wanted == 1 || slices == wanted);
  for (int64_t o = 0; done && o < std::max(slices, wanted); ++o) {
    double want = expected[wanted == 1 ? 0 : o];
    done = p->zeroPoint(o) == 0 &&
           std::fabs(p->scale(o) - want) <= kBiasScaleTolerance * want;
  }
  if (done)
    return std::nullopt;
  std::optional<SmallVector<int64_t>> codes = getCodes(constant, *p);
  if (!codes)
    return std::nullopt;
  SmallVector<double> reals;
  for (auto [i, code] : llvm::enumerate(*codes)) {
    int64_t s = sliceOf(static_cast<int64_t>(i), qType.getShape(), p->axis);
    reals.push_back(static_cast<double>(code - p->zeroPoint(s)) * p->scale(s));
  }
  return reals;
}

/// Builds a `quant.uniform` type like `like` (flags, storage, expressed
/// type, range, axis) with new scales.
static Type withScales(const AffineParams &p, Type like,
                       ArrayRef<double> scales) {
  auto q = llvm::cast<quant::QuantizedType>(like);
  if (p.axis < 0)
    return quant::UniformQuantizedType::get(q.getFlags(), q.getStorageType(),
                                            q.getExpressedType(), scales[0],
                                            p.zeroPoints[0], p.qmin, p.qmax);
  return quant::UniformQuantizedPerAxisType::get(
      q.getFlags(), q.getStorageType(), q.getExpressedType(), scales,
      p.zeroPoints, static_cast<int32_t>(p.axis), p.qmin, p.qmax);
}

/// Replaces the constant weights of `op` (dequantize of `constant` with
/// parameters `p`) by the same weights with slice s's scale multiplied by
/// 2^shifts[s]: codes (c - z) / 2^k rounded half to even, plus z.
static void enlargeWeightScales(Operation *op, OpOperand &weightOperand,
                                qnn::ConstantOp constant, const AffineParams &p,
                                ArrayRef<int> shifts) {
  auto qType = llvm::cast<RankedTensorType>(constant.getType());
  SmallVector<int64_t> codes = *getCodes(constant, p);
  auto valueType = llvm::cast<ShapedType>(constant.getValue().getType());
  unsigned width = valueType.getElementType().getIntOrFloatBitWidth();
  SmallVector<APInt> newCodes;
  for (auto [i, code] : llvm::enumerate(codes)) {
    int64_t s = sliceOf(static_cast<int64_t>(i), qType.getShape(), p.axis);
    int64_t zp = p.zeroPoint(s);
    double scaled = std::ldexp(static_cast<double>(code - zp), -shifts[s]);
    int64_t c = static_cast<int64_t>(numerics::roundHalfEven(scaled)) + zp;
    c = std::clamp(c, p.qmin, p.qmax);
    newCodes.push_back(APInt(width, static_cast<uint64_t>(c), c < 0));
  }
  SmallVector<double> scales;
  for (int64_t s = 0; s < p.numSlices(); ++s)
    scales.push_back(std::ldexp(p.scales[s], shifts[s]));
  Type elt = withScales(p, qType.getElementType(), scales);
  OpBuilder builder(op);
  auto newConstant =
      qnn::ConstantOp::create(builder, constant.getLoc(), qType.clone(elt),
                              DenseIntElementsAttr::get(valueType, newCodes));
  Value oldWeight = weightOperand.get();
  weightOperand.set(DequantizeOp::create(builder, oldWeight.getLoc(),
                                         oldWeight.getType(), newConstant));
  eraseIfDead(oldWeight.getDefiningOp());
}

/// Quantizes the float constant bias of a conv2d / fully_connected in QDQ
/// form to i32 at scale s_x * s_w (per channel where the weights are),
/// rounding half to even; see the pass description for overflow.
template <typename OpTy> static LogicalResult quantizeBiasOf(OpTy op) {
  Value bias = op.getBias();
  auto xdq = op.getInput().template getDefiningOp<DequantizeOp>();
  auto wdq = op.getWeight().template getDefiningOp<DequantizeOp>();
  if (!bias || !xdq || !wdq || !isFloatTensor(bias))
    return success();
  std::optional<AffineParams> xp =
      getAffineParams(xdq.getInput().getType().getElementType());
  std::optional<AffineParams> wp =
      getAffineParams(wdq.getInput().getType().getElementType());
  if (!xp || xp->axis >= 0 || !wp || wp->axis > 0)
    return success();
  double sx = xp->scale(0);
  SmallVector<double> expected;
  for (double sw : wp->scales)
    expected.push_back(sx * sw);
  std::optional<SmallVector<double>> reals = getBiasReals(bias, expected);
  if (!reals)
    return success();
  int64_t channels = static_cast<int64_t>(reals->size());
  if (channels == 0 || (wp->axis == 0 && wp->numSlices() != channels))
    return success();

  // The smallest power-of-two enlargement of each weight scale that makes
  // the bias code fit int32 (one for all channels when per tensor).
  constexpr double kMin = std::numeric_limits<int32_t>::min();
  constexpr double kMax = std::numeric_limits<int32_t>::max();
  constexpr int kMaxShift = 62;
  SmallVector<int> shifts(channels, 0);
  for (int64_t o = 0; o < channels; ++o) {
    double b = (*reals)[o];
    while (true) {
      double code =
          numerics::roundHalfEven(b / std::ldexp(sx * wp->scale(o), shifts[o]));
      if (code >= kMin && code <= kMax)
        break;
      if (!std::isfinite(code) || ++shifts[o] > kMaxShift)
        return op.emitError() << "bias " << formatDouble(b) << " of channel "
                              << o << " cannot be quantized to int32";
    }
  }
  int64_t worst = llvm::max_element(shifts) - shifts.begin();
  if (shifts[worst] > 0) {
    auto constant = wdq.getInput().template getDefiningOp<qnn::ConstantOp>();
    if (!constant)
      return op.emitError()
             << "bias " << formatDouble((*reals)[worst]) << " of channel "
             << worst << " overflows int32 at scale "
             << formatDouble(sx * wp->scale(worst))
             << " and the weights are not a qnn.constant whose scale could "
                "be enlarged";
    for (int64_t o = 0; o < channels; ++o) {
      if (shifts[o] == 0 || (wp->axis < 0 && o != worst))
        continue;
      InFlightDiagnostic remark = op.emitRemark();
      remark << "bias " << formatDouble((*reals)[o])
             << " overflows int32 at scale " << formatDouble(sx * wp->scale(o))
             << ": weight scale";
      if (wp->axis >= 0)
        remark << " of channel " << o;
      remark << " enlarged " << (int64_t(1) << shifts[o]) << "x to "
             << formatDouble(std::ldexp(wp->scale(o), shifts[o]));
    }
    if (wp->axis < 0)
      shifts.assign(channels, shifts[worst]);
    enlargeWeightScales(op, op.getWeightMutable(), constant, *wp,
                        ArrayRef<int>(shifts).take_front(wp->numSlices()));
  }

  MLIRContext *ctx = op.getContext();
  auto biasType = llvm::cast<RankedTensorType>(bias.getType());
  SmallVector<APInt> codes;
  SmallVector<double> scales;
  for (int64_t o = 0; o < channels; ++o) {
    double s = sx * std::ldexp(wp->scale(o), shifts[o]);
    if (wp->axis >= 0 || o == 0)
      scales.push_back(s);
    auto code = static_cast<int64_t>(numerics::roundHalfEven((*reals)[o] / s));
    codes.push_back(APInt(32, static_cast<uint64_t>(code), /*isSigned=*/true));
  }
  auto i32 = IntegerType::get(ctx, 32);
  auto expressed = biasType.getElementType();
  int64_t lo = std::numeric_limits<int32_t>::min();
  int64_t hi = std::numeric_limits<int32_t>::max();
  Type elt;
  if (wp->axis < 0)
    elt = quant::UniformQuantizedType::get(
        quant::QuantizationFlags::Signed, i32, expressed, scales[0], 0, lo, hi);
  else
    elt = quant::UniformQuantizedPerAxisType::get(
        quant::QuantizationFlags::Signed, i32, expressed, scales,
        SmallVector<int64_t>(channels, 0), 0, lo, hi);
  OpBuilder builder(op);
  auto constant = qnn::ConstantOp::create(
      builder, bias.getLoc(), biasType.clone(elt),
      DenseIntElementsAttr::get(biasType.clone(i32), codes));
  op.getBiasMutable().assign(
      DequantizeOp::create(builder, bias.getLoc(), biasType, constant));
  eraseIfDead(bias.getDefiningOp());
  return success();
}

//===----------------------------------------------------------------------===//
// Accumulators
//===----------------------------------------------------------------------===//

/// Annotates `op` with its accumulator width, or reports an accumulator
/// that can overflow i32.
static LogicalResult annotateAccumulator(Operation *op, bool remarks) {
  std::optional<AccumulatorInfo> info = analyzeAccumulator(op);
  if (!info)
    return success();
  if (info->bits > 32)
    return op->emitError() << "accumulator needs " << info->bits
                           << " bits (range [" << info->lo << ", " << info->hi
                           << "]), more than i32 holds";
  Builder b(op->getContext());
  unsigned width = info->bits <= 16 ? 16 : 32;
  op->setAttr(kAccBits, b.getI64IntegerAttr(info->bits));
  op->setAttr(kAccRange, b.getDenseI64ArrayAttr({info->lo, info->hi}));
  op->setAttr(kAccType, TypeAttr::get(b.getIntegerType(width)));
  if (remarks) {
    InFlightDiagnostic remark = op->emitRemark();
    remark << "accumulator range [" << info->lo << ", " << info->hi
           << "] needs " << info->bits << " bits"
           << (info->constantWeights ? " (from the weight values)" : "")
           << "; bit-growth bound ";
    if (info->biasBits)
      remark << "max(";
    remark << info->inputBits << " + " << info->weightBits << " + ceil(log2 "
           << info->terms << ")";
    if (info->biasBits)
      remark << ", " << info->biasBits << ") + 1";
    remark << " = " << info->boundBits << " bits; i" << width;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

namespace {
struct QNNPropagateScalesPass
    : qnn::impl::QNNPropagateScalesBase<QNNPropagateScalesPass> {
  using Base::Base;

  /// Analysis rounds: cut the conflicts found, re-run, and once there are
  /// none, insert the QDQ pairs from the final solution.
  LogicalResult propagate(func::FuncOp func) {
    for (unsigned round = 0; round < kMaxRounds; ++round) {
      DataFlowSolver solver;
      SymbolTableCollection symbolTable;
      loadQuantParamsAnalyses(solver, symbolTable);
      if (failed(solver.initializeAndRun(func)))
        return func.emitError("quantization parameter analysis failed");
      SmallVector<Value> values = collectValues(func);
      SmallVector<Cut> cuts = findValueCuts(values, solver);
      if (cuts.empty())
        cuts = findJoinCuts(func, solver, alignAdd);
      if (cuts.empty()) {
        insertQDQ(values, solver);
        return success();
      }
      for (const Cut &cut : cuts)
        applyCut(cut, remarks);
    }
    return func.emitError("scale propagation did not converge");
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    if (failed(propagate(func)))
      return signalPassFailure();
    bool failedAny = false;
    if (quantizeBias) {
      SmallVector<Operation *> linear;
      func.walk([&](Operation *op) {
        if (llvm::isa<Conv2DOp, FullyConnectedOp>(op))
          linear.push_back(op);
      });
      for (Operation *op : linear) {
        LogicalResult result =
            llvm::isa<Conv2DOp>(op)
                ? quantizeBiasOf(llvm::cast<Conv2DOp>(op))
                : quantizeBiasOf(llvm::cast<FullyConnectedOp>(op));
        failedAny |= failed(result);
      }
    }
    if (accumulators)
      func.walk([&](Operation *op) {
        if (llvm::isa<Conv2DOp, FullyConnectedOp, MatMulOp>(op))
          failedAny |= failed(annotateAccumulator(op, remarks));
      });
    if (failedAny)
      signalPassFailure();
  }
};
} // namespace
