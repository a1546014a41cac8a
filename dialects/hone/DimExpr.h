//===- DimExpr.h - Dims and shape values as expressions ---------*- C++ -*-===//
//
// A dim, or one element of a small tensor that feeds a shape (Reshape's
// shape, Slice's starts, Resize's scales), is an expression: a constant, a
// leaf the compiler cannot see through (an operand's dynamic dim, an element
// of an operand's data, a result dim known only after the op runs), or an
// operation on those. Shape functions compute with DimExprs, so one shape
// function serves every use: the verifier and shape propagation fold it to
// constants, the CPU driver lowers it to LLVM IR to compute a result's dims
// at run time, and a kernel lowers it to Halide.
//
// Integer arithmetic is on int64 and total: a division or modulo by zero
// gives 0 and overflow wraps, so a lowering never traps on data a model
// receives. Shape functions guard divisors with ShapeContext::require,
// which fails at compile time or becomes a run-time check.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_DIMEXPR_H
#define HONE_DIALECTS_HONE_DIMEXPR_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

namespace mlir::hone {

struct DimExprNode;

class DimExpr {
public:
  enum class Kind : uint8_t {
    // Leaves.
    Constant,         // an int64 constant
    FloatConstant,    // a double constant
    OperandDim,       // dim `position` of operand `index`
    OperandValue,     // element `position` (row-major) of operand `index`
    ResultDim,        // dim `position` of result `index`, known after the op ran;
                      // operand 0, when present, is an upper bound
    Symbol,           // symbol `index` of a function's dims (SymbolicShapes)
    Unknown,          // nothing is known (equal only to itself)
    // Operations. Add, Mul, Min, Max and Select are int or float like their
    // operands; comparisons, And, Or and Not give int 0 or 1.
    Add, Mul, FloorDiv, CeilDiv, Mod, FDiv, Min, Max,
    Eq, Ne, Lt, Le, And, Or, Not, Select,
    Floor, Ceil, // float -> int
    ToFloat,     // int -> float
  };

  /// An invalid expression (no value); every other constructor makes a
  /// valid one.
  DimExpr() = default;
  /// An integer constant (any integer type converts).
  template <typename T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
  DimExpr(T value) : isConst(true), constant(static_cast<int64_t>(value)) {}

  static DimExpr floatConstant(double value);
  static DimExpr operandDim(unsigned operand, int64_t dim);
  /// Element `index` of operand `operand`, an integer or a float.
  static DimExpr operandValue(unsigned operand, int64_t index, bool isFloat);
  /// `upperBound` may be invalid (no bound known).
  static DimExpr resultDim(unsigned result, int64_t dim, DimExpr upperBound);
  /// Symbol `id` (its name and meaning are its symbol table's); a dim
  /// symbol is known to be non-negative, a data symbol is not.
  static DimExpr symbol(unsigned id, bool nonNegative = true);
  /// A fresh unknown, equal to no other expression.
  static DimExpr unknown();

  bool isValid() const { return isConst || node; }
  Kind getKind() const;
  bool isFloat() const;
  /// The value of an integer constant.
  std::optional<int64_t> getConstant() const {
    return isConst ? std::optional<int64_t>(constant) : std::nullopt;
  }
  std::optional<double> getFloatConstant() const;
  bool isConstant(int64_t value) const { return isConst && constant == value; }
  /// A leaf's operand or result number, and its dim or element index.
  unsigned getIndex() const;
  int64_t getPosition() const;
  /// The operands of an operation (and a ResultDim's bound).
  llvm::ArrayRef<DimExpr> getOperands() const;
  /// Whether any leaf under this expression is Unknown (it cannot be
  /// computed, at compile time or at run time).
  bool hasUnknown() const;
  /// Whether the value is provably >= 0 (dims are; data may not be).
  bool isNonNegative() const;
  /// An identity for memoizing lowerings: equal for the same node.
  const void *getIdentity() const { return node.get(); }

  /// Structural equality (Unknown leaves only equal themselves).
  bool operator==(const DimExpr &other) const;
  bool operator!=(const DimExpr &other) const { return !(*this == other); }
  size_t hash() const;

