//===- QNNToLinalg.cpp - the convert-qnn-to-linalg pass ------------------===//
//
// Pass driver, type converter, the support check that names unsupported
// ops, and the builders shared by the pattern files (Lowering.h).
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"
#include "quant/Conversion/Passes.h"

#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Quant/IR/Quant.h"

namespace mlir::qnn {
#define GEN_PASS_DEF_CONVERTQNNTOLINALG
#include "quant/Conversion/Passes.h.inc"
} // namespace mlir::qnn

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::lowering;

//===----------------------------------------------------------------------===//
// Type converter
//===----------------------------------------------------------------------===//

QNNToLinalgTypeConverter::QNNToLinalgTypeConverter() {
  addConversion([](Type t) { return t; });
  addConversion([](RankedTensorType t) -> std::optional<Type> {
    Type elt = t.getElementType();
    switch (getElementKind(elt)) {
    case ElementKind::Float:
    case ElementKind::Integer:
      return t;
    case ElementKind::Affine:
      return t.clone(getStorageType(elt));
    default:
      return Type(); // No representation: the conversion fails.
    }
  });
}

//===----------------------------------------------------------------------===//
// Support check
//===----------------------------------------------------------------------===//

/// True if `t` is a ranked tensor of element kind `kind`.
static bool hasKind(Type t, ElementKind kind) {
  auto rt = llvm::dyn_cast<RankedTensorType>(t);
  return rt && getElementKind(rt.getElementType()) == kind;
}

std::string mlir::qnn::lowering::unsupportedReason(Operation *op) {
  if (!llvm::isa<QNNDialect>(op->getDialect()))
    return "";
  SmallVector<Type> types(op->getOperandTypes());
  llvm::append_range(types, op->getResultTypes());
  for (Type t : types) {
    auto rt = llvm::dyn_cast<RankedTensorType>(t);
    if (!rt)
      continue;
    if (!rt.hasStaticShape())
      return "dynamic shapes are not supported";
    Type elt = rt.getElementType();
    switch (getElementKind(elt)) {
    case ElementKind::Binary:
    case ElementKind::Ternary:
    case ElementKind::Codebook:
      return "binary, ternary and codebook tensors have no code generation "
             "yet";
    case ElementKind::Float:
      if (!elt.isF32()) {
        std::string why;
        llvm::raw_string_ostream os(why);
        os << "float element type " << elt << " is not supported (f32 only)";
        return why;
      }
      break;
    default:
      break;
    }
  }
  if (llvm::isa<RequantizeOp>(op))
    return "'qnn.requantize' belongs to the quantized-type form: run "
           "-qnn-lower-to-integer first";
  if (auto b = llvm::dyn_cast<BinarizeOp>(op)) {
    Type in = b.getInput().getType().getElementType();
    if (!b.getType().getElementType().isSignlessInteger(8) ||
        !(in.isF32() || in.isSignlessInteger()) ||
        in.getIntOrFloatBitWidth() > 32)
      return "only f32 or integer (up to 32 bits) input to an i8 result "
             "(-1/+1 codes) has code generation; binary results need "
             "-qnn-lower-to-integer first";
    return "";
  }

  // Quantize / dequantize: per-tensor or per-axis affine over f32.
  if (llvm::isa<QuantizeOp, DequantizeOp>(op)) {
    Type q = llvm::isa<QuantizeOp>(op) ? op->getResultTypes()[0]
                                       : op->getOperandTypes()[0];
    Type elt = llvm::cast<RankedTensorType>(q).getElementType();
    if (!getAffineParams(elt))
      return "only per-tensor and per-axis !quant.uniform types are "
             "supported (not sub-channel blocks)";
    if (!getExpressedType(elt).isF32())
      return "only quantized types expressing f32 are supported";
    return "";
  }
  if (llvm::isa<ConstantOp, ReshapeOp, TransposeOp>(op))
    return "";

  // Everything else computes on plain floats or signless integers.
  for (Type t : types)
    if (hasKind(t, ElementKind::Affine))
      return "operands of quantized type belong to the quantized-type "
             "form: run -qnn-lower-to-integer first";
  bool integer = llvm::any_of(
      types, [](Type t) { return hasKind(t, ElementKind::Integer); });
  if (!integer)
    return "";
  if (llvm::isa<Conv2DOp, FullyConnectedOp, MatMulOp, RescaleOp, MaxPool2DOp,
                MaxPool2DIndicesOp, PadOp, ConcatOp, IntAddOp, IntSubOp,
                IntMulOp, IntDivOp, IntClampOp>(op))
    return "";
  return "integer operands have no kernel for this op (the integer form "
         "expands it to float)";
}

