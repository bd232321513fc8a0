//===- QNNToLinalg.h - qnn to linalg conversion -------------------*- C++ -*-===//
//
// The convert-qnn-to-linalg pass and its reusable pieces: the type
// converter (quantized tensors to their storage integers) and the pattern
// set, for drivers that run the conversion inside their own pipelines.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_CONVERSION_QNNTOLINALG_H
#define QUANT_CONVERSION_QNNTOLINALG_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::qnn {

#define GEN_PASS_DECL_CONVERTQNNTOLINALG
#include "quant/Conversion/Passes.h.inc"

/// Converts ranked tensors of float and signless integer elements to
/// themselves and tensors of `!quant.uniform` (per tensor, per axis or
/// sub-channel) to tensors of their signless storage integers. Binary,
/// ternary and codebook tensors have no conversion.
class QNNToLinalgTypeConverter : public TypeConverter {
public:
  QNNToLinalgTypeConverter();
};

/// Adds the patterns lowering every supported qnn op (and quant.scast).
void populateQNNToLinalgPatterns(const TypeConverter &converter,
                                 RewritePatternSet &patterns);

/// Reports (with its location) every op under `root` that the conversion
/// cannot lower, naming the op and the reason. Succeeds if there is none.
LogicalResult checkQNNToLinalgSupport(Operation *root);

} // namespace mlir::qnn

#endif // QUANT_CONVERSION_QNNTOLINALG_H
