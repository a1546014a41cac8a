//===- HalideFusedKernel.cpp - A fusion group as one Halide pipeline ------===//
//
// The ops of a hone.fused body are defined one after the other on each
// other's Funcs, so that the group is one kernel: values between them are
// never written to the arena. A value read only by One-to-One, One-to-Many,
// Reorganize or Shuffle ops is inlined into its readers (their loops compute
// it per element, as DNNFusion's code generation fuses those by index
// arithmetic); one that a Many-to-Many op reads (many times per element) or
// that has a loop schedule of its own (a contraction's tiles) is computed
// once, whole, inside the kernel. A kernel whose result is defined over a
// view of its dims (a pointwise Conv's [N, M, H*W]) is read back in the
// result's own dims by its readers.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"
#include "targets/cpu/Schedules.h"

#include "dialects/hone/HoneOps.h"

#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// `value`, defined over a view type of the same elements in the same
/// row-major order (static shapes), read in the dims of `type`.
HalideValue inOwnDims(const HalideValue &value, RankedTensorType type) {
  auto view = cast<RankedTensorType>(value.type);
  std::vector<Halide::Var> vars = tensorVars(type.getRank());
  Halide::Expr flat = 0;
  for (int64_t d = 0; d < type.getRank(); ++d)
    flat = flat * static_cast<int>(type.getDimSize(d)) + vars[d];
  std::vector<Halide::Expr> at(view.getRank());
  for (int64_t d = view.getRank() - 1; d >= 0; --d) {
    int size = static_cast<int>(view.getDimSize(d));
    at[d] = d == 0 ? flat : flat % size;
    flat = flat / size;
  }
  Halide::Func read(value.func.name() + "_dims");
  read(halideArgs(vars)) = value.func(halideArgs(at));
  return HalideValue{read, type};
}

} // namespace

FailureOr<std::vector<HalideValue>> mlir::hone::cpu::defineFusedKernel(FusedOp op, ArrayRef<HalideValue> operands,
                                                                       std::string &error, TileShape tile) {
  Block &body = op.getBody().front();
  llvm::DenseMap<Value, HalideValue> values;
  for (auto [arg, operand] : llvm::zip(body.getArguments(), operands))
    values[arg] = operand;
  for (Operation &inner : body.without_terminator()) {
    std::vector<HalideValue> innerOperands;
    for (Value operand : inner.getOperands()) {
      auto it = values.find(operand);
      innerOperands.push_back(it != values.end() ? it->second : HalideValue{Halide::Func(), nullptr});
    }
    std::string innerError;
    FailureOr<std::vector<HalideValue>> results = defineHalideKernel(&inner, innerOperands, innerError, tile);
    if (failed(results)) {
      error = innerError;
      return failure();
    }
    for (auto [result, value] : llvm::zip(inner.getResults(), *results)) {
      if (!value.func.defined())
        continue;
      auto type = dyn_cast<RankedTensorType>(result.getType());
      bool readInside = llvm::any_of(result.getUsers(), [](Operation *user) { return !isa<YieldOp>(user); });
      // Readers inside the group see the value in its own dims; the
      // group's result keeps the kernel's view (the driver describes the
      // output buffer with it).
      HalideValue own = value;
      if (type && value.type != type) {
        if (!type.hasStaticShape()) {
          error = "a fused kernel's view of a result needs static shapes";
          return failure();
        }
        own = inOwnDims(value, type);
      }
      bool computeOnce =
          hasLoopSchedule(value.func) || llvm::any_of(result.getUsers(), [](Operation *user) {
            auto fusion = dyn_cast<FusionOpInterface>(user);
            return fusion && fusion.getMappingType() == MappingType::ManyToMany;
          });
      if (readInside && computeOnce)
        value.func.compute_root();
      if (readInside && computeOnce && !hasLoopSchedule(value.func)) {
        std::vector<int64_t> extents;
        if (auto ranked = dyn_cast<RankedTensorType>(value.type))
          for (int64_t d : llvm::reverse(ranked.getShape()))
            extents.push_back(ShapedType::isDynamic(d) ? -1 : d);
        scheduleDefault(value.func, extents);
      }
      values[result] = readInside ? own : value;
    }
  }
  std::vector<HalideValue> results;
  for (Value yielded : body.getTerminator()->getOperands()) {
    auto it = values.find(yielded);
    if (it == values.end()) {
      error = "a fused kernel's result is not computed inside it";
      return failure();
    }
    results.push_back(it->second);
  }
  return results;
}