LogicalResult mlir::qnn::checkQNNToLinalgSupport(Operation *root) {
  bool ok = true;
  root->walk([&](Operation *op) {
    std::string why = unsupportedReason(op);
    if (why.empty())
      return;
    op->emitError() << "convert-qnn-to-linalg: cannot lower '" << op->getName()
                    << "': " << why;
    ok = false;
  });
  return success(ok);
}

//===----------------------------------------------------------------------===//
// Shared builders
//===----------------------------------------------------------------------===//

Value mlir::qnn::lowering::emptyTensor(OpBuilder &b, Location loc,
                                       RankedTensorType type) {
  return tensor::EmptyOp::create(b, loc, type.getShape(),
                                 type.getElementType());
}

Value mlir::qnn::lowering::scalarConstant(OpBuilder &b, Location loc, Type type,
                                          double v) {
  if (auto ft = llvm::dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(ft, v));
  return arith::ConstantOp::create(
      b, loc, b.getIntegerAttr(type, static_cast<int64_t>(v)));
}

Value mlir::qnn::lowering::constantLike(OpBuilder &b, Location loc, Value like,
                                        Type type, double v) {
  auto vec = llvm::dyn_cast<VectorType>(like.getType());
  if (!vec)
    return scalarConstant(b, loc, type, v);
  auto splatType = vec.clone(type);
  Attribute elem = llvm::isa<FloatType>(type)
                       ? Attribute(b.getFloatAttr(type, v))
                       : Attribute(b.getIntegerAttr(type, int64_t(v)));
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(splatType, elem));
}

Value mlir::qnn::lowering::filledTensor(OpBuilder &b, Location loc,
                                        RankedTensorType type, Value v) {
  return linalg::FillOp::create(b, loc, ValueRange{v},
                                ValueRange{emptyTensor(b, loc, type)})
      .getResult(0);
}

Value mlir::qnn::lowering::constant1D(OpBuilder &b, Location loc,
                                      Type elementType,
                                      ArrayRef<double> values) {
  auto type =
      RankedTensorType::get({static_cast<int64_t>(values.size())}, elementType);
  DenseElementsAttr attr;
  if (auto ft = llvm::dyn_cast<FloatType>(elementType)) {
    SmallVector<Attribute> attrs;
    for (double v : values)
      attrs.push_back(b.getFloatAttr(ft, v));
    attr = DenseElementsAttr::get(type, attrs);
  } else {
    unsigned width = elementType.getIntOrFloatBitWidth();
    SmallVector<APInt> ints;
    for (double v : values)
      ints.push_back(APInt(width, static_cast<int64_t>(v), /*isSigned=*/true,
                           /*implicitTrunc=*/true));
    attr = DenseElementsAttr::get(type, ints);
  }
  return arith::ConstantOp::create(b, loc, type, attr);
}

SmallVector<utils::IteratorType>
mlir::qnn::lowering::parallelIterators(unsigned n) {
  return SmallVector<utils::IteratorType>(n, utils::IteratorType::parallel);
}

Value mlir::qnn::lowering::dropUnitDims(OpBuilder &b, Location loc, Value value,
                                        ArrayRef<int64_t> dims) {
  if (dims.empty())
    return value;
  auto type = llvm::cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> kept;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (!llvm::is_contained(dims, d))
      kept.push_back(d);
  SmallVector<ReassociationIndices> groups;
  SmallVector<int64_t> shape;
  // Each dropped unit dimension joins the next kept one (or the last group).
  ReassociationIndices pending;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    pending.push_back(d);
    if (llvm::is_contained(kept, d)) {
      groups.push_back(pending);
      shape.push_back(type.getDimSize(d));
      pending.clear();
    }
  }
  if (!pending.empty() && !groups.empty())
    llvm::append_range(groups.back(), pending);
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  return tensor::CollapseShapeOp::create(b, loc, resultType, value, groups);
}

