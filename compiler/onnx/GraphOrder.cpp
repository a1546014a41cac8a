//===- GraphOrder.cpp - Topological order of ONNX graphs -----------------===//
//
// Kahn's algorithm over the names each graph defines. A node's dependencies
// include the names its subgraphs (If/Loop bodies) use from the outside, so
// an If is placed after everything its branches read.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/GraphImporter.h"

#include "compiler/onnx/Diagnostics.h"

#include <functional>
#include <map>
#include <set>

using namespace mlir;
using namespace mlir::hone;

static LogicalResult topologicalOrder(const onnx::GraphProto &graph, MLIRContext *context,
                                     const std::string &file, std::vector<int> &order) {
  // Kahn's algorithm over the names this graph defines; names defined in
  // outer scopes (or not at all) do not order anything here.
  std::map<std::string, int> producer;
  for (int i = 0; i < graph.node_size(); ++i)
    for (const std::string &output : graph.node(i).output())
      if (!output.empty())
        producer[output] = i;
  auto forEachDependency = [&](const onnx::NodeProto &node, auto &&fn) {
    std::set<std::string> used;
    std::function<void(const onnx::GraphProto &)> collectImplicit =
        [&](const onnx::GraphProto &g) {
          for (const auto &n : g.node()) {
            for (const std::string &in : n.input())
              used.insert(in);
            for (const auto &a : n.attribute())
              if (a.type() == onnx::AttributeProto::GRAPH)
                collectImplicit(a.g());
          }
        };
    for (const std::string &in : node.input())
      used.insert(in);
    for (const auto &a : node.attribute())
      if (a.type() == onnx::AttributeProto::GRAPH)
        collectImplicit(a.g());
    for (const std::string &name : used) {
      auto it = producer.find(name);
      if (it != producer.end())
        fn(it->second);
    }
  };
  int n = graph.node_size();
  std::vector<int> pending(n, 0);
  std::vector<std::vector<int>> users(n);
  for (int i = 0; i < n; ++i)
    forEachDependency(graph.node(i), [&](int p) {
      if (p != i) {
        ++pending[i];
        users[p].push_back(i);
      } else {
        pending[i] = -1 << 20; // a node that consumes its own output
      }
    });
  std::vector<int> ready;
  for (int i = n - 1; i >= 0; --i)
    if (pending[i] == 0)
      ready.push_back(i);
  order.clear();
  while (!ready.empty()) {
    // Keep the file's order among ready nodes: smallest index first.
    auto smallest = std::min_element(ready.begin(), ready.end());
    int i = *smallest;
    ready.erase(smallest);
    order.push_back(i);
    for (int u : users[i])
      if (--pending[u] == 0)
        ready.push_back(u);
  }
  if (static_cast<int>(order.size()) == n)
    return success();
  for (int i = 0; i < n; ++i)
    if (pending[i] != 0) {
      const onnx::NodeProto &node = graph.node(i);
      std::string name = node.name().empty() ? node.op_type() + "#" + std::to_string(i)
                                             : node.name();
      return emitError(onnxNodeLoc(context, file, name, node.op_type()))
             << "the graph has a cycle through this node";
    }
  return failure();
}

LogicalResult mlir::hone::sortGraphTopologically(onnx::GraphProto &graph, MLIRContext *context,
                                                 const std::string &file) {
  std::vector<int> order;
  if (failed(topologicalOrder(graph, context, file, order)))
    return failure();
  google::protobuf::RepeatedPtrField<onnx::NodeProto> sorted;
  for (int i : order)
    *sorted.Add() = graph.node(i);
  graph.mutable_node()->Swap(&sorted);
  for (onnx::NodeProto &node : *graph.mutable_node())
    for (onnx::AttributeProto &attr : *node.mutable_attribute()) {
      if (attr.has_g() && failed(sortGraphTopologically(*attr.mutable_g(), context, file)))
        return failure();
      for (onnx::GraphProto &g : *attr.mutable_graphs())
        if (failed(sortGraphTopologically(g, context, file)))
          return failure();
    }
  return success();
}
