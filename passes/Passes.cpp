//===- Passes.cpp - Every hone pass ---------------------------------------===//
#include "passes/Passes.h"

#include "passes/memory/Passes.h"

void mlir::hone::registerAllHonePasses() { registerHoneMemoryPasses(); }
