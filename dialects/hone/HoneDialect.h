//===- HoneDialect.h - The hone dialect -------------------------*- C++ -*-===//
//
// The graph-level dialect of hone; see HoneBase.td for what its IR means.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_HONEDIALECT_H
#define HONE_DIALECTS_HONE_HONEDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialects/hone/HoneDialect.h.inc"

#endif // HONE_DIALECTS_HONE_HONEDIALECT_H
