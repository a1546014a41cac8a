//===- GraphImporter.cpp - ONNX graphs into hone functions ----------------===//
//
// Walks an ONNX graph in topological order and builds one hone op per node,
// generically: the op is found by its ONNX name in the table generated from
// ONNX's schemas (OnnxOpNames.inc), absent optional inputs become
// `hone.none`, attributes keep their ONNX names, and result types come from
// ONNX's type inference. Opset differences are resolved before that by
// applyOpsetRules. If/Loop bodies become regions that may use outer values.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/GraphImporter.h"

#include "compiler/onnx/Diagnostics.h"
#include "compiler/reference/OnnxIO.h"
#include "dialects/hone/HoneOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/BuiltinDialect.h"
#include "llvm/ADT/StringExtras.h"

#include <functional>

#include <map>
#include <set>

using namespace mlir;
using namespace mlir::hone;

namespace {

/// How to build the hone op of one ONNX operator; see generate_ops.py.
struct OpSpec {
  const char *onnxName;
  const char *opName;
  unsigned numOperands;
  bool variadicOperands;
  bool variadicResults;
  const char *resultRules;
};

const OpSpec kOpSpecs[] = {
#define HONE_ONNX_OP(onnx, name, n, vi, vo, rt) {#onnx, name, n, vi, vo, rt},
#include "dialects/hone/OnnxOpNames.inc"
#undef HONE_ONNX_OP
};

const OpSpec *findOpSpec(const std::string &onnxName) {
  static const std::map<std::string, const OpSpec *> table = [] {
    std::map<std::string, const OpSpec *> t;
    for (const OpSpec &spec : kOpSpecs)
      t[spec.onnxName] = &spec;
    return t;
  }();
  auto it = table.find(onnxName);
  return it == table.end() ? nullptr : it->second;
}

} // namespace

bool mlir::hone::isImportableOnnxOp(const std::string &opType) {
  // Constant is read directly; Upsample and Scatter are renamed by the opset
  // rules.
  return findOpSpec(opType) || opType == "Constant" || opType == "Upsample" ||
         opType == "Scatter";
}

namespace {

/// Initializers with at most this many elements become `dense` attributes,
/// readable by folds and in tests; larger ones are `dense_resource` blobs.
constexpr int64_t kMaxInlineElements = 16;

} // namespace

Type mlir::hone::elementTypeFromOnnx(MLIRContext *context, int32_t onnxType) {
  Builder b(context);
  switch (onnxType) {
  case onnx::TensorProto::FLOAT: return b.getF32Type();
  case onnx::TensorProto::DOUBLE: return b.getF64Type();
  case onnx::TensorProto::FLOAT16: return b.getF16Type();
  case onnx::TensorProto::BFLOAT16: return b.getBF16Type();
  case onnx::TensorProto::INT8: return b.getIntegerType(8);
  case onnx::TensorProto::INT16: return b.getIntegerType(16);
  case onnx::TensorProto::INT32: return b.getIntegerType(32);
  case onnx::TensorProto::INT64: return b.getIntegerType(64);
  case onnx::TensorProto::UINT8: return b.getIntegerType(8, false);
  case onnx::TensorProto::UINT16: return b.getIntegerType(16, false);
  case onnx::TensorProto::UINT32: return b.getIntegerType(32, false);
  case onnx::TensorProto::UINT64: return b.getIntegerType(64, false);
  case onnx::TensorProto::BOOL: return b.getI1Type();
  default: return nullptr;
  }
}

GraphImporter::GraphImporter(MLIRContext *context, std::string file, std::string baseDir,
                             int64_t opset)
    : context(context), opBuilder(context), file(std::move(file)),
      baseDir(std::move(baseDir)), opset(opset) {}

Location GraphImporter::graphLoc() { return onnxFileLoc(context, file); }

Value GraphImporter::lookup(const std::string &name) const {
  for (auto scope = scopes.rbegin(); scope != scopes.rend(); ++scope) {
    auto it = scope->find(name);
    if (it != scope->end())
      return it->second;
  }
  return nullptr;
}

