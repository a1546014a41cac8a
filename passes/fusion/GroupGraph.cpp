//===- GroupGraph.cpp - What fusion planning asks of a body ---------------===//
#include "passes/fusion/GroupGraph.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <limits>

using namespace mlir;
using namespace mlir::hone;

GroupGraph::GroupGraph(Block &body, const SymbolicShapes &shapes) : shapes(shapes) {
  int64_t index = 0;
  for (Operation &op : body)
    positions[&op] = index++;
}

void GroupGraph::sortOps(MutableArrayRef<Operation *> ops) const {
  llvm::sort(ops, [&](Operation *a, Operation *b) { return position(a) < position(b); });
}

bool GroupGraph::reachesGroup(Operation *from, const llvm::DenseSet<Operation *> &group, int64_t earliest) const {
  llvm::SmallVector<Operation *> stack{from};
  llvm::DenseSet<Operation *> seen{from};
  while (!stack.empty()) {
    Operation *op = stack.pop_back_val();
    for (Value operand : op->getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (!def || position(def) < earliest)
        continue;
      if (group.count(def))
        return true;
      if (seen.insert(def).second)
        stack.push_back(def);
    }
  }
  return false;
}

bool GroupGraph::acyclic(const llvm::DenseSet<Operation *> &group) const {
  int64_t earliest = std::numeric_limits<int64_t>::max();
  for (Operation *op : group)
    earliest = std::min(earliest, position(op));
  for (Operation *op : group)
    for (Value operand : op->getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (!def || group.count(def) || position(def) < earliest)
        continue;
      if (reachesGroup(def, group, earliest))
        return false;
    }
  return true;
}

double GroupGraph::bytesOf(Value value, int64_t unknownDim) const {
  DimExpr bytes = shapes.bytes(value);
  std::optional<int64_t> size = bytes.isValid() ? shapes.representative(bytes, unknownDim) : std::nullopt;
  return size ? static_cast<double>(*size) : 0.0;
}

double GroupGraph::elementsOf(Value value, int64_t unknownDim) const {
  auto type = cast<ShapedType>(value.getType());
  unsigned bits = type.getElementType().getIntOrFloatBitWidth();
  return bytesOf(value, unknownDim) / std::max(1u, bits / 8);
}
