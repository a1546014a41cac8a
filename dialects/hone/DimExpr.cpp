//===- DimExpr.cpp - Dims and shape values as expressions -----------------===//
//
// Nodes are immutable and shared; integer constants live inline. Every
// operation folds when its operands are constants, with the same total
// semantics the lowerings implement (foldScalar is the one definition).
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/DimExpr.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/Support/Format.h"

#include <cmath>
#include <cstring>

using namespace mlir::hone;
using Kind = DimExpr::Kind;

namespace mlir::hone {

struct DimExprNode {
  Kind kind;
  bool isFloat;
  unsigned index = 0;
  int64_t position = 0;
  double floatValue = 0;
  llvm::SmallVector<DimExpr, 3> operands;
  size_t hash = 0;
  bool hasUnknown = false;
  bool nonNegative = false;
};

} // namespace mlir::hone

namespace {

/// A folded value: an int64 or a double.
struct Scalar {
  bool isFloat = false;
  int64_t i = 0;
  double f = 0;
  static Scalar ofInt(int64_t v) { return {false, v, 0}; }
  static Scalar ofFloat(double v) { return {true, 0, v}; }
  double asDouble() const { return isFloat ? f : static_cast<double>(i); }
  bool truthy() const { return isFloat ? f != 0 : i != 0; }
};

int64_t wrapAdd(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}

int64_t wrapMul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}

int64_t floorDivInt(int64_t a, int64_t b) {
  if (b == 0)
    return 0;
  if (b == -1)
    return static_cast<int64_t>(0 - static_cast<uint64_t>(a));
  int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0)))
    --q;
  return q;
}

int64_t ceilDivInt(int64_t a, int64_t b) {
  if (b == 0)
    return 0;
  if (b == -1)
    return static_cast<int64_t>(0 - static_cast<uint64_t>(a));
  int64_t q = a / b;
  if (a % b != 0 && ((a < 0) == (b < 0)))
    ++q;
  return q;
}

int64_t modInt(int64_t a, int64_t b) {
  if (b == 0 || b == -1)
    return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0)))
    r += b;
  return r;
}

/// Float to int64: NaN is 0, the rest saturates to +-2^62.
int64_t saturateToInt(double v) {
  constexpr double kLimit = 4611686018427387904.0; // 2^62
  if (std::isnan(v))
    return 0;
  if (v >= kLimit)
    return static_cast<int64_t>(kLimit);
  if (v <= -kLimit)
    return -static_cast<int64_t>(kLimit);
  return static_cast<int64_t>(v);
}

/// The one definition of every operation on constants.
Scalar foldScalar(Kind kind, llvm::ArrayRef<Scalar> x) {
  bool anyFloat = false;
  for (const Scalar &s : x)
    anyFloat |= s.isFloat;
  auto compare = [&](auto predicate) {
    if (anyFloat)
      return Scalar::ofInt(predicate(x[0].asDouble(), x[1].asDouble()) ? 1 : 0);
    return Scalar::ofInt(predicate(x[0].i, x[1].i) ? 1 : 0);
  };
  switch (kind) {
  case Kind::Add:
    return anyFloat ? Scalar::ofFloat(x[0].asDouble() + x[1].asDouble())
                    : Scalar::ofInt(wrapAdd(x[0].i, x[1].i));
  case Kind::Mul:
    return anyFloat ? Scalar::ofFloat(x[0].asDouble() * x[1].asDouble())
                    : Scalar::ofInt(wrapMul(x[0].i, x[1].i));
  case Kind::FloorDiv:
    return Scalar::ofInt(floorDivInt(x[0].i, x[1].i));
  case Kind::CeilDiv:
    return Scalar::ofInt(ceilDivInt(x[0].i, x[1].i));
  case Kind::Mod:
    return Scalar::ofInt(modInt(x[0].i, x[1].i));
  case Kind::FDiv:
    return Scalar::ofFloat(x[0].asDouble() / x[1].asDouble());
  case Kind::Min:
    return anyFloat ? Scalar::ofFloat(std::fmin(x[0].asDouble(), x[1].asDouble()))
                    : Scalar::ofInt(std::min(x[0].i, x[1].i));
  case Kind::Max:
    return anyFloat ? Scalar::ofFloat(std::fmax(x[0].asDouble(), x[1].asDouble()))
                    : Scalar::ofInt(std::max(x[0].i, x[1].i));
  case Kind::Eq:
    return compare([](auto a, auto b) { return a == b; });
  case Kind::Ne:
    return compare([](auto a, auto b) { return a != b; });
  case Kind::Lt:
    return compare([](auto a, auto b) { return a < b; });
  case Kind::Le:
    return compare([](auto a, auto b) { return a <= b; });
  case Kind::And:
    return Scalar::ofInt(x[0].truthy() && x[1].truthy() ? 1 : 0);
  case Kind::Or:
    return Scalar::ofInt(x[0].truthy() || x[1].truthy() ? 1 : 0);
  case Kind::Not:
    return Scalar::ofInt(x[0].truthy() ? 0 : 1);
  case Kind::Select:
    return x[0].truthy() ? x[1] : x[2];
  case Kind::Floor:
    return Scalar::ofInt(saturateToInt(std::floor(x[0].asDouble())));
  case Kind::Ceil:
    return Scalar::ofInt(saturateToInt(std::ceil(x[0].asDouble())));
  case Kind::ToFloat:
    return Scalar::ofFloat(x[0].asDouble());
  default:
    return Scalar::ofInt(0);
  }
}

