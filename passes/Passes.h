//===- Passes.h - Every hone pass -------------------------------*- C++ -*-===//
//
// One call registers the passes of every pipeline step (for hone-opt and
// textual pipelines).
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_PASSES_H
#define HONE_PASSES_PASSES_H

namespace mlir::hone {

void registerAllHonePasses();

} // namespace mlir::hone

#endif // HONE_PASSES_PASSES_H
