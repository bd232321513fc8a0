//===- QNNBase.td - qnn dialect definition and enums -------*- tablegen -*-===//
//
// The `qnn` dialect: quantized and binarized tensor graphs. This file holds
// the dialect itself, the rounding-mode enum shared by the requantizing ops,
// and the base classes for qnn types and ops; it includes the shared operand
// and attribute constraints (QNNTypeConstraints.td).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_QNNBASE_TD
#define QUANT_DIALECT_QNN_QNNBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def QNN_Dialect : Dialect {
  let name = "qnn";
  let cppNamespace = "::mlir::qnn";
  let summary = "Quantized and binarized neural-network tensor graphs";
  let description = [{
    The `qnn` dialect describes neural-network graphs on tensors whose element
    types say how values are quantized. A float graph is a `qnn` graph with
    `f32` elements; quantizing it is a change of element types:

    * affine (uniform) quantization uses upstream `!quant.uniform` types, per
      tensor, per axis or per sub-channel block;
    * `!qnn.binary` holds values in {-alpha, +alpha} (XNOR-Net, BNN);
    * `!qnn.ternary` holds values in {-alpha_n, 0, +alpha_p} (TWN, TTQ);
    * `!qnn.codebook` holds k-bit indices into a table of at most 2^k floats
      (k-means / Deep Compression weight sharing).

    Graph ops (`qnn.conv2d`, `qnn.matmul`, ...) are polymorphic over these
    element types; their verifiers reject combinations without a meaning.
    `qnn.rescale` is the integer-level op the integer lowering produces.

    Layout conventions follow ONNX: activations are NCHW, convolution weights
    OIHW.
  }];
  let dependentDialects = ["::mlir::quant::QuantDialect"];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    /// Registers the qnn element types (QNNTypes.cpp).
    void registerTypes();
  }];
}

//===----------------------------------------------------------------------===//
// Rounding modes
//===----------------------------------------------------------------------===//

def QNN_RoundHalfEven : I32EnumAttrCase<"HalfEven", 0, "half_even">;
def QNN_RoundDouble : I32EnumAttrCase<"DoubleRound", 1, "double_round">;
def QNN_RoundSingle : I32EnumAttrCase<"SingleRound", 2, "single_round">;

def QNN_RoundingMode : I32EnumAttr<"RoundingMode",
    "how a requantization rounds", [QNN_RoundHalfEven, QNN_RoundDouble,
                                    QNN_RoundSingle]> {
  let cppNamespace = "::mlir::qnn";
  let genSpecializedAttr = 0;
  let description = [{
    Every inference stack rounds requantizations differently; `qnn` names the
    mode explicitly instead of picking one silently (upstream
    `lower-quant-ops` truncates).

    * `half_even`: ONNX / ONNX Runtime semantics. The real scale is an f32;
      the value is converted to f32, multiplied by the scale in f32, rounded
      to the nearest integer with ties to even, offset by the zero point and
      saturated.
    * `double_round`: gemmlowp / TFLite fixed point (TOSA `DOUBLE_ROUND`
      computes the same). With the qnn.rescale multiplier m and shift s
      (real = m * 2^-s), TFLite's MultiplyByQuantizedMultiplier with shift
      31 - s: SaturatingRoundingDoublingHighMul (which rounds ties toward
      +infinity: floor((a*b + 2^30) / 2^31)), then RoundingDivideByPOT
      (ties away from zero), so a value can be rounded twice.
    * `single_round`: TOSA `SINGLE_ROUND` / XNNPACK. The 64-bit product
      `x * multiplier` is shifted right once with round half up
      (add 2^(shift-1), arithmetic shift).

    `include/quant/Support/Numerics.h` implements all three bit-exactly;
    folders, the integer lowering and the code generator use it.
  }];
}

def QNN_RoundingModeAttr : EnumAttr<QNN_Dialect, QNN_RoundingMode, "rounding"> {
  let assemblyFormat = "$value";
}

include "QNN/QNNTypeConstraints.td"

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

// Checks shared by every qnn op, so the ops' own verifiers need not repeat
// them: the quantization parameters of its tensor operands and results
// (zero points in the storage range, per-axis / per-block parameters that fit
// the shape), and no unknown attributes (a misspelled `stride` must not be
// silently ignored; discardable attributes need a dialect prefix).
def QNN_QNNOpInvariants : NativeOpTrait<"QNNOpInvariants"> {
  let cppNamespace = "::mlir::qnn::OpTrait";
}

class QNN_Op<string mnemonic, list<Trait> traits = []>
    : Op<QNN_Dialect, mnemonic, !listconcat(traits, [QNN_QNNOpInvariants])>;

class QNN_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<QNN_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

#endif // QUANT_DIALECT_QNN_QNNBASE_TD
