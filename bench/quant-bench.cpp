//===- quant-bench.cpp - our kernels against oneDNN and OpenBLAS ---------===//
//
// Google Benchmark over the same shapes in the same process, one thread:
//   gemm_{i8,f32}/MxNxK/{ours,onednn,openblas}
//   conv_{i8,f32}/C-O_HxW_kKsS/{ours,onednn,openblas}
//   conv_bin/C-O_HxW_kKsS/{ours,onednn_f32,ours_i8}: a binary conv on the
//     XNOR kernels against oneDNN's fp32 and our int8 conv of that shape
//   gemm_bin/MxNxK/ours and roofline_bin/<isa>/peak: binary GEMMs against
//     the pure xor-popcount loop of each ISA the host runs (Roofline.cpp)
// (`ours_generic` with QUANT_BENCH_GENERIC=1: the linalg.contract lowering
// without the packed microkernels). Throughput is reported as the `ops`
// counter (2 * MACs per second); bench/run.sh turns the JSON output into
// ratios ours / peer.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace bench;

namespace {

const std::vector<GemmShape> kGemms = {
    {1024, 1024, 1024}, // square
    {128, 768, 768},    // transformer attention projection (seq 128)
    {128, 3072, 768},   // transformer MLP up-projection
    {128, 768, 3072},   // transformer MLP down-projection
    {1, 1000, 512},     // ResNet-18 classifier, batch 1
};

const std::vector<ConvShape> kConvs = {
    {64, 64, 56, 3, 1, 1},   // ResNet-18 layer1
    {128, 128, 28, 3, 1, 1}, // layer2
    {256, 256, 14, 3, 1, 1}, // layer3
    {512, 512, 7, 3, 1, 1},  // layer4
    {64, 128, 56, 3, 2, 1},  // layer2 downsampling (stride 2)
};

/// Times fn(); `setup` runs first, untimed (e.g. compiling our model only
/// when its benchmark is selected).
void registerRun(const std::string &name, double ops, std::function<void()> fn,
                 std::function<void()> setup = nullptr) {
  benchmark::RegisterBenchmark(
      name.c_str(),
      [fn, ops, setup](benchmark::State &state) {
        if (setup)
          setup();
        for (auto _ : state)
          fn();
        state.counters["ops"] = benchmark::Counter(
            ops, benchmark::Counter::kIsIterationInvariantRate);
      })
      ->Unit(benchmark::kMicrosecond)
      ->MinTime(0.3)
      // With --benchmark_repetitions: the best repetition (of the ops/s
      // counter), robust against other load on the machine.
      ->ComputeStatistics("max", [](const std::vector<double> &v) {
        return *std::max_element(v.begin(), v.end());
      });
}

/// Our model for one shape, compiled when first run (kept alive).
void registerOurs(const std::string &name, double ops,
                  const std::string &source, size_t inBytes, size_t outBytes,
                  bool isFloat, bool kernels) {
  auto model = std::make_shared<OurModel>();
  auto setup = [=] {
    if (model->in.data)
      return;
    if (!model->compile(source, kernels)) {
      std::fprintf(stderr, "quant-bench: cannot compile %s\n", name.c_str());
      std::exit(1);
    }
    model->in = Buffer(inBytes);
    model->out = Buffer(outBytes);
    if (isFloat)
      fillF32(model->in, 1);
    else
      fillI8(model->in, 1);
  };
  registerRun(name, ops, [model] { model->run(); }, setup);
}

/// The i8 weights `w` halved to 7 bits (-64..63), as ONNX Runtime's
/// `reduce_range` quantizes them: x86 CPUs without VNNI then run our exact
/// pmaddubsw kernels (the `ours_w7` rows; oneDNN's speed does not depend
/// on the weights' values).
Buffer to7Bits(const Buffer &w) {
  Buffer h(w.bytes);
  for (size_t i = 0; i < w.bytes; ++i)
    h.as<int8_t>()[i] = static_cast<int8_t>(w.as<int8_t>()[i] >> 1);
  return h;
}

void registerGemm(const GemmShape &s, bool isFloat, bool generic) {
  std::string base =
      std::string(isFloat ? "gemm_f32/" : "gemm_i8/") + s.name() + "/";
  double ops = 2.0 * s.m * s.n * s.k;
  size_t el = isFloat ? 4 : 1;
  Buffer w(s.n * s.k * el);
  isFloat ? fillF32(w, 2) : fillI8(w, 2);
  std::string source = gemmSource(s, isFloat, w.data);
  registerOurs(base + "ours", ops, source, s.m * s.k * el, s.m * s.n * 4,
               isFloat, true);
  if (!isFloat)
    registerOurs(base + "ours_w7", ops, gemmSource(s, false, to7Bits(w).data),
                 s.m * s.k, s.m * s.n * 4, false, true);
  if (generic)
    registerOurs(base + "ours_generic", ops, source, s.m * s.k * el,
                 s.m * s.n * 4, isFloat, false);
  std::shared_ptr<Peer> dnnl = makeDnnlGemm(s, isFloat);
  registerRun(base + "onednn", ops, [dnnl] { dnnl->run(); });
  if (isFloat) {
    std::shared_ptr<Peer> blas = makeBlasGemm(s);
    registerRun(base + "openblas", ops, [blas] { blas->run(); });
  }
}

void registerConv(const ConvShape &s, bool isFloat, bool generic) {
  std::string base =
      std::string(isFloat ? "conv_f32/" : "conv_i8/") + s.name() + "/";
  int64_t oh = s.outH();
  double ops = 2.0 * s.o * oh * oh * s.c * s.k * s.k;
  size_t el = isFloat ? 4 : 1;
  Buffer w(s.o * s.c * s.k * s.k * el);
  isFloat ? fillF32(w, 2) : fillI8(w, 2);
  std::string source = convSource(s, isFloat, w.data);
  size_t inBytes = s.c * s.h * s.h * el, outBytes = s.o * oh * oh * 4;
  registerOurs(base + "ours", ops, source, inBytes, outBytes, isFloat, true);
  if (!isFloat)
    registerOurs(base + "ours_w7", ops, convSource(s, false, to7Bits(w).data),
                 inBytes, outBytes, false, true);
  if (generic)
    registerOurs(base + "ours_generic", ops, source, inBytes, outBytes, isFloat,
                 false);
  std::shared_ptr<Peer> dnnl = makeDnnlConv(s, isFloat);
  registerRun(base + "onednn", ops, [dnnl] { dnnl->run(); });
  if (isFloat) {
    std::shared_ptr<Peer> blas = makeBlasConv(s);
    registerRun(base + "openblas", ops, [blas] { blas->run(); });
  }
}

/// A binary conv (ours, XNOR / popcount) against the fp32 conv of oneDNN
/// and our int8 conv at the same shape; ops count binary MACs twice, so
/// the ratios are speedups.
void registerBinaryConv(const ConvShape &s) {
  std::string base = "conv_bin/" + s.name() + "/";
  int64_t oh = s.outH();
  double ops = 2.0 * s.o * oh * oh * s.c * s.k * s.k;
  Buffer w(s.o * s.c * s.k * s.k);
  fillI8(w, 2);
  for (size_t i = 0; i < w.bytes; ++i)
    static_cast<int8_t *>(w.data)[i] =
        static_cast<int8_t *>(w.data)[i] >= 0 ? 1 : -1;
  size_t inBytes = s.c * s.h * s.h, outBytes = s.o * oh * oh * 4;
  registerOurs(base + "ours", ops, binaryConvSource(s, w.data), inBytes,
               outBytes, false, true);
  std::shared_ptr<Peer> dnnl = makeDnnlConv(s, true);
  registerRun(base + "onednn_f32", ops, [dnnl] { dnnl->run(); });
  registerOurs(base + "ours_i8", ops, convSource(s, false, w.data), inBytes,
               outBytes, false, true);
}

const std::vector<GemmShape> kBinaryGemms = {
    {64, 256, 1024},
    {64, 256, 2048},
    {64, 256, 4096},
    {64, 256, 8192},
};

/// Binary GEMMs (XNOR kernels) and the host's popcount rooflines.
void registerBinaryGemms() {
  for (const GemmShape &s : kBinaryGemms) {
    Buffer w(s.n * s.k);
    fillI8(w, 2);
    for (size_t i = 0; i < w.bytes; ++i)
      static_cast<int8_t *>(w.data)[i] =
          static_cast<int8_t *>(w.data)[i] >= 0 ? 1 : -1;
    registerOurs("gemm_bin/" + s.name() + "/ours", 2.0 * s.m * s.n * s.k,
                 binaryGemmSource(s, w.data), s.m * s.k, s.m * s.n * 4, false,
                 true);
  }
  const std::pair<RooflineIsa, const char *> isas[] = {
      {RooflineIsa::AVX512VPOPCNTDQ, "avx512vpopcntdq"},
      {RooflineIsa::AVX2, "avx2"},
      {RooflineIsa::Scalar, "popcnt"}};
  for (auto [isa, name] : isas) {
    if (!hostHas(isa))
      continue;
    std::shared_ptr<Peer> loop = makeRoofline(isa);
    registerRun(std::string("roofline_bin/") + name + "/peak",
                2.0 * rooflineBinaryMacs(), [loop] { loop->run(); });
  }
}

} // namespace

int main(int argc, char **argv) {
  setSingleThread();
  const char *g = std::getenv("QUANT_BENCH_GENERIC");
  bool generic = g && *g == '1';
  for (bool isFloat : {false, true}) {
    for (const GemmShape &s : kGemms)
      registerGemm(s, isFloat, generic);
    for (const ConvShape &s : kConvs)
      registerConv(s, isFloat, generic);
  }
  for (const ConvShape &s : kConvs)
    registerBinaryConv(s);
  registerBinaryGemms();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  // The registered lambdas own JIT engines and oneDNN primitives whose
  // destructors would run after LLVM's and oneDNN's own statics: leave
  // without static destruction (reports are written and closed).
  std::fflush(nullptr);
  std::_Exit(0);
}
