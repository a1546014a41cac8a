//===- Passes.cpp - Every hone pass ---------------------------------------===//
#include "passes/Passes.h"

#include "passes/fusion/Passes.h"
#include "passes/layout/Passes.h"
#include "passes/memory/Passes.h"
#include "passes/shapes/Passes.h"
#include "passes/simplify/Passes.h"

void mlir::hone::registerAllHonePasses() {
  registerHoneSimplifyPasses();
  registerHoneShapesPasses();
  registerHoneLayoutPasses();
  registerHoneFusionPasses();
  registerHoneMemoryPasses();
}
