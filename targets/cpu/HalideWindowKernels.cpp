//===- HalideWindowKernels.cpp - Convolutions and pools over N-D windows --===//
//
// Conv, ConvTranspose, MaxPool (with its Indices), AveragePool, LpPool and
// the global pools, for any number of spatial dims. The window's pads
// (auto_pad SAME_UPPER/SAME_LOWER/VALID included) are the op's shape
// function's (its aux values), as are the result's extents, so ceil_mode
// needs nothing here; they are constants for static shapes and computed at
// run time otherwise. Every kernel reads its input only inside its bounds:
// padding is a boundary condition over the operand's extents.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/ConstantLayouts.h"
#include "targets/cpu/HalideKernels.h"
#include "targets/cpu/Schedules.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// Input channels per block of a convolution's blocked schedule (small
/// maps, see scheduledContraction): 64 channels of 3x3 taps of a 32-lane
/// tile are 72 KiB of weights, read by every tile of the map from L2.
constexpr int kConvReductionBlock = 64;

/// `value` with `padValue` outside its extents.
Halide::Func withBoundary(const HalideValue &value, Halide::Expr padValue) {
  Halide::Region bounds;
  for (int64_t d = value.type.getRank() - 1; d >= 0; --d)
    bounds.push_back({0, value.dim(d)});
  return Halide::BoundaryConditions::constant_exterior(value.func, padValue, bounds);
}

/// `value` ([N, C, rows, spatial...]) with `padValue` outside its extents,
/// for a copy computed a row at a time: the columns (and deeper spatial
/// dims) bordered by a boundary condition, whose loop Halide splits into
/// the border and a dense interior; the rows by a factor per row, 1 inside
/// and 0 outside, times the nearest row. A boundary over rows and columns
/// (or a select per row, which Halide merges with the columns' select)
/// folds both conditions into each vector's, which defeats that split:
/// every vector a clamped gather (measured: a third of mobilenet_v2's
/// first expansion block). The factor makes a border row NaN, not 0,
/// where the nearest row holds an infinity or a NaN; the output those
/// border taps reach reads that row through its interior taps too.
///
/// With columns known only at run time Halide cannot split that loop (its
/// border vectors gather: twice the whole copy's time on cnn_dyn's small
/// maps). A 4-D value's row then takes `padValue` everywhere and its
/// interior copied over it (as zeroPadded, a row at a time): dense vectors
/// whatever the width.
Halide::Func rowBordered(const HalideValue &value, Halide::Expr padValue) {
  int64_t rank = value.type.getRank();
  if (rank == 4 && value.type.isDynamicDim(3)) {
    std::vector<Halide::Var> vars = tensorVars(rank);
    Halide::Expr row = vars[2];
    Halide::Func bordered("row_padded");
    bordered(halideArgs(vars)) = padValue;
    Halide::RDom columns(0, value.dim(3));
    std::vector<Halide::Expr> at(vars.begin(), vars.end()), from(vars.begin(), vars.end());
    at[3] = from[3] = columns.x;
    from[2] = Halide::clamp(row, 0, value.dim(2) - 1);
    std::reverse(at.begin(), at.end()); // Halide order
    std::reverse(from.begin(), from.end());
    bordered(at) = value.func(from) * Halide::cast(padValue.type(), row >= 0 && row < value.dim(2));
    bordered.update().vectorize(columns.x, kVectorLanes, Halide::TailStrategy::GuardWithIf);
    return bordered;
  }
  Halide::Region bounds;
  for (int64_t d = rank - 1; d >= 0; --d)
    bounds.push_back(d >= 3 ? Halide::Range(0, value.dim(d)) : Halide::Range());
  Halide::Func columns = Halide::BoundaryConditions::constant_exterior(value.func, padValue, bounds);
  std::vector<Halide::Var> vars = tensorVars(rank);
  std::vector<Halide::Expr> at(vars.begin(), vars.end());
  Halide::Expr row = vars[2];
  at[2] = Halide::clamp(row, 0, value.dim(2) - 1);
  Halide::Func bordered("row_bordered");
  Halide::Expr inside = Halide::cast(padValue.type(), row >= 0 && row < value.dim(2));
  bordered(halideArgs(vars)) = columns(halideArgs(at)) * inside;
  return bordered;
}

