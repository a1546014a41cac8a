//===- RunFunction.cpp - The driver's run function ------------------------===//
//
// Each kernel receives halide_buffer_t descriptors built on the driver's
// stack; their layout is Halide 14's (HalideRuntime.h) and that of the
// runtime's structs is runtime.h's, on LP64 targets. Failures branch to one
// block that leaves the reason in *context->error_message and returns the
// status.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/RunFunction.h"

#include "targets/cpu/ConstantLayouts.h"

#include "compiler/onnx/Diagnostics.h"
#include "compiler/reference/Evaluator.h"
#include "dialects/hone/HoneOps.h"
#include "runtime/include/hone/runtime.h"
#include "targets/cpu/DimLowering.h"
#include "targets/cpu/HalideKernels.h"

#include <limits>

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

// Offsets in hone_run_context_t.
constexpr int64_t kInputsField = 0, kArenaField = 8, kWeightsField = 16, kOutputsField = 32,
                  kOutputDimsField = 40, kDoParForField = 48, kAllocField = 56,
                  kErrorMessageField = 72, kKernelErrorField = 80, kRunOpField = 88,
                  kKernelMallocField = 96, kKernelFreeField = 104;
// hone_tensor_t is 24 bytes: dims at 8, data at 16.
constexpr int64_t kTensorSize = 24, kTensorDims = 8, kTensorData = 16;
/// Halide describes dims and strides with int32.
constexpr int64_t kMaxExtent = 2147483647;

/// Halide's type code and bits of an element type (bools are uint8).
std::pair<int, int> halideTypeCode(Type element) {
  Halide::Type type = halideTypeOf(element);
  // halide_type_code_t: int 0, uint 1, float 2, handle 3, bfloat 4.
  int code = type.is_bfloat() ? 4 : type.is_float() ? 2 : type.is_uint() ? 1 : 0;
  return {code, type.bits()};
}

/// Loads the value of every input-dim symbol from `inputs` (the run's
/// hone_tensor_t array); a symbol several dims share is the first one's,
/// and `check` receives the condition that each other one equals it.
llvm::DenseMap<unsigned, Value>
loadInputSymbols(OpBuilder &b, Location loc, Type ptr, Value inputs, func::FuncOp main,
                 const SymbolicShapes &shapes,
                 const std::function<void(Value, const std::string &)> &check) {
  llvm::DenseMap<unsigned, Value> values;
  for (const SymbolicShapes::InputBinding &binding : shapes.getInputBindings()) {
    Value dims = loadField(b, loc, ptr, inputs, binding.argument * 24 + 8);
    Value dim = loadField(b, loc, b.getI64Type(), dims, 8 * binding.dim);
    auto it = values.find(binding.symbol);
    if (it == values.end()) {
      values[binding.symbol] = dim;
      continue;
    }
    if (check) {
      auto name = main.getArgAttrOfType<StringAttr>(binding.argument, "hone.name");
      check(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, dim, it->second),
            "input '" + (name ? name.str() : std::to_string(binding.argument)) + "' dim " +
                std::to_string(binding.dim) + " must equal the other dims named '" +
                shapes.getSymbols()[binding.symbol].name + "'");
    }
  }
  return values;
}

/// Lowers `e` with its symbols' values in `symbols`.
Value lowerWithSymbols(OpBuilder &b, Location loc, const DimExpr &e,
                       const llvm::DenseMap<unsigned, Value> &symbols) {
  LlvmDimLowering lowering(b, loc, [&](const DimExpr &leaf) -> Value {
    if (leaf.getKind() != DimExpr::Kind::Symbol)
      return nullptr;
    auto it = symbols.find(leaf.getIndex());
    return it == symbols.end() ? nullptr : it->second;
  });
  return lowering.lower(e);
}

/// A tensor during the run: where its data is and its dims (i64 values).
struct RuntimeTensor {
  Value data;
  SmallVector<Value> dims;
};

class RunFunctionBuilder {
public:
  RunFunctionBuilder(DriverBuilder &d, const llvm::DenseMap<Value, PlacedTensor> &tensors,
                     const SymbolicShapes &shapes, const MemoryPlan &plan)
      : d(d), b(d.builder), loc(d.loc), tensors(tensors), shapes(shapes), plan(plan) {}

  LogicalResult build(func::FuncOp main, ArrayRef<KernelCall> kernels, StringRef errorHandler);

private:
  Value i64(int64_t v) { return constantInt(b, loc, b.getI64Type(), v); }
  /// An i1: whether this run's size is below `size`'s.
  FailureOr<Value> belowSize(const KernelCall::SizeSwitch &size, Operation *op);
  Value i32(int64_t v) { return constantInt(b, loc, b.getI32Type(), v); }
  /// Continues where `ok` holds, else fails the run with `status` and
  /// `message`.
  void checkOr(Value ok, hone_status_t status, const std::string &message);
  RuntimeTensor &tensorOf(Value value);
  /// Element `index` of `tensor` (element type `element`) as i64 or f64.
  Value loadElement(const RuntimeTensor &tensor, Type element, int64_t index, bool asFloat);
  /// The leaves of `op`'s shape function (operand dims and values) as the
  /// run's values.
  std::function<Value(const DimExpr &)> operandLeaves(Operation *op);
  std::function<Value(const DimExpr &)> operandLeaves(Operation *op,
                                                      const llvm::DenseMap<Value, RuntimeTensor> &from);
  /// `op`'s result dims at run time from its operands' in `from`, after
  /// emitting its shape function's checks.
  FailureOr<SmallVector<SmallVector<Value>>> resultDims(Operation *op,
                                                        const llvm::DenseMap<Value, RuntimeTensor> &from,
                                                        const std::string &node);
  LogicalResult computeFusedResults(FusedOp op, const std::string &node);
  /// The dims of `op`'s results, computed and checked; fills `results`.
  LogicalResult computeResults(const KernelCall &call);
  /// Calls the runtime for an op it runs; its results' dims and data come
  /// back from it.
  LogicalResult callRuntimeOp(const KernelCall &call);
  /// Emits the calls of `block`'s ops, in order.
  LogicalResult emitBlock(Block &block);
  /// One generated kernel: results' dims and places, then the call.
  LogicalResult emitKernel(const KernelCall &call);
  /// If: a branch per region; the taken one's results are copied into the
  /// If's results.
  LogicalResult emitIf(IfOp op);
  /// Loop: a loop in the run function over the body's kernels; carried
  /// values pass from one iteration to the next, scan outputs are stacked.
  LogicalResult emitLoop(LoopOp op);
  /// Where `result` (with `dims`) lives: its place in the arena (checking
  /// that the dims fit it) or memory from the scratch.
  FailureOr<Value> placeResult(OpResult result, ArrayRef<Value> dims, const std::string &node);
  /// Copies `elements` elements of `type` from `from` to `to`.
  void copyElements(Value to, Value from, Value elements, RankedTensorType type);
  /// `dims` checked against the static dims of `type` (a mismatch fails the
  /// run), with the static ones as constants.
  SmallVector<Value> checkedDims(ArrayRef<Value> dims, RankedTensorType type, const std::string &what);
  /// An array of `count` hone_tensor_t on the stack.
  Value tensorArray(int64_t count);
  Value allocate(const RankedTensorType &type, ArrayRef<Value> dims, const std::string &node);
  /// The element count of `dims`, checked below 2^31 (Halide's int32
  /// strides); `what` names the tensor in the message.
  Value checkedElements(ArrayRef<Value> dims, const std::string &what);
  Value halideBuffer(Value data, Type element, ArrayRef<Value> dims);

