//===- Passes.h - Layout passes -------------------------------*- C++ -*-===//
#ifndef HONE_PASSES_LAYOUT_PASSES_H
#define HONE_PASSES_LAYOUT_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::hone {

#define GEN_PASS_DECL
#include "passes/layout/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/layout/Passes.h.inc"

} // namespace mlir::hone

#endif // HONE_PASSES_LAYOUT_PASSES_H
