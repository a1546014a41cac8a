//===- Verifiers.cpp - Shared checks of hone op verifiers -----------------===//
//
// Messages say what was expected and what was found, lower-case, without a
// final period (LLVM coding standards).
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ops/Verifiers.h"

#include "dialects/hone/ops/OpAttributes.h"
#include "mlir/IR/BuiltinTypes.h"

#include <numeric>

using namespace mlir;

namespace {

RankedTensorType rankedOperand(Operation *op, unsigned index) {
  if (index >= op->getNumOperands())
    return nullptr;
  return dyn_cast<RankedTensorType>(op->getOperand(index).getType());
}

} // namespace

LogicalResult mlir::hone::verifyElementTypeGroups(Operation *op, ArrayRef<int> groups,
                                                 int variadicOperand, int variadicResult) {
  Type first;
  std::string firstName;
  auto check = [&](Value value, const std::string &name) -> LogicalResult {
    auto shaped = dyn_cast<ShapedType>(value.getType());
    if (!shaped)
      return success(); // none: an absent optional input
    if (!first) {
      first = shaped.getElementType();
      firstName = name;
      return success();
    }
    if (shaped.getElementType() != first)
      return op->emitOpError() << "expected " << name << " to have element type " << first
                               << " like " << firstName << ", got " << shaped.getElementType();
    return success();
  };
  for (int member : groups) {
    if (member == kGroupEnd) {
      first = nullptr;
      continue;
    }
    bool isResult = member < 0;
    int index = isResult ? -1 - member : member;
    int variadic = isResult ? variadicResult : variadicOperand;
    unsigned count = isResult ? op->getNumResults() : op->getNumOperands();
    unsigned end = index == variadic ? count : std::min<unsigned>(index + 1, count);
    for (unsigned i = index; i < end; ++i) {
      Value value = isResult ? op->getResult(i) : op->getOperand(i);
      std::string name = (isResult ? "result #" : "operand #") + std::to_string(i);
      if (failed(check(value, name)))
        return failure();
    }
  }
  return success();
}

LogicalResult mlir::hone::verifyBroadcastOperands(Operation *op) {
  // Walk dims right-aligned, remembering the first static dim > 1 seen.
  SmallVector<int64_t> dims;
  SmallVector<unsigned> from;
  for (unsigned i = 0; i < op->getNumOperands(); ++i) {
    RankedTensorType type = rankedOperand(op, i);
    if (!type)
      continue;
    int64_t rank = type.getRank();
    if (static_cast<int64_t>(dims.size()) < rank) {
      dims.insert(dims.begin(), rank - dims.size(), 1);
      from.insert(from.begin(), rank - from.size(), i);
    }
    int64_t offset = static_cast<int64_t>(dims.size()) - rank;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t size = type.getDimSize(d);
      int64_t &seen = dims[offset + d];
      if (ShapedType::isDynamic(size) || size == 1)
        continue;
      if (seen != 1 && !ShapedType::isDynamic(seen) && seen != size)
        return op->emitOpError() << "operands are not broadcast-compatible: operand "
                                 << from[offset + d] << " has " << seen << " and operand " << i
                                 << " has " << size << " at dim " << offset + d
                                 << " (counted from the left of the broadcast shape)";
      if (seen == 1 || ShapedType::isDynamic(seen)) {
        seen = size;
        from[offset + d] = i;
      }
    }
  }
  return success();
}

LogicalResult mlir::hone::verifyAxisInRange(Operation *op) {
  RankedTensorType type = rankedOperand(op, 0);
  std::optional<int64_t> axis = getIntAttr(op, "axis");
  if (!type || !axis)
    return success();
  int64_t rank = type.getRank();
  // Flatten's axis may equal the rank (everything goes to the outer dim).
  int64_t upper = op->getName().getStringRef() == "hone.flatten" ? rank : rank - 1;
  if (*axis < -rank || *axis > upper)
    return op->emitOpError() << "expected axis in [" << -rank << ", " << upper << "], got "
                             << *axis;
  return success();
}

