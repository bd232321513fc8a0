//===- AlignedBuffer.h - zeroed 64-byte aligned buffers --------*- C++ -*-===//
//
// The buffers a compiled model reads and writes when quant-run, calibration
// or the benchmarks call it: zeroed, 64-byte aligned (the allocation is
// rounded up to whole cache lines), movable, freed on destruction.
// Header-only and free of MLIR headers, so the benchmarks' peer code can
// use it too.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_EXECUTIONENGINE_ALIGNEDBUFFER_H
#define QUANT_EXECUTIONENGINE_ALIGNEDBUFFER_H

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace mlir::qnn::compiler {

class AlignedBuffer {
public:
  AlignedBuffer() = default;
  explicit AlignedBuffer(size_t n) : bytes(n) {
    size_t rounded = (std::max<size_t>(n, 1) + 63) / 64 * 64;
    data = std::aligned_alloc(64, rounded);
    std::memset(data, 0, rounded);
  }
  AlignedBuffer(const AlignedBuffer &) = delete;
  AlignedBuffer &operator=(const AlignedBuffer &) = delete;
  AlignedBuffer(AlignedBuffer &&o) noexcept : data(o.data), bytes(o.bytes) {
    o.data = nullptr;
    o.bytes = 0;
  }
  AlignedBuffer &operator=(AlignedBuffer &&o) noexcept {
    std::swap(data, o.data);
    std::swap(bytes, o.bytes);
    return *this;
  }
  ~AlignedBuffer() { std::free(data); }

  template <typename T> T *as() const { return static_cast<T *>(data); }

  void *data = nullptr;
  size_t bytes = 0; ///< As requested.
};

} // namespace mlir::qnn::compiler

#endif // QUANT_EXECUTIONENGINE_ALIGNEDBUFFER_H
