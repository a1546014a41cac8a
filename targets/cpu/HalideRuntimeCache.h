//===- HalideRuntimeCache.h - Halide's runtime object, built once -*- C++ -*-===//
//
// Every library hone writes carries Halide's runtime (thread pool hooks,
// buffer helpers, math) compiled for its target. That object depends only on
// the Halide version and the target, yet generating it costs about a second,
// more than compiling a small model's kernels. So it is built once per
// (Halide version, target) and kept in a cache directory:
//
//   $HONE_CACHE_DIR, else $XDG_CACHE_HOME/hone, else $HOME/.cache/hone.
//
// HONE_CACHE_DIR=none turns the cache off (each compile generates its own).
// Entries are written to a temporary name and renamed into place, so
// concurrent compiles never read a partial object; a cache directory that
// cannot be created or written just means no cache.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_HALIDERUNTIMECACHE_H
#define HONE_TARGETS_CPU_HALIDERUNTIMECACHE_H

#include <Halide.h>

#include <string>

namespace mlir::hone::cpu {

/// The path of an object holding Halide's runtime for `target`: a cache
/// entry, or `workDir`/halide_runtime.o when there is no usable cache.
/// Throws what Halide throws when it cannot generate the runtime.
std::string halideRuntimeObject(const Halide::Target &target, const std::string &workDir);

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_HALIDERUNTIMECACHE_H
