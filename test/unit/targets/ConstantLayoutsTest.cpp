//===- ConstantLayoutsTest.cpp - Constants stored in their readers' layout ===//
#include "targets/cpu/ConstantLayouts.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

using namespace mlir::hone::cpu;

namespace {

/// `values` permuted by permuteDense, as floats.
std::vector<float> permuted(const std::vector<float> &values, const std::vector<int64_t> &shape,
                            const std::vector<int64_t> &order) {
  std::string bytes = permuteDense(reinterpret_cast<const char *>(values.data()), sizeof(float), shape, order);
  std::vector<float> out(values.size());
  REQUIRE(bytes.size() == out.size() * sizeof(float));
  std::memcpy(out.data(), bytes.data(), bytes.size());
  return out;
}

} // namespace

TEST_CASE("convolution weights stored with their output channels innermost", "[constant-layouts]") {
  // W [M=2, C=3, K=2]: element (m, c, k) = 100m + 10c + k.
  std::vector<float> w;
  for (int m = 0; m < 2; ++m)
    for (int c = 0; c < 3; ++c)
      for (int k = 0; k < 2; ++k)
        w.push_back(100.0f * m + 10.0f * c + k);
  REQUIRE(channelsInnermost(3) == std::vector<int64_t>{1, 2, 0});
  std::vector<float> stored = permuted(w, {2, 3, 2}, channelsInnermost(3));
  // Stored [C, K, M]: (c, k, m) at (c * 2 + k) * 2 + m.
  for (int m = 0; m < 2; ++m)
    for (int c = 0; c < 3; ++c)
      for (int k = 0; k < 2; ++k)
        CHECK(stored[(c * 2 + k) * 2 + m] == 100.0f * m + 10.0f * c + k);
}

TEST_CASE("the identity order and a 1-D tensor keep the bytes", "[constant-layouts]") {
  std::vector<float> v{1, 2, 3, 4, 5, 6};
  CHECK(permuted(v, {2, 3}, {0, 1}) == v);
  CHECK(permuted(v, {6}, {0}) == v);
  CHECK(permuted(v, {2, 3}, {1, 0}) == std::vector<float>{1, 4, 2, 5, 3, 6});
}

TEST_CASE("a permutation of 8-byte elements moves whole elements", "[constant-layouts]") {
  std::vector<double> v{1.5, 2.5, 3.5, 4.5};
  std::string bytes = permuteDense(reinterpret_cast<const char *>(v.data()), sizeof(double), {2, 2}, {1, 0});
  std::vector<double> out(4);
  std::memcpy(out.data(), bytes.data(), bytes.size());
  CHECK(out == std::vector<double>{1.5, 3.5, 2.5, 4.5});
}
