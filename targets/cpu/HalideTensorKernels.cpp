//===- HalideTensorKernels.cpp - Data movement, selection, reductions -----===//
//
// Halide definitions of data-movement ops (reshapes and transposes become
// index arithmetic), comparisons and selection, and casts. Gather clamps its indices into range: compiled code never
// reads outside a buffer, and the runtime's input checks reject what the
// model does not accept.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// Reads `value` at the row-major flat index `flat`. With dynamic dims
/// Halide cannot relate the result's extents to the input's, so the
/// outermost index is clamped into the input (a no-op for a valid flat
/// index) to bound the read.
Halide::Expr readFlat(const HalideValue &value, Halide::Expr flat) {
  std::vector<Halide::Expr> args;
  int64_t rank = value.type.getRank();
  for (int64_t d = rank - 1; d >= 0; --d) {
    Halide::Expr size = value.dim(d);
    Halide::Expr index = d == 0 ? flat : flat % size;
    if (d == 0 && !value.type.hasStaticShape())
      index = Halide::clamp(index, 0, Halide::max(size - 1, 0));
    args.push_back(index);
    flat = flat / size;
  }
  return value.func(args);
}

/// Reshape, Flatten, Squeeze, Unsqueeze: the same elements in row-major
/// order, read through the flat index.
FailureOr<Halide::Func> buildReshapeLike(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  std::vector<Halide::Expr> dims = request.resultDims();
  int64_t rank = request.result.getRank();
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Expr flat = 0;
  for (int64_t d = 0; d < rank; ++d) {
    if (!dims[d].defined())
      return request.fail("result dim " + std::to_string(d) + " is not known before the run");
    flat = flat * dims[d] + vars[d];
  }
  Halide::Func reshape("reshape");
  reshape(halideArgs(vars)) = readFlat(*x, flat);
  return reshape;
}

FailureOr<Halide::Func> buildTranspose(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = request.result.getRank();
  std::optional<SmallVector<int64_t>> perm = getIntsAttr(request.op, "perm");
  SmallVector<int64_t> order;
  if (perm)
    order = *perm;
  else
    for (int64_t d = rank - 1; d >= 0; --d)
      order.push_back(d);
  std::vector<Halide::Var> vars = tensorVars(rank);
  // Result dim d is input dim order[d].
  std::vector<Halide::Expr> inputIndex(rank);
  for (int64_t d = 0; d < rank; ++d)
    inputIndex[order[d]] = vars[d];
  Halide::Func transpose("transpose");
  transpose(halideArgs(vars)) =
      x->func(std::vector<Halide::Expr>(inputIndex.rbegin(), inputIndex.rend()));
  return transpose;
}

FailureOr<Halide::Func> buildConcat(const KernelRequest &request) {
  int64_t rank = request.result.getRank();
  int64_t axis = getIntAttr(request.op, "axis", 0);
  if (axis < 0)
    axis += rank;
  std::vector<Halide::Var> vars = tensorVars(rank);
  // Select the input whose slice along the axis holds the coordinate.
  Halide::Expr value;
  Halide::Expr offset = 0;
  std::vector<std::pair<Halide::Expr, const HalideValue *>> parts;
  for (size_t i = 0; i < request.operands.size(); ++i) {
    const HalideValue *part = request.operand(i);
    if (!part)
      return request.fail("missing input");
    parts.push_back({offset, part});
    offset = offset + part->dim(axis);
  }
  // Forward, so that the last part starting at or before the coordinate wins.
  for (auto it = parts.begin(); it != parts.end(); ++it) {
    std::vector<Halide::Expr> args;
    for (int64_t d = rank - 1; d >= 0; --d) {
      Halide::Expr index = vars[d];
      if (d == axis)
        index = Halide::clamp(index - it->first, 0, Halide::max(it->second->dim(axis) - 1, 0));
      args.push_back(index);
    }
    Halide::Expr read = it->second->func(args);
    value = value.defined() ? Halide::select(vars[axis] >= it->first, read, value) : read;
  }
  Halide::Func concat("concat");
  concat(halideArgs(vars)) = value;
  return concat;
}

/// A comparison stored as a byte (0 or 1).
template <typename Compare> KernelBuilder comparison() {
  return [](const KernelRequest &request) -> FailureOr<Halide::Func> {
    const HalideValue *a = request.operand(0), *b = request.operand(1);
    if (!a || !b)
      return request.fail("missing input");
    std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
    Halide::Func compare("compare");
    compare(halideArgs(vars)) = Halide::cast(
        Halide::UInt(8), Compare()(broadcastRead(*a, vars, request.result),
                                   broadcastRead(*b, vars, request.result)));
    return compare;
  };
}

