//===- QNNTypes.cpp - qnn element types ---------------------------------===//
//
// Parsing, printing and verification of !qnn.binary, !qnn.ternary and
// !qnn.codebook, and the element-type helpers that make ops polymorphic over
// float, affine (!quant.uniform) and qnn element types.
//
//===----------------------------------------------------------------------===//

#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace mlir::qnn;

#define GET_TYPEDEF_CLASSES
#include "quant/Dialect/QNN/IR/QNNOpsTypes.cpp.inc"

void QNNDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "quant/Dialect/QNN/IR/QNNOpsTypes.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Shared parsing and printing pieces
//===----------------------------------------------------------------------===//

/// Prints a double so that it parses back to the same value.
static void printExact(AsmPrinter &printer, double value) {
  printer.printFloat(APFloat(value));
}

/// Parses `expressed-type [: axis]`. `axis` is -1 when absent.
static ParseResult parseExpressedAndAxis(AsmParser &parser, FloatType &type,
                                         int32_t &axis) {
  Type parsed;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseType(parsed))
    return failure();
  type = llvm::dyn_cast<FloatType>(parsed);
  if (!type)
    return parser.emitError(loc, "expected a float expressed type, got ")
           << parsed;
  axis = -1;
  if (succeeded(parser.parseOptionalColon())) {
    SMLoc axisLoc = parser.getCurrentLocation();
    int64_t value = 0;
    if (parser.parseInteger(value))
      return failure();
    if (value < 0 || value > INT32_MAX)
      return parser.emitError(axisLoc, "quantized axis must be non-negative");
    axis = static_cast<int32_t>(value);
  }
  return success();
}

static void printExpressedAndAxis(AsmPrinter &printer, FloatType type,
                                  int32_t axis) {
  printer << type;
  if (axis >= 0)
    printer << ":" << axis;
}

/// Parses one scale entry, or several in braces when `perAxis` is set.
/// `parseEntry` parses one entry and appends it.
static ParseResult parseScaleList(AsmParser &parser, bool perAxis,
                                  function_ref<ParseResult()> parseEntry) {
  if (!perAxis)
    return parseEntry();
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Braces,
                                        parseEntry);
}

/// Reports scales that are not strictly positive and finite.
static LogicalResult
verifyPositiveScales(function_ref<InFlightDiagnostic()> emitError,
                     ArrayRef<double> scales, StringRef what) {
  for (double s : scales)
    if (!(s > 0.0) || !std::isfinite(s))
      return emitError() << what << " must be positive and finite, got " << s;
  return success();
}

/// Shared axis/count rules of per-tensor and per-axis scales.
static LogicalResult
verifyAxisAndCount(function_ref<InFlightDiagnostic()> emitError, int32_t axis,
                   size_t count, StringRef what) {
  if (axis < -1)
    return emitError() << "invalid quantized axis " << axis;
  if (axis == -1 && count > 1)
    return emitError() << "per-tensor " << what << " takes one scale, got "
                       << count;
  if (count == 0)
    return emitError() << what << " needs at least one scale";
  return success();
}

//===----------------------------------------------------------------------===//
// BinaryType
//===----------------------------------------------------------------------===//

IntegerType BinaryType::getStorageType() const {
  return IntegerType::get(getContext(), 1);
}

LogicalResult BinaryType::verify(function_ref<InFlightDiagnostic()> emitError,
                                 FloatType expressedType, int32_t axis,
                                 DenseF64ArrayAttr alphaAttr) {
  ArrayRef<double> alphas =
      alphaAttr ? alphaAttr.asArrayRef() : ArrayRef<double>();
  if (!expressedType)
    return emitError() << "binary type needs a float expressed type";
  if (failed(verifyAxisAndCount(emitError, axis, alphas.size(), "binary type")))
    return failure();
  return verifyPositiveScales(emitError, alphas, "binary alpha");
}

