//===- HalideKernels.h - hone ops as Halide definitions ---------*- C++ -*-===//
//
// The CPU target's kernels are Halide pipelines. This file turns one hone op
// into the Halide definition of its result from its operands' definitions,
// so that a kernel (and, with fusion, a group of ops) is one composed
// pipeline. Shapes stay symbolic: a definition holds for any extents, which
// are bound when the pipeline runs (dynamic shapes need no recompiling).
//
// Tensor dim i is Halide dim rank-1-i: Halide's first dimension is the
// innermost, the last of a row-major tensor.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_HALIDEKERNELS_H
#define HONE_TARGETS_CPU_HALIDEKERNELS_H

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ShapeFunction.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "targets/cpu/Schedules.h"

#include <Halide.h>

#include <optional>
#include <string>
#include <vector>

namespace mlir::hone::cpu {

/// A tensor inside a pipeline: its definition, its tensor type (for ranks
/// and static broadcast dims) and its Halide element type. A kernel's
/// result may be defined over a view of its op result's type: the same
/// elements in the same dense row-major order, other dims (a pointwise Conv
/// computes [N, M, H*W] for [N, M, H, W]); the driver then describes the
/// buffer with the view's dims.
struct HalideValue {
  Halide::Func func;
  ShapedType type;
  /// The dims (tensor order) as Int(32) expressions: the buffer's extents
  /// where `type` has a dynamic dim. Empty when every dim is static.
  std::vector<Halide::Expr> dims;
  /// The kernel's input buffer behind `func`, when there is one: reads of
  /// it may bound loops (an RDom's extent cannot call a Func).
  Halide::ImageParam param;
  /// Whether every reader reads it at its own coordinates (its run-time
  /// dims are the reader's: a contraction's value read by the ops of its
  /// epilogue, which have its type). broadcastRead then reads it without deciding at
  /// run time whether a dynamic dim is broadcast, which would widen the
  /// region a tile reads to start at 0.
  bool readInPlace = false;
  /// The order (tensor dims, outermost first) in which the buffer behind
  /// `func` stores the tensor's dims, when it is not the tensor's own: a
  /// constant the library stores laid out for its reader
  /// (ConstantLayouts.h). `func` reads it at tensor coordinates either way.
  std::vector<int64_t> layout;