FailureOr<Type> GraphImporter::convertType(const onnx::TypeProto &type, Location loc,
                                           const std::string &what) {
  if (!type.has_tensor_type())
    return emitError(loc) << what << " is not a tensor (sequences, maps and optionals "
                          << "are not supported)",
           failure();
  const auto &tensor = type.tensor_type();
  Type element = elementTypeFromOnnx(context, tensor.elem_type());
  if (!element)
    return emitError(loc) << what << " has unsupported element type "
                          << onnx::TensorProto::DataType_Name(
                                 static_cast<onnx::TensorProto::DataType>(tensor.elem_type())),
           failure();
  if (!tensor.has_shape())
    return Type(UnrankedTensorType::get(element));
  SmallVector<int64_t> dims;
  for (const auto &dim : tensor.shape().dim()) {
    if (dim.has_dim_value() && dim.dim_value() < 0)
      return emitError(loc) << what << " has negative dim " << dim.dim_value(), failure();
    dims.push_back(dim.has_dim_value() ? dim.dim_value() : ShapedType::kDynamic);
  }
  return Type(RankedTensorType::get(dims, element));
}

FailureOr<ElementsAttr> GraphImporter::convertTensor(const onnx::TensorProto &proto,
                                                     Location loc, const std::string &what) {
  Type element = elementTypeFromOnnx(context, proto.data_type());
  if (!element)
    return emitError(loc) << what << " has unsupported element type "
                          << onnx::TensorProto::DataType_Name(
                                 static_cast<onnx::TensorProto::DataType>(proto.data_type())),
           failure();
  ref::Tensor tensor;
  ref::Status status = ref::tensorFromProto(proto, tensor, baseDir);
  if (!status)
    return emitError(loc) << what << ": " << status.message, failure();
  auto type = RankedTensorType::get(tensor.shape(), element);
  ArrayRef<char> bytes(static_cast<const char *>(tensor.rawData()), tensor.byteSize());
  if (element.isInteger(1)) {
    SmallVector<bool> values;
    for (int64_t i = 0; i < tensor.numel(); ++i)
      values.push_back(tensor.getInt(i) != 0);
    return ElementsAttr(DenseElementsAttr::get(type, values));
  }
  if (tensor.numel() <= kMaxInlineElements) {
    bool detectedSplat = false;
    if (!DenseElementsAttr::isValidRawBuffer(type, bytes, detectedSplat))
      return emitError(loc) << what << ": malformed tensor data", failure();
    return ElementsAttr(DenseElementsAttr::getFromRawBuffer(type, bytes));
  }
  auto blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, alignof(uint64_t));
  // The key is printed bare in the IR (`dense_resource<key>`): characters
  // outside an MLIR identifier (an exporter's `onnx::Conv_71`, a `/` in a
  // path-like name) become `_` so that emitted IR parses back.
  std::string key = what.empty() ? "tensor" : what;
  for (char &c : key)
    if (!llvm::isAlnum(c) && c != '_' && c != '.' && c != '$')
      c = '_';
  if (llvm::isDigit(key.front()))
    key.insert(key.begin(), '_');
  return ElementsAttr(DenseResourceElementsAttr::get(type, key, std::move(blob)));
}

Value GraphImporter::noneValue() {
  return opBuilder.create<NoneOp>(graphLoc());
}

Value GraphImporter::constantI64(ArrayRef<int64_t> values, Location loc, bool scalar) {
  auto type = RankedTensorType::get(
      scalar ? ArrayRef<int64_t>{} : ArrayRef<int64_t>{static_cast<int64_t>(values.size())},
      opBuilder.getI64Type());
  return opBuilder.create<ConstantOp>(loc, DenseElementsAttr::get(type, values));
}

