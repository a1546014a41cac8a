//===- Evaluator.cpp - Runs hone IR on concrete tensors -------------------===//
//
// Walks the ops of a block in order, keeping one tensor per SSA value. ONNX
// operators run their reference kernel (looked up through OnnxOpInterface,
// never by op name); constants and `hone.none` are read directly; If/Loop
// bodies run as nested blocks that see the values around them. Every kernel
// result is checked against the type the IR declares for it, so a wrong
// shape function or a wrong rewrite shows up as an error naming the op.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/Evaluator.h"

#include "compiler/onnx/Diagnostics.h"
#include "compiler/reference/Kernel.h"
#include "dialects/hone/HoneOps.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include "llvm/ADT/DenseMap.h"

#include <memory>

using namespace mlir;
using namespace mlir::hone;
using ::hone::ref::DType;
using ::hone::ref::Tensor;

ref::DType mlir::hone::dtypeOf(Type type) {
  if (type.isF32()) return DType::F32;
  if (type.isF64()) return DType::F64;
  if (type.isF16()) return DType::F16;
  if (type.isBF16()) return DType::BF16;
  if (auto integer = dyn_cast<IntegerType>(type)) {
    bool isUnsigned = integer.isUnsigned();
    switch (integer.getWidth()) {
    case 1: return DType::Bool;
    case 8: return isUnsigned ? DType::U8 : DType::I8;
    case 16: return isUnsigned ? DType::U16 : DType::I16;
    case 32: return isUnsigned ? DType::U32 : DType::I32;
    case 64: return isUnsigned ? DType::U64 : DType::I64;
    default: return DType::Undefined;
    }
  }
  return DType::Undefined;
}

FailureOr<Tensor> mlir::hone::tensorFromElementsAttr(ElementsAttr attr, std::string &error) {
  auto type = cast<ShapedType>(attr.getType());
  DType dtype = dtypeOf(type.getElementType());
  if (dtype == DType::Undefined || !type.hasStaticShape()) {
    error = "unsupported constant type";
    return failure();
  }
  Tensor tensor(dtype, type.getShape().vec());
  size_t size = tensor.byteSize();
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob) {
      error = "constant blob '" + resource.getRawHandle().getKey().str() + "' has no data";
      return failure();
    }
    ArrayRef<char> data = blob->getData();
    if (data.size() != size) {
      error = "constant blob '" + resource.getRawHandle().getKey().str() + "' has " +
              std::to_string(data.size()) + " bytes, expected " + std::to_string(size);
      return failure();
    }
    std::memcpy(tensor.rawData(), data.data(), size);
    return tensor;
  }
  auto dense = dyn_cast<DenseElementsAttr>(attr);
  if (!dense) {
    error = "unsupported constant attribute";
    return failure();
  }
  if (dtype == DType::Bool) {
    int64_t i = 0;
    for (bool value : dense.getValues<bool>())
      tensor.setInt(i++, value ? 1 : 0);
    return tensor;
  }
  ArrayRef<char> raw = dense.getRawData();
  size_t elementSize = ref::dtypeSize(dtype);
  if (dense.isSplat()) {
    for (int64_t i = 0; i < tensor.numel(); ++i)
      std::memcpy(static_cast<char *>(tensor.rawData()) + i * elementSize, raw.data(),
                  elementSize);
    return tensor;
  }
  if (raw.size() != size) {
    error = "constant has " + std::to_string(raw.size()) + " bytes, expected " +
            std::to_string(size);
    return failure();
  }
  std::memcpy(tensor.rawData(), raw.data(), size);
  return tensor;
}