  /// Dim `d`: a constant where static.
  Halide::Expr dim(int64_t d) const;
  /// Dim `d` when static.
  std::optional<int64_t> staticDim(int64_t d) const {
    int64_t size = type.getDimSize(d);
    return ShapedType::isDynamic(size) ? std::nullopt : std::optional<int64_t>(size);
  }
};

/// The host as a Halide target, without the features whose instructions this
/// CPU lacks: Halide 14 reads AVX512-BF16 as Sapphire Rapids, whose LLVM
/// feature set includes AVX512-FP16 (vmovw), which e.g. Cooper Lake and
/// Tiger Lake parts with BF16 do not have.
Halide::Target hostTarget();

/// The static extents of `type` in Halide order (innermost first); -1 for a
/// dynamic dim; empty when unranked.
inline std::vector<int64_t> halideExtents(ShapedType type) {
  std::vector<int64_t> extents;
  if (type && type.hasRank())
    for (int64_t d : llvm::reverse(type.getShape()))
      extents.push_back(ShapedType::isDynamic(d) ? -1 : d);
  return extents;
}

/// `value`'s dims in Halide order (innermost first): constants where static.
inline std::vector<Halide::Expr> halideDims(const HalideValue &value) {
  std::vector<Halide::Expr> dims;
  for (int64_t d = value.type.getRank() - 1; d >= 0; --d)
    dims.push_back(value.dim(d));
  return dims;
}

/// The Halide type of an MLIR element type; Halide::Type() when the CPU
/// target has no kernel for it.
Halide::Type halideTypeOf(Type elementType);

/// Defines `op`'s results from `operands` (one per op operand; absent
/// optional inputs have an undefined Func): one HalideValue per result, with
/// an undefined Func for a result the kernel does not compute. A result that
/// has uses is always defined. Fails with `error` set when the CPU target has
/// no kernel for the op, its types, or one of its used results.
/// `tile` is the contraction register tile of the target (tileShapeFor).
/// With `epilogue`, a kernel that can apply ops fused after it inside its
/// loops (the contractions) does, and sets `*epilogueApplied`: its result 0
/// is then the epilogue's last op's.
FailureOr<std::vector<HalideValue>> defineHalideKernel(Operation *op, ArrayRef<HalideValue> operands,
                                                       std::string &error, TileShape tile = {},
                                                       const Epilogue *epilogue = nullptr,
                                                       bool *epilogueApplied = nullptr,
                                                       const StripSchedule &strip = {});

/// Defines a hone.fused op's results as one pipeline: each op of its body
/// defined (defineHalideKernel) on the Funcs of the values before it, the
/// inputs being `operands`. A value read only by elementwise-like ops is
/// inlined into them; one that a Many-to-Many op reads, or that has its own
/// loop schedule, is computed once inside the kernel. `firstWhole`: a row
/// strip chain's first op (with its epilogue) is computed whole before the
/// strips rather than inside them (the variant a group with
/// `strip_min_bytes` runs below that size).
FailureOr<std::vector<HalideValue>> defineFusedKernel(mlir::hone::FusedOp op, ArrayRef<HalideValue> operands,
                                                      std::string &error, TileShape tile = {},
                                                      bool firstWhole = false);

/// What a kernel builder gets: the op, its operands' definitions, its
/// (ranked) result type, and where to say why it cannot build.
struct KernelRequest {
  Operation *op;
  ArrayRef<HalideValue> operands;
  RankedTensorType result;
  std::string &error;
  /// Results 1.. of a multi-result op (entry i-1 for result i), filled by its
  /// builder; a result left undefined must be unused.
  std::vector<Halide::Func> &otherResults;
  /// The target's contraction tile.
  TileShape tile;
  /// The tile of a matrix product, as `lanes` x `rows`.
  TileShape matrixTile() const {
    TileShape matrix = tile;
    matrix.lanes = tile.matrixLanes;
    matrix.rows = tile.matrixRows;
    return matrix;
  }
  /// The tile of a convolution vectorized along its output channels, as
  /// `lanes` x `rows`.
  TileShape channelTile() const {
    TileShape channels = tile;
    channels.lanes = tile.channelLanes;
    channels.rows = tile.channelRows;
    return channels;
  }
  /// Set by a builder that defines result 0 over a view of `result` (see
  /// HalideValue); null otherwise.
  RankedTensorType &resultView;
  /// The op's shape function, seen from the kernel: its leaves are the
  /// kernel's operands (their dims and, for small shape operands, values).
  const ShapeContext &shapes;
  /// Ops fused after this one (defineFusedKernel), which a builder that
  /// can apply them inside its loops takes (takeEpilogue); null: none.
  const Epilogue *epilogue = nullptr;
  bool *epilogueApplied = nullptr;
  /// The op's place in a row-strip chain (defineFusedKernel); builders
  /// that cannot take one leave it to the caller's schedule.
  StripSchedule strip = {};

  /// The epilogue, marked as applied by the caller; empty when there is none.
  Epilogue takeEpilogue() const {
    if (!epilogue || !*epilogue)
      return {};
    if (epilogueApplied)
      *epilogueApplied = true;
    return *epilogue;
  }

