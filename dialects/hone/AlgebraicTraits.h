//===- AlgebraicTraits.h - Algebraic properties of ops ----------*- C++ -*-===//
//
// Marker traits (HoneInterfaces.td) for the algebraic properties graph
// rewriting before fusion relies on (DNNFusion, PLDI'21, §4.2). hone's own,
// not MLIR's Commutative: that one lets the canonicalizer reorder operands.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_ALGEBRAICTRAITS_H
#define HONE_DIALECTS_HONE_ALGEBRAICTRAITS_H

#include "mlir/IR/OpDefinition.h"

namespace mlir::hone {

/// op(a, b) = op(b, a).
template <typename ConcreteType>
class Commutative : public OpTrait::TraitBase<ConcreteType, Commutative> {};

/// op(op(a, b), c) = op(a, op(b, c)).
template <typename ConcreteType>
class Associative : public OpTrait::TraitBase<ConcreteType, Associative> {};

/// The op distributes over addition and subtraction: op(a, b + c) =
/// op(a, b) + op(a, c): Mul and the linear ops (MatMul, Gemm, Conv,
/// ConvTranspose: linear in each data operand, a bias adding once), through
/// which a scale also commutes.
template <typename ConcreteType>
class Distributive : public OpTrait::TraitBase<ConcreteType, Distributive> {};

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_ALGEBRAICTRAITS_H
