//===- MappingTypes.h - Mapping types that depend on operands ---*- C++ -*-===//
//
// The FusionOpInterface answers of op families whose mapping type depends
// on their operand types (the generated ops call these).
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_OPS_MAPPINGTYPES_H
#define HONE_DIALECTS_HONE_OPS_MAPPINGTYPES_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

#include "dialects/hone/HoneEnums.h.inc"

namespace mlir::hone {

/// An elementwise op (Add, Where, PRelu...): One-to-One when every tensor
/// operand has the result's shape (dynamic dims in the same places count as
/// equal: the symbolic analysis unified them or the model declares them
/// alike; a single-element operand is read like a constant), One-to-Many
/// when one is broadcast (DNNFusion's "elementwise with broadcast").
MappingType mappingTypeOfElementwise(Operation *op);

/// Whether `op` is a layout transformation: an op that only moves or
/// reinterprets elements in an order its semantics fix, i.e. whose layout
/// class is input-layout dependent and fixed (LayoutOpInterface: Reshape,
/// Flatten, Squeeze, Unsqueeze, Transpose, DepthToSpace, SpaceToDepth).
bool isLayoutTransform(Operation *op);

/// Whether `op` is a 2-D window op that row-strip fusion can compute row by
/// row: a Conv, MaxPool or AveragePool over [N, C, H, W] with a 4-D result,
/// whose results after the first are unread (a MaxPool's Indices).
bool isRowWindowOp(Operation *op);

/// Whether `op` is a Many-to-Many window op whose every output channel reads
/// only the same channel of its data operand: a max or average pool, or a
/// depthwise convolution (one input channel per group, as many outputs as
/// inputs). A chain of them after a convolution can be computed by blocks
/// of channels without reading across blocks (row-strip fusion's channel
/// tasks).
bool isChannelLocalWindow(Operation *op);

/// Whether `op` is a Softmax or LogSoftmax along its last axis: each row of
/// its innermost dim is computed from that row alone (a matmul's tiles can
/// compute the rows they read, passes/fusion/RowTiles.h).
bool isLastAxisSoftmax(Operation *op);

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_OPS_MAPPINGTYPES_H
