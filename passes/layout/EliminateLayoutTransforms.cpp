//===- EliminateLayoutTransforms.cpp - Edge rewriting by the layout table -===//
//
// SmartMem's (ASPLOS'24) layout transformation elimination, the part that
// rewrites the graph. A Reshape-class op alone moves no data (the run
// function makes its result a view), but between a Transpose and the op the
// Transpose would fold into it keeps both apart: fusion would have to run
// the kernel's loops over one side's dims and index the other with
// divisions. The table's actions for those edges move it out of the way,
// to a fixpoint (Flatten, Squeeze and Unsqueeze of static shapes first
// become the Reshapes they are):
//
// - merge-reshapes (DependentFixed -> DependentFixed, eliminate both):
//   reshape(reshape(x)) -> reshape(x);
// - transpose-first: transpose(reshape(x)) -> reshape(transpose'(x)) where
//   the reshape only merges or splits runs of dims that the permutation
//   moves whole (a Conv's [N, C, H*W] transposed to [N, H*W, C] for a
//   LayerNorm), so that the Transpose meets its producer; not where a user
//   is input-layout independent (an Add, a Concat), which folds it as is;
// - reshape-into-producer (Fixed consumer, eliminate second: the producer
//   computes in the consumer's shape): reshape(p(x, ...)) ->
//   p(reshape(x), ...) when the reshape's only user is a Transpose;
// - reshape-into-consumer (Fixed producer, eliminate first):
//   c(reshape(transpose(..)), y) -> reshape(c(transpose(..), reshape(y)));
// - merge-transposes (eliminate both): transpose(transpose(x)) -> one
//   Transpose, or x where the two cancel;
// - transposes-meet: transpose_q(op_n(...op_1(transpose_p(x)))) ->
//   transpose_q(transpose_p(op_n'(...op_1'(x)))) where each op computes the
//   same on the other side of the Transpose: elementwise ops whose other
//   operands hold one element or are Transposes by the same permutation
//   (a residual Add), and ops over one axis (Softmax, LogSoftmax,
//   Hardmax, LpNormalization), the axis renamed. The two Transposes then
//   merge, and cancel where the model only wrapped the ops in a layout
//   round trip (the NHWC <-> NCHW pairs converters emit).
// - slices-to-gather: concat(slice_1(x), ..., slice_n(x)) along the one
//   axis every Slice cuts -> gather(x, indices): the rows each Slice takes,
//   in order, one index map (torch.roll's export, a reversal, an
//   interleave), or, where the Slices tile x by strides along other dims
//   (Swin's patch merging, space-to-depth: x[:, 0::2, 1::2] ...), one
//   Transpose between two Reshapes. Either reads each element once, where
//   a Concat of Slices runs each Slice and selects between them per
//   element, and a Transpose folds into its neighbours like any other;
// - row chains (index comprehension): Reshapes, Transposes and Gathers of
//   index lists that keep the trailing dims T, each read only by the next
//   (a shifted window partition: a roll's two Gathers, then the window
//   Transpose), become one Gather of whole rows over a view with one
//   leading dim, its index list the chain run over the row numbers;
//   elementwise ops inside the chain that treat every row alike (a bias
//   Add) run after it, so that fusion puts them in the Gather's kernel.
// - projection-split (SplitProjections.cpp): a Gather of one part of a
//   product with constant weights, split by a Reshape and a Transpose
//   (attention's q, k, v) -> the product of that part alone, computed in
//   the Gather's layout (the weights' columns taken and laid out at
//   compile time, folded by the stage's constant folding).
//
// p and c are ops that can run over another view of their dims: input-layout
// independent ones (elementwise, numpy-broadcast) and ops that reduce over
// trailing dims the reshape keeps (LayerNormalization, Softmax over the last
// axis). Broadcast operands that align with kept trailing dims stay as they
// are. Swin's window partition (LayerNorm, reshape, transpose, reshape) and
// window reverse (transpose, reshape, residual Add) become a LayerNorm that
// fusion writes transposed and an Add that reads its operand transposed,
// with views around them. Static shapes only: a reshape with run-time dims
// is left where it is.
//
//===----------------------------------------------------------------------===//
#include "passes/layout/Passes.h"
#include "passes/layout/LayoutRules.h"

#include "dialects/hone/HoneOps.h"
#include "passes/fusion/RewriteSupport.h"

#include "mlir/IR/TypeUtilities.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

#include <numeric>

namespace mlir::hone {
#define GEN_PASS_DEF_ELIMINATELAYOUTTRANSFORMSPASS
#include "passes/layout/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;
using layout::permutationOf;
using layout::staticShape;

std::optional<ArrayRef<int64_t>> layout::staticShape(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return std::nullopt;
  return type.getShape();
}

/// A Transpose's permutation (reversed dims when it has none).
SmallVector<int64_t> layout::permutationOf(TransposeOp transpose) {
  SmallVector<int64_t> perm;
  int64_t rank = cast<ShapedType>(transpose.getData().getType()).getRank();
  if (std::optional<ArrayAttr> attr = transpose.getPerm()) {
    ArrayAttr values = *attr;
    for (Attribute a : values)
      perm.push_back(cast<IntegerAttr>(a).getInt());
  } else {
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
  }
  return perm;
}

namespace {

/// A bound on rewrites per function; each one removes a Reshape or moves one
/// past an op it cannot be moved back over, so graphs end far below it.
constexpr int kMaxRewrites = 100000;


/// How many trailing dims `a` and `b` share (equal sizes, from the end).
size_t sharedTrailingDims(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n])
    ++n;
  return n;
}

/// The dims of `op`'s first operand it reduces over, when they are the
/// trailing ones: their count (0 for an op that reduces over nothing).
std::optional<size_t> trailingReductionDims(LayoutOpInterface layout, int64_t rank) {
  SmallVector<int64_t> dims = layout.getReductionDims(0);
  for (size_t i = 0; i < dims.size(); ++i)
    if (dims[i] != rank - static_cast<int64_t>(dims.size()) + static_cast<int64_t>(i))
      return std::nullopt;
  return dims.size();
}

