//===- NumericsTest.cpp - tests of the shared numerics library -----------===//
// STUB: replaced by the numerics work.
#include "quant/Support/Numerics.h"
#include <gtest/gtest.h>
using namespace mlir::qnn::numerics;
TEST(Numerics, RoundHalfEven) {
  EXPECT_EQ(roundHalfEven(0.5), 0.0);
  EXPECT_EQ(roundHalfEven(1.5), 2.0);
  EXPECT_EQ(roundHalfEven(-2.5), -2.0);
}
