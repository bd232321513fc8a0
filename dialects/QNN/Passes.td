//===- Passes.td - qnn transformation passes ---------------*- tablegen -*-===//
//
// Every qnn pass is declared here with its options and dependent dialects;
// each is implemented in lib/Dialect/QNN/Transforms/<PassName>.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_DIALECT_QNN_PASSES_TD
#define QUANT_DIALECT_QNN_PASSES_TD

include "mlir/Pass/PassBase.td"

def QNNFoldBatchNorm : Pass<"qnn-fold-batch-norm", "func::FuncOp"> {
  let summary = "Fold float batch normalization into the preceding conv2d / fully_connected";
  let description = [{
    Rewrites `batch_norm(conv2d(x, W, b))` where W, b and the batch-norm
    parameters are float constants into `conv2d(x, W', b')` with

      k_o  = scale_o / sqrt(var_o + eps)
      W'_o = W_o * k_o
      b'_o = (b_o - mean_o) * k_o + bias_o

    (per output channel o; a missing bias counts as zero). The same applies
    to `fully_connected` followed by a batch norm over its feature axis.
    Batch norms that cannot fold (non-constant parameters, other producers,
    a producer with other users) are left alone; `-qnn-fold-batch-norm`
    with `strict=true` reports them as errors instead, for pipelines that
    must not leave float batch norms behind.

    A batch norm whose only user is a `binarize` folds into that binarize
    instead (FINN's MultiThreshold): `binarize(batch_norm(y))` becomes
    `binarize(y)` with one threshold per channel, `y >= mean + (t - beta) /
    k` for k = gamma / sqrt(var + eps) > 0; for k < 0 the producer's
    weights of that channel are negated (binary weights: bits inverted;
    matmul columns and binarized constants too) so the comparison keeps its
    direction; k = 0 gives a constant (threshold -inf when beta >= t, else
    +inf). `-qnn-fold-requant` applies the same fold.
  }];
  let options = [
    Option<"strict", "strict", "bool", /*default=*/"false",
           "Fail on a batch_norm that cannot be folded">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::qnn::QNNDialect"];
}

def QNNQuantizeWeights : Pass<"qnn-quantize-weights", "ModuleOp"> {
  let summary = "Post-training quantization of constant weights";
  let description = [{
    Quantizes the constant float weights of `conv2d`, `fully_connected` and
    (right-hand side) `matmul` with one of the post-training quantizers of
    the literature, and rewrites each weight `W` into
    `qnn.dequantize(qnn.constant <codes>)`: the graph stays float-typed and
    valid, and the quantized weight type carries the parameters for scale
    propagation and requantization folding.

    Schemes (`scheme=`):
    * `affine` - asymmetric min/max ([min(W,0), max(W,0)] onto the integer
      range, with a zero point);
    * `symmetric` - zero point 0, q_min maps to -max|W| (PyTorch / ONNX);
    * `symmetric-narrow` - zero point 0, range -(2^(b-1)-1)..2^(b-1)-1
      (TensorFlow / TensorRT);
    * `pow2` - power-of-two fixed point: the scale 2^e that maximizes the
      SQNR, codes saturated to the signed b-bit range;
    * `binary` - XNOR-Net: sign(W), alpha = mean|W| (ignores `bits`);
    * `ternary` - TWN: Delta = 0.7 mean|W|, alpha = mean of the kept |W|
      (ignores `bits`);
    * `kmeans` - a codebook of 2^b centroids (Lloyd, linear
      initialization), per tensor.

    Granularity (`granularity=`): `tensor`, `channel` (output channel: axis
    0 of conv/fc weights, the last axis of a matmul right-hand side), or
    `group` (blocks of `group-size` elements along the reduction axis within
    each output channel, as `!quant.uniform` sub-channel types; affine and
    pow2 only). `binary` and `ternary` work per tensor or per channel.

    With `report=<file.json>` the pass writes one JSON record per quantized
    tensor with its SQNR, 10 log10(sum W^2 / sum (W - W_hat)^2) in dB (null
    when the quantization is exact).
  }];
  let options = [
    Option<"scheme", "scheme", "std::string", /*default=*/"\"symmetric\"",
           "affine | symmetric | symmetric-narrow | pow2 | binary | ternary | kmeans">,
    Option<"bits", "bits", "unsigned", /*default=*/"8",
           "Bits per weight (2..16 for affine and pow2, 1..8 for kmeans)">,
    Option<"isUnsigned", "unsigned", "bool", /*default=*/"false",
           "Unsigned storage for the affine scheme">,
    Option<"granularity", "granularity", "std::string", /*default=*/"\"channel\"",
           "tensor | channel | group">,
    Option<"groupSize", "group-size", "int64_t", /*default=*/"32",
           "Elements per group along the reduction axis (granularity=group)">,
    Option<"report", "report", "std::string", /*default=*/"\"\"",
           "Write a JSON SQNR report to this file">
  ];
  let dependentDialects = ["::mlir::qnn::QNNDialect",
                           "::mlir::quant::QuantDialect"];
}

def QNNFoldRequant : Pass<"qnn-fold-requant", "func::FuncOp"> {
  let summary = "Fuse QDQ groups into quantized ops and fold requantizations";
  let description = [{
    A family of patterns, each exact unless an option says otherwise:

    * `dequantize -> quantize` becomes one `requantize` (rounding
      half_even), or nothing when the types are equal. The rewrite is made
      only when it is bit-exact: for storage of at most 16 bits every code
      is evaluated both ways (the float two-step of ONNX Runtime against the
      one-step f32 requantization) at compile time.
    * `requantize -> requantize` folds into one requantize when the result
      is identical for every input code (checked exhaustively for storage
      up to 16 bits); with `allow-double-rounding=true` it folds always,
      accepting the one-code differences of removing a rounding step.
    * QDQ groups `quantize(op(dequantize(x), ...))` around a qnn op become
      the op on quantized types (conv2d, fully_connected, matmul, add, mul,
      pooling, softmax, clamp and the data-movement ops), which computes on
      the represented reals and requantizes its result; a conv2d /
      fully_connected / matmul whose result is not quantized keeps a float
      result from quantized operands. A group is fused only when the fused
      op verifies (e.g. an int32 bias must have scale s_x * s_w).
    * With `retype-producers=true` (default), a `requantize` whose input is
      the single-use result of a requantizing op (conv2d, fully_connected,
      matmul, add, mul, avg pooling) is absorbed by giving that op the
      requantize's result type: one rounding instead of two. Set it to
      false to keep the double rounding a QDQ model asks for (bit-exact with
      ONNX Runtime's unfused execution).

    ReLU/ReLU6 clamps fold into the saturation bounds of the `rescale` that
    `qnn-lower-to-integer` emits for their producer.
  }];
  let options = [
    Option<"allowDoubleRounding", "allow-double-rounding", "bool",
           /*default=*/"false",
           "Fold requantize chains even where a code can change">,
    Option<"retypeProducers", "retype-producers", "bool", /*default=*/"true",
           "Absorb a requantize into its single-use producer">
  ];
  let dependentDialects = ["::mlir::qnn::QNNDialect",
                           "::mlir::quant::QuantDialect"];
}

def QNNLowerToInteger : Pass<"qnn-lower-to-integer", "func::FuncOp"> {
  let summary = "Lower ops on !quant.uniform values to integer arithmetic";
  let description = [{
    Rewrites the quantized-type form into the integer form that code
    generation consumes (docs/architecture.md, "IR levels"):

    * every per-tensor / per-axis affine value is carried as signed storage
      codes in a signless integer tensor (unsigned n-bit codes and zero
      points shift down by 2^(n-1); the reals are unchanged);
    * `conv2d` / `fully_connected` / `matmul` with constant weights become
      the integer op on codes with an int32 accumulator:
      sum (x - zx)(w - zw) = sum x w' - zx sum w' with w' = w - zw
      precomputed (in i8, or i16 when w' needs it) and zx * sum w' folded
      into the int32 bias; with zx != 0 and padding, the input is padded
      explicitly with zx. The accumulator (real value acc * s_x * s_w) is
      requantized by a `qnn.rescale` with the f32 scale (s_x * s_w) / s_y
      computed in f32 and rounding half_even (ONNX Runtime's QLinearConv),
      or dequantized when the result is float, or kept when it is i32;
    * `requantize` becomes `rescale`; `clamp` (ReLU, ReLU6) narrows the
      saturation bounds of the rescale producing its input, or becomes an
      identity rescale; `max_pool2d`, `reshape`, `transpose`, `pad` and
      `concat` run on codes (concat inputs with other parameters are
      rescaled first);
    * everything else on affine values (add, mul, average pooling,
      softmax, runtime weights, per-axis zero points) is expanded into its
      definition: dequantize, the float op, quantize.
    * binary values become i8 codes -1 / +1 (ternary -1 / 0 / +1); binary x
      binary conv2d / fully_connected / matmul the integer op on codes with
      an i32 accumulator (marked `qnn.xnor`) and a dequantize at
      alpha_x * alpha_w; a binarize of that result compares the accumulator
      with integer thresholds found with the same f32 arithmetic (bit-exact);
      constant binary, ternary and codebook weights of float ops become
      float constants (docs/architecture.md, "Binary lowering").

    Function arguments and results, `quantize` and `dequantize` keep their
    quantized types, joined to the codes by `quant.scast`.

    `rounding=` picks the epilogue arithmetic of conv2d / fully_connected /
    matmul: `half_even` (default, ONNX Runtime), or the fixed-point
    `double_round` (TFLite) / `single_round` (TOSA) with the int32
    multiplier and shift of the exact ratio (s_x * s_w) / s_y from the
    shared numerics library. A `requantize` keeps its own mode.
  }];
  let options = [
    Option<"rounding", "rounding", "std::string", /*default=*/"\"half_even\"",
           "half_even | double_round | single_round">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::qnn::QNNDialect",
                           "::mlir::quant::QuantDialect"];
}

def QNNQuantizeActivations : Pass<"qnn-quantize-activations", "func::FuncOp"> {
  let summary = "Insert quantize/dequantize pairs from calibrated ranges";
  let description = [{
    Every float value with a calibrated range - `qnn.calib = array<f64:
    min, max>` on its defining op, or on a function argument - gets
    `qnn.dequantize(qnn.quantize(v))` with the parameters of that range, and
    its users read the dequantized value: the QDQ form that
    `-qnn-propagate-scales` and `-qnn-fold-requant` work on. Parameters
    follow ONNX Runtime's min/max rule: the range widened to contain 0,
    scale = (max - min) / (qmax - qmin), zero point rounded half to even
    (`scheme=affine`), or zero point 0 with scale max|r| / ((qmax - qmin) /
    2) (`scheme=symmetric`). The attribute is consumed.

    Example (bits=8, affine):

    ```mlir
    %y = qnn.clamp %x {min = 0.0 : f32, max = 6.0 : f32, qnn.calib = array<f64: 0.0, 6.0>} : tensor<4xf32>
    // becomes
    %y = qnn.clamp %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<4xf32>
    %q = qnn.quantize %y : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.0235...:-128>>
    %d = qnn.dequantize %q : ... -> tensor<4xf32>
    ```
  }];
  let options = [
    Option<"scheme", "scheme", "std::string", /*default=*/"\"affine\"",
           "affine | symmetric">,
    Option<"bits", "bits", "unsigned", /*default=*/"8",
           "Bits per activation (2..16)">,
    Option<"isUnsigned", "unsigned", "bool", /*default=*/"false",
           "Unsigned storage (u8, as ONNX Runtime's default QDQ)">
  ];
  let dependentDialects = ["::mlir::qnn::QNNDialect",
                           "::mlir::quant::QuantDialect"];
}

def QNNStreamline : Pass<"qnn-streamline", "func::FuncOp"> {
  let summary = "Absorb constant mul/add into neighbouring linear ops (FINN streamlining)";
  let description = [{
    Moves scalar or per-channel constant multiplications and additions into
    the weights and bias of an adjacent float `conv2d` (groups = 1) or
    `fully_connected` with constant weights:

      mul(linear(x, W, b), c)  ->  linear(x, W * c_o, b * c_o)
      add(linear(x, W, b), c)  ->  linear(x, W, b + c_o)
      linear(mul(x, c), W, b)  ->  linear(x, W * c_i, b)
      linear(add(x, c), W, b)  ->  linear(x, W, b + sum_i W[o, i] c_i)

    (c_o per output channel, c_i per input channel, or one scalar). The
    last form is skipped for a padded conv, whose padding reads 0 rather
    than c. Such scalar ops come from input normalization and from exported
    training graphs; removing them leaves fewer scales to quantize.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::qnn::QNNDialect"];
}

def QNNPropagateScales : Pass<"qnn-propagate-scales", "func::FuncOp"> {
  let summary = "Propagate quantization parameters through same-scale ops (QDQ form)";
  let description = [{
    Works on the QDQ form (docs/architecture.md, "IR levels"): float qnn ops
    whose quantized values appear as `qnn.dequantize(q)` feeding them and
    `qnn.quantize(x)` consuming them. Parameters fixed by existing quantize
    and dequantize ops are never changed; the pass gives parameters to the
    float values between them, as TFLite's quantization driver does.

    1. Analysis (MLIR's DataFlowSolver): a forward sparse analysis starts at
       every `dequantize` result (its input's `!quant.uniform` type) and a
       backward one at every `quantize` operand (its result type). Both move
       parameters through the "same-scale" ops, which commute with
       quantization: `reshape`, `transpose` (a per-axis axis follows the
       permutation and reshape), `pad` (its value must be representable: 0
       always is), `max_pool2d`, `concat` (forward only when all inputs
       agree) and, forward only, `clamp`. The lattice per value is
       uninitialized / one element type / conflict.
    2. Conflicts: where a value's forward parameters differ from those a
       use asks for backward, or where the inputs of a `concat` (or, with
       `align-add=true`, of an `add`) carry different parameters, exactly
       one `qnn.requantize` (rounding half_even) is inserted per conflict,
       at the point of the same-scale chain with the fewest elements (for a
       concat or add: on the smaller input). With `remarks=true` each one
       is reported with a remark.
    3. QDQ insertion: every float value that received parameters and is not
       already quantized gets `qnn.dequantize(qnn.quantize(v))`. Parameters
       that came forward are exact on the value (it is a dequantized value
       moved around), so all its users read the pair; parameters that came
       backward reroute only the uses that asked for them, so no other user
       sees a rounded value.
    4. Bias: a float constant bias of a `conv2d` / `fully_connected` whose
       input is `dequantize` of a per-tensor type (scale s_x) and whose
       weights are `dequantize` of a per-tensor or per-output-channel type
       (s_w) becomes `dequantize(qnn.constant : i32)` at scale s_x * s_w
       (per channel where the weights are), rounding half to even. A bias
       that does not fit int32 doubles that channel's weight scale (the
       constant weight codes are requantized, half to even) until it fits,
       with a remark.
    5. Accumulators: every `conv2d` / `fully_connected` / `matmul` with
       quantized (or dequantized) input and weights gets `qnn.acc_bits`
       (the signed bits its accumulator needs), `qnn.acc_range` (the exact
       integer range, array<i64: lo, hi>) and `qnn.acc_type` (i16 when 16
       bits suffice, else i32). The range is computed from the code ranges
       minus zero points and, for constant weights, from the weight codes
       themselves, per output channel, bias included; it never exceeds the
       fixed-point bit-growth bound n_x + n_w + ceil(log2 K) (+1 for the
       bias). An accumulator that can overflow i32 is an error.
  }];
  let options = [
    Option<"remarks", "remarks", "bool", /*default=*/"false",
           "Emit a remark for every inserted requantize and accumulator">,
    Option<"alignAdd", "align-add", "bool", /*default=*/"true",
           "Requantize add inputs whose parameters differ">,
    Option<"quantizeBias", "quantize-bias", "bool", /*default=*/"true",
           "Quantize float biases to i32 at scale s_x * s_w">,
    Option<"accumulators", "accumulators", "bool", /*default=*/"true",
           "Annotate conv2d / fully_connected / matmul with accumulator widths">
  ];
  let dependentDialects = ["::mlir::qnn::QNNDialect",
                           "::mlir::quant::QuantDialect"];
}

def QNNPrintRanges : Pass<"qnn-print-ranges", "func::FuncOp"> {
  let summary = "Report accumulator widths and quantization parameters";
  let description = [{
    A read-only pass for tests and for inspecting a quantized graph: every
    op with `qnn.acc_bits` (see `-qnn-propagate-scales`) gets a remark such
    as `accumulator needs 19 bits (range [-123456, 234567]), uses i32`, and
    every `quantize` / `dequantize` one with the parameters of its
    quantized type and the real range they cover, e.g.
    `dequantize from i8 scale 0.5 zero point -3: reals [-62.5, 65]`.
  }];
  let dependentDialects = ["::mlir::qnn::QNNDialect"];
}

#endif // QUANT_DIALECT_QNN_PASSES_TD