/// Whether `op`, whose first result has shape `from`, computes the same
/// elements in the same row-major order over shape `to` (as many elements):
/// an input-layout independent op, or one that reduces over trailing dims
/// `to` keeps, whose other results are unused, and whose operands are
/// either of shape `from` (they are reshaped) or align with trailing dims
/// both shapes share (numpy broadcasting, a LayerNorm's scale). On success
/// `kept` is how many trailing dims the reduction needs.
bool runsOverView(Operation *op, ArrayRef<int64_t> from, ArrayRef<int64_t> to, size_t &kept) {
  auto layout = dyn_cast<LayoutOpInterface>(op);
  auto fusion = dyn_cast<FusionOpInterface>(op);
  if (!layout || !fusion || op->getNumRegions() != 0)
    return false;
  size_t shared = sharedTrailingDims(from, to);
  kept = 0;
  if (layout.getLayoutClass() == LayoutClass::DependentVariable) {
    // An op over trailing dims, told which by one `axis` attribute.
    std::optional<size_t> reduced = trailingReductionDims(layout, static_cast<int64_t>(from.size()));
    if (!reduced || *reduced == 0 || *reduced > shared || !op->getAttrOfType<IntegerAttr>("axis"))
      return false;
    kept = *reduced;
  } else if (layout.getLayoutClass() != LayoutClass::IndependentVariable ||
             (fusion.getMappingType() != MappingType::OneToOne &&
              fusion.getMappingType() != MappingType::OneToMany)) {
    return false;
  }
  if (op->getNumResults() == 0 || staticShape(op->getResult(0)) != from)
    return false;
  for (Value result : op->getResults().drop_front())
    if (!result.use_empty())
      return false;
  bool anyFull = false;
  for (Value operand : op->getOperands()) {
    if (isa<NoneType>(operand.getType()))
      continue;
    std::optional<ArrayRef<int64_t>> shape = staticShape(operand);
    if (!shape)
      return false;
    if (*shape == from) {
      anyFull = true;
      continue;
    }
    // Broadcast operands keep their dims: they must align with trailing
    // dims both shapes share (leading 1s are free).
    ArrayRef<int64_t> own = *shape;
    while (!own.empty() && own.front() == 1)
      own = own.drop_front();
    if (own.size() > shared)
      return false;
  }
  return anyFull;
}

/// `op` built again over `operands` with `attributes`, less the analyses'
/// (`hone.dims`, `hone.values`: they describe the old op): result shapes
/// from its shape function, element types `op`'s own (a Cast's are not its
/// operand's, which the shape functions' inference would take).
Operation *rebuildOp(OpBuilder &builder, Operation *op, ValueRange operands, ArrayRef<NamedAttribute> attributes) {
  SmallVector<NamedAttribute> kept;
  for (NamedAttribute attribute : attributes)
    if (attribute.getName() != "hone.dims" && attribute.getName() != "hone.values")
      kept.push_back(attribute);
  Operation *rebuilt = rewrite::createInferred(builder, op->getLoc(), op->getName().getStringRef(), operands,
                                               kept, op->getNumResults());
  for (auto [mine, theirs] : llvm::zip(rebuilt->getResults(), op->getResults()))
    if (auto shaped = dyn_cast<ShapedType>(mine.getType()))
      mine.setType(shaped.clone(getElementTypeOrSelf(theirs.getType())));
  return rebuilt;
}

/// Builds `op` over shape `to`: operands of shape `from` reshaped (or, for
/// `bypassed`, replaced by `replacement`, which has shape `to`), the others
/// as they are, the axis attribute counted from the end. Returns the new
/// op's first result.
Value rebuildOverView(OpBuilder &builder, Operation *op, ArrayRef<int64_t> from, ArrayRef<int64_t> to,
                      Value bypassed, Value replacement) {
  SmallVector<Value> operands;
  for (Value operand : op->getOperands()) {
    if (bypassed && operand == bypassed) {
      operands.push_back(replacement);
      continue;
    }
    if (staticShape(operand) == from)
      operands.push_back(rewrite::create<ReshapeOp>(builder, operand.getLoc(),
                                                    {operand, rewrite::int64Vector(builder, op->getLoc(), to)}));
    else
      operands.push_back(operand);
  }
  SmallVector<NamedAttribute> attributes;
  for (NamedAttribute attribute : op->getAttrs()) {
    if (attribute.getName() == "axis") {
      int64_t axis = cast<IntegerAttr>(attribute.getValue()).getInt();
      int64_t fromEnd = (axis < 0 ? axis : axis - static_cast<int64_t>(from.size()));
      attributes.push_back(builder.getNamedAttr(
          "axis", builder.getI64IntegerAttr(static_cast<int64_t>(to.size()) + fromEnd)));
      continue;
    }
    attributes.push_back(attribute);
  }
  return rebuildOp(builder, op, operands, attributes)->getResult(0);
}

/// The groups of `from`'s dims that a reshape to `to` merges into (or splits
/// from) one dim of `to`: for each dim of `to`, the range of dims of `from`,
/// when each dim of `to` is either a product of a run of `from` dims or one
/// dim of `from` split into several of `to` (then the run is that one dim
/// and `splits` says how many `to` dims it becomes). Unit dims join the run
/// before them. Fails for a reshape that splits and merges at once.
struct DimRun {
  size_t fromBegin, fromEnd; // dims [fromBegin, fromEnd) of `from`
  size_t toBegin, toEnd;     // dims [toBegin, toEnd) of `to`
};
std::optional<SmallVector<DimRun>> dimRuns(ArrayRef<int64_t> from, ArrayRef<int64_t> to) {
  SmallVector<DimRun> runs;
  size_t i = 0, j = 0;
  while (i < from.size() || j < to.size()) {
    if (i == from.size() || j == to.size())
      return std::nullopt;
    DimRun run{i, i + 1, j, j + 1};
    int64_t a = from[i], b = to[j];
    while (a != b) {
      if (a < b) {
        if (run.fromEnd == from.size())
          return std::nullopt;
        a *= from[run.fromEnd++];
      } else {
        if (run.toEnd == to.size())
          return std::nullopt;
        b *= to[run.toEnd++];
      }
    }
    if (run.fromEnd - run.fromBegin > 1 && run.toEnd - run.toBegin > 1)
      return std::nullopt;
    runs.push_back(run);
    i = run.fromEnd;
    j = run.toEnd;
  }
  return runs;
}

struct EliminateLayoutTransformsPass final
    : mlir::hone::impl::EliminateLayoutTransformsPassBase<EliminateLayoutTransformsPass> {
  using Base::Base;
  void runOnOperation() override;

  bool mergeReshapes(ReshapeOp reshape);
  bool transposeFirst(TransposeOp transpose);
  bool reshapeIntoProducer(ReshapeOp reshape);
  bool reshapeIntoConsumer(ReshapeOp reshape);
  bool mergeTransposes(TransposeOp transpose);
  bool transposesMeet(TransposeOp transpose);
  bool slicesToGather(ConcatOp concat);
  bool rowChainToGather(GatherOp gather);
  bool splitProjection(GatherOp gather) {
    bool rewritten = layout::splitProjection(gather);
    numProjectionsSplit += rewritten;
    return rewritten;
  }
};

