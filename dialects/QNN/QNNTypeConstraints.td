//===- QNNTypeConstraints.td - qnn operand type constraints -*- tablegen -*-===//
//
// Element-type predicates and tensor / attribute constraints shared by the
// qnn ops, modelled on upstream QuantBase.td and TosaTypesBase.td. They
// state in ODS what an operand or result may hold (and so what the
// generated dialect reference documents); the op verifiers in C++ keep only
// the rules that relate several operands, results or attributes.
//
// Element kinds follow `mlir::qnn::ElementKind` (QNN.h): float, integer,
// affine (`!quant.uniform` per tensor, per axis or sub-channel), binary,
// ternary, codebook.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_QNNTYPECONSTRAINTS_TD
#define QUANT_DIALECT_QNN_QNNTYPECONSTRAINTS_TD

include "mlir/IR/CommonTypeConstraints.td"
include "mlir/IR/CommonAttrConstraints.td"

//===----------------------------------------------------------------------===//
// Element types
//===----------------------------------------------------------------------===//

// Upstream `!quant.uniform`: per tensor, per axis or per sub-channel block.
def QNN_AffineElement : Type<
    CPred<"::llvm::isa<::mlir::quant::UniformQuantizedType, "
          "::mlir::quant::UniformQuantizedPerAxisType, "
          "::mlir::quant::UniformQuantizedSubChannelType>($_self)">,
    "`!quant.uniform`">;

// `!quant.uniform` with one scale and zero point for the whole tensor.
def QNN_PerTensorAffineElement : Type<
    CPred<"::llvm::isa<::mlir::quant::UniformQuantizedType>($_self)">,
    "per-tensor `!quant.uniform`">;

def QNN_BinaryElement : Type<
    CPred<"::llvm::isa<::mlir::qnn::BinaryType>($_self)">, "`!qnn.binary`">;
def QNN_TernaryElement : Type<
    CPred<"::llvm::isa<::mlir::qnn::TernaryType>($_self)">, "`!qnn.ternary`">;
def QNN_CodebookElement : Type<
    CPred<"::llvm::isa<::mlir::qnn::CodebookType>($_self)">,
    "`!qnn.codebook`">;

// The dialect's own low-bit element types.
def QNN_LowBitElement : AnyTypeOf<
    [QNN_BinaryElement, QNN_TernaryElement, QNN_CodebookElement],
    "low-bit (`!qnn.binary`, `!qnn.ternary` or `!qnn.codebook`)">;

// Any quantized element type (`mlir::qnn::isQuantizedElement`).
def QNN_QuantizedElement : AnyTypeOf<[QNN_AffineElement, QNN_LowBitElement],
    "quantized (`!quant.uniform`, `!qnn.binary`, `!qnn.ternary` or "
    "`!qnn.codebook`)">;

// Signless integers of at most `width` bits.
class QNN_SignlessIntUpTo<int width> : Type<
    And<[CPred<"$_self.isSignlessInteger()">,
         CPred<"::llvm::cast<::mlir::IntegerType>($_self).getWidth() <= "
               # width>]>,
    "signless integer of at most " # width # " bits", "::mlir::IntegerType">;

// A plain integer of the ONNX integer arithmetic ops.
def QNN_PlainInt : AnyTypeOf<[I8, I16, I32, I64],
    "8-, 16-, 32- or 64-bit signless integer">;

// Every element kind a qnn tensor may hold (float, integer, quantized).
def QNN_ValueElement : AnyTypeOf<[AnyFloat, AnyInteger, QNN_QuantizedElement],
    "float, integer or quantized">;

//===----------------------------------------------------------------------===//
// Tensors
//===----------------------------------------------------------------------===//

// A ranked tensor of `types` whose rank is one of `ranks`.
class QNN_TensorRankOf<list<Type> types, list<int> ranks>
    : TensorRankOf<types, ranks>;

// A ranked tensor of `types` with rank >= `rank`.
class QNN_TensorMinRankOf<list<Type> types, int rank>
    : RankedTensorOf<types,
        [CPred<"::llvm::cast<::mlir::ShapedType>($_self).getRank() >= "
               # rank>],
        "rank >= " # rank # " tensor">;

def QNN_FloatTensor : RankedTensorOf<[AnyFloat]>;
def QNN_SignlessIntTensor : RankedTensorOf<[AnySignlessInteger]>;
def QNN_PlainIntTensor : RankedTensorOf<[QNN_PlainInt]>;
def QNN_AffineTensor : RankedTensorOf<[QNN_AffineElement]>;
def QNN_QuantizedTensor : RankedTensorOf<[QNN_QuantizedElement]>;
// Real values the arithmetic ops compute on: float or `!quant.uniform`.
def QNN_RealTensor : RankedTensorOf<[AnyFloat, QNN_AffineElement]>;
def QNN_PerTensorRealTensor
    : RankedTensorOf<[AnyFloat, QNN_PerTensorAffineElement]>;
// Anything a qnn tensor may hold: float, integer or quantized values.
def QNN_ValueTensor : RankedTensorOf<[QNN_ValueElement]>;
def QNN_I64Tensor : RankedTensorOf<[I64]>;

// Operands of the linear ops (conv2d, fully_connected, matmul) by role:
// activations (float, affine, binary or, in the integer form, signless
// integer), weights (any value), bias (float, affine or i32) and result
// (float, affine or the i32 accumulator).
defvar QNN_LinearInputTypes =
    [AnyFloat, QNN_AffineElement, QNN_BinaryElement, AnySignlessInteger];
defvar QNN_LinearWeightTypes =
    [AnyFloat, QNN_QuantizedElement, AnySignlessInteger];
defvar QNN_LinearBiasTypes = [AnyFloat, QNN_AffineElement, I32];
defvar QNN_LinearResultTypes = [AnyFloat, QNN_AffineElement, I32];

// An NCHW activation or OIHW weight tensor.
class QNN_4DTensorOf<list<Type> types> : QNN_TensorRankOf<types, [4]>;
// A per-channel parameter vector.
class QNN_1DTensorOf<list<Type> types> : QNN_TensorRankOf<types, [1]>;

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

// `n` entries, each >= 1 (kernel sizes, strides, dilations).
class QNN_PositiveI64Array<int n>
    : ConfinedAttr<DenseI64ArrayAttr,
                   [DenseArrayCount<n>,
                    DenseArrayStrictlyPositive<DenseI64ArrayAttr>]>;
// `n` entries, each >= 0 (padding).
class QNN_NonNegativeI64Array<int n>
    : ConfinedAttr<DenseI64ArrayAttr,
                   [DenseArrayCount<n>,
                    DenseArrayNonNegative<DenseI64ArrayAttr>]>;
// Any number of entries, each >= 0 (pads of any rank).
def QNN_NonNegativeI64ArrayAttr
    : ConfinedAttr<DenseI64ArrayAttr,
                   [DenseArrayNonNegative<DenseI64ArrayAttr>]>;

def QNN_PositiveI64Attr : ConfinedAttr<I64Attr, [IntPositive]>;
def QNN_NonNegativeI64Attr : ConfinedAttr<I64Attr, [IntNonNegative]>;

#endif // QUANT_DIALECT_QNN_QNNTYPECONSTRAINTS_TD