/// `value` with zeros around it, computed once for a kernel that reads it
/// many times (a convolution's taps): zeros everywhere, then the input
/// copied in by rows. Both loops are dense vectors whatever the extents;
/// a select between the input and zero per element would leave a clamp and
/// a select in every vector wherever the extents are known only at run time.
Halide::Func zeroPadded(const HalideValue &value) {
  int64_t rank = value.type.getRank();
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Func padded("padded");
  padded(halideArgs(vars)) = Halide::cast(halideTypeOf(value.type.getElementType()), 0);
  Halide::Region interior; // Halide order
  for (int64_t d = rank - 1; d >= 0; --d)
    interior.push_back({0, value.dim(d)});
  Halide::RDom r(interior);
  std::vector<Halide::Expr> at;
  for (int d = 0; d < r.dimensions(); ++d)
    at.push_back(r[d]);
  padded(at) = value.func(at);
  // Zeros: vectors along the innermost dim, rows in parallel. The copy:
  // vectors along the input's rows, every outer dim in parallel (each
  // element is written by one iteration: no race).
  bool dynamic = !value.type.hasStaticShape();
  int64_t elements = dynamic ? kParallelThreshold : value.type.getNumElements();
  computeOnceParallel(padded, elements, dynamic);
  Halide::Stage copy = padded.update();
  copy.vectorize(r[0], kVectorLanes, Halide::TailStrategy::GuardWithIf);
  if (elements >= kParallelThreshold) {
    std::vector<Halide::VarOrRVar> loops;
    for (int d = 0; d < r.dimensions(); ++d)
      loops.push_back(r[d]);
    parallelOuter(copy, loops, dynamic);
  }
  return padded;
}

bool isConstant(const Halide::Expr &e, int64_t value) {
  const int64_t *known = Halide::Internal::as_const_int(e);
  return known && *known == value;
}

/// The geometry of a window op over `spatial` dims: kernel extents (from
/// the weights or kernel_shape), strides and dilations (attributes), and the
/// pads the op's shape function resolved (auto_pad included), as Halide
/// expressions: constants where the shapes are static.
struct Window {
  std::vector<Halide::Expr> kernel, padBegin, padEnd;
  SmallVector<int64_t> strides, dilations;
};

FailureOr<Window> resolveWindow(const KernelRequest &request, std::vector<Halide::Expr> kernel) {
  Operation *op = request.op;
  size_t spatial = kernel.size();
  Window w;
  w.kernel = std::move(kernel);
  w.strides = getIntsAttr(op, "strides", SmallVector<int64_t>(spatial, 1));
  w.dilations = getIntsAttr(op, "dilations", SmallVector<int64_t>(spatial, 1));
  w.padBegin = request.aux("pad_begin");
  w.padEnd = request.aux("pad_end");
  if (w.strides.size() != spatial || w.dilations.size() != spatial ||
      w.padBegin.size() != spatial || w.padEnd.size() != spatial) {
    (void)request.fail("strides, dilations and pads must match the kernel's " +
                       std::to_string(spatial) + " spatial dims");
    return failure();
  }
  for (size_t i = 0; i < spatial; ++i)
    if (!w.padBegin[i].defined() || !w.padEnd[i].defined()) {
      (void)request.fail("the window's pads must be known before the run");
      return failure();
    }
  return w;
}

/// The operands and window of a (transposed) convolution: X [N, C, spatial],
/// W [., ., kernel...] and optional B.
struct ConvOperands {
  const HalideValue *x, *w, *b;
  int64_t rank;
  Window window;
};