std::string mlir::hone::describeMismatch(const Tensor &value, Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped)
    return "";
  DType expected = dtypeOf(shaped.getElementType());
  if (expected != value.dtype())
    return std::string("element type ") + ref::dtypeName(value.dtype()) + ", expected " +
           ref::dtypeName(expected);
  if (!shaped.hasRank())
    return "";
  bool fits = shaped.getRank() == value.rank();
  for (int64_t i = 0; fits && i < shaped.getRank(); ++i)
    fits = shaped.isDynamicDim(i) || shaped.getDimSize(i) == value.dim(i);
  if (fits)
    return "";
  std::string want;
  for (int64_t i = 0; i < shaped.getRank(); ++i)
    want += (i ? "x" : "") +
            (shaped.isDynamicDim(i) ? std::string("?") : std::to_string(shaped.getDimSize(i)));
  return "shape " + ref::shapeToString(value.shape()) + ", expected " +
         (want.empty() ? std::string("scalar") : want);
}

namespace {

using TensorRef = std::shared_ptr<const Tensor>;

/// Tensors by SSA value; a block nested in If/Loop gets its own frame that
/// falls back to the enclosing ones.
class ValueFrames {
public:
  void push() { frames.emplace_back(); }
  void pop() { frames.pop_back(); }
  void set(Value value, TensorRef tensor) { frames.back()[value] = std::move(tensor); }
  /// Null for `hone.none` (absent optional input) and unknown values.
  const Tensor *get(Value value) const {
    for (auto frame = frames.rbegin(); frame != frames.rend(); ++frame) {
      auto it = frame->find(value);
      if (it != frame->end())
        return it->second.get();
    }
    return nullptr;
  }
  /// The shared tensor behind get(), for binding it to a block argument
  /// without a copy.
  TensorRef getRef(Value value) const {
    for (auto frame = frames.rbegin(); frame != frames.rend(); ++frame) {
      auto it = frame->find(value);
      if (it != frame->end())
        return it->second;
    }
    return nullptr;
  }

private:
  std::vector<llvm::DenseMap<Value, TensorRef>> frames;
};

FailureOr<ref::AttrValue> convertAttr(Attribute attr) {
  if (auto i = dyn_cast<IntegerAttr>(attr))
    return ref::AttrValue(i.getValue().getSExtValue());
  if (auto f = dyn_cast<FloatAttr>(attr))
    return ref::AttrValue(f.getValueAsDouble());
  if (auto s = dyn_cast<StringAttr>(attr))
    return ref::AttrValue(s.str());
  if (auto elements = dyn_cast<ElementsAttr>(attr)) {
    std::string error;
    FailureOr<Tensor> tensor = tensorFromElementsAttr(elements, error);
    if (failed(tensor))
      return failure();
    return ref::AttrValue(std::move(*tensor));
  }
  if (auto array = dyn_cast<ArrayAttr>(attr)) {
    if (array.empty())
      return ref::AttrValue(std::vector<int64_t>{});
    if (isa<IntegerAttr>(array[0])) {
      std::vector<int64_t> values;
      for (Attribute e : array)
        values.push_back(cast<IntegerAttr>(e).getValue().getSExtValue());
      return ref::AttrValue(values);
    }
    if (isa<FloatAttr>(array[0])) {
      std::vector<double> values;
      for (Attribute e : array)
        values.push_back(cast<FloatAttr>(e).getValueAsDouble());
      return ref::AttrValue(values);
    }
    if (isa<StringAttr>(array[0])) {
      std::vector<std::string> values;
      for (Attribute e : array)
        values.push_back(cast<StringAttr>(e).str());
      return ref::AttrValue(values);
    }
  }
  return failure();
}

class BlockRunner;

/// Runs `op`'s reference kernel on `inputs` (null for absent ones); `runner`
/// runs its regions (null: an op with regions fails). Checks every output
/// against the type the IR declares.
FailureOr<std::vector<Tensor>> runKernel(Operation *op, std::vector<const Tensor *> inputs,
                                         BlockRunner *runner, std::string &error);

/// The context one kernel sees: the op's operands and attributes, and its
/// regions as runnable subgraphs.
class OpKernelContext final : public ref::KernelContext {
public:
  OpKernelContext(Operation *op, std::string opType, BlockRunner *runner,
                  std::vector<const Tensor *> inputs, std::map<std::string, ref::AttrValue> attrs)
      : op(op), type(std::move(opType)), runner(runner), inputs(std::move(inputs)),
        attrs(std::move(attrs)), outputs(op->getNumResults()), outputSet(op->getNumResults()) {}

