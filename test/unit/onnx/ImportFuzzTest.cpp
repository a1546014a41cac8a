//===- ImportFuzzTest.cpp - Mutated models never crash the importer -------===//
//
// Builds seed models (textual ONNX written here, serialized to binary, and
// the bundled example), mutates their bytes with a fixed seed (bit flips,
// byte overwrites, insertions, deletions, truncations, chunk duplication,
// and structure-aware edits of op types, attributes, dims and wiring) and
// imports each mutant in this process. Every mutant must either import and
// verify, or fail with at least one diagnostic; what imports is then run by
// the reference evaluator on small inputs, which must return outputs or an
// error. A crash, an abort or a hang fails the test run itself.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/OnnxImporter.h"
#include "compiler/reference/Evaluator.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include <catch2/catch.hpp>
#include <onnx/defs/parser.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <cstdlib>
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

/// Structure-aware mutation: valid protobuf, hostile content. Changes op
/// types, attribute values, dims, element types and wiring of a parsed seed.
std::string mutateStructure(const std::string &seed, std::mt19937 &rng) {
  onnx::ModelProto model;
  model.ParseFromString(seed);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  const int64_t hostile[] = {-1, 0, 1, 2, 3, -7, 1 << 20, INT64_MAX, INT64_MIN, 1LL << 40};
  const char *const ops[] = {"Conv", "Reshape", "Gather", "Slice", "Pad", "Resize", "Split",
                             "Loop", "If", "Einsum", "TopK", "Concat", "Transpose", "Unknown"};
  onnx::GraphProto *graph = model.mutable_graph();
  int edits = 1 + static_cast<int>(pick(3));
  for (int e = 0; e < edits; ++e) {
    switch (pick(7)) {
    case 0: // another op type on a node
      if (graph->node_size())
        graph->mutable_node(pick(graph->node_size()))->set_op_type(ops[pick(std::size(ops))]);
      break;
    case 1: // hostile integer attribute values
      for (auto &node : *graph->mutable_node())
        for (auto &attr : *node.mutable_attribute()) {
          if (attr.type() == onnx::AttributeProto::INT && pick(2))
            attr.set_i(hostile[pick(std::size(hostile))]);
          for (int i = 0; i < attr.ints_size(); ++i)
            if (pick(2))
              attr.set_ints(i, hostile[pick(std::size(hostile))]);
        }
      break;
    case 2: // hostile dims on inputs and initializers
      for (auto &input : *graph->mutable_input())
        for (auto &dim : *input.mutable_type()->mutable_tensor_type()->mutable_shape()->mutable_dim())
          if (pick(2))
            dim.set_dim_value(hostile[pick(std::size(hostile))]);
      for (auto &init : *graph->mutable_initializer())
        for (int i = 0; i < init.dims_size(); ++i)
          if (pick(2))
            init.set_dims(i, hostile[pick(std::size(hostile))]);
      break;
    case 3: // another element type
      for (auto &init : *graph->mutable_initializer())
        init.set_data_type(static_cast<int32_t>(pick(20)));
      for (auto &input : *graph->mutable_input())
        input.mutable_type()->mutable_tensor_type()->set_elem_type(static_cast<int32_t>(pick(20)));
      break;
    case 4: // rewire an input to another name (or to nothing)
      if (graph->node_size()) {
        auto *node = graph->mutable_node(pick(graph->node_size()));
        if (node->input_size())
          node->set_input(pick(node->input_size()), pick(3) ? graph->node(pick(graph->node_size())).output(0) : "");
      }
      break;
    case 5: // drop or duplicate inputs
      if (graph->node_size()) {
        auto *node = graph->mutable_node(pick(graph->node_size()));
        if (pick(2) && node->input_size())
          node->mutable_input()->RemoveLast();
        else
          node->add_input(node->input_size() ? node->input(0) : "x");
      }
      break;
    case 6: // a different opset
      if (model.opset_import_size())
        model.mutable_opset_import(0)->set_version(static_cast<int64_t>(pick(20)));
      break;
    }
  }
  std::string bytes;
  model.SerializeToString(&bytes);
  return bytes;
}

