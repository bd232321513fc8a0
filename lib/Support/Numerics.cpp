//===- Numerics.cpp - shared quantization numerics -----------------------===//
// STUB
#include "quant/Support/Numerics.h"
#include <cmath>
double mlir::qnn::numerics::roundHalfEven(double x) { return std::nearbyint(x); }
