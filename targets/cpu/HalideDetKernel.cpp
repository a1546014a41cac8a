//===- HalideDetKernel.cpp - Determinants by LU with partial pivoting -----===//
//
// Det of [..., n, n] matrices as the reference evaluator computes it: in
// double, column by column, the row with the largest magnitude in the
// column becomes the pivot (the first of equals), a swap flips the sign,
// and a zero pivot makes the determinant 0. The n elimination steps are
// unrolled (one Func per step, computed once): the matrix size must be
// static; the batch dims may be dynamic.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// Matrices larger than this are refused: the unrolled elimination grows
/// with n.
constexpr int64_t kMaxDetSize = 64;

FailureOr<Halide::Func> buildDet(const KernelRequest &request) {
  const HalideValue *x = request.operand(0);
  if (!x)
    return request.fail("missing input");
  int64_t rank = x->type.getRank();
  if (rank < 2)
    return request.fail("expected a matrix or a batch of matrices");
  std::optional<int64_t> rows = x->staticDim(rank - 2), columns = x->staticDim(rank - 1);
  if (!rows || !columns || *rows != *columns)
    return request.fail("expected square matrices of a static size");
  int64_t n = *rows;
  if (n > kMaxDetSize)
    return request.fail("matrices larger than " + std::to_string(kMaxDetSize) +
                        " x " + std::to_string(kMaxDetSize) + " are not compiled");
  // Matrix state as (column, row, batch...) in Halide order.
  std::vector<Halide::Var> batch = tensorVars(rank - 2);
  Halide::Var j("j"), i("i");
  auto args = [&](Halide::Expr column, Halide::Expr row) {
    std::vector<Halide::Expr> a{column, row};
    std::vector<Halide::Expr> b = halideArgs(batch);
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  std::vector<Halide::Expr> batchArgs = halideArgs(batch);
  Halide::Func a("det_step0");
  a(args(j, i)) = Halide::cast(Halide::Float(64), x->func(args(j, i)));
  Halide::Func det("det_value0");
  det(batchArgs) = Halide::Expr(1.0);
  for (int64_t col = 0; col < n; ++col) {
    int c = asInt(col);
    Halide::RDom r(c, asInt(n - col));
    Halide::Expr p = Halide::argmax(Halide::abs(a(args(c, r.x))))[0];
    p = Halide::clamp(Halide::cast(Halide::Int(32), p), c, asInt(n - 1));
    Halide::Func pivotRow("det_pivot" + std::to_string(col));
    pivotRow(batchArgs) = p;
    Halide::Expr pr = pivotRow(batchArgs);
    // Rows col and pr swapped.
    auto swapped = [&](Halide::Expr column, Halide::Expr row) {
      return Halide::select(row == c, a(args(column, pr)), row == pr, a(args(column, c)),
                            a(args(column, row)));
    };
    Halide::Expr pivot = swapped(c, c);
    Halide::Func nextDet("det_value" + std::to_string(col + 1));
    Halide::Expr sign = Halide::select(pr != c, Halide::Expr(-1.0), Halide::Expr(1.0));
    nextDet(batchArgs) = Halide::select(det(batchArgs) == Halide::Expr(0.0) || pivot == Halide::Expr(0.0), Halide::Expr(0.0),
                                        det(batchArgs) * sign * pivot);
    Halide::Func next("det_step" + std::to_string(col + 1));
    next(args(j, i)) = Halide::select(
        i > c, swapped(j, i) - swapped(c, i) / pivot * swapped(j, c), swapped(j, i));
    pivotRow.compute_root();
    nextDet.compute_root();
    next.compute_root();
    a = next;
    det = nextDet;
  }
  Halide::Func result("det");
  result(batchArgs) = Halide::cast(halideTypeOf(request.result.getElementType()), det(batchArgs));
  return result;
}

} // namespace

void mlir::hone::cpu::registerDetKernelBuilder(void (*add)(const char *, KernelBuilder)) {
  add("Det", buildDet);
}