std::optional<Scalar> asScalar(const DimExpr &e) {
  if (std::optional<int64_t> c = e.getConstant())
    return Scalar::ofInt(*c);
  if (std::optional<double> f = e.getFloatConstant())
    return Scalar::ofFloat(*f);
  return std::nullopt;
}

DimExpr fromScalar(const Scalar &s) {
  return s.isFloat ? DimExpr::floatConstant(s.f) : DimExpr(s.i);
}

bool isBoolean(const DimExpr &e) {
  if (std::optional<int64_t> c = e.getConstant())
    return *c == 0 || *c == 1;
  switch (e.getKind()) {
  case Kind::Eq: case Kind::Ne: case Kind::Lt: case Kind::Le:
  case Kind::And: case Kind::Or: case Kind::Not:
    return true;
  default:
    return false;
  }
}

DimExpr asBoolean(const DimExpr &e) { return isBoolean(e) ? e : ne(e, DimExpr(0)); }

size_t hashDouble(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return llvm::hash_value(bits);
}

} // namespace

DimExpr DimExpr::make(Kind kind, bool isFloat, llvm::ArrayRef<DimExpr> operands) {
  auto node = std::make_shared<DimExprNode>();
  node->kind = kind;
  node->isFloat = isFloat;
  node->operands.assign(operands.begin(), operands.end());
  size_t hash = llvm::hash_combine(static_cast<int>(kind), isFloat);
  for (const DimExpr &operand : operands) {
    hash = llvm::hash_combine(hash, operand.hash());
    node->hasUnknown |= operand.hasUnknown();
  }
  node->hash = hash;
  auto nonNegative = [&](size_t i) { return operands[i].isNonNegative(); };
  switch (kind) {
  case Kind::Add: case Kind::Mul: case Kind::FloorDiv: case Kind::CeilDiv: case Kind::Min:
    node->nonNegative = !isFloat && nonNegative(0) && nonNegative(1);
    break;
  case Kind::Mod:
    node->nonNegative = nonNegative(1);
    break;
  case Kind::Max:
    node->nonNegative = !isFloat && (nonNegative(0) || nonNegative(1));
    break;
  case Kind::Select:
    node->nonNegative = !isFloat && nonNegative(1) && nonNegative(2);
    break;
  case Kind::Eq: case Kind::Ne: case Kind::Lt: case Kind::Le: case Kind::And: case Kind::Or:
  case Kind::Not:
    node->nonNegative = true;
    break;
  default:
    break;
  }
  return DimExpr(std::move(node));
}

DimExpr DimExpr::floatConstant(double value) {
  auto node = std::make_shared<DimExprNode>();
  node->kind = Kind::FloatConstant;
  node->isFloat = true;
  node->floatValue = value;
  node->hash = llvm::hash_combine(static_cast<int>(Kind::FloatConstant), hashDouble(value));
  return DimExpr(std::move(node));
}

namespace {
std::shared_ptr<DimExprNode> newLeaf(Kind kind, bool isFloat, unsigned index, int64_t position) {
  auto node = std::make_shared<DimExprNode>();
  node->kind = kind;
  node->isFloat = isFloat;
  node->index = index;
  node->position = position;
  node->hash = llvm::hash_combine(static_cast<int>(kind), isFloat, index, position);
  node->hasUnknown = kind == Kind::Unknown;
  return node;
}
} // namespace

DimExpr DimExpr::operandDim(unsigned operand, int64_t dim) {
  std::shared_ptr<DimExprNode> node = newLeaf(Kind::OperandDim, false, operand, dim);
  node->nonNegative = true;
  return DimExpr(std::move(node));
}

DimExpr DimExpr::operandValue(unsigned operand, int64_t index, bool isFloat) {
  return DimExpr(newLeaf(Kind::OperandValue, isFloat, operand, index));
}