Type BinaryType::parse(AsmParser &parser) {
  FloatType expressed;
  int32_t axis;
  SmallVector<double> alphas;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() || parseExpressedAndAxis(parser, expressed, axis))
    return {};
  if (succeeded(parser.parseOptionalComma())) {
    auto parseOne = [&]() -> ParseResult {
      return parser.parseFloat(alphas.emplace_back());
    };
    if (parseScaleList(parser, axis >= 0, parseOne))
      return {};
  } else if (axis >= 0) {
    parser.emitError(loc, "per-axis binary type needs one alpha per slice");
    return {};
  } else {
    alphas.push_back(1.0);
  }
  if (parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    expressed, axis,
                    DenseF64ArrayAttr::get(parser.getContext(), alphas));
}

void BinaryType::print(AsmPrinter &printer) const {
  printer << "<";
  printExpressedAndAxis(printer, getExpressedType(), getAxis());
  ArrayRef<double> alphas = getAlphaValues();
  if (!isPerAxis() && alphas.size() == 1 && alphas.front() == 1.0) {
    printer << ">";
    return;
  }
  printer << ", ";
  if (isPerAxis())
    printer << "{";
  llvm::interleaveComma(alphas, printer,
                        [&](double a) { printExact(printer, a); });
  if (isPerAxis())
    printer << "}";
  printer << ">";
}

//===----------------------------------------------------------------------===//
// TernaryType
//===----------------------------------------------------------------------===//

IntegerType TernaryType::getStorageType() const {
  return IntegerType::get(getContext(), 2);
}

LogicalResult TernaryType::verify(function_ref<InFlightDiagnostic()> emitError,
                                  FloatType expressedType, int32_t axis,
                                  DenseF64ArrayAttr negAttr,
                                  DenseF64ArrayAttr posAttr) {
  ArrayRef<double> negScales =
      negAttr ? negAttr.asArrayRef() : ArrayRef<double>();
  ArrayRef<double> posScales =
      posAttr ? posAttr.asArrayRef() : ArrayRef<double>();
  if (!expressedType)
    return emitError() << "ternary type needs a float expressed type";
  if (negScales.size() != posScales.size())
    return emitError() << "ternary type needs as many negative scales ("
                       << negScales.size() << ") as positive ones ("
                       << posScales.size() << ")";
  if (failed(verifyAxisAndCount(emitError, axis, negScales.size(),
                                "ternary type")))
    return failure();
  if (failed(verifyPositiveScales(emitError, negScales, "ternary scale")))
    return failure();
  return verifyPositiveScales(emitError, posScales, "ternary scale");
}

Type TernaryType::parse(AsmParser &parser) {
  FloatType expressed;
  int32_t axis;
  SmallVector<double> neg, pos;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() || parseExpressedAndAxis(parser, expressed, axis))
    return {};
  if (succeeded(parser.parseOptionalComma())) {
    // One entry is `a` (symmetric) or `a_n:a_p`.
    auto parseOne = [&]() -> ParseResult {
      double n;
      if (parser.parseFloat(n))
        return failure();
      double p = n;
      if (succeeded(parser.parseOptionalColon()) && parser.parseFloat(p))
        return failure();
      neg.push_back(n);
      pos.push_back(p);
      return success();
    };
    if (parseScaleList(parser, axis >= 0, parseOne))
      return {};
  } else if (axis >= 0) {
    parser.emitError(loc, "per-axis ternary type needs scales per slice");
    return {};
  } else {
    neg.push_back(1.0);
    pos.push_back(1.0);
  }
  if (parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    expressed, axis,
                    DenseF64ArrayAttr::get(parser.getContext(), neg),
                    DenseF64ArrayAttr::get(parser.getContext(), pos));
}