Value GraphImporter::constantOf(Type elementType, ArrayRef<double> values, Location loc,
                                bool scalar) {
  auto type = RankedTensorType::get(
      scalar ? ArrayRef<int64_t>{} : ArrayRef<int64_t>{static_cast<int64_t>(values.size())},
      elementType);
  SmallVector<Attribute> elements;
  for (double v : values) {
    if (auto f = dyn_cast<FloatType>(elementType))
      elements.push_back(opBuilder.getFloatAttr(f, v));
    else
      elements.push_back(opBuilder.getIntegerAttr(elementType, static_cast<int64_t>(v)));
  }
  return opBuilder.create<ConstantOp>(loc, DenseElementsAttr::get(type, elements));
}

FailureOr<Attribute> GraphImporter::convertAttribute(const onnx::AttributeProto &attr,
                                                     Location loc) {
  switch (attr.type()) {
  case onnx::AttributeProto::INT:
    return Attribute(opBuilder.getI64IntegerAttr(attr.i()));
  case onnx::AttributeProto::FLOAT:
    return Attribute(opBuilder.getF32FloatAttr(attr.f()));
  case onnx::AttributeProto::STRING:
    return Attribute(opBuilder.getStringAttr(attr.s()));
  case onnx::AttributeProto::INTS:
    return Attribute(opBuilder.getI64ArrayAttr(
        SmallVector<int64_t>(attr.ints().begin(), attr.ints().end())));
  case onnx::AttributeProto::FLOATS:
    return Attribute(opBuilder.getF32ArrayAttr(
        SmallVector<float>(attr.floats().begin(), attr.floats().end())));
  case onnx::AttributeProto::STRINGS: {
    SmallVector<StringRef> strings(attr.strings().begin(), attr.strings().end());
    return Attribute(opBuilder.getStrArrayAttr(strings));
  }
  case onnx::AttributeProto::TENSOR: {
    FailureOr<ElementsAttr> value = convertTensor(attr.t(), loc, "attribute '" + attr.name() + "'");
    if (failed(value))
      return failure();
    return Attribute(*value);
  }
  default:
    return emitError(loc) << "attribute '" << attr.name() << "' has unsupported type "
                          << onnx::AttributeProto::AttributeType_Name(attr.type()),
           failure();
  }
}

LogicalResult GraphImporter::importConstantNode(const onnx::NodeProto &node, Location loc) {
  if (node.output_size() != 1)
    return emitError(loc) << "expected 1 output, got " << node.output_size();
  if (node.attribute_size() != 1)
    return emitError(loc) << "expected exactly one value attribute, got "
                          << node.attribute_size();
  const onnx::AttributeProto &attr = node.attribute(0);
  Value value;
  if (attr.name() == "value" && attr.type() == onnx::AttributeProto::TENSOR) {
    FailureOr<ElementsAttr> tensor = convertTensor(attr.t(), loc, node.output(0));
    if (failed(tensor))
      return failure();
    value = opBuilder.create<ConstantOp>(loc, *tensor);
  } else if (attr.name() == "value_float" && attr.type() == onnx::AttributeProto::FLOAT) {
    value = constantOf(opBuilder.getF32Type(), {attr.f()}, loc, /*scalar=*/true);
  } else if (attr.name() == "value_floats" && attr.type() == onnx::AttributeProto::FLOATS) {
    SmallVector<double> values(attr.floats().begin(), attr.floats().end());
    value = constantOf(opBuilder.getF32Type(), values, loc);
  } else if (attr.name() == "value_int" && attr.type() == onnx::AttributeProto::INT) {
    value = constantI64({attr.i()}, loc, /*scalar=*/true);
  } else if (attr.name() == "value_ints" && attr.type() == onnx::AttributeProto::INTS) {
    SmallVector<int64_t> values(attr.ints().begin(), attr.ints().end());
    value = constantI64(values, loc);
  } else {
    return emitError(loc) << "unsupported constant attribute '" << attr.name()
                          << "' of type " << onnx::AttributeProto::AttributeType_Name(attr.type())
                          << " (strings and sparse tensors are not supported)";
  }
  define(node.output(0), value);
  return success();
}