  const std::string &opType() const override { return type; }
  size_t numInputs() const override { return inputs.size(); }
  const Tensor *input(size_t i) const override { return i < inputs.size() ? inputs[i] : nullptr; }
  size_t numOutputs() const override { return outputs.size(); }
  DType outputDType(size_t i) const override {
    if (i >= outputs.size())
      return DType::Undefined;
    return dtypeOf(cast<ShapedType>(op->getResult(i).getType()).getElementType());
  }
  void setOutput(size_t i, Tensor value) override {
    if (i < outputs.size()) {
      outputs[i] = std::move(value);
      outputSet[i] = true;
    }
  }
  const ref::AttrValue *attr(const std::string &name) const override {
    auto it = attrs.find(name);
    return it == attrs.end() ? nullptr : &it->second;
  }
  ref::Status runSubgraph(size_t index, const std::vector<Tensor> &args,
                          std::vector<Tensor> &results) override;

  Operation *op;
  std::string type;
  BlockRunner *runner;
  std::vector<const Tensor *> inputs;
  std::map<std::string, ref::AttrValue> attrs;
  std::vector<Tensor> outputs;
  std::vector<bool> outputSet;
};

class BlockRunner {
public:
  /// Runs `block` with its arguments bound to `args`; its terminator's
  /// operands become `results`.
  LogicalResult runBlock(Block &block, const std::vector<TensorRef> &args,
                         std::vector<Tensor> &results) {
    if (args.size() != block.getNumArguments())
      return fail(block.getParentOp(), "expected " + std::to_string(block.getNumArguments()) +
                                           " block arguments, got " + std::to_string(args.size()));
    frames.push();
    for (size_t i = 0; i < args.size(); ++i)
      frames.set(block.getArgument(i), args[i]);
    for (Operation &op : block) {
      if (op.hasTrait<OpTrait::IsTerminator>()) {
        results.clear();
        for (Value operand : op.getOperands()) {
          const Tensor *value = frames.get(operand);
          if (!value) {
            frames.pop();
            return fail(&op, "returns a value that was never computed");
          }
          results.push_back(*value);
        }
        frames.pop();
        return success();
      }
      if (failed(runOp(&op))) {
        frames.pop();
        return failure();
      }
    }
    frames.pop();
    return fail(block.getParentOp(), "block has no terminator");
  }

  LogicalResult fail(Operation *op, const std::string &message) {
    if (error.empty())
      error = describeLocation(op->getLoc()) + ": " + message;
    return failure();
  }

  std::string error;

private:
  LogicalResult runOp(Operation *op) {
    if (auto constant = dyn_cast<ConstantOp>(op)) {
      std::string message;
      FailureOr<Tensor> value = tensorFromElementsAttr(constant.getValue(), message);
      if (failed(value))
        return fail(op, message);
      frames.set(constant.getResult(), std::make_shared<Tensor>(std::move(*value)));
      return success();
    }
    if (isa<NoneOp>(op))
      return success(); // absent input: frames.get() gives nullptr
    if (auto fused = dyn_cast<FusedOp>(op)) {
      // A fusion group means what its body computes from its inputs.
      std::vector<TensorRef> args;
      for (Value input : fused.getInputs()) {
        TensorRef value = frames.getRef(input);
        if (!value && !isa<NoneType>(input.getType()))
          return fail(op, "uses a value that was never computed");
        args.push_back(std::move(value));
      }
      std::vector<Tensor> results;
      if (failed(runBlock(fused.getBody().front(), args, results)))
        return failure();
      for (unsigned i = 0; i < op->getNumResults(); ++i)
        frames.set(op->getResult(i), std::make_shared<Tensor>(std::move(results[i])));
      return success();
    }
    std::vector<const Tensor *> inputs;
    for (Value operand : op->getOperands()) {
      const Tensor *value = frames.get(operand);
      if (!value && !isa<NoneType>(operand.getType()))
        return fail(op, "uses a value that was never computed");
      inputs.push_back(value);
    }
    std::string message;
    FailureOr<std::vector<Tensor>> outputs = runKernel(op, std::move(inputs), this, message);
    if (failed(outputs))
      return fail(op, message);
    for (unsigned i = 0; i < op->getNumResults(); ++i)
      frames.set(op->getResult(i), std::make_shared<Tensor>(std::move((*outputs)[i])));
    return success();
  }