void TernaryType::print(AsmPrinter &printer) const {
  printer << "<";
  printExpressedAndAxis(printer, getExpressedType(), getAxis());
  ArrayRef<double> neg = getNegScaleValues(), pos = getPosScaleValues();
  if (!isPerAxis() && neg.front() == 1.0 && pos.front() == 1.0) {
    printer << ">";
    return;
  }
  printer << ", ";
  if (isPerAxis())
    printer << "{";
  for (size_t i = 0, e = neg.size(); i != e; ++i) {
    if (i)
      printer << ", ";
    printExact(printer, neg[i]);
    if (pos[i] != neg[i]) {
      printer << ":";
      printExact(printer, pos[i]);
    }
  }
  if (isPerAxis())
    printer << "}";
  printer << ">";
}

//===----------------------------------------------------------------------===//
// CodebookType
//===----------------------------------------------------------------------===//

IntegerType CodebookType::getStorageType() const {
  return IntegerType::get(getContext(), getBits());
}

LogicalResult CodebookType::verify(function_ref<InFlightDiagnostic()> emitError,
                                   unsigned bits, FloatType expressedType,
                                   DenseF64ArrayAttr valueAttr) {
  ArrayRef<double> values =
      valueAttr ? valueAttr.asArrayRef() : ArrayRef<double>();
  if (bits < 1 || bits > 16)
    return emitError() << "codebook index width must be 1 to 16 bits, got "
                       << bits;
  if (!expressedType)
    return emitError() << "codebook type needs a float expressed type";
  if (values.empty())
    return emitError() << "codebook table must not be empty";
  if (values.size() > (size_t{1} << bits))
    return emitError() << "codebook table has " << values.size()
                       << " entries, more than 2^" << bits;
  for (double v : values)
    if (!std::isfinite(v))
      return emitError() << "codebook entries must be finite, got " << v;
  return success();
}

Type CodebookType::parse(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  Type storage;
  if (parser.parseLess() || parser.parseType(storage))
    return {};
  auto intType = llvm::dyn_cast<IntegerType>(storage);
  if (!intType || !intType.isSignless()) {
    parser.emitError(loc, "expected a signless index type such as i4, got ")
        << storage;
    return {};
  }
  FloatType expressed;
  int32_t axis;
  SMLoc colonLoc = parser.getCurrentLocation();
  if (parser.parseColon() || parseExpressedAndAxis(parser, expressed, axis))
    return {};
  if (axis != -1) {
    parser.emitError(colonLoc, "codebook types are per tensor");
    return {};
  }
  SmallVector<double> values;
  if (parser.parseComma() ||
      parser.parseCommaSeparatedList(
          AsmParser::Delimiter::Square,
          [&] { return parser.parseFloat(values.emplace_back()); }) ||
      parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    intType.getWidth(), expressed,
                    DenseF64ArrayAttr::get(parser.getContext(), values));
}

void CodebookType::print(AsmPrinter &printer) const {
  printer << "<i" << getBits() << ":" << getExpressedType() << ", [";
  llvm::interleaveComma(getTableValues(), printer,
                        [&](double v) { printExact(printer, v); });
  printer << "]>";
}

//===----------------------------------------------------------------------===//
// Element-type helpers
//===----------------------------------------------------------------------===//

ElementKind mlir::qnn::getElementKind(Type type) {
  if (llvm::isa<FloatType>(type))
    return ElementKind::Float;
  if (llvm::isa<IntegerType>(type))
    return ElementKind::Integer;
  if (llvm::isa<quant::UniformQuantizedType, quant::UniformQuantizedPerAxisType,
                quant::UniformQuantizedSubChannelType>(type))
    return ElementKind::Affine;
  if (llvm::isa<BinaryType>(type))
    return ElementKind::Binary;
  if (llvm::isa<TernaryType>(type))
    return ElementKind::Ternary;
  if (llvm::isa<CodebookType>(type))
    return ElementKind::Codebook;
  return ElementKind::Other;
}

bool mlir::qnn::isQuantizedElement(Type type) {
  switch (getElementKind(type)) {
  case ElementKind::Affine:
  case ElementKind::Binary:
  case ElementKind::Ternary:
  case ElementKind::Codebook:
    return true;
  default:
    return false;
  }
}

