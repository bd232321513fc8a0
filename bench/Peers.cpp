//===- Peers.cpp - oneDNN and OpenBLAS on the benchmark shapes -----------===//
//
// oneDNN 2.x primitives on one CPU engine and stream (single thread via
// OMP_NUM_THREADS=1, set by setSingleThread before the runtime starts);
// weights and activations are reordered once into the formats oneDNN picks
// for `any` (blocked for conv), outside the timed run(). OpenBLAS sgemm
// runs single-threaded; its conv is im2col + sgemm.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <cblas.h>
#include <dnnl.hpp>

#include <random>
#include <vector>

extern "C" void openblas_set_num_threads(int);

namespace bench {

void fillI8(Buffer &b, uint32_t seed) {
  std::mt19937 gen(seed);
  for (size_t i = 0; i < b.bytes; ++i)
    b.as<int8_t>()[i] = static_cast<int8_t>(gen() & 0xff);
}

void fillF32(Buffer &b, uint32_t seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> d(-1.0f, 1.0f);
  for (size_t i = 0; i < b.bytes / 4; ++i)
    b.as<float>()[i] = d(gen);
}

void setSingleThread() {
  setenv("OMP_NUM_THREADS", "1", 1);
  setenv("OPENBLAS_NUM_THREADS", "1", 1);
  openblas_set_num_threads(1);
}

namespace {
using dt = dnnl::memory::data_type;
using tag = dnnl::memory::format_tag;

/// A memory in `want`'s format filled from plain data in `plain`.
dnnl::memory reordered(dnnl::engine &eng, dnnl::stream &st,
                       const dnnl::memory::desc &plain,
                       const dnnl::memory::desc &want, Buffer &data) {
  dnnl::memory src(plain, eng, data.data);
  dnnl::memory dst(want, eng);
  dnnl::reorder(src, dst).execute(st, src, dst);
  st.wait();
  return dst;
}

struct DnnlPeer : Peer {
  dnnl::engine eng{dnnl::engine::kind::cpu, 0};
  dnnl::stream st{eng};
  dnnl::primitive prim;
  std::unordered_map<int, dnnl::memory> args;
  Buffer src, wei;
  /// Source and weight buffers of that many f32 or i8 elements, filled with
  /// fixed pseudo-random values.
  void makeOperands(size_t srcElems, size_t weiElems, bool isFloat) {
    size_t el = isFloat ? 4 : 1;
    src = Buffer(srcElems * el);
    wei = Buffer(weiElems * el);
    if (isFloat) {
      fillF32(src, 1);
      fillF32(wei, 2);
    } else {
      fillI8(src, 1);
      fillI8(wei, 2);
    }
  }
  void run() override {
    prim.execute(st, args);
    st.wait();
  }
};

struct DnnlGemm : DnnlPeer {
  DnnlGemm(const GemmShape &s, bool isFloat) {
    dt srcT = isFloat ? dt::f32 : dt::u8, weiT = isFloat ? dt::f32 : dt::s8;
    dt dstT = isFloat ? dt::f32 : dt::s32;
    dnnl::memory::desc srcMd({s.m, s.k}, srcT, tag::ab);
    dnnl::memory::desc weiPlain({s.k, s.n}, weiT, tag::ba); // W[N][K]
    dnnl::memory::desc weiAny({s.k, s.n}, weiT, tag::any);
    dnnl::memory::desc dstMd({s.m, s.n}, dstT, tag::ab);
    dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(srcMd, weiAny, dstMd),
                                    eng);
    makeOperands(s.m * s.k, s.n * s.k, isFloat);
    args[DNNL_ARG_SRC] = dnnl::memory(srcMd, eng, src.data);
    args[DNNL_ARG_WEIGHTS] =
        reordered(eng, st, weiPlain, pd.weights_desc(), wei);
    args[DNNL_ARG_DST] = dnnl::memory(pd.dst_desc(), eng);
    prim = dnnl::matmul(pd);
  }
};

struct DnnlConv : DnnlPeer {
  DnnlConv(const ConvShape &s, bool isFloat) {
    dt srcT = isFloat ? dt::f32 : dt::u8, weiT = isFloat ? dt::f32 : dt::s8;
    dt dstT = isFloat ? dt::f32 : dt::s32;
    int64_t oh = s.outH();
    dnnl::memory::dims srcDims = {1, s.c, s.h, s.h};
    dnnl::memory::dims weiDims = {s.o, s.c, s.k, s.k};
    dnnl::memory::dims dstDims = {1, s.o, oh, oh};
    dnnl::convolution_forward::primitive_desc pd(
        dnnl::convolution_forward::desc(
            dnnl::prop_kind::forward_inference,
            dnnl::algorithm::convolution_direct,
            dnnl::memory::desc(srcDims, srcT, tag::any),
            dnnl::memory::desc(weiDims, weiT, tag::any),
            dnnl::memory::desc(dstDims, dstT, tag::any), {s.stride, s.stride},
            {s.pad, s.pad}, {s.pad, s.pad}),
        eng);
    makeOperands(s.c * s.h * s.h, s.o * s.c * s.k * s.k, isFloat);
    args[DNNL_ARG_SRC] =
        reordered(eng, st, dnnl::memory::desc(srcDims, srcT, tag::nchw),
                  pd.src_desc(), src);
    args[DNNL_ARG_WEIGHTS] =
        reordered(eng, st, dnnl::memory::desc(weiDims, weiT, tag::oihw),
                  pd.weights_desc(), wei);
    args[DNNL_ARG_DST] = dnnl::memory(pd.dst_desc(), eng);
    prim = dnnl::convolution_forward(pd);
  }
};

struct BlasGemm : Peer {
  GemmShape s;
  Buffer a, w, c;
  explicit BlasGemm(const GemmShape &s)
      : s(s), a(s.m * s.k * 4), w(s.n * s.k * 4), c(s.m * s.n * 4) {
    fillF32(a, 1);
    fillF32(w, 2);
  }
  void run() override {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, s.m, s.n, s.k, 1.0f,
                a.as<float>(), s.k, w.as<float>(), s.k, 0.0f, c.as<float>(),
                s.n);
  }
};

