//===- QNNPoolingOps.cpp - pooling op verifiers ---------------------------===//
//
// Verifiers of the pooling ops declared in QNNNNOps.td: max_pool2d,
// max_pool2d_indices, avg_pool2d and global_avg_pool. The window formula
// itself (verifyWindowDim) is shared with conv2d and lives in QNNNNOps.cpp;
// the rank, size and quantization checks come from QNNVerifyUtils.h.
//
//===----------------------------------------------------------------------===//

#include "QNNVerifyUtils.h"
#include "quant/Dialect/QNN/IR/QNN.h"

#include "llvm/Support/CheckedArithmetic.h"

#include <optional>

using namespace mlir;
using namespace mlir::qnn;
using namespace mlir::qnn::verifyutil;

//===----------------------------------------------------------------------===//
// Shape rules
//===----------------------------------------------------------------------===//

/// Shape and attribute rules shared by max_pool2d and avg_pool2d: `padding`
/// [top, left, bottom, right] smaller than the dilated kernel (so that every
/// window sees a real element), batch and channels kept, spatial sizes per
/// verifyWindowDim. `dilations` is empty for avg_pool2d, which has none.
/// ODS has checked the rank-4 NCHW input and result, two `kernel`,
/// `strides` and `dilations` entries >= 1 and four `padding` entries >= 0.
static LogicalResult
verifyPool2DShape(Operation *op, RankedTensorType in, RankedTensorType out,
                  ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                  ArrayRef<int64_t> dilations, ArrayRef<int64_t> padding,
                  bool ceilMode) {
  static constexpr StringLiteral names[] = {"height", "width"};
  static constexpr StringLiteral sides[] = {"top", "left", "bottom", "right"};
  int64_t effective[2];
  for (unsigned i = 0; i < 2; ++i) {
    int64_t d = dilations.empty() ? 1 : dilations[i];
    std::optional<int64_t> e =
        llvm::checkedMulAdd<int64_t>(d, kernel[i] - 1, 1);
    if (!e)
      return op->emitOpError()
             << "window " << names[i] << " computation overflows 64 bits";
    effective[i] = *e;
  }
  for (unsigned i = 0; i < 4; ++i)
    if (padding[i] >= effective[i % 2])
      return op->emitOpError()
             << "expects padding smaller than the "
             << (dilations.empty() ? "" : "dilated ") << "kernel, got "
             << sides[i] << " padding " << padding[i] << " for kernel "
             << names[i % 2] << " " << effective[i % 2];

  if (failed(verifySize(op, out.getDimSize(0), in.getDimSize(0),
                        "result batch")) ||
      failed(verifySize(op, out.getDimSize(1), in.getDimSize(1),
                        "result channels")))
    return failure();
  for (unsigned i = 0; i < 2; ++i) {
    WindowDim w{names[i],
                in.getDimSize(2 + i),
                kernel[i],
                strides[i],
                dilations.empty() ? 1 : dilations[i],
                padding[i],
                padding[i + 2]};
    if (failed(verifyWindowDim(op, w, out.getDimSize(2 + i), ceilMode)))
      return failure();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// The element rule of the averaging ops: float -> the same float type,
/// affine -> affine with the same storage type and expressed type (the
/// scale and zero point may change). ODS has checked that both are float
/// or affine.
static LogicalResult verifyAverageElementTypes(Operation *op,
                                               RankedTensorType in,
                                               RankedTensorType out) {
  Type inElt = in.getElementType(), outElt = out.getElementType();
  if (getElementKind(inElt) == ElementKind::Float) {
    if (outElt != inElt)
      return op->emitOpError()
             << "expects the result element type to equal the float input "
                "element type "
             << inElt << ", got " << outElt;
    return success();
  }
  auto inQ = llvm::cast<quant::QuantizedType>(inElt);
  auto outQ = llvm::dyn_cast<quant::QuantizedType>(outElt);
  if (getElementKind(outElt) != ElementKind::Affine || !outQ)
    return op->emitOpError()
           << "expects an affine result for an affine input, got " << outElt;
  if (outQ.getStorageTypeIntegralWidth() != inQ.getStorageTypeIntegralWidth() ||
      outQ.isSigned() != inQ.isSigned())
    return op->emitOpError()
           << "expects the result storage type of the input ("
           << (inQ.isSigned() ? "i" : "u") << inQ.getStorageTypeIntegralWidth()
           << "), got " << (outQ.isSigned() ? "i" : "u")
           << outQ.getStorageTypeIntegralWidth();
  if (outQ.getExpressedType() != inQ.getExpressedType())
    return op->emitOpError()
           << "expects the result to express " << inQ.getExpressedType()
           << " like the input, got " << outQ.getExpressedType();
  return success();
}

/// Pooling shape rules; the element type carries over unchanged.
LogicalResult MaxPool2DOp::verify() {
  Operation *op = *this;
  RankedTensorType in = getInput().getType(), out = getType();
  if (failed(verifyPool2DShape(op, in, out, getKernel(), getStrides(),
                               getDilations(), getPadding(), getCeilMode())) ||
      failed(verifyQuantizations(op, {{in, "input"}, {out, "result"}})))
    return failure();
  // The maximum is one of the inputs, so any element type that orders its
  // values (float, integer, each quantized kind; checked by ODS) carries
  // over unchanged.
  Type inElt = in.getElementType();
  if (out.getElementType() != inElt)
    return emitOpError() << "expects the result element type to equal the "
                            "input element type "
                         << inElt << ", got " << out.getElementType();
  return success();
}

/// max_pool2d's shape rules (ODS checks the float or signless integer
/// input and the i64 indices).
LogicalResult MaxPool2DIndicesOp::verify() {
  RankedTensorType in = getInput().getType(), out = getType();
  return verifyPool2DShape(*this, in, out, getKernel(), getStrides(),
                           getDilations(), getPadding(), getCeilMode());
}

/// Pooling shape rules without dilations; float or affine elements.
LogicalResult AvgPool2DOp::verify() {
  Operation *op = *this;
  RankedTensorType in = getInput().getType(), out = getType();
  if (failed(verifyPool2DShape(op, in, out, getKernel(), getStrides(),
                               /*dilations=*/{}, getPadding(),
                               getCeilMode())) ||
      failed(verifyQuantizations(op, {{in, "input"}, {out, "result"}})))
    return failure();
  return verifyAverageElementTypes(op, in, out);
}

/// [N, C, H, W] -> [N, C, 1, 1]; float or affine elements.
LogicalResult GlobalAvgPoolOp::verify() {
  Operation *op = *this;
  RankedTensorType in = getInput().getType(), out = getType(); // ODS: 4-D.
  if (failed(verifySize(op, out.getDimSize(0), in.getDimSize(0),
                        "result batch")) ||
      failed(verifySize(op, out.getDimSize(1), in.getDimSize(1),
                        "result channels")) ||
      failed(verifySize(op, out.getDimSize(2), 1, "result height")) ||
      failed(verifySize(op, out.getDimSize(3), 1, "result width")) ||
      failed(verifyQuantizations(op, {{in, "input"}, {out, "result"}})))
    return failure();
  return verifyAverageElementTypes(op, in, out);
}
