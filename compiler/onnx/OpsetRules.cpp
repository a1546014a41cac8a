//===- OpsetRules.cpp - Older ONNX opset forms into canonical hone forms --===//
//
// ONNX moved many operands between attributes and inputs over the opsets
// (Reduce* axes, Split, Squeeze/Unsqueeze, Clip, Pad, Slice, TopK, Dropout),
// renamed ops (Upsample, Scatter) and changed Softmax's meaning. Each rule
// here turns one older form into the canonical form of
// compiler/reference/CANONICAL.md, so that nothing after the importer ever
// looks at an opset number.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/ImportContext.h"

#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

/// Removes attribute `name` and returns it (null when absent).
Attribute takeAttr(ImportedNode &node, StringRef name) {
  Attribute value = node.attributes.get(name);
  if (value)
    node.attributes.erase(name);
  return value;
}

SmallVector<int64_t> intsOf(Attribute attr) {
  SmallVector<int64_t> values;
  if (auto array = dyn_cast_or_null<ArrayAttr>(attr))
    for (Attribute element : array)
      if (auto i = dyn_cast<IntegerAttr>(element))
        values.push_back(i.getInt());
  return values;
}

void setOperand(ImportedNode &node, size_t index, Value value) {
  if (node.operands.size() <= index)
    node.operands.resize(index + 1, nullptr);
  node.operands[index] = value;
}

Type elementTypeOf(Value value) {
  if (auto shaped = dyn_cast_or_null<ShapedType>(value ? value.getType() : Type()))
    return shaped.getElementType();
  return nullptr;
}

/// Moves the INTS attribute `name` into operand `index` as a 1-D int64
/// constant.
void intsAttrToOperand(ImportedNode &node, StringRef name, size_t index, NodeEmitter &emitter) {
  if (Attribute attr = takeAttr(node, name))
    setOperand(node, index, emitter.constantI64(intsOf(attr), node.loc));
}

/// Softmax, LogSoftmax and Hardmax before opset 13 flatten the input to 2-D at
/// `axis` (default 1) and normalize each row; opset 13 normalizes along one
/// axis. The old meaning is Flatten -> op(axis = 1) -> Reshape to the input's
/// shape.
LogicalResult rewriteCoercedSoftmax(ImportedNode &node, NodeEmitter &emitter,
                                    SmallVector<Value> &results) {
  int64_t axis = 1;
  if (auto attr = dyn_cast_or_null<IntegerAttr>(takeAttr(node, "axis")))
    axis = attr.getInt();
  if (node.operands.empty() || !node.operands[0])
    return emitError(node.loc) << "expected 1 input";
  Value input = node.operands[0];
  Type element = elementTypeOf(input);
  OpBuilder &b = emitter.builder();
  auto unranked = UnrankedTensorType::get(element);

  ImportedNode flatten{"Flatten", {input}, {}, {}, {unranked}, node.loc};
  flatten.attributes.append("axis", b.getI64IntegerAttr(axis));
  FailureOr<SmallVector<Value>> flat = emitter.emit(flatten);
  if (failed(flat))
    return failure();

  ImportedNode normalize{node.opType, {(*flat)[0]}, {}, {}, {unranked}, node.loc};
  normalize.attributes.append("axis", b.getI64IntegerAttr(1));
  FailureOr<SmallVector<Value>> normalized = emitter.emit(normalize);
  if (failed(normalized))
    return failure();

  auto shapeType = RankedTensorType::get({ShapedType::kDynamic}, b.getI64Type());
  if (auto ranked = dyn_cast<RankedTensorType>(input.getType()))
    shapeType = RankedTensorType::get({ranked.getRank()}, b.getI64Type());
  ImportedNode shape{"Shape", {input}, {}, {}, {shapeType}, node.loc};
  FailureOr<SmallVector<Value>> shapeValue = emitter.emit(shape);
  if (failed(shapeValue))
    return failure();

  Type resultType = node.resultTypes.empty() || !node.resultTypes[0] ? input.getType()
                                                                      : node.resultTypes[0];
  ImportedNode reshape{"Reshape", {(*normalized)[0], (*shapeValue)[0]}, {}, {}, {resultType},
                       node.loc};
  FailureOr<SmallVector<Value>> reshaped = emitter.emit(reshape);
  if (failed(reshaped))
    return failure();
  results = {(*reshaped)[0]};
  return success();
}