  DriverBuilder &d;
  OpBuilder &b;
  Location loc;
  const llvm::DenseMap<Value, PlacedTensor> &tensors;
  const SymbolicShapes &shapes;
  const MemoryPlan &plan;
  /// Values of the input-dim symbols and the plan's offset variables.
  llvm::DenseMap<unsigned, Value> symbolValues;
  LLVM::LLVMFuncOp func;
  Block *failureBlock = nullptr;
  /// Returns its status argument (the reason is already set).
  Block *returnBlock = nullptr;
  Value ctx, inputs, arena, weights;
  llvm::DenseMap<Value, RuntimeTensor> values;
  llvm::DenseMap<Operation *, const KernelCall *> callOf;
};

void RunFunctionBuilder::checkOr(Value ok, hone_status_t status, const std::string &message) {
  if (auto constant = ok.getDefiningOp<LLVM::ConstantOp>())
    if (auto value = dyn_cast<IntegerAttr>(constant.getValue()); value && value.getInt() != 0)
      return;
  Block *next = new Block();
  func.getBody().push_back(next);
  Value text = b.create<LLVM::AddressOfOp>(loc, d.ptr, d.addString(message));
  b.create<LLVM::CondBrOp>(loc, ok, next, ValueRange{}, failureBlock, ValueRange{i32(status), text});
  b.setInsertionPointToStart(next);
}

RuntimeTensor &RunFunctionBuilder::tensorOf(Value value) { return values[value]; }

Value RunFunctionBuilder::loadElement(const RuntimeTensor &tensor, Type element, int64_t index,
                                      bool asFloat) {
  Type stored = element.isInteger(1) ? b.getI8Type() : element;
  if (auto integer = dyn_cast<IntegerType>(stored))
    stored = b.getIntegerType(integer.getWidth()); // LLVM integers are signless
  int64_t bytes = elementBytes(element);
  Value v = b.create<LLVM::LoadOp>(loc, stored, fieldPtr(b, loc, tensor.data, index * bytes));
  if (isa<FloatType>(stored)) {
    if (!stored.isF64())
      v = b.create<LLVM::FPExtOp>(loc, b.getF64Type(), v);
    return asFloat ? v : Value();
  }
  if (stored.getIntOrFloatBitWidth() < 64) {
    bool isUnsigned = element.isUnsignedInteger() || element.isInteger(1);
    v = isUnsigned ? b.create<LLVM::ZExtOp>(loc, b.getI64Type(), v).getResult()
                   : b.create<LLVM::SExtOp>(loc, b.getI64Type(), v).getResult();
  }
  return asFloat ? b.create<LLVM::SIToFPOp>(loc, b.getF64Type(), v).getResult() : v;
}

Value RunFunctionBuilder::checkedElements(ArrayRef<Value> dims, const std::string &what) {
  // Elements, saturating at 2^31: each dim is below 2^31, so no product
  // overflows before the clamp.
  Value limit = i64(kMaxExtent + 1);
  Value elements = i64(1);
  for (Value dim : dims) {
    Value product = b.create<LLVM::MulOp>(loc, elements, dim);
    elements = b.create<LLVM::SelectOp>(
        loc, b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::slt, product, limit), product, limit);
  }
  checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::sle, elements, i64(kMaxExtent)),
          HONE_ERROR_SHAPE_MISMATCH, what + " would have 2^31 or more elements");
  return elements;
}

Value RunFunctionBuilder::allocate(const RankedTensorType &type, ArrayRef<Value> dims,
                                   const std::string &node) {
  Value elements = checkedElements(dims, node + ": a result");
  Value bytes = b.create<LLVM::MulOp>(loc, elements, i64(elementBytes(type.getElementType())));
  Value allocFn = loadField(b, loc, d.ptr, ctx, kAllocField);
  auto allocType = LLVM::LLVMFunctionType::get(d.ptr, {d.ptr, b.getI64Type()});
  Value memory = b.create<LLVM::CallOp>(loc, allocType, ValueRange{allocFn, ctx, bytes}).getResult();
  Value null = b.create<LLVM::ZeroOp>(loc, d.ptr);
  checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ne, memory, null),
          HONE_ERROR_OUT_OF_MEMORY, node + ": out of memory for a result");
  return memory;
}

Value RunFunctionBuilder::halideBuffer(Value data, Type element, ArrayRef<Value> dims) {
  // A halide_buffer_t (56 bytes) and its halide_dimension_t array (16
  // bytes per dim, innermost first) on the stack.
  Value null = b.create<LLVM::ZeroOp>(loc, d.ptr);
  Value buffer = b.create<LLVM::AllocaOp>(loc, d.ptr, b.getI8Type(), i64(56), 16);
  int64_t rank = static_cast<int64_t>(dims.size());
  Value dimArray =
      rank ? b.create<LLVM::AllocaOp>(loc, d.ptr, b.getI8Type(), i64(16 * rank), 8) : null;
  auto [code, bits] = halideTypeCode(element);
  storeField(b, loc, i64(0), buffer, 0);
  storeField(b, loc, null, buffer, 8);
  storeField(b, loc, data, buffer, 16);
  storeField(b, loc, i64(0), buffer, 24);
  storeField(b, loc, constantInt(b, loc, b.getI8Type(), code), buffer, 32);
  storeField(b, loc, constantInt(b, loc, b.getI8Type(), bits), buffer, 33);
  storeField(b, loc, constantInt(b, loc, b.getI16Type(), 1), buffer, 34);
  storeField(b, loc, i32(rank), buffer, 36);
  storeField(b, loc, dimArray, buffer, 40);
  storeField(b, loc, null, buffer, 48);
  Value stride = i64(1);
  for (int64_t k = 0; k < rank; ++k) {
    Value extent = dims[rank - 1 - k];
    int64_t field = 16 * k;
    storeField(b, loc, i32(0), dimArray, field);
    storeField(b, loc, b.create<LLVM::TruncOp>(loc, b.getI32Type(), extent), dimArray, field + 4);
    storeField(b, loc, b.create<LLVM::TruncOp>(loc, b.getI32Type(), stride), dimArray, field + 8);
    storeField(b, loc, i32(0), dimArray, field + 12);
    stride = b.create<LLVM::MulOp>(loc, stride, extent);
  }
  return buffer;
}

Value RunFunctionBuilder::tensorArray(int64_t count) {
  return b.create<LLVM::AllocaOp>(loc, d.ptr, b.getI8Type(), i64(std::max<int64_t>(1, count) * kTensorSize), 8);
}

