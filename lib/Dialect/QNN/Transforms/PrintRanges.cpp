//===- PrintRanges.cpp - accumulator widths and parameters as remarks ----===//
//
// Implements -qnn-print-ranges: a read-only pass that reports, as remarks,
// the accumulator annotations of -qnn-propagate-scales (`qnn.acc_bits`,
// `qnn.acc_range`, `qnn.acc_type`) and the parameters of every quantize and
// dequantize. Tests check them with -verify-diagnostics.
//
//===----------------------------------------------------------------------===//

#include "QuantParamsAnalysis.h"

#include "quant/Dialect/QNN/Transforms/Passes.h"

#include "llvm/ADT/StringExtras.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_QNNPRINTRANGES
#include "quant/Dialect/QNN/Transforms/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn;

/// "i8 scale 0.5 zero point -3, reals [-62.5, 65]" for a per-tensor affine
/// type, "u8 per axis 1: scales [0.5, 0.25], zero points [128, 128]" per
/// axis, and the type itself otherwise.
static std::string describe(Type elt) {
  std::string text;
  llvm::raw_string_ostream os(text);
  std::optional<AffineParams> p = getAffineParams(elt);
  if (!p) {
    os << elt;
    return text;
  }
  os << (p->isSigned ? "i" : "u") << p->storageBits;
  if (p->axis < 0) {
    double s = p->scale(0);
    int64_t zp = p->zeroPoint(0);
    os << " scale " << formatDouble(s) << " zero point " << zp << ", reals ["
       << formatDouble(static_cast<double>(p->qmin - zp) * s) << ", "
       << formatDouble(static_cast<double>(p->qmax - zp) * s) << "]";
    return text;
  }
  os << " per axis " << p->axis << ": scales [";
  llvm::interleaveComma(p->scales, os,
                        [&](double s) { os << formatDouble(s); });
  os << "], zero points [";
  llvm::interleaveComma(p->zeroPoints, os);
  os << "]";
  return text;
}

namespace {
struct QNNPrintRangesPass : qnn::impl::QNNPrintRangesBase<QNNPrintRangesPass> {
  using Base::Base;

  void runOnOperation() override {
    getOperation().walk([](Operation *op) {
      if (auto q = llvm::dyn_cast<QuantizeOp>(op)) {
        q.emitRemark() << "quantize to "
                       << describe(q.getType().getElementType());
        return;
      }
      if (auto dq = llvm::dyn_cast<DequantizeOp>(op)) {
        dq.emitRemark() << "dequantize from "
                        << describe(dq.getInput().getType().getElementType());
        return;
      }
      auto bits = op->getAttrOfType<IntegerAttr>("qnn.acc_bits");
      if (!bits)
        return;
      InFlightDiagnostic remark = op->emitRemark();
      remark << "accumulator needs " << bits.getInt() << " bits";
      if (auto range = op->getAttrOfType<DenseI64ArrayAttr>("qnn.acc_range");
          range && range.size() == 2)
        remark << " (range [" << range[0] << ", " << range[1] << "])";
      if (auto type = op->getAttrOfType<TypeAttr>("qnn.acc_type")) {
        // Printed through a string: diagnostics quote streamed types.
        std::string name;
        llvm::raw_string_ostream(name) << type.getValue();
        remark << ", uses " << name;
      }
    });
  }
};
} // namespace