IntegerType mlir::qnn::getStorageType(Type type) {
  return llvm::TypeSwitch<Type, IntegerType>(type)
      .Case<quant::QuantizedType>([](quant::QuantizedType q) {
        return IntegerType::get(q.getContext(),
                                q.getStorageTypeIntegralWidth());
      })
      .Case<BinaryType, TernaryType, CodebookType>(
          [](auto t) { return t.getStorageType(); })
      .Default([](Type) { return IntegerType(); });
}

FloatType mlir::qnn::getExpressedType(Type type) {
  return llvm::TypeSwitch<Type, FloatType>(type)
      .Case<FloatType>([](FloatType f) { return f; })
      .Case<quant::QuantizedType>([](quant::QuantizedType q) {
        return llvm::dyn_cast_or_null<FloatType>(q.getExpressedType());
      })
      .Case<BinaryType, TernaryType, CodebookType>(
          [](auto t) { return t.getExpressedType(); })
      .Default([](Type) { return FloatType(); });
}

int64_t mlir::qnn::getQuantizedAxis(Type type) {
  return llvm::TypeSwitch<Type, int64_t>(type)
      .Case<quant::UniformQuantizedPerAxisType>(
          [](auto t) { return t.getQuantizedDimension(); })
      .Case<quant::UniformQuantizedSubChannelType>([](auto t) -> int64_t {
        ArrayRef<int32_t> dims = t.getQuantizedDimensions();
        return dims.empty() ? -1 : dims.front();
      })
      .Case<BinaryType, TernaryType>([](auto t) { return t.getAxis(); })
      .Default([](Type) { return -1; });
}

int64_t mlir::qnn::getNumParameterSlices(Type type) {
  return llvm::TypeSwitch<Type, int64_t>(type)
      .Case<quant::UniformQuantizedPerAxisType>(
          [](auto t) { return t.getScales().size(); })
      .Case<BinaryType>([](BinaryType t) { return t.getAlphaValues().size(); })
      .Case<TernaryType>(
          [](TernaryType t) { return t.getPosScaleValues().size(); })
      .Default([](Type) { return 1; });
}

LogicalResult
mlir::qnn::verifyQuantizedShape(function_ref<InFlightDiagnostic()> emitError,
                                Type elementType, ArrayRef<int64_t> shape,
                                StringRef what) {
  int64_t rank = shape.size();
  if (auto sub =
          llvm::dyn_cast<quant::UniformQuantizedSubChannelType>(elementType)) {
    for (auto [dim, block] : sub.getBlockSizeInfo()) {
      if (dim >= rank)
        return emitError() << what << " is quantized along dimension " << dim
                           << " but has rank " << rank;
      if (!ShapedType::isDynamic(shape[dim]) && shape[dim] % block != 0)
        return emitError() << what << " dimension " << dim << " of size "
                           << shape[dim] << " is not a multiple of block size "
                           << block;
    }
    // The scale tensor has one entry per block along every dimension.
    ArrayRef<int64_t> scaleShape = sub.getScales().getType().getShape();
    if (static_cast<int64_t>(scaleShape.size()) != rank)
      return emitError() << what << " has rank " << rank
                         << " but its sub-channel scales have rank "
                         << scaleShape.size();
    for (int64_t d = 0; d < rank; ++d) {
      if (ShapedType::isDynamic(shape[d]))
        continue;
      int64_t block = shape[d];
      for (auto [dim, b] : sub.getBlockSizeInfo())
        if (dim == d)
          block = b;
      if (shape[d] / block != scaleShape[d])
        return emitError() << what << " needs " << shape[d] / block
                           << " scale blocks along dimension " << d
                           << ", the type has " << scaleShape[d];
    }
    return success();
  }
  int64_t axis = getQuantizedAxis(elementType);
  if (axis < 0)
    return success();
  if (axis >= rank)
    return emitError() << what << " is quantized along axis " << axis
                       << " but has rank " << rank;
  int64_t slices = getNumParameterSlices(elementType);
  if (!ShapedType::isDynamic(shape[axis]) && shape[axis] != slices)
    return emitError() << what << " has " << shape[axis]
                       << " slices along quantized axis " << axis
                       << " but its type has " << slices << " scales";
  return success();
}