LogicalResult RunFunctionBuilder::callRuntimeOp(const KernelCall &call) {
  Operation *op = call.op;
  std::string node = describeNode(op->getLoc());
  Value null = b.create<LLVM::ZeroOp>(loc, d.ptr);
  // Inputs: an absent optional one has null data and dtype 0.
  int64_t numInputs = op->getNumOperands();
  Value inputArray = tensorArray(numInputs);
  for (auto [i, operand] : llvm::enumerate(op->getOperands())) {
    int64_t base = static_cast<int64_t>(i) * kTensorSize;
    if (isa<NoneType>(operand.getType())) {
      storeField(b, loc, i32(0), inputArray, base);
      storeField(b, loc, i32(0), inputArray, base + 4);
      storeField(b, loc, null, inputArray, base + kTensorDims);
      storeField(b, loc, null, inputArray, base + kTensorData);
      continue;
    }
    const RuntimeTensor &tensor = values[operand];
    auto type = cast<ShapedType>(operand.getType());
    int64_t rank = static_cast<int64_t>(tensor.dims.size());
    Value dims = rank ? b.create<LLVM::AllocaOp>(loc, d.ptr, b.getI8Type(), i64(8 * rank), 8).getResult()
                      : null;
    for (int64_t k = 0; k < rank; ++k)
      storeField(b, loc, tensor.dims[k], dims, 8 * k);
    storeField(b, loc, i32(static_cast<int64_t>(dtypeOf(type.getElementType()))), inputArray, base);
    storeField(b, loc, i32(rank), inputArray, base + 4);
    storeField(b, loc, dims, inputArray, base + kTensorDims);
    storeField(b, loc, tensor.data, inputArray, base + kTensorData);
  }
  // Outputs: dtype and rank, with dims storage the runtime fills.
  int64_t numOutputs = op->getNumResults();
  Value outputArray = tensorArray(numOutputs);
  Value dimPointers = b.create<LLVM::AllocaOp>(loc, d.ptr, b.getI8Type(), i64(8 * numOutputs), 8);
  SmallVector<Value> dimStorage;
  for (OpResult result : op->getResults()) {
    auto type = dyn_cast<RankedTensorType>(result.getType());
    if (!type)
      return op->emitError() << "result " << result.getResultNumber() << " has an unknown rank",
             failure();
    int64_t base = result.getResultNumber() * kTensorSize;
    Value dims = b.create<LLVM::AllocaOp>(loc, d.ptr, b.getI8Type(), i64(8 * std::max<int64_t>(1, type.getRank())), 8);
    dimStorage.push_back(dims);
    storeField(b, loc, dims, dimPointers, 8 * result.getResultNumber());
    storeField(b, loc, i32(static_cast<int64_t>(dtypeOf(type.getElementType()))), outputArray, base);
    storeField(b, loc, i32(type.getRank()), outputArray, base + 4);
    storeField(b, loc, dims, outputArray, base + kTensorDims);
    storeField(b, loc, null, outputArray, base + kTensorData);
  }
  Value attrs = b.create<LLVM::AddressOfOp>(loc, d.ptr, d.addI64Array(call.runtimeOp->attrs));
  Value runOp = loadField(b, loc, d.ptr, ctx, kRunOpField);
  auto runOpType = LLVM::LLVMFunctionType::get(
      b.getI32Type(), {d.ptr, b.getI32Type(), d.ptr, d.ptr, b.getI32Type(), d.ptr, d.ptr, b.getI32Type()});
  Value status = b.create<LLVM::CallOp>(loc, runOpType,
                                        ValueRange{runOp, ctx, i32(call.runtimeOp->op), attrs,
                                                   inputArray, i32(numInputs), outputArray,
                                                   dimPointers, i32(numOutputs)})
                     .getResult();
  // A failing op has left its reason; its status ends the run.
  Block *next = new Block();
  func.getBody().push_back(next);
  b.create<LLVM::CondBrOp>(loc, b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, status, i32(0)),
                           next, ValueRange{}, returnBlock, ValueRange{status});
  b.setInsertionPointToStart(next);
  for (OpResult result : op->getResults()) {
    auto type = cast<RankedTensorType>(result.getType());
    RuntimeTensor tensor;
    tensor.data = loadField(b, loc, d.ptr, outputArray, result.getResultNumber() * kTensorSize + kTensorData);
    for (int64_t k = 0; k < type.getRank(); ++k) {
      Value dim = loadField(b, loc, b.getI64Type(), dimStorage[result.getResultNumber()], 8 * k);
      if (!type.isDynamicDim(k)) {
        // The runtime agrees with the static dims of the type.
        checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, dim, i64(type.getDimSize(k))),
                HONE_ERROR_INTERNAL, node + ": the runtime op gave another result shape");
        dim = i64(type.getDimSize(k));
      }
      tensor.dims.push_back(dim);
    }
    values[result] = std::move(tensor);
  }
  return success();
}

std::function<Value(const DimExpr &)> RunFunctionBuilder::operandLeaves(Operation *op) {
  return operandLeaves(op, values);
}

std::function<Value(const DimExpr &)>
RunFunctionBuilder::operandLeaves(Operation *op, const llvm::DenseMap<Value, RuntimeTensor> &from) {
  SmallVector<RuntimeTensor> operands;
  for (Value operand : op->getOperands()) {
    auto it = from.find(operand);
    operands.push_back(it != from.end() ? it->second : RuntimeTensor());
  }
  return [this, op, operands](const DimExpr &leaf) -> Value {
    unsigned i = leaf.getIndex();
    // Dims are known for every computed tensor; values only where it has
    // data (a tensor inside a fused kernel has none outside it).
    if (i >= operands.size())
      return nullptr;
    if (leaf.getKind() == DimExpr::Kind::OperandDim)
      return leaf.getPosition() < static_cast<int64_t>(operands[i].dims.size())
                 ? operands[i].dims[leaf.getPosition()]
                 : nullptr;
    if (!operands[i].data)
      return nullptr;
    if (leaf.getKind() == DimExpr::Kind::OperandValue) {
      auto type = cast<ShapedType>(op->getOperand(i).getType());
      return loadElement(operands[i], type.getElementType(), leaf.getPosition(), leaf.isFloat());
    }
    return nullptr;
  };
}

LogicalResult RunFunctionBuilder::computeResults(const KernelCall &call) {
  Operation *op = call.op;
  std::string node = describeNode(op->getLoc());
  if (auto fused = dyn_cast<FusedOp>(op))
    return computeFusedResults(fused, node);
  FailureOr<SmallVector<SmallVector<Value>>> dims = resultDims(op, values, node);
  if (failed(dims))
    return failure();
  for (OpResult result : op->getResults()) {
    if (!tensors.count(result))
      continue;
    RuntimeTensor tensor;
    tensor.dims = (*dims)[result.getResultNumber()];
    FailureOr<Value> data = placeResult(result, tensor.dims, node);
    if (failed(data))
      return failure();
    tensor.data = *data;
    values[result] = std::move(tensor);
  }
  return success();
}