struct LessOrEqual {
  Halide::Expr operator()(Halide::Expr a, Halide::Expr b) const { return a <= b; }
};
struct GreaterOrEqual {
  Halide::Expr operator()(Halide::Expr a, Halide::Expr b) const { return a >= b; }
};
struct EqualTo {
  Halide::Expr operator()(Halide::Expr a, Halide::Expr b) const { return a == b; }
};
struct LessThan {
  Halide::Expr operator()(Halide::Expr a, Halide::Expr b) const { return a < b; }
};
struct GreaterThan {
  Halide::Expr operator()(Halide::Expr a, Halide::Expr b) const { return a > b; }
};

FailureOr<Halide::Func> buildWhere(const KernelRequest &request) {
  const HalideValue *c = request.operand(0), *x = request.operand(1), *y = request.operand(2);
  if (!c || !x || !y)
    return request.fail("missing input");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Func where("where");
  where(halideArgs(vars)) = Halide::select(broadcastRead(*c, vars, request.result) != 0,
                                           broadcastRead(*x, vars, request.result),
                                           broadcastRead(*y, vars, request.result));
  return where;
}

FailureOr<Halide::Func> buildCast(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  Halide::Type to = halideTypeOf(request.result.getElementType());
  if (to == Halide::Type())
    return request.fail("unsupported target element type");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Expr value = x->func(halideArgs(vars));
  // To bool is "non-zero"; everything else converts as C does.
  if (request.result.getElementType().isInteger(1))
    value = Halide::cast(Halide::UInt(8), value != Halide::cast(value.type(), 0));
  else
    value = Halide::cast(to, value);
  Halide::Func cast("cast");
  cast(halideArgs(vars)) = value;
  return cast;
}

FailureOr<Halide::Func> buildClip(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Expr value = x->func(halideArgs(vars));
  std::vector<Halide::Expr> scalar;
  if (const HalideValue *low = request.operand(1))
    value = Halide::max(value, low->func(scalar));
  if (const HalideValue *high = request.operand(2))
    value = Halide::min(value, high->func(scalar));
  Halide::Func clip("clip");
  clip(halideArgs(vars)) = value;
  return clip;
}

FailureOr<Halide::Func> buildGather(const KernelRequest &request) {
  const HalideValue *data = request.operand(0), *indices = request.operand(1);
  if (!data || !indices)
    return request.fail("missing input");
  int64_t dataRank = data->type.getRank(), indexRank = indices->type.getRank();
  int64_t axis = getIntAttr(request.op, "axis", 0);
  if (axis < 0)
    axis += dataRank;
  Halide::Expr size = data->dim(axis);
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  std::vector<Halide::Expr> indexArgs;
  for (int64_t d = axis + indexRank - 1; d >= axis; --d)
    indexArgs.push_back(vars[d]);
  Halide::Expr index = Halide::cast(Halide::Int(32), indices->func(indexArgs));
  index = Halide::clamp(Halide::select(index < 0, index + size, index), 0, Halide::max(size - 1, 0));
  std::vector<Halide::Expr> dataArgs;
  for (int64_t d = dataRank - 1; d >= 0; --d) {
    if (d < axis)
      dataArgs.push_back(vars[d]);
    else if (d == axis)
      dataArgs.push_back(index);
    else
      dataArgs.push_back(vars[d + indexRank - 1]);
  }
  Halide::Func gather("gather");
  gather(halideArgs(vars)) = data->func(dataArgs);
  return gather;
}

/// Slice: index arithmetic with the starts and steps the shape function
/// resolved (constants, or read from the operands at run time).
FailureOr<Halide::Func> buildSlice(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  std::vector<Halide::Expr> begin = request.aux("begin"), step = request.aux("step");
  if (static_cast<int64_t>(begin.size()) != rank || static_cast<int64_t>(step.size()) != rank)
    return request.fail("the sliced axes must be constants on CPU");
  for (int64_t d = 0; d < rank; ++d)
    if (!begin[d].defined() || !step[d].defined())
      return request.fail("starts, ends and steps must be known before the run");
  std::vector<Halide::Var> vars = tensorVars(rank);
  std::vector<Halide::Expr> args;
  for (int64_t d = rank - 1; d >= 0; --d) {
    Halide::Expr index = begin[d] + vars[d] * step[d];
    // Starts and steps known only at run time: clamped so that Halide can
    // bound the read (a no-op inside the slice; an empty slice may start
    // past the end).
    if (!Halide::Internal::is_const(begin[d]) || !Halide::Internal::is_const(step[d]))
      index = Halide::clamp(index, 0, Halide::max(x->dim(d) - 1, 0));
    args.push_back(index);
  }
  Halide::Func slice("slice");
  slice(halideArgs(vars)) = x->func(args);
  return slice;
}

