//===- LibraryWriter.cpp - A compiled model as objects and a library ------===//
//
// Where every tensor lives decides the driver: graph inputs are the
// caller's buffers, constants are slices of the weights blob (64-byte
// aligned), everything else sits at the arena offset the memory plan chose.
// Each kernel receives halide_buffer_t descriptors built on the driver's
// stack; their layout is Halide 14's (HalideRuntime.h) and that of the
// descriptor structs is runtime.h's, on LP64 targets.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/LibraryWriter.h"

#include "compiler/reference/Evaluator.h"
#include "dialects/hone/HoneOps.h"
#include "runtime/include/hone/runtime.h"
#include "targets/cpu/CpuTargets.h"
#include "targets/cpu/HalideKernels.h"
#include "targets/cpu/Schedules.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Object/ArchiveWriter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"

#include <cctype>
#include <map>

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

constexpr int64_t kWeightAlignment = 64;

/// Where a tensor lives at run time.
struct Placement {
  enum Kind { Input, Arena, Weights } kind;
  int64_t index; // input number, or byte offset
};

struct Tensor {
  Placement placement;
  RankedTensorType type;
};

int64_t alignUp(int64_t v, int64_t a) { return (v + a - 1) / a * a; }

/// The byte offset of field `offset` of the struct at `base`.
Value fieldPtr(OpBuilder &b, Location loc, Value base, int64_t offset) {
  auto ptr = LLVM::LLVMPointerType::get(b.getContext());
  return b.create<LLVM::GEPOp>(loc, ptr, b.getI8Type(), base, ArrayRef<LLVM::GEPArg>{offset});
}

Value constantInt(OpBuilder &b, Location loc, Type type, int64_t value) {
  return b.create<LLVM::ConstantOp>(loc, type, b.getIntegerAttr(type, value));
}

void storeField(OpBuilder &b, Location loc, Value value, Value base, int64_t offset) {
  b.create<LLVM::StoreOp>(loc, value, fieldPtr(b, loc, base, offset));
}

Value loadField(OpBuilder &b, Location loc, Type type, Value base, int64_t offset) {
  return b.create<LLVM::LoadOp>(loc, type, fieldPtr(b, loc, base, offset));
}

/// Builds the LLVM-dialect module of the host driver.
class DriverBuilder {
public:
  DriverBuilder(MLIRContext *context, const std::string &name)
      : context(context), name(name), builder(context), loc(UnknownLoc::get(context)) {
    module = ModuleOp::create(loc);
    builder.setInsertionPointToEnd(module->getBody());
    ptr = LLVM::LLVMPointerType::get(context);
  }

  OwningOpRef<ModuleOp> module;

  /// A constant global named `symbol` holding `value`; its address type is ptr.
  void addGlobal(StringRef symbol, Type type, Attribute value, int64_t alignment = 0) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToEnd(module->getBody());
    auto global = builder.create<LLVM::GlobalOp>(loc, type, /*isConstant=*/true,
                                                 LLVM::Linkage::Internal, symbol, value, alignment);
    (void)global;
  }

  std::string addString(StringRef text) {
    std::string symbol = name + "_str" + std::to_string(strings++);
    std::string data = text.str();
    data.push_back('\0');
    addGlobal(symbol, LLVM::LLVMArrayType::get(builder.getI8Type(), data.size()),
              builder.getStringAttr(data));
    return symbol;
  }

  std::string addI64Array(ArrayRef<int64_t> values) {
    std::string symbol = name + "_dims" + std::to_string(arrays++);
    SmallVector<int64_t> data(values);
    if (data.empty())
      data.push_back(0); // a zero-length global is not allowed; rank 0 never reads it
    auto type = RankedTensorType::get({static_cast<int64_t>(data.size())}, builder.getI64Type());
    addGlobal(symbol, LLVM::LLVMArrayType::get(builder.getI64Type(), data.size()),
              DenseElementsAttr::get(type, ArrayRef<int64_t>(data)));
    return symbol;
  }

  MLIRContext *context;
  std::string name;
  OpBuilder builder;
  Location loc;
  Type ptr;
  int strings = 0, arrays = 0;
};