std::pair<Value, AffineMap>
mlir::qnn::lowering::broadcastOperand(OpBuilder &b, Location loc, Value value,
                                      ArrayRef<int64_t> outShape) {
  auto type = llvm::cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank(), outRank = outShape.size();
  int64_t offset = outRank - rank;
  SmallVector<int64_t> dropped;
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t od = d + offset;
    if (type.getDimSize(d) == 1 && outShape[od] != 1)
      dropped.push_back(d);
    else
      exprs.push_back(b.getAffineDimExpr(od));
  }
  Value v = dropUnitDims(b, loc, value, dropped);
  return {v, AffineMap::get(outRank, 0, exprs, b.getContext())};
}

Value mlir::qnn::lowering::buildElementwise(
    OpBuilder &b, Location loc, RankedTensorType outType, ValueRange inputs,
    ArrayRef<AffineMap> maps,
    function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  SmallVector<AffineMap> allMaps(maps);
  allMaps.push_back(b.getMultiDimIdentityMap(outType.getRank()));
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{outType}, inputs,
      ValueRange{emptyTensor(b, loc, outType)}, allMaps,
      parallelIterators(outType.getRank()),
      [&](OpBuilder &nb, Location nl, ValueRange args) {
        Value r = body(nb, nl, args.drop_back());
        linalg::YieldOp::create(nb, nl, r);
      });
  return generic.getResult(0);
}

AffineMap mlir::qnn::lowering::axisMap(MLIRContext *ctx, unsigned rank,
                                       int64_t axis) {
  return AffineMap::get(rank, 0, getAffineDimExpr(axis, ctx), ctx);
}

Value mlir::qnn::lowering::roundHalfEvenF32(OpBuilder &b, Location loc,
                                            Value x) {
  // For |x| < 2^23, (x + 1.5*2^23) - 1.5*2^23 rounds to nearest even in the
  // default rounding mode; larger magnitudes (and infinities) are integral.
  Type f32 = b.getF32Type();
  Value magic = constantLike(b, loc, x, f32, 12582912.0); // 1.5 * 2^23
  Value limit = constantLike(b, loc, x, f32, 8388608.0);  // 2^23
  Value sum = arith::AddFOp::create(b, loc, x, magic);
  Value rounded = arith::SubFOp::create(b, loc, sum, magic);
  Value mag = math::AbsFOp::create(b, loc, x);
  Value small =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, mag, limit);
  return arith::SelectOp::create(b, loc, small, rounded, x);
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

void mlir::qnn::populateQNNToLinalgPatterns(const TypeConverter &converter,
                                            RewritePatternSet &patterns) {
  populateLinearPatterns(converter, patterns);
  populatePoolingPatterns(converter, patterns);
  populateElementwisePatterns(converter, patterns);
  populateShapePatterns(converter, patterns);
  populateQuantPatterns(converter, patterns);
  populateBinarizePatterns(converter, patterns);
}

namespace {
struct ConvertQNNToLinalgPass
    : qnn::impl::ConvertQNNToLinalgBase<ConvertQNNToLinalgPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    lowerBinarizePairs(module);
    if (failed(checkQNNToLinalgSupport(module)))
      return signalPassFailure();

    MLIRContext *ctx = &getContext();
    QNNToLinalgTypeConverter converter;
    ConversionTarget target(*ctx);
    target.addIllegalDialect<QNNDialect>();
    target.addIllegalOp<quant::StorageCastOp>();
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           math::MathDialect, tensor::TensorDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });
    target.addDynamicallyLegalOp<func::ReturnOp, func::CallOp>(
        [&](Operation *op) { return converter.isLegal(op); });

    RewritePatternSet patterns(ctx);
    populateQNNToLinalgPatterns(converter, patterns);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   converter);
    populateReturnOpTypeConversionPattern(patterns, converter);
    populateCallOpTypeConversionPattern(patterns, converter);
    if (failed(applyPartialConversion(module, target, std::move(patterns)))) {
      module.emitError() << "convert-qnn-to-linalg: conversion failed";
      signalPassFailure();
    }
  }
};
} // namespace