  /// Operand `i`, or null when absent (hone.none) or past the end.
  const HalideValue *operand(size_t i) const {
    return i < operands.size() && operands[i].func.defined() ? &operands[i] : nullptr;
  }
  /// The values of operand `i` when it is an integer constant.
  std::optional<SmallVector<int64_t>> constantInts(size_t i) const;
  /// Result 0's static extents in Halide order (innermost first); -1 for a
  /// dynamic dim.
  std::vector<int64_t> halideExtents() const { return cpu::halideExtents(result); }
  /// Lowers an expression of `shapes` to an Int(64) (or Float(64)) Halide
  /// expression over the operands' dims and values.
  Halide::Expr lower(const DimExpr &e) const;
  /// Result `i`'s dims (tensor order) as Int(32) expressions: constants
  /// where static, else the shape function's expressions.
  std::vector<Halide::Expr> resultDims(unsigned i = 0) const;
  /// The shape function's aux values `name` (ShapeContext::setAux) as
  /// Int(32) expressions; empty when it set none.
  std::vector<Halide::Expr> aux(StringRef name) const;
  /// Result 0's dims in Halide order (innermost first) as expressions.
  std::vector<Halide::Expr> halideExtentExprs() const {
    std::vector<Halide::Expr> dims = resultDims(0);
    return std::vector<Halide::Expr>(dims.rbegin(), dims.rend());
  }
  /// Result `i`'s ranked type, or null when it is unranked.
  RankedTensorType resultType(unsigned i) const {
    return dyn_cast<RankedTensorType>(op->getResult(i).getType());
  }
  /// Whether result `i` is read by anything (an op or the function's return).
  bool resultUsed(unsigned i) const { return !op->getResult(i).use_empty(); }
  /// Defines result `i` >= 1.
  void defineResult(unsigned i, Halide::Func func) const {
    if (otherResults.size() < i)
      otherResults.resize(i);
    otherResults[i - 1] = std::move(func);
  }
  /// Sets `error` (prefixed with the op's ONNX name) and fails.
  FailureOr<Halide::Func> fail(const std::string &message) const;
};

/// Builds the definition of one op family member; registered by ONNX name.
using KernelBuilder = FailureOr<Halide::Func> (*)(const KernelRequest &request);

/// The builders of the family files (Halide<Family>Kernels.cpp).
void registerNNKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerWindowKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerReduceKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerElementwiseKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerIndexKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerLossKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerNormKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerSampleKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerEinsumKernelBuilder(void (*add)(const char *onnxName, KernelBuilder builder));
void registerTensorKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerGenerateKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerPadKernelBuilder(void (*add)(const char *onnxName, KernelBuilder builder));
void registerResizeKernelBuilder(void (*add)(const char *onnxName, KernelBuilder builder));
void registerDetKernelBuilder(void (*add)(const char *onnxName, KernelBuilder builder));

/// Reads `value` at the result coordinates `vars` (tensor order), broadcast
/// numpy-style: a dim of size 1 reads index 0 (decided at run time where
/// the dim is dynamic).
Halide::Expr broadcastRead(const HalideValue &value, ArrayRef<Halide::Var> vars, ShapedType result);

/// `rank` pure variables, tensor order.
std::vector<Halide::Var> tensorVars(int64_t rank);
/// Halide argument order (innermost first) of tensor-order `vars`.
std::vector<Halide::Expr> halideArgs(ArrayRef<Halide::Var> vars);
/// Halide argument order of tensor-order coordinates.
inline std::vector<Halide::Expr> halideArgs(const std::vector<Halide::Expr> &tensorOrder) {
  return std::vector<Halide::Expr>(tensorOrder.rbegin(), tensorOrder.rend());
}
/// Tensor-order coordinates from `vars` (to replace some of them).
inline std::vector<Halide::Expr> coordinates(ArrayRef<Halide::Var> vars) {
  return std::vector<Halide::Expr>(vars.begin(), vars.end());
}
/// A static extent or index as a Halide int (tensors here stay below 2^31
/// elements per dim).
inline int asInt(int64_t v) { return static_cast<int>(v); }
/// A double constant (Halide has no operators between Expr and double).
inline Halide::Expr f64(double v) { return Halide::Expr(v); }
/// The Halide element type of `value`.
inline Halide::Type elementTypeOf(const HalideValue &value) {
  return halideTypeOf(value.type.getElementType());
}

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_HALIDEKERNELS_H
