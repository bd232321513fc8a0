//===- Numerics.h - Shared quantization numerics ----------------*- C++ -*-===//
//
// The one place where quant-mlir defines how quantized values are rounded,
// scaled and saturated. Compiler passes (folders, the integer lowering),
// code generation (constants, emitted kernels must match bit for bit),
// runtimes and the tests' reference evaluators all call these functions.
//
// No MLIR dependency: plain C++17.
//
// Floating-point functions assume the default IEEE environment (round to
// nearest, no flush-to-zero, no fast-math), as ONNX Runtime does. Integer
// functions never invoke undefined behaviour: where a reference leaves an
// input undefined (TOSA `REQUIRE`, gemmlowp `assert`) the precondition is
// checked with `assert` and the release build gives the documented result.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_SUPPORT_NUMERICS_H
#define QUANT_SUPPORT_NUMERICS_H

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace mlir::qnn::numerics {

//===----------------------------------------------------------------------===//
// Rounding modes
//===----------------------------------------------------------------------===//

/// Rounds to the nearest integer, ties to even (IEEE roundeven). Does not
/// depend on the floating-point environment's rounding mode. NaN and
/// infinities are returned unchanged.
double roundHalfEven(double x);

/// How a requantization rounds; mirrors the `qnn` dialect's RoundingMode.
enum class RoundingMode {
  /// ONNX QuantizeLinear / ONNX Runtime: an f32 scale; the value is
  /// converted to f32, multiplied (or divided) in f32, rounded half to even.
  HalfEven,
  /// gemmlowp / TFLite MultiplyByQuantizedMultiplier (double rounding):
  /// SaturatingRoundingDoublingHighMul (ties towards +infinity), then
  /// RoundingDivideByPOT (ties away from zero).
  DoubleRound,
  /// TOSA apply_scale_32 with double_round = false, XNNPACK "rndnu":
  /// (x * multiplier + 2^(shift-1)) >> shift in 64 bits (ties towards
  /// +infinity, one rounding).
  SingleRound,
};

/// Returns the dialect spelling of `mode`: "half_even", "double_round" or
/// "single_round".
const char *stringifyRoundingMode(RoundingMode mode);

/// Parses the dialect spelling of a rounding mode; nullopt if unknown.
std::optional<RoundingMode> parseRoundingMode(std::string_view str);

//===----------------------------------------------------------------------===//
// Storage ranges and ONNX affine quantization
//===----------------------------------------------------------------------===//

/// Smallest storage value of a `bits`-wide integer: -2^(bits-1) if signed,
/// else 0; plus one if `narrow` (as upstream quant's narrow range, e.g. i8
/// narrow = [-127, 127], u8 narrow = [1, 255]). `bits` must be in [1, 64]
/// when signed and [1, 63] when unsigned.
int64_t storageMin(unsigned bits, bool isSigned, bool narrow = false);

/// Largest storage value of a `bits`-wide integer: 2^(bits-1) - 1 if signed,
/// else 2^bits - 1. Same domain as storageMin.
int64_t storageMax(unsigned bits, bool isSigned, bool narrow = false);

/// ONNX QuantizeLinear as ONNX Runtime computes it (MlasQuantizeLinear):
///   q = clamp(roundHalfEven(x / scale) + zeroPoint, qmin, qmax)
/// where `x / scale` is an f32 division (not f64: the f32 quotient can round
/// onto a tie that the exact quotient is not on) and the rest is exact
/// integer arithmetic. NaN (x or scale) gives `qmin`, like MLAS's SSE/NEON
/// kernels (their min/max clamp maps NaN to the lower bound); +-inf clamp.
int32_t quantizeAffineF32(float x, float scale, int32_t zeroPoint, int32_t qmin,
                          int32_t qmax);

/// ONNX DequantizeLinear as ONNX Runtime computes it:
///   float(q - zeroPoint) * scale
/// with the subtraction exact (in 64 bits), one rounding to f32 for the
/// conversion and one for the f32 product.
float dequantizeAffineF32(int32_t q, float scale, int32_t zeroPoint);

//===----------------------------------------------------------------------===//
// Fixed-point multipliers
//===----------------------------------------------------------------------===//

/// TFLite / gemmlowp convention: real ~= multiplier * 2^(shift - 31) with
/// multiplier in [2^30, 2^31), or multiplier == 0 (then shift == 0).
/// shift > 0 is a left shift, shift < 0 a right shift.
struct QuantizedMultiplier {
  int32_t multiplier;
  int32_t shift;
};

/// TFLite QuantizeMultiplier (double-rounding build): frexp, the mantissa
/// times 2^31 rounded half away from zero (std::round), a carry to 2^31
/// renormalized to 2^30 with shift + 1, and reals below about 2^-32 (shift
/// < -31) flushed to {0, 0}. real == 0 gives {0, 0}. Returns nullopt for a
/// negative, NaN or infinite real and for reals whose shift would exceed 30
/// (real >= about 2^30), which the shift range of the single-rounding TFLite
/// kernels and of TOSA cannot represent.
/// Guarantees |multiplier * 2^(shift-31) - real| <= 2^(shift-32) when the
/// multiplier is nonzero.
std::optional<QuantizedMultiplier> quantizeMultiplier(double real);

/// TOSA convention: real ~= multiplier * 2^-shift, multiplier >= 0,
/// shift in [2, 62] (the range TOSA RESCALE requires for 32-bit scales).
struct TosaMultiplier {
  int32_t multiplier;
  int32_t shift;
};

/// MLIR's mlir::tosa::computeMultiplierAndShift(scale, m, s, 32) (LLVM 22):
/// frexp, the mantissa times 2^31 rounded half away from zero, carry
/// renormalized, shift = 31 - exponent; a shift above 62 is clamped to 62
/// with the multiplier arithmetically shifted right (truncated, not rounded)
/// by min(31, shift - 62). real == 0 gives {0, 31}. Returns nullopt where
/// MLIR returns false (shift < 2, i.e. real >= about 2^29) and for negative,
/// NaN or infinite reals.
std::optional<TosaMultiplier> computeTosaMultiplier(double real);

//===----------------------------------------------------------------------===//
// Fixed-point integer operations
//===----------------------------------------------------------------------===//

/// gemmlowp SaturatingRoundingDoublingHighMul (= ARM SQRDMULH): the high 32
/// bits of 2*a*b, rounded: floor((a*b + 2^30) / 2^31), i.e. ties towards
/// +infinity for both signs (gemmlowp's "1 - 2^30" nudge with truncating
/// division is the same thing for negative products). The only overflow,
/// a == b == INT32_MIN, saturates to INT32_MAX.
int32_t saturatingRoundingDoublingHighMul(int32_t a, int32_t b);

/// gemmlowp RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties
/// away from zero (RDBPOT(5, 1) == 3, RDBPOT(-5, 1) == -3). gemmlowp
/// requires exponent in [0, 31] (asserted); in release builds exponents up
/// to 63 keep the same rounding and negative exponents are treated as 0.
int32_t roundingDivideByPOT(int32_t x, int exponent);

/// TFLite MultiplyByQuantizedMultiplier, double-rounding (default) build:
///   RoundingDivideByPOT(SRDHM(x * 2^max(shift, 0), multiplier),
///                       max(-shift, 0))
/// TFLite's `x * (1 << left_shift)` is undefined on int32 overflow; here the
/// left-shifted value saturates to int32 (as gemmlowp's saturating
/// SaturatingRoundingMultiplyByPOT does). shift in [-31, 30] is the TFLite
/// domain; other shifts follow the rules above (left shifts saturate,
/// right shifts keep rounding).
int32_t multiplyByQuantizedMultiplier(int32_t x, int32_t multiplier, int shift);

/// TOSA apply_scale_32 (TOSA 1.0 pseudo-code, also the reference model):
///   round = 2^(shift-1);
///   if (doubleRound && shift > 31) round += value >= 0 ? 2^30 : -2^30;
///   result = (int64(value) * multiplier + round) >> shift  (arithmetic)
/// TOSA REQUIREs multiplier >= 0, 2 <= shift <= 62 (asserted) and
/// -2^(shift-1) <= value < 2^(shift-1) (which makes the result fit in
/// int32). Outside that value range the result saturates to int32; in
/// release builds shifts outside [2, 62] are clamped to [0, 62] with
/// round = 0 for shift 0. doubleRound only matters for shift > 31, where the
/// +-2^30 term reproduces gemmlowp/TFLite double rounding exactly:
/// applyScale32(v, m, s, true) == multiplyByQuantizedMultiplier(v, m, 31 - s)
/// for every v in the value range and m >= 0 (for s <= 31 both round once).
int32_t applyScale32(int32_t value, int32_t multiplier, int shift,
                     bool doubleRound);

//===----------------------------------------------------------------------===//
// Requantization (single entry point for passes and code generation)
//===----------------------------------------------------------------------===//

/// Parameters of one requantization (one channel of a qnn.rescale).
struct RescaleParams {
  int32_t inputZp = 0;
  int32_t outputZp = 0;
  RoundingMode mode = RoundingMode::HalfEven;
  /// HalfEven: the f32 scale.
  float scale = 0;
  /// DoubleRound: TFLite convention, real = multiplier * 2^(shift - 31)
  /// (shift > 0 shifts left). SingleRound: TOSA convention,
  /// real = multiplier * 2^-shift (shift in [0, 62]). qnn.rescale stores
  /// the TOSA shift s for both modes: pass 31 - s here for DoubleRound.
  int32_t multiplier = 0;
  int32_t shift = 0;
  /// Saturation bounds of the result (storage range, ReLU folded in).
  int64_t qmin = std::numeric_limits<int32_t>::min();
  int64_t qmax = std::numeric_limits<int32_t>::max();
};

/// Requantizes one value:
///   clamp(round((x - inputZp) * M) + outputZp, qmin, qmax)
/// with v = x - inputZp computed exactly in 64 bits and, per mode:
///  * HalfEven (ORT MlasRequantizeOutput, QLinearConv/QLinearMatMul):
///    float(v) (one rounding to f32), times `scale` in f32, rounded half to
///    even; NaN gives qmin; the rounded value and outputZp are added exactly.
///  * DoubleRound: multiplyByQuantizedMultiplier(sat32(v), multiplier, shift)
///    + outputZp (TFLite: MultiplyByQuantizedMultiplier + output_offset).
///  * SingleRound: TOSA RESCALE with scale32 and SINGLE_ROUND:
///    (sat32(v) * multiplier + 2^(shift-1)) >> shift in 64 bits (no round
///    term for shift 0) + outputZp.
/// sat32 saturates v to int32: both fixed-point references take an int32
/// value (TOSA requires in_t no wider than 32 bits there); integer lowering
/// must keep v within int32 for the fixed-point modes. Emitted kernels
/// implement exactly this (64-bit product, arithmetic shift, 64-bit add,
/// clamp). Requires qmin <= qmax.
int64_t rescale(int64_t x, const RescaleParams &p);

//===----------------------------------------------------------------------===//
// Bit growth and exact integer ranges (range analysis)
//===----------------------------------------------------------------------===//

/// Bits of a sum of an n1-bit and an n2-bit signed value: max(n1, n2) + 1.
unsigned bitsForAdd(unsigned n1, unsigned n2);

/// Bits of a product of an n1-bit and an n2-bit signed value: n1 + n2.
unsigned bitsForMul(unsigned n1, unsigned n2);

/// Bits of a k-term dot product of n1-bit by n2-bit values:
/// n1 + n2 + ceil(log2 k) (k == 1 adds 0; k == 0 is treated as 1).
unsigned bitsForDot(unsigned n1, unsigned n2, uint64_t k);

/// Closed integer interval [min, max] (min <= max).
struct IntRange {
  int64_t min;
  int64_t max;
};

/// Exact range of a + b, saturated to the int64 limits.
IntRange addRanges(IntRange a, IntRange b);

/// Exact range of a * b, saturated to the int64 limits.
IntRange mulRanges(IntRange a, IntRange b);

/// Exact range of a sum of k products a_i * w_i with every a_i in `a` and
/// w_i in `w` (k * the product range), saturated; k == 0 gives [0, 0].
IntRange dotRange(IntRange a, IntRange w, uint64_t k);

/// Smallest two's complement width (1..64) holding every value of `r`.
unsigned signedBitsFor(IntRange r);

/// Whether a0 * w0 + a1 * w1 fits int16 for every u8 a0, a1 (0..255): the
/// condition under which x86 pmaddubsw, which saturates that pair sum to
/// int16, is exact for the weight pair (w0, w1). It holds iff the positive
/// weights of the pair sum to at most 128 and the negative ones to at
/// least -128 (255 * 128 = 32640); always for 7-bit weights (-64..63).
bool maddubsPairExact(int64_t w0, int64_t w1);

//===----------------------------------------------------------------------===//
// Bit packing for binary (XNOR-popcount) kernels
//===----------------------------------------------------------------------===//

/// Number of 64-bit words holding n packed bits: ceil(n / 64).
size_t packedWords(size_t n);

/// Packs n signs into packedWords(n) words: element i is bit (i % 64) of
/// words[i / 64], LSB first; bit 1 means +1 (signs[i] >= 0, so 0 counts as
/// +1, as qnn.binarize's sign(0) = +1), bit 0 means -1 (signs[i] < 0).
/// Tail bits of the last word are zero. Matches the `!qnn.binary` storage
/// (i1, 1 = +alpha).
void packBits(const int8_t *signs, size_t n, uint64_t *words);

/// Inverse of packBits: writes n values in {-1, +1}.
void unpackBits(const uint64_t *words, size_t n, int8_t *signs);

/// Dot product of two packed {-1, +1} vectors of n elements:
/// n - 2 * popcount(a xor b) over the n valid bits (tail bits ignored).
int64_t binaryDot(const uint64_t *a, const uint64_t *b, size_t n);

} // namespace mlir::qnn::numerics

#endif // QUANT_SUPPORT_NUMERICS_H