void appendNodeTestSeeds(std::vector<std::string> &seeds) {
  const std::filesystem::path root = "/usr/share/libonnx-testdata/data/node";
  std::error_code error;
  std::vector<std::filesystem::path> models;
  for (const auto &entry : std::filesystem::directory_iterator(root, error))
    if (std::filesystem::exists(entry.path() / "model.onnx"))
      models.push_back(entry.path() / "model.onnx");
  std::sort(models.begin(), models.end()); // a fixed order: failures reproduce
  for (const auto &model : models) {
    std::ifstream in(model, std::ios::binary);
    seeds.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
}

/// Inputs for `main` with every dim at most 8 (dynamic dims 3), or false when
/// an argument is too large or of an unsupported type.
bool smallInputs(mlir::func::FuncOp main, std::mt19937 &rng, std::vector<hone::ref::Tensor> &out) {
  out.clear();
  for (mlir::Type type : main.getArgumentTypes()) {
    auto ranked = mlir::dyn_cast<mlir::RankedTensorType>(type);
    if (!ranked)
      return false;
    hone::ref::DType dtype = mlir::hone::dtypeOf(ranked.getElementType());
    if (dtype == hone::ref::DType::Undefined)
      return false;
    hone::ref::Shape shape;
    for (int64_t d : ranked.getShape()) {
      if (!mlir::ShapedType::isDynamic(d) && d > 8)
        return false;
      shape.push_back(mlir::ShapedType::isDynamic(d) ? 3 : d);
    }
    hone::ref::Tensor tensor(dtype, shape);
    for (int64_t i = 0; i < tensor.numel(); ++i)
      tensor.setDouble(i, static_cast<double>(rng() % 7) - 3.0);
    out.push_back(std::move(tensor));
  }
  return true;
}

} // namespace

TEST_CASE("3000 mutated models import or fail with a diagnostic, and run or fail with an error, "
          "never crash",
          "[onnx][fuzz]") {
  std::vector<std::string> seeds;
  for (const char *text : kSeedModels)
    seeds.push_back(serializeSeed(text));
  // Debian's ONNX node tests (a test dependency) are seeds that reach every
  // operator's import rules, shape function and kernel.
  appendNodeTestSeeds(seeds);
  std::string path = "/tmp/hone-import-fuzz-" + std::to_string(getpid()) + ".onnx";
  // HONE_FUZZ_SEED / HONE_FUZZ_ITERATIONS run longer campaigns by hand; CI
  // uses the fixed defaults so that a failure reproduces.
  const char *seedText = std::getenv("HONE_FUZZ_SEED");
  const char *iterationsText = std::getenv("HONE_FUZZ_ITERATIONS");
  std::mt19937 rng(seedText ? std::strtoul(seedText, nullptr, 10) : 20261122);
  int iterations = iterationsText ? std::atoi(iterationsText) : 3000;
  int imported = 0, rejected = 0, evaluated = 0;
  for (int i = 0; i < iterations; ++i) {
    // Alternate byte-level and structure-aware mutants.
    const std::string &seed = seeds[rng() % seeds.size()];
    std::string bytes = i % 2 ? mutateStructure(seed, rng) : mutate(seed, rng);
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
      // What imports also runs: the evaluator on small inputs must finish
      // with outputs or an error, never crash.
      auto main = module->lookupSymbol<mlir::func::FuncOp>("main");
      std::vector<hone::ref::Tensor> inputs;
      if (main && smallInputs(main, rng, inputs)) {
        std::string error;
        if (succeeded(mlir::hone::evaluateFunction(main, inputs, error)))
          ++evaluated;
      }
    } else {
      ++rejected;
      INFO("mutant " << i << " was rejected without a diagnostic");
      REQUIRE(diagnostics > 0);
    }
  }
  std::remove(path.c_str());
  // Both outcomes occur: the mutations are neither all fatal nor all benign.
  std::printf("fuzz: %d mutants imported (%d of them evaluated), %d rejected\n", imported,
              evaluated, rejected);
  CHECK(imported > 0);
  CHECK(rejected > 0);
  CHECK(evaluated > 0);
}
