//===- Npy.cpp - reading and writing NumPy .npy files --------------------===//
//
// Format: "\x93NUMPY", major, minor, header length (uint16 for 1.0, uint32
// for 2.0/3.0, little-endian), then an ASCII Python dict with 'descr',
// 'fortran_order' and 'shape', padded with spaces to a multiple of 64 bytes
// and ended by '\n'; the raw data follows.
//
//===----------------------------------------------------------------------===//

#include "quant/Support/Npy.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

using namespace mlir::qnn::npy;

namespace {
struct DTypeInfo {
  DType type;
  const char *name, *descr;
  unsigned size;
};
constexpr DTypeInfo kDTypes[] = {
    {DType::F32, "f32", "<f4", 4}, {DType::I8, "i8", "|i1", 1},
    {DType::U8, "u8", "|u1", 1},   {DType::I16, "i16", "<i2", 2},
    {DType::U16, "u16", "<u2", 2}, {DType::I32, "i32", "<i4", 4},
    {DType::U32, "u32", "<u4", 4}, {DType::I64, "i64", "<i8", 8},
};

const DTypeInfo &info(DType t) {
  for (const DTypeInfo &i : kDTypes)
    if (i.type == t)
      return i;
  return kDTypes[0];
}

/// The value of `key` in the header dict: the text after "'key':" up to
/// the next top-level ',' or '}' (a parenthesized tuple counts as one).
std::optional<std::string> dictValue(const std::string &header,
                                     const std::string &key) {
  size_t pos = header.find("'" + key + "'");
  if (pos == std::string::npos)
    return std::nullopt;
  pos = header.find(':', pos);
  if (pos == std::string::npos)
    return std::nullopt;
  ++pos;
  int depth = 0;
  size_t end = pos;
  for (; end < header.size(); ++end) {
    char c = header[end];
    if (c == '(')
      ++depth;
    else if (c == ')')
      --depth;
    else if ((c == ',' || c == '}') && depth == 0)
      break;
  }
  std::string v = header.substr(pos, end - pos);
  size_t b = v.find_first_not_of(" \t"), e = v.find_last_not_of(" \t");
  return b == std::string::npos ? "" : v.substr(b, e - b + 1);
}
} // namespace

const char *mlir::qnn::npy::getDTypeName(DType type) { return info(type).name; }

std::optional<DType> mlir::qnn::npy::parseDTypeName(const std::string &name) {
  for (const DTypeInfo &i : kDTypes)
    if (name == i.name)
      return i.type;
  return std::nullopt;
}

unsigned mlir::qnn::npy::getDTypeSize(DType type) { return info(type).size; }

int64_t Array::getNumElements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

void Array::resize(DType type, std::vector<int64_t> newShape) {
  dtype = type;
  shape = std::move(newShape);
  data.assign(getNumElements() * getDTypeSize(type), 0);
}

double Array::getAsDouble(int64_t i) const {
  if (dtype == DType::F32) {
    float f;
    std::memcpy(&f, &data[i * 4], 4);
    return f;
  }
  return static_cast<double>(getAsInt(i));
}