/// The input of `value`'s Transpose when it has permutation `perm`.
Value inputOfTranspose(Value value, ArrayRef<int64_t> perm) {
  auto transpose = value.getDefiningOp<TransposeOp>();
  return transpose && llvm::equal(permutationOf(transpose), perm) ? transpose.getData() : Value();
}

/// Whether `op` gives the same elements, transposed by `perm`, when its
/// operand `transposed` (a Transpose's result) is replaced by the
/// Transpose's input: an elementwise op whose other tensor operands hold
/// one element, are `transposed` again, or are Transposes by the same
/// permutation (a residual Add of two transposed tensors), or an op over
/// one axis of its only data operand whose result has that operand's
/// shape.
bool commutesWithTranspose(Operation *op, Value transposed, ArrayRef<int64_t> perm) {
  auto layout = dyn_cast<LayoutOpInterface>(op);
  auto fusion = dyn_cast<FusionOpInterface>(op);
  std::optional<ArrayRef<int64_t>> shape = staticShape(transposed);
  if (!layout || !fusion || op->getNumRegions() != 0 || op->getNumResults() == 0 || !shape ||
      staticShape(op->getResult(0)) != *shape)
    return false;
  for (Value result : op->getResults().drop_front())
    if (!result.use_empty())
      return false;
  if (layout.getLayoutClass() == LayoutClass::DependentVariable) {
    SmallVector<int64_t> reduced = layout.getReductionDims(0);
    auto axis = op->getAttrOfType<IntegerAttr>("axis");
    if (!axis || reduced.size() != 1 || op->getOperand(0) != transposed)
      return false;
    return llvm::all_of(op->getOperands().drop_front(),
                        [](Value operand) { return isa<NoneType>(operand.getType()); });
  }
  if (layout.getLayoutClass() != LayoutClass::IndependentVariable ||
      (fusion.getMappingType() != MappingType::OneToOne && fusion.getMappingType() != MappingType::OneToMany))
    return false;
  for (Value operand : op->getOperands()) {
    if (operand == transposed || isa<NoneType>(operand.getType()))
      continue;
    std::optional<ArrayRef<int64_t>> other = staticShape(operand);
    if (other && *other == *shape && inputOfTranspose(operand, perm))
      continue;
    if (!other || llvm::any_of(*other, [](int64_t size) { return size != 1; }))
      return false;
  }
  return true;
}

/// Bounds the index lists the rules build (compile time, constant size):
/// a longer dim, or a chain of more rows, is left to the ops.
constexpr int64_t kMaxChainRows = 1 << 20;

/// 0, 1, ..., n - 1: every row of a dim of size n, in order.
SmallVector<int64_t> everyRow(int64_t n) { return llvm::to_vector(llvm::seq<int64_t>(0, n)); }

/// The rows of each dim of `slice`'s operand (of shape `shape`) that it
/// takes, in order, with constant starts, ends and steps (ONNX's clamping:
/// negative bounds count from the end; steps may be negative); every row
/// of the dims it does not name.
std::optional<SmallVector<SmallVector<int64_t>>> rowsTakenBy(SliceOp slice, ArrayRef<int64_t> shape) {
  auto rank = static_cast<int64_t>(shape.size());
  std::optional<SmallVector<int64_t>> starts = rewrite::intConstant(slice->getOperand(1));
  std::optional<SmallVector<int64_t>> ends = rewrite::intConstant(slice->getOperand(2));
  if (!starts || !ends || starts->size() != ends->size())
    return std::nullopt;
  SmallVector<int64_t> axes = llvm::to_vector(llvm::seq<int64_t>(0, static_cast<int64_t>(starts->size())));
  SmallVector<int64_t> steps(starts->size(), 1);
  if (slice->getNumOperands() > 3 && !isa<NoneType>(slice->getOperand(3).getType())) {
    std::optional<SmallVector<int64_t>> given = rewrite::intConstant(slice->getOperand(3));
    if (!given || given->size() != starts->size())
      return std::nullopt;
    axes = *given;
  }
  if (slice->getNumOperands() > 4 && !isa<NoneType>(slice->getOperand(4).getType())) {
    std::optional<SmallVector<int64_t>> given = rewrite::intConstant(slice->getOperand(4));
    if (!given || given->size() != starts->size())
      return std::nullopt;
    steps = *given;
  }
  SmallVector<SmallVector<int64_t>> rows;
  for (int64_t n : shape) {
    if (ShapedType::isDynamic(n) || n > kMaxChainRows)
      return std::nullopt;
    rows.push_back(everyRow(n));
  }
  SmallVector<bool> named(rank, false);
  for (size_t i = 0; i < axes.size(); ++i) {
    int64_t a = axes[i] < 0 ? axes[i] + rank : axes[i];
    if (a < 0 || a >= rank || named[a] || steps[i] == 0)
      return std::nullopt;
    named[a] = true;
    int64_t n = shape[a], step = steps[i];
    int64_t start = (*starts)[i] < 0 ? (*starts)[i] + n : (*starts)[i];
    int64_t end = (*ends)[i] < 0 ? (*ends)[i] + n : (*ends)[i];
    rows[a].clear();
    if (step > 0) {
      start = std::clamp<int64_t>(start, 0, n);
      end = std::clamp<int64_t>(end, 0, n);
      // Steps as large as a model likes: no r + step past the end.
      for (int64_t r = start; r < end; r = step < end - r ? r + step : end)
        rows[a].push_back(r);
    } else {
      start = std::clamp<int64_t>(start, 0, n - 1);
      end = std::clamp<int64_t>(end, -1, n - 1);
      for (int64_t r = start; r > end; r = step > end - r ? r + step : end)
        rows[a].push_back(r);
    }
  }
  return rows;
}

/// A value that a chain of Slices cuts from `source`: the rows of each of
/// `source`'s dims it holds, in order (a Slice of a Slice takes rows of
/// the rows the inner one took).
struct SlicedRows {
  Value source;
  SmallVector<SmallVector<int64_t>> rows;
};

