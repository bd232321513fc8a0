//===- Passes.td - code generation passes ------------------*- tablegen -*-===//
//
// The passes of the linalg-to-LLVM code generation pipeline that upstream
// MLIR does not provide; implemented in lib/Codegen/.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_CODEGEN_PASSES_TD
#define QUANT_CODEGEN_PASSES_TD

include "mlir/Pass/PassBase.td"

def QuantTileAndVectorize : Pass<"quant-tile-and-vectorize", "func::FuncOp"> {
  let summary = "Register-tile and vectorize the linalg.contract hot loops";
  let description = [{
    Schedules every `linalg.contract` (the matrix products and convolution
    taps that convert-qnn-to-linalg produces) as an outer-product
    microkernel on tensors:

    * the innermost output dimension (N) is tiled by two vector registers
      of accumulator elements (`vector-bits` / element width * 2, e.g. 32
      f32 lanes with AVX-512) or its full size when smaller;
    * one other parallel dimension that indexes only the operand N does not
      index (M: the output channels of a conv tap, the rows of a matmul) is
      tiled by `m-tile`, so M x N accumulators stay in registers;
    * reductions are tiled by 1 (4 with `vnni` for i8 operands, the depth
      of one vpdpbusd) and every other dimension by 1;
    * loops whose trip count the tile does not divide are peeled, so every
      tile has a static shape, and each tile is vectorized into a
      `vector.contract` (linalg::vectorize with named contractions).

    After bufferization, quant-lower-vectors hoists the accumulator out of
    the reduction loop and lowers the contraction to FMAs.
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "unsigned", /*default=*/"256",
           "Width of one vector register in bits">,
    Option<"mTile", "m-tile", "unsigned", /*default=*/"6",
           "Rows of the register tile">,
    Option<"vnni", "vnni", "bool", /*default=*/"false",
           "Tile i8 reductions by 4 for AVX-512 VNNI dot products">
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect", "::mlir::arith::ArithDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect"
  ];
}

def QuantLinearKernels : Pass<"quant-linear-kernels", "func::FuncOp"> {
  let summary = "Packed-weight microkernels for conv2d / fully_connected / matmul";
  let description = [{
    Runs on qnn ops before convert-qnn-to-linalg. Every conv2d (one group),
    fully_connected and 2-D matmul with constant weights (i8 x i8 -> i32,
    f32, or on x86 i16 x i16 -> i32 through pmaddwd) becomes a register-tiled direct convolution on tensors (a GEMM is
    the 1x1 case): the input is repacked at run time into a zero-padded
    NHWC buffer (channels padded to the dot-product depth), the weights are
    packed at compile time into [K/g][L][g] panels (L accumulator lanes
    per vector, g the dot depth; for integer dots the nv panels of one
    tile's channel group interleaved per reduction step) and an MR x (nv * L) accumulator tile
    stays in registers across the whole reduction, or across one block of
    it when a channel group's weights exceed `weight-block-bytes` (then
    all pixel tiles run one block before the next, with partial sums in
    the output). The NCHW <-> NHWC
    layout changes move V x V blocks through registers. With `vnni` the
    i8 dot is AVX-512 VNNI vpdpbusd (u8 x s8): activations are biased by
    +128 when packed and 128 * sum_k w is subtracted from the bias at
    compile time. With `maddubs` (SSSE3 / AVX2 / AVX-512BW, no VNNI) an
    op whose weights keep pmaddubsw's saturating i16 pair sums exact
    takes the same packing, with pmaddubsw + pmaddwd (ones) for each
    vpdpbusd; 7-bit weights (`qnn-quantize-weights` with 7 bits, ONNX
    Runtime's `reduce_range`) always qualify, other ops take pmaddwd, so
    results stay bit-exact either way. A conv whose only user is a `qnn.rescale` (half_even,
    input zero point 0, per tensor or per output channel) is requantized
    while its output is unpacked, so the i32 tensor is never written.
    Other ops are left to the generic lowering.
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "unsigned", /*default=*/"256",
           "Width of one vector register in bits">,
    Option<"registers", "registers", "unsigned", /*default=*/"16",
           "Vector registers available">,
    Option<"vnni", "vnni", "bool", /*default=*/"false",
           "Use vpdpbusd for i8 dot products (AVX-512 VNNI with 512-bit "
           "vectors, AVX-VNNI with 256-bit vectors)">,
    Option<"pmaddwd", "pmaddwd", "bool", /*default=*/"false",
           "Use x86 pmaddwd (i16 pairs) for i8 dot products">,
    Option<"maddubs", "maddubs", "bool", /*default=*/"false",
           "Without vnni, use x86 pmaddubsw + pmaddwd (u8 x s8 "
           "quadruples, as vpdpbusd) for i8 x i8 -> i32 ops whose weights "
           "keep pmaddubsw exact (every adjacent weight pair's positive "
           "part sums to at most 128 and its negative part to at least "
           "-128: always for 7-bit weights); other ops take pmaddwd">,
    Option<"emulate", "emulate", "bool", /*default=*/"false",
           "Write the vpdpbusd / pmaddubsw / pmaddwd dot products as portable vector "
           "ops (widen, multiply, add adjacent lanes) instead of x86 "
           "intrinsics; the packing, the VNNI correction and the tiling "
           "are unchanged, so a host without the instructions runs and "
           "tests the kernels of a CPU that has them">,
    Option<"weightBlockBytes", "weight-block-bytes", "unsigned",
           /*default=*/"524288",
           "Split the reduction so that the weights one channel group "
           "streams per pixel tile fit this many bytes (half an L2); 0 "
           "never splits">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::LLVM::LLVMDialect",
    "::mlir::linalg::LinalgDialect", "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect"
  ];
}

def QuantXnorKernels : Pass<"quant-xnor-kernels", "func::FuncOp"> {
  let summary = "XNOR / popcount kernels for binary conv2d / fully_connected / matmul";
  let description = [{
    Rewrites each `qnn.conv2d` (one group; a -1 / +1 `qnn.pad` before it,
    as the binary lowering writes +-1 padding, is absorbed by the packing;
    the conv's own zero padding packs as -1 and a per-border-pixel
    correction adds back the weight sums of the padded taps),
    `qnn.fully_connected` (no bias)
    and 2-D `qnn.matmul` marked `qnn.xnor` by `-qnn-lower-to-integer`,
    whose weights are a constant of -1 / +1 `i8` codes, into a bit-packed
    kernel on tensors: the input is packed at run time to one bit per code
    along the channels (64 per `i64` word), the weights at compile time;
    each accumulator lane sums `math.ctpop(a xor w)` over the taps and
    words, and the result is the exact dot product `K - 2 * popcount` as
    the op's `i32` tensor (conv results leave through the conv kernels'
    NCHW unpacking).

    The activations must hold only -1 / +1 (the contract of `qnn.xnor`;
    a code > 0 packs as +1, any other as -1). Ops the kernel does not take
    (other weights, groups, dynamic shapes) are left to
    `-quant-linear-kernels` and the generic lowering.

    Example (a 3x3 binary conv):
    ```mlir
    %y = qnn.conv2d %x, %w {qnn.xnor} : (tensor<1x64x9x9xi8>, tensor<64x64x3x3xi8>) -> tensor<1x64x7x7xi32>
    ```
    becomes loops of `arith.xori`, `math.ctpop` and `arith.addi` on
    `vector<4xi64>` (256-bit vectors) after a packing loop nest.
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "unsigned", /*default=*/"256",
           "Width of one vector register in bits">,
    Option<"registers", "registers", "unsigned", /*default=*/"16",
           "Vector registers available">,
    Option<"nibbleLookup", "nibble-lookup", "bool", /*default=*/"false",
           "x86 without VPOPCNTDQ: pack both operands as nibble planes and "
           "count with two pshufb table lookups per vector into byte "
           "accumulators, summed by psadbw every <= 31 steps">,
    Option<"emulate", "emulate", "bool", /*default=*/"false",
           "Write the pshufb lookups and psadbw sums as portable vector ops "
           "(math.ctpop on bytes, a reduction), for hosts that lack them">
  ];
  let dependentDialects = [
    "::mlir::LLVM::LLVMDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::arith::ArithDialect", "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect"
  ];
}

def QuantVectorizePooling
    : Pass<"quant-vectorize-pooling", "func::FuncOp"> {
  let summary = "Row-vector code for 2-D NCHW max / sum pooling";
  let description = [{
    Rewrites linalg.pooling_nchw_max and linalg.pooling_nchw_sum with static
    shapes into loops over (n, c, output row) whose body computes V output
    pixels of the row at a time: the accumulator vector starts at the
    output's initial value, every window tap (unrolled, at most 64) loads
    one contiguous span of whole registers (V * s elements) and, for a
    horizontal stride s > 1, keeps every s-th element with one shuffle, then combines (max or add, with
    the input sign- or float-extended to the output type as linalg does).
    Blocks that would read or write past the end of a row use masked
    transfers. The loop lowering would otherwise load and store the output
    element once per tap.

    Example: `linalg.pooling_nchw_max` 2x2 stride 2 on i8 [1, 8, 28, 28]
    becomes an scf.for nest over (n, c, oy) with one vector<16xi8> block
    per row: four vector<32xi8> loads, four shuffles and four arith.maxsi.
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "unsigned", /*default=*/"256",
           "Width of one vector register in bits">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::mlir::vector::VectorDialect"
  ];
}

def QuantSplitNarrowTransfers
    : Pass<"quant-split-narrow-transfers", "func::FuncOp"> {
  let summary = "Out-of-bounds vector transfers without masked byte moves";
  let description = [{
    Runs on bufferized code before `quant-lower-vectors`. A 1-D vector
    transfer that may cross the end of its row becomes a masked load or
    store, and a target without masked moves for the element width (AVX2
    has them for 32- and 64-bit lanes only, SSE2 and NEON for none) gets
    one scalar load or store per lane, each behind a test and a branch:
    an i8 row of 32 lanes is 32 `vpinsrb` or `vpextrb`. Each such transfer
    whose elements are narrower than `native-mask-bits` is rewritten with
    in-bounds moves only:

    - row index known at compile time: the row's last V elements are read
      in bounds and one constant shuffle moves the wanted lanes into place
      (the others take the padding); a write shuffles its lanes over the
      end of those V elements and stores them whole. A row shorter than
      the vector moves its lanes as power-of-two pieces (14 bytes: 8 + 4
      + 2), each as one i64 / i32 / i16 lane;
    - row index known at run time: a branch takes an in-bounds move of the
      whole vector when it fits (almost every iteration); otherwise the
      last V elements of the row go through a 2V-element stack buffer
      holding the padding (a read) or the vector (a write), so that the
      lanes shift into place without per-lane code.

    Writes store back bytes of the row they have just read, which is safe
    because the generated code is single-threaded. Transfers with a mask
    operand, a non-unit innermost stride, or a row shorter than the vector
    at a run-time index are left alone.

    Example (i8, row of 36, vector of 16, index 32: 4 lanes inside):
    ```mlir
    %v = vector.transfer_read %m[%i, %c32], %pad : memref<4x36xi8>, vector<16xi8>
    // becomes
    %end = vector.transfer_read %m[%i, %c20], %pad {in_bounds = [true]} : memref<4x36xi8>, vector<16xi8>
    %padv = vector.broadcast %pad : i8 to vector<16xi8>
    %v = vector.shuffle %end, %padv [12, 13, 14, 15, 20, 21, ...] : vector<16xi8>, vector<16xi8>
    ```
  }];
  let options = [
    Option<"nativeMaskBits", "native-mask-bits", "unsigned",
           /*default=*/"32",
           "Narrowest element width the target's masked loads and stores "
           "handle (8 with AVX-512BW, 32 with AVX/AVX2); narrower transfers "
           "are split. 0: the target has no masked moves (all are split)">
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect", "::mlir::arith::ArithDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect"
  ];
}

def QuantLowerVectors : Pass<"quant-lower-vectors", "func::FuncOp"> {
  let summary = "Hoist accumulators and lower vector and math ops for LLVM";
  let description = [{
    Runs on bufferized code: folds subviews into vector transfers, hoists
    loop-invariant accumulator reads/writes out of reduction loops (the
    accumulator tile lives in registers), lowers `vector.contract` to outer
    products (one broadcast and FMA per row), transfers to 1-D loads and
    stores, masks and shape casts, and replaces `math.exp` by its polynomial
    approximation (no libm call). With `fma=false` (targets without FMA,
    such as baseline x86-64) fused multiply-adds become `mulf` + `addf`
    with the `contract` flag, which LLVM fuses where it can. (The VNNI
    and pmaddubsw dot products come from `quant-linear-kernels`; generic
    i8 contractions lower here as extended multiply-adds.)
  }];
  let options = [
    Option<"fma", "fma", "bool", /*default=*/"true",
           "The target has fused multiply-add instructions">,
    Option<"expandFloor", "expand-floor", "bool", /*default=*/"false",
           "Expand math.floor (as the exp approximation uses it) into "
           "arith ops, for targets without vector rounding instructions "
           "(baseline x86-64), where LLVM would call libm's floorf">
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::arith::ArithDialect", "::mlir::LLVM::LLVMDialect",
    "::mlir::math::MathDialect", "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect", "::mlir::vector::VectorDialect"
  ];
}

def QuantPrepareEntry : Pass<"quant-prepare-entry", "ModuleOp"> {
  let summary = "Check the entry function and mark its inputs read-only";
  let description = [{
    Before bufferization: the entry function (`entry`) must exist, have
    statically shaped ranked tensor arguments and results, and be the only
    public function. Its arguments are marked `bufferization.writable =
    false`, so the generated code never writes into the caller's input
    buffers (`const` pointers in the C header). Other functions become
    private. A value returned more than once is copied
    (`bufferization.alloc_tensor ... copy`) for its later results, so
    every result has its own output buffer.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"main\"",
           "Name of the function to compile">
  ];
  let dependentDialects = [
    "::mlir::bufferization::BufferizationDialect"
  ];
}

def QuantFinalizeEntry : Pass<"quant-finalize-entry", "ModuleOp"> {
  let summary = "Give the bufferized entry function its C ABI";
  let description = [{
    After bufferization and buffer-results-to-out-params: renames the entry
    function to `<name>_run` and makes it return an i32 status (0), so with
    the bare-pointer calling convention it lowers to
    `int <name>_run(const T *in0, ..., T *out0, ...)`. Every argument must
    be a static memref with the identity layout. An argument without
    elements (ONNX allows shapes like 3x4x0) becomes a rank-1
    `memref<0xT>` in the signature, which the bare-pointer convention
    accepts for every shape, and its uses read a zero-byte local buffer of
    the original type instead: nothing can be loaded from or stored to it.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"main\"",
           "Name of the function to compile">,
    Option<"symbolName", "name", "std::string", /*default=*/"\"model\"",
           "Prefix of the generated symbol (<name>_run)">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def QuantPlanMemory : Pass<"quant-plan-memory", "ModuleOp"> {
  let summary = "Place intermediate buffers in one workspace by liveness";
  let description = [{
    After quant-finalize-entry: every static allocation in the top-level
    block of `<name>_run` becomes a `memref.view` into one byte workspace,
    at an offset chosen by first-fit over the buffers' live ranges (a
    buffer is live from the first to the last top-level op that uses it or
    a view of it), so buffers whose lifetimes do not overlap share memory; their
    deallocations disappear. The function is renamed
    `<name>_run_with_workspace` and takes the workspace (64-byte aligned)
    as a last argument; a new `<name>_run` with the original signature
    allocates it, calls it and frees it. The module gets
    `quant.workspace_size` (bytes) for the C header.

    Example: `%a = memref.alloc() : memref<1x8x28x28xi8>` becomes
    `%a = memref.view %ws[%c6272][] : memref<12544xi8> to memref<1x8x28x28xi8>`.
  }];
  let options = [
    Option<"symbolName", "name", "std::string", /*default=*/"\"model\"",
           "Prefix of the entry symbol (<name>_run)">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

#endif // QUANT_CODEGEN_PASSES_TD
