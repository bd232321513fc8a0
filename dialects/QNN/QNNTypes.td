//===- QNNTypes.td - qnn element types ---------------------*- tablegen -*-===//
//
// Element types for quantization schemes that upstream `!quant.uniform` does
// not cover: binary {-a,+a}, ternary {-a_n,0,+a_p} and codebook (k-means).
// Each is per tensor, or (binary, ternary) per slice along one axis.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_QNNTYPES_TD
#define QUANT_DIALECT_QNN_QNNTYPES_TD

include "QNN/QNNBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

def QNN_BinaryType : QNN_Type<"Binary", "binary"> {
  let summary = "binary values {-alpha, +alpha}, stored as one bit";
  let description = [{
    A binary element holds -alpha or +alpha. The storage is one bit (`i1`):
    bit 1 is +alpha, bit 0 is -alpha. alpha is either one positive scale for
    the whole tensor or one per slice along `axis` (per output channel, as in
    XNOR-Net where alpha = mean|W| minimizes ||W - alpha*B||^2). Without
    scales alpha is 1: the {-1, +1} activations of a binarized network.

    Syntax:

    ```mlir
    !qnn.binary<f32>                  // {-1, +1}
    !qnn.binary<f32, 0.25>            // {-0.25, +0.25}
    !qnn.binary<f32:0, {0.5, 0.25}>   // per slice along axis 0
    ```
  }];
  let parameters = (ins "::mlir::FloatType":$expressedType, "int32_t":$axis,
                        "::mlir::DenseF64ArrayAttr":$alphas);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let builders = [
    TypeBuilderWithInferredContext<(ins "::mlir::FloatType":$expressedType,
        "int32_t":$axis, "::llvm::ArrayRef<double>":$alphas), [{
      return $_get(expressedType.getContext(), expressedType, axis,
          ::mlir::DenseF64ArrayAttr::get(expressedType.getContext(), alphas));
    }]>
  ];
  let extraClassDeclaration = [{
    /// The scales as doubles (one, or one per slice along the axis).
    ::llvm::ArrayRef<double> getAlphaValues() const {
      return getAlphas().asArrayRef();
    }
    /// True if alpha varies along `getAxis()`.
    bool isPerAxis() const { return getAxis() >= 0; }
    /// The integer type that holds one element: `i1`.
    ::mlir::IntegerType getStorageType() const;
  }];
}

def QNN_TernaryType : QNN_Type<"Ternary", "ternary"> {
  let summary = "ternary values {-alpha_n, 0, +alpha_p}, stored in two bits";
  let description = [{
    A ternary element holds -alpha_n, 0 or +alpha_p, stored as a signed
    two-bit integer (`i2`: -1, 0, +1). TWN uses alpha_n = alpha_p (printed
    once); TTQ learns the two separately. Scales are per tensor or per slice
    along `axis`.

    Syntax:

    ```mlir
    !qnn.ternary<f32, 0.5>                    // {-0.5, 0, 0.5}
    !qnn.ternary<f32, 0.25:0.75>              // {-0.25, 0, 0.75}
    !qnn.ternary<f32:0, {0.5, 0.25:0.125}>    // per slice along axis 0
    ```
  }];
  let parameters = (ins "::mlir::FloatType":$expressedType, "int32_t":$axis,
                        "::mlir::DenseF64ArrayAttr":$negScales,
                        "::mlir::DenseF64ArrayAttr":$posScales);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let builders = [
    TypeBuilderWithInferredContext<(ins "::mlir::FloatType":$expressedType,
        "int32_t":$axis, "::llvm::ArrayRef<double>":$negScales,
        "::llvm::ArrayRef<double>":$posScales), [{
      ::mlir::MLIRContext *ctx = expressedType.getContext();
      return $_get(ctx, expressedType, axis,
          ::mlir::DenseF64ArrayAttr::get(ctx, negScales),
          ::mlir::DenseF64ArrayAttr::get(ctx, posScales));
    }]>
  ];
  let extraClassDeclaration = [{
    ::llvm::ArrayRef<double> getNegScaleValues() const {
      return getNegScales().asArrayRef();
    }
    ::llvm::ArrayRef<double> getPosScaleValues() const {
      return getPosScales().asArrayRef();
    }
    bool isPerAxis() const { return getAxis() >= 0; }
    /// The integer type that holds one element: `i2`.
    ::mlir::IntegerType getStorageType() const;
  }];
}

def QNN_CodebookType : QNN_Type<"Codebook", "codebook"> {
  let summary = "k-bit indices into a table of at most 2^k values";
  let description = [{
    A codebook element is a k-bit unsigned index into a table of float
    values (weight sharing, Deep Compression: the centroids of k-means on the
    weights). The table holds between 1 and 2^k finite entries.

    Syntax (storage `i<k>`, expressed type, table):

    ```mlir
    !qnn.codebook<i2:f32, [-0.5, -0.125, 0.125, 0.5]>
    ```
  }];
  let parameters = (ins "unsigned":$bits, "::mlir::FloatType":$expressedType,
                        "::mlir::DenseF64ArrayAttr":$values);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let builders = [
    TypeBuilderWithInferredContext<(ins "unsigned":$bits,
        "::mlir::FloatType":$expressedType, "::llvm::ArrayRef<double>":$values), [{
      return $_get(expressedType.getContext(), bits, expressedType,
          ::mlir::DenseF64ArrayAttr::get(expressedType.getContext(), values));
    }]>
  ];
  let extraClassDeclaration = [{
    /// The table entries as doubles.
    ::llvm::ArrayRef<double> getTableValues() const {
      return getValues().asArrayRef();
    }
    /// The integer type that holds one index: `i<bits>`.
    ::mlir::IntegerType getStorageType() const;
  }];
}

#endif // QUANT_DIALECT_QNN_QNNTYPES_TD
