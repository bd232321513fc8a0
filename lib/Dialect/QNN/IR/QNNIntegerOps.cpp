//===- QNNIntegerOps.cpp - plain integer arithmetic verifiers -------------===//
//
// Verifiers of the ops declared in QNNIntegerOps.td: int_add, int_sub,
// int_mul and int_div check numpy broadcasting and one element type for all
// three tensors; int_clamp checks its bounds against that type's (signed or
// unsigned) range. ODS has checked that every tensor holds signless
// integers of 8, 16, 32 or 64 bits.
//
//===----------------------------------------------------------------------===//

#include "QNNVerifyUtils.h"
#include "quant/Dialect/QNN/IR/QNN.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::verifyutil;

/// Shared verifier of the broadcasting integer ops.
static LogicalResult verifyIntegerBinary(Operation *op) {
  RankedTensorType l = tensorTypeOf(op->getOperand(0));
  RankedTensorType r = tensorTypeOf(op->getOperand(1));
  RankedTensorType out = tensorTypeOf(op->getResult(0));
  if (failed(verifyBroadcast(op, l, r, out)))
    return failure();
  Type elt = out.getElementType();
  if (l.getElementType() != elt || r.getElementType() != elt)
    return op->emitOpError() << "expects operands and result of one integer "
                                "type, got "
                             << l.getElementType() << ", " << r.getElementType()
                             << " and " << elt;
  return success();
}

LogicalResult IntAddOp::verify() { return verifyIntegerBinary(*this); }
LogicalResult IntSubOp::verify() { return verifyIntegerBinary(*this); }
LogicalResult IntMulOp::verify() { return verifyIntegerBinary(*this); }
LogicalResult IntDivOp::verify() { return verifyIntegerBinary(*this); }

LogicalResult IntClampOp::verify() {
  Type elt = getType().getElementType();
  unsigned width = elt.getIntOrFloatBitWidth();
  int64_t lo = getMin(), hi = getMax();
  if (getIsUnsigned()) {
    // Bounds are read as unsigned; 64-bit ones may use the whole range.
    uint64_t limit = width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
    if (width < 64 && (lo < 0 || hi < 0 || static_cast<uint64_t>(lo) > limit ||
                       static_cast<uint64_t>(hi) > limit))
      return emitOpError() << "expects bounds in [0, " << limit
                           << "] for unsigned " << width << "-bit values, got ["
                           << lo << ", " << hi << "]";
    if (static_cast<uint64_t>(lo) > static_cast<uint64_t>(hi))
      return emitOpError() << "expects min <= max, got "
                           << static_cast<uint64_t>(lo) << " > "
                           << static_cast<uint64_t>(hi);
    return success();
  }
  if (width < 64) {
    int64_t limit = int64_t{1} << (width - 1);
    if (lo < -limit || hi < -limit || lo >= limit || hi >= limit)
      return emitOpError() << "expects bounds in [" << -limit << ", "
                           << limit - 1 << "] for signed " << width
                           << "-bit values, got [" << lo << ", " << hi << "]";
  }
  if (lo > hi)
    return emitOpError() << "expects min <= max, got " << lo << " > " << hi;
  return success();
}
