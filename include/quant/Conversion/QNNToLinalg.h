//===- QNNToLinalg.h - qnn to linalg conversion -------------------*- C++
//-*-===//
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
#include "quant/Dialect/QNN/IR/QNN.h"

#include <optional>

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

/// A half_even qnn.rescale whose every step fits 32-bit integers and f32
/// (see getHalfEvenRescale32).
struct HalfEvenRescale32 {
  int64_t inputZp = 0, outputZp = 0, lo = 0, hi = 0;
  bool inputUnsigned = false;
};

/// The parameters of `op` (whose input storage elements are `inputElement`)
/// if it rounds half_even and its arithmetic fits 32 bits: x - input_zp in
/// i32, and [min - output_zp, max - output_zp] exact in f32. The values are
/// then those of the i64 form, in twice the vector lanes.
std::optional<HalfEvenRescale32> getHalfEvenRescale32(RescaleOp op,
                                                      Type inputElement);

/// clamp(round_half_even(f32(x - input_zp) * scale) + output_zp, min, max)
/// as elements of `outElement`, for the integer scalar or vector `x` and the
/// f32 `scale` of the same shape: the convert-qnn-to-linalg lowering of such
/// a rescale, and the requantizing epilogue of the conv kernels.
Value buildHalfEvenRescale32(OpBuilder &b, Location loc,
                             const HalfEvenRescale32 &r, Value x, Value scale,
                             Type outElement);

/// Reports (with its location) every op under `root` that the conversion
/// cannot lower, naming the op and the reason. Succeeds if there is none.
LogicalResult checkQNNToLinalgSupport(Operation *root);

} // namespace mlir::qnn

#endif // QUANT_CONVERSION_QNNTOLINALG_H
