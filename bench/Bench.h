//===- Bench.h - shapes, buffers and runners of the benchmarks ---*- C++
//-*-===//
//
// Shared by quant-bench.cpp (Google Benchmark registration), Ours.cpp (our
// compiler, in-process) and Peers.cpp (oneDNN, OpenBLAS).
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_BENCH_BENCH_H
#define QUANT_BENCH_BENCH_H

#include "quant/ExecutionEngine/AlignedBuffer.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace bench {

/// C[M][N] = A[M][K] * W[N][K]^T.
struct GemmShape {
  int64_t m, n, k;
  std::string name() const {
    return std::to_string(m) + "x" + std::to_string(n) + "x" +
           std::to_string(k);
  }
};

/// Batch-1 NCHW square conv: C -> O channels, H x H input, K x K kernel.
struct ConvShape {
  int64_t c, o, h, k, stride, pad;
  int64_t outH() const { return (h + 2 * pad - k) / stride + 1; }
  std::string name() const {
    return std::to_string(c) + "-" + std::to_string(o) + "_" +
           std::to_string(h) + "x" + std::to_string(h) + "_k" +
           std::to_string(k) + "s" + std::to_string(stride);
  }
};

/// Buffers for ours and the peers alike.
using Buffer = mlir::qnn::compiler::AlignedBuffer;

/// Deterministic pseudo-random fills.
void fillI8(Buffer &b, uint32_t seed);
void fillF32(Buffer &b, uint32_t seed);

/// One of our compiled single-layer models with its buffers.
class OurModel {
public:
  OurModel();
  ~OurModel();
  /// Compiles `source` for the host; `kernels` = false uses the generic
  /// linalg.contract lowering instead of the packed microkernels.
  bool compile(const std::string &source, bool kernels);
  void run() const;
  Buffer in, out;

private:
  struct Impl;
  std::unique_ptr<Impl> impl;
};

std::string gemmSource(const GemmShape &s, bool isFloat, const void *weights);
std::string convSource(const ConvShape &s, bool isFloat, const void *weights);
/// A binary fully_connected in the integer form (qnn.xnor, -1 / +1 i8
/// `weights` [N][K]).
std::string binaryGemmSource(const GemmShape &s, const void *weights);
/// A binary conv in the integer form: -1 padding, -1 / +1 i8 `weights`.
std::string binaryConvSource(const ConvShape &s, const void *weights);

/// A peer implementation prepared for one shape; run() is what is timed.
class Peer {
public:
  virtual ~Peer() = default;
  virtual void run() = 0;
};

/// oneDNN matmul u8 x s8 -> s32 (int8) or f32, weights in the format
/// oneDNN prefers (reordered once, untimed).
std::unique_ptr<Peer> makeDnnlGemm(const GemmShape &s, bool isFloat);
/// oneDNN convolution u8 x s8 -> s32 or f32, every tensor in the format
/// oneDNN prefers (blocked; reorders untimed).
std::unique_ptr<Peer> makeDnnlConv(const ConvShape &s, bool isFloat);
/// The pure xor-popcount-accumulate loops of Roofline.cpp.
enum class RooflineIsa { AVX512VPOPCNTDQ, AVX2, Scalar };
bool hostHas(RooflineIsa isa);
/// Binary MACs of one run() of a roofline loop.
double rooflineBinaryMacs();
std::unique_ptr<Peer> makeRoofline(RooflineIsa isa);

/// OpenBLAS sgemm (row-major A, W transposed).
std::unique_ptr<Peer> makeBlasGemm(const GemmShape &s);
/// OpenBLAS conv: im2col + sgemm.
std::unique_ptr<Peer> makeBlasConv(const ConvShape &s);
/// Single thread for every peer library.
void setSingleThread();

} // namespace bench

#endif // QUANT_BENCH_BENCH_H