FailureOr<SmallVector<Value>> GraphImporter::emit(ImportedNode &node) {
  const OpSpec *spec = findOpSpec(node.opType);
  if (!spec)
    return emitError(node.loc) << "unsupported operator '" << node.opType << "'", failure();
  std::optional<RegisteredOperationName> opName =
      RegisteredOperationName::lookup(spec->opName, context);
  if (!opName)
    return emitError(node.loc) << "internal: " << spec->opName << " is not registered",
           failure();

  // Operands: absent optional inputs, trailing ones included, are hone.none.
  std::vector<Value> &operands = node.operands;
  if (!spec->variadicOperands && operands.size() > spec->numOperands)
    return emitError(node.loc) << "expected at most " << spec->numOperands << " inputs, got "
                               << operands.size(),
           failure();
  while (operands.size() < spec->numOperands && !spec->variadicOperands)
    operands.push_back(nullptr);
  if (spec->variadicOperands && operands.size() + 1 < spec->numOperands)
    return emitError(node.loc) << "expected at least " << spec->numOperands - 1
                               << " inputs, got " << operands.size(),
           failure();
  OperationState state(node.loc, *opName);
  for (size_t i = 0; i < operands.size(); ++i) {
    if (!operands[i]) {
      if (spec->variadicOperands && i + 1 >= spec->numOperands)
        return emitError(node.loc) << "input " << i << " of a variadic list is empty",
               failure();
      operands[i] = noneValue();
    }
    state.addOperands(operands[i]);
  }

  // Attributes: only the op's own, by their ONNX names.
  ArrayRef<StringAttr> known = opName->getAttributeNames();
  for (NamedAttribute attr : node.attributes) {
    if (!llvm::is_contained(known, attr.getName()))
      return emitError(node.loc) << "unknown attribute '" << attr.getName().str() << "'",
             failure();
    state.addAttribute(attr.getName(), attr.getValue());
  }

  // Regions first: If/Loop result types come from what their bodies yield.
  // A Loop body's inputs may leave their types to the Loop (ONNX lets them):
  // the iteration count, the condition, then the carried values' types.
  std::vector<Type> bodyArgTypes;
  if (node.opType == "Loop") {
    bodyArgTypes = {RankedTensorType::get({}, opBuilder.getI64Type()),
                    RankedTensorType::get({}, opBuilder.getI1Type())};
    for (size_t i = 2; i < operands.size(); ++i)
      bodyArgTypes.push_back(operands[i].getType());
  }
  for (auto &[name, graph] : node.graphs) {
    auto region = std::make_unique<Region>();
    Block *block = new Block();
    region->push_back(block);
    OpBuilder::InsertionGuard guard(opBuilder);
    opBuilder.setInsertionPointToStart(block);
    if (failed(importSubgraph(*graph, block, node.loc, bodyArgTypes)))
      return failure();
    state.addRegion(std::move(region));
  }

  // Results: the element type by the schema's rule, the shape from the op's
  // shape function once it exists.
  SmallVector<StringRef> rules;
  StringRef(spec->resultRules).split(rules, ',');
  size_t numResults = spec->variadicResults ? node.resultTypes.size() : rules.size();
  if (node.resultTypes.size() > numResults)
    return emitError(node.loc) << "expected at most " << numResults << " outputs, got "
                               << node.resultTypes.size(),
           failure();
  for (size_t i = 0; i < numResults; ++i) {
    Type type = i < node.resultTypes.size() ? node.resultTypes[i] : Type();
    if (!type) {
      FailureOr<Type> element =
          resultElementType(rules[std::min(i, rules.size() - 1)], i, state, node.loc);
      if (failed(element))
        return failure();
      type = UnrankedTensorType::get(*element);
    }
    state.addTypes(type);
  }
  Operation *op = opBuilder.create(state);
  refineUnrankedResults(op);
  return SmallVector<Value>(op->getResults());
}

