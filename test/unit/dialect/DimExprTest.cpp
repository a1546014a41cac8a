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
