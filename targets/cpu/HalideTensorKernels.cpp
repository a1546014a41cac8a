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

/// Reads `value` at the row-major flat index `flat` (static shape).
Halide::Expr readFlat(const HalideValue &value, Halide::Expr flat) {
  ArrayRef<int64_t> shape = value.type.getShape();
  std::vector<Halide::Expr> args;
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
    int size = static_cast<int>(shape[d]);
    args.push_back(flat % size);
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
  if (!x->type.hasStaticShape() || !request.result.hasStaticShape())
    return request.fail("only static shapes are supported on CPU yet");
  int64_t rank = request.result.getRank();
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Expr flat = 0;
  for (int64_t d = 0; d < rank; ++d)
    flat = flat * static_cast<int>(request.result.getDimSize(d)) + vars[d];
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
  int64_t offset = 0;
  std::vector<std::pair<int64_t, const HalideValue *>> parts;
  for (size_t i = 0; i < request.operands.size(); ++i) {
    const HalideValue *part = request.operand(i);
    if (!part || ShapedType::isDynamic(part->type.getDimSize(axis)))
      return request.fail("inputs must have a static size along the axis on CPU yet");
    parts.push_back({offset, part});
    offset += part->type.getDimSize(axis);
  }
  // Forward, so that the last part starting at or before the coordinate wins.
  for (auto it = parts.begin(); it != parts.end(); ++it) {
    std::vector<Halide::Expr> args;
    for (int64_t d = rank - 1; d >= 0; --d) {
      Halide::Expr index = vars[d];
      if (d == axis)
        index = Halide::clamp(index - static_cast<int>(it->first), 0,
                              static_cast<int>(it->second->type.getDimSize(axis)) - 1);
      args.push_back(index);
    }
    Halide::Expr read = it->second->func(args);
    value = value.defined()
                ? Halide::select(vars[axis] >= static_cast<int>(it->first), read, value)
                : read;
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
  int64_t size = data->type.getDimSize(axis);
  if (ShapedType::isDynamic(size))
    return request.fail("the gathered axis must be static on CPU yet");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  std::vector<Halide::Expr> indexArgs;
  for (int64_t d = axis + indexRank - 1; d >= axis; --d)
    indexArgs.push_back(vars[d]);
  Halide::Expr index = Halide::cast(Halide::Int(32), indices->func(indexArgs));
  index = Halide::clamp(Halide::select(index < 0, index + static_cast<int>(size), index), 0,
                        static_cast<int>(size) - 1);
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

/// Slice with constant starts, ends, axes and steps: index arithmetic.
FailureOr<Halide::Func> buildSlice(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  std::optional<SmallVector<int64_t>> starts = request.constantInts(1);
  std::optional<SmallVector<int64_t>> axes, steps;
  if (request.operand(3))
    axes = request.constantInts(3);
  if (request.operand(4))
    steps = request.constantInts(4);
  if (!starts || (request.operand(3) && !axes) || (request.operand(4) && !steps))
    return request.fail("starts, axes and steps must be constants on CPU yet");
  int64_t rank = x->type.getRank();
  std::vector<int64_t> begin(rank, 0), step(rank, 1);
  for (size_t i = 0; i < starts->size(); ++i) {
    int64_t axis = axes ? (*axes)[i] : static_cast<int64_t>(i);
    if (axis < 0)
      axis += rank;
    int64_t size = x->type.getDimSize(axis);
    int64_t s = steps ? (*steps)[i] : 1;
    if (ShapedType::isDynamic(size) || s == 0)
      return request.fail("sliced dims must be static on CPU yet");
    int64_t start = (*starts)[i];
    if (start < 0)
      start += size;
    start = s > 0 ? std::clamp<int64_t>(start, 0, size) : std::clamp<int64_t>(start, -1, size - 1);
    begin[axis] = start;
    step[axis] = s;
  }
  std::vector<Halide::Var> vars = tensorVars(rank);
  std::vector<Halide::Expr> args;
  for (int64_t d = rank - 1; d >= 0; --d)
    args.push_back(static_cast<int>(begin[d]) + vars[d] * static_cast<int>(step[d]));
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

/// Expand: the input broadcast to the (static) result shape.
FailureOr<Halide::Func> buildExpand(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x || !request.result.hasStaticShape())
    return request.fail("only static shapes are supported on CPU yet");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  Halide::Func expand("expand");
  expand(halideArgs(vars)) = broadcastRead(*x, vars, request.result);
  return expand;
}

/// Tile: each result coordinate read modulo the input's (static) extent.
FailureOr<Halide::Func> buildTile(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x || !x->type.hasStaticShape())
    return request.fail("only static shapes are supported on CPU yet");
  int64_t rank = x->type.getRank();
  std::vector<Halide::Var> vars = tensorVars(rank);
  std::vector<Halide::Expr> args;
  for (int64_t d = rank - 1; d >= 0; --d)
    args.push_back(vars[d] % static_cast<int>(std::max<int64_t>(1, x->type.getDimSize(d))));
  Halide::Func tile("tile");
  tile(halideArgs(vars)) = x->func(args);
  return tile;
}

/// Split: result i is the slice along `axis` that starts where result i-1
/// ends; the sizes come from the (static) result types, which the shape
/// function derived from `split` or num_outputs.
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
  int64_t offset = 0;
  for (unsigned i = 0; i < request.op->getNumResults(); ++i) {
    RankedTensorType type = request.resultType(i);
    if (!type || ShapedType::isDynamic(type.getDimSize(axis)))
      return request.fail("every result needs a static size along the axis on CPU yet");
    std::vector<Halide::Expr> at(vars.begin(), vars.end());
    at[axis] = vars[axis] + static_cast<int>(offset);
    Halide::Func part("split" + std::to_string(i));
    part(halideArgs(vars)) = x->func(std::vector<Halide::Expr>(at.rbegin(), at.rend()));
    if (i == 0)
      first = part;
    else
      request.defineResult(i, part);
    offset += type.getDimSize(axis);
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
