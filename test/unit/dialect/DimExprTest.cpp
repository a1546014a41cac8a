//===- DimExprTest.cpp - Folding, simplification and evaluation of dims ---===//
//
// DimExpr's constant folding is the one definition the lowerings follow, so
// its total semantics (division by zero, negative operands, saturation of
// floats) are pinned here.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/DimExpr.h"

#include <catch2/catch.hpp>

#include <limits>

using namespace mlir::hone;

namespace {

std::optional<int64_t> fold(const DimExpr &e) { return e.getConstant(); }

/// Evaluates with in0.dim0 = a, in0.dim1 = b, in1[k] = values[k].
std::optional<int64_t> evaluateWith(const DimExpr &e, int64_t a, int64_t b,
                                    std::vector<double> values = {}) {
  return e.evaluate([&](const DimExpr &leaf) -> std::optional<double> {
    if (leaf.getKind() == DimExpr::Kind::OperandDim && leaf.getIndex() == 0)
      return leaf.getPosition() == 0 ? a : b;
    if (leaf.getKind() == DimExpr::Kind::OperandValue && leaf.getIndex() == 1 &&
        leaf.getPosition() < static_cast<int64_t>(values.size()))
      return values[leaf.getPosition()];
    return std::nullopt;
  });
}

} // namespace

TEST_CASE("integer constants fold with floor semantics and total division", "[dimexpr]") {
  CHECK(fold(DimExpr(7) + DimExpr(5)) == 12);
  CHECK(fold(floorDiv(DimExpr(-7), DimExpr(2))) == -4);
  CHECK(fold(ceilDiv(DimExpr(-7), DimExpr(2))) == -3);
  CHECK(fold(ceilDiv(DimExpr(7), DimExpr(2))) == 4);
  CHECK(fold(mod(DimExpr(-7), DimExpr(3))) == 2);
  CHECK(fold(mod(DimExpr(7), DimExpr(-3))) == -2);
  CHECK(fold(floorDiv(DimExpr(7), DimExpr(0))) == 0);
  CHECK(fold(mod(DimExpr(7), DimExpr(0))) == 0);
  int64_t lowest = std::numeric_limits<int64_t>::min();
  CHECK(fold(floorDiv(DimExpr(lowest), DimExpr(-1))) == lowest); // wraps, no trap
  CHECK(fold(select(DimExpr(0), DimExpr(1), DimExpr(2))) == 2);
  CHECK(fold(logicalAnd(lt(DimExpr(1), DimExpr(2)), ge(DimExpr(3), DimExpr(3)))) == 1);
}

TEST_CASE("floats fold and convert to integers by saturation", "[dimexpr]") {
  DimExpr scaled = floorToInt(toFloat(DimExpr(3)) * DimExpr::floatConstant(1.5));
  CHECK(fold(scaled) == 4);
  CHECK(fold(ceilToInt(fdiv(DimExpr(7), DimExpr::floatConstant(2.0)))) == 4);
  CHECK(fold(floorToInt(fdiv(DimExpr::floatConstant(1.0), DimExpr::floatConstant(0.0)))) ==
        int64_t(1) << 62);
  CHECK(fold(floorToInt(fdiv(DimExpr::floatConstant(0.0), DimExpr::floatConstant(0.0)))) == 0);
}

TEST_CASE("leaves stay symbolic and simplify locally", "[dimexpr]") {
  DimExpr n = DimExpr::operandDim(0, 0);
  CHECK(n + 0 == n);
  CHECK(n * 1 == n);
  CHECK(fold(n * 0) == 0);
  CHECK((n + 2) + 3 == n + 5);
  CHECK(DimExpr(2) * n == n * 2);
  CHECK(min(n, n) == n);
  CHECK(fold(eq(n, n)) == 1);
  CHECK(select(lt(n, 4), n, n) == n);
  CHECK_FALSE(n.getConstant());
  CHECK(n == DimExpr::operandDim(0, 0));
  CHECK(n != DimExpr::operandDim(0, 1));
  DimExpr unknown = DimExpr::unknown();
  CHECK(unknown == unknown);
  CHECK(unknown != DimExpr::unknown());
  CHECK((unknown + n).hasUnknown());
  CHECK_FALSE((n + 1).hasUnknown());
}

TEST_CASE("evaluation binds leaves", "[dimexpr]") {
  DimExpr n = DimExpr::operandDim(0, 0), m = DimExpr::operandDim(0, 1);
  DimExpr e = floorDiv(n * m, DimExpr::operandValue(1, 0, false));
  CHECK(evaluateWith(e, 6, 4, {3}) == 8);
  CHECK_FALSE(evaluateWith(e, 6, 4));
  DimExpr scaled = floorToInt(toFloat(n) * DimExpr::operandValue(1, 1, true));
  CHECK(evaluateWith(scaled, 5, 0, {0, 0.5}) == 2);
  // A shared sub-expression is evaluated once per node (chains of selects
  // would otherwise take exponential time).
  DimExpr chain = n;
  for (int i = 0; i < 64; ++i)
    chain = select(lt(chain, 100), chain + 1, chain + chain);
  CHECK(evaluateWith(chain, 0, 0).has_value());
}

TEST_CASE("printing names leaves and operations", "[dimexpr]") {
  DimExpr e = floorDiv(DimExpr::operandDim(0, 1) + 1, DimExpr::operandValue(2, 0, false));
  CHECK(e.str() == "floordiv((in0.dim1 + 1), in2[0])");
  CHECK(DimExpr::resultDim(0, 1, DimExpr(8)).str() == "out0.dim1");
}

