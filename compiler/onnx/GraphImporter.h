//===- GraphImporter.h - ONNX graphs into hone functions --------*- C++ -*-===//
//
// Builds `func.func @main` from a (type-inferred) ONNX graph; see
// GraphImporter.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_ONNX_GRAPHIMPORTER_H
#define HONE_COMPILER_ONNX_GRAPHIMPORTER_H

#include "compiler/onnx/ImportContext.h"
#include "mlir/IR/BuiltinOps.h"

#include <map>
#include <unordered_map>

namespace mlir::hone {

class GraphImporter : public NodeEmitter {
public:
  GraphImporter(MLIRContext *context, std::string file, std::string baseDir, int64_t opset);

  /// Builds @main in `module` from the model's main graph.
  LogicalResult importMainGraph(const onnx::GraphProto &graph, ModuleOp module);

  OpBuilder &builder() override { return builder_(); }
  Value constantI64(ArrayRef<int64_t> values, Location loc, bool scalar = false) override;
  Value constantOf(Type elementType, ArrayRef<double> values, Location loc,
                   bool scalar = false) override;
  FailureOr<SmallVector<Value>> emit(ImportedNode &node) override;

private:
  OpBuilder &builder_() { return opBuilder; }
  Location graphLoc();
  Value lookup(const std::string &name) const;
  void define(const std::string &name, Value value) { scopes.back()[name] = value; }
  /// The element type of result `index` by the op's rule (OnnxOpNames.inc).
  FailureOr<Type> resultElementType(StringRef rule, size_t index, OperationState &state,
                                    Location loc);
  FailureOr<Type> convertType(const onnx::TypeProto &type, Location loc, const std::string &what);
  std::optional<Type> declaredTensorType(const onnx::ValueInfoProto &output);
  FailureOr<ElementsAttr> convertTensor(const onnx::TensorProto &proto, Location loc,
                                        const std::string &what);
  FailureOr<Attribute> convertAttribute(const onnx::AttributeProto &attr, Location loc);
  Value noneValue();
  LogicalResult importConstantNode(const onnx::NodeProto &node, Location loc);
  LogicalResult importNode(const onnx::NodeProto &node, int index);
  void refineUnrankedResults(Operation *op);
  LogicalResult importNodes(const onnx::GraphProto &graph);
  /// Imports a body; `argTypes` types the inputs the body leaves untyped.
  LogicalResult importSubgraph(const onnx::GraphProto &graph, Block *block, Location loc,
                               ArrayRef<Type> argTypes = {});

  MLIRContext *context;
  OpBuilder opBuilder;
  std::string file;
  std::string baseDir;
  int64_t opset;
  /// Values by ONNX name; one scope per graph being imported (subgraphs see
  /// the names of the graphs around them).
  std::vector<std::unordered_map<std::string, Value>> scopes;
};

/// Reorders the nodes of `graph` and of its subgraphs topologically (ONNX
/// requires it; exporters do not always comply), keeping the file's order
/// among independent nodes. A cycle is an error at one of its nodes.
LogicalResult sortGraphTopologically(onnx::GraphProto &graph, MLIRContext *context,
                                     const std::string &file);

} // namespace mlir::hone

#endif // HONE_COMPILER_ONNX_GRAPHIMPORTER_H
