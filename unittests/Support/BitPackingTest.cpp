//===- BitPackingTest.cpp - binary bit packing ----------------------------===//
//
// packBits / unpackBits / binaryDot (bit 1 = +1, zeroed tail bits)
// against plain -1 / +1 arithmetic.
//
//===----------------------------------------------------------------------===//

#include "NumericsTestUtils.h"
#include "quant/Support/Numerics.h"

#include <gtest/gtest.h>

#include <vector>

using namespace mlir::qnn::numerics;
using namespace numerics_test;

namespace {

//===----------------------------------------------------------------------===//
// Bit packing
//===----------------------------------------------------------------------===//

TEST(Numerics, PackBitsHandValues) {
  int8_t signs[] = {1, -1, 1, 0, -1};
  uint64_t w = ~uint64_t(0);
  packBits(signs, 5, &w);
  EXPECT_EQ(w, 0b01101u); // bit 1 = +1, 0 packs as +1, tail zeroed
  int8_t back[5];
  unpackBits(&w, 5, back);
  const int8_t expected[] = {1, -1, 1, 1, -1};
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(back[i], expected[i]);
  EXPECT_EQ(packedWords(0), 0u);
  EXPECT_EQ(packedWords(1), 1u);
  EXPECT_EQ(packedWords(64), 1u);
  EXPECT_EQ(packedWords(65), 2u);
  uint64_t a = 0b0011, b = 0b0101;
  EXPECT_EQ(binaryDot(&a, &b, 4), 0); // (+,+,-,-).(+,-,+,-)
  EXPECT_EQ(binaryDot(&a, &a, 4), 4);
  EXPECT_EQ(binaryDot(&a, &b, 1), 1);
  EXPECT_EQ(binaryDot(&a, &b, 0), 0);
  uint64_t ones = ~uint64_t(0), zeros = 0;
  EXPECT_EQ(binaryDot(&ones, &zeros, 64), -64);
  EXPECT_EQ(binaryDot(&ones, &zeros, 10), -10);
}

TEST(Numerics, PackBitsRandom) {
  Gen g(16);
  for (int iter = 0; iter < 3000; ++iter) {
    size_t n = static_cast<size_t>(iter < 200 ? iter : g.range(0, 700));
    std::vector<int8_t> sa(n), sb(n);
    for (size_t i = 0; i < n; ++i) {
      sa[i] = g.range(0, 1) ? 1 : -1;
      sb[i] = g.range(0, 1) ? 1 : -1;
    }
    size_t words = packedWords(n);
    ASSERT_EQ(words, (n + 63) / 64);
    std::vector<uint64_t> wa(words + 1, 0xdeadbeefULL), wb(words + 1, 7);
    packBits(sa.data(), n, wa.data());
    packBits(sb.data(), n, wb.data());
    ASSERT_EQ(wa[words], 0xdeadbeefULL) << "wrote past packedWords(n)";
    for (size_t i = 0; i < n; ++i)
      ASSERT_EQ((wa[i / 64] >> (i % 64)) & 1, sa[i] > 0 ? 1u : 0u);
    if (n % 64) {
      ASSERT_EQ(wa[words - 1] >> (n % 64), 0u) << "tail bits not zero";
    }
    std::vector<int8_t> back(n);
    unpackBits(wa.data(), n, back.data());
    ASSERT_EQ(back, sa);
    int64_t dot = 0;
    for (size_t i = 0; i < n; ++i)
      dot += sa[i] * sb[i];
    ASSERT_EQ(binaryDot(wa.data(), wb.data(), n), dot) << n;
    // Garbage in the tail bits is ignored.
    if (n % 64) {
      wa[words - 1] |= ~uint64_t(0) << (n % 64);
      wb[words - 1] &= ~(~uint64_t(0) << (n % 64)) | (g.bits() << (n % 64));
      ASSERT_EQ(binaryDot(wa.data(), wb.data(), n), dot) << n;
    }
  }
}

} // namespace
