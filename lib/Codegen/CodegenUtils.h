//===- CodegenUtils.h - helpers shared by the codegen passes --*- C++ -*-===//
//
// Private to lib/Codegen.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_CODEGEN_CODEGENUTILS_H
#define QUANT_LIB_CODEGEN_CODEGENUTILS_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::qnn::compiler {

/// An index constant.
Value cIdx(OpBuilder &b, Location loc, int64_t v);

/// A 1-D vector.transfer_read of `type` at `indices`, in bounds (the
/// padding, if given, is kept for readers of the IR; it is never read).
Value readVector(OpBuilder &b, Location loc, VectorType type, Value source,
                 ValueRange indices, Value padding = {});

/// A 1-D vector.transfer_write of `v` at `indices`, in bounds unless
/// `inBounds` is false; returns the written tensor (null for a memref).
Value writeVector(OpBuilder &b, Location loc, Value v, Value dest,
                  ValueRange indices, bool inBounds = true);

/// Emits `body(i, t)` for i = from, from + step, ... < to as an scf.for
/// that threads one tensor `t` through (starting at `init`; nothing when
/// the range is empty); returns the final tensor.
Value forEach(OpBuilder &b, Location loc, int64_t from, int64_t to,
              int64_t step, Value init,
              function_ref<Value(OpBuilder &, Location, Value, Value)> body);

/// Runs every canonicalization pattern of the loaded dialects and
/// registered ops on `root` (what -canonicalize does), greedily.
LogicalResult canonicalize(Operation *root);

} // namespace mlir::qnn::compiler

#endif // QUANT_LIB_CODEGEN_CODEGENUTILS_H
