//===- HalideIndexKernels.cpp - Gathers, scatters and index patterns ------===//
//
// Ops whose result reads or writes through computed indices:
// GatherElements, GatherND, ScatterElements, ScatterND (scatters are Halide
// update definitions over the indices, applied in order, with the
// reduction attribute's combine), Trilu, EyeLike, DepthToSpace,
// SpaceToDepth, ReverseSequence and MaxUnpool. Index tensors are data: each index is
// wrapped (negative counts from the end) and clamped into its dim, so
// compiled code never touches memory outside a buffer; where the reference
// evaluator refuses an out-of-range index, compiled code reads or writes
// the clamped element (a kernel cannot report an error mid-run).
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// An index read from a tensor, wrapped and clamped into [0, size).
Halide::Expr resolvedIndex(Halide::Expr index, Halide::Expr size) {
  Halide::Expr i = Halide::cast(Halide::Int(32), index);
  i = Halide::select(i < 0, i + size, i);
  return Halide::clamp(i, 0, Halide::max(size - 1, 0));
}

FailureOr<Halide::Func> buildGatherElements(const KernelRequest &request) {
  const HalideValue *data = request.operand(0), *indices = request.operand(1);
  if (!data || !indices)
    return request.fail("missing input");
  int64_t rank = data->type.getRank();
  int64_t axis = getIntAttr(request.op, "axis", 0);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank || indices->type.getRank() != rank)
    return request.fail("expected indices of data's rank and a valid axis");
  std::vector<Halide::Var> vars = tensorVars(rank);
  std::vector<Halide::Expr> at = coordinates(vars);
  at[axis] = resolvedIndex(indices->func(halideArgs(vars)), data->dim(axis));
  // The other coordinates are the indices' own, which may be smaller than
  // data's (clamped so that a read stays inside data whatever the dims).
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis && !(data->staticDim(d) && indices->staticDim(d) &&
                       *indices->staticDim(d) <= *data->staticDim(d)))
      at[d] = Halide::clamp(at[d], 0, Halide::max(data->dim(d) - 1, 0));
  Halide::Func gather("gather_elements");
  gather(halideArgs(vars)) = data->func(halideArgs(at));
  return gather;
}

FailureOr<Halide::Func> buildGatherND(const KernelRequest &request) {
  const HalideValue *data = request.operand(0), *indices = request.operand(1);
  if (!data || !indices)
    return request.fail("missing input");
  int64_t batchDims = getIntAttr(request.op, "batch_dims", 0);
  int64_t indexRank = indices->type.getRank(), dataRank = data->type.getRank();
  if (indexRank < 1 || !indices->staticDim(indexRank - 1))
    return request.fail("the length of the index rows must be static");
  int64_t depth = *indices->staticDim(indexRank - 1);
  if (depth < 1 || batchDims + depth > dataRank)
    return request.fail("index rows do not fit the data");
  // Result: indices.shape[:-1] + data.shape[batch_dims + depth:].
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  std::vector<Halide::Expr> at;
  for (int64_t d = 0; d < batchDims; ++d)
    at.push_back(vars[d]);
  for (int64_t j = 0; j < depth; ++j) {
    std::vector<Halide::Expr> row(vars.begin(), vars.begin() + indexRank - 1);
    row.push_back(asInt(j));
    at.push_back(resolvedIndex(indices->func(halideArgs(row)), data->dim(batchDims + j)));
  }
  for (int64_t d = batchDims + depth; d < dataRank; ++d)
    at.push_back(vars[indexRank - 1 + d - batchDims - depth]);
  Halide::Func gather("gather_nd");
  gather(halideArgs(vars)) = data->func(halideArgs(at));
  return gather;
}