LogicalResult RunFunctionBuilder::computeFusedResults(FusedOp op, const std::string &node) {
  // The body's shape functions, op by op, on run-time dims: each one's
  // checks (broadcasts that must agree...) hold before the kernel runs, as
  // they would for the ops one by one.
  llvm::DenseMap<Value, RuntimeTensor> inner;
  Block &body = op.getBody().front();
  for (auto [arg, input] : llvm::zip(body.getArguments(), op.getInputs()))
    if (values.count(input))
      inner[arg] = values[input];
  for (Operation &member : body.without_terminator()) {
    FailureOr<SmallVector<SmallVector<Value>>> dims = resultDims(&member, inner, node);
    if (failed(dims))
      return failure();
    for (OpResult result : member.getResults())
      inner[result] = RuntimeTensor{Value(), (*dims)[result.getResultNumber()]};
  }
  for (auto [result, yielded] : llvm::zip(op->getResults(), body.getTerminator()->getOperands())) {
    if (!tensors.count(result))
      continue;
    RuntimeTensor tensor;
    tensor.dims = inner[yielded].dims;
    FailureOr<Value> data = placeResult(cast<OpResult>(result), tensor.dims, node);
    if (failed(data))
      return failure();
    tensor.data = *data;
    values[result] = std::move(tensor);
  }
  return success();
}

FailureOr<SmallVector<SmallVector<Value>>>
RunFunctionBuilder::resultDims(Operation *op, const llvm::DenseMap<Value, RuntimeTensor> &from,
                               const std::string &node) {
  ShapeContext shapes(op);
  if (failed(shapes.infer()))
    return failure(); // the shape function said why
  LlvmDimLowering lowering(b, loc, operandLeaves(op, from));
  // The shape function's conditions, before anything else reads data the
  // inputs' dims might not cover.
  for (const ShapeCheck &check : shapes.getChecks()) {
    Value ok = lowering.lowerCondition(check.condition);
    if (!ok)
      return op->emitError() << "cannot check at run time: " << check.message, failure();
    checkOr(ok, HONE_ERROR_SHAPE_MISMATCH, node + ": " + check.message);
  }
  SmallVector<SmallVector<Value>> all(op->getNumResults());
  for (OpResult result : op->getResults()) {
    auto type = dyn_cast<RankedTensorType>(result.getType());
    if (!type || (result.getResultNumber() > 0 && result.use_empty()))
      continue;
    const ShapeResult &shape = shapes.getResult(result.getResultNumber());
    SmallVector<Value> &dims = all[result.getResultNumber()];
    for (int64_t k = 0; k < type.getRank(); ++k) {
      DimExpr expr = shape.ranked && k < static_cast<int64_t>(shape.dims.size())
                         ? shape.dims[k]
                         : DimExpr::unknown();
      if (!type.isDynamicDim(k)) {
        int64_t size = type.getDimSize(k);
        dims.push_back(i64(size));
        // A static type the shape function cannot confirm before the run
        // (a shape operand read at run time) is checked.
        if (!expr.getConstant() && !expr.hasUnknown() &&
            expr.getKind() != DimExpr::Kind::ResultDim) {
          Value value = lowering.lower(expr);
          if (!value)
            return op->emitError() << "cannot compute dim " << k << " of result "
                                   << result.getResultNumber() << " at run time",
                   failure();
          checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, value, i64(size)),
                  HONE_ERROR_SHAPE_MISMATCH,
                  node + ": result " + std::to_string(result.getResultNumber()) + " dim " +
                      std::to_string(k) + " is not " + std::to_string(size) +
                      " as the model declares");
        }
        continue;
      }
      if (expr.getKind() == DimExpr::Kind::ResultDim)
        return op->emitError() << "result " << result.getResultNumber()
                               << " has a size known only after the op runs, which the CPU "
                                  "code generator does not compile yet",
               failure();
      Value value = expr.hasUnknown() ? Value() : lowering.lower(expr);
      if (!value)
        return op->emitError() << "dim " << k << " of result " << result.getResultNumber()
                               << " cannot be computed before the op runs",
               failure();
      checkOr(b.create<LLVM::AndOp>(
                  loc, b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::sge, value, i64(0)),
                  b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::sle, value, i64(kMaxExtent))),
              HONE_ERROR_SHAPE_MISMATCH,
              node + ": result " + std::to_string(result.getResultNumber()) + " dim " +
                  std::to_string(k) + " would be negative or 2^31 or more");
      dims.push_back(value);
    }
  }
  return all;
}

FailureOr<Value> RunFunctionBuilder::placeResult(OpResult result, ArrayRef<Value> dims,
                                                 const std::string &node) {
  const PlacedTensor &placed = tensors.find(result)->second;
  switch (placed.placement.kind) {
  case Placement::Arena:
    return fieldPtr(b, loc, arena, placed.placement.index);
  case Placement::ArenaSymbolic: {
    // The plan sized this tensor from the input dims; what the op's shape
    // function computes now must fit (it always should).
    Value planned = lowerWithSymbols(b, loc, this->shapes.bytes(result), symbolValues);
    Value offset = lowerWithSymbols(b, loc, placed.offset, symbolValues);
    if (!planned || !offset)
      return result.getOwner()->emitError() << "the memory plan of a result cannot be computed",
             failure();
    Value elements = checkedElements(dims, node + ": a result");
    Value bytes = b.create<LLVM::MulOp>(loc, elements, i64(elementBytes(placed.type.getElementType())));
    checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::sle, bytes, planned), HONE_ERROR_INTERNAL,
            node + ": a result outgrows its place in the memory plan");
    return fieldPtr(b, loc, arena, offset);
  }
  case Placement::Dynamic:
    return allocate(placed.type, dims, node);
  case Placement::View:
    return values[result.getOwner()->getOperand(0)].data;
  default:
    return result.getOwner()->emitError() << "a result placed as an input or weights", failure();
  }
}

void RunFunctionBuilder::copyElements(Value to, Value from, Value elements, RankedTensorType type) {
  Value bytes = b.create<LLVM::MulOp>(loc, elements, i64(elementBytes(type.getElementType())));
  b.create<LLVM::MemcpyOp>(loc, to, from, bytes, false);
}

SmallVector<Value> RunFunctionBuilder::checkedDims(ArrayRef<Value> dims, RankedTensorType type,
                                                   const std::string &what) {
  SmallVector<Value> checked;
  for (auto [k, dim] : llvm::enumerate(dims)) {
    if (type.isDynamicDim(k)) {
      checked.push_back(dim);
      continue;
    }
    Value size = i64(type.getDimSize(k));
    checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, dim, size), HONE_ERROR_SHAPE_MISMATCH,
            what + " dim " + std::to_string(k) + " is not " + std::to_string(type.getDimSize(k)) +
                " as the model declares");
    checked.push_back(size);
  }
  return checked;
}

LogicalResult RunFunctionBuilder::emitBlock(Block &block) {
  for (Operation &op : block) {
    auto it = callOf.find(&op);
    if (it == callOf.end())
      continue; // constants, none, terminators
    const KernelCall &call = *it->second;
    auto placed = op.getNumResults() == 1 ? tensors.find(op.getResult(0)) : tensors.end();
    bool view = placed != tensors.end() && placed->second.placement.kind == Placement::View;
    LogicalResult emitted = call.runtimeOp          ? callRuntimeOp(call)
                            : view                 ? computeResults(call)
                            : isa<IfOp>(call.op)   ? emitIf(cast<IfOp>(call.op))
                            : isa<LoopOp>(call.op) ? emitLoop(cast<LoopOp>(call.op))
                                                   : emitKernel(call);
    if (failed(emitted))
      return failure();
  }
  return success();
}