DimExpr DimExpr::resultDim(unsigned result, int64_t dim, DimExpr upperBound) {
  std::shared_ptr<DimExprNode> node = newLeaf(Kind::ResultDim, false, result, dim);
  node->nonNegative = true;
  if (upperBound.isValid())
    node->operands.push_back(upperBound);
  return DimExpr(std::move(node));
}

DimExpr DimExpr::symbol(unsigned id, bool nonNegative) {
  std::shared_ptr<DimExprNode> node = newLeaf(Kind::Symbol, false, id, nonNegative ? 1 : 0);
  node->nonNegative = nonNegative;
  return DimExpr(std::move(node));
}

DimExpr DimExpr::unknown() {
  std::shared_ptr<DimExprNode> node = newLeaf(Kind::Unknown, false, 0, 0);
  node->hash = reinterpret_cast<uintptr_t>(node.get());
  return DimExpr(std::move(node));
}

Kind DimExpr::getKind() const { return isConst ? Kind::Constant : node->kind; }
bool DimExpr::isFloat() const { return !isConst && node && node->isFloat; }

std::optional<double> DimExpr::getFloatConstant() const {
  if (node && node->kind == Kind::FloatConstant)
    return node->floatValue;
  return std::nullopt;
}

unsigned DimExpr::getIndex() const { return node ? node->index : 0; }
int64_t DimExpr::getPosition() const { return node ? node->position : 0; }

llvm::ArrayRef<DimExpr> DimExpr::getOperands() const {
  if (!node)
    return {};
  return node->operands;
}

bool DimExpr::hasUnknown() const { return !isValid() || (node && node->hasUnknown); }

bool DimExpr::isNonNegative() const { return isConst ? constant >= 0 : node && node->nonNegative; }

size_t DimExpr::hash() const {
  if (isConst)
    return llvm::hash_value(constant);
  return node ? node->hash : 0;
}

bool DimExpr::operator==(const DimExpr &other) const {
  if (isConst || other.isConst)
    return isConst == other.isConst && constant == other.constant;
  if (node == other.node)
    return true;
  if (!node || !other.node || node->hash != other.node->hash || node->kind != other.node->kind ||
      node->isFloat != other.node->isFloat || node->kind == Kind::Unknown)
    return false;
  if (node->index != other.node->index || node->position != other.node->position)
    return false;
  if (node->kind == Kind::FloatConstant) {
    uint64_t a, b;
    std::memcpy(&a, &node->floatValue, sizeof a);
    std::memcpy(&b, &other.node->floatValue, sizeof b);
    return a == b;
  }
  return node->operands == other.node->operands;
}

void DimExpr::print(llvm::raw_ostream &os,
                    const std::function<std::string(unsigned)> &symbolName) const {
  if (!isValid()) {
    os << "<invalid>";
    return;
  }
  if (isConst) {
    os << constant;
    return;
  }
  llvm::ArrayRef<DimExpr> x = node->operands;
  auto sub = [&](const DimExpr &e) { e.print(os, symbolName); };
  auto infix = [&](const char *op) {
    os << "(";
    sub(x[0]);
    os << " " << op << " ";
    sub(x[1]);
    os << ")";
  };
  auto call = [&](const char *name) {
    os << name << "(";
    for (size_t i = 0; i < x.size(); ++i) {
      os << (i ? ", " : "");
      sub(x[i]);
    }
    os << ")";
  };
  switch (node->kind) {
  case Kind::Constant: os << constant; return;
  case Kind::FloatConstant: os << llvm::format("%g", node->floatValue) << "f"; return;
  case Kind::OperandDim: os << "in" << node->index << ".dim" << node->position; return;
  case Kind::OperandValue:
    os << "in" << node->index << "[" << node->position << "]" << (node->isFloat ? "f" : "");
    return;
  case Kind::ResultDim: os << "out" << node->index << ".dim" << node->position; return;
  case Kind::Symbol:
    if (symbolName)
      os << symbolName(node->index);
    else
      os << "s" << node->index;
    return;
  case Kind::Unknown: os << "?"; return;
  case Kind::Add: infix("+"); return;
  case Kind::Mul: infix("*"); return;
  case Kind::FloorDiv: call("floordiv"); return;
  case Kind::CeilDiv: call("ceildiv"); return;
  case Kind::Mod: call("mod"); return;
  case Kind::FDiv: infix("/"); return;
  case Kind::Min: call("min"); return;
  case Kind::Max: call("max"); return;
  case Kind::Eq: infix("=="); return;
  case Kind::Ne: infix("!="); return;
  case Kind::Lt: infix("<"); return;
  case Kind::Le: infix("<="); return;
  case Kind::And: infix("&&"); return;
  case Kind::Or: infix("||"); return;
  case Kind::Not: os << "!"; sub(x[0]); return;
  case Kind::Select: call("select"); return;
  case Kind::Floor: call("floor"); return;
  case Kind::Ceil: call("ceil"); return;
  case Kind::ToFloat: call("float"); return;
  }
}

