// Layout selection by reduction dims and the 2.5D texture mapping
// (passes/layout/TensorLayout.h).
#include "passes/layout/TensorLayout.h"

#include <catch2/catch.hpp>

#include <set>
#include <tuple>

using namespace mlir::hone;
using llvm::SmallVector;

namespace {

/// Every element of `shape` in `layout` lands on its own texel lane inside
/// the image.
void checkTextureBijection(const TensorLayout &layout, llvm::ArrayRef<int64_t> shape) {
  std::set<std::tuple<int64_t, int64_t, int64_t>> seen;
  SmallVector<int64_t> index(shape.size(), 0);
  int64_t count = 1;
  for (int64_t size : shape)
    count *= size;
  for (int64_t n = 0; n < count; ++n) {
    int64_t rest = n;
    for (size_t d = shape.size(); d-- > 0;) {
      index[d] = rest % shape[d];
      rest /= shape[d];
    }
    Texel texel = texelOf(layout, shape, index);
    REQUIRE(texel.x >= 0);
    REQUIRE(texel.x < layout.width);
    REQUIRE(texel.y >= 0);
    REQUIRE(texel.y < layout.height);
    REQUIRE(texel.lane >= 0);
    REQUIRE(texel.lane < 4);
    REQUIRE(seen.insert({texel.x, texel.y, texel.lane}).second);
  }
}

} // namespace

TEST_CASE("layout selection: a buffer serves one requirement, copies for the rest", "[layout]") {
  // Softmax over dim 1 first, then two consumers reducing over dim 2 (a
  // ReduceSum, a MatMul's A): dim 1 goes innermost, dim 2 is read from a copy.
  SmallVector<SmallVector<int64_t>> consumers = {{1}, {2}, {2}, {}};
  SmallVector<SmallVector<int64_t>> copies;
  TensorLayout layout = selectLayout({2, 8, 16}, consumers, LayoutMemory::Buffer, 16384, copies);
  CHECK(layout.str() == "buffer[0, 2, 1]");
  CHECK_FALSE(layout.isRowMajor());
  REQUIRE(copies.size() == 1);
  CHECK(copies[0] == SmallVector<int64_t>{2});
  // Requirements on trailing dims, or none: row-major, no copy.
  layout = selectLayout({2, 8, 16}, {{1, 2}, {}}, LayoutMemory::Buffer, 16384, copies);
  CHECK(layout.isRowMajor());
  CHECK(copies.empty());
  layout = selectLayout({2, 8, 16}, {{}, {}}, LayoutMemory::Buffer, 16384, copies);
  CHECK(layout.isRowMajor());
}

TEST_CASE("layout selection: a texture serves two requirements (SmartMem's Fig. 4)", "[layout]") {
  // Reduce' reads D1, Reduce and the fused Conv D3: D1 four to a texel,
  // D3 along x, D0 and D2 (and D1's chunks) along y.
  SmallVector<int64_t> shape = {2, 6, 3, 5};
  SmallVector<SmallVector<int64_t>> copies;
  TensorLayout layout = selectLayout(shape, {{3}, {1}, {3}}, LayoutMemory::Texture, 16384, copies);
  CHECK(layout.str() == "texture(lane 3, x [1], y [0, 2], 6x12)");
  CHECK(copies.empty());
  CHECK(serves(layout, {1}));
  CHECK(serves(layout, {3}));
  checkTextureBijection(layout, shape);
  // A third requirement is read from a copy.
  layout = selectLayout(shape, {{1}, {3}, {0}}, LayoutMemory::Texture, 16384, copies);
  CHECK(layout.laneDim == 1);
  CHECK(layout.xDims == SmallVector<int64_t>{3});
  REQUIRE(copies.size() == 1);
  CHECK(copies[0] == SmallVector<int64_t>{0});
  checkTextureBijection(layout, shape);
}

TEST_CASE("texture mapping: lanes padded to four, extents bounded", "[layout]") {
  // No requirement: the last dim four to a texel (7 -> 2 chunks, one lane
  // padding), the one before along x.
  SmallVector<SmallVector<int64_t>> copies;
  TensorLayout layout = selectLayout({3, 5, 7}, {}, LayoutMemory::Texture, 16384, copies);
  CHECK(layout.str() == "texture(lane 2, x [1], y [0], 5x6)");
  checkTextureBijection(layout, {3, 5, 7});
  // Rank 1: one row of texels.
  layout = selectLayout({9}, {}, LayoutMemory::Texture, 16384, copies);
  CHECK(layout.width == 1);
  CHECK(layout.height == 3);
  checkTextureBijection(layout, {9});
  // An image taller than the device allows stays a buffer.
  // (65 x 256/4 = 4160 rows of texels.)
  layout = selectLayout({65, 300, 256}, {{2}}, LayoutMemory::Texture, 4096, copies);
  CHECK(layout.memory == LayoutMemory::Buffer);
  CHECK(layout.isRowMajor());
}