LogicalResult RunFunctionBuilder::emitIf(IfOp op) {
  std::string node = describeNode(op->getLoc());
  const RuntimeTensor &condTensor = values[op.getCond()];
  Value cond = b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ne,
                                      loadElement(condTensor, b.getI1Type(), 0, false),
                                      i64(0));
  // The merge block receives each result's data and dims.
  Block *merge = new Block();
  for (OpResult result : op->getResults()) {
    merge->addArgument(d.ptr, loc);
    for (int64_t k = 0; k < tensors.find(result)->second.type.getRank(); ++k)
      merge->addArgument(b.getI64Type(), loc);
  }
  Block *thenBlock = new Block(), *elseBlock = new Block();
  func.getBody().push_back(thenBlock);
  func.getBody().push_back(elseBlock);
  b.create<LLVM::CondBrOp>(loc, cond, thenBlock, ValueRange{}, elseBlock, ValueRange{});
  std::pair<Region *, Block *> branches[] = {{&op.getThenBranch(), thenBlock},
                                              {&op.getElseBranch(), elseBlock}};
  for (auto [region, block] : branches) {
    b.setInsertionPointToStart(block);
    Block &body = region->front();
    if (failed(emitBlock(body)))
      return failure();
    auto yield = cast<YieldOp>(body.getTerminator());
    SmallVector<Value> forwarded;
    for (auto [result, yielded] : llvm::zip(op->getResults(), yield.getValues())) {
      const RuntimeTensor &from = values[yielded];
      RankedTensorType type = tensors.find(result)->second.type;
      if (static_cast<int64_t>(from.dims.size()) != type.getRank())
        return op->emitError() << "a branch yields a result of another rank", failure();
      SmallVector<Value> dims = checkedDims(from.dims, type, node + ": result " +
                                                              std::to_string(result.getResultNumber()));
      FailureOr<Value> to = placeResult(result, dims, node);
      if (failed(to))
        return failure();
      copyElements(*to, from.data, checkedElements(dims, node + ": a result"), type);
      forwarded.push_back(*to);
      forwarded.append(dims.begin(), dims.end());
    }
    b.create<LLVM::BrOp>(loc, forwarded, merge);
  }
  func.getBody().push_back(merge);
  b.setInsertionPointToStart(merge);
  unsigned arg = 0;
  for (OpResult result : op->getResults()) {
    RuntimeTensor tensor;
    tensor.data = merge->getArgument(arg++);
    for (int64_t k = 0; k < tensors.find(result)->second.type.getRank(); ++k)
      tensor.dims.push_back(merge->getArgument(arg++));
    values[result] = std::move(tensor);
  }
  return success();
}

