//===- QNNShapeOps.cpp - data-movement op verifiers -----------------------===//
//
// Verifiers of reshape, transpose, concat and pad. These ops move values
// without changing them, so their rule is that quantization parameters
// travel with the values: per-axis parameters follow their axis, and a
// padding value must be one the element type can represent exactly.
//
//===----------------------------------------------------------------------===//

#include "QNNVerifyUtils.h"
#include "quant/Dialect/QNN/IR/QNN.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::verifyutil;

/// Product of `dims`, or nullopt if any is dynamic.
static std::optional<int64_t> staticProduct(ArrayRef<int64_t> dims) {
  int64_t product = 1;
  for (int64_t d : dims) {
    if (ShapedType::isDynamic(d))
      return std::nullopt;
    product *= d;
  }
  return product;
}

//===----------------------------------------------------------------------===//
// ReshapeOp
//===----------------------------------------------------------------------===//

/// The result axis that holds input axis `axis` unchanged after a row-major
/// reshape from `in` to `out`: the same size with the same number of
/// elements before it. Returns -1 if no such axis exists (the axis is split
/// or merged). Size-1 result axes are skipped in favour of a real match.
static int64_t mapReshapeAxis(ArrayRef<int64_t> in, ArrayRef<int64_t> out,
                              int64_t axis) {
  std::optional<int64_t> before = staticProduct(in.take_front(axis));
  if (!before)
    return -1;
  int64_t candidate = -1;
  for (int64_t j = 0, e = out.size(); j < e; ++j) {
    std::optional<int64_t> outBefore = staticProduct(out.take_front(j));
    if (!outBefore || *outBefore != *before || out[j] != in[axis])
      continue;
    candidate = j;
    if (out[j] != 1)
      break;
  }
  return candidate;
}

LogicalResult ReshapeOp::verify() {
  RankedTensorType in = getInput().getType(), out = getType();
  std::optional<int64_t> inCount = staticProduct(in.getShape());
  std::optional<int64_t> outCount = staticProduct(out.getShape());
  if (inCount && outCount && *inCount != *outCount)
    return emitOpError() << "changes the element count from " << *inCount
                         << " to " << *outCount;

  Type inElt = in.getElementType(), outElt = out.getElementType();
  if (inElt == outElt && getQuantizedAxis(inElt) < 0)
    return success();
  if (getElementKind(inElt) != getElementKind(outElt) ||
      getQuantizedAxis(inElt) < 0)
    return emitOpError() << "expects the element type to be kept, got " << inElt
                         << " -> " << outElt;
  if (llvm::isa<quant::UniformQuantizedSubChannelType>(inElt)) {
    if (in.getShape() == out.getShape() && inElt == outElt)
      return success();
    return emitOpError() << "cannot reshape a sub-channel quantized tensor";
  }
  int64_t axis = getQuantizedAxis(inElt);
  if (axis >= in.getRank())
    return failure(); // Reported by the QNNOpInvariants trait.
  int64_t outAxis = mapReshapeAxis(in.getShape(), out.getShape(), axis);
  if (outAxis < 0)
    return emitOpError() << "splits or merges quantized axis " << axis << " of "
                         << in;
  Type expected = withQuantizedAxis(inElt, outAxis);
  if (expected != outElt)
    return emitOpError() << "expects result element type " << expected
                         << " (quantized axis " << axis << " moves to "
                         << outAxis << "), got " << outElt;
  return success();
}

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

