//===- LibraryWriter.cpp - A compiled model as objects and a library ------===//
//
// Where every tensor lives decides the driver: graph inputs are the
// caller's buffers, constants are slices of the weights blob (64-byte
// aligned), a tensor of static shape sits at the arena offset the memory
// plan chose, and one whose dims are computed during the run gets memory
// from the run context (RunFunction.h). Each kernel is compiled for its
// buffers' static dims, and for any extent where a dim is dynamic.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/LibraryWriter.h"

#include "compiler/reference/Evaluator.h"
#include "dialects/hone/HoneOps.h"
#include "runtime/include/hone/runtime.h"
#include "targets/cpu/ConstantLayouts.h"
#include "targets/cpu/CpuTargets.h"
#include "targets/cpu/HalideKernels.h"
#include "targets/cpu/HalideRuntimeCache.h"
#include "targets/cpu/RunFunction.h"
#include "targets/cpu/RuntimeOps.h"
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
#include <functional>
#include <map>

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

constexpr int64_t kWeightAlignment = 64;
/// The arena's alignment of every tensor (the runtime's, and the memory
/// stage's default).
constexpr int64_t kArenaAlignment = 64;
/// Halide describes dims with int32: the largest dim a dynamic input accepts.
constexpr int64_t kMaxDim = 2147483647;

int64_t alignUp(int64_t v, int64_t a) { return (v + a - 1) / a * a; }

/// Tells Halide the shape of a kernel's buffer `param` (the driver passes a
/// dense row-major buffer of `type`): static dims become constant bounds and
/// strides, so loop bounds, strides and the extents of every intermediate
/// become constants and the tiles of the schedules get constant sizes (their
/// accumulators stay in registers); dynamic dims start at 0 with dense
/// strides.
void constrainToDenseShape(Halide::OutputImageParam param, RankedTensorType type) {
  int64_t rank = type.getRank();
  Halide::Expr stride = 1;
  bool staticSoFar = true;
  int64_t staticStride = 1;
  for (int64_t k = 0; k < rank; ++k) {
    int64_t size = type.getDimSize(rank - 1 - k);
    Halide::Internal::Dimension dim = param.dim(static_cast<int>(k));
    dim.set_min(0);
    if (staticSoFar)
      dim.set_stride(asInt(staticStride));
    else
      dim.set_stride(stride);
    if (!ShapedType::isDynamic(size)) {
      dim.set_extent(asInt(size));
      staticStride *= size;
    } else {
      staticSoFar = false;
    }
    stride = dim.stride() * dim.extent();
  }
}

/// A kernel operand: the buffer parameter, read through a Func at tensor
/// coordinates, with its dims as Halide expressions (constants where
/// static); `layout`: the buffer stores the dims in that order
/// (ConstantLayouts.h).
HalideValue operandValue(const Halide::ImageParam &param, RankedTensorType type,
                         const std::vector<int64_t> &layout = {}) {
  std::vector<Halide::Var> vars = tensorVars(type.getRank());
  std::vector<Halide::Var> stored = vars;
  for (size_t k = 0; k < layout.size(); ++k)
    stored[k] = vars[layout[k]];
  Halide::Func read;
  read(halideArgs(vars)) = param(halideArgs(stored));
  HalideValue value{read, type};
  value.layout = layout;
  if (layout.empty())
    value.param = param; // read at tensor coordinates
  int64_t rank = type.getRank();
  for (int64_t k = 0; k < rank; ++k)
    value.dims.push_back(type.isDynamicDim(k)
                             ? Halide::Expr(param.dim(static_cast<int>(rank - 1 - k)).extent())
                             : Halide::Expr(asInt(type.getDimSize(k))));
  return value;
}

} // namespace

