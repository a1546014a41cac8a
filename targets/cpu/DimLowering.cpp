//===- DimLowering.cpp - DimExprs as driver IR and as Halide --------------===//
//
// Division follows DimExpr's foldScalar: floor division, with a divisor of
// 0 giving 0 and INT64_MIN / -1 wrapping instead of trapping (the LLVM
// lowering never executes sdiv on either).
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/DimLowering.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;
using Kind = DimExpr::Kind;

namespace {
constexpr double kSaturation = 4611686018427387904.0; // 2^62, as DimExpr folds
} // namespace

Value LlvmDimLowering::constant(int64_t value) {
  return b.create<LLVM::ConstantOp>(loc, b.getI64Type(), b.getI64IntegerAttr(value));
}

Value LlvmDimLowering::toI64(Value condition) {
  return b.create<LLVM::ZExtOp>(loc, b.getI64Type(), condition);
}

Value LlvmDimLowering::lowerCondition(const DimExpr &condition) {
  Value value = lower(condition);
  if (!value)
    return nullptr;
  if (isa<FloatType>(value.getType()))
    return b.create<LLVM::FCmpOp>(loc, LLVM::FCmpPredicate::une, value,
                                  b.create<LLVM::ConstantOp>(loc, b.getF64Type(), b.getF64FloatAttr(0)));
  return b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ne, value, constant(0));
}

