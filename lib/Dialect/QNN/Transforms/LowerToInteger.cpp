//===- LowerToInteger.cpp - quantized-type form to integer form ----------===//
//
// Implements -qnn-lower-to-integer (see docs/architecture.md, "IR levels").
// Every value of a per-tensor or per-axis !quant.uniform type gets an
// integer representation: a signless tensor of its storage codes, made
// signed (unsigned n-bit codes q become q - 2^(n-1), the zero point moves
// with them, so the reals are unchanged). Ops on those values become
// integer ops:
//   conv2d / fully_connected / matmul -> the integer op on codes with the
//     zero-point terms folded into an int32 bias (constant weights: the
//     weight zero point is subtracted at compile time, the input zero point
//     times the weight sums enters the bias), then a qnn.rescale to the
//     result's parameters (or a dequantize of the int32 accumulator);
//   requantize -> rescale; clamp -> the saturation bounds of the producing
//     rescale (or an identity rescale); max pool and data movement -> the
//     same op on codes.
// Anything else that touches affine values is expanded to its definition:
// dequantize, the float op, quantize. Values keep their quantized types at
// the boundaries (function arguments and results, quantize/dequantize),
// joined to the codes by quant.scast. Binary, ternary and codebook values
// are lowered afterwards by LowerBinaryToInteger.cpp.
//
//===----------------------------------------------------------------------===//

#include "LowerToInteger.h"
#include "LowerBinaryToInteger.h"
#include "RequantPatterns.h"
#include "quant/Dialect/QNN/Transforms/Passes.h"
#include "quant/Support/Numerics.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/SetVector.h"

#include <cmath>

