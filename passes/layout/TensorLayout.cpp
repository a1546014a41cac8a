//===- TensorLayout.cpp - How a tensor is stored, and how it is chosen ---===//
#include "passes/layout/TensorLayout.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Sequence.h"

using namespace mlir;
using llvm::ArrayRef;
using llvm::SmallVector;
using namespace mlir::hone;

namespace {

constexpr int64_t kLanes = 4;

std::string list(llvm::ArrayRef<int64_t> dims) {
  std::string text = "[";
  for (size_t i = 0; i < dims.size(); ++i)
    text += (i ? ", " : "") + std::to_string(dims[i]);
  return text + "]";
}

int64_t chunksOf(llvm::ArrayRef<int64_t> shape, int64_t laneDim) {
  return laneDim < 0 ? 1 : (shape[laneDim] + kLanes - 1) / kLanes;
}

} // namespace

bool TensorLayout::isRowMajor() const {
  return memory == LayoutMemory::Buffer && llvm::equal(order, llvm::seq<int64_t>(0, static_cast<int64_t>(order.size())));
}

std::string TensorLayout::str() const {
  if (memory == LayoutMemory::Buffer)
    return "buffer" + list(order);
  return "texture(lane " + std::to_string(laneDim) + ", x " + list(xDims) + ", y " + list(yDims) + ", " +
         std::to_string(width) + "x" + std::to_string(height) + ")";
}

Texel mlir::hone::texelOf(const TensorLayout &layout, llvm::ArrayRef<int64_t> shape,
                          llvm::ArrayRef<int64_t> index) {
  Texel texel{0, 0, 0};
  for (int64_t d : layout.xDims)
    texel.x = texel.x * shape[d] + index[d];
  for (int64_t d : layout.yDims)
    texel.y = texel.y * shape[d] + index[d];
  texel.y *= chunksOf(shape, layout.laneDim);
  if (layout.laneDim >= 0) {
    texel.y += index[layout.laneDim] / kLanes;
    texel.lane = index[layout.laneDim] % kLanes;
  }
  return texel;
}

TensorLayout mlir::hone::bufferLayoutFor(int64_t rank, llvm::ArrayRef<int64_t> required) {
  TensorLayout layout;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(required, d))
      layout.order.push_back(d);
  SmallVector<int64_t> inner(required);
  llvm::sort(inner);
  layout.order.append(inner.begin(), inner.end());
  return layout;
}

std::optional<TensorLayout> mlir::hone::textureLayoutFor(llvm::ArrayRef<int64_t> shape,
                                                         llvm::ArrayRef<SmallVector<int64_t>> required,
                                                         int64_t maxExtent) {
  auto rank = static_cast<int64_t>(shape.size());
  TensorLayout layout;
  layout.memory = LayoutMemory::Texture;
  if (rank == 0)
    return layout;
  // The lane: the first requirement's innermost dim (a reduction reads four
  // of it per texel); without one, the last dim, as row-major would.
  layout.laneDim = !required.empty() && !required[0].empty() ? required[0].back() : rank - 1;
  // x: the second requirement's innermost dim other than the lane's;
  // without one, the innermost other dim.
  int64_t x = -1;
  if (required.size() > 1)
    for (int64_t d : llvm::reverse(required[1]))
      if (d != layout.laneDim) {
        x = d;
        break;
      }
  if (x < 0 && required.size() < 2)
    for (int64_t d = rank - 1; d >= 0; --d)
      if (d != layout.laneDim) {
        x = d;
        break;
      }
  if (x >= 0)
    layout.xDims.push_back(x);
  for (int64_t d = 0; d < rank; ++d)
    if (d != layout.laneDim && d != x)
      layout.yDims.push_back(d);
  layout.width = x >= 0 ? shape[x] : 1;
  layout.height = chunksOf(shape, layout.laneDim);
  for (int64_t d : layout.yDims)
    layout.height *= shape[d];
  if (layout.width > maxExtent || layout.height > maxExtent)
    return std::nullopt;
  return layout;
}

bool mlir::hone::serves(const TensorLayout &layout, llvm::ArrayRef<int64_t> required) {
  if (required.empty())
    return true;
  if (layout.memory == LayoutMemory::Texture)
    return required.back() == layout.laneDim || (!layout.xDims.empty() && required.back() == layout.xDims.back());
  if (required.size() > layout.order.size())
    return false;
  SmallVector<int64_t> inner(layout.order.end() - required.size(), layout.order.end());
  llvm::sort(inner);
  return llvm::equal(inner, required);
}

TensorLayout mlir::hone::selectLayout(llvm::ArrayRef<int64_t> shape, llvm::ArrayRef<SmallVector<int64_t>> consumers,
                                      LayoutMemory memory, int64_t maxExtent,
                                      llvm::SmallVectorImpl<SmallVector<int64_t>> &copies) {
  SmallVector<SmallVector<int64_t>> distinct;
  for (const SmallVector<int64_t> &required : consumers)
    if (!required.empty() && !llvm::is_contained(distinct, required))
      distinct.push_back(required);
  auto rank = static_cast<int64_t>(shape.size());
  TensorLayout layout = bufferLayoutFor(rank, distinct.empty() ? ArrayRef<int64_t>() : ArrayRef<int64_t>(distinct[0]));
  if (memory == LayoutMemory::Texture)
    if (std::optional<TensorLayout> texture =
            textureLayoutFor(shape, ArrayRef<SmallVector<int64_t>>(distinct).take_front(2), maxExtent))
      layout = *texture;
  copies.clear();
  for (const SmallVector<int64_t> &required : distinct)
    if (!serves(layout, required))
      copies.push_back(required);
  return layout;
}