std::string DimExpr::str(const std::function<std::string(unsigned)> &symbolName) const {
  std::string text;
  llvm::raw_string_ostream os(text);
  print(os, symbolName);
  return text;
}

namespace {

bool isLeafKind(Kind kind) {
  return kind == Kind::OperandDim || kind == Kind::OperandValue || kind == Kind::ResultDim ||
         kind == Kind::Symbol || kind == Kind::Unknown;
}

} // namespace

DimExpr DimExpr::substitute(const std::function<DimExpr(const DimExpr &leaf)> &replace) const {
  llvm::DenseMap<const void *, DimExpr> memo;
  std::function<DimExpr(const DimExpr &)> rewrite = [&](const DimExpr &e) -> DimExpr {
    if (!e.node || e.getKind() == Kind::FloatConstant)
      return e;
    if (auto it = memo.find(e.getIdentity()); it != memo.end())
      return it->second;
    DimExpr result;
    if (isLeafKind(e.getKind())) {
      result = replace(e);
      if (!result.isValid())
        result = e;
    } else {
      llvm::SmallVector<DimExpr, 3> operands;
      bool changed = false;
      for (const DimExpr &operand : e.getOperands()) {
        operands.push_back(rewrite(operand));
        changed |= operands.back().getIdentity() != operand.getIdentity() ||
                   operands.back() != operand;
      }
      result = changed ? makeDimExprOp(e.getKind(), operands) : e;
    }
    memo[e.getIdentity()] = result;
    return result;
  };
  return rewrite(*this);
}

void DimExpr::walkLeaves(const std::function<void(const DimExpr &leaf)> &visit) const {
  llvm::DenseSet<const void *> seen;
  std::function<void(const DimExpr &)> walk = [&](const DimExpr &e) {
    if (!e.node || !seen.insert(e.getIdentity()).second)
      return;
    if (isLeafKind(e.getKind())) {
      visit(e);
      return;
    }
    for (const DimExpr &operand : e.getOperands())
      walk(operand);
  };
  walk(*this);
}

int DimExpr::compare(const DimExpr &a, const DimExpr &b) {
  if (a.isConst != b.isConst)
    return a.isConst ? -1 : 1;
  if (a.isConst)
    return a.constant < b.constant ? -1 : a.constant > b.constant ? 1 : 0;
  if (a.node == b.node)
    return 0;
  if (!a.node || !b.node)
    return a.node ? 1 : -1;
  const DimExprNode &x = *a.node, &y = *b.node;
  if (x.kind != y.kind)
    return x.kind < y.kind ? -1 : 1;
  if (x.isFloat != y.isFloat)
    return x.isFloat ? 1 : -1;
  if (x.index != y.index)
    return x.index < y.index ? -1 : 1;
  if (x.position != y.position)
    return x.position < y.position ? -1 : 1;
  if (x.kind == Kind::FloatConstant && x.floatValue != y.floatValue)
    return x.floatValue < y.floatValue ? -1 : 1;
  if (x.kind == Kind::Unknown)
    return std::less<const DimExprNode *>()(a.node.get(), b.node.get()) ? -1 : 1;
  if (x.operands.size() != y.operands.size())
    return x.operands.size() < y.operands.size() ? -1 : 1;
  for (size_t i = 0; i < x.operands.size(); ++i)
    if (int c = compare(x.operands[i], y.operands[i]))
      return c;
  return 0;
}

std::optional<int64_t> DimExpr::evaluate(
    const std::function<std::optional<double>(const DimExpr &leaf)> &leaf) const {
  llvm::DenseMap<const void *, std::optional<Scalar>> memo;
  std::function<std::optional<Scalar>(const DimExpr &)> eval =
      [&](const DimExpr &e) -> std::optional<Scalar> {
    if (std::optional<Scalar> s = asScalar(e))
      return s;
    auto it = memo.find(e.getIdentity());
    if (it != memo.end())
      return it->second;
    std::optional<Scalar> result;
    switch (e.getKind()) {
    case Kind::OperandDim: case Kind::OperandValue: case Kind::ResultDim: case Kind::Symbol:
    case Kind::Unknown:
      if (std::optional<double> v = leaf(e))
        result = e.isFloat() ? Scalar::ofFloat(*v) : Scalar::ofInt(static_cast<int64_t>(*v));
      break;
    default: {
      llvm::SmallVector<Scalar, 3> operands;
      bool known = true;
      for (const DimExpr &operand : e.getOperands()) {
        std::optional<Scalar> v = eval(operand);
        if (!v) {
          known = false;
          break;
        }
        operands.push_back(*v);
      }
      if (known)
        result = foldScalar(e.getKind(), operands);
    }
    }
    memo[e.getIdentity()] = result;
    return result;
  };
  std::optional<Scalar> value = eval(*this);
  if (!value || value->isFloat)
    return std::nullopt;
  return value->i;
}

