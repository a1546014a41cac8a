//===- ElementwiseVariadic.cpp - Sum, Mean, Max and Min -------------------===//
//
// Any number of inputs of one element type, broadcast together
// (multidirectionally). Each output element folds its inputs in order:
// floats in double, rounded once at the end; signed integers in int64 and
// unsigned ones in uint64.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/ElementwiseFamily.h"
#include "compiler/reference/kernels/KernelSupport.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace hone::ref {
namespace {

/// How to combine two values, per arithmetic kind; null means the op does
/// not take that kind.
struct FoldFns {
  std::function<double(double, double)> onFloat;
  std::function<int64_t(int64_t, int64_t)> onSigned;
  std::function<uint64_t(uint64_t, uint64_t)> onUnsigned;
};

/// Checks the inputs and computes the broadcast shape of all of them.
Status checkVariadicInputs(KernelContext &ctx, unsigned allowed,
                           std::vector<const Tensor *> &inputs, Shape &shape) {
  if (ctx.numInputs() == 0)
    return ctx.error("expected at least one input");
  for (size_t i = 0; i < ctx.numInputs(); ++i) {
    const Tensor *x;
    if (Status s = requireInput(ctx, i, x); !s)
      return s;
    if (Status s = checkSameType(ctx, *ctx.input(0), *x); !s)
      return s;
    inputs.push_back(x);
  }
  if (Status s = checkTypeIn(ctx, *inputs[0], allowed, "input"); !s)
    return s;
  shape = inputs[0]->shape();
  for (const Tensor *x : inputs) {
    Shape next;
    if (!broadcastShapes(shape, x->shape(), next))
      return ctx.error("cannot broadcast " + shapeToString(shape) + " with " +
                       shapeToString(x->shape()));
    shape = next;
  }
  return checkShape(ctx, shape);
}

/// Folds every input into one output with `fns`; Mean then divides by the
/// number of inputs.
Status foldInputs(KernelContext &ctx, const FoldFns &fns, bool mean) {
  unsigned allowed = (fns.onFloat ? unsigned(kFloatTypes) : 0u) |
                     (fns.onSigned ? unsigned(kSignedTypes) : 0u) |
                     (fns.onUnsigned ? unsigned(kUnsignedTypes) : 0u);
  std::vector<const Tensor *> inputs;
  Shape shape;
  if (Status s = checkVariadicInputs(ctx, allowed, inputs, shape); !s)
    return s;
  std::vector<std::vector<int64_t>> maps;
  for (const Tensor *x : inputs)
    maps.push_back(broadcastIndexMap(x->shape(), shape));
  TypeSet kind = typeSetOf(inputs[0]->dtype());
  Tensor out(inputs[0]->dtype(), shape);
  for (int64_t i = 0; i < out.numel(); ++i) {
    if (kind == kFloatTypes) {
      double acc = inputs[0]->getDouble(maps[0][i]);
      for (size_t k = 1; k < inputs.size(); ++k)
        acc = fns.onFloat(acc, inputs[k]->getDouble(maps[k][i]));
      out.setDouble(i, mean ? acc / static_cast<double>(inputs.size()) : acc);
    } else if (kind == kUnsignedTypes) {
      uint64_t acc = inputs[0]->getUInt(maps[0][i]);
      for (size_t k = 1; k < inputs.size(); ++k)
        acc = fns.onUnsigned(acc, inputs[k]->getUInt(maps[k][i]));
      out.setUInt(i, acc);
    } else {
      int64_t acc = inputs[0]->getInt(maps[0][i]);
      for (size_t k = 1; k < inputs.size(); ++k)
        acc = fns.onSigned(acc, inputs[k]->getInt(maps[k][i]));
      out.setInt(i, acc);
    }
  }
  ctx.setOutput(0, std::move(out));
  return Status::success();
}

double add(double a, double b) { return a + b; }
// NaN wins in Max and Min, as in numpy's maximum and minimum.
double maxOf(double a, double b) { return std::isnan(a) || std::isnan(b) ? NAN : std::max(a, b); }
double minOf(double a, double b) { return std::isnan(a) || std::isnan(b) ? NAN : std::min(a, b); }

} // namespace

void registerVariadicKernels() {
  // The schemas give Sum and Mean float types only.
  registerKernel("Sum", [](KernelContext &ctx) {
    return foldInputs(ctx, {add, nullptr, nullptr}, false);
  });
  registerKernel("Mean", [](KernelContext &ctx) {
    return foldInputs(ctx, {add, nullptr, nullptr}, true);
  });
  registerKernel("Max", [](KernelContext &ctx) {
    return foldInputs(ctx, {maxOf, [](int64_t a, int64_t b) { return std::max(a, b); },
                            [](uint64_t a, uint64_t b) { return std::max(a, b); }},
                      false);
  });
  registerKernel("Min", [](KernelContext &ctx) {
    return foldInputs(ctx, {minOf, [](int64_t a, int64_t b) { return std::min(a, b); },
                            [](uint64_t a, uint64_t b) { return std::min(a, b); }},
                      false);
  });
}

} // namespace hone::ref
