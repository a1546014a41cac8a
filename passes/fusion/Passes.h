//===- Passes.h - Operator fusion passes ------------------------*- C++ -*-===//
#ifndef HONE_PASSES_FUSION_PASSES_H
#define HONE_PASSES_FUSION_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::hone {

#define GEN_PASS_DECL
#include "passes/fusion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/fusion/Passes.h.inc"

} // namespace mlir::hone

#endif // HONE_PASSES_FUSION_PASSES_H