FailureOr<Type> GraphImporter::resultElementType(StringRef rule, size_t index,
                                                 OperationState &state, Location loc) {
  auto elementOf = [](Value value) -> Type {
    if (auto shaped = dyn_cast<ShapedType>(value.getType()))
      return shaped.getElementType();
    return nullptr;
  };
  auto fromOnnxAttr = [&](StringRef name, Type fallback) -> FailureOr<Type> {
    Attribute attr = state.attributes.get(name);
    if (!attr)
      return fallback;
    auto integer = dyn_cast<IntegerAttr>(attr);
    Type type = integer ? elementTypeFromOnnx(context, static_cast<int32_t>(integer.getInt()))
                        : Type();
    if (!type)
      return emitError(loc) << "attribute '" << name << "' does not name a supported "
                            << "element type", failure();
    return type;
  };
  Type type;
  unsigned operand = 0;
  if (rule == "to") {
    if (!state.attributes.get("to"))
      return emitError(loc) << "missing attribute 'to'", failure();
    return fromOnnxAttr("to", nullptr);
  }
  if (rule == "dtype")
    return fromOnnxAttr("dtype", state.operands.empty() ? Type() : elementOf(state.operands[0]));
  if (rule == "stash_type")
    return fromOnnxAttr("stash_type", opBuilder.getF32Type());
  if (rule == "value") {
    if (auto value = dyn_cast_or_null<ElementsAttr>(state.attributes.get("value")))
      return value.getElementType();
    return Type(opBuilder.getF32Type());
  }
  if (rule == "region") {
    // If: the then-branch's yields; Loop: the body's yields after cond.
    bool isLoop = state.name.getStringRef() == "hone.loop";
    if (state.regions.empty() || state.regions.front()->empty())
      return emitError(loc) << "control flow without a body", failure();
    Operation *terminator = &state.regions.front()->front().back();
    size_t yielded = index + (isLoop ? 1 : 0);
    if (yielded >= terminator->getNumOperands())
      return emitError(loc) << "the body yields " << terminator->getNumOperands()
                            << " values, too few for output " << index, failure();
    type = elementOf(terminator->getOperand(yielded));
  } else if (!rule.getAsInteger(10, operand)) {
    // Operand `operand` (or, for a variadic one, the first present from it).
    for (size_t i = operand; i < state.operands.size() && !type; ++i)
      type = elementOf(state.operands[i]);
  } else {
    // A fixed element type, spelled as MLIR spells it ("i64", "f32", "ui8").
    type = parseType(rule, context);
  }
  if (!type)
    return emitError(loc) << "cannot tell the element type of output " << index, failure();
  return type;
}

void GraphImporter::refineUnrankedResults(Operation *op) {
  // Values ONNX's inference left untyped (and ops the opset rules add) get
  // the shape the op's own shape function gives. An ill-formed op is
  // reported by the verifier afterwards, once; stay quiet here.
  if (llvm::none_of(op->getResultTypes(), [](Type t) { return isa<UnrankedTensorType>(t); }))
    return;
  ScopedDiagnosticHandler quiet(context, [](Diagnostic &) { return success(); });
  SmallVector<InferredShape> shapes;
  if (failed(inferShapes(op, shapes)))
    return;
  for (auto [result, shape] : llvm::zip(op->getResults(), shapes))
    if (auto unranked = dyn_cast<UnrankedTensorType>(result.getType()); unranked && shape.ranked)
      result.setType(RankedTensorType::get(shape.dims, unranked.getElementType()));
}

