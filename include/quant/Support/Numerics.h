//===- Numerics.h - shared quantization numerics ------------------*- C++ -*-===//
//
// STUB: the helper implementing the numerics library replaces this file.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_SUPPORT_NUMERICS_H
#define QUANT_SUPPORT_NUMERICS_H

#include <cstdint>

namespace mlir::qnn::numerics {
/// Rounds to the nearest integer, ties to even.
double roundHalfEven(double x);
} // namespace mlir::qnn::numerics

#endif // QUANT_SUPPORT_NUMERICS_H