std::optional<SlicedRows> slicedRows(Value value) {
  auto slice = value.getDefiningOp<SliceOp>();
  std::optional<ArrayRef<int64_t>> shape = staticShape(value);
  if (!slice || !shape)
    return std::nullopt;
  Value data = slice->getOperand(0);
  SlicedRows inner{data, {}};
  if (data.getDefiningOp<SliceOp>()) {
    std::optional<SlicedRows> chained = slicedRows(data);
    if (!chained)
      return std::nullopt;
    inner = std::move(*chained);
  } else {
    std::optional<ArrayRef<int64_t>> dataShape = staticShape(data);
    if (!dataShape || llvm::any_of(*dataShape, [](int64_t n) { return n > kMaxChainRows; }))
      return std::nullopt;
    for (int64_t n : *dataShape)
      inner.rows.push_back(everyRow(n));
  }
  SmallVector<int64_t> innerShape;
  for (const SmallVector<int64_t> &r : inner.rows)
    innerShape.push_back(static_cast<int64_t>(r.size()));
  std::optional<SmallVector<SmallVector<int64_t>>> taken = rowsTakenBy(slice, innerShape);
  if (!taken || taken->size() != shape->size())
    return std::nullopt;
  SlicedRows result{inner.source, {}};
  for (auto [d, rows] : llvm::enumerate(*taken)) {
    if (static_cast<int64_t>(rows.size()) != (*shape)[d])
      return std::nullopt;
    SmallVector<int64_t> composed;
    for (int64_t r : rows)
      composed.push_back(inner.rows[d][r]);
    result.rows.push_back(std::move(composed));
  }
  return result;
}

/// Whether `rows` are offset, offset + step, ... through all of a dim of
/// size n (n a multiple of step).
bool isStrideOf(ArrayRef<int64_t> rows, int64_t offset, int64_t step, int64_t n) {
  if (step <= 0 || n % step != 0 || static_cast<int64_t>(rows.size()) != n / step)
    return false;
  for (auto [i, r] : llvm::enumerate(rows))
    if (r != offset + static_cast<int64_t>(i) * step)
      return false;
  return true;
}

/// Concat parts that tile `source` by strides (Swin's patch merging,
/// space-to-depth): each part takes, along each cut dim a, the rows
/// o_a, o_a + s_a, ... with one step s_a for all parts, and every row of
/// the Concat's dim; part p's offsets are p's digits in some order of the
/// cut dims (mixed radix). Then the Concat is a reshape that splits each
/// cut dim into (n_a / s_a, s_a), a Transpose that moves the s_a dims, in
/// that order, before the Concat's dim, and a reshape that merges them
/// into it. Returns the Transpose's permutation and the split shape.
struct StridedTiling {
  SmallVector<int64_t> splitShape;
  SmallVector<int64_t> perm;
};

std::optional<StridedTiling> stridedTiling(ArrayRef<SlicedRows> parts, ArrayRef<int64_t> shape, int64_t axis) {
  auto rank = static_cast<int64_t>(shape.size());
  // The cut dims and their steps, from the first part.
  SmallVector<int64_t> cut, steps;
  for (int64_t a = 0; a < rank; ++a) {
    ArrayRef<int64_t> rows = parts.front().rows[a];
    if (a == axis || isStrideOf(rows, 0, 1, shape[a]))
      continue;
    if (rows.size() < 2 || rows[1] <= rows[0])
      return std::nullopt;
    cut.push_back(a);
    steps.push_back(rows[1] - rows[0]);
  }
  int64_t count = 1;
  for (int64_t s : steps)
    count *= s;
  if (cut.empty() || count != static_cast<int64_t>(parts.size()))
    return std::nullopt;
  // Each part's offsets along the cut dims; the other dims whole.
  SmallVector<SmallVector<int64_t>> offsets;
  for (const SlicedRows &part : parts) {
    SmallVector<int64_t> o;
    for (int64_t a = 0; a < rank; ++a) {
      ArrayRef<int64_t> rows = part.rows[a];
      auto at = llvm::find(cut, a);
      if (at == cut.end()) {
        if (!isStrideOf(rows, 0, 1, shape[a]))
          return std::nullopt;
        continue;
      }
      int64_t step = steps[at - cut.begin()];
      if (rows.empty() || rows[0] >= step || !isStrideOf(rows, rows[0], step, shape[a]))
        return std::nullopt;
      o.push_back(rows[0]);
    }
    offsets.push_back(std::move(o));
  }
  // An order of the cut dims in which part p's offsets are p's digits.
  SmallVector<int64_t> order = llvm::to_vector(llvm::seq<int64_t>(0, static_cast<int64_t>(cut.size())));
  do {
    bool matches = true;
    for (size_t p = 0; p < parts.size() && matches; ++p) {
      int64_t number = 0;
      for (int64_t i : order)
        number = number * steps[i] + offsets[p][i];
      matches = number == static_cast<int64_t>(p);
    }
    if (!matches)
      continue;
    // Split dims: dim a of the source becomes (n_a / s_a, s_a) when cut.
    StridedTiling tiling;
    SmallVector<int64_t> whereIs(rank), stepDimOf(cut.size());
    for (int64_t a = 0; a < rank; ++a) {
      whereIs[a] = static_cast<int64_t>(tiling.splitShape.size());
      auto at = llvm::find(cut, a);
      if (at == cut.end()) {
        tiling.splitShape.push_back(shape[a]);
        continue;
      }
      int64_t step = steps[at - cut.begin()];
      tiling.splitShape.push_back(shape[a] / step);
      stepDimOf[at - cut.begin()] = static_cast<int64_t>(tiling.splitShape.size());
      tiling.splitShape.push_back(step);
    }
    for (int64_t a = 0; a < rank; ++a) {
      if (a == axis)
        for (int64_t i : order)
          tiling.perm.push_back(stepDimOf[i]);
      tiling.perm.push_back(whereIs[a]);
    }
    return tiling;
  } while (std::next_permutation(order.begin(), order.end()));
  return std::nullopt;
}