/// Reports the first zero point of `q` outside its storage range.
static LogicalResult
verifyZeroPoints(function_ref<InFlightDiagnostic()> emitError,
                 quant::QuantizedType q, StringRef what) {
  SmallVector<int64_t> zeroPoints;
  if (auto t = llvm::dyn_cast<quant::UniformQuantizedType>(q))
    zeroPoints.push_back(t.getZeroPoint());
  else if (auto t = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(q))
    llvm::append_range(zeroPoints, t.getZeroPoints());
  else if (auto t = llvm::dyn_cast<quant::UniformQuantizedSubChannelType>(q))
    for (const APInt &zp : t.getZeroPoints().getValues<APInt>())
      zeroPoints.push_back(zp.getSExtValue());
  int64_t lo = q.getStorageTypeMin(), hi = q.getStorageTypeMax();
  for (int64_t zp : zeroPoints)
    if (zp < lo || zp > hi)
      return emitError() << what << " has zero point " << zp
                         << " outside the storage range [" << lo << ", " << hi
                         << "] of " << q;
  return success();
}

LogicalResult
mlir::qnn::verifyQuantizedTensor(function_ref<InFlightDiagnostic()> emitError,
                                 Type elementType, ArrayRef<int64_t> shape,
                                 StringRef what) {
  if (auto q = llvm::dyn_cast<quant::QuantizedType>(elementType))
    if (failed(verifyZeroPoints(emitError, q, what)))
      return failure();
  return verifyQuantizedShape(emitError, elementType, shape, what);
}