LogicalResult GraphImporter::importNode(const onnx::NodeProto &node, int index) {
  std::string name = node.name().empty() ? node.op_type() + "#" + std::to_string(index)
                                         : node.name();
  Location loc = onnxNodeLoc(context, file, name, node.op_type());
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return emitError(loc) << "unsupported operator domain '" << node.domain() << "'";
  if (node.op_type() == "Constant")
    return importConstantNode(node, loc);

  ImportedNode imported{node.op_type(), {}, {}, {}, {}, loc};
  for (const std::string &input : node.input()) {
    if (input.empty()) {
      imported.operands.push_back(nullptr);
      continue;
    }
    Value value = lookup(input);
    if (!value)
      return emitError(loc) << "input '" << input << "' is not defined by any node, "
                            << "initializer or graph input";
    imported.operands.push_back(value);
  }
  for (const onnx::AttributeProto &attr : node.attribute()) {
    if (attr.type() == onnx::AttributeProto::GRAPH) {
      imported.graphs.emplace_back(attr.name(), &attr.g());
      continue;
    }
    if (!attr.ref_attr_name().empty())
      return emitError(loc) << "attribute '" << attr.name()
                            << "' refers to a function attribute, which is not supported";
    FailureOr<Attribute> value = convertAttribute(attr, loc);
    if (failed(value))
      return failure();
    imported.attributes.append(attr.name(), *value);
  }
  // If before then/else: keep the region order the op declares.
  llvm::stable_sort(imported.graphs, [](const auto &a, const auto &b) {
    return a.first == "then_branch" && b.first != "then_branch";
  });
  for (const std::string &output : node.output())
    imported.resultTypes.push_back(Type());

  SmallVector<Value> results;
  bool handled = false;
  if (failed(applyOpsetRules(imported, opset, *this, results, handled)))
    return failure();
  if (!handled) {
    FailureOr<SmallVector<Value>> emitted = emit(imported);
    if (failed(emitted))
      return failure();
    results = std::move(*emitted);
  }
  for (int i = 0; i < node.output_size(); ++i) {
    if (node.output(i).empty())
      continue;
    if (static_cast<size_t>(i) >= results.size())
      return emitError(loc) << "output '" << node.output(i) << "' has no value";
    define(node.output(i), results[i]);
  }
  return success();
}

LogicalResult GraphImporter::importNodes(const onnx::GraphProto &graph) {
  for (const onnx::TensorProto &init : graph.initializer()) {
    if (lookup(init.name()) && scopes.back().count(init.name()))
      continue; // a graph input of the same name was already bound
    FailureOr<ElementsAttr> value = convertTensor(init, graphLoc(), init.name());
    if (failed(value))
      return failure();
    define(init.name(), opBuilder.create<ConstantOp>(graphLoc(), *value));
  }
  if (graph.sparse_initializer_size())
    return emitError(graphLoc()) << "sparse initializers are not supported";
  // sortGraphTopologically has put the nodes in order.
  for (int i = 0; i < graph.node_size(); ++i)
    if (failed(importNode(graph.node(i), i)))
      return failure();
  return success();
}

LogicalResult GraphImporter::importSubgraph(const onnx::GraphProto &graph, Block *block,
                                            Location loc, ArrayRef<Type> argTypes) {
  scopes.emplace_back();
  for (int i = 0; i < graph.input_size(); ++i) {
    const onnx::ValueInfoProto &input = graph.input(i);
    bool untyped = !input.has_type() ||
                   input.type().value_case() == onnx::TypeProto::VALUE_NOT_SET ||
                   (input.type().has_tensor_type() && input.type().tensor_type().elem_type() == 0);
    Type argType;
    if (untyped && i < static_cast<int>(argTypes.size())) {
      argType = argTypes[i];
    } else {
      FailureOr<Type> type =
          convertType(input.type(), loc, "subgraph input '" + input.name() + "'");
      if (failed(type))
        return failure();
      argType = *type;
    }
    define(input.name(), block->addArgument(argType, loc));
  }
  if (failed(importNodes(graph)))
    return failure();
  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    Value value = lookup(output.name());
    if (!value)
      return emitError(loc) << "subgraph output '" << output.name() << "' is not defined";
    results.push_back(value);
  }
  opBuilder.create<YieldOp>(loc, results);
  scopes.pop_back();
  return success();
}

/// A graph output whose rank hone cannot infer (a Reshape by a shape
/// tensor of unknown length) takes the rank the model declares for it,
/// with dynamic dims. The op's shape function then reads that rank as a
/// requirement (ShapeContext::declaredResultRank), checked at run time;
/// the declared dims are not used (hone infers dims itself).
static void applyDeclaredRank(Value value, const onnx::ValueInfoProto &output) {
  auto unranked = dyn_cast<UnrankedTensorType>(value.getType());
  if (!unranked || !isa<OpResult>(value) || !output.type().has_tensor_type() ||
      !output.type().tensor_type().has_shape())
    return;
  int64_t rank = output.type().tensor_type().shape().dim_size();
  value.setType(RankedTensorType::get(SmallVector<int64_t>(rank, ShapedType::kDynamic),
                                      unranked.getElementType()));
}