/// Halide's type code and bits of an element type (bools are uint8).
std::pair<int, int> halideTypeCode(Type element) {
  Halide::Type type = halideTypeOf(element);
  // halide_type_code_t: int 0, uint 1, float 2, handle 3, bfloat 4.
  int code = type.is_bfloat() ? 4 : type.is_float() ? 2 : type.is_uint() ? 1 : 0;
  return {code, type.bits()};
}

/// The (extent, stride) of each dim of a dense row-major tensor of static
/// `type`, in Halide order (innermost first): what the driver describes to a
/// kernel and what the kernel is compiled for.
std::vector<std::pair<int64_t, int64_t>> denseHalideDims(RankedTensorType type) {
  std::vector<std::pair<int64_t, int64_t>> dims;
  int64_t stride = 1;
  for (int64_t k = type.getRank() - 1; k >= 0; --k) {
    dims.push_back({type.getDimSize(k), stride});
    stride *= type.getDimSize(k);
  }
  return dims;
}

/// Tells Halide the static, dense row-major shape of a kernel's buffer
/// `param` (the driver passes exactly that): loop bounds, strides and the
/// extents of every intermediate become constants, and the tiles of the
/// schedules get constant sizes (their accumulators stay in registers).
void constrainToDenseShape(Halide::OutputImageParam param, RankedTensorType type) {
  for (auto [k, dim] : llvm::enumerate(denseHalideDims(type)))
    param.dim(static_cast<int>(k)).set_bounds(0, asInt(dim.first)).set_stride(asInt(dim.second));
}

} // namespace