LogicalResult mlir::hone::verifyConvolution(Operation *op) {
  RankedTensorType input = rankedOperand(op, 0), weight = rankedOperand(op, 1);
  if (input && input.getRank() < 3)
    return op->emitOpError() << "expected input of rank >= 3 (N x C x spatial...), got rank "
                             << input.getRank();
  if (input && weight && input.getRank() != weight.getRank())
    return op->emitOpError() << "expected weight of rank " << input.getRank()
                             << " like the input, got rank " << weight.getRank();
  int64_t rank = input ? input.getRank() : weight ? weight.getRank() : -1;
  if (rank < 0)
    return success();
  int64_t spatial = rank - 2;
  for (StringRef name : {"kernel_shape", "strides", "dilations"})
    if (auto values = getIntsAttr(op, name); values && static_cast<int64_t>(values->size()) != spatial)
      return op->emitOpError() << "expected " << spatial << " values in '" << name << "', got "
                               << values->size();
  if (auto pads = getIntsAttr(op, "pads"); pads && static_cast<int64_t>(pads->size()) != 2 * spatial)
    return op->emitOpError() << "expected " << 2 * spatial << " values in 'pads', got "
                             << pads->size();
  std::optional<int64_t> group = getIntAttr(op, "group");
  if (group && *group < 1)
    return op->emitOpError() << "expected group >= 1, got " << *group;
  // Conv: weight is M x C/group x k...; the input has C channels.
  bool isConv = op->getName().getStringRef() == "hone.conv";
  if (isConv && input && weight && group && !input.isDynamicDim(1) && !weight.isDynamicDim(1) &&
      input.getDimSize(1) != weight.getDimSize(1) * *group)
    return op->emitOpError() << "expected " << weight.getDimSize(1) * *group
                             << " input channels (weight dim 1 x group), got "
                             << input.getDimSize(1);
  return success();
}

LogicalResult mlir::hone::verifyMatMul(Operation *op) {
  RankedTensorType a = rankedOperand(op, 0), b = rankedOperand(op, 1);
  if (!a || !b)
    return success();
  if (a.getRank() == 0 || b.getRank() == 0)
    return op->emitOpError() << "expected operands of rank >= 1, got scalars";
  int64_t k1 = a.getDimSize(a.getRank() - 1);
  int64_t k2 = b.getDimSize(b.getRank() == 1 ? 0 : b.getRank() - 2);
  if (!ShapedType::isDynamic(k1) && !ShapedType::isDynamic(k2) && k1 != k2)
    return op->emitOpError() << "contracted dims differ: " << k1 << " (last of A) vs " << k2
                             << " (" << (b.getRank() == 1 ? "only" : "second to last")
                             << " of B)";
  return success();
}

LogicalResult mlir::hone::verifyGemm(Operation *op) {
  RankedTensorType a = rankedOperand(op, 0), b = rankedOperand(op, 1);
  for (auto [name, type] : {std::pair{"A", a}, std::pair{"B", b}})
    if (type && type.getRank() != 2)
      return op->emitOpError() << "expected 2-D " << name << ", got rank " << type.getRank();
  if (!a || !b)
    return success();
  int64_t k1 = a.getDimSize(getIntAttr(op, "transA").value_or(0) ? 0 : 1);
  int64_t k2 = b.getDimSize(getIntAttr(op, "transB").value_or(0) ? 1 : 0);
  if (!ShapedType::isDynamic(k1) && !ShapedType::isDynamic(k2) && k1 != k2)
    return op->emitOpError() << "contracted dims differ: " << k1 << " vs " << k2;
  return success();
}

LogicalResult mlir::hone::verifyTranspose(Operation *op) {
  RankedTensorType type = rankedOperand(op, 0);
  std::optional<SmallVector<int64_t>> perm = getIntsAttr(op, "perm");
  if (!type || !perm)
    return success();
  SmallVector<int64_t> sorted = *perm;
  llvm::sort(sorted);
  SmallVector<int64_t> expected(type.getRank());
  std::iota(expected.begin(), expected.end(), 0);
  if (sorted != expected)
    return op->emitOpError() << "expected 'perm' to be a permutation of 0.." << type.getRank() - 1
                             << ", got [" << llvm::make_range(perm->begin(), perm->end()) << "]";
  return success();
}
