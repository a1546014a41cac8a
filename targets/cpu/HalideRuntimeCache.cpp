//===- HalideRuntimeCache.cpp - Halide's runtime object, built once -------===//
#include "targets/cpu/HalideRuntimeCache.h"

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace mlir::hone::cpu {
namespace {

/// The cache directory the environment names; empty when caching is off.
std::string cacheDirectory() {
  if (const char *dir = std::getenv("HONE_CACHE_DIR"); dir && *dir)
    return std::string(dir) == "none" ? std::string() : std::string(dir);
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::string(xdg) + "/hone";
  if (const char *home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.cache/hone";
  return {};
}

/// A file name for `target`: its feature list, with characters a file
/// system might dislike replaced.
std::string entryName(const Halide::Target &target) {
  std::string name = "halide-" HONE_HALIDE_VERSION "-runtime-" + target.to_string() + ".o";
  for (char &c : name)
    if (!(isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_'))
      c = '_';
  return name;
}

} // namespace

std::string halideRuntimeObject(const Halide::Target &target, const std::string &workDir) {
  namespace fs = std::filesystem;
  std::string uncached = workDir + "/halide_runtime.o";
  std::string dir = cacheDirectory();
  std::error_code ec;
  if (dir.empty() || (fs::create_directories(dir, ec), ec)) {
    Halide::compile_standalone_runtime(uncached, target);
    return uncached;
  }
  std::string entry = dir + "/" + entryName(target);
  if (fs::is_regular_file(entry, ec) && fs::file_size(entry, ec) > 0 && !ec)
    return entry;
  // Generate beside the entry (same file system, so the rename is atomic);
  // the process id keeps concurrent writers apart.
  std::string temporary = entry + ".tmp" + std::to_string(getpid());
  Halide::compile_standalone_runtime(temporary, target);
  fs::rename(temporary, entry, ec);
  if (ec) {
    fs::remove(temporary, ec);
    Halide::compile_standalone_runtime(uncached, target);
    return uncached;
  }
  return entry;
}

} // namespace mlir::hone::cpu
