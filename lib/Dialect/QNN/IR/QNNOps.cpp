//===- QNNOps.cpp - qnn op definitions and quantization-op verifiers ----===//
//
// Holds the generated op definitions, the verifier helpers shared by all op
// groups, and the verifiers of the ops that change representation
// (constant, quantize, dequantize, requantize, rescale). The other groups'
// verifiers live in QNNNNOps.cpp, QNNPoolingOps.cpp, QNNShapeOps.cpp,
// QNNElementwiseOps.cpp, QNNActivationOps.cpp and QNNIntegerOps.cpp;
// folders in QNNFolds.cpp.
//
//===----------------------------------------------------------------------===//

#include "QNNVerifyUtils.h"
#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/TypeUtilities.h"

#include <cmath>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::verifyutil;

#define GET_OP_CLASSES
#include "quant/Dialect/QNN/IR/QNNOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

LogicalResult verifyutil::verifySameShape(Operation *op, RankedTensorType a,
                                          RankedTensorType b, StringRef what) {
  if (failed(verifyCompatibleShape(a.getShape(), b.getShape())))
    return op->emitOpError() << what << " shapes differ: " << a << " vs " << b;
  return success();
}

LogicalResult verifyutil::verifyTensorQuantization(Operation *op,
                                                   RankedTensorType type,
                                                   StringRef what) {
  return verifyQuantizedShape([&] { return op->emitOpError(); },
                              type.getElementType(), type.getShape(), what);
}

LogicalResult verifyutil::verifyBroadcast(Operation *op, RankedTensorType lhs,
                                          RankedTensorType rhs,
                                          RankedTensorType result) {
  int64_t rank = std::max(lhs.getRank(), rhs.getRank());
  if (result.getRank() != rank)
    return op->emitOpError() << "expects a result of rank " << rank
                             << " (the larger operand rank), got " << result;
  auto sizeFromEnd = [](RankedTensorType type, int64_t fromEnd) -> int64_t {
    return fromEnd <= type.getRank() ? type.getDimSize(type.getRank() - fromEnd)
                                     : 1;
  };
  for (int64_t i = 0; i < rank; ++i) {
    int64_t fromEnd = rank - i;
    int64_t a = sizeFromEnd(lhs, fromEnd), b = sizeFromEnd(rhs, fromEnd);
    int64_t out = result.getDimSize(i);
    if (ShapedType::isDynamic(a) || ShapedType::isDynamic(b)) {
      // Only a static non-1 size fixes the result size.
      int64_t known = ShapedType::isDynamic(a) ? b : a;
      if (!ShapedType::isDynamic(known) && known != 1 &&
          !ShapedType::isDynamic(out) && out != known)
        return op->emitOpError() << "expects result dimension " << i << " "
                                 << known << ", got " << out;
      continue;
    }
    if (a != b && a != 1 && b != 1)
      return op->emitOpError()
             << "cannot broadcast dimension " << i << ": lhs " << a
             << " and rhs " << b << " differ and neither is 1";
    int64_t expected = a == 1 ? b : a;
    if (!ShapedType::isDynamic(out) && out != expected)
      return op->emitOpError()
             << "expects result dimension " << i << " " << expected
             << " (broadcast of " << a << " and " << b << "), got " << out;
  }
  return success();
}

