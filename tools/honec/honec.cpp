//===- honec.cpp - The hone compiler driver -------------------------------===//
//
//   honec MODEL.onnx [--target=T] [-o PREFIX] [--name=N]
//         [--input-shape=NAME:1x3x224x224|NAME:?x128] [--emit=STAGE] [--stats]
//
// The command line is a contract (DESIGN.md). This build has the stages of
// compiler/pipeline/Stages.cpp: it imports the model, runs the stages up to
// --emit and prints the IR (or, with --emit=summary, a summary). Options of
// later issues (--target, -o, --name, --stats) are refused as unknown rather
// than silently ignored.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/Diagnostics.h"
#include "compiler/onnx/OnnxImporter.h"
#include "compiler/pipeline/Stages.h"
#include "dialects/hone/HoneOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

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
llvm::cl::opt<bool> forceDynamic("force-dynamic",
                                 llvm::cl::desc("make every input dim dynamic"));
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

} // namespace

static int honecMain(int argc, char **argv) {
  llvm::cl::ParseCommandLineOptions(argc, argv, "honec: the hone compiler\n");
  hone::ImportOptions options;
  options.forceDynamicInputs = forceDynamic;
  for (const std::string &spec : inputShapes) {
    std::string error;
    if (!hone::parseInputShapeOverride(spec, options.inputShapes, error)) {
      llvm::errs() << "honec: --input-shape: " << error << "\n";
      return 2;
    }
  }
  std::optional<Stage> stage = findStage(emit);
  if (!stage && emit != "summary") {
    llvm::errs() << "honec: --emit=" << emit << " names no stage; this build has:";
    for (const StageInfo &info : pipelineStages())
      llvm::errs() << " " << info.name;
    llvm::errs() << " summary\n";
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
  buildPipelineUpTo(pm, stage.value_or(Stage::Import));
  if (failed(pm.run(*module)))
    return 1;
  if (emit == "summary") {
    printSummary(*module, llvm::outs());
    return 0;
  }
  OpPrintingFlags flags;
  if (printLocations)
    flags.enableDebugInfo();
  module->print(llvm::outs(), flags);
  llvm::outs() << "\n";
  return 0;
}
} // namespace mlir::hone

int main(int argc, char **argv) { return mlir::hone::honecMain(argc, argv); }