FailureOr<ConvOperands> convOperands(const KernelRequest &request) {
  const HalideValue *x = request.operand(0), *w = request.operand(1);
  if (!x || !w) {
    (void)request.fail("missing input");
    return failure();
  }
  int64_t rank = x->type.getRank();
  if (rank < 3 || w->type.getRank() != rank) {
    (void)request.fail("expected input and weights of the same rank >= 3");
    return failure();
  }
  std::vector<Halide::Expr> kernel;
  for (int64_t d = 2; d < rank; ++d)
    kernel.push_back(w->dim(d));
  FailureOr<Window> window = resolveWindow(request, kernel);
  if (failed(window))
    return failure();
  return ConvOperands{x, w, request.operand(2), rank, *window};
}

/// Whether a Conv is pointwise: 1x1 taps, unit strides, no padding, one
/// group, so that its spatial dims are one dense dim of input and output.
bool isPointwise(const ConvOperands &operands, int64_t group) {
  const Window &w = operands.window;
  auto all = [](ArrayRef<Halide::Expr> v, int64_t value) {
    return llvm::all_of(v, [&](const Halide::Expr &e) { return isConstant(e, value); });
  };
  return group == 1 && all(w.kernel, 1) && all(w.padBegin, 0) && all(w.padEnd, 0) &&
         llvm::all_of(w.strides, [](int64_t s) { return s == 1; });
}

/// A pointwise Conv as the product of its weights [M, C] with the input
/// viewed as [N, C, S] (S: the spatial dims flattened): the result is
/// defined over the view [N, M, S], so its tiles run along all of S with
/// full vectors however narrow each spatial dim is (a 7x7 map is one dim
/// of 49). The input is read at coordinates recovered from s; with the
/// buffers' constant strides the address folds back to s, a dense load.
FailureOr<Halide::Func> buildPointwiseConv(const KernelRequest &request, const ConvOperands &operands) {
  const HalideValue *x = operands.x, *w = operands.w, *b = operands.b;
  int64_t rank = operands.rank;
  int64_t n = x->type.getDimSize(0), c = x->type.getDimSize(1), m = w->type.getDimSize(0);
  Halide::Var s("s"), oc("oc"), batch("n");
  Halide::RDom r(0, asInt(c));
  std::vector<Halide::Expr> in; // Halide order: spatial innermost first
  Halide::Expr rest = s;
  int64_t spatial = 1;
  for (int64_t d = rank - 1; d >= 2; --d) {
    int64_t extent = x->type.getDimSize(d);
    spatial *= extent;
    in.push_back(d == 2 ? rest : rest % asInt(extent));
    rest = rest / asInt(extent);
  }
  in.push_back(r.x);
  in.push_back(batch);
  std::vector<Halide::Expr> weight(rank - 2, Halide::Expr(0));
  weight.push_back(r.x);
  weight.push_back(oc);
  Halide::Type type = halideTypeOf(x->type.getElementType());
  request.resultView = RankedTensorType::get({n, m, spatial}, request.result.getElementType());
  return scheduledContraction("conv1x1", {s, oc, batch}, {spatial, m, n},
                              b ? b->func(oc) : Halide::cast(type, 0), r,
                              w->func(weight) * x->func(in), request.matrixTile(), /*rowVar=*/1,
                              tileOrderFor(w->type.getNumElements(), x->type.getNumElements() / n), {},
                              {}, request.strip);
}

/// Elements (32-bit) of an output channel plane whose multiples the channel
/// tile's stores alias in the L1 cache: 2 KiB.
constexpr int kAliasedPlane = 512;