LogicalResult TransposeOp::verify() {
  RankedTensorType in = getInput().getType(), out = getType();
  ArrayRef<int64_t> perm = getPermutation();
  int64_t rank = in.getRank();
  if (static_cast<int64_t>(perm.size()) != rank || out.getRank() != rank)
    return emitOpError() << "expects a permutation of " << rank
                         << " entries and a rank-" << rank << " result, got "
                         << perm.size() << " entries and rank "
                         << out.getRank();
  SmallVector<bool> seen(rank, false);
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[p])
      return emitOpError() << "'permutation' is not a permutation of [0, "
                           << rank << ")";
    seen[p] = true;
  }
  for (int64_t i = 0; i < rank; ++i) {
    int64_t want = in.getDimSize(perm[i]), got = out.getDimSize(i);
    if (!ShapedType::isDynamic(want) && !ShapedType::isDynamic(got) &&
        want != got)
      return emitOpError() << "result dimension " << i << " is " << got
                           << " but input dimension " << perm[i] << " is "
                           << want;
  }

  Type inElt = in.getElementType(), outElt = out.getElementType();
  int64_t axis = getQuantizedAxis(inElt);
  if (axis < 0 || axis >= rank) {
    if (inElt != outElt)
      return emitOpError() << "expects the element type to be kept, got "
                           << inElt << " -> " << outElt;
    return success();
  }
  if (llvm::isa<quant::UniformQuantizedSubChannelType>(inElt)) {
    if (inElt == outElt && llvm::equal(perm, llvm::seq<int64_t>(0, rank)))
      return success();
    return emitOpError() << "cannot transpose a sub-channel quantized tensor";
  }
  int64_t outAxis = llvm::find(perm, axis) - perm.begin();
  Type expected = withQuantizedAxis(inElt, outAxis);
  if (expected != outElt)
    return emitOpError() << "expects result element type " << expected
                         << " (quantized axis " << axis << " moves to "
                         << outAxis << "), got " << outElt;
  return success();
}

//===----------------------------------------------------------------------===//
// ConcatOp
//===----------------------------------------------------------------------===//

/// Checks the element types of concat: one kind; per-tensor affine inputs
/// may have their own scales (the op requantizes them); per-axis affine
/// inputs concatenated along their quantized axis give the result the
/// concatenation of their parameters; all other types must be equal.
static LogicalResult verifyConcatElementTypes(ConcatOp op, int64_t axis) {
  Type outElt = op.getType().getElementType();
  ElementKind kind = getElementKind(outElt); // ODS: not ElementKind::Other.
  auto perAxis = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(outElt);
  bool alongQuantizedAxis = perAxis && perAxis.getQuantizedDimension() == axis;
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
  for (auto [i, input] : llvm::enumerate(op.getInputs())) {
    Type inElt = tensorTypeOf(input).getElementType();
    if (getElementKind(inElt) != kind)
      return op.emitOpError()
             << "input " << i << " is " << kindName(getElementKind(inElt))
             << " but the result is " << kindName(kind);
    auto inUniform = llvm::dyn_cast<quant::UniformQuantizedType>(inElt);
    if (inUniform && llvm::isa<quant::UniformQuantizedType>(outElt)) {
      auto outUniform = llvm::cast<quant::UniformQuantizedType>(outElt);
      if (inUniform.getStorageType() != outUniform.getStorageType() ||
          inUniform.getExpressedType() != outUniform.getExpressedType() ||
          inUniform.getStorageTypeMin() != outUniform.getStorageTypeMin() ||
          inUniform.getStorageTypeMax() != outUniform.getStorageTypeMax() ||
          inUniform.isSigned() != outUniform.isSigned())
        return op.emitOpError()
               << "input " << i << " storage or expressed type differs from "
               << "the result's: " << inElt << " vs " << outElt;
      continue;
    }
    if (alongQuantizedAxis) {
      auto inAxis = llvm::dyn_cast<quant::UniformQuantizedPerAxisType>(inElt);
      if (!inAxis || inAxis.getQuantizedDimension() != axis ||
          inAxis.getFlags() != perAxis.getFlags() ||
          inAxis.getStorageType() != perAxis.getStorageType() ||
          inAxis.getExpressedType() != perAxis.getExpressedType() ||
          inAxis.getStorageTypeMin() != perAxis.getStorageTypeMin() ||
          inAxis.getStorageTypeMax() != perAxis.getStorageTypeMax())
        return op.emitOpError()
               << "input " << i << " must be quantized along the concat axis "
               << axis << " like the result, got " << inElt;
      llvm::append_range(scales, inAxis.getScales());
      llvm::append_range(zeroPoints, inAxis.getZeroPoints());
      continue;
    }
    if (inElt != outElt)
      return op.emitOpError() << "input " << i << " has element type " << inElt
                              << " but the result has " << outElt;
  }
  if (alongQuantizedAxis &&
      (ArrayRef<double>(scales) != perAxis.getScales() ||
       ArrayRef<int64_t>(zeroPoints) != perAxis.getZeroPoints()))
    return op.emitOpError() << "result parameters along axis " << axis
                            << " are not the concatenation of the inputs'";
  return success();
}