FailureOr<std::vector<std::string>> mlir::hone::cpu::writeObjects(func::FuncOp main,
                                                                const LibraryOptions &options) {
  MLIRContext *context = main.getContext();
  if (!main.getBody().hasOneBlock())
    return main.emitError() << "the CPU code generator expects a single-block function", failure();
  Block &body = main.getBody().front();

  // The symbolic dims of every tensor and the memory plan (the one the
  // memory stage wrote on the IR, made again with its DimExprs).
  SymbolicShapes shapes(main);
  MemoryPlan plan = planMemory(main, shapes, kArenaAlignment);

  // Where each tensor lives; the weights blob.
  llvm::DenseMap<Value, PlacedTensor> tensors;
  std::string weights;
  for (BlockArgument arg : main.getArguments()) {
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    if (!type)
      return main.emitError() << "input " << arg.getArgNumber()
                              << " has an unknown rank, which the CPU code generator does not "
                                 "compile (give its shape with --input-shape)",
             failure();
    tensors[arg] = {{Placement::Input, arg.getArgNumber()}, type, DimExpr()};
  }
  std::vector<Operation *> kernels;
  // A view needs no kernel: the run function computes (and checks) its dims
  // and points it at its operand's bytes.
  auto isView = [&](Operation *op) {
    auto it = op->getNumResults() == 1 ? tensors.find(op->getResult(0)) : tensors.end();
    return it != tensors.end() && it->second.placement.kind == Placement::View;
  };
  // Ops inside If and Loop regions run as often as their region does (or
  // not at all): their results, and the regions' arguments, take memory
  // from the run's scratch, never a place in the plan.
  std::function<LogicalResult(Block &, bool)> collect = [&](Block &block,
                                                            bool topLevel) -> LogicalResult {
    for (Operation &op : block) {
      if (isa<NoneOp, func::ReturnOp, YieldOp>(op))
        continue;
      if (auto constant = dyn_cast<ConstantOp>(op)) {
        std::string error;
        FailureOr<ref::Tensor> value = tensorFromElementsAttr(constant.getValue(), error);
        if (failed(value))
          return op.emitError() << error, failure();
        auto type = cast<RankedTensorType>(constant.getType());
        int64_t offset = alignUp(static_cast<int64_t>(weights.size()), kWeightAlignment);
        weights.resize(offset);
        // Laid out for its readers when they all read one layout best
        // (ConstantLayouts.h): stored once, in that layout.
        std::vector<int64_t> layout = storedLayout(constant.getResult());
        if (layout.empty())
          weights.append(static_cast<const char *>(value->rawData()), value->byteSize());
        else
          weights.append(permuteDense(static_cast<const char *>(value->rawData()),
                                      value->byteSize() / type.getNumElements(),
                                      std::vector<int64_t>(type.getShape().begin(), type.getShape().end()),
                                      layout));
        tensors[constant.getResult()] = {{Placement::Weights, offset}, type, DimExpr(), layout};
        continue;
      }
      if (topLevel && !op.hasAttr("hone.arena_offsets"))
        return op.emitError() << "has no memory plan (run --hone-plan-memory first)", failure();
      for (OpResult result : op.getResults()) {
        auto type = dyn_cast<RankedTensorType>(result.getType());
        if (result.getResultNumber() > 0 && result.use_empty() && op.getNumRegions() == 0)
          continue; // an unused optional result is not computed
        if (!type)
          return op.emitError() << "result " << result.getResultNumber()
                                << " has an unknown rank, which the CPU code generator does not "
                                   "compile",
                 failure();
        // The plan places what is sized when a run starts (statically or by
        // the input dims); the others are sized during the run.
        auto planned = plan.offsets.find(result);
        if (topLevel && plan.views.count(result))
          tensors[result] = PlacedTensor{{Placement::View, 0}, type, DimExpr()};
        else if (!topLevel || planned == plan.offsets.end())
          tensors[result] = PlacedTensor{{Placement::Dynamic, 0}, type, DimExpr()};
        else if (std::optional<int64_t> offset = planned->second.getConstant())
          tensors[result] = PlacedTensor{{Placement::Arena, *offset}, type, DimExpr()};
        else
          tensors[result] = PlacedTensor{{Placement::ArenaSymbolic, 0}, type, planned->second};
      }
      kernels.push_back(&op);
      // A fusion group's body is its kernel's definition, not kernels.
      if (isa<FusedOp>(op))
        continue;
      for (Region &region : op.getRegions())
        for (Block &inner : region) {
          for (BlockArgument arg : inner.getArguments()) {
            auto type = dyn_cast<RankedTensorType>(arg.getType());
            if (!type)
              return op.emitError() << "region argument " << arg.getArgNumber()
                                    << " has an unknown rank, which the CPU code generator does "
                                       "not compile",
                     failure();
            tensors[arg] = PlacedTensor{{Placement::Dynamic, 0}, type, DimExpr()};
          }
          if (failed(collect(inner, false)))
            return failure();
        }
    }
    return success();
  };
  if (failed(collect(body, true)))
    return failure();
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
  auto kernelSymbol = [&](size_t k) { return options.name + "_kernel" + std::to_string(k); };
  // Kernel `k` as function NAME_`stem` in object `stem`.o (`firstWhole`:
  // defineFusedKernel's).
  auto compileKernel = [&](size_t k, const std::string &stem,
                           bool firstWhole) -> FailureOr<std::vector<HalideValue>> {
    std::string symbol = options.name + "_" + stem;
    Operation *op = kernels[k];
    std::vector<Halide::ImageParam> params;
    std::vector<HalideValue> operands;
    for (Value operand : op->getOperands()) {
      if (isa<NoneType>(operand.getType())) {
        operands.push_back({Halide::Func(), nullptr});
        continue;
      }
      const PlacedTensor &placed = tensors.find(operand)->second;
      RankedTensorType type = placed.type;
      auto stored = RankedTensorType::get(storedShape(type.getShape(), placed.layout), type.getElementType());
      params.emplace_back(halideTypeOf(type.getElementType()), static_cast<int>(type.getRank()),
                          "in" + std::to_string(params.size()));
      constrainToDenseShape(params.back(), stored);
      operands.push_back(operandValue(params.back(), type, placed.layout));
    }
    std::string error;
    FailureOr<std::vector<HalideValue>> kernel = failure();
    try {
      if (auto fused = dyn_cast<FusedOp>(op))
        kernel = defineFusedKernel(fused, operands, error, tileShapeFor(target), firstWhole);
      else
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
      if (type != result.getType() && !type.hasStaticShape())
        return op->emitError() << "the kernel's view of a result must have a static shape",
               failure();
      try {
        if (!hasLoopSchedule(value.func)) {
          ArrayRef<int64_t> shape = type.getShape();
          // The run's extents: the output buffer's.
          std::vector<Halide::Expr> runtimeExtents;
          if (!type.hasStaticShape() && value.func.outputs() == 1)
            for (int d = 0; d < type.getRank(); ++d)
              runtimeExtents.push_back(value.func.output_buffer().dim(d).extent());
          scheduleDefault(value.func, std::vector<int64_t>(shape.rbegin(), shape.rend()), runtimeExtents);
        }
        for (Halide::OutputImageParam buffer : value.func.output_buffers())
          constrainToDenseShape(buffer, type);
      } catch (const Halide::Error &e) {
        return op->emitError() << "Halide rejected the kernel's schedule: " << e.what(), failure();
      }
      outputs.push_back(value.func);
    }
    std::vector<Halide::Argument> arguments(params.begin(), params.end());
    std::string object = options.workDir + "/" + stem + ".o";
    try {
      if (const char *dump = std::getenv("HONE_DUMP_STMT"))
        Halide::Pipeline(outputs).compile_to_lowered_stmt(std::string(dump) + "/" + stem + ".stmt", arguments,
                                                          Halide::StmtOutputFormat::Text, kernelTarget);
      Halide::Pipeline(outputs).compile_to_object(object, arguments, symbol, kernelTarget);
    } catch (const Halide::Error &e) {
      return op->emitError() << "Halide failed to compile the kernel: " << e.what(), failure();
    }
    objects.push_back(object);
    return kernel;
  };
  std::vector<std::vector<HalideValue>> kernelResults;
  for (size_t k = 0; k < kernels.size(); ++k) {
    Operation *op = kernels[k];
    if (runtimeOpFor(op) || isControlFlow(op) || isView(op)) {
      kernelResults.emplace_back(); // the runtime runs it, or the driver
      continue;
    }
    std::string stem = "kernel" + std::to_string(k);
    FailureOr<std::vector<HalideValue>> kernel = compileKernel(k, stem, false);
    if (failed(kernel))
      return failure();
    kernelResults.push_back(*kernel);
    // A strip chain whose first op runs whole below a size: that variant
    // too (the same arguments; the run picks one).
    if (auto fused = dyn_cast<FusedOp>(op); fused && fused.getStripMinBytes())
      if (failed(compileKernel(k, stem + "_whole", true)))
        return failure();
  }
  try {
    objects.push_back(halideRuntimeObject(target, options.workDir));
  } catch (const Halide::Error &e) {
    return main.emitError() << "Halide failed to generate its runtime: " << e.what(), failure();
  }

  // The host driver.
  context->loadDialect<LLVM::LLVMDialect>();
  DriverBuilder d(context, options.name);
  OpBuilder &b = d.builder;
  Location loc = d.loc;
  Type i8 = b.getI8Type(), i32 = b.getI32Type(), i64 = b.getI64Type();

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
    if (runtimeOpFor(kernels[k]) || isControlFlow(kernels[k]) || isView(kernels[k]))
      continue;
    size_t buffers = 1; // the user context
    for (Value operand : kernels[k]->getOperands())
      buffers += !isa<NoneType>(operand.getType());
    for (const HalideValue &result : kernelResults[k])
      buffers += result.func.defined();
    auto type = LLVM::LLVMFunctionType::get(i32, SmallVector<Type>(buffers, d.ptr));
    b.create<LLVM::LLVMFuncOp>(loc, kernelSymbol(k), type);
    if (auto fused = dyn_cast<FusedOp>(kernels[k]); fused && fused.getStripMinBytes())
      b.create<LLVM::LLVMFuncOp>(loc, kernelSymbol(k) + "_whole", type);
  }

  // size_t NAME_arena_bytes(const hone_tensor_t *): the plan's size.
  buildArenaBytesFunction(d, main, shapes, plan);

  // Halide's default error handler aborts the process; a kernel that fails
  // (it never should: shapes are checked before it runs) must only fail the
  // run. NAME_halide_error hands the message to the run context's
  // kernel_error (its user context is the run's context) and NAME_run
  // installs it.
  std::string errorHandler = options.name + "_halide_error";
  {
    auto func = b.create<LLVM::LLVMFuncOp>(loc, errorHandler,
                                           LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(context), {d.ptr, d.ptr}),
                                           LLVM::Linkage::Internal);
    OpBuilder::InsertionGuard guard(b);
    Block *entry = func.addEntryBlock(b);
    Block *report = func.addBlock(), *done = func.addBlock();
    b.setInsertionPointToStart(entry);
    Value runContext = entry->getArgument(0);
    Value null = b.create<LLVM::ZeroOp>(loc, d.ptr);
    b.create<LLVM::CondBrOp>(loc, b.create<LLVM::ICmpOp>(loc, LLVM::ICmpPredicate::ne, runContext, null),
                             report, ValueRange{}, done, ValueRange{});
    b.setInsertionPointToStart(report);
    Value sink = loadField(b, loc, d.ptr, runContext, 80); // hone_run_context_t.kernel_error
    auto sinkType = LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(context), {d.ptr, d.ptr});
    b.create<LLVM::CallOp>(loc, sinkType, ValueRange{sink, runContext, entry->getArgument(1)});
    b.create<LLVM::BrOp>(loc, ValueRange{}, done);
    b.setInsertionPointToStart(done);
    b.create<LLVM::ReturnOp>(loc, ValueRange{});
  }
  std::vector<KernelCall> calls;
  for (size_t k = 0; k < kernels.size(); ++k) {
    KernelCall call{kernels[k], kernelSymbol(k), runtimeOpFor(kernels[k]), {}, {}};
    if (auto fused = dyn_cast<FusedOp>(kernels[k]); fused && fused.getStripMinBytes()) {
      // The first op's result (the group's last input, its own kernel's):
      // its bytes pick the variant, as they size it in the memory plan.
      DimExpr bytes = shapes.bytes(fused.getInputs().back());
      if (!bytes.isValid() || !shapes.knownAtStart(bytes))
        return fused.emitError() << "has strip_min_bytes but its first op's size is not known when a run starts",
               failure();
      auto minBytes = static_cast<int64_t>(*fused.getStripMinBytes());
      call.whole = KernelCall::SizeSwitch{shapes.resolve(bytes), minBytes, kernelSymbol(k) + "_whole"};
      // The first op's own kernel (the group's last input) runs only then.
      Operation *producer = fused.getInputs().back().getDefiningOp();
      auto it = llvm::find(kernels, producer);
      if (it == kernels.end() || static_cast<size_t>(it - kernels.begin()) >= calls.size())
        return fused.emitError() << "has strip_min_bytes but its last input is not computed by a kernel before it",
               failure();
      calls[it - kernels.begin()].onlyBelow = KernelCall::SizeSwitch{shapes.resolve(bytes), minBytes};
    }
    for (const HalideValue &result : kernelResults[k])
      call.resultViews.push_back(result.func.defined() ? cast<RankedTensorType>(result.type)
                                                       : RankedTensorType());
    calls.push_back(std::move(call));
  }
  if (failed(buildRunFunction(d, main, calls, tensors, errorHandler, shapes, plan)))
    return failure();

  // Metadata: hone_tensor_info_t {name, dtype, rank, dims, min_dims, max_dims}.
  auto infoType = LLVM::LLVMStructType::getLiteral(context, {d.ptr, i32, i32, d.ptr, d.ptr, d.ptr});
  // A dynamic dim is -1 and accepts [0, 2^31 - 1] (Halide's int32 extents).
  auto addInfos = [&](StringRef symbol, ArrayRef<std::pair<std::string, RankedTensorType>> values) {
    std::vector<std::tuple<std::string, int32_t, int32_t, std::string, std::string, std::string>> rows;
    for (auto &[tensorName, type] : values) {
      SmallVector<int64_t> dims, lows, highs;
      for (int64_t size : type.getShape()) {
        bool dynamic = ShapedType::isDynamic(size);
        dims.push_back(dynamic ? -1 : size);
        lows.push_back(dynamic ? 0 : size);
        highs.push_back(dynamic ? kMaxDim : size);
      }
      std::string dimsSymbol = d.addI64Array(dims);
      bool isStatic = type.hasStaticShape();
      rows.emplace_back(d.addString(tensorName), static_cast<int32_t>(dtypeOf(type.getElementType())),
                        static_cast<int32_t>(type.getRank()), dimsSymbol,
                        isStatic ? dimsSymbol : d.addI64Array(lows),
                        isStatic ? dimsSymbol : d.addI64Array(highs));
    }
    auto arrayType = LLVM::LLVMArrayType::get(infoType, std::max<size_t>(rows.size(), 1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(d.module->getBody());
    auto global = b.create<LLVM::GlobalOp>(loc, arrayType, true, LLVM::Linkage::Internal, symbol,
                                           Attribute());
    b.setInsertionPointToStart(b.createBlock(&global.getInitializerRegion()));
    Value array = b.create<LLVM::UndefOp>(loc, arrayType);
    for (auto [i, row] : llvm::enumerate(rows)) {
      auto &[nameSymbol, dtype, rank, dimsSymbol, lowSymbol, highSymbol] = row;
      Value info = b.create<LLVM::UndefOp>(loc, infoType);
      Value dims = b.create<LLVM::AddressOfOp>(loc, d.ptr, dimsSymbol);
      info = b.create<LLVM::InsertValueOp>(loc, info, b.create<LLVM::AddressOfOp>(loc, d.ptr, nameSymbol), 0);
      info = b.create<LLVM::InsertValueOp>(loc, info, constantInt(b, loc, i32, dtype), 1);
      info = b.create<LLVM::InsertValueOp>(loc, info, constantInt(b, loc, i32, rank), 2);
      info = b.create<LLVM::InsertValueOp>(loc, info, dims, 3);
      info = b.create<LLVM::InsertValueOp>(loc, info, b.create<LLVM::AddressOfOp>(loc, d.ptr, lowSymbol), 4);
      info = b.create<LLVM::InsertValueOp>(loc, info, b.create<LLVM::AddressOfOp>(loc, d.ptr, highSymbol), 5);
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
