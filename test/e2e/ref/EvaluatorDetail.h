//===- EvaluatorDetail.h - helpers shared by the qnn-ref files ---*- C++ -*-===//
//
// Private to test/e2e/ref: the tensor helpers Evaluator.cpp defines and
// the evaluators of the ops that live in MoreOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_TEST_E2E_REF_EVALUATORDETAIL_H
#define QUANT_TEST_E2E_REF_EVALUATORDETAIL_H

#include "Evaluator.h"

#include "mlir/IR/Operation.h"

#include <functional>

namespace qnnref::detail {

/// Wraps the integer `v` into [lo, hi] modulo the width (two's complement
/// reinterpretation of the low bits).
double wrapInto(int64_t v, int64_t lo, int64_t hi);

/// A zero tensor shaped as the ranked tensor type `t`.
Tensor make(mlir::Type t);

/// Calls `f` with every multi-index of `shape` (and its linear position).
void forEach(const std::vector<int64_t> &shape,
             const std::function<void(const std::vector<int64_t> &, int64_t)>
                 &f);

/// Numpy broadcasting: the linear position in `in` of output index `idx`.
int64_t broadcastIndex(const Tensor &in, const std::vector<int64_t> &idx);

/// Evaluates the plain integer ops (int_add, int_sub, int_mul, int_div,
/// int_clamp) and max_pool2d_indices into `r`; false for other ops.
bool evaluateMoreOps(mlir::Operation &op,
                     const std::vector<const Tensor *> &in, Tensor &r);

} // namespace qnnref::detail

#endif // QUANT_TEST_E2E_REF_EVALUATORDETAIL_H