TEST_CASE("integer sums and products have one canonical form", "[dimexpr]") {
  DimExpr a = DimExpr::symbol(0), b = DimExpr::symbol(1);
  CHECK((a + b) + a == b + a * 2);
  CHECK(a * (b + 1) == a + a * b);
  CHECK((a + 1) * (a - 1) == a * a - 1);
  CHECK(fold((a + b) - (b + a)) == 0);
  CHECK((a * 4) * b == b * (a * 2) * 2);
  CHECK(floorDiv(a * 4 + b * 8 + 6, 2) == a * 2 + b * 4 + 3);
  CHECK(floorDiv(a * 4 + 3, 4) == a);
  CHECK(ceilDiv(a * 4 + 3, 4) == a + 1);
  CHECK(fold(mod(a * 6 + 5, 3)) == 2);
  CHECK_FALSE(floorDiv(a * 4 + b, 4).getConstant());
  // Products of atoms that are not polynomials stay atoms.
  CHECK(floorDiv(a, 3) * 2 + floorDiv(a, 3) == floorDiv(a, 3) * 3);
}

TEST_CASE("symbols print by name and substitute", "[dimexpr]") {
  DimExpr seq = DimExpr::symbol(0), batch = DimExpr::symbol(1);
  DimExpr bytes = batch * seq * 512;
  auto names = [](unsigned id) { return std::string(id == 0 ? "seq" : "batch"); };
  CHECK(bytes.str(names) == "((seq * batch) * 512)");
  DimExpr bound = bytes.substitute([&](const DimExpr &leaf) {
    return leaf.getKind() == DimExpr::Kind::Symbol && leaf.getIndex() == 1 ? DimExpr(2) : DimExpr();
  });
  CHECK(bound == seq * 1024);
  int leaves = 0;
  (bytes + seq).walkLeaves([&](const DimExpr &) { ++leaves; });
  CHECK(leaves == 2);
}

TEST_CASE("max and min drop an operand the other dominates", "[dimexpr]") {
  DimExpr n = DimExpr::operandDim(0, 0), m = DimExpr::operandDim(0, 1);
  CHECK(max(n, n * 2) == n * 2);
  CHECK(min(n, n * 2) == n);
  CHECK(max(n * 8 + 64, n * 8) == n * 8 + 64);
  CHECK(min(n * m + 1, n * m) == n * m);
  // Nested: max(max(4n, m), 2n) is max(4n, m).
  CHECK(max(max(n * 4, m), n * 2) == max(n * 4, m));
  // Incomparable operands stay.
  CHECK(max(n, m).getKind() == DimExpr::Kind::Max);
  CHECK(max(n * 2, n + m).getKind() == DimExpr::Kind::Max);
  // A value read at run time may be negative: max(v, 2v) is not 2v.
  DimExpr v = DimExpr::operandValue(1, 0, /*isFloat=*/false);
  CHECK(max(v, v * 2).getKind() == DimExpr::Kind::Max);
}

TEST_CASE("index comprehension: chains of splits simplify (Swin's window partition)", "[dimexpr]") {
  DimExpr i = DimExpr::operandDim(0, 0);
  // (i mod a) mod b -> i mod b when b divides a; i mod a when a divides b.
  CHECK(mod(mod(i, DimExpr(12)), DimExpr(4)) == mod(i, DimExpr(4)));
  CHECK(mod(mod(i, DimExpr(4)), DimExpr(12)) == mod(i, DimExpr(4)));
  // (i floordiv a) floordiv b -> i floordiv ab.
  CHECK(floorDiv(floorDiv(i, DimExpr(3)), DimExpr(5)) == floorDiv(i, DimExpr(15)));
  // (i mod a) floordiv b -> (i floordiv b) mod (a / b) when b divides a.
  CHECK(floorDiv(mod(i, DimExpr(12)), DimExpr(4)) == mod(floorDiv(i, DimExpr(4)), DimExpr(3)));
  // Not when b does not divide a: left as written (and still exact).
  DimExpr kept = floorDiv(mod(i, DimExpr(10)), DimExpr(4));
  CHECK(kept.getKind() == DimExpr::Kind::FloorDiv);

  // Swin's window partition of an H x W map (H = W = 8, windows of 4),
  // row-major flat index p of [H, W]: reshape to [H/4, 4, W/4, 4], permute
  // to [H/4, W/4, 4, 4], reshape to [windows, 16]. The source coordinate of
  // output element (window n, offset q) as the chain of splits writes it,
  // through the intermediate flat index, stays exact under the rules: it
  // agrees with the direct form at every element.
  DimExpr n = DimExpr::operandDim(0, 0), q = DimExpr::operandDim(0, 1);
  DimExpr flat = n * DimExpr(16) + q; // [windows, 16] flat
  // [H/4, W/4, 4, 4] coordinates of the permuted tensor, from its flat index.
  DimExpr wh = floorDiv(flat, DimExpr(32)), ww = mod(floorDiv(flat, DimExpr(16)), DimExpr(2));
  DimExpr yh = mod(floorDiv(flat, DimExpr(4)), DimExpr(4)), yw = mod(flat, DimExpr(4));
  DimExpr row = wh * DimExpr(4) + yh, column = ww * DimExpr(4) + yw;
  DimExpr source = row * DimExpr(8) + column;
  for (int64_t window = 0; window < 4; ++window)
    for (int64_t offset = 0; offset < 16; ++offset) {
      int64_t r = (window / 2) * 4 + offset / 4, c = (window % 2) * 4 + offset % 4;
      CHECK(evaluateWith(source, window, offset) == r * 8 + c);
    }
  // The offset's splits reduce to the offset's own (mod(16n + q, 4) is
  // mod(q, 4): 16n divides exactly).
  CHECK(yw == mod(q, DimExpr(4)));
  CHECK(mod(mod(flat, DimExpr(16)), DimExpr(4)) == mod(q, DimExpr(4)));
}