/// concat(slice...(x), ..., slice...(x)) -> gather(x, rows) where the
/// parts cut only the Concat's dim, or -> reshape(transpose(reshape(x)))
/// where they tile x by strides.
bool EliminateLayoutTransformsPass::slicesToGather(ConcatOp concat) {
  std::optional<ArrayRef<int64_t>> result = staticShape(concat.getResult());
  if (!result || concat->getNumOperands() < 2)
    return false;
  auto rank = static_cast<int64_t>(result->size());
  int64_t axis = concat.getAxisAttr().getInt();
  if (axis < 0)
    axis += rank;
  SmallVector<SlicedRows> parts;
  for (Value operand : concat->getOperands()) {
    std::optional<SlicedRows> part = slicedRows(operand);
    if (!part || (!parts.empty() && part->source != parts.front().source) ||
        static_cast<int64_t>(part->rows.size()) != rank)
      return false;
    parts.push_back(std::move(*part));
  }
  Value source = parts.front().source;
  ArrayRef<int64_t> shape = *staticShape(source);
  OpBuilder builder(concat);
  Location loc = concat.getLoc();
  bool alongAxisOnly = llvm::all_of(parts, [&](const SlicedRows &part) {
    for (int64_t a = 0; a < rank; ++a)
      if (a != axis && !isStrideOf(part.rows[a], 0, 1, shape[a]))
        return false;
    return true;
  });
  if (alongAxisOnly) {
    SmallVector<int64_t> rows;
    for (const SlicedRows &part : parts)
      rows.append(part.rows[axis]);
    // The shapes already say so; checked, since the gather's would follow.
    if (static_cast<int64_t>(rows.size()) != (*result)[axis])
      return false;
    Value gathered = rewrite::create<GatherOp>(builder, loc, {source, rewrite::int64Vector(builder, loc, rows)},
                                               {builder.getNamedAttr("axis", builder.getI64IntegerAttr(axis))});
    rewrite::replaceAndErase(concat, gathered);
    ++numSlicesGathered;
    return true;
  }
  std::optional<StridedTiling> tiling = stridedTiling(parts, shape, axis);
  if (!tiling)
    return false;
  Value split = rewrite::create<ReshapeOp>(builder, loc, {source, rewrite::int64Vector(builder, loc, tiling->splitShape)});
  Value moved = rewrite::createInferred(builder, loc, TransposeOp::getOperationName(), {split},
                                        {builder.getNamedAttr("perm", builder.getI64ArrayAttr(tiling->perm))})
                    ->getResult(0);
  Value merged = rewrite::create<ReshapeOp>(builder, loc, {moved, rewrite::int64Vector(builder, loc, *result)});
  rewrite::replaceAndErase(concat, merged);
  ++numSlicesTransposed;
  return true;
}

/// A Gather's axis, counted from the front.
int64_t gatherAxis(Operation *gather) {
  auto axis = gather->getAttrOfType<IntegerAttr>("axis");
  int64_t value = axis ? axis.getInt() : 0;
  return value < 0 ? value + static_cast<int64_t>(staticShape(gather->getOperand(0))->size()) : value;
}

/// A Reshape, Transpose or Gather of a constant 1-D index list: the ops
/// that only move whole rows when they keep the trailing dims.
bool movesRows(Operation *op) {
  if (isa<ReshapeOp>(op))
    return staticShape(op->getOperand(0)) && staticShape(op->getResult(0));
  if (auto transpose = dyn_cast<TransposeOp>(op))
    return staticShape(transpose.getData()) && staticShape(transpose.getResult());
  if (isa<GatherOp>(op)) {
    std::optional<ArrayRef<int64_t>> indices = staticShape(op->getOperand(1));
    return staticShape(op->getOperand(0)) && staticShape(op->getResult(0)) && indices &&
           indices->size() == 1 && rewrite::intConstant(op->getOperand(1));
  }
  return false;
}

/// An elementwise op of a chain's value `value` whose other operands
/// broadcast along its trailing dims only (a bias): it computes each row
/// alike, wherever the row is.
bool computesRowsAlike(Operation *op, Value value, size_t &otherRank) {
  auto layout = dyn_cast<LayoutOpInterface>(op);
  auto fusion = dyn_cast<FusionOpInterface>(op);
  if (!layout || !fusion || op->getNumRegions() != 0 || op->getNumResults() != 1 ||
      layout.getLayoutClass() != LayoutClass::IndependentVariable ||
      (fusion.getMappingType() != MappingType::OneToOne && fusion.getMappingType() != MappingType::OneToMany) ||
      staticShape(op->getResult(0)) != staticShape(value))
    return false;
  if (llvm::count(op->getOperands(), value) != 1)
    return false;
  otherRank = 0;
  for (Value operand : op->getOperands()) {
    if (operand == value || isa<NoneType>(operand.getType()))
      continue;
    std::optional<ArrayRef<int64_t>> shape = staticShape(operand);
    if (!shape)
      return false;
    otherRank = std::max(otherRank, shape->size());
  }
  return true;
}

/// The row each row of a row-major array of shape `to` reads from one of
/// shape `from` (as many rows) through `index`, which maps an index of
/// `to` to one of `from`.
SmallVector<int64_t> remapRows(ArrayRef<int64_t> rows, ArrayRef<int64_t> from, ArrayRef<int64_t> to,
                               llvm::function_ref<void(ArrayRef<int64_t>, MutableArrayRef<int64_t>)> index) {
  int64_t count = std::accumulate(to.begin(), to.end(), int64_t{1}, std::multiplies<>());
  SmallVector<int64_t> result(count), at(to.size(), 0), source(from.size(), 0);
  for (int64_t flat = 0; flat < count; ++flat) {
    index(at, source);
    int64_t offset = 0;
    for (size_t d = 0; d < from.size(); ++d)
      offset = offset * from[d] + source[d];
    result[flat] = rows[offset];
    for (int64_t d = static_cast<int64_t>(to.size()) - 1; d >= 0 && ++at[d] == to[d]; --d)
      at[d] = 0;
  }
  return result;
}

