//===- Passes.h - qnn conversion pass declarations ----------------*- C++
//-*-===//
//
// Declarations and registration of the passes that lower qnn out of its
// dialect (convert-qnn-to-linalg).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_CONVERSION_PASSES_H
#define QUANT_CONVERSION_PASSES_H

#include "quant/Conversion/QNNToLinalg.h"

namespace mlir::qnn {

#define GEN_PASS_REGISTRATION
#include "quant/Conversion/Passes.h.inc"

} // namespace mlir::qnn

#endif // QUANT_CONVERSION_PASSES_H