/// The combine of a scatter's `reduction` attribute.
FailureOr<std::function<Halide::Expr(Halide::Expr, Halide::Expr)>>
scatterCombine(const KernelRequest &request) {
  StringRef reduction = getStrAttr(request.op, "reduction", "none");
  using Combine = std::function<Halide::Expr(Halide::Expr, Halide::Expr)>;
  if (reduction == "none")
    return Combine([](Halide::Expr, Halide::Expr update) { return update; });
  if (reduction == "add")
    return Combine([](Halide::Expr old, Halide::Expr update) { return old + update; });
  if (reduction == "mul")
    return Combine([](Halide::Expr old, Halide::Expr update) { return old * update; });
  if (reduction == "max")
    return Combine([](Halide::Expr old, Halide::Expr update) { return Halide::max(old, update); });
  if (reduction == "min")
    return Combine([](Halide::Expr old, Halide::Expr update) { return Halide::min(old, update); });
  (void)request.fail("unknown reduction '" + reduction.str() + "'");
  return failure();
}

FailureOr<Halide::Func> buildScatterElements(const KernelRequest &request) {
  const HalideValue *data = request.operand(0), *indices = request.operand(1),
                    *updates = request.operand(2);
  if (!data || !indices || !updates)
    return request.fail("missing input");
  int64_t rank = data->type.getRank();
  int64_t axis = getIntAttr(request.op, "axis", 0);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank || indices->type.getRank() != rank)
    return request.fail("expected indices of data's rank and a valid axis");
  auto combine = scatterCombine(request);
  if (failed(combine))
    return failure();
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Func scatter("scatter_elements");
  scatter(halideArgs(vars)) = data->func(halideArgs(vars));
  if (indices->type.hasStaticShape() && indices->type.getNumElements() == 0)
    return scatter;
  // One update per position of `indices`, in row-major order (the last
  // dim is the RDom's innermost, as the reference's loop).
  Halide::Region region;
  for (int64_t d = rank - 1; d >= 0; --d)
    region.push_back({0, indices->dim(d)});
  Halide::RDom r(region);
  std::vector<Halide::Expr> position;
  for (int64_t d = 0; d < rank; ++d)
    position.push_back(r[asInt(rank - 1 - d)]);
  std::vector<Halide::Expr> target = position;
  target[axis] = resolvedIndex(indices->func(halideArgs(position)), data->dim(axis));
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis)
      target[d] = Halide::clamp(target[d], 0, Halide::max(data->dim(d) - 1, 0));
  scatter(halideArgs(target)) = (*combine)(scatter(halideArgs(target)), updates->func(halideArgs(position)));
  return scatter;
}

FailureOr<Halide::Func> buildScatterND(const KernelRequest &request) {
  const HalideValue *data = request.operand(0), *indices = request.operand(1),
                    *updates = request.operand(2);
  if (!data || !indices || !updates)
    return request.fail("missing input");
  int64_t dataRank = data->type.getRank(), indexRank = indices->type.getRank();
  if (indexRank < 1 || !indices->staticDim(indexRank - 1))
    return request.fail("the length of the index rows must be static");
  int64_t depth = *indices->staticDim(indexRank - 1);
  if (depth < 1 || depth > dataRank)
    return request.fail("index rows do not fit the data");
  auto combine = scatterCombine(request);
  if (failed(combine))
    return failure();
  std::vector<Halide::Var> vars = tensorVars(dataRank);
  Halide::Func scatter("scatter_nd");
  scatter(halideArgs(vars)) = data->func(halideArgs(vars));
  if (indices->type.hasStaticShape() && indices->type.getNumElements() == 0)
    return scatter;
  // Over every update element: the index row's positions, then the slice.
  Halide::Region region;
  for (int64_t d = dataRank - 1; d >= depth; --d)
    region.push_back({0, data->dim(d)});
  for (int64_t d = indexRank - 2; d >= 0; --d)
    region.push_back({0, indices->dim(d)});
  Halide::RDom r(region);
  int64_t sliceDims = dataRank - depth;
  std::vector<Halide::Expr> row, slice;
  for (int64_t d = 0; d < indexRank - 1; ++d)
    row.push_back(r[asInt(sliceDims + indexRank - 2 - d)]);
  for (int64_t d = 0; d < sliceDims; ++d)
    slice.push_back(r[asInt(sliceDims - 1 - d)]);
  std::vector<Halide::Expr> target;
  for (int64_t j = 0; j < depth; ++j) {
    std::vector<Halide::Expr> at = row;
    at.push_back(asInt(j));
    target.push_back(resolvedIndex(indices->func(halideArgs(at)), data->dim(j)));
  }
  target.insert(target.end(), slice.begin(), slice.end());
  std::vector<Halide::Expr> source = row;
  source.insert(source.end(), slice.begin(), slice.end());
  scatter(halideArgs(target)) = (*combine)(scatter(halideArgs(target)), updates->func(halideArgs(source)));
  return scatter;
}