/// A convolution `init + sum over r of term` over the result's `vars`
/// (tensor order: N, M, spatial...), tiled along its output channels (the
/// vectors) by the pixels of its innermost spatial dim (the tile's rows),
/// stored in the result's own order. `inputElements` and `weightElements`
/// (dynamic: < 0) order the tiles: the larger operand's tile stays in cache.
FailureOr<Halide::Func> buildChannelVectorizedConv(const KernelRequest &request,
                                                   const std::vector<Halide::Var> &vars, Halide::Expr init,
                                                   const Halide::RDom &r, Halide::Expr term,
                                                   int64_t inputElements, int64_t weightElements) {
  int64_t rank = static_cast<int64_t>(vars.size());
  std::vector<Halide::Var> stored(vars.rbegin(), vars.rend()); // Halide order
  std::vector<int64_t> storedExtents = request.halideExtents();
  std::vector<Halide::Expr> storedExprs = request.halideExtentExprs();
  // The tile's order: channels, the spatial dims innermost first, the batch.
  std::vector<size_t> from{static_cast<size_t>(rank - 2)};
  for (int64_t i = 0; i + 2 < rank; ++i)
    from.push_back(static_cast<size_t>(i));
  from.push_back(static_cast<size_t>(rank - 1));
  std::vector<Halide::Var> tileVars;
  std::vector<int64_t> extents;
  std::vector<Halide::Expr> exprs;
  for (size_t i : from) {
    tileVars.push_back(stored[i]);
    if (i < storedExtents.size())
      extents.push_back(storedExtents[i]);
    if (i < storedExprs.size())
      exprs.push_back(storedExprs[i]);
  }
  StripSchedule strip = request.strip;
  if (strip.role == StripSchedule::Role::Root)
    strip.dim = std::find(from.begin(), from.end(), strip.dim) - from.begin();
  TileOrder order = inputElements < 0 ? TileOrder::LanesOutermost : tileOrderFor(inputElements, weightElements);
  // Each tile stores its vectors across `lanes` channel planes of the
  // result. Planes a multiple of 2 KiB apart fall in the same few sets of
  // the L1 cache (its index is address bits 6-11), more lines than its ways:
  // each tile's stores then miss (cnn_dyn's second Conv at 480x640, planes
  // of 240x320: 4.9x slower than at the same work on other maps). There the
  // tile takes half the lanes and twice the rows (as many accumulators):
  // half the planes, and whole cache lines of each. A static map decides
  // when the kernel is compiled, a run-time one when it runs.
  TileShape tile = request.channelTile();
  TileShape aligned = tile;
  aligned.channelLanes = aligned.lanes = std::max(tile.channelLanes / 2, 1);
  aligned.channelRows = aligned.rows = tile.channelRows * 2;
  Halide::Expr plane = 1;
  int64_t staticPlane = 1;
  for (size_t i = 1; i + 1 < extents.size(); ++i) {
    plane = plane * (i < exprs.size() ? exprs[i] : Halide::Expr(static_cast<int>(extents[i])));
    staticPlane = extents[i] < 0 || staticPlane < 0 ? -1 : staticPlane * extents[i];
  }
  std::vector<TileChoice> choices;
  if (staticPlane > 0 && staticPlane % kAliasedPlane == 0)
    tile = aligned;
  else if (staticPlane < 0 && exprs.size() == extents.size())
    choices.push_back({plane % kAliasedPlane == 0, aligned.lanes, aligned.rows});
  return scheduledContraction("conv", tileVars, extents, init, r, term, tile, /*rowVar=*/1, order, exprs,
                              request.takeEpilogue(), strip, stored, kConvReductionBlock, choices);
}

