//===- TensorLayout.h - How a tensor is stored, and how it is chosen -*- C++ -*-===//
//
// SmartMem's (ASPLOS'24) layout selection by reduction dimension, §5.3-5.4:
// a producer stores its result so that the dims its consumers reduce over
// are read contiguously. A 1-D buffer serves one such requirement (k = 1):
// the required dims go innermost. A 2.5D texture (image2d of RGBA texels,
// read through a 2-D cache) serves two (k = 2): the first requirement's
// innermost dim is packed four to a texel (the vec4 lane), the second's
// runs along the image's x axis, the other dims and the lane dim's chunks
// of four along y. A consumer whose requirement is not served reads a copy
// in its own layout; a requirement is a set of dims (a consumer's
// reduction dims, LayoutOpInterface::getReductionDims), empty for a
// consumer that reduces over nothing.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_LAYOUT_TENSORLAYOUT_H
#define HONE_PASSES_LAYOUT_TENSORLAYOUT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mlir::hone {

enum class LayoutMemory { Buffer, Texture };

struct TensorLayout {
  LayoutMemory memory = LayoutMemory::Buffer;
  /// Buffer: the logical dims from outermost to innermost in memory (the
  /// identity is row-major).
  llvm::SmallVector<int64_t> order;
  /// Texture: the dim packed four to a texel, the dims along x and along y
  /// (outermost first; y's innermost part is the lane dim's chunk of four),
  /// and the image's extent in texels.
  int64_t laneDim = -1;
  llvm::SmallVector<int64_t> xDims, yDims;
  int64_t width = 1, height = 1;

  bool isRowMajor() const;
  /// `buffer[0, 2, 1]` or `texture(lane 3, x [1], y [0, 2], 8x12)`.
  std::string str() const;
};

/// Where one element of a tensor stored in a texture layout lives.
struct Texel {
  int64_t x, y, lane;
};

/// The texel of the element at `index` (logical dims) of a tensor of
/// `shape` stored in `layout` (a texture layout).
Texel texelOf(const TensorLayout &layout, llvm::ArrayRef<int64_t> shape, llvm::ArrayRef<int64_t> index);

/// The buffer layout that reads `required` contiguously: the other dims in
/// their order, then the required ones in theirs.
TensorLayout bufferLayoutFor(int64_t rank, llvm::ArrayRef<int64_t> required);

/// The texture layout that serves up to two requirements (the lane holds
/// the first's innermost dim, x the second's), or none when the image
/// would exceed `maxExtent` texels on a side (the tensor stays a buffer).
std::optional<TensorLayout> textureLayoutFor(llvm::ArrayRef<int64_t> shape,
                                             llvm::ArrayRef<llvm::SmallVector<int64_t>> required,
                                             int64_t maxExtent);

/// Whether a consumer that reduces over `required` reads `layout`
/// contiguously: innermost in a buffer, the lane or x dim of a texture.
bool serves(const TensorLayout &layout, llvm::ArrayRef<int64_t> required);

/// The layout a producer writes for its consumers' requirements (in
/// consumer order) in `memory`: the first k = 1 (buffer) or 2 (texture)
/// distinct ones are served; `copies` gets the distinct requirements left,
/// each read from a copy in its own layout.
TensorLayout selectLayout(llvm::ArrayRef<int64_t> shape, llvm::ArrayRef<llvm::SmallVector<int64_t>> consumers,
                          LayoutMemory memory, int64_t maxExtent,
                          llvm::SmallVectorImpl<llvm::SmallVector<int64_t>> &copies);

} // namespace mlir::hone

#endif // HONE_PASSES_LAYOUT_TENSORLAYOUT_H