FailureOr<std::vector<std::string>> mlir::hone::cpu::writeObjects(func::FuncOp main,
                                                                const LibraryOptions &options) {
  MLIRContext *context = main.getContext();
  if (!main.getBody().hasOneBlock())
    return main.emitError() << "the CPU code generator expects a single-block function", failure();
  Block &body = main.getBody().front();

  // Where each tensor lives; the weights blob.
  llvm::DenseMap<Value, Tensor> tensors;
  std::string weights;
  for (BlockArgument arg : main.getArguments()) {
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    if (!type || !type.hasStaticShape())
      return main.emitError() << "input " << arg.getArgNumber()
                              << " has a dynamic shape, which the CPU code generator does not "
                                 "compile yet (use --input-shape)",
             failure();
    tensors[arg] = {{Placement::Input, arg.getArgNumber()}, type};
  }
  std::vector<Operation *> kernels;
  for (Operation &op : body) {
    if (isa<NoneOp, func::ReturnOp>(op))
      continue;
    if (auto constant = dyn_cast<ConstantOp>(op)) {
      std::string error;
      FailureOr<ref::Tensor> value = tensorFromElementsAttr(constant.getValue(), error);
      if (failed(value))
        return op.emitError() << error, failure();
      int64_t offset = alignUp(static_cast<int64_t>(weights.size()), kWeightAlignment);
      weights.resize(offset);
      weights.append(static_cast<const char *>(value->rawData()), value->byteSize());
      tensors[constant.getResult()] = {{Placement::Weights, offset},
                                       cast<RankedTensorType>(constant.getType())};
      continue;
    }
    auto offsets = op.getAttrOfType<DenseI64ArrayAttr>("hone.arena_offsets");
    if (!offsets || offsets.size() != static_cast<int64_t>(op.getNumResults()))
      return op.emitError() << "has no memory plan (run --hone-plan-memory first)", failure();
    for (auto [result, offset] : llvm::zip(op.getResults(), offsets.asArrayRef())) {
      auto type = dyn_cast<RankedTensorType>(result.getType());
      if ((offset < 0 || !type) && result.use_empty())
        continue; // an unused optional result is not computed
      if (offset < 0 || !type)
        return op.emitError() << "a result has a dynamic shape, which the CPU code generator "
                                 "does not compile yet",
               failure();
      tensors[result] = {{Placement::Arena, offset}, type};
    }
    kernels.push_back(&op);
  }
  // Every tensor needs a Halide element type (bfloat16 has none yet).
  for (auto &[value, tensor] : tensors)
    if (halideTypeOf(tensor.type.getElementType()).bits() == 0) {
      Operation *where = value.getDefiningOp() ? value.getDefiningOp() : main.getOperation();
      return where->emitError() << "element type " << tensor.type.getElementType()
                                << " is not supported by the CPU code generator yet",
             failure();
    }
  auto returnOp = cast<func::ReturnOp>(body.getTerminator());
  // Outputs point into the arena or, when folding made them constants, into
  // the weights; an input returned as it is would need a copy.
  for (Value output : returnOp.getOperands())
    if (tensors.lookup(output).placement.kind == Placement::Input)
      return main.emitError() << "an output that is a graph input is not compiled yet",
             failure();
  int64_t arenaBytes = 0;
  if (auto attr = main->getAttrOfType<IntegerAttr>("hone.arena_bytes"))
    arenaBytes = attr.getInt();

  std::vector<std::string> objects;
  std::string targetError;
  FailureOr<CpuTarget> cpuTarget = resolveCpuTarget(options.target, targetError);
  if (failed(cpuTarget))
    return main.emitError() << targetError, failure();
  Halide::Target target = cpuTarget->halide;
  // Kernels take the run's hone_run_context_t as Halide's user context, which
  // their parallel loops hand to hone_do_par_for (the instance's pool).
  Halide::Target kernelTarget =
      target.with_feature(Halide::Target::NoRuntime).with_feature(Halide::Target::UserContext);

  // One Halide object per kernel: parameters for every tensor operand, then
  // the outputs.
  std::vector<std::vector<HalideValue>> kernelResults;
  for (size_t k = 0; k < kernels.size(); ++k) {
    Operation *op = kernels[k];
    std::vector<Halide::ImageParam> params;
    std::vector<HalideValue> operands;
    for (Value operand : op->getOperands()) {
      if (isa<NoneType>(operand.getType())) {
        operands.push_back({Halide::Func(), nullptr});
        continue;
      }
      auto type = tensors.lookup(operand).type;
      params.emplace_back(halideTypeOf(type.getElementType()), static_cast<int>(type.getRank()),
                          "in" + std::to_string(params.size()));
      constrainToDenseShape(params.back(), type);
      std::vector<Halide::Var> vars = tensorVars(type.getRank());
      Halide::Func read;
      read(halideArgs(vars)) = params.back()(halideArgs(vars));
      operands.push_back({read, type});
    }
    std::string error;
    FailureOr<std::vector<HalideValue>> kernel = failure();
    try {
      kernel = defineHalideKernel(op, operands, error, tileShapeFor(target));
    } catch (const Halide::Error &e) {
      return op->emitError() << "Halide rejected the kernel's definition: " << e.what(), failure();
    }
    if (failed(kernel))
      return op->emitError() << error, failure();
    // The pipeline's outputs: every result the kernel defines, in order (the
    // driver passes their buffers after the operands').
    std::vector<Halide::Func> outputs;
    for (auto [result, value] : llvm::zip(op->getResults(), *kernel)) {
      if (!tensors.count(result))
        value.func = Halide::Func(); // unplaced, hence unused
      if (!value.func.defined())
        continue;
      // The kernel's view of the result (same elements, maybe other dims).
      auto type = cast<RankedTensorType>(value.type);
      if (!hasLoopSchedule(value.func)) {
        ArrayRef<int64_t> shape = type.getShape();
        scheduleDefault(value.func, std::vector<int64_t>(shape.rbegin(), shape.rend()));
      }
      for (Halide::OutputImageParam buffer : value.func.output_buffers())
        constrainToDenseShape(buffer, type);
      outputs.push_back(value.func);
    }
    kernelResults.push_back(*kernel);
    std::vector<Halide::Argument> arguments(params.begin(), params.end());
    std::string object = options.workDir + "/kernel" + std::to_string(k) + ".o";
    try {
      if (const char *dump = std::getenv("HONE_DUMP_STMT"))
        Halide::Pipeline(outputs).compile_to_lowered_stmt(std::string(dump) + "/kernel" + std::to_string(k) + ".stmt",
                                                          arguments, Halide::StmtOutputFormat::Text, kernelTarget);
      Halide::Pipeline(outputs).compile_to_object(
          object, arguments, options.name + "_kernel" + std::to_string(k), kernelTarget);
    } catch (const Halide::Error &e) {
      return op->emitError() << "Halide failed to compile the kernel: " << e.what(), failure();
    }
    objects.push_back(object);
  }
  std::string runtimeObject = options.workDir + "/halide_runtime.o";
  Halide::compile_standalone_runtime(runtimeObject, target);
  objects.push_back(runtimeObject);

  // The host driver.
  context->loadDialect<LLVM::LLVMDialect>();
  DriverBuilder d(context, options.name);
  OpBuilder &b = d.builder;
  Location loc = d.loc;
  Type i8 = b.getI8Type(), i16 = b.getI16Type(), i32 = b.getI32Type(), i64 = b.getI64Type();

  std::string weightsSymbol = options.name + "_weights";
  bool embedWeights = options.weightsFile.empty();
  if (!embedWeights) {
    std::error_code ec;
    llvm::raw_fd_ostream file(options.weightsFile, ec, llvm::sys::fs::OF_None);
    if (ec)
      return main.emitError() << "cannot write " << options.weightsFile << ": " << ec.message(), failure();
    file.write(weights.data(), weights.size());
    file.close();
    if (file.has_error())
      return main.emitError() << "cannot write " << options.weightsFile, failure();
  }
  if (embedWeights && !weights.empty()) {
    auto type = RankedTensorType::get({static_cast<int64_t>(weights.size())}, i8);
    d.addGlobal(weightsSymbol, LLVM::LLVMArrayType::get(i8, weights.size()),
                DenseElementsAttr::getFromRawBuffer(type, ArrayRef<char>(weights.data(), weights.size())),
                kWeightAlignment);
  }

  // Kernel declarations.
  for (size_t k = 0; k < kernels.size(); ++k) {
    size_t buffers = 1; // the user context
    for (Value operand : kernels[k]->getOperands())
      buffers += !isa<NoneType>(operand.getType());
    for (const HalideValue &result : kernelResults[k])
      buffers += result.func.defined();
    b.create<LLVM::LLVMFuncOp>(loc, options.name + "_kernel" + std::to_string(k),
                               LLVM::LLVMFunctionType::get(i32, SmallVector<Type>(buffers, d.ptr)));
  }

  // size_t NAME_arena_bytes(const hone_tensor_t *): the static plan.
  {
    auto func = b.create<LLVM::LLVMFuncOp>(loc, options.name + "_arena_bytes",
                                           LLVM::LLVMFunctionType::get(i64, {d.ptr}),
                                           LLVM::Linkage::Internal);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(func.addEntryBlock(b));
    b.create<LLVM::ReturnOp>(loc, constantInt(b, loc, i64, arenaBytes));
  }

  // Halide's default error handler aborts the process; a kernel that fails
  // (it never should: shapes are checked before it runs) must only fail the
  // run. NAME_halide_error drops the message and NAME_run installs it.
  std::string errorHandler = options.name + "_halide_error";
  {
    auto func = b.create<LLVM::LLVMFuncOp>(loc, errorHandler,
                                           LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(context), {d.ptr, d.ptr}),
                                           LLVM::Linkage::Internal);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(func.addEntryBlock(b));
    b.create<LLVM::ReturnOp>(loc, ValueRange{});
  }
  b.create<LLVM::LLVMFuncOp>(loc, "halide_set_error_handler", LLVM::LLVMFunctionType::get(d.ptr, {d.ptr}));
  b.create<LLVM::LLVMFuncOp>(loc, "halide_set_custom_do_par_for", LLVM::LLVMFunctionType::get(d.ptr, {d.ptr}));

  // hone_status_t NAME_run(const hone_run_context_t *context).
  {
    auto func = b.create<LLVM::LLVMFuncOp>(loc, options.name + "_run",
                                           LLVM::LLVMFunctionType::get(i32, {d.ptr}),
                                           LLVM::Linkage::Internal);
    OpBuilder::InsertionGuard guard(b);
    Block *entry = func.addEntryBlock(b);
    Block *failure = func.addBlock();
    b.setInsertionPointToStart(failure);
    b.create<LLVM::ReturnOp>(loc, constantInt(b, loc, i32, HONE_ERROR_INTERNAL));
    b.setInsertionPointToStart(entry);
    Value ctx = entry->getArgument(0);
    // hone_run_context_t: inputs, arena, weights, pool, outputs, output_dims,
    // do_par_for.
    Value inputs = loadField(b, loc, d.ptr, ctx, 0);
    Value arena = loadField(b, loc, d.ptr, ctx, 8);
    Value weightsPtr = loadField(b, loc, d.ptr, ctx, 16);
    Value outputs = loadField(b, loc, d.ptr, ctx, 32);
    Value outputDims = loadField(b, loc, d.ptr, ctx, 40);
    Value doParFor = loadField(b, loc, d.ptr, ctx, 48);
    Value zero32 = constantInt(b, loc, i32, 0), zero64 = constantInt(b, loc, i64, 0);
    Value null = b.create<LLVM::ZeroOp>(loc, d.ptr);
    b.create<LLVM::CallOp>(loc, TypeRange{d.ptr}, "halide_set_error_handler",
                           ValueRange{b.create<LLVM::AddressOfOp>(loc, d.ptr, errorHandler)});
    // Halide's parallel loops go to the runtime's pool. Every library an app
    // links shares one Halide runtime and installs the same function.
    b.create<LLVM::CallOp>(loc, TypeRange{d.ptr}, "halide_set_custom_do_par_for", ValueRange{doParFor});

    auto hostPointer = [&](const Tensor &t) -> Value {
      switch (t.placement.kind) {
      case Placement::Input: // hone_tensor_t is 24 bytes; data at 16
        return loadField(b, loc, d.ptr, inputs, t.placement.index * 24 + 16);
      case Placement::Arena:
        return fieldPtr(b, loc, arena, t.placement.index);
      case Placement::Weights:
        return fieldPtr(b, loc, weightsPtr, t.placement.index);
      }
      return Value();
    };
    // A halide_buffer_t (56 bytes) and its halide_dimension_t array (16
    // bytes per dim, innermost first) on the stack.
    auto halideBuffer = [&](const Tensor &t) -> Value {
      Value buffer = b.create<LLVM::AllocaOp>(loc, d.ptr, i8, constantInt(b, loc, i64, 56), 16);
      int64_t rank = t.type.getRank();
      Value dims = rank ? b.create<LLVM::AllocaOp>(loc, d.ptr, i8, constantInt(b, loc, i64, 16 * rank), 8)
                        : null;
      auto [code, bits] = halideTypeCode(t.type.getElementType());
      storeField(b, loc, zero64, buffer, 0);
      storeField(b, loc, null, buffer, 8);
      storeField(b, loc, hostPointer(t), buffer, 16);
      storeField(b, loc, zero64, buffer, 24);
      storeField(b, loc, constantInt(b, loc, i8, code), buffer, 32);
      storeField(b, loc, constantInt(b, loc, i8, bits), buffer, 33);
      storeField(b, loc, constantInt(b, loc, i16, 1), buffer, 34);
      storeField(b, loc, constantInt(b, loc, i32, rank), buffer, 36);
      storeField(b, loc, dims, buffer, 40);
      storeField(b, loc, null, buffer, 48);
      for (auto [k, dim] : llvm::enumerate(denseHalideDims(t.type))) {
        int64_t field = 16 * static_cast<int64_t>(k);
        storeField(b, loc, zero32, dims, field);
        storeField(b, loc, constantInt(b, loc, i32, dim.first), dims, field + 4);
        storeField(b, loc, constantInt(b, loc, i32, dim.second), dims, field + 8);
        storeField(b, loc, zero32, dims, field + 12);
      }
      return buffer;
    };
    for (size_t k = 0; k < kernels.size(); ++k) {
      SmallVector<Value> args{ctx};
      for (Value operand : kernels[k]->getOperands())
        if (!isa<NoneType>(operand.getType()))
          args.push_back(halideBuffer(tensors.lookup(operand)));
      for (auto [result, value] : llvm::zip(kernels[k]->getResults(), kernelResults[k]))
        if (value.func.defined()) {
          Tensor view = tensors.lookup(result);
          view.type = cast<RankedTensorType>(value.type);
          args.push_back(halideBuffer(view));
        }
      auto call = b.create<LLVM::CallOp>(loc, TypeRange{i32},
                                         options.name + "_kernel" + std::to_string(k), args);
      Value failed = b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ne, call.getResult(), zero32);
      // A failing kernel ends the run with HONE_ERROR_INTERNAL.
      Block *next = new Block();
      func.getBody().push_back(next);
      b.create<LLVM::CondBrOp>(loc, failed, failure, ValueRange{}, next, ValueRange{});
      b.setInsertionPointToStart(next);
    }
    // Outputs: data pointers (hone_tensor_t: data at 16) and their static
    // dims.
    for (auto [j, output] : llvm::enumerate(returnOp.getOperands())) {
      const Tensor &t = tensors.lookup(output);
      storeField(b, loc, hostPointer(t), outputs, static_cast<int64_t>(j) * 24 + 16);
      Value dimsPtr = loadField(b, loc, d.ptr, outputDims, static_cast<int64_t>(j) * 8);
      for (int64_t k = 0; k < t.type.getRank(); ++k)
        storeField(b, loc, constantInt(b, loc, i64, t.type.getDimSize(k)), dimsPtr, 8 * k);
    }
    b.create<LLVM::ReturnOp>(loc, constantInt(b, loc, i32, HONE_OK));
  }

  // Metadata: hone_tensor_info_t {name, dtype, rank, dims, min_dims, max_dims}.
  auto infoType = LLVM::LLVMStructType::getLiteral(context, {d.ptr, i32, i32, d.ptr, d.ptr, d.ptr});
  auto addInfos = [&](StringRef symbol, ArrayRef<std::pair<std::string, RankedTensorType>> values) {
    std::vector<std::tuple<std::string, int32_t, int32_t, std::string>> rows;
    for (auto &[tensorName, type] : values)
      rows.emplace_back(d.addString(tensorName), static_cast<int32_t>(dtypeOf(type.getElementType())),
                        static_cast<int32_t>(type.getRank()), d.addI64Array(type.getShape()));
    auto arrayType = LLVM::LLVMArrayType::get(infoType, std::max<size_t>(rows.size(), 1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(d.module->getBody());
    auto global = b.create<LLVM::GlobalOp>(loc, arrayType, true, LLVM::Linkage::Internal, symbol,
                                           Attribute());
    b.setInsertionPointToStart(b.createBlock(&global.getInitializerRegion()));
    Value array = b.create<LLVM::UndefOp>(loc, arrayType);
    for (auto [i, row] : llvm::enumerate(rows)) {
      auto &[nameSymbol, dtype, rank, dimsSymbol] = row;
      Value info = b.create<LLVM::UndefOp>(loc, infoType);
      Value dims = b.create<LLVM::AddressOfOp>(loc, d.ptr, dimsSymbol);
      info = b.create<LLVM::InsertValueOp>(loc, info, b.create<LLVM::AddressOfOp>(loc, d.ptr, nameSymbol), 0);
      info = b.create<LLVM::InsertValueOp>(loc, info, constantInt(b, loc, i32, dtype), 1);
      info = b.create<LLVM::InsertValueOp>(loc, info, constantInt(b, loc, i32, rank), 2);
      info = b.create<LLVM::InsertValueOp>(loc, info, dims, 3);
      info = b.create<LLVM::InsertValueOp>(loc, info, dims, 4); // static: min = dims
      info = b.create<LLVM::InsertValueOp>(loc, info, dims, 5); // and max = dims
      array = b.create<LLVM::InsertValueOp>(loc, array, info, static_cast<int64_t>(i));
    }
    b.create<LLVM::ReturnOp>(loc, array);
  };
  std::vector<std::pair<std::string, RankedTensorType>> inputInfos, outputInfos;
  for (BlockArgument arg : main.getArguments()) {
    auto nameAttr = main.getArgAttrOfType<StringAttr>(arg.getArgNumber(), "hone.name");
    inputInfos.push_back({nameAttr ? nameAttr.str() : "input" + std::to_string(arg.getArgNumber()),
                          cast<RankedTensorType>(arg.getType())});
  }
  for (auto [j, output] : llvm::enumerate(returnOp.getOperands())) {
    auto nameAttr = main.getResultAttrOfType<StringAttr>(j, "hone.name");
    outputInfos.push_back({nameAttr ? nameAttr.str() : "output" + std::to_string(j),
                           tensors.lookup(output).type});
  }
  addInfos(options.name + "_inputs", inputInfos);
  addInfos(options.name + "_outputs", outputInfos);

  // hone_model_descriptor_t and NAME_descriptor().
  auto descriptorType = LLVM::LLVMStructType::getLiteral(
      context, {i32, d.ptr, i32, d.ptr, i32, d.ptr, d.ptr, d.ptr, i64, d.ptr});
  {
    std::string modelName = d.addString(options.name);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(d.module->getBody());
    auto global = b.create<LLVM::GlobalOp>(loc, descriptorType, true, LLVM::Linkage::Internal,
                                           options.name + "_descriptor_data", Attribute());
    b.setInsertionPointToStart(b.createBlock(&global.getInitializerRegion()));
    Value v = b.create<LLVM::UndefOp>(loc, descriptorType);
    auto set = [&](Value field, int64_t index) { v = b.create<LLVM::InsertValueOp>(loc, v, field, index); };
    set(constantInt(b, loc, i32, HONE_ABI_VERSION), 0);
    set(b.create<LLVM::AddressOfOp>(loc, d.ptr, modelName), 1);
    set(constantInt(b, loc, i32, static_cast<int64_t>(inputInfos.size())), 2);
    set(b.create<LLVM::AddressOfOp>(loc, d.ptr, options.name + "_inputs"), 3);
    set(constantInt(b, loc, i32, static_cast<int64_t>(outputInfos.size())), 4);
    set(b.create<LLVM::AddressOfOp>(loc, d.ptr, options.name + "_outputs"), 5);
    set(b.create<LLVM::AddressOfOp>(loc, d.ptr, options.name + "_arena_bytes"), 6);
    set(weights.empty() || !embedWeights ? Value(b.create<LLVM::ZeroOp>(loc, d.ptr))
                        : Value(b.create<LLVM::AddressOfOp>(loc, d.ptr, weightsSymbol)),
        7);
    set(constantInt(b, loc, i64, static_cast<int64_t>(weights.size())), 8);
    set(b.create<LLVM::AddressOfOp>(loc, d.ptr, options.name + "_run"), 9);
    b.create<LLVM::ReturnOp>(loc, v);
  }
  {
    auto func = b.create<LLVM::LLVMFuncOp>(loc, options.name + "_descriptor",
                                           LLVM::LLVMFunctionType::get(d.ptr, {}));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(func.addEntryBlock(b));
    b.create<LLVM::ReturnOp>(loc, b.create<LLVM::AddressOfOp>(loc, d.ptr, options.name + "_descriptor_data"));
  }

  // LLVM IR, then an object for the host.
  DialectRegistry registry;
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  context->appendDialectRegistry(registry);
  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule = translateModuleToLLVMIR(*d.module, llvmContext, options.name);
  if (!llvmModule)
    return main.emitError() << "cannot translate the host driver to LLVM IR", failure();
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargets();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmPrinters();
  std::string triple = cpuTarget->triple, lookupError;
  const llvm::Target *llvmTarget = llvm::TargetRegistry::lookupTarget(triple, lookupError);
  if (!llvmTarget)
    return main.emitError() << "no LLVM target for " << triple << ": " << lookupError, failure();
  std::unique_ptr<llvm::TargetMachine> machine(llvmTarget->createTargetMachine(
      triple, "generic", "", llvm::TargetOptions(), llvm::Reloc::PIC_));
  llvmModule->setTargetTriple(triple);
  llvmModule->setDataLayout(machine->createDataLayout());
  std::string driverObject = options.workDir + "/driver.o";
  std::error_code ec;
  llvm::raw_fd_ostream out(driverObject, ec, llvm::sys::fs::OF_None);
  if (ec)
    return main.emitError() << "cannot write " << driverObject << ": " << ec.message(), failure();
  llvm::legacy::PassManager pm;
  if (machine->addPassesToEmitFile(pm, out, nullptr, llvm::CodeGenFileType::ObjectFile))
    return main.emitError() << "LLVM cannot emit an object for " << triple, failure();
  pm.run(*llvmModule);
  out.flush();
  objects.push_back(driverObject);
  return objects;
}

LogicalResult mlir::hone::cpu::linkSharedLibrary(const std::vector<std::string> &objects,
                                                 const std::string &path, std::string &error) {
  llvm::ErrorOr<std::string> cxx = llvm::sys::findProgramByName("c++");
  if (!cxx) {
    error = "no c++ on the PATH to link the shared library";
    return failure();
  }
  std::vector<std::string> storage{*cxx, "-shared", "-o", path};
  storage.insert(storage.end(), objects.begin(), objects.end());
  storage.push_back("-lpthread");
  storage.push_back("-ldl");
  std::vector<llvm::StringRef> args(storage.begin(), storage.end());
  std::string message;
  int status = llvm::sys::ExecuteAndWait(*cxx, args, std::nullopt, {}, 0, 0, &message);
  if (status != 0) {
    error = "linking " + path + " failed" + (message.empty() ? "" : ": " + message);
    return failure();
  }
  return success();
}

std::string mlir::hone::cpu::defaultLibraryName(const std::string &stem) {
  std::string name = stem;
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])))
    name = "model_" + name;
  return name;
}