/// im2col ([C*K*K][OH*OW]) then W[O][C*K*K] x cols -> NCHW output.
struct BlasConv : Peer {
  ConvShape s;
  Buffer x, w, cols, y;
  explicit BlasConv(const ConvShape &s)
      : s(s), x(s.c * s.h * s.h * 4), w(s.o * s.c * s.k * s.k * 4),
        cols(s.c * s.k * s.k * s.outH() * s.outH() * 4),
        y(s.o * s.outH() * s.outH() * 4) {
    fillF32(x, 1);
    fillF32(w, 2);
  }
  void run() override {
    int64_t oh = s.outH(), p = oh * oh;
    const float *in = x.as<float>();
    float *col = cols.as<float>();
    for (int64_t c = 0; c < s.c; ++c)
      for (int64_t ky = 0; ky < s.k; ++ky)
        for (int64_t kx = 0; kx < s.k; ++kx) {
          float *row = col + ((c * s.k + ky) * s.k + kx) * p;
          for (int64_t oy = 0; oy < oh; ++oy) {
            int64_t iy = oy * s.stride + ky - s.pad;
            for (int64_t ox = 0; ox < oh; ++ox) {
              int64_t ix = ox * s.stride + kx - s.pad;
              row[oy * oh + ox] = (iy < 0 || iy >= s.h || ix < 0 || ix >= s.h)
                                      ? 0.0f
                                      : in[(c * s.h + iy) * s.h + ix];
            }
          }
        }
    int64_t k = s.c * s.k * s.k;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, s.o, p, k, 1.0f,
                w.as<float>(), k, col, p, 0.0f, y.as<float>(), p);
  }
};
} // namespace

std::unique_ptr<Peer> makeDnnlGemm(const GemmShape &s, bool isFloat) {
  return std::make_unique<DnnlGemm>(s, isFloat);
}
std::unique_ptr<Peer> makeDnnlConv(const ConvShape &s, bool isFloat) {
  return std::make_unique<DnnlConv>(s, isFloat);
}
std::unique_ptr<Peer> makeBlasGemm(const GemmShape &s) {
  return std::make_unique<BlasGemm>(s);
}
std::unique_ptr<Peer> makeBlasConv(const ConvShape &s) {
  return std::make_unique<BlasConv>(s);
}

} // namespace bench