LogicalResult mlir::qnn::verifyQNNOpInvariants(Operation *op) {
  // Inherent attributes live in the op's properties; anything else must be a
  // dialect-prefixed discardable attribute such as `qnn.range`.
  for (NamedAttribute attr : op->getDiscardableAttrs())
    if (!attr.getName().getValue().contains('.'))
      return op->emitOpError()
             << "has unknown attribute '" << attr.getName().getValue() << "'";
  auto check = [&](Type type, const Twine &what) -> LogicalResult {
    auto tensor = llvm::dyn_cast<RankedTensorType>(type);
    if (!tensor || !isQuantizedElement(tensor.getElementType()))
      return success();
    std::string name = what.str();
    return verifyQuantizedTensor([&] { return op->emitOpError(); },
                                 tensor.getElementType(), tensor.getShape(),
                                 name);
  };
  for (auto [i, type] : llvm::enumerate(op->getOperandTypes()))
    if (failed(check(type, "operand #" + Twine(i))))
      return failure();
  for (auto [i, type] : llvm::enumerate(op->getResultTypes()))
    if (failed(check(type, op->getNumResults() == 1 ? Twine("result")
                                                    : "result #" + Twine(i))))
      return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// Axis moves and representability
//===----------------------------------------------------------------------===//

Type mlir::qnn::withQuantizedAxis(Type type, int64_t axis) {
  return llvm::TypeSwitch<Type, Type>(type)
      .Case<quant::UniformQuantizedPerAxisType>([&](auto t) -> Type {
        return quant::UniformQuantizedPerAxisType::get(
            t.getFlags(), t.getStorageType(), t.getExpressedType(),
            t.getScales(), t.getZeroPoints(), static_cast<int32_t>(axis),
            t.getStorageTypeMin(), t.getStorageTypeMax());
      })
      .Case<quant::UniformQuantizedSubChannelType>([](auto) { return Type(); })
      .Case<BinaryType>([&](BinaryType t) -> Type {
        if (!t.isPerAxis())
          return t;
        return BinaryType::get(t.getContext(), t.getExpressedType(),
                               static_cast<int32_t>(axis), t.getAlphas());
      })
      .Case<TernaryType>([&](TernaryType t) -> Type {
        if (!t.isPerAxis())
          return t;
        return TernaryType::get(t.getContext(), t.getExpressedType(),
                                static_cast<int32_t>(axis), t.getNegScales(),
                                t.getPosScales());
      })
      .Default([](Type t) { return t; });
}

/// True if `value` == (q - zeroPoint) * scale for an integer q in
/// [qmin, qmax], evaluated in double precision.
static bool isAffineCode(double value, double scale, int64_t zeroPoint,
                         int64_t qmin, int64_t qmax) {
  double k = std::nearbyint(value / scale);
  if (k * scale != value)
    return false;
  double q = k + static_cast<double>(zeroPoint);
  return q >= static_cast<double>(qmin) && q <= static_cast<double>(qmax);
}

bool mlir::qnn::isExactlyRepresentable(Type type, double value) {
  if (!std::isfinite(value))
    return false;
  return llvm::TypeSwitch<Type, bool>(type)
      .Case<FloatType>([](auto) { return true; })
      .Case<IntegerType>([&](IntegerType t) {
        // Integer storage after lowering: an integral value that fits the
        // width read as signed or as unsigned.
        if (std::nearbyint(value) != value)
          return false;
        unsigned w = t.getWidth();
        if (w >= 64)
          return std::fabs(value) < 0x1p63;
        return value >= -std::ldexp(1.0, w - 1) && value < std::ldexp(1.0, w);
      })
      .Case<quant::UniformQuantizedType>([&](auto t) {
        return isAffineCode(value, t.getScale(), t.getZeroPoint(),
                            t.getStorageTypeMin(), t.getStorageTypeMax());
      })
      .Case<quant::UniformQuantizedPerAxisType>([&](auto t) {
        for (auto [scale, zp] : llvm::zip(t.getScales(), t.getZeroPoints()))
          if (!isAffineCode(value, scale, zp, t.getStorageTypeMin(),
                            t.getStorageTypeMax()))
            return false;
        return true;
      })
      .Case<quant::UniformQuantizedSubChannelType>([&](auto t) {
        auto scales = t.getScales().template getValues<APFloat>();
        auto zps = t.getZeroPoints().template getValues<APInt>();
        for (auto [scale, zp] : llvm::zip(scales, zps))
          if (!isAffineCode(value, scale.convertToDouble(), zp.getSExtValue(),
                            t.getStorageTypeMin(), t.getStorageTypeMax()))
            return false;
        return true;
      })
      .Case<BinaryType>([&](BinaryType t) {
        if (t.getAlphaValues().empty())
          return value == 1.0 || value == -1.0;
        return llvm::all_of(t.getAlphaValues(), [&](double a) {
          return value == a || value == -a;
        });
      })
      .Case<TernaryType>([&](TernaryType t) {
        if (value == 0.0)
          return true;
        for (auto [n, p] :
             llvm::zip(t.getNegScaleValues(), t.getPosScaleValues()))
          if (value != -n && value != p)
            return false;
        return true;
      })
      .Case<CodebookType>([&](CodebookType t) {
        return llvm::is_contained(t.getTableValues(), value);
      })
      .Default([](Type) { return false; });
}

std::optional<AffineParams> mlir::qnn::getAffineParams(Type type) {
  AffineParams p;
  if (auto t = llvm::dyn_cast<quant::UniformQuantizedType>(type)) {
    p.scales.push_back(t.getScale());
    p.zeroPoints.push_back(t.getZeroPoint());
  } else if (auto t =
                 llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(type)) {
    llvm::append_range(p.scales, t.getScales());
    llvm::append_range(p.zeroPoints, t.getZeroPoints());
    p.axis = t.getQuantizedDimension();
  } else {
    return std::nullopt;
  }
  auto q = llvm::cast<quant::QuantizedType>(type);
  p.qmin = q.getStorageTypeMin();
  p.qmax = q.getStorageTypeMax();
  p.storageBits = q.getStorageTypeIntegralWidth();
  p.isSigned = q.isSigned();
  return p;
}
