//===- Npy.h - reading and writing NumPy .npy files ---------------*- C++
//-*-===//
//
// A small .npy (format 1.0-3.0) reader and writer for the tools and test
// drivers: little-endian, C order, dtypes f4, i1, u1, i2, u2, i4, u4, i8.
// No MLIR dependency.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_SUPPORT_NPY_H
#define QUANT_SUPPORT_NPY_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir::qnn::npy {

/// Element types, named as the compiler's boundary types ("f32", "i8", ...).
enum class DType { F32, I8, U8, I16, U16, I32, U32, I64 };

/// "f32", "i8", ...
const char *getDTypeName(DType type);
/// The DType of a name as returned by getDTypeName.
std::optional<DType> parseDTypeName(const std::string &name);
/// Bytes per element.
unsigned getDTypeSize(DType type);

/// An n-dimensional array in C order.
struct Array {
  DType dtype = DType::F32;
  std::vector<int64_t> shape;
  std::vector<uint8_t> data; ///< getNumElements() * getDTypeSize(dtype) bytes.

  int64_t getNumElements() const;
  /// Element `i` converted to double (exact for every supported dtype but
  /// i64 beyond 2^53).
  double getAsDouble(int64_t i) const;
  /// Element `i` as an integer (float elements are truncated).
  int64_t getAsInt(int64_t i) const;
  /// Stores `v` into element `i`, converting to the dtype (floats round to
  /// nearest, integers are truncated to the width).
  void set(int64_t i, double v);
  void setInt(int64_t i, int64_t v);
  /// Allocates zeroed data for `shape`.
  void resize(DType type, std::vector<int64_t> newShape);
};

/// Reads `path`. On failure returns false and sets `error`.
bool readFile(const std::string &path, Array &array, std::string &error);
/// Writes `array` to `path` (format 1.0). On failure returns false and sets
/// `error`.
bool writeFile(const std::string &path, const Array &array, std::string &error);

} // namespace mlir::qnn::npy

#endif // QUANT_SUPPORT_NPY_H
