//===- HalidePadKernel.cpp - Pad in its three modes -----------------------===//
//
// Each result coordinate reads the input at itself minus the leading pad:
// inside, the element; outside, the constant (mode constant), the nearest
// edge element (edge), or the element mirrored without repeating the edge
// (reflect, numpy's rule also for pads wider than the dim). The pads are
// the shape function's values: constants, or read at run time.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

FailureOr<Halide::Func> buildPad(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  std::optional<SmallVector<DimExpr>> pads = request.shapes.getIntValues(1);
  if (!pads || static_cast<int64_t>(pads->size()) != 2 * rank)
    return request.fail("the pads must be known before the run");
  StringRef mode = getStrAttr(request.op, "mode", "constant");
  if (mode != "constant" && mode != "edge" && mode != "reflect")
    return request.fail("unknown mode '" + mode.str() + "'");
  Halide::Type type = elementTypeOf(*x);
  Halide::Expr fill = Halide::cast(type, 0);
  // An empty constant_value means the default, as in onnxruntime.
  const HalideValue *value = request.operand(2);
  if (value && !(value->type.hasStaticShape() && value->type.getNumElements() == 0))
    fill = Halide::cast(type, value->func(std::vector<Halide::Expr>(value->type.getRank(), 0)));
  std::vector<Halide::Var> vars = tensorVars(rank);
  std::vector<Halide::Expr> at(rank);
  Halide::Expr inside = Halide::Internal::const_true();
  for (int64_t d = 0; d < rank; ++d) {
    Halide::Expr size = x->dim(d);
    Halide::Expr i = vars[d] - Halide::cast(Halide::Int(32), request.lower((*pads)[d]));
    Halide::Expr last = Halide::max(size - 1, 0);
    if (mode == "reflect") {
      Halide::Expr period = Halide::max(2 * (size - 1), 1);
      Halide::Expr m = i % period; // Halide's modulo is never negative
      // Clamped only so that Halide can bound the read (a no-op).
      at[d] = Halide::clamp(Halide::select(size <= 1, 0, Halide::select(m < size, m, period - m)),
                            0, last);
    } else {
      at[d] = Halide::clamp(i, 0, last);
    }
    inside = inside && i >= 0 && i < size;
  }
  Halide::Expr read = x->func(halideArgs(at));
  Halide::Func pad("pad");
  pad(halideArgs(vars)) = mode == "constant" ? Halide::select(inside, read, fill) : read;
  return pad;
}

} // namespace

void mlir::hone::cpu::registerPadKernelBuilder(void (*add)(const char *, KernelBuilder)) {
  add("Pad", buildPad);
}