LogicalResult mlir::hone::cpu::writeStaticLibrary(const std::vector<std::string> &objects,
                                                  const std::string &path, bool darwin,
                                                  std::string &error) {
  std::vector<llvm::NewArchiveMember> members;
  for (const std::string &object : objects) {
    llvm::Expected<llvm::NewArchiveMember> member =
        llvm::NewArchiveMember::getFile(object, /*Deterministic=*/true);
    if (!member) {
      error = "cannot read " + object + ": " + llvm::toString(member.takeError());
      return failure();
    }
    // Member names are the objects' file names (they differ within the
    // work directory); a path would be refused by `ar x`.
    member->MemberName = llvm::sys::path::filename(object);
    members.push_back(std::move(*member));
  }
  if (llvm::Error e = llvm::writeArchive(path, members, llvm::SymtabWritingMode::NormalSymtab,
                                         darwin ? llvm::object::Archive::K_DARWIN : llvm::object::Archive::K_GNU,
                                         /*Deterministic=*/true,
                                         /*Thin=*/false)) {
    error = "cannot write " + path + ": " + llvm::toString(std::move(e));
    return failure();
  }
  return success();
}

LogicalResult mlir::hone::cpu::writeHeader(func::FuncOp main, const LibraryOptions &options,
                                           const std::string &path, std::string &error) {
  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec, llvm::sys::fs::OF_Text);
  if (ec) {
    error = "cannot write " + path + ": " + ec.message();
    return failure();
  }
  std::string guard = options.name;
  for (char &c : guard)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto describe = [](Type type) {
    std::string text;
    llvm::raw_string_ostream os(text);
    os << type;
    return text;
  };
  out << "/* Generated by honec. Link " << options.name << ".a and the hone runtime\n"
      << " * (the sources under runtime/src, headers under runtime/include). */\n"
      << "#ifndef " << guard << "_H\n#define " << guard << "_H\n\n"
      << "#include \"hone/runtime.h\"\n\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
      << "/* The model, for hone_model_create.\n";
  for (BlockArgument arg : main.getArguments()) {
    auto name = main.getArgAttrOfType<StringAttr>(arg.getArgNumber(), "hone.name");
    out << " *   input  " << arg.getArgNumber() << " '" << (name ? name.getValue() : "") << "': "
        << describe(arg.getType()) << "\n";
  }
  for (unsigned i = 0; i < main.getNumResults(); ++i) {
    auto name = main.getResultAttrOfType<StringAttr>(i, "hone.name");
    out << " *   output " << i << " '" << (name ? name.getValue() : "") << "': "
        << describe(main.getFunctionType().getResult(i)) << "\n";
  }
  out << " */\nconst hone_model_descriptor_t *" << options.name << "_descriptor(void);\n\n"
      << "#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard << "_H */\n";
  return success();
}
