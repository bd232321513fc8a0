//===- QuantizeActivations.cpp - QDQ annotations from calibration ranges -===//
//
// Implements -qnn-quantize-activations: every float value that carries a
// calibrated range (`qnn.calib = array<f64: min, max>` on its defining op,
// or as a function argument attribute) gets a quantize -> dequantize pair
// with the parameters of that range, turning a float graph into QDQ form.
// Calibration (quant-compile --calibrate) or the user attaches the ranges;
// the parameters follow ONNX Runtime's min/max rule through the shared
// affine quantizer (range widened to contain 0, zero point rounded).
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/Transforms/Passes.h"
#include "quant/Quantization/WeightQuantizers.h"

#include "mlir/IR/Builders.h"

#include <cmath>

namespace mlir::qnn {
#define GEN_PASS_DEF_QNNQUANTIZEACTIVATIONS
#include "quant/Dialect/QNN/Transforms/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn;

/// The attribute that carries a calibrated [min, max] range.
static constexpr StringLiteral kCalibAttr = "qnn.calib";

namespace {
struct QNNQuantizeActivationsPass
    : qnn::impl::QNNQuantizeActivationsBase<QNNQuantizeActivationsPass> {
  using Base::Base;

  /// The affine element type for values in [lo, hi], or null (with a
  /// diagnostic at `loc`) for a malformed range.
  Type paramsFor(Location loc, Attribute attr, FloatType expressed) {
    auto range = llvm::dyn_cast_if_present<DenseF64ArrayAttr>(attr);
    if (!range || range.size() != 2) {
      emitError(loc) << "'" << kCalibAttr
                     << "' must be array<f64: min, max>, got " << attr;
      return {};
    }
    double lo = range[0], hi = range[1];
    if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi) {
      emitError(loc) << "calibrated range [" << lo << ", " << hi
                     << "] is not a finite interval";
      return {};
    }
    quantizers::SliceMap map;
    std::vector<int64_t> shape = {2};
    std::string why;
    (void)quantizers::computeSlices(shape, quantizers::Granularity{}, map, why);
    quantizers::AffineScheme s = scheme == "symmetric"
                                     ? quantizers::AffineScheme::SymmetricFull
                                     : quantizers::AffineScheme::Asymmetric;
    bool isSigned = !isUnsigned;
    quantizers::AffineResult r = quantizers::quantizeAffine(
        {static_cast<float>(lo), static_cast<float>(hi)}, map, bits, isSigned,
        s);
    MLIRContext *ctx = expressed.getContext();
    return quant::UniformQuantizedType::get(
        isSigned ? quant::QuantizationFlags::Signed : 0,
        IntegerType::get(ctx, bits), expressed, r.scales[0], r.zeroPoints[0],
        r.qmin, r.qmax);
  }

  /// Inserts quantize -> dequantize after `value` and reroutes its users.
  LogicalResult annotate(Value value, Attribute range, Location loc,
                         OpBuilder &builder) {
    auto type = llvm::dyn_cast<RankedTensorType>(value.getType());
    auto expressed =
        type ? llvm::dyn_cast<FloatType>(type.getElementType()) : FloatType();
    if (!expressed)
      return emitError(loc)
             << "'" << kCalibAttr << "' on a value that is not a float tensor";
    Type q = paramsFor(loc, range, expressed);
    if (!q)
      return failure();
    Value quantized = QuantizeOp::create(builder, loc, type.clone(q), value);
    Value real = DequantizeOp::create(builder, loc, type, quantized);
    value.replaceAllUsesExcept(real, quantized.getDefiningOp());
    return success();
  }

  void runOnOperation() override {
    if (scheme != "affine" && scheme != "symmetric") {
      emitError(getOperation().getLoc())
          << "unknown activation scheme '" << scheme
          << "' (expected affine or symmetric)";
      return signalPassFailure();
    }
    if (bits < 2 || bits > 16) {
      emitError(getOperation().getLoc())
          << "bits must be in [2, 16], got " << static_cast<unsigned>(bits);
      return signalPassFailure();
    }
    func::FuncOp func = getOperation();
    OpBuilder builder(func.getContext());
    bool failedAny = false;
    if (!func.isExternal()) {
      builder.setInsertionPointToStart(&func.front());
      for (BlockArgument arg : func.getArguments()) {
        Attribute range = func.getArgAttr(arg.getArgNumber(), kCalibAttr);
        if (!range)
          continue;
        failedAny |= failed(annotate(arg, range, arg.getLoc(), builder));
        func.removeArgAttr(arg.getArgNumber(), kCalibAttr);
      }
    }
    func.walk([&](Operation *op) {
      Attribute range = op->getAttr(kCalibAttr);
      if (!range)
        return;
      op->removeAttr(kCalibAttr);
      if (op->getNumResults() != 1) {
        op->emitError() << "'" << kCalibAttr << "' needs an op with one result";
        failedAny = true;
        return;
      }
      builder.setInsertionPointAfter(op);
      failedAny |=
          failed(annotate(op->getResult(0), range, op->getLoc(), builder));
    });
    if (failedAny)
      signalPassFailure();
  }
};
} // namespace