/// Trilu: keeps the elements with column - row >= k (upper) or <= k
/// (lower) in every matrix of the last two dims; k may be a run-time input.
FailureOr<Halide::Func> buildTrilu(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x || x->type.getRank() < 2)
    return request.fail("expected an input of rank >= 2");
  int64_t rank = x->type.getRank();
  Halide::Expr k = Halide::cast(Halide::Int(64), 0);
  if (const HalideValue *kValue = request.operand(1))
    k = Halide::cast(Halide::Int(64), kValue->func(std::vector<Halide::Expr>(kValue->type.getRank(), 0)));
  bool upper = getIntAttr(request.op, "upper", 1) != 0;
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Expr offset = Halide::cast(Halide::Int(64), vars[rank - 1] - vars[rank - 2]);
  Halide::Expr kept = upper ? offset >= k : offset <= k;
  Halide::Expr v = x->func(halideArgs(vars));
  Halide::Func trilu("trilu");
  trilu(halideArgs(vars)) = Halide::select(kept, v, Halide::cast(v.type(), 0));
  return trilu;
}

FailureOr<Halide::Func> buildEyeLike(const KernelRequest &request) {
  if (request.result.getRank() != 2)
    return request.fail("expected a 2-D input");
  Halide::Type type = halideTypeOf(request.result.getElementType());
  int64_t k = getIntAttr(request.op, "k", 0);
  std::vector<Halide::Var> vars = tensorVars(2);
  Halide::Expr diagonal = Halide::cast(Halide::Int(64), vars[1]) - vars[0] == Halide::Expr(k);
  Halide::Func eye("eye_like");
  eye(halideArgs(vars)) = Halide::select(diagonal, Halide::cast(type, 1), Halide::cast(type, 0));
  return eye;
}

/// DepthToSpace (modes DCR and CRD) and SpaceToDepth on NCHW.
FailureOr<Halide::Func> buildDepthSpace(const KernelRequest &request, bool toSpace) {
  const HalideValue *x = request.operand(0);
  if (!x || x->type.getRank() != 4)
    return request.fail("expected a 4-D input");
  int b = asInt(getIntAttr(request.op, "blocksize", 0));
  if (b < 1)
    return request.fail("blocksize must be at least 1");
  StringRef mode = getStrAttr(request.op, "mode", "DCR");
  if (toSpace && mode != "DCR" && mode != "CRD")
    return request.fail("unknown mode '" + mode.str() + "'");
  Halide::Expr c = x->dim(1);
  Halide::Var w("w"), h("h"), oc("oc"), n("n");
  Halide::Expr ic, ih, iw;
  if (toSpace) {
    // DCR reads the input as [N, b, b, C', H, W], CRD as [N, C', b, b, H, W].
    Halide::Expr blockRow = h % b, blockCol = w % b;
    Halide::Expr outChannels = c / (b * b);
    ic = mode == "CRD" ? (oc * b + blockRow) * b + blockCol : (blockRow * b + blockCol) * outChannels + oc;
    ih = h / b;
    iw = w / b;
  } else {
    Halide::Expr block = oc / c;
    ic = oc % c;
    ih = h * b + block / b;
    iw = w * b + block % b;
  }
  Halide::Func moved(toSpace ? "depth_to_space" : "space_to_depth");
  moved(w, h, oc, n) = x->func(iw, ih, ic, n);
  return moved;
}