LogicalResult RunFunctionBuilder::emitLoop(LoopOp op) {
  std::string node = describeNode(op->getLoc());
  Block &body = op.getBody().front();
  auto yield = cast<YieldOp>(body.getTerminator());
  unsigned carried = op.getVInitial().size();
  unsigned scans = op->getNumResults() - carried;
  bool hasTripCount = !isa<NoneType>(op.getM().getType());
  bool hasCondition = !isa<NoneType>(op.getCond().getType());
  if (!hasTripCount && !hasCondition)
    return op->emitError() << "a Loop with neither a trip count nor a condition never ends", failure();
  if (body.getNumArguments() != 2 + carried || yield.getValues().size() != 1 + carried + scans)
    return op->emitError() << "the body's arguments or results do not match the Loop's", failure();
  Type i1 = b.getI1Type(), i64Type = b.getI64Type();
  Value tripCount = hasTripCount ? loadElement(values[op.getM()], b.getI64Type(), 0, false)
                                 : i64(std::numeric_limits<int64_t>::max());
  Value cond = hasCondition
                   ? b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ne,
                                            loadElement(values[op.getCond()], i1, 0, false), i64(0))
                         .getResult()
                   : b.create<LLVM::ConstantOp>(loc, i1, b.getBoolAttr(true)).getResult();
  // A scan output's slice dims as the analysis knows them from the input
  // dims (when it does): the result's dims when no iteration runs.
  SmallVector<SmallVector<Value>> declaredSlices(scans);
  for (unsigned j = 0; j < scans; ++j) {
    const TensorDims &known = shapes.get(op->getResult(carried + j));
    for (size_t k = 1; known.ranked && k < known.dims.size(); ++k) {
      DimExpr dim = shapes.resolve(known.dims[k]);
      declaredSlices[j].push_back(shapes.knownAtStart(dim) ? lowerWithSymbols(b, loc, dim, symbolValues)
                                                           : Value());
    }
  }
  // The body reads the iteration number and the condition as tensors.
  Value iterationSlot = b.create<LLVM::AllocaOp>(loc, d.ptr, b.getI8Type(), i64(8), 8);
  Value conditionSlot = b.create<LLVM::AllocaOp>(loc, d.ptr, b.getI8Type(), i64(8), 8);

  // The loop header's arguments: the iteration number, the condition, each
  // carried value (data, dims), each scan output (stacked data, capacity in
  // iterations, the dims of one iteration's slice).
  SmallVector<Value> initial{i64(0), cond};
  SmallVector<RankedTensorType> carriedTypes, scanTypes;
  for (unsigned k = 0; k < carried; ++k) {
    RankedTensorType type = tensors.find(body.getArgument(2 + k))->second.type;
    const RuntimeTensor &from = values[op.getVInitial()[k]];
    if (static_cast<int64_t>(from.dims.size()) != type.getRank())
      return op->emitError() << "carried value " << k << " changes rank", failure();
    carriedTypes.push_back(type);
    initial.push_back(from.data);
    initial.append(from.dims.begin(), from.dims.end());
  }
  for (unsigned j = 0; j < scans; ++j) {
    RankedTensorType type = tensors.find(op->getResult(carried + j))->second.type;
    if (type.getRank() < 1)
      return op->emitError() << "scan output " << j << " must have rank 1 or more", failure();
    scanTypes.push_back(type);
    initial.push_back(b.create<LLVM::ZeroOp>(loc, d.ptr));
    initial.push_back(i64(0));
    for (int64_t k = 1; k < type.getRank(); ++k)
      initial.push_back(i64(0));
  }
  Block *header = new Block();
  for (Value v : initial)
    header->addArgument(v.getType(), loc);
  func.getBody().push_back(header);
  b.create<LLVM::BrOp>(loc, initial, header);
  b.setInsertionPointToStart(header);
  Value iteration = header->getArgument(0);
  Value going = b.create<LLVM::AndOp>(
      loc, header->getArgument(1), b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::slt, iteration, tripCount));
  Block *bodyBlock = new Block(), *exit = new Block();
  func.getBody().push_back(bodyBlock);
  b.create<LLVM::CondBrOp>(loc, going, bodyBlock, ValueRange{}, exit, ValueRange{});

  // The body. Its halide_buffer_t descriptors are on the stack: released
  // at the end of each iteration.
  b.setInsertionPointToStart(bodyBlock);
  Value stack = b.create<LLVM::StackSaveOp>(loc, d.ptr);
  b.create<LLVM::StoreOp>(loc, iteration, iterationSlot);
  b.create<LLVM::StoreOp>(loc, b.create<LLVM::ZExtOp>(loc, b.getI8Type(), header->getArgument(1)),
                          conditionSlot);
  // (Scalars; a body that declares them as one-element tensors sees that.)
  Value slots[] = {iterationSlot, conditionSlot};
  for (auto [k, slot] : llvm::enumerate(slots)) {
    RuntimeTensor tensor{slot, {}};
    for (int64_t r = 0; r < tensors.find(body.getArgument(k))->second.type.getRank(); ++r)
      tensor.dims.push_back(i64(1));
    values[body.getArgument(k)] = std::move(tensor);
  }
  unsigned arg = 2;
  for (unsigned k = 0; k < carried; ++k) {
    RuntimeTensor tensor;
    tensor.data = header->getArgument(arg++);
    for (int64_t r = 0; r < carriedTypes[k].getRank(); ++r)
      tensor.dims.push_back(header->getArgument(arg++));
    values[body.getArgument(2 + k)] = std::move(tensor);
  }
  if (failed(emitBlock(body)))
    return failure();
  SmallVector<Value> next{b.create<LLVM::AddOp>(loc, iteration, i64(1))};
  next.push_back(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ne,
                                        loadElement(values[yield.getValues()[0]], i1, 0, false), i64(0)));
  for (unsigned k = 0; k < carried; ++k) {
    Value yielded = yield.getValues()[1 + k];
    RuntimeTensor from = values[yielded];
    if (static_cast<int64_t>(from.dims.size()) != carriedTypes[k].getRank())
      return op->emitError() << "carried value " << k << " changes rank", failure();
    SmallVector<Value> dims = checkedDims(from.dims, carriedTypes[k],
                                          node + ": carried value " + std::to_string(k));
    // The iteration number and condition slots are rewritten by the next
    // iteration: a value that is one of them is copied.
    if (yielded == body.getArgument(0) || yielded == body.getArgument(1)) {
      Value copy = allocate(carriedTypes[k], dims, node);
      copyElements(copy, from.data, i64(1), carriedTypes[k]);
      from.data = copy;
    }
    next.push_back(from.data);
    next.append(dims.begin(), dims.end());
  }
  for (unsigned j = 0; j < scans; ++j) {
    RankedTensorType type = scanTypes[j];
    std::string what = node + ": scan output " + std::to_string(j);
    const RuntimeTensor &slice = values[yield.getValues()[1 + carried + j]];
    if (static_cast<int64_t>(slice.dims.size()) + 1 != type.getRank())
      return op->emitError() << "scan output " << j << " has the wrong rank", failure();
    Value stacked = header->getArgument(arg++), capacity = header->getArgument(arg++);
    // Every iteration's slice has the first one's dims.
    SmallVector<Value> sliceDims;
    for (int64_t k = 0; k + 1 < type.getRank(); ++k) {
      Value previous = header->getArgument(arg++);
      Value first = b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, iteration, i64(0));
      Value dim = b.create<LLVM::SelectOp>(loc, first, slice.dims[k], previous);
      checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, slice.dims[k], dim),
              HONE_ERROR_SHAPE_MISMATCH, what + " changes its dims between iterations");
      sliceDims.push_back(dim);
    }
    Value sliceElements = checkedElements(sliceDims, what);
    Value sliceBytes = b.create<LLVM::MulOp>(loc, sliceElements, i64(elementBytes(type.getElementType())));
    // Room for this slice: the stack of slices doubles when full.
    Block *grow = new Block(), *store = new Block();
    store->addArgument(d.ptr, loc);
    store->addArgument(i64Type, loc);
    func.getBody().push_back(grow);
    b.create<LLVM::CondBrOp>(loc, b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::slt, iteration, capacity),
                             store, ValueRange{stacked, capacity}, grow, ValueRange{});
    b.setInsertionPointToStart(grow);
    Value doubled = b.create<LLVM::SelectOp>(
        loc, b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::slt, capacity, i64(4)), i64(4),
        b.create<LLVM::MulOp>(loc, capacity, i64(2)));
    SmallVector<Value> grownDims{doubled};
    grownDims.append(sliceDims.begin(), sliceDims.end());
    Value grown = allocate(type, grownDims, what);
    b.create<LLVM::MemcpyOp>(loc, grown, stacked, b.create<LLVM::MulOp>(loc, iteration, sliceBytes), false);
    b.create<LLVM::BrOp>(loc, ValueRange{grown, doubled}, store);
    func.getBody().push_back(store);
    b.setInsertionPointToStart(store);
    Value at = b.create<LLVM::GEPOp>(loc, d.ptr, b.getI8Type(), store->getArgument(0),
                                     ValueRange{b.create<LLVM::MulOp>(loc, iteration, sliceBytes)});
    b.create<LLVM::MemcpyOp>(loc, at, slice.data, sliceBytes, false);
    next.push_back(store->getArgument(0));
    next.push_back(store->getArgument(1));
    next.append(sliceDims.begin(), sliceDims.end());
  }
  b.create<LLVM::StackRestoreOp>(loc, stack);
  b.create<LLVM::BrOp>(loc, next, header);

  // After the last iteration: the results, copied into their places.
  func.getBody().push_back(exit);
  b.setInsertionPointToStart(exit);
  arg = 2;
  for (unsigned k = 0; k < carried; ++k) {
    OpResult result = op->getResult(k);
    RankedTensorType type = tensors.find(result)->second.type;
    Value data = header->getArgument(arg++);
    SmallVector<Value> dims;
    for (int64_t r = 0; r < carriedTypes[k].getRank(); ++r)
      dims.push_back(header->getArgument(arg++));
    dims = checkedDims(dims, type, node + ": result " + std::to_string(k));
    FailureOr<Value> to = placeResult(result, dims, node);
    if (failed(to))
      return failure();
    copyElements(*to, data, checkedElements(dims, node + ": a result"), type);
    values[result] = RuntimeTensor{*to, dims};
  }
  for (unsigned j = 0; j < scans; ++j) {
    OpResult result = op->getResult(carried + j);
    RankedTensorType type = scanTypes[j];
    Value stacked = header->getArgument(arg++);
    arg++; // capacity
    SmallVector<Value> dims{iteration};
    for (int64_t k = 1; k < type.getRank(); ++k) {
      Value dim = header->getArgument(arg++);
      // No iteration ran: the slice dims are the static ones, else what
      // the shape function says, else 0.
      Value none = type.isDynamicDim(k) ? Value() : i64(type.getDimSize(k));
      if (!none && static_cast<size_t>(k - 1) < declaredSlices[j].size())
        none = declaredSlices[j][k - 1];
      dims.push_back(!none ? dim
                           : b.create<LLVM::SelectOp>(
                                  loc, b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, iteration, i64(0)),
                                  none, dim)
                                 .getResult());
    }
    dims = checkedDims(dims, type, node + ": result " + std::to_string(carried + j));
    FailureOr<Value> to = placeResult(result, dims, node);
    if (failed(to))
      return failure();
    copyElements(*to, stacked, checkedElements(dims, node + ": a result"), type);
    values[result] = RuntimeTensor{*to, dims};
  }
  return success();
}