/// A chain of Reshapes, Transposes and Gathers of index lists through
/// `gather`, each read only by the next, that keep the trailing dims
/// (Swin's roll then window partition: a reshape, two Gathers, a reshape,
/// a Transpose, a reshape) -> one Gather of whole rows:
/// reshape(gather(reshape(x, [R] + T), rows), shape). The rows are the
/// chain run over the row numbers (index comprehension by evaluation);
/// elementwise ops in the chain that compute every row alike (a bias) run
/// after the Gather, in its kernel.
bool EliminateLayoutTransformsPass::rowChainToGather(GatherOp gather) {
  if (!movesRows(gather))
    return false;
  // Back through movers read only by the chain, then forward through
  // movers and row-wise ops.
  SmallVector<Operation *> chain{gather};
  SmallVector<size_t> otherRanks;
  llvm::DenseMap<Operation *, std::pair<size_t, size_t>> chainOperand;
  // A row-wise op of `value`: recorded (its other operands' rank).
  auto takeRowWise = [&](Operation *op, Value value) {
    size_t otherRank = 0;
    if (!computesRowsAlike(op, value, otherRank) || otherRank >= staticShape(value)->size())
      return false;
    chainOperand[op] = {static_cast<size_t>(llvm::find(op->getOperands(), value) - op->getOperands().begin()),
                        otherRanks.size()};
    otherRanks.push_back(otherRank);
    return true;
  };
  Value start = gather->getOperand(0);
  while (Operation *producer = start.getDefiningOp()) {
    if (!start.hasOneUse() || producer->getBlock() != gather->getBlock())
      break;
    if (movesRows(producer)) {
      chain.insert(chain.begin(), producer);
      start = producer->getOperand(0);
      continue;
    }
    // A row-wise op: its one operand of its result's shape is the chain's.
    Value data;
    int matches = 0;
    for (Value operand : producer->getOperands())
      if (staticShape(operand) && staticShape(operand) == staticShape(start)) {
        data = operand;
        ++matches;
      }
    if (matches != 1 || !takeRowWise(producer, data))
      break;
    chain.insert(chain.begin(), producer);
    start = data;
  }
  Value end = gather.getResult();
  while (end.hasOneUse()) {
    Operation *user = *end.getUsers().begin();
    if (user->getBlock() != gather->getBlock())
      break;
    if (movesRows(user) ? user->getOperand(0) != end : !takeRowWise(user, end))
      break;
    chain.push_back(user);
    end = user->getResult(0);
  }
  // The trailing dims every op of the chain keeps; the chain ends before
  // a row-wise op whose other operands span more of them.
  auto keptDims = [&]() {
    size_t kept = staticShape(start)->size();
    for (Operation *op : chain) {
      if (isa<ReshapeOp>(op)) {
        kept = std::min(kept, sharedTrailingDims(*staticShape(op->getOperand(0)), *staticShape(op->getResult(0))));
      } else if (auto transpose = dyn_cast<TransposeOp>(op)) {
        SmallVector<int64_t> perm = permutationOf(transpose);
        size_t fixed = 0;
        while (fixed < perm.size() &&
               perm[perm.size() - 1 - fixed] == static_cast<int64_t>(perm.size() - 1 - fixed))
          ++fixed;
        kept = std::min(kept, fixed);
      } else if (isa<GatherOp>(op)) {
        kept = std::min(kept, staticShape(op->getOperand(0))->size() - 1 - static_cast<size_t>(gatherAxis(op)));
      }
    }
    return kept;
  };
  size_t kept = keptDims();
  for (size_t i = 0; i < chain.size(); ++i) {
    auto it = chainOperand.find(chain[i]);
    if (it == chainOperand.end() || otherRanks[it->second.second] <= kept)
      continue;
    if (llvm::find(chain, gather.getOperation()) - chain.begin() < static_cast<std::ptrdiff_t>(i)) {
      chain.resize(i);
    } else {
      start = chain[i]->getResult(0);
      chain.erase(chain.begin(), chain.begin() + i + 1);
    }
    kept = keptDims();
    i = static_cast<size_t>(-1);
  }
  end = chain.back()->getResult(0);
  // Two data movements at least (a lone Gather is already one).
  int64_t moves = llvm::count_if(chain, [](Operation *op) {
    if (isa<GatherOp>(op))
      return true;
    auto transpose = dyn_cast<TransposeOp>(op);
    if (!transpose)
      return false;
    SmallVector<int64_t> perm = permutationOf(transpose);
    return perm != everyRow(static_cast<int64_t>(perm.size()));
  });
  if (moves < 2)
    return false;
  ArrayRef<int64_t> startShape = *staticShape(start);
  if (kept == 0 || kept >= startShape.size())
    return false;
  ArrayRef<int64_t> trailing = startShape.take_back(kept);
  int64_t rowSize = std::accumulate(trailing.begin(), trailing.end(), int64_t{1}, std::multiplies<>());
  SmallVector<int64_t> lead(startShape.drop_back(kept));
  int64_t count = std::accumulate(lead.begin(), lead.end(), int64_t{1}, std::multiplies<>());
  // Rows of fewer elements than a vector are better moved by the ops.
  if (rowSize < 8 || count > kMaxChainRows)
    return false;
  SmallVector<int64_t> rows = everyRow(count);
  for (Operation *op : chain) {
    ArrayRef<int64_t> out = *staticShape(op->getResult(0));
    SmallVector<int64_t> outLead(out.drop_back(kept));
    if (std::accumulate(outLead.begin(), outLead.end(), int64_t{1}, std::multiplies<>()) > kMaxChainRows)
      return false;
    if (auto transpose = dyn_cast<TransposeOp>(op)) {
      SmallVector<int64_t> perm = permutationOf(transpose);
      rows = remapRows(rows, lead, outLead, [&](ArrayRef<int64_t> at, MutableArrayRef<int64_t> source) {
        for (size_t d = 0; d < outLead.size(); ++d)
          source[perm[d]] = at[d];
      });
    } else if (isa<GatherOp>(op)) {
      int64_t axis = gatherAxis(op);
      SmallVector<int64_t> indices = *rewrite::intConstant(op->getOperand(1));
      for (int64_t &i : indices) {
        if (i < 0)
          i += lead[axis];
        if (i < 0 || i >= lead[axis])
          return false;
      }
      rows = remapRows(rows, lead, outLead, [&](ArrayRef<int64_t> at, MutableArrayRef<int64_t> source) {
        for (size_t d = 0; d < outLead.size(); ++d)
          source[d] = static_cast<int64_t>(d) == axis ? indices[at[d]] : at[d];
      });
    }
    lead = outLead;
  }
  // Rebuild: one Gather over a view with one leading dim of more than one
  // row (the end's shape where it is one, so that the Gather's result is
  // the chain's; else the start's; else [R] + T), then the row-wise ops,
  // which fusion runs in the Gather's kernel.
  ArrayRef<int64_t> endShape = *staticShape(end);
  auto rowsAxis = [&](ArrayRef<int64_t> shape) -> std::optional<int64_t> {
    std::optional<int64_t> axis;
    for (int64_t d = 0; d + static_cast<int64_t>(kept) < static_cast<int64_t>(shape.size()); ++d)
      if (shape[d] != 1) {
        if (axis)
          return std::nullopt;
        axis = d;
      }
    return axis;
  };
  SmallVector<int64_t> view;
  int64_t axis = 0;
  if (std::optional<int64_t> at = rowsAxis(endShape)) {
    view.assign(endShape.begin(), endShape.end());
    axis = *at;
  } else if (std::optional<int64_t> at = rowsAxis(startShape)) {
    view.assign(startShape.begin(), startShape.end());
    axis = *at;
  } else {
    view.push_back(count);
    view.append(trailing.begin(), trailing.end());
  }
  view[axis] = count;
  OpBuilder builder(chain.back());
  Location loc = gather.getLoc();
  Value current = start;
  if (view != startShape)
    current = rewrite::create<ReshapeOp>(builder, loc, {current, rewrite::int64Vector(builder, loc, view)});
  current = rewrite::create<GatherOp>(builder, loc, {current, rewrite::int64Vector(builder, loc, rows)},
                                      {builder.getNamedAttr("axis", builder.getI64IntegerAttr(axis))});
  if (staticShape(current) != endShape)
    current = rewrite::create<ReshapeOp>(builder, loc, {current, rewrite::int64Vector(builder, loc, endShape)});
  for (Operation *op : chain) {
    if (movesRows(op))
      continue;
    SmallVector<Value> operands(op->getOperands());
    operands[chainOperand.lookup(op).first] = current;
    current = rebuildOp(builder, op, operands, op->getAttrs())->getResult(0);
  }
  rewrite::replaceAndErase(chain.back(), current);
  ++numRowChains;
  return true;
}

