//===- QNNIntegerOps.td - plain integer arithmetic ---------*- tablegen -*-===//
//
// Elementwise arithmetic on plain integer tensors with ONNX integer
// semantics (wrap-around, truncating division, clipping), for ONNX graphs
// that compute on integers that are not quantized reals: Add/Sub/Mul/Div/
// Clip on uint8, int32, ... tensors. The real-valued ops (qnn.add, ...)
// stay float or quantized; these never requantize.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_QNNINTEGEROPS_TD
#define QUANT_DIALECT_QNN_QNNINTEGEROPS_TD

class QNN_IntegerBinaryOp<string mnemonic, string what, string formula,
                          string extra, list<Trait> traits = []>
    : QNN_Op<mnemonic, !listconcat([Pure], traits)> {
  let summary = "integer " # what # " with numpy broadcasting (ONNX semantics)";
  let description = [{
    y = }] # formula # [{ elementwise on signless integer tensors of one
    type (8, 16, 32 or 64 bits), with shapes broadcasting as in numpy / ONNX
    (right-aligned; each dimension equal or 1). The values are plain
    integers, not quantized reals: nothing is rescaled.}] # extra # [{
    `is_unsigned` says the tensors hold unsigned integers (ONNX uint8, ...).

    Example:

    ```mlir
    %y = qnn.}] # mnemonic # [{ %a, %b {is_unsigned} : (tensor<3x4xi8>, tensor<4xi8>) -> tensor<3x4xi8>
    ```
  }];
  let arguments = (ins QNN_PlainIntTensor:$lhs, QNN_PlainIntTensor:$rhs,
                       UnitAttr:$is_unsigned);
  let results = (outs QNN_PlainIntTensor:$output);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
}

def QNN_IntAddOp : QNN_IntegerBinaryOp<"int_add", "addition", "lhs + rhs", [{
    The sum wraps around modulo 2^bits (ONNX Add on integers), so signed and
    unsigned addition are the same bits.}], [Commutative]>;
def QNN_IntSubOp : QNN_IntegerBinaryOp<"int_sub", "subtraction", "lhs - rhs", [{
    The difference wraps around modulo 2^bits (ONNX Sub on integers).}]>;
def QNN_IntMulOp : QNN_IntegerBinaryOp<"int_mul", "multiplication",
                                       "lhs * rhs", [{
    The product wraps around modulo 2^bits (ONNX Mul on integers).}],
                                       [Commutative]>;
def QNN_IntDivOp : QNN_IntegerBinaryOp<"int_div", "division", "lhs / rhs", [{
    The quotient is truncated toward zero (ONNX Div on integers, as ONNX
    Runtime computes it), unsigned when `is_unsigned` is set. Two cases that
    have no integer quotient are defined so that no input traps: division
    by zero gives 0 and the signed minimum divided by -1 wraps around to
    the signed minimum.}]>;

def QNN_IntClampOp : QNN_Op<"int_clamp", [Pure, SameOperandsAndResultType]> {
  let summary = "clamp integers to [min, max] (ONNX Clip on integers)";
  let description = [{
    y = min(max(x, min), max) elementwise on a signless integer tensor,
    comparing as unsigned integers when `is_unsigned` is set. `min` and
    `max` are integers inside the element type's range (read as unsigned
    when `is_unsigned` is set) with min <= max.

    Example:

    ```mlir
    %y = qnn.int_clamp %x {min = -5 : i64, max = 5 : i64} : tensor<3x4xi8>
    ```
  }];
  let arguments = (ins QNN_PlainIntTensor:$input, I64Attr:$min, I64Attr:$max,
                       UnitAttr:$is_unsigned);
  let results = (outs QNN_PlainIntTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

#endif // QUANT_DIALECT_QNN_QNNINTEGEROPS_TD