/// Upsample (opset 7: scales attribute; 9: scales input) and Resize-10 both
/// mean "asymmetric" coordinates with floor for nearest.
void rewriteUpsampleToResize(ImportedNode &node, NodeEmitter &emitter) {
  OpBuilder &b = emitter.builder();
  Value scales = node.operands.size() > 1 ? node.operands[1] : nullptr;
  if (Attribute attr = takeAttr(node, "scales")) {
    SmallVector<double> values;
    for (Attribute element : cast<ArrayAttr>(attr))
      if (auto f = dyn_cast<FloatAttr>(element))
        values.push_back(f.getValueAsDouble());
    scales = emitter.constantOf(b.getF32Type(), values, node.loc);
  }
  std::string mode = "nearest";
  if (auto attr = dyn_cast_or_null<StringAttr>(takeAttr(node, "mode")))
    mode = attr.str();
  if (mode == "bilinear")
    mode = "linear";
  Value input = node.operands.empty() ? nullptr : node.operands[0];
  node.opType = "Resize";
  node.operands = {input, nullptr, scales, nullptr};
  node.attributes.set("mode", b.getStringAttr(mode));
  node.attributes.set("coordinate_transformation_mode", b.getStringAttr("asymmetric"));
  node.attributes.set("nearest_mode", b.getStringAttr("floor"));
}

const llvm::StringSet<> kReduceOps = {
    "ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1",
    "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"};

} // namespace

LogicalResult mlir::hone::applyOpsetRules(ImportedNode &node, int64_t opset,
                                          NodeEmitter &emitter, SmallVector<Value> &results,
                                          bool &handled) {
  handled = false;
  OpBuilder &b = emitter.builder();
  const std::string &op = node.opType;
  // Before opset 6 some ops carried "consumed_inputs", an optimization hint
  // with no meaning for inference.
  takeAttr(node, "consumed_inputs");

  if (kReduceOps.contains(op)) {
    // Canonical form (opset 18): axes is input 1.
    intsAttrToOperand(node, "axes", 1, emitter);
  } else if ((op == "Squeeze" || op == "Unsqueeze") && opset < 13) {
    intsAttrToOperand(node, "axes", 1, emitter);
  } else if (op == "Split" && opset < 13) {
    intsAttrToOperand(node, "split", 1, emitter);
  } else if (op == "Slice" && opset < 10) {
    intsAttrToOperand(node, "starts", 1, emitter);
    intsAttrToOperand(node, "ends", 2, emitter);
    intsAttrToOperand(node, "axes", 3, emitter);
  } else if (op == "TopK" && opset < 10) {
    if (auto k = dyn_cast_or_null<IntegerAttr>(takeAttr(node, "k")))
      setOperand(node, 1, emitter.constantI64({k.getInt()}, node.loc));
  } else if (op == "Clip" && opset < 11) {
    Type element = elementTypeOf(node.operands.empty() ? nullptr : node.operands[0]);
    if (auto min = dyn_cast_or_null<FloatAttr>(takeAttr(node, "min")))
      setOperand(node, 1, emitter.constantOf(element, {min.getValueAsDouble()}, node.loc, true));
    if (auto max = dyn_cast_or_null<FloatAttr>(takeAttr(node, "max")))
      setOperand(node, 2, emitter.constantOf(element, {max.getValueAsDouble()}, node.loc, true));
  } else if (op == "Pad" && opset < 11) {
    Type element = elementTypeOf(node.operands.empty() ? nullptr : node.operands[0]);
    Attribute pads = takeAttr(node, "pads");
    if (!pads)
      pads = takeAttr(node, "paddings");
    setOperand(node, 1, emitter.constantI64(intsOf(pads), node.loc));
    double value = 0;
    if (auto attr = dyn_cast_or_null<FloatAttr>(takeAttr(node, "value")))
      value = attr.getValueAsDouble();
    setOperand(node, 2, emitter.constantOf(element, {value}, node.loc, true));
  } else if (op == "Dropout" && opset < 12) {
    takeAttr(node, "is_test");
    if (auto ratio = dyn_cast_or_null<FloatAttr>(takeAttr(node, "ratio")))
      setOperand(node, 1, emitter.constantOf(b.getF32Type(), {ratio.getValueAsDouble()},
                                             node.loc, true));
  } else if (op == "Upsample" || (op == "Resize" && opset < 11)) {
    rewriteUpsampleToResize(node, emitter);
  } else if (op == "Scatter") {
    node.opType = "ScatterElements";
  } else if ((op == "Softmax" || op == "LogSoftmax" || op == "Hardmax") && opset < 13) {
    handled = true;
    return rewriteCoercedSoftmax(node, emitter, results);
  } else if (op == "BatchNormalization" && opset < 9) {
    // Opset 7-8 "spatial = 0" normalizes per element, not per channel.
    if (auto spatial = dyn_cast_or_null<IntegerAttr>(takeAttr(node, "spatial")))
      if (spatial.getInt() == 0)
        return emitError(node.loc) << "BatchNormalization with spatial = 0 is not supported";
    // Their extra training outputs (saved mean/variance) are not produced.
    if (node.resultTypes.size() > 3)
      node.resultTypes.resize(3);
  }
  return success();
}
