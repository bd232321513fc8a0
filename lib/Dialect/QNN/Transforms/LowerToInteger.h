//===- LowerToInteger.h - state of -qnn-lower-to-integer ---------*- C++
//-*-===//
//
// Internal to lib/Dialect/QNN/Transforms: the lowering state shared by
// LowerToInteger.cpp (driver, boundaries, requantize, clamp, data movement,
// float expansion) and LowerLinear.cpp (conv2d / fully_connected / matmul),
// and the code helpers both use.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_LIB_DIALECT_QNN_TRANSFORMS_LOWERTOINTEGER_H
#define QUANT_LIB_DIALECT_QNN_TRANSFORMS_LOWERTOINTEGER_H

#include "quant/Dialect/QNN/IR/QNN.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/SetVector.h"

#include <optional>

namespace mlir::qnn::intlower {

/// True for the affine types this pass gives an integer representation.
bool isLowerableAffine(Type elementType);
/// True if `type` is a tensor of any affine type (including sub-channel).
bool isAffineTensor(Type type);
/// True if `type` is a tensor of `!qnn.binary` elements.
bool isBinaryTensor(Type type);
/// The parameters of `p` for signed codes: unsigned n-bit codes shift down
/// by 2^(n-1).
AffineParams toSigned(AffineParams p);
/// The storage offset that toSigned() applied to `p` (0 when signed).
int64_t signedOffset(const AffineParams &original);
/// Reads the codes of an affine qnn.constant as signed values.
std::optional<SmallVector<int64_t>> readSignedCodes(ConstantOp op);
/// A dense integer constant of `type` holding `values`.
DenseElementsAttr intElements(RankedTensorType type, ArrayRef<int64_t> values);

/// The integer representation of an affine value: signed codes in a
/// signless tensor and the (signed) parameters they are read with.
struct IntRep {
  Value codes;
  AffineParams params;
};

/// How the epilogue of a linear op requantizes its accumulator.
struct RescaleSpec {
  RoundingMode mode = RoundingMode::HalfEven;
  SmallVector<float> scales; // half_even: the f32 scales.
  SmallVector<double> reals; // Fixed point: the exact ratios.
  int64_t axis = -1;
  int64_t inputZp = 0, outputZp = 0, min = 0, max = 0;
  bool inputUnsigned = false, outputUnsigned = false;
};

/// The per-function lowering state: the integer representation of every
/// lowered affine value and the ops to erase once all uses are rewired.
class IntegerLowering {
public:
  IntegerLowering(func::FuncOp func, RoundingMode rounding)
      : func(func), builder(func.getContext()), rounding(rounding) {}

  LogicalResult run();

private:
  // Representations.
  IntRep importValue(Value value);
  Value materialize(const IntRep &rep, RankedTensorType type);
  Value buildRescale(Location loc, Value input, Type resultElt,
                     const RescaleSpec &spec);

  // Op lowerings; each returns failure() when the op is left to the float
  // expansion.
  LogicalResult lowerLinear(Operation *op);
  LogicalResult lowerRuntimeLinear(Operation *op, Value input, Value weight,
                                   Value bias, int64_t resultChannelDim,
                                   const AffineParams &xParams);
  /// 8-bit codes minus their zero point, as i16 (exact).
  Value centerCodes(Location loc, Value codes, int64_t zp);
  /// The epilogue of a linear op whose i32 accumulator `acc` is built.
  LogicalResult finishLinear(Operation *op, Value acc,
                             const AffineParams &xParams,
                             const AffineParams &wParams,
                             int64_t resultChannelDim);
  LogicalResult lowerRequantize(RequantizeOp op);
  LogicalResult lowerClamp(ClampOp op);
  LogicalResult lowerSameScale(Operation *op);
  LogicalResult lowerConcat(ConcatOp op);
  LogicalResult expandToFloat(Operation *op);

  void setRep(Value original, Value codes, AffineParams params) {
    reps[original] = IntRep{codes, std::move(params)};
  }
  Type codeType(const AffineParams &p) {
    return builder.getIntegerType(p.storageBits);
  }
  RankedTensorType withElement(Value v, Type elt) {
    return llvm::cast<RankedTensorType>(v.getType()).clone(elt);
  }

  func::FuncOp func;
  OpBuilder builder;
  RoundingMode rounding;
  DenseMap<Value, IntRep> reps;
  SetVector<Operation *> lowered;
  SetVector<ConstantOp> deadConstants;
  bool errorEmitted = false;
};

} // namespace mlir::qnn::intlower

#endif // QUANT_LIB_DIALECT_QNN_TRANSFORMS_LOWERTOINTEGER_H