  ValueFrames frames;
};

ref::Status OpKernelContext::runSubgraph(size_t index, const std::vector<Tensor> &args,
                                         std::vector<Tensor> &results) {
  if (index >= op->getNumRegions() || op->getRegion(index).empty() || !runner)
    return error("has no region " + std::to_string(index) + " to run");
  std::vector<TensorRef> argRefs;
  for (const Tensor &arg : args)
    argRefs.push_back(std::make_shared<Tensor>(arg));
  if (failed(runner->runBlock(op->getRegion(index).front(), argRefs, results)))
    return ref::Status::failure(runner->error);
  return ref::Status::success();
}

FailureOr<std::vector<Tensor>> runKernel(Operation *op, std::vector<const Tensor *> inputs,
                                         BlockRunner *runner, std::string &error) {
  auto onnxOp = dyn_cast<OnnxOpInterface>(op);
  if (!onnxOp) {
    error = "the evaluator cannot run '" + op->getName().getStringRef().str() + "'";
    return failure();
  }
  std::string opType = onnxOp.getOnnxOpType().str();
  const ref::Kernel *kernel = ref::lookupKernel(opType);
  if (!kernel) {
    error = "no reference kernel for " + opType;
    return failure();
  }
  std::map<std::string, ref::AttrValue> attrs;
  for (NamedAttribute attr : op->getAttrDictionary()) {
    // Annotations of passes (hone.arena_offsets, ...) are not the op's ONNX
    // attributes.
    if (attr.getName().getValue().contains('.'))
      continue;
    FailureOr<ref::AttrValue> value = convertAttr(attr.getValue());
    if (failed(value)) {
      error = "unsupported attribute '" + attr.getName().str() + "'";
      return failure();
    }
    attrs.emplace(attr.getName().str(), std::move(*value));
  }
  OpKernelContext context(op, opType, runner, std::move(inputs), std::move(attrs));
  ref::Status status = (*kernel)(context);
  if (!status) {
    error = status.message;
    return failure();
  }
  for (unsigned i = 0; i < op->getNumResults(); ++i) {
    if (!context.outputSet[i]) {
      error = opType + " did not produce output " + std::to_string(i);
      return failure();
    }
    std::string mismatch = describeMismatch(context.outputs[i], op->getResult(i).getType());
    if (!mismatch.empty()) {
      error = opType + " output " + std::to_string(i) + " has " + mismatch;
      return failure();
    }
  }
  return std::move(context.outputs);
}

} // namespace

FailureOr<std::vector<Tensor>> mlir::hone::evaluateOp(Operation *op,
                                                      const std::vector<const Tensor *> &inputs,
                                                      std::string &error) {
  return runKernel(op, inputs, nullptr, error);
}

FailureOr<std::vector<Tensor>> mlir::hone::evaluateFunction(func::FuncOp func,
                                                            const std::vector<Tensor> &inputs,
                                                            std::string &error) {
  if (inputs.size() != func.getNumArguments()) {
    error = "expected " + std::to_string(func.getNumArguments()) + " inputs, got " +
            std::to_string(inputs.size());
    return failure();
  }
  std::vector<TensorRef> args;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string mismatch = describeMismatch(inputs[i], func.getArgument(i).getType());
    if (!mismatch.empty()) {
      error = "input " + std::to_string(i) + " has " + mismatch;
      return failure();
    }
    args.push_back(std::make_shared<Tensor>(inputs[i]));
  }
  BlockRunner runner;
  std::vector<Tensor> results;
  if (failed(runner.runBlock(func.getBody().front(), args, results))) {
    error = runner.error;
    return failure();
  }
  return results;
}