namespace mlir::qnn {
#define GEN_PASS_DEF_QNNLOWERTOINTEGER
#include "quant/Dialect/QNN/Transforms/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::intlower;

/// True for the affine types this pass gives an integer representation.
bool intlower::isLowerableAffine(Type elementType) {
  return llvm::isa<quant::UniformQuantizedType,
                   quant::UniformQuantizedPerAxisType>(elementType);
}

/// True if `type` is a tensor of any affine type (including sub-channel).
bool intlower::isBinaryTensor(Type type) {
  auto t = llvm::dyn_cast<RankedTensorType>(type);
  return t && getElementKind(t.getElementType()) == ElementKind::Binary;
}

bool intlower::isAffineTensor(Type type) {
  auto t = llvm::dyn_cast<RankedTensorType>(type);
  return t && getElementKind(t.getElementType()) == ElementKind::Affine;
}

/// The parameters of `p` for signed codes: unsigned n-bit codes shift down
/// by 2^(n-1).
AffineParams intlower::toSigned(AffineParams p) {
  if (p.isSigned)
    return p;
  int64_t offset = int64_t{1} << (p.storageBits - 1);
  for (int64_t &zp : p.zeroPoints)
    zp -= offset;
  p.qmin -= offset;
  p.qmax -= offset;
  p.isSigned = true;
  return p;
}

/// The storage offset that toSigned() applied to `p` (0 when signed).
int64_t intlower::signedOffset(const AffineParams &original) {
  return original.isSigned ? 0 : int64_t{1} << (original.storageBits - 1);
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

/// Reads the codes of an affine qnn.constant as signed values.
std::optional<SmallVector<int64_t>> intlower::readSignedCodes(ConstantOp op) {
  auto elements = llvm::dyn_cast<DenseElementsAttr>(op.getValue());
  if (!elements)
    return std::nullopt;
  AffineParams p = *getAffineParams(op.getType().getElementType());
  int64_t offset = signedOffset(p);
  SmallVector<int64_t> codes;
  codes.reserve(elements.getNumElements());
  for (const APInt &v : elements.getValues<APInt>())
    codes.push_back((p.isSigned ? v.getSExtValue()
                                : static_cast<int64_t>(v.getZExtValue())) -
                    offset);
  return codes;
}

/// A dense integer constant of `type` holding `values`.
DenseElementsAttr intlower::intElements(RankedTensorType type,
                                        ArrayRef<int64_t> values) {
  unsigned width = type.getElementTypeBitWidth();
  SmallVector<APInt> bits;
  bits.reserve(values.size());
  for (int64_t v : values)
    bits.push_back(APInt(width, static_cast<uint64_t>(v), /*isSigned=*/true,
                         /*implicitTrunc=*/true));
  return DenseElementsAttr::get(type, bits);
}

//===----------------------------------------------------------------------===//
// Boundaries
//===----------------------------------------------------------------------===//

IntRep IntegerLowering::importValue(Value value) {
  auto it = reps.find(value);
  if (it != reps.end())
    return it->second;
  auto type = llvm::cast<RankedTensorType>(value.getType());
  AffineParams original = *getAffineParams(type.getElementType());
  AffineParams params = toSigned(original);
  OpBuilder::InsertionGuard guard(builder);
  if (Operation *def = value.getDefiningOp())
    builder.setInsertionPointAfter(def);
  else
    builder.setInsertionPointToStart(value.getParentBlock());
  Location loc = value.getLoc();
  if (auto c = value.getDefiningOp<ConstantOp>()) {
    // A quantized constant becomes a constant of its signed codes.
    if (std::optional<SmallVector<int64_t>> values = readSignedCodes(c)) {
      RankedTensorType intType = type.clone(codeType(params));
      IntRep rep{ConstantOp::create(builder, loc, intType,
                                    intElements(intType, *values)),
                 params};
      reps[value] = rep;
      return rep;
    }
  }
  Value codes = quant::StorageCastOp::create(
      builder, loc, type.clone(codeType(params)), value);
  if (!original.isSigned) {
    // q_u - 2^(n-1): an exact identity rescale reading unsigned codes.
    RescaleSpec spec;
    spec.scales = {1.0f};
    spec.inputZp = signedOffset(original);
    spec.min = params.qmin;
    spec.max = params.qmax;
    spec.inputUnsigned = true;
    codes = buildRescale(loc, codes, codeType(params), spec);
  }
  IntRep rep{codes, params};
  reps[value] = rep;
  return rep;
}

Value IntegerLowering::materialize(const IntRep &rep, RankedTensorType type) {
  // Codes that were only read from a value of this type: that value.
  if (auto cast = rep.codes.getDefiningOp<quant::StorageCastOp>())
    if (cast.getInput().getType() == type)
      return cast.getInput();
  AffineParams original = *getAffineParams(type.getElementType());
  Location loc = rep.codes.getLoc();
  Value codes = rep.codes;
  if (!original.isSigned) {
    RescaleSpec spec;
    spec.scales = {1.0f};
    spec.outputZp = signedOffset(original);
    spec.min = original.qmin;
    spec.max = original.qmax;
    spec.outputUnsigned = true;
    codes = buildRescale(loc, codes, codeType(original), spec);
  }
  return quant::StorageCastOp::create(builder, loc, type, codes);
}

Value IntegerLowering::buildRescale(Location loc, Value input, Type resultElt,
                                    const RescaleSpec &spec) {
  MLIRContext *ctx = builder.getContext();
  IntegerAttr axis =
      spec.axis >= 0 ? builder.getI64IntegerAttr(spec.axis) : IntegerAttr();
  DenseI32ArrayAttr multipliers;
  DenseI8ArrayAttr shifts;
  DenseF32ArrayAttr scales;
  if (spec.mode == RoundingMode::HalfEven) {
    scales = builder.getDenseF32ArrayAttr(spec.scales);
  } else {
    // qnn.rescale stores TOSA's (multiplier, shift): real = m * 2^-shift.
    SmallVector<int32_t> m;
    SmallVector<int8_t> sh;
    for (double real : spec.reals) {
      std::optional<numerics::TosaMultiplier> t =
          numerics::computeTosaMultiplier(real);
      if (!t || t->shift < 0 || t->shift > 62)
        return {};
      m.push_back(t->multiplier);
      sh.push_back(static_cast<int8_t>(t->shift));
    }
    multipliers = builder.getDenseI32ArrayAttr(m);
    shifts = builder.getDenseI8ArrayAttr(sh);
  }
  return RescaleOp::create(
      builder, loc, withElement(input, resultElt), input,
      RoundingModeAttr::get(ctx, spec.mode),
      builder.getI32IntegerAttr(static_cast<int32_t>(spec.inputZp)),
      builder.getI32IntegerAttr(static_cast<int32_t>(spec.outputZp)),
      multipliers, shifts, scales, axis, builder.getI64IntegerAttr(spec.min),
      builder.getI64IntegerAttr(spec.max),
      spec.inputUnsigned ? builder.getUnitAttr() : UnitAttr(),
      spec.outputUnsigned ? builder.getUnitAttr() : UnitAttr());
}

//===----------------------------------------------------------------------===//
// requantize, clamp, same-scale ops
//===----------------------------------------------------------------------===//

LogicalResult IntegerLowering::lowerRequantize(RequantizeOp op) {
  auto in = getAffineParams(op.getInput().getType().getElementType());
  auto out = getAffineParams(op.getType().getElementType());
  if (!in || !out)
    return failure();
  AffineParams a = toSigned(*in), c = toSigned(*out);
  if (a.axis >= 0 && c.axis >= 0 && a.axis != c.axis)
    return failure();
  // One output zero point per rescale: per-axis zero points go the float way.
  if (llvm::any_of(c.zeroPoints,
                   [&](int64_t z) { return z != c.zeroPoints.front(); }) ||
      llvm::any_of(a.zeroPoints,
                   [&](int64_t z) { return z != a.zeroPoints.front(); }))
    return failure();
  if (a.storageBits > 48 || c.storageBits > 32)
    return failure();
  builder.setInsertionPoint(op);
  IntRep x = importValue(op.getInput());
  RescaleSpec spec;
  int64_t slices = std::max(a.numSlices(), c.numSlices());
  spec.mode = op.getRounding();
  for (int64_t s = 0; s < slices; ++s) {
    spec.scales.push_back(static_cast<float>(a.scale(s) / c.scale(s)));
    spec.reals.push_back(a.scale(s) / c.scale(s));
  }
  spec.axis = slices > 1 ? std::max(a.axis, c.axis) : -1;
  spec.inputZp = a.zeroPoint(0);
  spec.outputZp = c.zeroPoint(0);
  spec.min = c.qmin;
  spec.max = c.qmax;
  Value codes = buildRescale(op.getLoc(), x.codes, codeType(c), spec);
  if (!codes) {
    errorEmitted = true;
    return op.emitOpError()
           << "requantization scale has no " << stringifyRoundingMode(spec.mode)
           << " multiplier/shift";
  }
  setRep(op.getResult(), codes, c);
  lowered.insert(op);
  return success();
}

/// The code of real value `v` under (scale, zp): ONNX QuantizeLinear in f32
/// (infinite bounds saturate).
static int64_t quantizeReal(double v, double scale, int64_t zp, int64_t qmin,
                            int64_t qmax) {
  if (std::isinf(v))
    return v < 0 ? qmin : qmax;
  return numerics::quantizeAffineF32(
      static_cast<float>(v), static_cast<float>(scale),
      static_cast<int32_t>(zp), static_cast<int32_t>(qmin),
      static_cast<int32_t>(qmax));
}

LogicalResult IntegerLowering::lowerClamp(ClampOp op) {
  auto params = getAffineParams(op.getType().getElementType());
  if (!params || params->axis >= 0)
    return failure();
  AffineParams p = toSigned(*params);
  // q(clamp(r)) = clamp(q(r), q(lo), q(hi)) for the monotone quantizer q.
  int64_t lo = quantizeReal(op.getMin().convertToDouble(), p.scale(0),
                            p.zeroPoint(0), p.qmin, p.qmax);
  int64_t hi = quantizeReal(op.getMax().convertToDouble(), p.scale(0),
                            p.zeroPoint(0), p.qmin, p.qmax);
  builder.setInsertionPoint(op);
  IntRep x = importValue(op.getInput());
  if (lo <= p.qmin && hi >= p.qmax) {
    // The bounds cover every code (e.g. ReLU6 calibrated to [0, 6]).
    setRep(op.getResult(), x.codes, p);
    lowered.insert(op);
    return success();
  }
  // Fold into the saturation of a rescale that only this clamp reads.
  auto producer = x.codes.getDefiningOp<RescaleOp>();
  if (producer && op.getInput().hasOneUse() && x.codes.use_empty() &&
      !producer.getOutputUnsigned()) {
    int64_t pmin = static_cast<int64_t>(producer.getMin());
    int64_t pmax = static_cast<int64_t>(producer.getMax());
    producer.setMinAttr(builder.getI64IntegerAttr(std::max(pmin, lo)));
    producer.setMaxAttr(builder.getI64IntegerAttr(std::min(pmax, hi)));
    setRep(op.getResult(), x.codes, p);
    lowered.insert(op);
    return success();
  }
  RescaleSpec spec;
  spec.scales = {1.0f};
  spec.min = lo;
  spec.max = hi;
  setRep(op.getResult(), buildRescale(op.getLoc(), x.codes, codeType(p), spec),
         p);
  lowered.insert(op);
  return success();
}

LogicalResult IntegerLowering::lowerSameScale(Operation *op) {
  Value input = op->getOperand(0);
  Value result = op->getResult(0);
  auto inParams = getAffineParams(
      llvm::cast<RankedTensorType>(input.getType()).getElementType());
  auto outParams = getAffineParams(
      llvm::cast<RankedTensorType>(result.getType()).getElementType());
  if (!inParams || !outParams)
    return failure();
  AffineParams out = toSigned(*outParams);
  builder.setInsertionPoint(op);
  IntRep x = importValue(input);
  Type elt = codeType(out);
  RankedTensorType type = withElement(result, elt);
  Operation *intOp;
  if (auto pad = llvm::dyn_cast<PadOp>(op)) {
    if (out.axis >= 0)
      return failure();
    // Edge and reflect padding copy codes and take no value.
    int64_t code =
        pad.getMode() != PadMode::Constant
            ? 0
            : quantizeReal(pad.getValue().convertToDouble(), out.scale(0),
                           out.zeroPoint(0), out.qmin, out.qmax);
    intOp = PadOp::create(
        builder, op->getLoc(), type, x.codes, pad.getPadsAttr(),
        builder.getF64FloatAttr(static_cast<double>(code)), pad.getModeAttr());
  } else {
    OperationState state(op->getLoc(), op->getName(), ValueRange{x.codes},
                         TypeRange{type}, op->getAttrs());
    intOp = builder.create(state);
  }
  setRep(result, intOp->getResult(0), out);
  lowered.insert(op);
  return success();
}

LogicalResult IntegerLowering::lowerConcat(ConcatOp op) {
  auto outParams = getAffineParams(op.getType().getElementType());
  if (!outParams || outParams->axis >= 0)
    return failure();
  AffineParams out = toSigned(*outParams);
  builder.setInsertionPoint(op);
  SmallVector<Value> inputs;
  for (Value input : op.getInputs()) {
    auto inParams = getAffineParams(
        llvm::cast<RankedTensorType>(input.getType()).getElementType());
    if (!inParams || inParams->axis >= 0)
      return failure();
    AffineParams in = toSigned(*inParams);
    IntRep x = importValue(input);
    if (in.scale(0) == out.scale(0) && in.zeroPoint(0) == out.zeroPoint(0)) {
      inputs.push_back(x.codes);
      continue;
    }
    // The op requantizes inputs whose parameters differ (half_even).
    RescaleSpec spec;
    spec.scales = {static_cast<float>(in.scale(0) / out.scale(0))};
    spec.inputZp = in.zeroPoint(0);
    spec.outputZp = out.zeroPoint(0);
    spec.min = out.qmin;
    spec.max = out.qmax;
    inputs.push_back(buildRescale(op.getLoc(), x.codes, codeType(out), spec));
  }
  Value c = ConcatOp::create(builder, op.getLoc(),
                             withElement(op.getResult(), codeType(out)), inputs,
                             op.getAxisAttr());
  setRep(op.getResult(), c, out);
  lowered.insert(op);
  return success();
}

//===----------------------------------------------------------------------===//
// Float expansion
//===----------------------------------------------------------------------===//

LogicalResult IntegerLowering::expandToFloat(Operation *op) {
  builder.setInsertionPoint(op);
  Location loc = op->getLoc();
  SmallVector<Value> operands;
  for (Value v : op->getOperands()) {
    auto t = llvm::dyn_cast<RankedTensorType>(v.getType());
    if (!t || (!isAffineTensor(t) && !isBinaryTensor(t))) {
      operands.push_back(v);
      continue;
    }
    Value q = v;
    if (reps.count(v))
      q = materialize(reps[v], t);
    operands.push_back(DequantizeOp::create(
        builder, loc, t.clone(getExpressedType(t.getElementType())), q));
  }
  SmallVector<Type> resultTypes;
  for (Type t : op->getResultTypes()) {
    auto rt = llvm::dyn_cast<RankedTensorType>(t);
    resultTypes.push_back(rt && isAffineTensor(rt)
                              ? rt.clone(getExpressedType(rt.getElementType()))
                              : t);
  }
  OperationState state(loc, op->getName(), operands, resultTypes,
                       op->getAttrs());
  Operation *floatOp = builder.create(state);
  LogicalResult valid = success();
  {
    ScopedDiagnosticHandler silence(op->getContext(),
                                    [](Diagnostic &) { return success(); });
    valid = mlir::verify(floatOp, /*verifyRecursively=*/false);
  }
  if (failed(valid)) {
    // Reported outside the silencing handler's scope.
    floatOp->erase();
    return op->emitOpError()
           << "has no integer lowering and no valid float form";
  }
  for (auto [oldResult, newResult] :
       llvm::zip(op->getResults(), floatOp->getResults())) {
    Value replacement = newResult;
    if (oldResult.getType() != newResult.getType())
      replacement =
          QuantizeOp::create(builder, loc, oldResult.getType(), newResult);
    oldResult.replaceAllUsesWith(replacement);
  }
  lowered.insert(op);
  return success();
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

LogicalResult IntegerLowering::run() {
  SmallVector<Operation *> ops;
  func.walk([&](Operation *op) {
    if (op->getDialect() &&
        op->getDialect()->getNamespace() == QNNDialect::getDialectNamespace())
      ops.push_back(op);
  });
  for (Operation *op : ops) {
    bool touchesAffine = llvm::any_of(op->getOperandTypes(), isAffineTensor) ||
                         llvm::any_of(op->getResultTypes(), isAffineTensor);
    // Binary and ternary values are lowered afterwards
    // (LowerBinaryToInteger.cpp).
    // Boundaries and already-integer ops stay.
    if (!touchesAffine || llvm::isa<QuantizeOp, DequantizeOp, RescaleOp>(op))
      continue;
    LogicalResult done = failure();
    if (llvm::isa<ConstantOp>(op)) {
      continue; // Imported on first use; erased below once unused.
    } else if (llvm::isa<Conv2DOp, FullyConnectedOp, MatMulOp>(op)) {
      done = lowerLinear(op);
    } else if (auto r = llvm::dyn_cast<RequantizeOp>(op)) {
      done = lowerRequantize(r);
    } else if (auto c = llvm::dyn_cast<ClampOp>(op)) {
      done = lowerClamp(c);
    } else if (llvm::isa<MaxPool2DOp, ReshapeOp, TransposeOp, PadOp>(op)) {
      done = lowerSameScale(op);
    } else if (auto c = llvm::dyn_cast<ConcatOp>(op)) {
      done = lowerConcat(c);
    }
    if (errorEmitted)
      return failure();
    if (failed(done) && failed(expandToFloat(op)))
      return failure();
  }

  // Rewire the remaining users of lowered values to materialized quantized
  // values, then erase the lowered ops (users first).
  for (Operation *op : lowered) {
    for (Value result : op->getResults()) {
      auto it = reps.find(result);
      if (it == reps.end() || result.use_empty())
        continue;
      bool keptUser = llvm::any_of(result.getUsers(), [&](Operation *u) {
        return !lowered.contains(u);
      });
      if (!keptUser)
        continue;
      builder.setInsertionPointAfterValue(it->second.codes);
      Value q = materialize(it->second,
                            llvm::cast<RankedTensorType>(result.getType()));
      result.replaceUsesWithIf(
          q, [&](OpOperand &use) { return !lowered.contains(use.getOwner()); });
    }
  }
  for (Operation *op : llvm::reverse(lowered)) {
    // Quantized constants whose every user was lowered are dead now.
    for (Value operand : op->getOperands())
      if (auto c = operand.getDefiningOp<ConstantOp>())
        deadConstants.insert(c);
    if (!op->use_empty())
      return op->emitOpError() << "internal error: lowered op still has users";
    op->erase();
  }
  for (ConstantOp c : deadConstants)
    if (c->use_empty())
      c->erase();
  // Boundary conversions that ended up unused (a value imported and then
  // materialized unchanged).
  bool changed = true;
  while (changed) {
    SmallVector<Operation *> dead;
    func.walk([&](Operation *op) {
      if (llvm::isa<quant::StorageCastOp, RescaleOp>(op) && op->use_empty())
        dead.push_back(op);
    });
    changed = !dead.empty();
    for (Operation *op : dead)
      op->erase();
  }
  return success();
}

namespace {
struct QNNLowerToIntegerPass
    : qnn::impl::QNNLowerToIntegerBase<QNNLowerToIntegerPass> {
  using Base::Base;

  void runOnOperation() override {
    std::optional<RoundingMode> mode = symbolizeRoundingMode(rounding);
    if (!mode) {
      emitError(getOperation().getLoc())
          << "unknown rounding mode '" << rounding
          << "' (expected half_even, double_round or single_round)";
      return signalPassFailure();
    }
    IntegerLowering lowering(getOperation(), *mode);
    if (failed(lowering.run()) || failed(lowerBinaryToInteger(getOperation())))
      return signalPassFailure();
  }
};
} // namespace
