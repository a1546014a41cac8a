//===- OnnxImporter.cpp - ONNX models into the hone dialect ---------------===//
//
// Loads the model (binary or textual), sorts it, checks every node with
// ONNX's checker, applies input-shape overrides and hands the graph to
// GraphImporter, which types every value with the ops' own shape functions. Each failure becomes one diagnostic at the model file or the
// offending node; nothing here aborts on bad input.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/OnnxImporter.h"

#include "compiler/onnx/Diagnostics.h"
#include "compiler/onnx/GraphImporter.h"
#include "dialects/hone/HoneDialect.h"
#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ops/MappingTypes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"

#include <onnx/checker.h>
#include <onnx/defs/parser.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace mlir;
using namespace mlir::hone;

namespace {

/// Opsets of the default domain whose forms the importer knows.
constexpr int64_t kMinOpset = 7;
constexpr int64_t kMaxOpset = 17;

/// ONNX's textual syntax starts with `<` after blanks and `#` comments; a
/// binary ModelProto never does (its first byte is a field tag).
bool looksLikeTextualOnnx(const std::string &bytes) {
  bool inComment = false;
  for (char c : bytes) {
    if (inComment) {
      inComment = c != '\n';
      continue;
    }
    if (c == '#') {
      inComment = true;
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
      continue;
    return c == '<';
  }
  return false;
}

std::string directoryOf(const std::string &path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

LogicalResult readModel(const std::string &path, onnx::ModelProto &model, Location loc) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return emitError(loc) << "cannot open the model file";
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string bytes = buffer.str();
  if (bytes.empty())
    return emitError(loc) << "the model file is empty";
  if (looksLikeTextualOnnx(bytes)) {
    onnx::OnnxParser parser(bytes.c_str());
    auto status = parser.Parse(model);
    if (!status.IsOK())
      return emitError(loc) << "cannot parse the textual ONNX model: " << status.ErrorMessage();
    return success();
  }
  if (!model.ParseFromString(bytes))
    return emitError(loc) << "cannot parse the model: not a valid ONNX protobuf "
                          << "(truncated or corrupt file?)";
  return success();
}

/// Replaces the dims of graph inputs as the options ask. Values downstream
/// then no longer match their recorded shapes, so those are dropped (ranks
/// and element types stay) and type inference recomputes them.
LogicalResult applyInputShapes(onnx::ModelProto &model, const ImportOptions &options,
                               Location loc) {
  if (options.inputShapes.empty() && !options.forceDynamicInputs)
    return success();
  onnx::GraphProto *graph = model.mutable_graph();
  std::set<std::string> initializers;
  for (const auto &init : graph->initializer())
    initializers.insert(init.name());
  std::set<std::string> seen;
  for (onnx::ValueInfoProto &input : *graph->mutable_input()) {
    if (initializers.count(input.name()) || !input.type().has_tensor_type())
      continue;
    auto *shape = input.mutable_type()->mutable_tensor_type()->mutable_shape();
    auto it = options.inputShapes.find(input.name());
    if (it != options.inputShapes.end()) {
      seen.insert(input.name());
      shape->clear_dim();
      for (int64_t d : it->second) {
        auto *dim = shape->add_dim();
        if (d >= 0)
          dim->set_dim_value(d);
      }
    } else if (options.forceDynamicInputs) {
      for (auto &dim : *shape->mutable_dim()) {
        dim.clear_dim_value();
        dim.clear_dim_param();
      }
    }
  }
  for (const auto &[name, dims] : options.inputShapes)
    if (!seen.count(name))
      return emitError(loc) << "--input-shape names '" << name
                            << "', which is not an input of the graph";
  auto forgetDims = [](onnx::ValueInfoProto &info) {
    if (!info.type().has_tensor_type() || !info.type().tensor_type().has_shape())
      return;
    for (auto &dim : *info.mutable_type()->mutable_tensor_type()->mutable_shape()->mutable_dim()) {
      dim.clear_dim_value();
      dim.clear_dim_param();
    }
  };
  for (auto &output : *graph->mutable_output())
    forgetDims(output);
  graph->clear_value_info();
  return success();
}

/// ONNX's messages span lines; a diagnostic is one.
std::string oneLine(std::string text) {
  for (char &c : text)
    if (c == '\n' || c == '\r')
      c = ' ';
  while (!text.empty() && text.back() == ' ')
    text.pop_back();
  return text;
}

/// ONNX's checker configured for `model`, whose files live in `directory`.
onnx::checker::CheckerContext checkerContextFor(const onnx::ModelProto &model,
                                                const std::string &directory) {
  onnx::checker::CheckerContext checker;
  checker.set_ir_version(static_cast<int>(model.ir_version()));
  std::unordered_map<std::string, int> opsets;
  for (const auto &import : model.opset_import())
    opsets[import.domain()] = static_cast<int>(import.version());
  checker.set_opset_imports(opsets);
  checker.set_model_dir(directory);
  return checker;
}

/// "op#index" for unnamed nodes, as GraphImporter names them.
std::string nodeName(const onnx::NodeProto &node, int index) {
  return node.name().empty() ? node.op_type() + "#" + std::to_string(index) : node.name();
}

/// Checks each node of the main graph before anything else looks at it, so
/// that problems are reported at the node: an operator hone does not know,
/// then whatever ONNX's checker finds wrong with the node (attribute types,
/// input counts, ...).
LogicalResult checkNodes(const onnx::ModelProto &model, const std::string &path,
                         MLIRContext *context) {
  onnx::checker::CheckerContext checker = checkerContextFor(model, directoryOf(path));
  onnx::checker::LexicalScopeContext scope;
  const onnx::GraphProto &graph = model.graph();
  for (const auto &input : graph.input())
    scope.add(input.name());
  for (const auto &init : graph.initializer())
    scope.add(init.name());
  for (const auto &node : graph.node())
    for (const auto &output : node.output())
      scope.add(output);
  std::set<std::string> defined;
  for (const auto &input : graph.input())
    defined.insert(input.name());
  for (const auto &init : graph.initializer())
    defined.insert(init.name());
  for (int i = 0; i < graph.node_size(); ++i) {
    const onnx::NodeProto &node = graph.node(i);
    Location loc = onnxNodeLoc(context, path, nodeName(node, i), node.op_type());
    // The graph is sorted: every input must be defined by now.
    for (const std::string &input : node.input())
      if (!input.empty() && !defined.count(input))
        return emitError(loc) << "input '" << input << "' is not defined by any node, "
                              << "initializer or graph input";
    for (const std::string &output : node.output())
      defined.insert(output);
    if (!node.domain().empty() && node.domain() != "ai.onnx")
      return emitError(loc) << "unsupported operator domain '" << node.domain() << "'";
    if (!isImportableOnnxOp(node.op_type()))
      return emitError(loc) << "unsupported operator '" << node.op_type() << "'";
    try {
      onnx::checker::check_node(node, checker, scope);
    } catch (const std::exception &e) {
      // The checker appends "==> Context: ..." naming the node again.
      std::string message = e.what();
      size_t context = message.find("\n\n==> Context:");
      return emitError(loc) << "invalid node: " << oneLine(message.substr(0, context));
    }
  }
  return success();
}

} // namespace

bool mlir::hone::parseInputShapeOverride(const std::string &text,
                                         InputShapeOverrides &overrides, std::string &error) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    error = "expected NAME:DIMS (e.g. input:1x3x224x224 or ids:?x128), got '" + text + "'";
    return false;
  }
  std::vector<int64_t> dims;
  std::stringstream rest(text.substr(colon + 1));
  std::string dim;
  while (std::getline(rest, dim, 'x')) {
    if (dim == "?") {
      dims.push_back(-1);
      continue;
    }
    if (dim.empty() || dim.size() > 12 || dim.find_first_not_of("0123456789") != std::string::npos) {
      error = "bad dim '" + dim + "' in '" + text + "': expected a number or ?";
      return false;
    }
    dims.push_back(std::stoll(dim));
  }
  overrides[text.substr(0, colon)] = dims;
  return true;
}

