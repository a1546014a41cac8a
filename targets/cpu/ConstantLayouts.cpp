//===- ConstantLayouts.cpp - The layouts kernels read constants in --------===//
#include "targets/cpu/ConstantLayouts.h"

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ops/OpAttributes.h"

#include "llvm/ADT/STLExtras.h"

#include <cstring>
#include <optional>

using namespace mlir;
using namespace mlir::hone;

std::vector<int64_t> mlir::hone::cpu::channelsInnermost(int64_t rank) {
  std::vector<int64_t> order;
  for (int64_t d = 1; d < rank; ++d)
    order.push_back(d);
  order.push_back(0);
  return order;
}

bool mlir::hone::cpu::isChannelVectorizedConv(Operation *op) {
  if (!isa<ConvOp>(op) || op->getNumOperands() < 2 || getIntAttr(op, "group", 1) != 1)
    return false;
  auto weights = dyn_cast<RankedTensorType>(op->getOperand(1).getType());
  auto input = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
  if (!weights || !input || !weights.hasStaticShape() || weights.getRank() < 3 ||
      input.getRank() != weights.getRank() || weights.getDimSize(0) < 16)
    return false;
  // Maps known only at run time take channel vectors too: their tasks are
  // image rows (scheduledContraction moves a run-time dim out of the fused
  // tasks, where Halide bounded the channel tile's accumulator over whole
  // columns of the map), and planes that alias in the L1 cache take a tile
  // of fewer lanes when the kernel runs (buildChannelVectorizedConv).
  int64_t channels = weights.getDimSize(1), outputs = weights.getDimSize(0);
  size_t spatial = weights.getRank() - 2;
  bool unitKernel = llvm::all_of(weights.getShape().drop_front(2), [](int64_t k) { return k == 1; });
  bool unitStrides = llvm::all_of(getIntsAttr(op, "strides", SmallVector<int64_t>(spatial, 1)),
                                  [](int64_t s) { return s == 1; });
  // A Conv with taps or strides reduces over its input channels times its
  // taps: a reduction of fewer than 64 (3 channels of 3x3 taps: a network's
  // first Conv) leaves the scattered stores the larger cost (measured:
  // cnn_dyn's first Conv at 480x640 2x slower than along its columns).
  if (!unitKernel || !unitStrides)
    return weights.getNumElements() / outputs >= 64;
  // A pointwise Conv is a matrix product over its flattened map, which the
  // other kernel fills whole vectors of already; the channel tile stores
  // each of its vectors scattered across the output's channels, a cost
  // that only a long reduction (or a small map, where the other kernel's
  // vectors are part-empty) amortizes. Measured on single pointwise Convs
  // (BENCHMARKS.md): channel vectors 0.58-0.96x the time from 128 input
  // channels or at 7x7, up to 2.5x slower with 16-64 input channels on
  // large maps, or with output channels not a whole number of vectors.
  // A map known only at run time counts as large.
  int64_t map = 1;
  for (int64_t d : input.getShape().drop_front(2))
    map = ShapedType::isDynamic(d) || ShapedType::isDynamic(map) ? ShapedType::kDynamic : map * d;
  return outputs % 16 == 0 && (channels >= 128 || (!ShapedType::isDynamic(map) && map <= 64));
}

std::vector<int64_t> mlir::hone::cpu::constantLayoutFor(Operation *op, unsigned index) {
  if (auto fused = dyn_cast<FusedOp>(op)) {
    Block &body = fused.getBody().front();
    if (index >= body.getNumArguments() || !body.getArgument(index).hasOneUse())
      return {};
    OpOperand &use = *body.getArgument(index).getUses().begin();
    return constantLayoutFor(use.getOwner(), use.getOperandNumber());
  }
  if (index == 1 && isChannelVectorizedConv(op))
    return channelsInnermost(cast<RankedTensorType>(op->getOperand(1).getType()).getRank());
  // A Gemm vectorizes along N: B given transposed ([N, K], nn.Linear's
  // weights) is read best as [K, N], each step of the reduction one row
  // of vectors (strided loads otherwise: [1, 2048] x [1000, 2048]^T ran at
  // 3 GFLOP/s).
  if (index == 1 && isa<GemmOp>(op) && getIntAttr(op, "transB", 0) != 0)
    return {1, 0};
  return {};
}

std::vector<int64_t> mlir::hone::cpu::storedLayout(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape() || type.getNumElements() == 0 || value.use_empty())
    return {};
  std::optional<std::vector<int64_t>> common;
  for (OpOperand &use : value.getUses()) {
    std::vector<int64_t> wanted = constantLayoutFor(use.getOwner(), use.getOperandNumber());
    if (wanted.empty() || (common && *common != wanted))
      return {};
    common = std::move(wanted);
  }
  return *common;
}

std::vector<int64_t> mlir::hone::cpu::storedShape(ArrayRef<int64_t> shape, ArrayRef<int64_t> layout) {
  if (layout.empty())
    return std::vector<int64_t>(shape.begin(), shape.end());
  std::vector<int64_t> stored;
  for (int64_t d : layout)
    stored.push_back(shape[d]);
  return stored;
}

mlir::hone::cpu::LaidOutConstants mlir::hone::cpu::laidOutConstants(Operation *main) {
  LaidOutConstants figures;
  main->walk([&](ConstantOp constant) {
    if (storedLayout(constant.getResult()).empty())
      return;
    auto type = cast<RankedTensorType>(constant.getType());
    ++figures.count;
    figures.bytes += type.getNumElements() * std::max<int64_t>(1, type.getElementTypeBitWidth() / 8);
  });
  return figures;
}

std::string mlir::hone::cpu::permuteDense(const char *data, int64_t elementBytes,
                                          const std::vector<int64_t> &shape,
                                          const std::vector<int64_t> &order) {
  size_t rank = shape.size();
  std::vector<int64_t> strides(rank, elementBytes); // of the source, per tensor dim
  for (size_t d = rank - 1; d-- > 0;)
    strides[d] = strides[d + 1] * shape[d + 1];
  int64_t elements = 1;
  for (int64_t size : shape)
    elements *= size;
  std::string out(static_cast<size_t>(elements * elementBytes), '\0');
  // Walk the destination in order, an odometer over its dims.
  std::vector<int64_t> index(rank, 0);
  char *to = out.data();
  for (int64_t e = 0; e < elements; ++e, to += elementBytes) {
    int64_t from = 0;
    for (size_t k = 0; k < rank; ++k)
      from += index[k] * strides[order[k]];
    std::memcpy(to, data + from, static_cast<size_t>(elementBytes));
    for (size_t k = rank; k-- > 0;) {
      if (++index[k] < shape[order[k]])
        break;
      index[k] = 0;
    }
  }
  return out;
}