FailureOr<Halide::Func> buildNot(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Func result("not");
  result(halideArgs(vars)) = Halide::cast(Halide::UInt(8), x->func(halideArgs(vars)) == 0);
  return result;
}

/// Dropout. Without training_mode (or with it false at run time) it is the
/// identity with an all-true mask; in training mode each element is kept
/// with probability 1 - ratio (Halide's per-coordinate random numbers, seeded
/// by the `seed` attribute) and scaled by 1 / (1 - ratio).
FailureOr<Halide::Func> buildDropout(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  std::vector<Halide::Expr> scalar;
  Halide::Type type = elementTypeOf(*x);
  Halide::Expr value = x->func(halideArgs(vars));
  Halide::Expr keep = Halide::cast(Halide::UInt(8), 1);
  if (const HalideValue *training = request.operand(2)) {
    Halide::Expr ratio = request.operand(1)
                             ? Halide::cast(Halide::Float(32), request.operand(1)->func(scalar))
                             : Halide::Expr(0.5f);
    Halide::Expr on = training->func(scalar) != 0;
    Halide::Expr seed = static_cast<int>(getIntAttr(request.op, "seed", 0));
    Halide::Expr kept = !on || Halide::random_float(seed) >= ratio;
    Halide::Expr scale = Halide::select(on, 1.0f / Halide::max(1.0f - ratio, 1e-30f), 1.0f);
    Halide::Expr scaled = type.is_float() ? value * Halide::cast(type, scale)
                                          : Halide::cast(type, Halide::cast(Halide::Float(32), value) * scale);
    value = Halide::select(kept, scaled, Halide::cast(type, 0));
    keep = Halide::cast(Halide::UInt(8), kept);
  }
  Halide::Func dropout("dropout");
  dropout(halideArgs(vars)) = value;
  if (request.op->getNumResults() > 1 && request.resultType(1)) {
    Halide::Func mask("dropout_mask");
    mask(halideArgs(vars)) = keep;
    request.defineResult(1, mask);
  }
  return dropout;
}

/// Expand: the input broadcast to the result shape.
FailureOr<Halide::Func> buildExpand(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Func expand("expand");
  expand(halideArgs(vars)) = broadcastRead(*x, vars, request.result);
  return expand;
}

/// Tile: each result coordinate read modulo the input's extent.
FailureOr<Halide::Func> buildTile(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  std::vector<Halide::Var> vars = tensorVars(rank);
  std::vector<Halide::Expr> args;
  for (int64_t d = rank - 1; d >= 0; --d)
    args.push_back(vars[d] % Halide::max(1, x->dim(d)));
  Halide::Func tile("tile");
  tile(halideArgs(vars)) = x->func(args);
  return tile;
}

/// Split: result i is the slice along `axis` that starts where result i-1
/// ends; the sizes are the results' dims, which the shape function derived
/// from `split` or the number of outputs.
FailureOr<Halide::Func> buildSplit(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  int64_t axis = getIntAttr(request.op, "axis", 0);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank)
    return request.fail("axis out of range");
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Func first;
  Halide::Expr offset = 0;
  for (unsigned i = 0; i < request.op->getNumResults(); ++i) {
    std::vector<Halide::Expr> dims = request.resultDims(i);
    if (static_cast<int64_t>(dims.size()) != rank || !dims[axis].defined())
      return request.fail("every result needs a size along the axis known before the run");
    std::vector<Halide::Expr> at(vars.begin(), vars.end());
    at[axis] = vars[axis] + offset;
    Halide::Func part("split" + std::to_string(i));
    part(halideArgs(vars)) = x->func(std::vector<Halide::Expr>(at.rbegin(), at.rend()));
    if (i == 0)
      first = part;
    else
      request.defineResult(i, part);
    offset = offset + dims[axis];
  }
  return first;
}

} // namespace

void mlir::hone::cpu::registerTensorKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  for (const char *op : {"Reshape", "Flatten", "Squeeze", "Unsqueeze"})
    add(op, buildReshapeLike);
  add("Transpose", buildTranspose);
  add("Split", buildSplit);
  add("Concat", buildConcat);
  add("Equal", comparison<EqualTo>());
  add("Less", comparison<LessThan>());
  add("Greater", comparison<GreaterThan>());
  add("LessOrEqual", comparison<LessOrEqual>());
  add("GreaterOrEqual", comparison<GreaterOrEqual>());
  add("Not", buildNot);
  add("CastLike", buildCast);
  add("Dropout", buildDropout);
  add("Expand", buildExpand);
  add("Tile", buildTile);
  add("Where", buildWhere);
  add("Cast", buildCast);
  add("Clip", buildClip);
  add("Gather", buildGather);
  add("Slice", buildSlice);
}