  /// Prints the expression; symbols as `symbolName(id)` when given, else
  /// s<id>.
  void print(llvm::raw_ostream &os,
             const std::function<std::string(unsigned)> &symbolName = {}) const;
  std::string str(const std::function<std::string(unsigned)> &symbolName = {}) const;
  /// Replaces every leaf for which `replace` gives a valid expression.
  DimExpr substitute(const std::function<DimExpr(const DimExpr &leaf)> &replace) const;
  /// Calls `visit` on every distinct leaf.
  void walkLeaves(const std::function<void(const DimExpr &leaf)> &visit) const;
  /// A total order on expressions (structural; for canonical forms).
  static int compare(const DimExpr &a, const DimExpr &b);

  /// Folds with `leaf` giving the value of each leaf (nullopt: unknown).
  /// Floats are evaluated in double; the result is an integer (bools are 0
  /// or 1), or nullopt when a leaf is unknown or the expression is a float.
  std::optional<int64_t>
  evaluate(const std::function<std::optional<double>(const DimExpr &leaf)> &leaf) const;

private:
  friend struct DimExprNode;
  explicit DimExpr(std::shared_ptr<const DimExprNode> node) : node(std::move(node)) {}
  friend DimExpr makeDimExprOp(Kind kind, llvm::ArrayRef<DimExpr> operands);

public:
  /// An operation node as it is (no folding): for canonical forms.
  static DimExpr make(Kind kind, bool isFloat, llvm::ArrayRef<DimExpr> operands);

private:

  bool isConst = false;
  int64_t constant = 0;
  std::shared_ptr<const DimExprNode> node;
};

inline llvm::raw_ostream &operator<<(llvm::raw_ostream &os, const DimExpr &e) {
  e.print(os);
  return os;
}

// Arithmetic; integer constants fold, and x + 0, x * 1, x * 0, min(x, x),
// select(c, x, x) and the like simplify. Integer sums and products are kept
// in a canonical form, a sum of terms (coefficient x product of atoms, in a
// fixed order), so that equal polynomials are equal expressions; a division
// or modulo by a constant that divides every coefficient simplifies.
DimExpr operator+(const DimExpr &a, const DimExpr &b);
DimExpr operator-(const DimExpr &a, const DimExpr &b);
DimExpr operator-(const DimExpr &a);
DimExpr operator*(const DimExpr &a, const DimExpr &b);
/// Integer division rounding down / up, and the modulo of floorDiv (the sign
/// of the divisor); by zero they give 0.
DimExpr floorDiv(const DimExpr &a, const DimExpr &b);
DimExpr ceilDiv(const DimExpr &a, const DimExpr &b);
DimExpr mod(const DimExpr &a, const DimExpr &b);
/// Float division.
DimExpr fdiv(const DimExpr &a, const DimExpr &b);
DimExpr min(const DimExpr &a, const DimExpr &b);
DimExpr max(const DimExpr &a, const DimExpr &b);
/// clamp(v, lo, hi) = min(max(v, lo), hi).
DimExpr clamp(const DimExpr &v, const DimExpr &lo, const DimExpr &hi);
// Comparisons and logic give 0 or 1.
DimExpr eq(const DimExpr &a, const DimExpr &b);
DimExpr ne(const DimExpr &a, const DimExpr &b);
DimExpr lt(const DimExpr &a, const DimExpr &b);
DimExpr le(const DimExpr &a, const DimExpr &b);
DimExpr gt(const DimExpr &a, const DimExpr &b);
DimExpr ge(const DimExpr &a, const DimExpr &b);
DimExpr logicalAnd(const DimExpr &a, const DimExpr &b);
DimExpr logicalOr(const DimExpr &a, const DimExpr &b);
DimExpr logicalNot(const DimExpr &a);
/// `a` where `condition` is non-zero, else `b`.
DimExpr select(const DimExpr &condition, const DimExpr &a, const DimExpr &b);
/// Float to integer (toward -inf / +inf; NaN and out-of-range values
/// saturate), and integer to float.
DimExpr floorToInt(const DimExpr &a);
DimExpr ceilToInt(const DimExpr &a);
DimExpr toFloat(const DimExpr &a);

/// The product of `dims` (1 for none).
DimExpr product(llvm::ArrayRef<DimExpr> dims);

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_DIMEXPR_H