FailureOr<Halide::Func> buildConv(const KernelRequest &request) {
  FailureOr<ConvOperands> operands = convOperands(request);
  if (failed(operands))
    return failure();
  const HalideValue *x = operands->x, *w = operands->w, *b = operands->b;
  int64_t rank = operands->rank;
  Window *window = &operands->window;
  int64_t group = std::max<int64_t>(getIntAttr(request.op, "group", 1), 1);
  // A pointwise Conv vectorized along its columns runs over its flattened
  // map (static shapes) where the columns are narrower than a vector, or
  // where no ops follow it in its kernel: its view of the result takes no
  // epilogue (a flattened dim read back in rows would widen the tile's
  // region to whole rows), and an epilogue run as its own pass over the
  // result costs more than the vectors' tails (16-lane tiles over 28 or 56
  // columns recompute 4 or 8 of them). Vectorized along its channels it
  // runs over its own dims.
  bool channelVectors = w->layout == channelsInnermost(rank) && !request.strip.channelTasks;
  bool narrow = rank > 2 && x->type.getDimSize(rank - 1) < request.tile.lanes;
  bool offered = request.epilogue && *request.epilogue;
  if (isPointwise(*operands, group) && x->type.hasStaticShape() && w->type.hasStaticShape() && !channelVectors &&
      (narrow || !offered))
    return buildPointwiseConv(request, *operands);
  Halide::Expr m = w->dim(0), cg = w->dim(1);
  Halide::Expr mg = m / static_cast<int>(group);
  // The padded input is copied once (a boundary condition in the inner loop
  // would turn every load into a clamp and a select).
  bool hasPads = llvm::any_of(window->padBegin, [](const Halide::Expr &p) { return !isConstant(p, 0); }) ||
                 llvm::any_of(window->padEnd, [](const Halide::Expr &p) { return !isConstant(p, 0); });
  Halide::Func padded = x->func;
  if (hasPads && request.strip.rowFuncs &&
      (request.strip.readsStrip || (request.strip.role != StripSchedule::Role::None && x->type.hasStaticShape()))) {
    // An input computed row by row inside a strip, or of static shape and
    // read by an op of the strips, is padded row by row: a copy with its
    // border at the root's rows, whose loops Halide splits into the border
    // and a dense interior (a few rows live at a time, not a whole padded
    // copy). An input of run-time shape is copied whole: padded by rows,
    // cnn_dyn's dynamic library took 1.06 of its static ones' time rather
    // than 1.02-1.03 (paired, one thread), for 0.37 of ORT's working
    // memory rather than 0.46 at 96x160.
    padded = rowBordered(*x, Halide::cast(halideTypeOf(x->type.getElementType()), 0));
    std::vector<int64_t> extents;
    for (int64_t d = rank - 1; d >= 0; --d) {
      int64_t extent = x->type.getDimSize(d);
      if (ShapedType::isDynamic(extent)) {
        extents.push_back(-1);
        continue;
      }
      if (d >= 2) {
        const int64_t *begin = Halide::Internal::as_const_int(window->padBegin[d - 2]);
        const int64_t *end = Halide::Internal::as_const_int(window->padEnd[d - 2]);
        extent += (begin ? *begin : 0) + (end ? *end : 0);
      }
      extents.push_back(extent);
    }
    scheduleInRow(padded, extents);
    request.strip.rowFuncs->push_back(padded);
  } else if (hasPads) {
    padded = zeroPadded(*x);
  }
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Region region{{0, cg}};
  for (const Halide::Expr &k : window->kernel)
    region.push_back({0, k});
  Halide::RDom r(region);
  Halide::Expr oc = vars[1];
  // Without groups the input channel is the reduction's own: written
  // without oc, every output channel of a tile shares the input vector.
  Halide::Expr channel = group == 1 ? Halide::Expr(r[0]) : (oc / mg) * cg + r[0];
  std::vector<Halide::Expr> in{vars[0], channel};
  std::vector<Halide::Expr> weight{oc, r[0]};
  for (int64_t i = 0; i + 2 < rank; ++i) {
    in.push_back(vars[2 + i] * asInt(window->strides[i]) - window->padBegin[i] +
                 r[1 + i] * asInt(window->dilations[i]));
    weight.push_back(r[1 + i]);
  }
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Expr init = b ? b->func(oc) : Halide::cast(type, 0);
  Halide::Expr term = w->func(halideArgs(weight)) * padded(halideArgs(in));
  // Weights stored with their output channels innermost (ConstantLayouts.h):
  // the tile's vectors run along the output channels, each tap's weights one
  // vector load, each output pixel's input one broadcast. Every vector is
  // full however narrow or strided the map (a 7x7 map fills 7 of 16 lanes
  // along its columns; a strided input would be gathered). Not with channel
  // tasks, whose blocks are fewer channels than a tile.
  if (channelVectors)
    return buildChannelVectorizedConv(request, vars, init, r, term,
                                      x->type.hasStaticShape() ? x->type.getNumElements() : -1,
                                      w->type.getNumElements());
  bool weightsLarger = x->type.hasStaticShape() && w->type.hasStaticShape() &&
                       w->type.getNumElements() > x->type.getNumElements();
  // Columns that fill the matrix tile's vectors take it (a dense Conv's
  // taps share their input vector across the tile's output channels).
  // Columns known only at run time take it too: the kernel is specialized
  // on the widest of its lanes, halves and quarters that they fill.
  int64_t columns = request.result.getDimSize(rank - 1);
  TileShape tile = group == 1 && (ShapedType::isDynamic(columns) || columns >= request.tile.matrixLanes)
                       ? request.matrixTile()
                       : request.tile;
  // A grouped convolution over a run-time map: its tile's rows are output
  // channels, each reading its own input plane, whose base addresses are
  // run-time multiples of the plane (the static map's are constant offsets
  // from one): eight of them spilled. Two vectors along the columns by a
  // quarter of the rows reads two planes (cnn_dyn's depthwise convolutions,
  // dynamic/static paired: 1.09 -> 1.05 at 224x224, 1.08 -> 1.04 at
  // 96x160, 1.06 -> 0.98 at 480x640; 64 x 2 the same, 128 x 1 and 64 x 4
  // slower).
  if (group > 1 && !x->type.hasStaticShape()) {
    tile.lanes = 2 * request.tile.lanes;
    tile.rows = std::max(1, request.tile.rows / 4);
  }
  return scheduledContraction("conv", std::vector<Halide::Var>(vars.rbegin(), vars.rend()),
                              request.halideExtents(), init, r, term, tile,
                              /*rowVar=*/static_cast<size_t>(rank - 2),
                              weightsLarger ? TileOrder::RowsOutermost : TileOrder::LanesInnermost,
                              request.halideExtentExprs(), request.takeEpilogue(), request.strip);
}