FailureOr<Value> RunFunctionBuilder::belowSize(const KernelCall::SizeSwitch &size, Operation *op) {
  Value bytes = lowerWithSymbols(b, loc, size.bytes, symbolValues);
  if (!bytes)
    return op->emitError() << "the size that picks its kernel is not known when a run starts", failure();
  return b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::slt, bytes, i64(size.minBytes)).getResult();
}

LogicalResult RunFunctionBuilder::emitKernel(const KernelCall &call) {
  Type i32Type = b.getI32Type();
  if (failed(computeResults(call)))
    return failure();
  Operation *op = call.op;
  SmallVector<Value> args{ctx};
  for (Value operand : op->getOperands()) {
    if (isa<NoneType>(operand.getType()))
      continue;
    const RuntimeTensor &tensor = values[operand];
    args.push_back(halideBuffer(tensor.data, cast<ShapedType>(operand.getType()).getElementType(),
                                tensor.dims));
  }
  for (auto [result, view] : llvm::zip(op->getResults(), call.resultViews)) {
    if (!view)
      continue;
    const RuntimeTensor &tensor = values[result];
    SmallVector<Value> dims = tensor.dims;
    if (view.getShape() != tensors.find(result)->second.type.getShape()) {
      // The kernel's own (static) view of the same elements.
      dims.clear();
      for (int64_t size : view.getShape())
        dims.push_back(i64(size));
    }
    args.push_back(halideBuffer(tensor.data, view.getElementType(), dims));
  }
  // A kernel whose results are all empty has nothing to compute; it is
  // not called (Halide's loops over fused dims misjudge empty extents).
  Value anyElements;
  bool dynamicResults = false;
  for (auto [result, view] : llvm::zip(op->getResults(), call.resultViews)) {
    if (!view)
      continue;
    const RuntimeTensor &tensor = values[result];
    Value nonEmpty = b.create<LLVM::ConstantOp>(loc, b.getI1Type(), b.getBoolAttr(true));
    for (Value dim : tensor.dims) {
      dynamicResults |= !dim.getDefiningOp<LLVM::ConstantOp>();
      nonEmpty = b.create<LLVM::AndOp>(
          loc, nonEmpty, b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ne, dim, i64(0)));
    }
    anyElements = anyElements ? b.create<LLVM::OrOp>(loc, anyElements, nonEmpty).getResult() : nonEmpty;
  }
  Block *after = nullptr;
  // A chain's first op in its own kernel runs only below the size where
  // the chain computes it in its strips.
  if (call.onlyBelow) {
    FailureOr<Value> small = belowSize(*call.onlyBelow, op);
    if (failed(small))
      return failure();
    anyElements = anyElements ? b.create<LLVM::AndOp>(loc, anyElements, *small).getResult() : *small;
    dynamicResults = true;
  }
  if (dynamicResults && anyElements) {
    Block *callBlock = new Block();
    after = new Block();
    func.getBody().push_back(callBlock);
    func.getBody().push_back(after);
    b.create<LLVM::CondBrOp>(loc, anyElements, callBlock, ValueRange{}, after, ValueRange{});
    b.setInsertionPointToStart(callBlock);
  }
  LLVM::CallOp kernelCall;
  if (call.whole) {
    // The variant for this run's size: the whole first op below the bytes
    // where the plan's strips start to save.
    FailureOr<Value> small = belowSize(*call.whole, op);
    if (failed(small))
      return failure();
    Value chosen = b.create<LLVM::SelectOp>(loc, *small, b.create<LLVM::AddressOfOp>(loc, d.ptr, call.whole->symbol),
                                            b.create<LLVM::AddressOfOp>(loc, d.ptr, call.symbol));
    SmallVector<Type> argTypes(args.size(), d.ptr);
    SmallVector<Value> operands{chosen};
    operands.append(args.begin(), args.end());
    kernelCall = b.create<LLVM::CallOp>(loc, LLVM::LLVMFunctionType::get(i32Type, argTypes), operands);
  } else {
    kernelCall = b.create<LLVM::CallOp>(loc, TypeRange{i32Type}, call.symbol, args);
  }
  // A failing kernel (it never should: shapes are checked before it runs)
  // ends the run.
  checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, kernelCall.getResult(), i32(0)),
          HONE_ERROR_INTERNAL, describeNode(op->getLoc()) + ": the kernel failed");
  if (after) {
    b.create<LLVM::BrOp>(loc, ValueRange{}, after);
    b.setInsertionPointToStart(after);
  }
  return success();
}