Value LlvmDimLowering::lower(const DimExpr &e) {
  if (std::optional<int64_t> c = e.getConstant())
    return constant(*c);
  if (std::optional<double> f = e.getFloatConstant())
    return b.create<LLVM::ConstantOp>(loc, b.getF64Type(), b.getF64FloatAttr(*f));
  if (auto it = memo.find(e.getIdentity()); it != memo.end())
    return it->second;
  Kind kind = e.getKind();
  Value result;
  if (kind == Kind::OperandDim || kind == Kind::OperandValue || kind == Kind::ResultDim ||
      kind == Kind::Symbol || kind == Kind::Unknown) {
    result = leaf(e);
    memo[e.getIdentity()] = result;
    return result;
  }
  SmallVector<Value, 3> x;
  for (const DimExpr &operand : e.getOperands()) {
    Value v = kind == Kind::Select && x.empty() ? lowerCondition(operand) : lower(operand);
    if (!v)
      return nullptr;
    x.push_back(v);
  }
  Type i64 = b.getI64Type(), f64 = b.getF64Type();
  auto icmp = [&](LLVM::ICmpPredicate p, Value l, Value r) {
    return b.create<LLVM::ICmpOp>(loc, p, l, r).getResult();
  };
  auto sel = [&](Value c, Value t, Value f) {
    return b.create<LLVM::SelectOp>(loc, c, t, f).getResult();
  };
  Value trueValue = b.create<LLVM::ConstantOp>(loc, b.getI1Type(), b.getBoolAttr(true));
  // Whether a divisor is 0 or -1 (both answered by selects: sdiv never
  // sees them), and the divisor sdiv sees instead.
  auto special = [&](Value d) {
    Value zero = icmp(LLVM::ICmpPredicate::eq, d, constant(0));
    Value minusOne = icmp(LLVM::ICmpPredicate::eq, d, constant(-1));
    Value safe = sel(b.create<LLVM::OrOp>(loc, zero, minusOne), constant(1), d);
    return std::tuple{zero, minusOne, safe};
  };
  // Whether the remainder `r` of a division by `d` is non-zero and of the
  // other sign than `d` (floor division then rounds one further down).
  auto signsDiffer = [&](Value r, Value d) {
    Value inexact = icmp(LLVM::ICmpPredicate::ne, r, constant(0));
    Value differ = icmp(LLVM::ICmpPredicate::ne, icmp(LLVM::ICmpPredicate::slt, r, constant(0)),
                        icmp(LLVM::ICmpPredicate::slt, d, constant(0)));
    return std::pair{inexact, differ};
  };
  bool isFloat = e.isFloat();
  switch (kind) {
  case Kind::Add:
    result = isFloat ? b.create<LLVM::FAddOp>(loc, x[0], x[1]).getResult()
                     : b.create<LLVM::AddOp>(loc, x[0], x[1]).getResult();
    break;
  case Kind::Mul:
    result = isFloat ? b.create<LLVM::FMulOp>(loc, x[0], x[1]).getResult()
                     : b.create<LLVM::MulOp>(loc, x[0], x[1]).getResult();
    break;
  case Kind::FloorDiv:
  case Kind::CeilDiv: {
    auto [zero, minusOne, safe] = special(x[1]);
    Value q = b.create<LLVM::SDivOp>(loc, x[0], safe);
    Value r = b.create<LLVM::SRemOp>(loc, x[0], safe);
    auto [inexact, differ] = signsDiffer(r, safe);
    Value adjusted;
    if (kind == Kind::FloorDiv)
      adjusted = b.create<LLVM::SubOp>(loc, q, toI64(b.create<LLVM::AndOp>(loc, inexact, differ)));
    else
      adjusted = b.create<LLVM::AddOp>(
          loc, q, toI64(b.create<LLVM::AndOp>(loc, inexact, b.create<LLVM::XOrOp>(loc, differ, trueValue))));
    result = sel(zero, constant(0),
                 sel(minusOne, b.create<LLVM::SubOp>(loc, constant(0), x[0]), adjusted));
    break;
  }
  case Kind::Mod: {
    auto [zero, minusOne, safe] = special(x[1]);
    Value r = b.create<LLVM::SRemOp>(loc, x[0], safe);
    auto [inexact, differ] = signsDiffer(r, safe);
    Value adjusted = sel(b.create<LLVM::AndOp>(loc, inexact, differ), b.create<LLVM::AddOp>(loc, r, safe), r);
    result = sel(b.create<LLVM::OrOp>(loc, zero, minusOne), constant(0), adjusted);
    break;
  }
  case Kind::FDiv:
    result = b.create<LLVM::FDivOp>(loc, x[0], x[1]);
    break;
  case Kind::Min:
    result = isFloat ? b.create<LLVM::MinNumOp>(loc, x[0], x[1]).getResult()
                     : sel(icmp(LLVM::ICmpPredicate::slt, x[0], x[1]), x[0], x[1]);
    break;
  case Kind::Max:
    result = isFloat ? b.create<LLVM::MaxNumOp>(loc, x[0], x[1]).getResult()
                     : sel(icmp(LLVM::ICmpPredicate::sgt, x[0], x[1]), x[0], x[1]);
    break;
  case Kind::Eq: case Kind::Ne: case Kind::Lt: case Kind::Le: {
    Value c;
    if (isa<FloatType>(x[0].getType())) {
      LLVM::FCmpPredicate p = kind == Kind::Eq   ? LLVM::FCmpPredicate::oeq
                              : kind == Kind::Ne ? LLVM::FCmpPredicate::une
                              : kind == Kind::Lt ? LLVM::FCmpPredicate::olt
                                                 : LLVM::FCmpPredicate::ole;
      c = b.create<LLVM::FCmpOp>(loc, p, x[0], x[1]);
    } else {
      LLVM::ICmpPredicate p = kind == Kind::Eq   ? LLVM::ICmpPredicate::eq
                              : kind == Kind::Ne ? LLVM::ICmpPredicate::ne
                              : kind == Kind::Lt ? LLVM::ICmpPredicate::slt
                                                 : LLVM::ICmpPredicate::sle;
      c = icmp(p, x[0], x[1]);
    }
    result = toI64(c);
    break;
  }
  case Kind::And:
  case Kind::Or: {
    Value l = lowerCondition(e.getOperands()[0]), r = lowerCondition(e.getOperands()[1]);
    result = toI64(kind == Kind::And ? b.create<LLVM::AndOp>(loc, l, r).getResult()
                                     : b.create<LLVM::OrOp>(loc, l, r).getResult());
    break;
  }
  case Kind::Not:
    result = toI64(b.create<LLVM::XOrOp>(loc, lowerCondition(e.getOperands()[0]), trueValue));
    break;
  case Kind::Select:
    result = sel(x[0], x[1], x[2]);
    break;
  case Kind::Floor:
  case Kind::Ceil: {
    Value rounded = kind == Kind::Floor ? b.create<LLVM::FFloorOp>(loc, x[0]).getResult()
                                        : b.create<LLVM::FCeilOp>(loc, x[0]).getResult();
    Value limit = b.create<LLVM::ConstantOp>(loc, f64, b.getF64FloatAttr(kSaturation));
    Value negLimit = b.create<LLVM::ConstantOp>(loc, f64, b.getF64FloatAttr(-kSaturation));
    Value clamped = b.create<LLVM::MinNumOp>(loc, b.create<LLVM::MaxNumOp>(loc, rounded, negLimit), limit);
    Value isNan = b.create<LLVM::FCmpOp>(loc, LLVM::FCmpPredicate::uno, x[0], x[0]);
    Value safe = sel(isNan, b.create<LLVM::ConstantOp>(loc, f64, b.getF64FloatAttr(0)), clamped);
    result = b.create<LLVM::FPToSIOp>(loc, i64, safe);
    break;
  }
  case Kind::ToFloat:
    result = b.create<LLVM::SIToFPOp>(loc, f64, x[0]);
    break;
  default:
    return nullptr;
  }
  memo[e.getIdentity()] = result;
  return result;
}