/// ConvTranspose as a gather: output o along a dim receives input i at tap
/// k where o + pad = i * stride + k * dilation, so each output sums the taps
/// whose input coordinate is integral and inside the input.
FailureOr<Halide::Func> buildConvTranspose(const KernelRequest &request) {
  FailureOr<ConvOperands> operands = convOperands(request);
  if (failed(operands))
    return failure();
  const HalideValue *x = operands->x, *w = operands->w, *b = operands->b;
  int64_t rank = operands->rank;
  Window *window = &operands->window;
  int64_t group = std::max<int64_t>(getIntAttr(request.op, "group", 1), 1);
  Halide::Expr mg = w->dim(1);
  Halide::Expr cinPerGroup = x->dim(1) / static_cast<int>(group);
  Halide::Func padded = withBoundary(*x, Halide::cast(halideTypeOf(x->type.getElementType()), 0));
  std::vector<Halide::Var> vars = tensorVars(rank);
  Halide::Region region{{0, cinPerGroup}};
  for (const Halide::Expr &k : window->kernel)
    region.push_back({0, k});
  Halide::RDom r(region);
  Halide::Expr oc = vars[1];
  Halide::Expr g = oc / mg;
  Halide::Expr ic = g * cinPerGroup + r[0];
  std::vector<Halide::Expr> in{vars[0], ic};
  std::vector<Halide::Expr> weight{ic, oc % mg};
  Halide::Expr valid = Halide::Internal::const_true();
  for (int64_t i = 0; i + 2 < rank; ++i) {
    Halide::Expr offset = vars[2 + i] + window->padBegin[i] - r[1 + i] * asInt(window->dilations[i]);
    int stride = asInt(window->strides[i]);
    // Floor division keeps negative offsets out of range instead of
    // aliasing them onto input 0.
    valid = valid && offset >= 0 && offset % stride == 0;
    in.push_back(Halide::select(offset >= 0, offset / stride, -1));
    weight.push_back(r[1 + i]);
  }
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Expr tap = Halide::select(valid, w->func(halideArgs(weight)) * padded(halideArgs(in)),
                                    Halide::cast(type, 0));
  Halide::Expr acc = Halide::sum(tap);
  Halide::Func conv("conv_transpose");
  conv(halideArgs(vars)) = b ? acc + b->func(oc) : acc;
  return conv;
}

/// Input coordinates of a pool tap and whether it lies inside the input
/// (or, with `countPad`, inside the explicitly padded extent).
struct PoolTaps {
  Halide::RDom r;
  std::vector<Halide::Expr> in; // tensor order
  Halide::Expr inside, insidePadded;
};