LogicalResult RunFunctionBuilder::build(func::FuncOp main, ArrayRef<KernelCall> kernels,
                                        StringRef errorHandler) {
  MLIRContext *context = d.context;
  Type i32Type = b.getI32Type();
  b.create<LLVM::LLVMFuncOp>(loc, "halide_set_error_handler",
                             LLVM::LLVMFunctionType::get(d.ptr, {d.ptr}));
  b.create<LLVM::LLVMFuncOp>(loc, "halide_set_custom_do_par_for",
                             LLVM::LLVMFunctionType::get(d.ptr, {d.ptr}));
  b.create<LLVM::LLVMFuncOp>(loc, "halide_set_custom_malloc", LLVM::LLVMFunctionType::get(d.ptr, {d.ptr}));
  b.create<LLVM::LLVMFuncOp>(loc, "halide_set_custom_free", LLVM::LLVMFunctionType::get(d.ptr, {d.ptr}));
  func = b.create<LLVM::LLVMFuncOp>(loc, d.name + "_run", LLVM::LLVMFunctionType::get(i32Type, {d.ptr}),
                                    LLVM::Linkage::Internal);
  OpBuilder::InsertionGuard guard(b);
  Block *entry = func.addEntryBlock(b);
  ctx = entry->getArgument(0);

  // The failure block: leave the message, return the status.
  failureBlock = func.addBlock();
  failureBlock->addArgument(i32Type, loc);
  failureBlock->addArgument(d.ptr, loc);
  b.setInsertionPointToStart(failureBlock);
  {
    Value slot = loadField(b, loc, d.ptr, ctx, kErrorMessageField);
    Block *store = func.addBlock(), *done = func.addBlock();
    Value null = b.create<LLVM::ZeroOp>(loc, d.ptr);
    b.create<LLVM::CondBrOp>(loc, b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ne, slot, null),
                             store, ValueRange{}, done, ValueRange{});
    b.setInsertionPointToStart(store);
    b.create<LLVM::StoreOp>(loc, failureBlock->getArgument(1), slot);
    b.create<LLVM::BrOp>(loc, ValueRange{}, done);
    b.setInsertionPointToStart(done);
    b.create<LLVM::ReturnOp>(loc, failureBlock->getArgument(0));
  }

  returnBlock = func.addBlock();
  returnBlock->addArgument(i32Type, loc);
  b.setInsertionPointToStart(returnBlock);
  b.create<LLVM::ReturnOp>(loc, returnBlock->getArgument(0));

  b.setInsertionPointToStart(entry);
  inputs = loadField(b, loc, d.ptr, ctx, kInputsField);
  arena = loadField(b, loc, d.ptr, ctx, kArenaField);
  weights = loadField(b, loc, d.ptr, ctx, kWeightsField);
  Value outputs = loadField(b, loc, d.ptr, ctx, kOutputsField);
  Value outputDims = loadField(b, loc, d.ptr, ctx, kOutputDimsField);
  Value doParFor = loadField(b, loc, d.ptr, ctx, kDoParForField);
  b.create<LLVM::CallOp>(loc, TypeRange{d.ptr}, "halide_set_error_handler",
                         ValueRange{b.create<LLVM::AddressOfOp>(loc, d.ptr, errorHandler)});
  // Halide's parallel loops go to the runtime's pool. Every library an app
  // links shares one Halide runtime and installs the same function.
  b.create<LLVM::CallOp>(loc, TypeRange{d.ptr}, "halide_set_custom_do_par_for",
                         ValueRange{doParFor});
  // Kernels' temporaries (padded copies, values computed once in a fused
  // kernel) come from blocks the instance keeps: no system call or page
  // fault per run.
  b.create<LLVM::CallOp>(loc, TypeRange{d.ptr}, "halide_set_custom_malloc",
                         ValueRange{loadField(b, loc, d.ptr, ctx, kKernelMallocField)});
  b.create<LLVM::CallOp>(loc, TypeRange{d.ptr}, "halide_set_custom_free",
                         ValueRange{loadField(b, loc, d.ptr, ctx, kKernelFreeField)});

  // The input dims' symbols: dims that share one must be equal, and so
  // must the dims the analysis unified (an op needs them equal); then the
  // memory plan's offsets, once per run.
  symbolValues = loadInputSymbols(b, loc, d.ptr, inputs, main, shapes,
                                  [&](Value ok, const std::string &message) {
                                    checkOr(ok, HONE_ERROR_SHAPE_MISMATCH, message);
                                  });
  for (const auto &[id, value] : shapes.getAssumptions()) {
    auto it = symbolValues.find(id);
    Value expected = lowerWithSymbols(b, loc, shapes.resolve(value), symbolValues);
    if (it == symbolValues.end() || !expected)
      continue;
    checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, it->second, expected),
            HONE_ERROR_SHAPE_MISMATCH,
            "the input dim '" + shapes.getSymbols()[id].name + "' must equal " +
                shapes.print(value) + " (an op of the model needs them equal)");
  }
  for (const auto &[id, definition] : plan.variables)
    symbolValues[id] = lowerWithSymbols(b, loc, definition, symbolValues);

  // Graph inputs: the caller's data and dims (checked by the runtime
  // against the metadata before the run).
  for (BlockArgument arg : main.getArguments()) {
    const PlacedTensor &placed = tensors.find(arg)->second;
    int64_t base = placed.placement.index * kTensorSize;
    RuntimeTensor tensor;
    tensor.data = loadField(b, loc, d.ptr, inputs, base + kTensorData);
    Value dims = placed.type.hasStaticShape() ? Value()
                                              : loadField(b, loc, d.ptr, inputs, base + kTensorDims);
    for (int64_t k = 0; k < placed.type.getRank(); ++k)
      tensor.dims.push_back(placed.type.isDynamicDim(k)
                                ? loadField(b, loc, b.getI64Type(), dims, 8 * k)
                                : i64(placed.type.getDimSize(k)));
    // The runtime checked each dim against its bounds; the product is
    // checked here.
    if (!placed.type.hasStaticShape()) {
      auto name = main.getArgAttrOfType<StringAttr>(arg.getArgNumber(), "hone.name");
      checkedElements(tensor.dims, "input '" + (name ? name.str() : std::to_string(arg.getArgNumber())) + "'");
    }
    values[arg] = std::move(tensor);
  }
  for (auto &[value, placed] : tensors)
    if (placed.placement.kind == Placement::Weights) {
      RuntimeTensor tensor;
      tensor.data = fieldPtr(b, loc, weights, placed.placement.index);
      // Its kernels read it as stored (only kernels read a laid-out constant).
      for (int64_t size : storedShape(placed.type.getShape(), placed.layout))
        tensor.dims.push_back(i64(size));
      values[value] = std::move(tensor);
    }

  for (const KernelCall &call : kernels)
    callOf[call.op] = &call;
  if (failed(emitBlock(main.getBody().front())))
    return failure();

  // Outputs: data pointers and dims.
  auto returnOp = cast<func::ReturnOp>(main.getBody().front().getTerminator());
  for (auto [j, output] : llvm::enumerate(returnOp.getOperands())) {
    const RuntimeTensor &tensor = values[output];
    storeField(b, loc, tensor.data, outputs, static_cast<int64_t>(j) * kTensorSize + kTensorData);
    Value dimsPtr = loadField(b, loc, d.ptr, outputDims, static_cast<int64_t>(j) * 8);
    for (auto [k, dim] : llvm::enumerate(tensor.dims))
      storeField(b, loc, dim, dimsPtr, 8 * static_cast<int64_t>(k));
  }
  b.create<LLVM::ReturnOp>(loc, i32(HONE_OK));
  (void)context;
  return success();
}

} // namespace

bool mlir::hone::cpu::isControlFlow(Operation *op) { return isa<IfOp, LoopOp>(op); }

int64_t mlir::hone::cpu::elementBytes(Type elementType) {
  if (elementType.isInteger(1))
    return 1;
  return std::max<int64_t>(1, elementType.getIntOrFloatBitWidth() / 8);
}

LogicalResult mlir::hone::cpu::buildRunFunction(DriverBuilder &d, func::FuncOp main,
                                                ArrayRef<KernelCall> kernels,
                                                const llvm::DenseMap<Value, PlacedTensor> &tensors,
                                                StringRef errorHandler, const SymbolicShapes &shapes,
                                                const MemoryPlan &plan) {
  return RunFunctionBuilder(d, tensors, shapes, plan).build(main, kernels, errorHandler);
}

void mlir::hone::cpu::buildArenaBytesFunction(DriverBuilder &d, func::FuncOp main,
                                              const SymbolicShapes &shapes, const MemoryPlan &plan) {
  OpBuilder &b = d.builder;
  Location loc = d.loc;
  auto func = b.create<LLVM::LLVMFuncOp>(loc, d.name + "_arena_bytes",
                                         LLVM::LLVMFunctionType::get(b.getI64Type(), {d.ptr}),
                                         LLVM::Linkage::Internal);
  OpBuilder::InsertionGuard guard(b);
  Block *entry = func.addEntryBlock(b);
  b.setInsertionPointToStart(entry);
  Value bytes;
  if (std::optional<int64_t> known = plan.arenaBytes.getConstant()) {
    bytes = constantInt(b, loc, b.getI64Type(), *known);
  } else {
    llvm::DenseMap<unsigned, Value> symbols =
        loadInputSymbols(b, loc, d.ptr, entry->getArgument(0), main, shapes, {});
    for (const auto &[id, definition] : plan.variables)
      symbols[id] = lowerWithSymbols(b, loc, definition, symbols);
    bytes = lowerWithSymbols(b, loc, plan.arenaBytes, symbols);
    // Dims the checks of the run will refuse may give any size here: never
    // less than nothing.
    Value zero = constantInt(b, loc, b.getI64Type(), 0);
    bytes = b.create<LLVM::SelectOp>(loc, b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::slt, bytes, zero),
                                     zero, bytes);
  }
  b.create<LLVM::ReturnOp>(loc, bytes);
}