/// The type a graph output is declared with, where the model declares an
/// element type hone knows: the shape inference checks the type it computes
/// against it (passes/shapes/InferShapes.cpp), so that a library never
/// returns a shape other than the one the model promises. Dims without a
/// value (dim_param or none) and an output without a shape constrain
/// nothing.
std::optional<Type> GraphImporter::declaredTensorType(const onnx::ValueInfoProto &output) {
  if (!output.type().has_tensor_type())
    return std::nullopt;
  const auto &tensor = output.type().tensor_type();
  Type element = elementTypeFromOnnx(context, tensor.elem_type());
  if (!element)
    return std::nullopt;
  if (!tensor.has_shape())
    return Type(UnrankedTensorType::get(element));
  SmallVector<int64_t> dims;
  for (const auto &dim : tensor.shape().dim())
    dims.push_back(dim.has_dim_value() && dim.dim_value() >= 0 ? dim.dim_value()
                                                                : ShapedType::kDynamic);
  return Type(RankedTensorType::get(dims, element));
}

LogicalResult GraphImporter::importMainGraph(const onnx::GraphProto &graph, ModuleOp module) {
  std::set<std::string> initializerNames;
  for (const onnx::TensorProto &init : graph.initializer())
    initializerNames.insert(init.name());

  SmallVector<Type> argTypes;
  SmallVector<std::string> argNames;
  SmallVector<SmallVector<std::string>> argDimParams;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    // Before IR version 4 initializers were listed as inputs too: they are
    // constants here.
    if (initializerNames.count(input.name()))
      continue;
    FailureOr<Type> type =
        convertType(input.type(), graphLoc(), "graph input '" + input.name() + "'");
    if (failed(type))
      return failure();
    argTypes.push_back(*type);
    argNames.push_back(input.name());
    // Named dynamic dims (dim_param): dims with the same name are one size.
    SmallVector<std::string> params;
    if (input.type().has_tensor_type() && input.type().tensor_type().has_shape())
      for (const onnx::TensorShapeProto::Dimension &dim : input.type().tensor_type().shape().dim())
        params.push_back(dim.has_dim_value() ? std::string() : dim.dim_param());
    argDimParams.push_back(std::move(params));
  }
  opBuilder.setInsertionPointToEnd(module.getBody());
  auto func = opBuilder.create<func::FuncOp>(graphLoc(), "main",
                                           opBuilder.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  opBuilder.setInsertionPointToStart(entry);
  scopes.emplace_back();
  for (size_t i = 0; i < argNames.size(); ++i) {
    define(argNames[i], entry->getArgument(i));
    func.setArgAttr(i, "hone.name", opBuilder.getStringAttr(argNames[i]));
    if (llvm::any_of(argDimParams[i], [](const std::string &p) { return !p.empty(); })) {
      SmallVector<Attribute> names;
      for (const std::string &p : argDimParams[i])
        names.push_back(opBuilder.getStringAttr(p));
      func.setArgAttr(i, "hone.dim_params", opBuilder.getArrayAttr(names));
    }
  }
  if (failed(importNodes(graph)))
    return failure();

  SmallVector<Value> results;
  SmallVector<Type> resultTypes;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    Value value = lookup(output.name());
    if (!value)
      return emitError(graphLoc()) << "graph output '" << output.name() << "' is not defined";
    applyDeclaredRank(value, output);
    results.push_back(value);
    resultTypes.push_back(value.getType());
  }
  opBuilder.create<func::ReturnOp>(graphLoc(), results);
  func.setType(opBuilder.getFunctionType(argTypes, resultTypes));
  for (int i = 0; i < graph.output_size(); ++i) {
    func.setResultAttr(i, "hone.name", opBuilder.getStringAttr(graph.output(i).name()));
    if (std::optional<Type> declared = declaredTensorType(graph.output(i)))
      func.setResultAttr(i, "hone.declared_type", TypeAttr::get(*declared));
  }
  scopes.pop_back();
  return success();
}
