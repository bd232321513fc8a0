//===- EvaluatorDetail.h - helpers shared by the qnn-ref files ---*- C++
//-*-===//
//
// Private to test/e2e/ref: the tensor helpers Evaluator.cpp defines, the
// quantization ops and code / real conversions of QuantOps.cpp and the
// evaluators of the ops that live in MoreOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_TEST_E2E_REF_EVALUATORDETAIL_H
#define QUANT_TEST_E2E_REF_EVALUATORDETAIL_H

#include "Evaluator.h"

#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/IR/Operation.h"

#include <functional>

namespace qnnref::detail {

/// Wraps the integer `v` into [lo, hi] modulo the width (two's complement
/// reinterpretation of the low bits).
double wrapInto(int64_t v, int64_t lo, int64_t hi);

/// A zero tensor shaped as the ranked tensor type `t`.
Tensor make(mlir::Type t);

/// Calls `f` with every multi-index of `shape` (and its linear position).
void forEach(
    const std::vector<int64_t> &shape,
    const std::function<void(const std::vector<int64_t> &, int64_t)> &f);

/// Numpy broadcasting: the linear position in `in` of output index `idx`.
int64_t broadcastIndex(const Tensor &in, const std::vector<int64_t> &idx);

/// The linear position in the NCHW tensor `key` of the largest element of
/// the 2-D pooling window of output index `out` (first in row-major window
/// order on ties; padded positions never win), or -1 for a window of
/// padding only.
int64_t windowArgMax(const Tensor &key, const std::vector<int64_t> &out,
                     llvm::ArrayRef<int64_t> kernel,
                     llvm::ArrayRef<int64_t> strides,
                     llvm::ArrayRef<int64_t> dilations,
                     llvm::ArrayRef<int64_t> padding);

//===----------------------------------------------------------------------===//
// QuantOps.cpp
//===----------------------------------------------------------------------===//

/// True for a tensor of binary, ternary or codebook elements (held as
/// codes: -1 / +1, -1 / 0 / +1, table indices).
bool isLowBitKind(mlir::Type t);

/// The real value of the binary / ternary / codebook `code` in slice `s` of
/// element type `elt`, in the expressed f32: +-alpha, the scaled sign, the
/// table entry.
double lowBitReal(mlir::Type elt, double code, int64_t s);

/// Reals of any tensor of type `type`: binary, ternary, codebook as
/// lowBitReal; affine codes dequantized in f32; anything else unchanged.
Tensor realsOf(const Tensor &x, mlir::Type type);

/// Scale and zero point of the affine `elt` for the slice of index `idx`.
void affineParams(mlir::Type elt, const std::vector<int64_t> &idx,
                  double &scale, int64_t &zp);

/// The rounded value `r` plus the zero point `zp`, saturated to
/// [qmin, qmax].
double saturateCode(float r, int64_t zp, int64_t qmin, int64_t qmax);

/// The code of the real `v` at index `idx` of a tensor of element type
/// `elt` (as qnn.quantize computes it).
double codeOfReal(mlir::Type elt, double v, const std::vector<int64_t> &idx);

/// The reals `x` quantized to the element type of `type` (codeOfReal).
Tensor quantizeTo(const Tensor &x, mlir::Type type);

/// The half_even requantization of the affine code `q` at index `inIdx` of
/// element type `inElt` to `outElt` at index `outIdx`.
double requantCode(double q, mlir::Type inElt,
                   const std::vector<int64_t> &inIdx, mlir::Type outElt,
                   const std::vector<int64_t> &outIdx);

/// The same values in the interpretation of `type` (quant.scast).
Tensor retype(const Tensor &x, mlir::Type type);

/// The ops of the quantization family.
Tensor rescale(mlir::qnn::RescaleOp op, const Tensor &x);
Tensor requantize(mlir::qnn::RequantizeOp op, const Tensor &x);
Tensor binarize(mlir::qnn::BinarizeOp op, const Tensor &in);

//===----------------------------------------------------------------------===//
// MoreOps.cpp
//===----------------------------------------------------------------------===//

/// Evaluates the plain integer ops (int_add, int_sub, int_mul, int_div,
/// int_clamp) and max_pool2d_indices into `r`; false for other ops.
bool evaluateMoreOps(mlir::Operation &op, const std::vector<const Tensor *> &in,
                     Tensor &r);

} // namespace qnnref::detail

#endif // QUANT_TEST_E2E_REF_EVALUATORDETAIL_H