void mlir::hone::registerImportedDialects(DialectRegistry &registry) {
  registry.insert<HoneDialect, func::FuncDialect>();
}

OwningOpRef<ModuleOp> mlir::hone::importOnnxModel(MLIRContext *context, const std::string &path,
                                                  const ImportOptions &options) {
  context->loadDialect<HoneDialect, func::FuncDialect>();
  Location fileLoc = onnxFileLoc(context, path);
  onnx::ModelProto model;
  if (failed(readModel(path, model, fileLoc)))
    return nullptr;

  int64_t opset = -1;
  for (const auto &import : model.opset_import())
    if (import.domain().empty() || import.domain() == "ai.onnx")
      opset = import.version();
  if (opset < 0)
    return emitError(fileLoc) << "the model imports no opset of the default ONNX domain",
           nullptr;
  // Models older than opset 7 import when every op they use kept its meaning;
  // the rules below only know the forms from opset 7 on.
  if (opset < 1 || opset > kMaxOpset)
    return emitError(fileLoc) << "unsupported opset " << opset << " (hone supports " << kMinOpset
                              << " to " << kMaxOpset << ")",
           nullptr;
  if (!model.has_graph())
    return emitError(fileLoc) << "the model has no graph", nullptr;

  if (failed(sortGraphTopologically(*model.mutable_graph(), context, path)))
    return nullptr;
  if (failed(checkNodes(model, path, context)))
    return nullptr;
  try {
    // check_model(ModelProto) cannot see external-data files; check the
    // graph with the model's directory instead.
    onnx::checker::CheckerContext checker = checkerContextFor(model, directoryOf(path));
    onnx::checker::LexicalScopeContext scope;
    onnx::checker::check_graph(model.graph(), checker, scope);
  } catch (const std::exception &e) {
    return emitError(fileLoc) << "invalid model: " << oneLine(e.what()), nullptr;
  }
  if (failed(applyInputShapes(model, options, fileLoc)))
    return nullptr;
  // Types come from hone's own shape functions, not from ONNX's inference:
  // that one trusts attribute values and crashes on hostile ones (a zero
  // stride divides by zero in ONNX 1.12), and it would be a second source of
  // truth.
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  GraphImporter importer(context, path, directoryOf(path), opset);
  if (failed(importer.importMainGraph(model.graph(), *module)))
    return nullptr;
  // What `honec --stats` reports as onnx_ops: the main graph's node count.
  module->getOperation()->setAttr(
      "hone.onnx_nodes",
      IntegerAttr::get(IntegerType::get(context, 64), model.graph().node_size()));
  // What `honec --stats` reports as layout_transforms_before: the main
  // graph's layout transformations (Stats.h), one op per node here.
  int64_t layoutNodes = 0;
  if (auto main = module->lookupSymbol<func::FuncOp>("main"); main && main.getBody().hasOneBlock())
    layoutNodes = llvm::count_if(main.getBody().front(), [](Operation &op) { return isLayoutTransform(&op); });
  module->getOperation()->setAttr("hone.onnx_layout_nodes",
                                  IntegerAttr::get(IntegerType::get(context, 64), layoutNodes));
  if (failed(verify(*module)))
    return nullptr;
  return module;
}