int64_t Array::getAsInt(int64_t i) const {
  const uint8_t *p = &data[i * getDTypeSize(dtype)];
  switch (dtype) {
  case DType::F32: {
    float f;
    std::memcpy(&f, p, 4);
    return static_cast<int64_t>(f);
  }
  case DType::I8:
    return static_cast<int8_t>(p[0]);
  case DType::U8:
    return p[0];
  case DType::I16: {
    int16_t v;
    std::memcpy(&v, p, 2);
    return v;
  }
  case DType::U16: {
    uint16_t v;
    std::memcpy(&v, p, 2);
    return v;
  }
  case DType::I32: {
    int32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  case DType::U32: {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  case DType::I64: {
    int64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  }
  return 0;
}

void Array::set(int64_t i, double v) {
  if (dtype == DType::F32) {
    float f = static_cast<float>(v);
    std::memcpy(&data[i * 4], &f, 4);
    return;
  }
  setInt(i, static_cast<int64_t>(std::llround(v)));
}

void Array::setInt(int64_t i, int64_t v) {
  uint8_t *p = &data[i * getDTypeSize(dtype)];
  switch (dtype) {
  case DType::F32: {
    float f = static_cast<float>(v);
    std::memcpy(p, &f, 4);
    return;
  }
  case DType::I8:
  case DType::U8:
    p[0] = static_cast<uint8_t>(v);
    return;
  case DType::I16:
  case DType::U16: {
    uint16_t u = static_cast<uint16_t>(v);
    std::memcpy(p, &u, 2);
    return;
  }
  case DType::I32:
  case DType::U32: {
    uint32_t u = static_cast<uint32_t>(v);
    std::memcpy(p, &u, 4);
    return;
  }
  case DType::I64:
    std::memcpy(p, &v, 8);
    return;
  }
}

bool mlir::qnn::npy::readFile(const std::string &path, Array &array,
                              std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open '" + path + "'";
    return false;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  auto bad = [&](const std::string &why) {
    error = "'" + path + "' is not a supported .npy file: " + why;
    return false;
  };
  if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0)
    return bad("missing magic string");
  unsigned major = static_cast<uint8_t>(bytes[6]);
  size_t headerLen, offset;
  if (major == 1) {
    headerLen = static_cast<uint8_t>(bytes[8]) |
                (static_cast<size_t>(static_cast<uint8_t>(bytes[9])) << 8);
    offset = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return bad("truncated header");
    headerLen = 0;
    for (int b = 0; b < 4; ++b)
      headerLen |= static_cast<size_t>(static_cast<uint8_t>(bytes[8 + b]))
                   << (8 * b);
    offset = 12;
  } else {
    return bad("unknown format version " + std::to_string(major));
  }
  if (bytes.size() < offset + headerLen)
    return bad("truncated header");
  std::string header = bytes.substr(offset, headerLen);
  std::optional<std::string> descr = dictValue(header, "descr");
  std::optional<std::string> fortran = dictValue(header, "fortran_order");
  std::optional<std::string> shape = dictValue(header, "shape");
  if (!descr || !fortran || !shape)
    return bad("header lacks descr, fortran_order or shape");
  if (*fortran != "False")
    return bad("Fortran order is not supported");
  std::string d = descr->size() >= 2 ? descr->substr(1, descr->size() - 2) : "";
  // '=' means native order, which is little-endian on every host we run on.
  if (!d.empty() && d[0] == '=')
    d[0] = '<';
  const DTypeInfo *found = nullptr;
  for (const DTypeInfo &i : kDTypes)
    if (d == i.descr || (d.size() == 3 && d[0] == '<' && i.size == 1 &&
                         d.substr(1) == std::string(i.descr).substr(1)))
      found = &i;
  if (!found)
    return bad("dtype " + *descr +
               " is not supported (f4, i1, u1, i2, u2, "
               "i4, u4, i8, little-endian)");
  std::vector<int64_t> dims;
  std::string s = *shape;
  if (s.size() < 2 || s.front() != '(' || s.back() != ')')
    return bad("malformed shape " + s);
  std::stringstream ss(s.substr(1, s.size() - 2));
  std::string item;
  while (std::getline(ss, item, ',')) {
    size_t b = item.find_first_not_of(" ");
    if (b == std::string::npos)
      continue;
    char *end = nullptr;
    long long v = std::strtoll(item.c_str() + b, &end, 10);
    if (v < 0)
      return bad("negative dimension in " + s);
    dims.push_back(v);
  }
  array.resize(found->type, dims);
  size_t dataOffset = offset + headerLen;
  if (bytes.size() - dataOffset < array.data.size())
    return bad("expected " + std::to_string(array.data.size()) +
               " data bytes, found " +
               std::to_string(bytes.size() - dataOffset));
  // An empty array has no buffer: memcpy's pointers must not be null even
  // for 0 bytes (UBSan in e2e/empty-tensors.mlir).
  if (!array.data.empty())
    std::memcpy(array.data.data(), bytes.data() + dataOffset,
                array.data.size());
  return true;
}

bool mlir::qnn::npy::writeFile(const std::string &path, const Array &array,
                               std::string &error) {
  std::string header = "{'descr': '" + std::string(info(array.dtype).descr) +
                       "', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < array.shape.size(); ++i)
    header +=
        std::to_string(array.shape[i]) +
        (array.shape.size() == 1 || i + 1 < array.shape.size() ? "," : "") +
        (i + 1 < array.shape.size() ? " " : "");
  header += "), }";
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    error = "cannot open '" + path + "' for writing";
    return false;
  }
  out.write("\x93NUMPY\x01\x00", 8);
  char len[2] = {static_cast<char>(header.size() & 0xff),
                 static_cast<char>(header.size() >> 8)};
  out.write(len, 2);
  out.write(header.data(), header.size());
  out.write(reinterpret_cast<const char *>(array.data.data()),
            array.data.size());
  if (!out) {
    error = "write to '" + path + "' failed";
    return false;
  }
  return true;
}
