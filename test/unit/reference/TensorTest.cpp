//===- TensorTest.cpp - Reference tensors: conversions and broadcasting ---===//
//
// The evaluator's element conversions must match numpy's (round to nearest
// even for float16, truncation for float to int), since every pass is
// checked against it.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/Tensor.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hone::ref;

TEST_CASE("float16 round-trips every finite half value", "[tensor]") {
  for (uint32_t bits = 0; bits < 0x10000; ++bits) {
    uint16_t h = static_cast<uint16_t>(bits);
    if ((h & 0x7c00) == 0x7c00)
      continue; // inf and nan
    REQUIRE(floatToHalf(halfToFloat(h)) == h);
  }
}

TEST_CASE("float16 conversion rounds to nearest even", "[tensor]") {
  // 1 + 2^-11 lies halfway between 1 and the next half (1 + 2^-10).
  CHECK(halfToFloat(floatToHalf(1.0f + std::ldexp(1.0f, -11))) == 1.0f);
  CHECK(halfToFloat(floatToHalf(1.0f + 3 * std::ldexp(1.0f, -11))) ==
        1.0f + 2 * std::ldexp(1.0f, -10));
  CHECK(std::isinf(halfToFloat(floatToHalf(70000.0f))));
}

TEST_CASE("float to integer stores truncate toward zero and saturate", "[tensor]") {
  Tensor t(DType::I8, {4});
  t.setDouble(0, -2.7);
  t.setDouble(1, 2.7);
  t.setDouble(2, 1e9);
  t.setDouble(3, std::nan(""));
  CHECK(t.getInt(0) == -2);
  CHECK(t.getInt(1) == 2);
  CHECK(t.getInt(2) == 127);
  CHECK(t.getInt(3) == 0);
}

TEST_CASE("broadcastShapes follows numpy", "[tensor]") {
  Shape out;
  REQUIRE(broadcastShapes({2, 1, 4}, {3, 1}, out));
  CHECK(out == Shape{2, 3, 4});
  CHECK_FALSE(broadcastShapes({2, 3}, {4, 3, 2}, out));
}

TEST_CASE("broadcastIndexMap maps result elements to operand elements", "[tensor]") {
  std::vector<int64_t> map = broadcastIndexMap({3, 1}, {2, 3, 2});
  REQUIRE(map.size() == 12);
  CHECK(map == std::vector<int64_t>{0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2});
}
