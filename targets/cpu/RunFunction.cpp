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

#include "compiler/onnx/Diagnostics.h"
#include "compiler/reference/Evaluator.h"
#include "dialects/hone/HoneOps.h"
#include "runtime/include/hone/runtime.h"
#include "targets/cpu/DimLowering.h"
#include "targets/cpu/HalideKernels.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

// Offsets in hone_run_context_t.
constexpr int64_t kInputsField = 0, kArenaField = 8, kWeightsField = 16, kOutputsField = 32,
                  kOutputDimsField = 40, kDoParForField = 48, kAllocField = 56,
                  kErrorMessageField = 72, kKernelErrorField = 80, kRunOpField = 88;
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
  Value i32(int64_t v) { return constantInt(b, loc, b.getI32Type(), v); }
  /// Continues where `ok` holds, else fails the run with `status` and
  /// `message`.
  void checkOr(Value ok, hone_status_t status, const std::string &message);
  RuntimeTensor &tensorOf(Value value);
  /// Element `index` of `tensor` (element type `element`) as i64 or f64.
  Value loadElement(const RuntimeTensor &tensor, Type element, int64_t index, bool asFloat);
  /// The dims of `op`'s results, computed and checked; fills `results`.
  LogicalResult computeResults(const KernelCall &call);
  /// Calls the runtime for an op it runs; its results' dims and data come
  /// back from it.
  LogicalResult callRuntimeOp(const KernelCall &call);
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

LogicalResult RunFunctionBuilder::computeResults(const KernelCall &call) {
  Operation *op = call.op;
  std::string node = describeNode(op->getLoc());
  ShapeContext shapes(op);
  if (failed(shapes.infer()))
    return failure(); // the shape function said why
  SmallVector<const RuntimeTensor *> operands;
  for (Value operand : op->getOperands())
    operands.push_back(values.count(operand) ? &values[operand] : nullptr);
  LlvmDimLowering lowering(b, loc, [&](const DimExpr &leaf) -> Value {
    unsigned i = leaf.getIndex();
    if (i >= operands.size() || !operands[i])
      return nullptr;
    if (leaf.getKind() == DimExpr::Kind::OperandDim)
      return leaf.getPosition() < static_cast<int64_t>(operands[i]->dims.size())
                 ? operands[i]->dims[leaf.getPosition()]
                 : nullptr;
    if (leaf.getKind() == DimExpr::Kind::OperandValue) {
      auto type = cast<ShapedType>(op->getOperand(i).getType());
      return loadElement(*operands[i], type.getElementType(), leaf.getPosition(), leaf.isFloat());
    }
    return nullptr;
  });
  // The shape function's conditions, before anything else reads data the
  // inputs' dims might not cover.
  for (const ShapeCheck &check : shapes.getChecks()) {
    Value ok = lowering.lowerCondition(check.condition);
    if (!ok)
      return op->emitError() << "cannot check at run time: " << check.message, failure();
    checkOr(ok, HONE_ERROR_SHAPE_MISMATCH, node + ": " + check.message);
  }
  for (OpResult result : op->getResults()) {
    auto it = tensors.find(result);
    if (it == tensors.end())
      continue;
    const PlacedTensor &placed = it->second;
    const ShapeResult &shape = shapes.getResult(result.getResultNumber());
    RuntimeTensor tensor;
    for (int64_t k = 0; k < placed.type.getRank(); ++k) {
      DimExpr expr = shape.ranked && k < static_cast<int64_t>(shape.dims.size())
                         ? shape.dims[k]
                         : DimExpr::unknown();
      if (!placed.type.isDynamicDim(k)) {
        int64_t size = placed.type.getDimSize(k);
        tensor.dims.push_back(i64(size));
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
      tensor.dims.push_back(value);
    }
    switch (placed.placement.kind) {
    case Placement::Arena:
      tensor.data = fieldPtr(b, loc, arena, placed.placement.index);
      break;
    case Placement::ArenaSymbolic: {
      // The plan sized this tensor from the input dims; what the op's
      // shape function computes now must fit (it always should).
      Value planned = lowerWithSymbols(b, loc, this->shapes.bytes(result), symbolValues);
      Value offset = lowerWithSymbols(b, loc, placed.offset, symbolValues);
      if (!planned || !offset)
        return op->emitError() << "the memory plan of a result cannot be computed", failure();
      Value elements = checkedElements(tensor.dims, node + ": a result");
      Value bytes = b.create<LLVM::MulOp>(loc, elements, i64(elementBytes(placed.type.getElementType())));
      checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::sle, bytes, planned), HONE_ERROR_INTERNAL,
              node + ": a result outgrows its place in the memory plan");
      tensor.data = fieldPtr(b, loc, arena, offset);
      break;
    }
    case Placement::Dynamic:
      tensor.data = allocate(placed.type, tensor.dims, node);
      break;
    default:
      return op->emitError() << "a result placed as an input or weights", failure();
    }
    values[result] = std::move(tensor);
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
      for (int64_t size : placed.type.getShape())
        tensor.dims.push_back(i64(size));
      values[value] = std::move(tensor);
    }

  for (const KernelCall &call : kernels) {
    if (call.runtimeOp) {
      if (failed(callRuntimeOp(call)))
        return failure();
      continue;
    }
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
    if (dynamicResults && anyElements) {
      Block *callBlock = new Block();
      after = new Block();
      func.getBody().push_back(callBlock);
      func.getBody().push_back(after);
      b.create<LLVM::CondBrOp>(loc, anyElements, callBlock, ValueRange{}, after, ValueRange{});
      b.setInsertionPointToStart(callBlock);
    }
    auto kernelCall = b.create<LLVM::CallOp>(loc, TypeRange{i32Type}, call.symbol, args);
    // A failing kernel (it never should: shapes are checked before it runs)
    // ends the run.
    checkOr(b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::eq, kernelCall.getResult(), i32(0)),
            HONE_ERROR_INTERNAL, describeNode(op->getLoc()) + ": the kernel failed");
    if (after) {
      b.create<LLVM::BrOp>(loc, ValueRange{}, after);
      b.setInsertionPointToStart(after);
    }
  }

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