FailureOr<PoolTaps> poolTaps(const KernelRequest &request, const HalideValue &x,
                             ArrayRef<Halide::Var> vars, Window &window) {
  int64_t rank = x.type.getRank();
  Halide::Region region;
  for (const Halide::Expr &k : window.kernel)
    region.push_back({0, k});
  PoolTaps taps{Halide::RDom(region), {vars[0], vars[1]}, Halide::Internal::const_true(), Halide::Internal::const_true()};
  for (int64_t i = 0; i + 2 < rank; ++i) {
    Halide::Expr coordinate = vars[2 + i] * asInt(window.strides[i]) - window.padBegin[i] +
                              taps.r[i] * asInt(window.dilations[i]);
    Halide::Expr extent = x.dim(2 + i);
    taps.in.push_back(coordinate);
    taps.inside = taps.inside && coordinate >= 0 && coordinate < extent;
    taps.insidePadded = taps.insidePadded && coordinate >= -window.padBegin[i] &&
                        coordinate < extent + window.padEnd[i];
  }
  return taps;
}

enum class PoolKind { Max, Average, Lp };

FailureOr<Halide::Func> buildPool(const KernelRequest &request, PoolKind kind) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  if (rank < 3)
    return request.fail("expected an input with spatial dims");
  std::optional<SmallVector<int64_t>> kernel = getIntsAttr(request.op, "kernel_shape");
  if (!kernel || static_cast<int64_t>(kernel->size()) != rank - 2)
    return request.fail("kernel_shape must have one entry per spatial dim");
  std::vector<Halide::Expr> extents;
  for (int64_t k : *kernel)
    extents.push_back(asInt(k));
  FailureOr<Window> window = resolveWindow(request, extents);
  if (failed(window))
    return failure();
  std::vector<Halide::Var> vars = tensorVars(rank);
  FailureOr<PoolTaps> taps = poolTaps(request, *x, vars, *window);
  if (failed(taps))
    return failure();
  Halide::Type type = halideTypeOf(x->type.getElementType());
  // Without pads and ceil_mode every tap lies inside the input (the shape
  // function's floor drops a partial last window): the kernel reads the
  // input itself. A boundary condition there costs a clamp and a select per
  // load that the simplifier removes only where it knows the extents.
  bool tapsInside = getIntAttr(request.op, "ceil_mode", 0) == 0 &&
                    llvm::all_of(window->padBegin, [](const Halide::Expr &p) { return isConstant(p, 0); }) &&
                    llvm::all_of(window->padEnd, [](const Halide::Expr &p) { return isConstant(p, 0); });
  auto withPad = [&](Halide::Expr padValue) { return tapsInside ? x->func : withBoundary(*x, padValue); };
  Halide::Func pool("pool");
  if (kind == PoolKind::Max) {
    Halide::Func padded = withPad(type.min());
    Halide::Expr tap = padded(halideArgs(taps->in));
    pool(halideArgs(vars)) = Halide::maximum(tap);
    if (request.op->getNumResults() > 1 && request.resultType(1) && request.resultUsed(1)) {
      // Indices: the first maximal tap's flat index into the input (row
      // major, or with storage_order 1 the spatial dims column major).
      Halide::Tuple best = Halide::argmax(Halide::select(taps->inside, tap, type.min()));
      bool columnMajor = getIntAttr(request.op, "storage_order", 0) != 0;
      Halide::Expr plane = 0;
      if (columnMajor) {
        for (int64_t i = rank - 3; i >= 0; --i) {
          Halide::Expr c = taps->in[2 + i];
          c = Halide::Internal::substitute(taps->r[i].name(), best[i], c);
          plane = plane * x->dim(2 + i) + c;
        }
      } else {
        for (int64_t i = 0; i + 2 < rank; ++i) {
          Halide::Expr c = Halide::Internal::substitute(taps->r[i].name(), best[i], taps->in[2 + i]);
          plane = plane * x->dim(2 + i) + c;
        }
      }
      Halide::Expr planeSize = Halide::Expr(int64_t(1));
      for (int64_t i = 2; i < rank; ++i)
        planeSize = planeSize * Halide::cast(Halide::Int(64), x->dim(i));
      Halide::Expr channel = Halide::cast(Halide::Int(64), vars[0]) * Halide::cast(Halide::Int(64), x->dim(1)) + vars[1];
      Halide::Func indices("max_pool_indices");
      indices(halideArgs(vars)) = channel * planeSize + Halide::cast(Halide::Int(64), plane);
      request.defineResult(1, indices);
    }
    return pool;
  }
  Halide::Func padded = withPad(Halide::cast(type, 0));
  Halide::Expr tap = padded(halideArgs(taps->in));
  if (kind == PoolKind::Lp) {
    double p = static_cast<double>(getIntAttr(request.op, "p", 2));
    pool(halideArgs(vars)) =
        Halide::pow(Halide::sum(Halide::pow(Halide::abs(tap), Halide::cast(type, Halide::Expr(p)))), Halide::cast(type, Halide::Expr(1.0 / p)));
    return pool;
  }
  // count_include_pad counts taps in the explicit padding, never past it.
  bool countPad = getIntAttr(request.op, "count_include_pad", 0) != 0;
  Halide::Expr count = Halide::sum(Halide::select(countPad ? taps->insidePadded : taps->inside, 1, 0));
  if (tapsInside) {
    count = 1;
    for (const Halide::Expr &k : window->kernel)
      count = count * k;
  }
  pool(halideArgs(vars)) = Halide::sum(tap) / Halide::cast(type, Halide::max(count, 1));
  return pool;
}