/// reshape(reshape(x)) -> reshape(x), the outer one's static shape.
bool EliminateLayoutTransformsPass::mergeReshapes(ReshapeOp reshape) {
  auto inner = reshape.getData().getDefiningOp<ReshapeOp>();
  std::optional<ArrayRef<int64_t>> shape = staticShape(reshape.getResult());
  if (!inner || !shape)
    return false;
  OpBuilder builder(reshape);
  Value merged = rewrite::create<ReshapeOp>(builder, reshape.getLoc(),
                                            {inner.getData(), rewrite::int64Vector(builder, reshape.getLoc(), *shape)});
  rewrite::replaceAndErase(reshape, merged);
  ++numMerged;
  return true;
}

/// transpose(reshape(x)) -> reshape(transpose'(x)) when the permutation
/// moves the reshape's runs of dims whole.
bool EliminateLayoutTransformsPass::transposeFirst(TransposeOp transpose) {
  auto reshape = transpose.getData().getDefiningOp<ReshapeOp>();
  if (!reshape || !reshape.getResult().hasOneUse() || !transpose.getPerm())
    return false;
  // An input-layout independent user (an Add, a Concat) reads the
  // Transpose's result through an index map where it is: moved, it would
  // have a Reshape between them.
  for (Operation *user : transpose.getResult().getUsers()) {
    auto layout = dyn_cast<LayoutOpInterface>(user);
    if (!layout || layout.getLayoutClass() == LayoutClass::IndependentVariable ||
        layout.getLayoutClass() == LayoutClass::IndependentFixed)
      return false;
  }
  std::optional<ArrayRef<int64_t>> from = staticShape(reshape.getData());
  std::optional<ArrayRef<int64_t>> to = staticShape(reshape.getResult());
  std::optional<ArrayRef<int64_t>> result = staticShape(transpose.getResult());
  if (!from || !to || !result)
    return false;
  std::optional<SmallVector<DimRun>> runs = dimRuns(*from, *to);
  if (!runs)
    return false;
  SmallVector<int64_t> perm;
  ArrayAttr permAttr = *transpose.getPerm();
  for (Attribute a : permAttr)
    perm.push_back(cast<IntegerAttr>(a).getInt());
  // Each run's `to` dims must stay together and in order; the new
  // permutation moves the run's `from` dims to where they go.
  SmallVector<int64_t> runOf(to->size());
  for (auto [k, run] : llvm::enumerate(*runs))
    for (size_t d = run.toBegin; d < run.toEnd; ++d)
      runOf[d] = static_cast<int64_t>(k);
  SmallVector<int64_t> fromPerm;
  for (size_t p = 0; p < perm.size();) {
    const DimRun &run = (*runs)[runOf[perm[p]]];
    for (size_t d = run.toBegin; d < run.toEnd; ++d, ++p)
      if (p >= perm.size() || perm[p] != static_cast<int64_t>(d))
        return false;
    for (size_t d = run.fromBegin; d < run.fromEnd; ++d)
      fromPerm.push_back(static_cast<int64_t>(d));
  }
  bool identity = llvm::equal(fromPerm, llvm::seq<int64_t>(0, static_cast<int64_t>(fromPerm.size())));
  OpBuilder builder(transpose);
  Value moved = reshape.getData();
  if (!identity)
    moved = rewrite::createInferred(builder, transpose.getLoc(), TransposeOp::getOperationName(), {moved},
                                    {builder.getNamedAttr("perm", builder.getI64ArrayAttr(fromPerm))})
                ->getResult(0);
  Value reshaped = rewrite::create<ReshapeOp>(builder, reshape.getLoc(),
                                              {moved, rewrite::int64Vector(builder, reshape.getLoc(), *result)});
  rewrite::replaceAndErase(transpose, reshaped);
  ++numTransposesMoved;
  return true;
}

/// reshape(p(x, ...)) -> p(reshape(x), ...) when the reshape leads to a
/// Transpose: the producer computes in the shape the Transpose reads.
bool EliminateLayoutTransformsPass::reshapeIntoProducer(ReshapeOp reshape) {
  Operation *producer = reshape.getData().getDefiningOp();
  if (!producer || !reshape.getData().hasOneUse() || !reshape.getResult().hasOneUse() ||
      !isa<TransposeOp>(*reshape.getResult().getUsers().begin()))
    return false;
  std::optional<ArrayRef<int64_t>> from = staticShape(reshape.getData());
  std::optional<ArrayRef<int64_t>> to = staticShape(reshape.getResult());
  size_t kept = 0;
  if (!from || !to || !runsOverView(producer, *from, *to, kept))
    return false;
  OpBuilder builder(producer);
  Value rebuilt = rebuildOverView(builder, producer, *from, *to, Value(), Value());
  // The producer, left without users, goes with the reshape.
  rewrite::replaceAndErase(reshape, rebuilt);
  ++numIntoProducer;
  return true;
}

