//===- Evaluator.h - naive reference interpreter of qnn graphs ---*- C++
//-*-===//
//
// The independent reference the end-to-end tests compare compiled code
// against: it walks a function of qnn / quant / arith ops and evaluates
// each op with straightforward loops written from the op descriptions
// (ODS), sharing no code with the compiler. Float ops compute in double;
// the ops whose definition is f32 arithmetic (quantize, dequantize,
// rescale half_even) compute in float, and integer ops exactly. Linear ops
// on affine (!quant.uniform) operands sum the zero-point-centered codes
// exactly and requantize half_even with the f32 scale (s_x * s_w) / s_y
// (ONNX Runtime's rule). Binary, ternary and codebook tensors hold codes
// (-1 / +1, -1 / 0 / +1, indices); ops on them compute on their
// dequantized reals (the original semantics the integer lowering must
// reproduce), binarize compares reals. Ops defined on real values (add,
// mul, sub, div, clamp, leaky_relu, sigmoid, average pooling, softmax)
// dequantize quantized operands in f32, compute in double and quantize a
// quantized result as qnn.quantize does (f32 division, half to even,
// saturation); requantize (half_even) and concat requantize codes, pad
// writes the code of its value, max pooling compares reals. A quantized
// type an op is not modelled on is an error naming the op and the type,
// never a computation on raw codes.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_TEST_E2E_REF_EVALUATOR_H
#define QUANT_TEST_E2E_REF_EVALUATOR_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Value.h"

#include <string>
#include <vector>

namespace qnnref {

/// A dense tensor. Integer values are held in the interpretation of their
/// element type: signless and signed integers as signed, unsigned ones
/// (and unsigned quantized storage) as unsigned.
struct Tensor {
  std::vector<int64_t> shape;
  std::vector<double> values;
  bool isFloat = true;

  int64_t size() const;
  /// Row-major strides of `shape`.
  std::vector<int64_t> strides() const;
};

/// The integer range of an element type (storage range of a quantized
/// type); false for floats.
bool integerRange(mlir::Type elementType, int64_t &lo, int64_t &hi);

/// Evaluates `func` on `inputs` (one per argument). Returns false and sets
/// `error` for an op it cannot evaluate.
bool evaluate(mlir::func::FuncOp func, const std::vector<Tensor> &inputs,
              std::vector<Tensor> &outputs, std::string &error);

} // namespace qnnref

#endif // QUANT_TEST_E2E_REF_EVALUATOR_H
