//===- Lowering.h - helpers shared by the qnn-to-linalg patterns -*- C++
//-*-===//
//
// Private to lib/Conversion/QNNToLinalg: small builders (empty tensors,
// constants, broadcasting operands, generic ops) and the per-group pattern
// population functions. Each op group lives in its own file.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_CONVERSION_QNNTOLINALG_LOWERING_H
#define QUANT_LIB_CONVERSION_QNNTOLINALG_LOWERING_H

#include "quant/Conversion/QNNToLinalg.h"
#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::qnn::lowering {

/// An empty tensor of `type` (static shape).
Value emptyTensor(OpBuilder &b, Location loc, RankedTensorType type);

/// A scalar constant of `type` (float or integer) with value `v`.
Value scalarConstant(OpBuilder &b, Location loc, Type type, double v);

/// A constant of element type `type` and value `v` shaped like `like`: a
/// splat vector if `like` is a vector, else a scalar.
Value constantLike(OpBuilder &b, Location loc, Value like, Type type, double v);

/// A tensor of `type` filled with the scalar `v` (linalg.fill).
Value filledTensor(OpBuilder &b, Location loc, RankedTensorType type, Value v);

/// A dense 1-D constant tensor of `type` elements with `values`.
Value constant1D(OpBuilder &b, Location loc, Type elementType,
                 ArrayRef<double> values);

/// `n` parallel iterator types.
SmallVector<utils::IteratorType> parallelIterators(unsigned n);

/// Collapses the unit dimensions `dims` of `value` away (keeping the
/// order of the others); a rank-0 result when every dimension goes.
Value dropUnitDims(OpBuilder &b, Location loc, Value value,
                   ArrayRef<int64_t> dims);

/// Prepares `value` for numpy broadcasting into an iteration space of
/// shape `outShape` (right-aligned): size-1 dimensions that broadcast are
/// collapsed away. Returns the value to read and its indexing map.
std::pair<Value, AffineMap> broadcastOperand(OpBuilder &b, Location loc,
                                             Value value,
                                             ArrayRef<int64_t> outShape);

/// Builds a linalg.generic over the iteration space of `outType` (all
/// parallel) reading `inputs` through `maps` (one per input; the output
/// map is the identity) and computing one scalar with `body`.
Value buildElementwise(
    OpBuilder &b, Location loc, RankedTensorType outType, ValueRange inputs,
    ArrayRef<AffineMap> maps,
    function_ref<Value(OpBuilder &, Location, ValueRange)> body);

/// The map of a per-slice parameter vector along `axis` of a rank-`rank`
/// iteration space: (d0, ..., d_{rank-1}) -> (d_axis).
AffineMap axisMap(MLIRContext *ctx, unsigned rank, int64_t axis);

/// Rounds an f32 value (or vector) to the nearest integer, ties to even,
/// without a libm call: values of magnitude below 2^23 go through the 1.5 *
/// 2^23 trick, larger ones are integers already.
Value roundHalfEvenF32(OpBuilder &b, Location loc, Value x);

/// Pattern populations, one per op group (see the .cpp files).
void populateLinearPatterns(const TypeConverter &tc, RewritePatternSet &p);
void populatePoolingPatterns(const TypeConverter &tc, RewritePatternSet &p);
void populateElementwisePatterns(const TypeConverter &tc, RewritePatternSet &p);
void populateShapePatterns(const TypeConverter &tc, RewritePatternSet &p);
void populateQuantPatterns(const TypeConverter &tc, RewritePatternSet &p);
void populateBinarizePatterns(const TypeConverter &tc, RewritePatternSet &p);

/// Replaces each binarize -> dequantize pair on f32 by its float
/// definition (BinaryOps.cpp); runs before the dialect conversion.
void lowerBinarizePairs(ModuleOp module);

/// The reason the conversion cannot lower `op`, or an empty string.
std::string unsupportedReason(Operation *op);

} // namespace mlir::qnn::lowering

#endif // QUANT_LIB_CONVERSION_QNNTOLINALG_LOWERING_H