/// ReverseSequence: along time_axis, the first sequence_lens[b] elements of
/// batch b reversed, the rest copied.
FailureOr<Halide::Func> buildReverseSequence(const KernelRequest &request) {
  const HalideValue *x = request.operand(0), *lengths = request.operand(1);
  if (!x || !lengths)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  int64_t batchAxis = getIntAttr(request.op, "batch_axis", 1), timeAxis = getIntAttr(request.op, "time_axis", 0);
  if (batchAxis < 0)
    batchAxis += rank;
  if (timeAxis < 0)
    timeAxis += rank;
  if (rank < 2 || batchAxis == timeAxis || batchAxis < 0 || timeAxis < 0 || batchAxis >= rank ||
      timeAxis >= rank)
    return request.fail("bad batch_axis or time_axis");
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Expr steps = x->dim(timeAxis);
  Halide::Expr length = Halide::clamp(Halide::cast(Halide::Int(32), lengths->func(vars[batchAxis])), 0, steps);
  std::vector<Halide::Expr> at = coordinates(vars);
  at[timeAxis] = Halide::clamp(Halide::select(vars[timeAxis] < length, length - 1 - vars[timeAxis], vars[timeAxis]),
                               0, Halide::max(steps - 1, 0));
  Halide::Func reverse("reverse_sequence");
  reverse(halideArgs(vars)) = x->func(halideArgs(at));
  return reverse;
}

/// MaxUnpool: zeros of the (static) result shape, with each X element
/// written at the flat result index its I element names.
FailureOr<Halide::Func> buildMaxUnpool(const KernelRequest &request) {
  const HalideValue *x = request.operand(0), *indices = request.operand(1);
  if (!x || !indices)
    return request.fail("missing input");
  if (indices->type.getRank() != x->type.getRank())
    return request.fail("expected X and I of the same rank");
  int64_t rank = request.result.getRank();
  std::vector<Halide::Expr> outDims = request.resultDims();
  for (const Halide::Expr &d : outDims)
    if (!d.defined())
      return request.fail("the result dims must be known before the run");
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Type type = halideTypeOf(request.result.getElementType());
  Halide::Func unpool("max_unpool");
  unpool(halideArgs(vars)) = Halide::cast(type, 0);
  if (x->type.hasStaticShape() && x->type.getNumElements() == 0)
    return unpool;
  Halide::Region region;
  for (int64_t d = rank - 1; d >= 0; --d)
    region.push_back({0, x->dim(d)});
  Halide::RDom r(region);
  std::vector<Halide::Expr> position;
  for (int64_t d = 0; d < rank; ++d)
    position.push_back(r[asInt(rank - 1 - d)]);
  // Indices address the unpooled shape; output_shape may enlarge it, each
  // element keeping its coordinates. Indices are data: clamped into the
  // unpooled shape, coordinates into the result (I is read within X's dims,
  // which the shape function checks I shares).
  std::vector<Halide::Expr> unpooled = request.aux("unpooled");
  if (static_cast<int64_t>(unpooled.size()) != rank)
    return request.fail("the unpooled shape must be known before the run");
  Halide::Expr count = Halide::Expr(int64_t(1));
  for (const Halide::Expr &d : unpooled)
    count = count * Halide::cast(Halide::Int(64), d);
  Halide::Expr flat = Halide::clamp(Halide::cast(Halide::Int(64), indices->func(halideArgs(position))),
                                    Halide::Expr(int64_t(0)), Halide::max(count - 1, Halide::Expr(int64_t(0))));
  std::vector<Halide::Expr> target(rank);
  for (int64_t d = rank - 1; d >= 0; --d) {
    Halide::Expr size = Halide::cast(Halide::Int(64), unpooled[d]);
    target[d] = Halide::clamp(Halide::cast(Halide::Int(32), flat % size), 0,
                              Halide::max(outDims[d] - 1, 0));
    flat = flat / size;
  }
  unpool(halideArgs(target)) = x->func(halideArgs(position));
  return unpool;
}

} // namespace

void mlir::hone::cpu::registerIndexKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  add("GatherElements", buildGatherElements);
  add("GatherND", buildGatherND);
  add("ScatterElements", buildScatterElements);
  add("ScatterND", buildScatterND);
  add("Trilu", buildTrilu);
  add("EyeLike", buildEyeLike);
  add("DepthToSpace", [](const KernelRequest &r) { return buildDepthSpace(r, true); });
  add("SpaceToDepth", [](const KernelRequest &r) { return buildDepthSpace(r, false); });
  add("ReverseSequence", buildReverseSequence);
  add("MaxUnpool", buildMaxUnpool);
}
