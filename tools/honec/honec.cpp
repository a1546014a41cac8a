//===- honec.cpp - The hone compiler driver -------------------------------===//
//
//   honec MODEL.onnx [--target=T] [-o PREFIX] [--name=N]
//         [--input-shape=NAME:1x3x224x224|NAME:?x128] [--emit=STAGE] [--stats]
//
// The command line is a contract (DESIGN.md). With -o PREFIX it compiles the
// model for the host into PREFIX.a and PREFIX.h (--emit=shared: PREFIX.so,
// for tests); with --emit=STAGE it prints the IR after that stage of
// compiler/pipeline/Stages.cpp (or, with --emit=summary, a summary). Unknown
// targets and stages are refused rather than ignored. --stats prints what
// the compiler did as one JSON object (compiler/pipeline/Stats.h).
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/Diagnostics.h"
#include "compiler/onnx/OnnxImporter.h"
#include "compiler/pipeline/Stages.h"
#include "targets/cpu/ConstantLayouts.h"
#include "targets/cpu/CpuTargets.h"
#include "targets/cpu/LibraryWriter.h"
#include "dialects/hone/HoneOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"

#include "compiler/pipeline/Stats.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cctype>
#include <map>

namespace mlir::hone {
namespace {

llvm::cl::opt<std::string> modelPath(llvm::cl::Positional, llvm::cl::Required,
                                     llvm::cl::desc("<model.onnx | model.onnxtext>"));
llvm::cl::opt<std::string> emit("emit", llvm::cl::init("hone"),
                                llvm::cl::desc("stage after which to print the IR (see "
                                               "compiler/pipeline/Stages.cpp), or summary"));
llvm::cl::list<std::string> inputShapes("input-shape",
                                        llvm::cl::desc("NAME:1x3x224x224 or NAME:?x128"));
llvm::cl::opt<std::string> outputPrefix("o", llvm::cl::value_desc("PREFIX"),
                                        llvm::cl::desc("write PREFIX.a and PREFIX.h (or PREFIX.so "
                                                       "with --emit=shared)"));
llvm::cl::opt<std::string> libraryName("name", llvm::cl::value_desc("N"),
                                       llvm::cl::desc("C identifier of the model (N_descriptor); "
                                                      "default: from PREFIX"));
llvm::cl::opt<std::string> weightsMode("weights", llvm::cl::init("embed"),
                                       llvm::cl::desc("embed (read-only data in the library) or "
                                                      "file (PREFIX.weights, mapped at create)"));
llvm::cl::opt<std::string> targetName("target", llvm::cl::init("host"),
                                      llvm::cl::desc("host, x86_64-linux, arm64-linux, arm64-android or arm64-ios"));
llvm::cl::opt<bool> layout("layout", llvm::cl::init(true),
                           llvm::cl::desc("layout transformation elimination (--layout=false: "
                                          "Reshape- and Transpose-class ops stay their own kernels "
                                          "or views; the ablation)"));
llvm::cl::opt<bool> fuse("fuse", llvm::cl::init(true),
                         llvm::cl::desc("group ops into fused kernels (--fuse=false: one kernel per op)"));
llvm::cl::opt<bool> rewrite("rewrite", llvm::cl::init(true),
                            llvm::cl::desc("recognise layers and rewrite by algebraic properties "
                                           "before fusion (--rewrite=false: the graph as imported)"));
llvm::cl::opt<bool> relaxedMath("relaxed-math",
                                llvm::cl::desc("also rewrites that can change results on special "
                                               "values (sqrt(x)*sqrt(x) -> x)"));
llvm::cl::opt<std::string> fusionTable("fusion-table", llvm::cl::value_desc("FILE"),
                                       llvm::cl::desc("fusion-table overrides (passes/fusion/FusionTable.h)"));
llvm::cl::opt<bool> forceDynamic("force-dynamic",
                                 llvm::cl::desc("make every input dim dynamic"));
/// --stats: print one JSON object of what the compiler did
/// (compiler/pipeline/Stats.h) instead of the IR. Taken off the command line
/// by hand: libLLVM registers an option named "stats" of its own.
bool printStats = false;
llvm::cl::opt<bool> printLocations("print-locations",
                                   llvm::cl::desc("print the ONNX node locations in the IR"));

/// Op counts, inputs and outputs of @main: what a newcomer wants to see
/// before the whole IR.
void printSummary(ModuleOp module, llvm::raw_ostream &os) {
  auto main = module.lookupSymbol<func::FuncOp>("main");
  std::map<std::string, int> counts;
  int total = 0;
  main.walk([&](Operation *op) {
    if (op->getDialect() && op->getDialect()->getNamespace() == "hone" &&
        !isa<NoneOp, YieldOp>(op)) {
      ++counts[op->getName().getStringRef().str()];
      ++total;
    }
  });
  os << "hone IR summary of " << modelPath << "\n";
  for (unsigned i = 0; i < main.getNumArguments(); ++i) {
    auto name = main.getArgAttrOfType<StringAttr>(i, "hone.name");
    os << "  input  " << (name ? name.getValue() : "?") << ": " << main.getArgument(i).getType()
       << "\n";
  }
  for (unsigned i = 0; i < main.getNumResults(); ++i) {
    auto name = main.getResultAttrOfType<StringAttr>(i, "hone.name");
    os << "  output " << (name ? name.getValue() : "?") << ": "
       << main.getFunctionType().getResult(i) << "\n";
  }
  os << "  " << total << " ops:";
  for (const auto &[name, count] : counts)
    os << " " << name << "=" << count;
  os << "\n";
}

/// PREFIX.a + PREFIX.h, or PREFIX.so for tests, for `target`.
int writeModelLibrary(ModuleOp module, const cpu::CpuTarget &target, bool shared) {
  auto main = module.lookupSymbol<func::FuncOp>("main");
  cpu::LibraryOptions options;
  std::string prefix = outputPrefix;
  std::string stem = llvm::sys::path::filename(prefix).str();
  options.name = cpu::defaultLibraryName(libraryName.empty() ? stem : libraryName.getValue());
  llvm::SmallString<128> work;
  if (std::error_code ec = llvm::sys::fs::createUniqueDirectory("honec", work)) {
    llvm::errs() << "honec: cannot create a work directory: " << ec.message() << "\n";
    return 1;
  }
  options.workDir = work.str().str();
  options.target = target.name;
  if (weightsMode == "file")
    options.weightsFile = prefix + ".weights";
  FailureOr<std::vector<std::string>> objects = cpu::writeObjects(main, options);
  std::string error;
  int status = 0;
  if (failed(objects)) {
    status = 1;
  } else if (shared) {
    if (failed(cpu::linkSharedLibrary(*objects, prefix + ".so", error)))
      status = 1;
  } else if (failed(cpu::writeStaticLibrary(*objects, prefix + ".a", target.darwinArchive, error)) ||
             failed(cpu::writeHeader(main, options, prefix + ".h", error))) {
    status = 1;
  }
  if (!error.empty())
    llvm::errs() << "honec: " << error << "\n";
  llvm::sys::fs::remove_directories(options.workDir);
  return status;
}

} // namespace

static int honecMain(int argc, char **argv) {
  std::vector<char *> args;
  for (int i = 0; i < argc; ++i) {
    if (i > 0 && (StringRef(argv[i]) == "--stats" || StringRef(argv[i]) == "-stats"))
      printStats = true;
    else
      args.push_back(argv[i]);
  }
  llvm::cl::ParseCommandLineOptions(static_cast<int>(args.size()), args.data(),
                                    "honec: the hone compiler\n");
  hone::ImportOptions options;
  options.forceDynamicInputs = forceDynamic;
  for (const std::string &spec : inputShapes) {
    std::string error;
    if (!hone::parseInputShapeOverride(spec, options.inputShapes, error)) {
      llvm::errs() << "honec: --input-shape: " << error << "\n";
      return 2;
    }
  }
  std::string targetError;
  FailureOr<cpu::CpuTarget> target = cpu::resolveCpuTarget(targetName, targetError);
  if (failed(target)) {
    llvm::errs() << "honec: --target: " << targetError << "\n";
    return 2;
  }
  if (weightsMode != "embed" && weightsMode != "file") {
    llvm::errs() << "honec: --weights=" << weightsMode << ": expected embed or file\n";
    return 2;
  }
  if (emit == "shared" && !target->runsHere) {
    llvm::errs() << "honec: --emit=shared builds a library for this machine; --target="
                 << targetName << " writes PREFIX.a and PREFIX.h\n";
    return 2;
  }
  bool writeLibrary = !outputPrefix.empty();
  if (writeLibrary && emit == "hone")
    emit = "library";
  std::optional<Stage> stage = findStage(emit);
  if (!stage && emit != "summary" && emit != "library" && emit != "shared") {
    llvm::errs() << "honec: --emit=" << emit << " names no stage; this build has:";
    for (const StageInfo &info : pipelineStages())
      llvm::errs() << " " << info.name;
    llvm::errs() << " summary library shared\n";
    return 2;
  }
  if ((emit == "library" || emit == "shared") && outputPrefix.empty()) {
    llvm::errs() << "honec: --emit=" << emit << " needs -o PREFIX\n";
    return 2;
  }
  DialectRegistry registry;
  hone::registerImportedDialects(registry);
  MLIRContext context(registry);
  // One line per problem: no IR dump appended to verifier errors.
  context.printOpOnDiagnostic(false);
  hone::OnnxDiagnosticHandler diagnostics(&context);
  OwningOpRef<ModuleOp> module = hone::importOnnxModel(&context, modelPath, options);
  if (!module)
    return 1;
  PassManager pm(&context);
  // A library and the stats need every stage; a printed stage, the stages
  // up to it.
  Stage last = stage.value_or(emit == "summary" ? Stage::Import : Stage::Memory);
  PipelineOptions pipelineOptions;
  pipelineOptions.fuse = fuse;
  pipelineOptions.layout = layout;
  pipelineOptions.fusionTable = fusionTable;
  pipelineOptions.rewrite = rewrite;
  pipelineOptions.relaxedMath = relaxedMath;
  if (printStats) {
    // The bytes before are the simplified graph's, every op its own kernel:
    // rewriting and fusion are what reduce them.
    buildPipelineStages(pm, Stage::Import, Stage::Simplify, pipelineOptions);
    if (failed(pm.run(*module)))
      return 1;
    std::optional<UnfusedFigures> before = unfusedFigures(*module);
    PassManager rest(&context);
    buildPipelineStages(rest, Stage::Rewrite, Stage::Memory, pipelineOptions);
    if (failed(rest.run(*module)))
      return 1;
    int status = emit == "library" || emit == "shared"
                     ? writeModelLibrary(*module, *target, emit == "shared")
                     : 0;
    if (status == 0) {
      cpu::LaidOutConstants laidOut = cpu::laidOutConstants(module->getOperation());
      llvm::outs() << statsJson(*module, before,
                                {{"constants_laid_out", laidOut.count},
                                 {"constant_bytes_laid_out", laidOut.bytes}})
                   << "\n";
    }
    return status;
  }
  buildPipelineUpTo(pm, last, pipelineOptions);
  if (failed(pm.run(*module)))
    return 1;
  if (emit == "summary") {
    printSummary(*module, llvm::outs());
    return 0;
  }
  if (emit == "library" || emit == "shared")
    return writeModelLibrary(*module, *target, emit == "shared");
  OpPrintingFlags flags;
  if (printLocations)
    flags.enableDebugInfo();
  module->print(llvm::outs(), flags);
  llvm::outs() << "\n";
  return 0;
}
} // namespace mlir::hone

int main(int argc, char **argv) { return mlir::hone::honecMain(argc, argv); }
