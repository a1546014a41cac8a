//===- HoneOps.h - hone ops -------------------------------------*- C++ -*-===//
//
// The op classes generated from HoneOps.td and the interfaces they carry.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_HONEOPS_H
#define HONE_DIALECTS_HONE_HONEOPS_H

#include "dialects/hone/HoneDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "dialects/hone/ops/Verifiers.h"

#include "dialects/hone/AlgebraicTraits.h"
#include "dialects/hone/ShapeFunction.h"
#include "dialects/hone/ops/MappingTypes.h"
#include "dialects/hone/ops/LayoutClasses.h"
#include "dialects/hone/ops/ShapeFunctions.h"
#include "dialects/hone/ops/ValueFunctions.h"

#include "dialects/hone/HoneInterfaces.h.inc"

#define GET_OP_CLASSES
#include "dialects/hone/HoneOps.h.inc"

#endif // HONE_DIALECTS_HONE_HONEOPS_H