LogicalResult ConcatOp::verify() {
  RankedTensorType out = getType();
  int64_t rank = out.getRank();
  int64_t axis = static_cast<int64_t>(getAxis());
  if (getInputs().empty())
    return emitOpError() << "expects at least one input";
  if (axis >= rank) // ODS has checked axis >= 0.
    return emitOpError() << "axis " << axis << " is out of range for rank "
                         << rank;
  int64_t total = 0;
  bool totalKnown = true;
  for (auto [i, input] : llvm::enumerate(getInputs())) {
    RankedTensorType t = tensorTypeOf(input);
    if (t.getRank() != rank)
      return emitOpError() << "input " << i << " has rank " << t.getRank()
                           << " but the result has rank " << rank;
    for (int64_t d = 0; d < rank; ++d) {
      if (d == axis)
        continue;
      int64_t a = t.getDimSize(d), b = out.getDimSize(d);
      if (!ShapedType::isDynamic(a) && !ShapedType::isDynamic(b) && a != b)
        return emitOpError() << "input " << i << " dimension " << d << " is "
                             << a << " but the result's is " << b;
    }
    if (t.isDynamicDim(axis))
      totalKnown = false;
    else
      total += t.getDimSize(axis);
  }
  if (totalKnown && !out.isDynamicDim(axis) && out.getDimSize(axis) != total)
    return emitOpError() << "result dimension " << axis << " is "
                         << out.getDimSize(axis) << " but the inputs sum to "
                         << total;
  return verifyConcatElementTypes(*this, axis);
}

//===----------------------------------------------------------------------===//
// PadOp
//===----------------------------------------------------------------------===//

LogicalResult PadOp::verify() {
  RankedTensorType in = getInput().getType(), out = getType();
  int64_t rank = in.getRank();
  if (out.getRank() != rank)
    return emitOpError() << "expects a rank-" << rank << " result, got rank "
                         << out.getRank();
  // ODS has checked that the pads are non-negative.
  ArrayRef<int64_t> pads = getPads();
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return emitOpError() << "expects " << 2 * rank << " entries in 'pads', got "
                         << pads.size();
  for (int64_t d = 0; d < rank; ++d) {
    int64_t a = in.getDimSize(d), b = out.getDimSize(d);
    if (ShapedType::isDynamic(a) || ShapedType::isDynamic(b))
      continue;
    if (a + pads[d] + pads[rank + d] != b)
      return emitOpError() << "result dimension " << d << " is " << b
                           << " but input " << a << " + pads " << pads[d]
                           << " + " << pads[rank + d] << " = "
                           << a + pads[d] + pads[rank + d];
  }
  Type inElt = in.getElementType(), outElt = out.getElementType();
  if (inElt != outElt)
    return emitOpError() << "expects the element type to be kept, got " << inElt
                         << " -> " << outElt;
  double value = getValue().convertToDouble();
  if (getMode() != PadMode::Constant) {
    if (value != 0.0)
      return emitOpError() << "takes a padding value only in constant mode, "
                              "got "
                           << value << " in " << stringifyPadMode(getMode())
                           << " mode";
    bool reflect = getMode() == PadMode::Reflect;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t size = in.getDimSize(d);
      int64_t most = std::max(pads[d], pads[rank + d]);
      if (ShapedType::isDynamic(size) || most == 0)
        continue;
      if (size == 0)
        return emitOpError() << "cannot pad the empty dimension " << d << " in "
                             << stringifyPadMode(getMode()) << " mode";
      if (reflect && most > size - 1)
        return emitOpError()
               << "reflects at most " << size - 1 << " elements of dimension "
               << d << " (size " << size << "), got pads " << pads[d] << " and "
               << pads[rank + d];
    }
    return success();
  }
  if (!isExactlyRepresentable(inElt, value))
    return emitOpError() << "padding value " << value
                         << " is not exactly representable in " << inElt;
  return success();
}