namespace mlir::hone {

DimExpr makeDimExprOp(Kind kind, llvm::ArrayRef<DimExpr> operands);

namespace {

/// An integer polynomial: the sum of coefficient x product of atoms (any
/// expression that is not an integer sum, product or constant), plus a
/// constant. Atoms and terms are kept in DimExpr::compare order, so that a
/// polynomial has one form.
struct Polynomial {
  using Monomial = llvm::SmallVector<DimExpr, 2>;
  std::vector<std::pair<Monomial, int64_t>> terms;
  int64_t constant = 0;

  /// Sums beyond this many terms are not expanded (a product of sums could
  /// grow without bound).
  static constexpr size_t kMaxTerms = 32;

  static int compareMonomials(const Monomial &a, const Monomial &b) {
    if (a.size() != b.size())
      return a.size() < b.size() ? -1 : 1;
    for (size_t i = 0; i < a.size(); ++i)
      if (int c = DimExpr::compare(a[i], b[i]))
        return c;
    return 0;
  }

  void addTerm(Monomial monomial, int64_t coefficient) {
    if (coefficient == 0)
      return;
    auto it = std::lower_bound(terms.begin(), terms.end(), monomial, [](const auto &term, const Monomial &m) {
      return compareMonomials(term.first, m) < 0;
    });
    if (it != terms.end() && compareMonomials(it->first, monomial) == 0) {
      it->second = wrapAdd(it->second, coefficient);
      if (it->second == 0)
        terms.erase(it);
      return;
    }
    terms.insert(it, {std::move(monomial), coefficient});
  }

  /// The polynomial of `e` (an atom unless it is an integer sum, product or
  /// constant).
  static Polynomial of(const DimExpr &e) {
    Polynomial p;
    if (std::optional<int64_t> c = e.getConstant()) {
      p.constant = *c;
      return p;
    }
    if (!e.isFloat() && (e.getKind() == Kind::Add || e.getKind() == Kind::Mul)) {
      Polynomial a = of(e.getOperands()[0]), b = of(e.getOperands()[1]);
      std::optional<Polynomial> combined = e.getKind() == Kind::Add ? add(a, b) : multiply(a, b);
      if (combined)
        return *combined;
    }
    p.terms.push_back({Monomial{e}, 1});
    return p;
  }

  static std::optional<Polynomial> add(const Polynomial &a, const Polynomial &b) {
    Polynomial sum = a;
    sum.constant = wrapAdd(a.constant, b.constant);
    for (const auto &[monomial, coefficient] : b.terms)
      sum.addTerm(monomial, coefficient);
    if (sum.terms.size() > kMaxTerms)
      return std::nullopt;
    return sum;
  }

  static std::optional<Polynomial> multiply(const Polynomial &a, const Polynomial &b) {
    if ((a.terms.size() + 1) * (b.terms.size() + 1) > kMaxTerms * 2)
      return std::nullopt;
    Polynomial product;
    product.constant = wrapMul(a.constant, b.constant);
    auto each = [](const Polynomial &p, auto &&visit) {
      for (const auto &[monomial, coefficient] : p.terms)
        visit(monomial, coefficient);
      if (p.constant)
        visit(Monomial{}, p.constant);
    };
    each(a, [&](const Monomial &ma, int64_t ca) {
      each(b, [&](const Monomial &mb, int64_t cb) {
        if (ma.empty() && mb.empty())
          return; // the constants' product is already in
        Monomial m(ma);
        m.append(mb.begin(), mb.end());
        std::sort(m.begin(), m.end(),
                  [](const DimExpr &x, const DimExpr &y) { return DimExpr::compare(x, y) < 0; });
        product.addTerm(std::move(m), wrapMul(ca, cb));
      });
    });
    if (product.terms.size() > kMaxTerms)
      return std::nullopt;
    return product;
  }

  bool termsDivisibleBy(int64_t divisor) const {
    return llvm::all_of(terms, [&](const auto &term) { return term.second % divisor == 0; });
  }

  void divideBy(int64_t divisor) {
    for (auto &term : terms)
      term.second /= divisor;
    constant /= divisor;
  }