StringRef verifyutil::kindName(ElementKind kind) {
  switch (kind) {
  case ElementKind::Float:
    return "float";
  case ElementKind::Integer:
    return "integer";
  case ElementKind::Affine:
    return "affine";
  case ElementKind::Binary:
    return "binary";
  case ElementKind::Ternary:
    return "ternary";
  case ElementKind::Codebook:
    return "codebook";
  case ElementKind::Other:
    break;
  }
  return "unsupported";
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

/// Checks every storage value with `accept`; on the first rejected one sets
/// `why` from `describe`. Values that cannot be enumerated (e.g. resources)
/// are not checked.
static LogicalResult
checkStorageValues(ElementsAttr value, std::string *why,
                   function_ref<bool(const APInt &)> accept,
                   function_ref<std::string(const APInt &)> describe) {
  auto values = value.tryGetValues<APInt>();
  if (!values)
    return success();
  for (const APInt &v : *values) {
    if (accept(v))
      continue;
    if (why)
      *why = describe(v);
    return failure();
  }
  return success();
}

LogicalResult ConstantOp::verifyValueForType(ElementsAttr value,
                                             RankedTensorType type,
                                             std::string *why) {
  auto fail = [&](const Twine &message) {
    if (why)
      *why = message.str();
    return failure();
  };
  auto valueType = llvm::cast<ShapedType>(value.getType());
  if (valueType.getShape() != type.getShape())
    return fail("value shape does not match the result shape");
  Type elt = type.getElementType();
  Type valueElt = valueType.getElementType();
  if (getElementKind(elt) == ElementKind::Float ||
      getElementKind(elt) == ElementKind::Integer) {
    if (valueElt != elt)
      return fail("value element type must equal the result element type");
    return success();
  }
  IntegerType storage = getStorageType(elt);
  if (!storage)
    return fail("unsupported result element type");
  // Storage values are signless integers of the storage width; a signed or
  // unsigned integer type is accepted when it agrees with the storage.
  auto valueInt = llvm::dyn_cast<IntegerType>(valueElt);
  bool storageSigned = true;
  if (auto q = llvm::dyn_cast<quant::QuantizedType>(elt))
    storageSigned = q.isSigned();
  else if (llvm::isa<BinaryType, CodebookType>(elt))
    storageSigned = false;
  if (!valueInt || valueInt.getWidth() != storage.getWidth() ||
      (valueInt.isSigned() && !storageSigned) ||
      (valueInt.isUnsigned() && storageSigned))
    return fail("value must hold i" + Twine(storage.getWidth()) +
                " storage values for this element type");

  if (auto q = llvm::dyn_cast<quant::QuantizedType>(elt)) {
    int64_t lo = q.getStorageTypeMin(), hi = q.getStorageTypeMax();
    bool isSigned = q.isSigned();
    return checkStorageValues(
        value, why,
        [&](const APInt &v) {
          int64_t x = isSigned ? v.getSExtValue()
                               : static_cast<int64_t>(v.getZExtValue());
          return x >= lo && x <= hi;
        },
        [&](const APInt &v) {
          int64_t x = isSigned ? v.getSExtValue()
                               : static_cast<int64_t>(v.getZExtValue());
          return "storage value " + std::to_string(x) +
                 " is outside the storage range [" + std::to_string(lo) + ", " +
                 std::to_string(hi) + "]";
        });
  }
  if (llvm::isa<TernaryType>(elt))
    return checkStorageValues(
        value, why, [](const APInt &v) { return v.getSExtValue() >= -1; },
        [](const APInt &) {
          return std::string("ternary storage values must be -1, 0 or 1");
        });
  if (auto cb = llvm::dyn_cast<CodebookType>(elt)) {
    uint64_t size = cb.getTableValues().size();
    return checkStorageValues(
        value, why, [&](const APInt &v) { return v.getZExtValue() < size; },
        [&](const APInt &v) {
          return "codebook index " + std::to_string(v.getZExtValue()) +
                 " is outside the table of " + std::to_string(size) +
                 " entries";
        });
  }
  return success(); // Binary: every bit is valid.
}

LogicalResult ConstantOp::verify() {
  std::string why;
  if (failed(verifyValueForType(getValue(), getType(), &why)))
    return emitOpError() << why;
  return verifyTensorQuantization(*this, getType(), "result");
}

//===----------------------------------------------------------------------===//
// QuantizeOp / DequantizeOp
//===----------------------------------------------------------------------===//

/// Shared rules of quantize (float -> quantized) and dequantize (quantized ->
/// float): same shape, the quantized type expresses exactly the float type,
/// and its parameters fit the shape. ODS has checked the element kinds.
static LogicalResult verifyQuantizePair(Operation *op,
                                        RankedTensorType floatType,
                                        RankedTensorType quantType,
                                        StringRef quantName) {
  if (failed(verifySameShape(op, floatType, quantType, "input and result")))
    return failure();
  Type f = floatType.getElementType(), q = quantType.getElementType();
  if (getExpressedType(q) != f)
    return op->emitOpError()
           << "quantized type " << q << " expresses " << getExpressedType(q)
           << ", not the float type " << f;
  return verifyTensorQuantization(op, quantType, quantName);
}

LogicalResult QuantizeOp::verify() {
  return verifyQuantizePair(*this, getInput().getType(), getType(), "result");
}

LogicalResult DequantizeOp::verify() {
  return verifyQuantizePair(*this, getType(), getInput().getType(), "input");
}

//===----------------------------------------------------------------------===//
// RequantizeOp
//===----------------------------------------------------------------------===//

LogicalResult RequantizeOp::verify() {
  RankedTensorType in = getInput().getType(), out = getType();
  if (failed(verifySameShape(*this, in, out, "input and result")))
    return failure();
  Type inElt = in.getElementType(), outElt = out.getElementType();
  if (getExpressedType(inElt) != getExpressedType(outElt))
    return emitOpError() << "input and result express different float types";
  if (failed(verifyTensorQuantization(*this, in, "input")))
    return failure();
  return verifyTensorQuantization(*this, out, "result");
}

//===----------------------------------------------------------------------===//
// RescaleOp
//===----------------------------------------------------------------------===//

/// The [min, max] range of a `width`-bit integer read as signed or not.
static std::pair<int64_t, int64_t> integerRange(unsigned width,
                                                bool isUnsigned) {
  if (width >= 64)
    return {isUnsigned ? 0 : INT64_MIN, INT64_MAX};
  if (isUnsigned)
    return {0, (int64_t{1} << width) - 1};
  return {-(int64_t{1} << (width - 1)), (int64_t{1} << (width - 1)) - 1};
}

LogicalResult RescaleOp::verify() {
  RankedTensorType in = getInput().getType(), out = getType();
  if (failed(verifySameShape(*this, in, out, "input and result")))
    return failure();
  // ODS has checked the element types: signless integers of at most 48
  // (input) and 32 (result) bits.
  auto inInt = llvm::cast<IntegerType>(in.getElementType());
  auto outInt = llvm::cast<IntegerType>(out.getElementType());

  auto [inLo, inHi] = integerRange(inInt.getWidth(), getInputUnsigned());
  auto [outLo, outHi] = integerRange(outInt.getWidth(), getOutputUnsigned());
  // I32Attr/I64Attr accessors return unsigned values; read them as signed.
  int64_t inputZp = static_cast<int32_t>(getInputZp());
  int64_t outputZp = static_cast<int32_t>(getOutputZp());
  int64_t lo = static_cast<int64_t>(getMin());
  int64_t hi = static_cast<int64_t>(getMax());
  if (inputZp < inLo || inputZp > inHi)
    return emitOpError() << "input_zp " << inputZp
                         << " is outside the input range [" << inLo << ", "
                         << inHi << "]";
  if (outputZp < outLo || outputZp > outHi)
    return emitOpError() << "output_zp " << outputZp
                         << " is outside the result range [" << outLo << ", "
                         << outHi << "]";
  if (lo > hi)
    return emitOpError() << "saturation bounds are empty: min " << lo
                         << " > max " << hi;
  if (lo < outLo || hi > outHi)
    return emitOpError() << "saturation bounds [" << lo << ", " << hi
                         << "] exceed the result range [" << outLo << ", "
                         << outHi << "]";

  // The scale is f32 for half_even, multiplier/shift for fixed point.
  size_t count = 0;
  if (getRounding() == RoundingMode::HalfEven) {
    if (!getScale() || getMultiplier() || getShift())
      return emitOpError() << "rounding half_even takes an f32 'scale' and no "
                              "'multiplier'/'shift'";
    ArrayRef<float> scales = *getScale();
    for (float s : scales)
      if (!(s > 0.0f) || !std::isfinite(s))
        return emitOpError() << "scale must be positive and finite, got " << s;
    count = scales.size();
  } else {
    // ODS has checked that the multipliers are non-negative.
    if (getScale() || !getMultiplier() || !getShift())
      return emitOpError() << "fixed-point rounding takes 'multiplier' and "
                              "'shift' and no 'scale'";
    ArrayRef<int32_t> multipliers = *getMultiplier();
    ArrayRef<int8_t> shifts = *getShift();
    if (multipliers.size() != shifts.size())
      return emitOpError() << "has " << multipliers.size()
                           << " multipliers but " << shifts.size() << " shifts";
    for (int8_t s : shifts)
      if (s < 0 || s > 62)
        return emitOpError()
               << "shift must be in [0, 62], got " << static_cast<int>(s);
    count = multipliers.size();
  }
  if (count == 0)
    return emitOpError() << "needs at least one scale";

  if (std::optional<int64_t> axis = getAxis()) {
    if (*axis >= in.getRank()) // ODS has checked *axis >= 0.
      return emitOpError() << "axis " << *axis << " is out of range for rank "
                           << in.getRank();
    int64_t dim = in.getDimSize(*axis);
    if (!ShapedType::isDynamic(dim) && static_cast<int64_t>(count) != dim)
      return emitOpError() << "has " << count << " scales but dimension "
                           << *axis << " has size " << dim;
  } else if (count != 1) {
    return emitOpError() << "has " << count
                         << " scales but no 'axis' to apply them along";
  }
  return success();
}