FailureOr<Halide::Func> buildGlobalPool(const KernelRequest &request, PoolKind kind) {
  const HalideValue *x = request.operand(0);
  if (!x || x->type.getRank() < 3)
    return request.fail("expected an input with spatial dims");
  int64_t rank = x->type.getRank();
  Halide::Region region;
  Halide::Expr count = 1;
  for (int64_t d = 2; d < rank; ++d) {
    region.push_back({0, x->dim(d)});
    count = count * x->dim(d);
  }
  Halide::RDom r(region);
  std::vector<Halide::Var> vars = tensorVars(rank);
  std::vector<Halide::Expr> in{vars[0], vars[1]};
  for (int64_t d = 2; d < rank; ++d)
    in.push_back(r[static_cast<int>(d - 2)]);
  Halide::Expr tap = x->func(halideArgs(in));
  Halide::Type type = halideTypeOf(x->type.getElementType());
  Halide::Func pool("global_pool");
  switch (kind) {
  case PoolKind::Max: pool(halideArgs(vars)) = Halide::maximum(tap); break;
  case PoolKind::Average: pool(halideArgs(vars)) = Halide::sum(tap) / Halide::cast(type, count); break;
  case PoolKind::Lp: {
    double p = static_cast<double>(getIntAttr(request.op, "p", 2));
    pool(halideArgs(vars)) =
        Halide::pow(Halide::sum(Halide::pow(Halide::abs(tap), Halide::cast(type, Halide::Expr(p)))), Halide::cast(type, Halide::Expr(1.0 / p)));
    break;
  }
  }
  return pool;
}

} // namespace

void mlir::hone::cpu::registerWindowKernelBuilders(void (*add)(const char *, KernelBuilder)) {
  add("Conv", buildConv);
  add("ConvTranspose", buildConvTranspose);
  add("MaxPool", [](const KernelRequest &r) { return buildPool(r, PoolKind::Max); });
  add("AveragePool", [](const KernelRequest &r) { return buildPool(r, PoolKind::Average); });
  add("LpPool", [](const KernelRequest &r) { return buildPool(r, PoolKind::Lp); });
  add("GlobalMaxPool", [](const KernelRequest &r) { return buildGlobalPool(r, PoolKind::Max); });
  add("GlobalAveragePool", [](const KernelRequest &r) { return buildGlobalPool(r, PoolKind::Average); });
  add("GlobalLpPool", [](const KernelRequest &r) { return buildGlobalPool(r, PoolKind::Lp); });
}