  /// The canonical expression: terms in order, each its atoms' product
  /// times its coefficient, then the constant.
  DimExpr build() const {
    DimExpr sum;
    for (const auto &[monomial, coefficient] : terms) {
      DimExpr term = monomial.front();
      for (size_t i = 1; i < monomial.size(); ++i)
        term = DimExpr::make(Kind::Mul, false, {term, monomial[i]});
      if (coefficient != 1)
        term = DimExpr::make(Kind::Mul, false, {term, DimExpr(coefficient)});
      sum = sum.isValid() ? DimExpr::make(Kind::Add, false, {sum, term}) : term;
    }
    if (!sum.isValid())
      return DimExpr(constant);
    if (constant != 0)
      sum = DimExpr::make(Kind::Add, false, {sum, DimExpr(constant)});
    return sum;
  }
};

/// The canonical sum or product of `a` and `b`, unless it would be too
/// large to expand.
std::optional<Polynomial> polynomialOf(Kind kind, const DimExpr &a, const DimExpr &b) {
  Polynomial pa = Polynomial::of(a), pb = Polynomial::of(b);
  return kind == Kind::Add ? Polynomial::add(pa, pb) : Polynomial::multiply(pa, pb);
}

/// Whether `a >= b` whatever the values of their leaves: `a - b` is a
/// polynomial whose constant and coefficients are non-negative, over atoms
/// that are non-negative (dims are). Lets max and min drop a dominated
/// operand, which keeps the memory plan's maxima short.
bool knownAtLeast(const DimExpr &a, const DimExpr &b) {
  if (a.isFloat() || b.isFloat())
    return false;
  Polynomial negated = Polynomial::of(b);
  for (auto &term : negated.terms)
    term.second = wrapMul(term.second, -1);
  negated.constant = wrapMul(negated.constant, -1);
  std::optional<Polynomial> difference = Polynomial::add(Polynomial::of(a), negated);
  if (!difference || difference->constant < 0)
    return false;
  return llvm::all_of(difference->terms, [](const auto &term) {
    return term.second > 0 &&
           llvm::all_of(term.first, [](const DimExpr &atom) { return atom.isNonNegative(); });
  });
}

} // namespace

/// Builds an operation, folding constants and applying the local
/// simplifications every constructor shares.
DimExpr makeDimExprOp(Kind kind, llvm::ArrayRef<DimExpr> operands) {
  llvm::SmallVector<DimExpr, 3> x(operands.begin(), operands.end());
  for (const DimExpr &operand : x)
    if (!operand.isValid())
      return DimExpr();
  bool anyFloat = false;
  for (size_t i = kind == Kind::Select ? 1 : 0; i < x.size(); ++i)
    anyFloat |= x[i].isFloat();
  // Mixed int and float operands: the ints convert.
  if (anyFloat && kind != Kind::Floor && kind != Kind::Ceil)
    for (size_t i = kind == Kind::Select ? 1 : 0; i < x.size(); ++i)
      if (!x[i].isFloat())
        x[i] = toFloat(x[i]);
  llvm::SmallVector<Scalar, 3> constants;
  for (const DimExpr &operand : x)
    if (std::optional<Scalar> s = asScalar(operand))
      constants.push_back(*s);
  if (constants.size() == x.size())
    return fromScalar(foldScalar(kind, constants));

  bool isFloatResult = false;
  switch (kind) {
  case Kind::Add: case Kind::Mul: case Kind::Min: case Kind::Max:
    isFloatResult = anyFloat;
    break;
  case Kind::Select:
    isFloatResult = x[1].isFloat();
    break;
  case Kind::FDiv: case Kind::ToFloat:
    isFloatResult = true;
    break;
  default:
    break;
  }

  switch (kind) {
  case Kind::Add:
  case Kind::Mul: {
    if (!isFloatResult)
      if (std::optional<Polynomial> p = polynomialOf(kind, x[0], x[1])) {
        // floordiv(a, d) + k is floordiv(a + k * d, d): one atom instead
        // of a sum (chains of strided windows stay small).
        if (p->constant != 0 && p->terms.size() == 1 && p->terms[0].second == 1 &&
            p->terms[0].first.size() == 1 && p->terms[0].first[0].getKind() == Kind::FloorDiv) {
          const DimExpr &atom = p->terms[0].first[0];
          std::optional<int64_t> divisor = atom.getOperands()[1].getConstant();
          if (divisor && *divisor > 0)
            return floorDiv(atom.getOperands()[0] + DimExpr(wrapMul(p->constant, *divisor)), atom.getOperands()[1]);
        }
        return p->build();
      }
    // Floats (and sums too large to expand): constants go second.
    if (asScalar(x[0]) && !asScalar(x[1]))
      std::swap(x[0], x[1]);
    break;
  }
  case Kind::FloorDiv:
  case Kind::CeilDiv:
  case Kind::Mod: {
    if (x[1].isConstant(1))
      return kind == Kind::Mod ? DimExpr(0) : x[0];
    if (kind == Kind::Mod && x[1].isConstant(-1))
      return DimExpr(0);
    // A constant divisor that divides every coefficient but the constant
    // term's: the terms divide exactly and only the constant is rounded.
    std::optional<int64_t> divisor = x[1].getConstant();
    if (!divisor || *divisor <= 0)
      break;
    // With a positive divisor, ceildiv(a, d) is floordiv(a + d - 1, d),
    // and floordiv(floordiv(a, b), c) is floordiv(a, b * c): one form.
    if (kind == Kind::CeilDiv)
      return floorDiv(x[0] + DimExpr(*divisor - 1), x[1]);
    if (kind == Kind::FloorDiv && x[0].getKind() == Kind::FloorDiv)
      if (std::optional<int64_t> inner = x[0].getOperands()[1].getConstant(); inner && *inner > 0)
        return floorDiv(x[0].getOperands()[0], DimExpr(wrapMul(*inner, *divisor)));
    // Chains of splits (index comprehension, SmartMem): with a = mod(i, A),
    // 0 <= a < A. mod(a, d) is mod(i, d) when d divides A, and a itself
    // when A divides d; floordiv(a, d) is mod(floordiv(i, d), A / d) when d
    // divides A (Swin's window partition: reshape, permute, reshape).
    if (x[0].getKind() == Kind::Mod && kind != Kind::CeilDiv)
      if (std::optional<int64_t> outer = x[0].getOperands()[1].getConstant(); outer && *outer > 0) {
        const DimExpr &i = x[0].getOperands()[0];
        if (kind == Kind::Mod && *outer % *divisor == 0)
          return mod(i, x[1]);
        if (kind == Kind::Mod && *divisor % *outer == 0)
          return x[0];
        if (kind == Kind::FloorDiv && *outer % *divisor == 0)
          return mod(floorDiv(i, x[1]), DimExpr(*outer / *divisor));
      }
    Polynomial p = Polynomial::of(x[0]);
    if (!p.termsDivisibleBy(*divisor)) {
      // mod(k * d * t + r, d) is mod(r, d): the multiples of the divisor
      // leave the remainder (a flat index's outer coordinates).
      if (kind != Kind::Mod)
        break;
      size_t before = p.terms.size();
      llvm::erase_if(p.terms, [&](const auto &term) { return term.second % *divisor == 0; });
      if (p.terms.size() == before)
        break;
      p.constant = modInt(p.constant, *divisor);
      return mod(p.build(), x[1]);
    }
    int64_t rest = p.constant;
    p.constant = 0;
    if (kind == Kind::Mod)
      return DimExpr(modInt(rest, *divisor));
    p.divideBy(*divisor);
    return p.build() + DimExpr(kind == Kind::FloorDiv ? floorDivInt(rest, *divisor)
                                                      : ceilDivInt(rest, *divisor));
  }
  case Kind::Min:
  case Kind::Max: {
    if (x[0] == x[1])
      return x[0];
    // A non-negative value against 0 (or below).
    for (int i = 0; i < 2; ++i)
      if (std::optional<int64_t> c = x[i].getConstant(); c && *c <= 0 && x[1 - i].isNonNegative())
        return kind == Kind::Max ? x[1 - i] : x[i];
    if (anyFloat)
      break;
    // An operand that dominates the other, directly or as an operand of a
    // nested max (min).
    for (int i = 0; i < 2; ++i) {
      const DimExpr &other = x[1 - i];
      if (kind == Kind::Max ? knownAtLeast(x[i], other) : knownAtLeast(other, x[i]))
        return x[i];
      if (x[i].getKind() == kind)
        for (const DimExpr &inner : x[i].getOperands())
          if (kind == Kind::Max ? knownAtLeast(inner, other) : knownAtLeast(other, inner))
            return x[i];
    }
    break;
  }
  case Kind::Eq:
  case Kind::Le:
  case Kind::Ne:
  case Kind::Lt: {
    if (x[0] == x[1] && !anyFloat)
      return DimExpr(kind == Kind::Eq || kind == Kind::Le ? 1 : 0);
    // Comparisons of a non-negative value with a constant below (or at) 0.
    std::optional<int64_t> left = x[0].getConstant(), right = x[1].getConstant();
    if (right && x[0].isNonNegative()) {
      if ((kind == Kind::Eq && *right < 0) || (kind == Kind::Lt && *right <= 0) ||
          (kind == Kind::Le && *right < 0))
        return DimExpr(0);
      if (kind == Kind::Ne && *right < 0)
        return DimExpr(1);
    }
    if (left && x[1].isNonNegative()) {
      if ((kind == Kind::Eq && *left < 0))
        return DimExpr(0);
      if ((kind == Kind::Ne && *left < 0) || (kind == Kind::Le && *left <= 0) ||
          (kind == Kind::Lt && *left < 0))
        return DimExpr(1);
    }
    break;
  }
  case Kind::And:
  case Kind::Or: {
    if (asScalar(x[0]))
      std::swap(x[0], x[1]);
    if (std::optional<Scalar> c = asScalar(x[1])) {
      bool on = c->truthy();
      if (kind == Kind::And)
        return on ? asBoolean(x[0]) : DimExpr(0);
      return on ? DimExpr(1) : asBoolean(x[0]);
    }
    if (x[0] == x[1])
      return asBoolean(x[0]);
    break;
  }
  case Kind::Not:
    if (x[0].getKind() == Kind::Not)
      return asBoolean(x[0].getOperands()[0]);
    break;
  case Kind::Floor:
  case Kind::Ceil: {
    // An integer times an integral float (a Resize by 2.0) is an integer.
    const DimExpr &v = x[0];
    if (v.getKind() == Kind::Mul && v.isFloat()) {
      const DimExpr &a = v.getOperands()[0], &c = v.getOperands()[1];
      std::optional<double> factor = c.getFloatConstant();
      if (a.getKind() == Kind::ToFloat && factor && *factor == std::floor(*factor) &&
          std::fabs(*factor) < 2147483648.0)
        return a.getOperands()[0] * DimExpr(static_cast<int64_t>(*factor));
    }
    break;
  }
  case Kind::Select:
    if (std::optional<Scalar> c = asScalar(x[0]))
      return c->truthy() ? x[1] : x[2];
    if (x[1] == x[2])
      return x[1];
    break;
  default:
    break;
  }
  return DimExpr::make(kind, isFloatResult, x);
}

} // namespace mlir::hone