Halide::Expr mlir::hone::cpu::lowerToHalide(const DimExpr &e, const HalideLeafFn &leaf) {
  llvm::DenseMap<const void *, Halide::Expr> memo;
  std::function<Halide::Expr(const DimExpr &)> lower = [&](const DimExpr &e) -> Halide::Expr {
    if (std::optional<int64_t> c = e.getConstant())
      return Halide::Expr(*c);
    if (std::optional<double> f = e.getFloatConstant())
      return Halide::Expr(*f);
    if (auto it = memo.find(e.getIdentity()); it != memo.end())
      return it->second;
    Kind kind = e.getKind();
    Halide::Expr result;
    if (kind == Kind::OperandDim || kind == Kind::OperandValue || kind == Kind::ResultDim ||
        kind == Kind::Symbol || kind == Kind::Unknown) {
      result = leaf(e);
      if (result.defined())
        result = Halide::cast(e.isFloat() ? Halide::Float(64) : Halide::Int(64), result);
      memo[e.getIdentity()] = result;
      return result;
    }
    std::vector<Halide::Expr> x;
    for (const DimExpr &operand : e.getOperands()) {
      Halide::Expr v = lower(operand);
      if (!v.defined())
        return Halide::Expr();
      x.push_back(v);
    }
    Halide::Expr zero = Halide::Expr(int64_t(0)), one = Halide::Expr(int64_t(1));
    auto truthy = [&](const Halide::Expr &v) {
      return v.type().is_float() ? v != Halide::Expr(0.0) : v != zero;
    };
    auto asInt64 = [&](const Halide::Expr &c) { return Halide::select(c, one, zero); };
    // Halide's integer division rounds down for a positive divisor and
    // gives 0 for a zero one; a negative divisor divides the negations.
    auto floorDivide = [&](const Halide::Expr &a, const Halide::Expr &d) {
      return Halide::select(d > zero, a / d, d < zero, (zero - a) / (zero - d), zero);
    };
    switch (kind) {
    case Kind::Add: result = x[0] + x[1]; break;
    case Kind::Mul: result = x[0] * x[1]; break;
    case Kind::FloorDiv: result = floorDivide(x[0], x[1]); break;
    case Kind::CeilDiv: result = zero - floorDivide(zero - x[0], x[1]); break;
    case Kind::Mod:
      result = Halide::select(x[1] == zero, zero, x[0] - x[1] * floorDivide(x[0], x[1]));
      break;
    case Kind::FDiv: result = x[0] / x[1]; break;
    case Kind::Min: result = Halide::min(x[0], x[1]); break;
    case Kind::Max: result = Halide::max(x[0], x[1]); break;
    case Kind::Eq: result = asInt64(x[0] == x[1]); break;
    case Kind::Ne: result = asInt64(x[0] != x[1]); break;
    case Kind::Lt: result = asInt64(x[0] < x[1]); break;
    case Kind::Le: result = asInt64(x[0] <= x[1]); break;
    case Kind::And: result = asInt64(truthy(x[0]) && truthy(x[1])); break;
    case Kind::Or: result = asInt64(truthy(x[0]) || truthy(x[1])); break;
    case Kind::Not: result = asInt64(!truthy(x[0])); break;
    case Kind::Select: result = Halide::select(truthy(x[0]), x[1], x[2]); break;
    case Kind::Floor:
    case Kind::Ceil: {
      Halide::Expr rounded = kind == Kind::Floor ? Halide::floor(x[0]) : Halide::ceil(x[0]);
      Halide::Expr clamped = Halide::clamp(rounded, Halide::Expr(-kSaturation), Halide::Expr(kSaturation));
      result = Halide::select(Halide::is_nan(x[0]), zero, Halide::cast(Halide::Int(64), clamped));
      break;
    }
    case Kind::ToFloat: result = Halide::cast(Halide::Float(64), x[0]); break;
    default: return Halide::Expr();
    }
    memo[e.getIdentity()] = result;
    return result;
  };
  return lower(e);
}