/// c(reshape(t), y) -> reshape(c(t, reshape(y))) when t is a Transpose's
/// result: the consumer reads it in the Transpose's shape.
bool EliminateLayoutTransformsPass::reshapeIntoConsumer(ReshapeOp reshape) {
  if (!reshape.getData().getDefiningOp<TransposeOp>() || !reshape.getResult().hasOneUse())
    return false;
  Operation *consumer = *reshape.getResult().getUsers().begin();
  std::optional<ArrayRef<int64_t>> from = staticShape(reshape.getResult());
  std::optional<ArrayRef<int64_t>> to = staticShape(reshape.getData());
  size_t kept = 0;
  if (!from || !to || consumer->getBlock() != reshape->getBlock() ||
      !runsOverView(consumer, *from, *to, kept))
    return false;
  OpBuilder builder(consumer);
  Value rebuilt = rebuildOverView(builder, consumer, *from, *to, reshape.getResult(), reshape.getData());
  Value back = rewrite::create<ReshapeOp>(builder, reshape.getLoc(),
                                          {rebuilt, rewrite::int64Vector(builder, reshape.getLoc(), *from)});
  rewrite::replaceAndErase(consumer, back);
  ++numIntoConsumer;
  return true;
}

/// A Flatten, Squeeze or Unsqueeze with static shapes is a Reshape to its
/// result's shape: one form for the rules below.
void reshapesFromReorganizeOps(func::FuncOp func) {
  SmallVector<Operation *> ops;
  func.walk([&](Operation *op) {
    if (isa<FlattenOp, SqueezeOp, UnsqueezeOp>(op) && staticShape(op->getOperand(0)) &&
        staticShape(op->getResult(0)))
      ops.push_back(op);
  });
  for (Operation *op : ops) {
    OpBuilder builder(op);
    Value reshape = rewrite::create<ReshapeOp>(
        builder, op->getLoc(), {op->getOperand(0), rewrite::int64Vector(builder, op->getLoc(), *staticShape(op->getResult(0)))});
    rewrite::replaceAndErase(op, reshape);
  }
}

/// transpose(transpose(x, p), q) -> transpose(x, p o q), or x.
bool EliminateLayoutTransformsPass::mergeTransposes(TransposeOp transpose) {
  auto inner = transpose.getData().getDefiningOp<TransposeOp>();
  if (!inner)
    return false;
  SmallVector<int64_t> p = permutationOf(inner), q = permutationOf(transpose);
  // Result dim d is the inner result's dim q[d], x's dim p[q[d]].
  SmallVector<int64_t> composed;
  for (int64_t d : q)
    composed.push_back(p[d]);
  OpBuilder builder(transpose);
  Value merged = inner.getData();
  if (!llvm::equal(composed, llvm::seq<int64_t>(0, static_cast<int64_t>(composed.size()))))
    merged = rewrite::createInferred(builder, transpose.getLoc(), TransposeOp::getOperationName(), {merged},
                                     {builder.getNamedAttr("perm", builder.getI64ArrayAttr(composed))})
                 ->getResult(0);
  rewrite::replaceAndErase(transpose, merged);
  ++numTransposesMerged;
  return true;
}

/// Moves a Transpose down a chain of ops that commute with it when the
/// chain ends at another Transpose (which then merges with it).
bool EliminateLayoutTransformsPass::transposesMeet(TransposeOp transpose) {
  SmallVector<Operation *> chain;
  SmallVector<int64_t> perm = permutationOf(transpose);
  Value current = transpose.getResult();
  while (current.hasOneUse()) {
    Operation *user = *current.getUsers().begin();
    if (isa<TransposeOp>(user))
      break;
    if (user->getBlock() != transpose->getBlock() || !commutesWithTranspose(user, current, perm))
      return false;
    chain.push_back(user);
    current = user->getResult(0);
  }
  if (chain.empty() || !current.hasOneUse())
    return false;
  Value moved = transpose.getData();
  Value previous = transpose.getResult();
  for (Operation *op : chain) {
    OpBuilder builder(op);
    SmallVector<Value> operands;
    for (Value operand : op->getOperands()) {
      Value input = operand == previous ? Value() : inputOfTranspose(operand, perm);
      operands.push_back(operand == previous ? moved : input && staticShape(operand) == staticShape(previous) ? input : operand);
    }
    SmallVector<NamedAttribute> attributes;
    for (NamedAttribute attribute : op->getAttrs()) {
      if (attribute.getName() == "axis") {
        // The op reduced over dim `axis` of the transposed value: dim
        // perm[axis] of the Transpose's input.
        int64_t rank = static_cast<int64_t>(perm.size());
        int64_t axis = cast<IntegerAttr>(attribute.getValue()).getInt();
        attributes.push_back(builder.getNamedAttr(
            "axis", builder.getI64IntegerAttr(perm[axis < 0 ? axis + rank : axis])));
        continue;
      }
      attributes.push_back(attribute);
    }
    previous = op->getResult(0);
    moved = rebuildOp(builder, op, operands, attributes)->getResult(0);
  }
  Operation *last = chain.back();
  OpBuilder builder(last);
  Value transposed = rewrite::createInferred(builder, transpose.getLoc(), TransposeOp::getOperationName(), {moved},
                                             {builder.getNamedAttr("perm", builder.getI64ArrayAttr(perm))})
                         ->getResult(0);
  // The old chain and the old Transpose go with the last op.
  rewrite::replaceAndErase(last, transposed);
  ++numTransposesMoved;
  return true;
}

void EliminateLayoutTransformsPass::runOnOperation() {
  func::FuncOp func = getOperation();
  reshapesFromReorganizeOps(func);
  for (int round = 0; round < kMaxRewrites; ++round) {
    bool changed = false;
    // One rewrite per walk: each may erase ops the walk would visit next.
    func.walk([&](Operation *op) {
      if (auto reshape = dyn_cast<ReshapeOp>(op))
        changed = mergeReshapes(reshape) || reshapeIntoProducer(reshape) || reshapeIntoConsumer(reshape);
      else if (auto transpose = dyn_cast<TransposeOp>(op))
        changed = mergeTransposes(transpose) || transposeFirst(transpose) || transposesMeet(transpose);
      else if (auto concat = dyn_cast<ConcatOp>(op))
        changed = slicesToGather(concat);
      else if (auto gather = dyn_cast<GatherOp>(op))
        changed = rowChainToGather(gather) || splitProjection(gather);
      return changed ? WalkResult::interrupt() : WalkResult::advance();
    });
    if (!changed)
      return;
  }
}

} // namespace