DimExpr mlir::hone::operator+(const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::Add, {a, b});
}
DimExpr mlir::hone::operator-(const DimExpr &a) {
  return makeDimExprOp(Kind::Mul, {a, a.isFloat() ? DimExpr::floatConstant(-1) : DimExpr(-1)});
}
DimExpr mlir::hone::operator-(const DimExpr &a, const DimExpr &b) { return a + (-b); }
DimExpr mlir::hone::operator*(const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::Mul, {a, b});
}
DimExpr mlir::hone::floorDiv(const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::FloorDiv, {a, b});
}
DimExpr mlir::hone::ceilDiv(const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::CeilDiv, {a, b});
}
DimExpr mlir::hone::mod(const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::Mod, {a, b});
}
DimExpr mlir::hone::fdiv(const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::FDiv, {a, b});
}
DimExpr mlir::hone::min(const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::Min, {a, b});
}
DimExpr mlir::hone::max(const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::Max, {a, b});
}
DimExpr mlir::hone::clamp(const DimExpr &v, const DimExpr &lo, const DimExpr &hi) {
  return min(max(v, lo), hi);
}
DimExpr mlir::hone::eq(const DimExpr &a, const DimExpr &b) { return makeDimExprOp(Kind::Eq, {a, b}); }
DimExpr mlir::hone::ne(const DimExpr &a, const DimExpr &b) { return makeDimExprOp(Kind::Ne, {a, b}); }
DimExpr mlir::hone::lt(const DimExpr &a, const DimExpr &b) { return makeDimExprOp(Kind::Lt, {a, b}); }
DimExpr mlir::hone::le(const DimExpr &a, const DimExpr &b) { return makeDimExprOp(Kind::Le, {a, b}); }
DimExpr mlir::hone::gt(const DimExpr &a, const DimExpr &b) { return lt(b, a); }
DimExpr mlir::hone::ge(const DimExpr &a, const DimExpr &b) { return le(b, a); }
DimExpr mlir::hone::logicalAnd(const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::And, {a, b});
}
DimExpr mlir::hone::logicalOr(const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::Or, {a, b});
}
DimExpr mlir::hone::logicalNot(const DimExpr &a) { return makeDimExprOp(Kind::Not, {a}); }
DimExpr mlir::hone::select(const DimExpr &condition, const DimExpr &a, const DimExpr &b) {
  return makeDimExprOp(Kind::Select, {condition, a, b});
}
DimExpr mlir::hone::floorToInt(const DimExpr &a) {
  return a.isFloat() ? makeDimExprOp(Kind::Floor, {a}) : a;
}
DimExpr mlir::hone::ceilToInt(const DimExpr &a) {
  return a.isFloat() ? makeDimExprOp(Kind::Ceil, {a}) : a;
}
DimExpr mlir::hone::toFloat(const DimExpr &a) {
  return a.isFloat() ? a : makeDimExprOp(Kind::ToFloat, {a});
}

DimExpr mlir::hone::product(llvm::ArrayRef<DimExpr> dims) {
  DimExpr result(1);
  for (const DimExpr &d : dims)
    result = result * d;
  return result;
}
