//===- QNNTypesTest.cpp - unit tests of the qnn element types ------------===//
//
// Parsing, printing, builders and the element-type helpers of QNN.h, tested
// through the C++ API (the lit tests cover the textual forms in IR).
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace mlir::qnn;

namespace {

class QNNTypesTest : public ::testing::Test {
protected:
  QNNTypesTest() {
    context.loadDialect<QNNDialect, quant::QuantDialect>();
    // Collect diagnostics instead of printing them.
    handler = std::make_unique<ScopedDiagnosticHandler>(
        &context, [this](Diagnostic &diag) {
          diagnostics.push_back(diag.str());
          return success();
        });
  }

  /// Parses `text` as a type; null on error.
  Type parse(StringRef text) { return parseType(text, &context); }

  /// Prints `type` to a string.
  static std::string print(Type type) {
    std::string out;
    llvm::raw_string_ostream os(out);
    type.print(os);
    return out;
  }

  MLIRContext context;
  std::unique_ptr<ScopedDiagnosticHandler> handler;
  std::vector<std::string> diagnostics;
};

TEST_F(QNNTypesTest, BinaryParsePrint) {
  auto unit = llvm::dyn_cast_or_null<BinaryType>(parse("!qnn.binary<f32>"));
  ASSERT_TRUE(unit);
  EXPECT_FALSE(unit.isPerAxis());
  EXPECT_EQ(unit.getAlphaValues(), ArrayRef<double>({1.0}));
  EXPECT_EQ(print(unit), "!qnn.binary<f32>");

  auto perAxis = llvm::dyn_cast_or_null<BinaryType>(
      parse("!qnn.binary<f32:1, {0.5, 0.1}>"));
  ASSERT_TRUE(perAxis);
  EXPECT_TRUE(perAxis.isPerAxis());
  EXPECT_EQ(perAxis.getAxis(), 1);
  EXPECT_EQ(perAxis.getAlphaValues(), ArrayRef<double>({0.5, 0.1}));
  // Printing then parsing gives back the same (uniqued) type.
  EXPECT_EQ(parse(print(perAxis)), perAxis);
}

TEST_F(QNNTypesTest, BinaryBuilderUniques) {
  FloatType f32 = Float32Type::get(&context);
  BinaryType a = BinaryType::get(f32, -1, ArrayRef<double>{0.25});
  EXPECT_EQ(a, parse("!qnn.binary<f32, 0.25>"));
  EXPECT_EQ(a.getStorageType(), IntegerType::get(&context, 1));
}

TEST_F(QNNTypesTest, TernarySymmetricAndAsymmetric) {
  auto sym =
      llvm::dyn_cast_or_null<TernaryType>(parse("!qnn.ternary<f32, 0.5>"));
  ASSERT_TRUE(sym);
  EXPECT_EQ(sym.getNegScaleValues(), ArrayRef<double>({0.5}));
  EXPECT_EQ(sym.getPosScaleValues(), ArrayRef<double>({0.5}));
  EXPECT_EQ(print(sym), "!qnn.ternary<f32, 5.000000e-01>");

  auto asym = llvm::dyn_cast_or_null<TernaryType>(
      parse("!qnn.ternary<f32:0, {0.5, 0.25:0.75}>"));
  ASSERT_TRUE(asym);
  EXPECT_EQ(asym.getNegScaleValues(), ArrayRef<double>({0.5, 0.25}));
  EXPECT_EQ(asym.getPosScaleValues(), ArrayRef<double>({0.5, 0.75}));
  EXPECT_EQ(parse(print(asym)), asym);
  EXPECT_EQ(asym.getStorageType(), IntegerType::get(&context, 2));
}

TEST_F(QNNTypesTest, CodebookExactRoundTrip) {
  // Values that have no short decimal form must survive printing.
  double third = 1.0 / 3.0;
  FloatType f32 = Float32Type::get(&context);
  CodebookType cb = CodebookType::get(3, f32, ArrayRef<double>{-third, third});
  Type reparsed = parse(print(cb));
  ASSERT_TRUE(reparsed);
  EXPECT_EQ(reparsed, cb);
  EXPECT_EQ(llvm::cast<CodebookType>(reparsed).getTableValues()[1], third);
  EXPECT_EQ(cb.getStorageType(), IntegerType::get(&context, 3));
}

TEST_F(QNNTypesTest, InvalidTypesReportDiagnostics) {
  EXPECT_FALSE(parse("!qnn.binary<f32, -1.0>"));
  EXPECT_FALSE(parse("!qnn.ternary<f32, 0.5:0.0>"));
  EXPECT_FALSE(parse("!qnn.codebook<i1:f32, [1.0, 2.0, 3.0]>"));
  EXPECT_FALSE(parse("!qnn.codebook<i2:f64:0, [1.0]>"));
  ASSERT_GE(diagnostics.size(), 4u);
  EXPECT_NE(diagnostics[0].find("binary alpha must be positive"),
            std::string::npos);
  EXPECT_NE(diagnostics[1].find("ternary scale must be positive"),
            std::string::npos);
  EXPECT_NE(diagnostics[2].find("more than 2^1"), std::string::npos);
  EXPECT_NE(diagnostics[3].find("per tensor"), std::string::npos);
}

TEST_F(QNNTypesTest, CheckedBuilderRejects) {
  FloatType f32 = Float32Type::get(&context);
  auto emit = [&] { return emitError(UnknownLoc::get(&context)); };
  EXPECT_FALSE(BinaryType::getChecked(
      emit, &context, f32, -1, DenseF64ArrayAttr::get(&context, {0.5, 0.5})));
  EXPECT_FALSE(TernaryType::getChecked(
      emit, &context, f32, 0, DenseF64ArrayAttr::get(&context, {0.5}),
      DenseF64ArrayAttr::get(&context, {0.5, 0.5})));
  EXPECT_EQ(diagnostics.size(), 2u);
}

TEST_F(QNNTypesTest, ElementKinds) {
  EXPECT_EQ(getElementKind(parse("f32")), ElementKind::Float);
  EXPECT_EQ(getElementKind(parse("i8")), ElementKind::Integer);
  EXPECT_EQ(getElementKind(parse("!quant.uniform<i8:f32, 0.1>")),
            ElementKind::Affine);
  EXPECT_EQ(getElementKind(parse("!quant.uniform<i8:f32:0, {0.1, 0.2}>")),
            ElementKind::Affine);
  EXPECT_EQ(getElementKind(parse("!qnn.binary<f32>")), ElementKind::Binary);
  EXPECT_EQ(getElementKind(parse("!qnn.ternary<f32>")), ElementKind::Ternary);
  EXPECT_EQ(getElementKind(parse("!qnn.codebook<i1:f32, [0.0]>")),
            ElementKind::Codebook);
  EXPECT_EQ(getElementKind(parse("index")), ElementKind::Other);
  EXPECT_FALSE(isQuantizedElement(parse("f32")));
  EXPECT_TRUE(isQuantizedElement(parse("!qnn.binary<f32>")));
}

TEST_F(QNNTypesTest, StorageAndExpressedTypes) {
  EXPECT_EQ(getStorageType(parse("!quant.uniform<u8:f32, 0.1:128>")),
            IntegerType::get(&context, 8));
  EXPECT_EQ(getStorageType(parse("!quant.uniform<i4:f32, 0.1>")),
            IntegerType::get(&context, 4));
  EXPECT_EQ(getStorageType(parse("!qnn.binary<f32>")),
            IntegerType::get(&context, 1));
  EXPECT_FALSE(getStorageType(parse("f32")));
  EXPECT_EQ(getExpressedType(parse("!quant.uniform<i8:f16, 0.1>")),
            Float16Type::get(&context));
  EXPECT_EQ(getExpressedType(parse("bf16")), BFloat16Type::get(&context));
  EXPECT_FALSE(getExpressedType(parse("i8")));
}

TEST_F(QNNTypesTest, AxesAndSlices) {
  Type perAxis = parse("!quant.uniform<i8:f32:2, {0.1, 0.2, 0.3}>");
  EXPECT_EQ(getQuantizedAxis(perAxis), 2);
  EXPECT_EQ(getNumParameterSlices(perAxis), 3);
  EXPECT_EQ(getQuantizedAxis(parse("!quant.uniform<i8:f32, 0.1>")), -1);
  EXPECT_EQ(getNumParameterSlices(parse("!qnn.ternary<f32:0, {1.0, 2.0}>")), 2);
  EXPECT_EQ(
      getQuantizedAxis(parse("!quant.uniform<i8:f32:{1:2}, {{0.1, 0.2}}>")), 1);
}

TEST_F(QNNTypesTest, VerifyQuantizedTensor) {
  auto emit = [&] { return emitError(UnknownLoc::get(&context)); };
  Type perAxis = parse("!quant.uniform<i8:f32:1, {0.1, 0.2}>");
  EXPECT_TRUE(succeeded(verifyQuantizedTensor(emit, perAxis, {3, 2}, "x")));
  EXPECT_TRUE(succeeded(
      verifyQuantizedTensor(emit, perAxis, {3, ShapedType::kDynamic}, "x")));
  EXPECT_TRUE(failed(verifyQuantizedTensor(emit, perAxis, {3, 4}, "x")));
  EXPECT_TRUE(failed(verifyQuantizedTensor(emit, perAxis, {3}, "x")));
  Type badZp = parse("!quant.uniform<u4:f32, 0.1:16>");
  EXPECT_TRUE(failed(verifyQuantizedTensor(emit, badZp, {3}, "x")));
  Type blocked = parse("!quant.uniform<i8:f32:{0:1, 1:2}, {{0.1, 0.2}}>");
  EXPECT_TRUE(succeeded(verifyQuantizedTensor(emit, blocked, {1, 4}, "x")));
  EXPECT_TRUE(failed(verifyQuantizedTensor(emit, blocked, {1, 5}, "x")));
  EXPECT_EQ(diagnostics.size(), 4u);
}

} // namespace
