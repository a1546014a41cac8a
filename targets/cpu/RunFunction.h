//===- RunFunction.h - The driver's run function ----------------*- C++ -*-===//
//
// `hone_status_t NAME_run(const hone_run_context_t *)` calls the kernels in
// order. Dims that are not constants live in the run function as values: a
// graph input's come from the caller's tensor, an op result's are computed
// from the op's shape function (its DimExprs, lowered to LLVM IR) over its
// operands' dims and the values of its small shape operands, read from
// memory when the producer has run. The conditions the shape function
// requires are checked before the kernel runs: a run with inputs that break
// them returns HONE_ERROR_SHAPE_MISMATCH and a message naming the node,
// never reads or writes out of bounds. A tensor of static shape sits at its
// arena offset; one whose size is known only during the run gets memory
// from the run context's `alloc`.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_RUNFUNCTION_H
#define HONE_TARGETS_CPU_RUNFUNCTION_H

#include "targets/cpu/DriverBuilder.h"
#include "targets/cpu/RuntimeOps.h"

#include "passes/memory/MemoryPlan.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include "llvm/ADT/DenseMap.h"

#include <string>

namespace mlir::hone::cpu {

/// Where a tensor lives at run time.
struct Placement {
  /// Arena: a static offset; ArenaSymbolic: an offset the plan computes
  /// from the input dims when the run starts.
  /// View: the operand's bytes under the result's dims (MemoryPlan views).
  enum Kind { Input, Arena, ArenaSymbolic, Weights, Dynamic, View } kind;
  /// Input number, or byte offset (arena, weights); unused for Dynamic.
  int64_t index;
};

struct PlacedTensor {
  Placement placement;
  RankedTensorType type;
  /// ArenaSymbolic: the offset (an offset variable of the memory plan).
  DimExpr offset;
  /// Weights: the order in which the stored constant holds its dims (tensor
  /// dims, outermost first) when it is laid out for its readers
  /// (ConstantLayouts.h); empty: as `type` is.
  std::vector<int64_t> layout = {};
};

/// One kernel call of the run function: a generated kernel, or an op the
/// runtime runs (RuntimeOps.h).
struct KernelCall {
  Operation *op;
  std::string symbol;
  std::optional<RuntimeOpCall> runtimeOp;
  /// Per result: the kernel's view of it (the same elements, maybe other
  /// static dims: HalideValue), or null when the kernel does not compute it.
  SmallVector<RankedTensorType> resultViews;
  /// A run-time size switch (FusedOp's strip_min_bytes): whether `bytes`
  /// (over the input-dim symbols) is below `minBytes`.
  struct SizeSwitch {
    DimExpr bytes;
    int64_t minBytes;
    /// whole: the kernel called instead below the size.
    std::string symbol = {};
  };
  /// A strip chain's variant without its first op, with the same
  /// arguments, called instead below the size.
  std::optional<SizeSwitch> whole;
  /// The kernel of that first op: called only below the size.
  std::optional<SizeSwitch> onlyBelow;
};

/// If and Loop: the run function itself branches and loops, running their
/// regions' kernels (no kernel of their own).
bool isControlFlow(Operation *op);

/// Adds NAME_run to `d`'s module. `errorHandler` names the driver's Halide
/// error handler, which the run installs. The run binds the symbols of the
/// input dims, checks the equalities the analysis assumed, and computes the
/// plan's offsets before any kernel. Fails with an error on the op whose
/// dims cannot be computed before it runs.
LogicalResult buildRunFunction(DriverBuilder &d, func::FuncOp main, ArrayRef<KernelCall> kernels,
                               const llvm::DenseMap<Value, PlacedTensor> &tensors,
                               StringRef errorHandler, const SymbolicShapes &shapes,
                               const MemoryPlan &plan);

/// Adds `size_t NAME_arena_bytes(const hone_tensor_t *inputs)`: the plan's
/// arena size for the inputs' dims.
void buildArenaBytesFunction(DriverBuilder &d, func::FuncOp main, const SymbolicShapes &shapes,
                             const MemoryPlan &plan);

/// Bytes per element in memory (bools take a byte).
int64_t elementBytes(Type elementType);

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_RUNFUNCTION_H
