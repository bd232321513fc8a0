//===- Roofline.cpp - pure xor-popcount-accumulate loops per x86 ISA -----===//
//
// The ceiling of a binary kernel on this CPU: the binary MACs per second of
// a loop that does nothing but xor, count and accumulate, on operands that
// stay in L1, with enough independent accumulators to hide latency. Written
// the cheapest way each ISA allows (the way our kernels count):
//   - AVX-512 VPOPCNTDQ: vpxorq, vpopcntq, vpaddq per 512 bits;
//   - AVX2: operands pre-split into nibble planes, so per 256 bits two
//     vpxor, two vpshufb table lookups and two byte adds, with a vpsadbw
//     flush of the byte accumulators every 31 steps; weights held in
//     registers (as in a kernel tile), so loads do not bound it;
//   - scalar: xor, popcnt, add per 64 bits.
//
//===----------------------------------------------------------------------===//

#include "Bench.h"

#include <immintrin.h>

#include <cstdint>

namespace bench {
namespace {

constexpr size_t kBytes = 4096; // Per operand (and plane): L1-resident.

__attribute__((target("avx512f,avx512vpopcntdq"))) uint64_t
countAvx512(const uint8_t *a, const uint8_t *w) {
  constexpr int kW = 4; // Weight vectors in registers, as in a tile.
  __m512i wv[kW], acc[2 * kW];
  for (int v = 0; v < kW; ++v)
    wv[v] = _mm512_load_si512(w + 64 * v);
  for (__m512i &x : acc)
    x = _mm512_setzero_si512();
  // Two activation vectors per step: 8 independent accumulators.
  for (size_t i = 0; i < kBytes / kW; i += 128)
    for (int u = 0; u < 2; ++u) {
      __m512i x = _mm512_load_si512(a + i + 64 * u);
      for (int v = 0; v < kW; ++v)
        acc[u * kW + v] = _mm512_add_epi64(
            acc[u * kW + v], _mm512_popcnt_epi64(_mm512_xor_si512(x, wv[v])));
    }
  uint64_t sum = 0;
  for (__m512i &x : acc)
    sum += _mm512_reduce_add_epi64(x);
  return sum;
}

/// `a` holds the low nibble planes, `a + kBytes` the high ones (each byte
/// 0..15). Like a kernel tile, four weight vectors (as nibble planes) stay
/// in registers and each activation pair loaded is counted against all of
/// them: the loop is bound by the xor / lookup / add work, not by loads.
__attribute__((target("avx2"))) uint64_t countAvx2(const uint8_t *a,
                                                   const uint8_t *w) {
  const __m256i lut =
      _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1,
                       2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
  constexpr int kW = 4;
  __m256i wlo[kW], whi[kW];
  for (int v = 0; v < kW; ++v) {
    wlo[v] = _mm256_load_si256(reinterpret_cast<const __m256i *>(w + 32 * v));
    whi[v] = _mm256_load_si256(
        reinterpret_cast<const __m256i *>(w + kBytes + 32 * v));
  }
  __m256i total = _mm256_setzero_si256();
  // Each 32-byte activation step feeds kW accumulators; 31 steps per flush.
  for (size_t i0 = 0; i0 < kBytes / kW; i0 += 31 * 32) {
    __m256i acc[kW];
    for (__m256i &x : acc)
      x = _mm256_setzero_si256();
    size_t end = std::min(kBytes / kW, i0 + 31 * 32);
    for (size_t i = i0; i < end; i += 32) {
      __m256i alo = _mm256_load_si256(reinterpret_cast<const __m256i *>(a + i));
      __m256i ahi =
          _mm256_load_si256(reinterpret_cast<const __m256i *>(a + kBytes + i));
      for (int v = 0; v < kW; ++v) {
        acc[v] = _mm256_add_epi8(
            acc[v], _mm256_shuffle_epi8(lut, _mm256_xor_si256(alo, wlo[v])));
        acc[v] = _mm256_add_epi8(
            acc[v], _mm256_shuffle_epi8(lut, _mm256_xor_si256(ahi, whi[v])));
      }
    }
    for (__m256i &x : acc)
      total =
          _mm256_add_epi64(total, _mm256_sad_epu8(x, _mm256_setzero_si256()));
  }
  alignas(32) uint64_t lanes[4];
  _mm256_store_si256(reinterpret_cast<__m256i *>(lanes), total);
  return lanes[0] + lanes[1] + lanes[2] + lanes[3];
}

__attribute__((target("popcnt"))) uint64_t countScalar(const uint8_t *a,
                                                       const uint8_t *w) {
  const auto *a64 = reinterpret_cast<const uint64_t *>(a);
  const auto *w64 = reinterpret_cast<const uint64_t *>(w);
  uint64_t acc[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < kBytes / 8; i += 4)
    for (int u = 0; u < 4; ++u)
      acc[u] +=
          static_cast<uint64_t>(__builtin_popcountll(a64[i + u] ^ w64[i + u]));
  return acc[0] + acc[1] + acc[2] + acc[3];
}

class Roofline : public Peer {
public:
  explicit Roofline(RooflineIsa isa) : isa(isa), a(2 * kBytes), w(2 * kBytes) {
    fillI8(a, 3);
    fillI8(w, 4);
    if (isa == RooflineIsa::AVX2) // Nibble planes: bytes 0..15.
      for (size_t i = 0; i < 2 * kBytes; ++i) {
        static_cast<uint8_t *>(a.data)[i] &= 15;
        static_cast<uint8_t *>(w.data)[i] &= 15;
      }
  }
  void run() override {
    const auto *pa = static_cast<const uint8_t *>(a.data);
    const auto *pw = static_cast<const uint8_t *>(w.data);
    uint64_t r = isa == RooflineIsa::AVX512VPOPCNTDQ ? countAvx512(pa, pw)
                 : isa == RooflineIsa::AVX2          ? countAvx2(pa, pw)
                                                     : countScalar(pa, pw);
    sink += r;
  }
  volatile uint64_t sink = 0;

private:
  RooflineIsa isa;
  Buffer a, w;
};

} // namespace

bool hostHas(RooflineIsa isa) {
  switch (isa) {
  case RooflineIsa::AVX512VPOPCNTDQ:
    return __builtin_cpu_supports("avx512vpopcntdq");
  case RooflineIsa::AVX2:
    return __builtin_cpu_supports("avx2");
  case RooflineIsa::Scalar:
    return __builtin_cpu_supports("popcnt");
  }
  return false;
}

double rooflineBinaryMacs() { return 8.0 * kBytes; }

std::unique_ptr<Peer> makeRoofline(RooflineIsa isa) {
  return std::make_unique<Roofline>(isa);
}

} // namespace bench
