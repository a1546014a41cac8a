//===- hone-run.cpp - Runs a model and checks or times it -----------------===//
//
// The command lines are a contract (DESIGN.md):
//   hone-run [--interp] DIR...                 ONNX backend test directories
//   hone-run MODEL.onnx|LIB.so [--interp] --input NAME=X.npy ... [--expect Y.npy ...]
//            [--rtol R] [--atol A] [--tol T] [--threads N] [--bench N] [--json]
// The exit status is 0 only when every output of every run matches. Without
// --interp a model is compiled for the host first; LIB.so is a library that
// `honec --emit=shared -o LIB` wrote, loaded as it is.
//
//===----------------------------------------------------------------------===//
#include "compiler/onnx/Diagnostics.h"
#include "compiler/onnx/OnnxImporter.h"
#include "compiler/reference/Evaluator.h"
#include "compiler/reference/OnnxIO.h"
#include "tools/hone-run/CompiledModel.h"
#include "tools/hone-run/OutputCheck.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

namespace fs = std::filesystem;

namespace mlir::hone {
namespace {

/// The command line. Parsed by hand rather than with llvm::cl: libLLVM
/// already registers an option named "threads", which the contract of
/// DESIGN.md gives to hone-run.
struct RunOptions {
  std::vector<std::string> positional, inputFiles, expectFiles;
  bool interp = false, json = false, forceDynamic = false, printOutputs = false;
  /// --input-shape overrides (honec's syntax: NAME:1x3x224x224).
  std::vector<std::string> inputShapes;
  /// Seed of --random-inputs (-1: none), and the size of dynamic dims then.
  long randomSeed = -1;
  int dynamicDimSize = 3;
  /// A second model (ONNX or .mlir) to run on the same inputs and compare.
  std::string compareWith;
  /// A second library timed against the model, run for run (--bench).
  std::string benchAgainst;
  double rtol = 1e-3, atol = 1e-7, tol = -1;
  int threads = 1, bench = 0;
};

RunOptions options;

constexpr const char *kUsage =
    "usage: hone-run [--interp] DIR...\n"
    "       hone-run MODEL.onnx|LIB.so [--interp] --input NAME=X.npy ... [--expect Y.npy ...]\n"
    "                [--rtol R] [--atol A] [--tol T] [--threads N] [--bench N] [--json]\n"
    "                [--print-outputs] [--force-dynamic] [--input-shape NAME:DIMS ...]\n"
    "                [--bench-against OTHER.so]\n"
    "       hone-run MODULE.mlir --interp --random-inputs SEED [--dynamic-dim-size N]\n"
    "                [--compare-with OTHER.mlir|OTHER.onnx|LIB.so]\n";

/// Parses argv into `options`; false (after printing why) on a bad line.
bool parseCommandLine(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    size_t eq = arg.find('=');
    bool inlineValue = arg.rfind("--", 0) == 0 && eq != std::string::npos;
    if (inlineValue) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    }
    auto next = [&](std::string &out) {
      if (inlineValue) {
        out = value;
        return true;
      }
      if (i + 1 >= argc) {
        llvm::errs() << "hone-run: " << arg << " needs a value\n" << kUsage;
        return false;
      }
      out = argv[++i];
      return true;
    };
    auto number = [&](auto &out) {
      std::string text;
      if (!next(text))
        return false;
      try {
        size_t used = 0;
        double parsed = std::stod(text, &used);
        if (used != text.size())
          throw std::invalid_argument(text);
        out = static_cast<std::remove_reference_t<decltype(out)>>(parsed);
        return true;
      } catch (const std::exception &) {
        llvm::errs() << "hone-run: " << arg << " expects a number, got '" << text << "'\n";
        return false;
      }
    };
    bool ok = true;
    if (arg == "--interp") options.interp = true;
    else if (arg == "--json") options.json = true;
    else if (arg == "--force-dynamic") options.forceDynamic = true;
    else if (arg == "--print-outputs") options.printOutputs = true;
    else if (arg == "--input") { std::string v; ok = next(v); options.inputFiles.push_back(v); }
    else if (arg == "--input-shape") { std::string v; ok = next(v); options.inputShapes.push_back(v); }
    else if (arg == "--expect") { std::string v; ok = next(v); options.expectFiles.push_back(v); }
    else if (arg == "--rtol") ok = number(options.rtol);
    else if (arg == "--atol") ok = number(options.atol);
    else if (arg == "--tol") ok = number(options.tol);
    else if (arg == "--threads") ok = number(options.threads);
    else if (arg == "--bench") ok = number(options.bench);
    else if (arg == "--random-inputs") ok = number(options.randomSeed);
    else if (arg == "--dynamic-dim-size") ok = number(options.dynamicDimSize);
    else if (arg == "--compare-with") ok = next(options.compareWith);
    else if (arg == "--bench-against") ok = next(options.benchAgainst);
    else if (arg == "--help" || arg == "-h") { llvm::outs() << kUsage; std::exit(0); }
    else if (arg.rfind("-", 0) == 0) {
      llvm::errs() << "hone-run: unknown option '" << arg << "'\n" << kUsage;
      return false;
    } else options.positional.push_back(arg);
    if (!ok)
      return false;
  }
  if (options.positional.empty()) {
    llvm::errs() << kUsage;
    return false;
  }
  return true;
}

/// Resident memory of this process in KiB: current (VmRSS) or peak (VmHWM).
long residentKiB(const char *field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind(field, 0) == 0)
      return std::stol(line.substr(std::strlen(field)));
  return 0;
}

/// Pages in every file-backed read-only mapping, code and read-only data
/// (the compiled library's code and constant pools, the runtime's, the C++
/// and math libraries' with their tables) so that the working memory
/// counts what the runs allocate, not the clean file pages their first run
/// faults in (bert_mini at 16 tokens: 232 of its 420 KiB were libm's tables
/// and the library's read-only data); tools/bench/ort_bench.js does the
/// same for ONNX Runtime. HONE_PAGE_IN_CODE=0 turns it off.
void pageInCode() {
  if (const char *flag = std::getenv("HONE_PAGE_IN_CODE"); flag && std::string(flag) == "0")
    return;
  std::ifstream maps("/proc/self/maps");
  std::string line;
  long page = sysconf(_SC_PAGESIZE);
  volatile uint8_t sink = 0;
  while (std::getline(maps, line)) {
    std::istringstream fields(line);
    std::string range, perms, offset, device, inode, path;
    fields >> range >> perms >> offset >> device >> inode >> path;
    if ((perms != "r-xp" && perms != "r--p") || path.empty() || path[0] != '/')
      continue;
    size_t dash = range.find('-');
    uintptr_t start = std::stoull(range.substr(0, dash), nullptr, 16);
    uintptr_t end = std::stoull(range.substr(dash + 1), nullptr, 16);
    for (uintptr_t at = start; at < end; at += static_cast<uintptr_t>(page))
      sink = sink + *reinterpret_cast<const volatile uint8_t *>(at);
  }
  (void)sink;
}

/// Resets the peak-RSS counter so that VmHWM measures from now on.
void resetPeakResident() { std::ofstream("/proc/self/clear_refs") << "5"; }

struct LoadedModel {
  /// The imported IR; absent for a library loaded as it is (LIB.so).
  OwningOpRef<ModuleOp> module;
  func::FuncOp main;
  /// Without --interp: the model compiled for the host.
  std::unique_ptr<CompiledModel> compiled;
  /// The graph's input and output names, in order.
  std::vector<std::string> inputNames, outputNames;
};

/// The `hone.name` of each argument (or result) of `main`, or a made-up
/// name where it has none.
std::vector<std::string> ioNames(func::FuncOp main, bool results) {
  std::vector<std::string> names;
  unsigned count = results ? main.getNumResults() : main.getNumArguments();
  for (unsigned i = 0; i < count; ++i) {
    auto name = results ? main.getResultAttrOfType<StringAttr>(i, "hone.name")
                        : main.getArgAttrOfType<StringAttr>(i, "hone.name");
    names.push_back(name ? name.str() : (results ? "output_" : "#") + std::to_string(i));
  }
  return names;
}

/// Runs `model` with the engine the command line chose.
FailureOr<std::vector<ref::Tensor>> runModelOnce(LoadedModel &model,
                                                 const std::vector<ref::Tensor> &inputs,
                                                 std::string &error) {
  if (model.compiled)
    return model.compiled->run(inputs, error);
  return hone::evaluateFunction(model.main, inputs, error);
}

bool loadModelOrLibrary(MLIRContext &context, const std::string &path, LoadedModel &model, bool compared);

/// Loads an ONNX model, hone IR from a `.mlir` file (its @main, or its only
/// function: tests run a module before and after a pass this way), or a
/// compiled library. `compared`: the --compare-with model, which may be a
/// library whatever the options of the evaluated one.
bool loadModel(MLIRContext &context, const std::string &path, LoadedModel &model, bool compared = false) {
  bool loaded = loadModelOrLibrary(context, path, model, compared);
  if (loaded && model.main) {
    model.inputNames = ioNames(model.main, /*results=*/false);
    model.outputNames = ioNames(model.main, /*results=*/true);
  } else if (loaded) {
    model.inputNames = model.compiled->inputNames();
    model.outputNames = model.compiled->outputNames();
  }
  return loaded;
}

/// loadModel without the names: a library (`honec --emit=shared`), hone IR
/// or an ONNX model.
bool loadModelOrLibrary(MLIRContext &context, const std::string &path, LoadedModel &model, bool compared) {
  if (StringRef(path).ends_with(".so")) {
    if (!compared && (options.interp || !options.compareWith.empty() || !options.inputShapes.empty() ||
                      options.forceDynamic)) {
      llvm::errs() << path << ": a compiled library runs as it is (no --interp, --compare-with, "
                              "--input-shape or --force-dynamic)\n";
      return false;
    }
    std::string error;
    model.compiled = CompiledModel::load(path, options.threads, error);
    if (!model.compiled)
      llvm::errs() << path << ": " << error << "\n";
    return static_cast<bool>(model.compiled);
  }
  if (StringRef(path).ends_with(".mlir")) {
    model.module = parseSourceFile<ModuleOp>(path, &context);
    if (!model.module)
      return false;
    model.main = model.module->lookupSymbol<func::FuncOp>("main");
    if (!model.main) {
      auto funcs = model.module->getOps<func::FuncOp>();
      if (std::distance(funcs.begin(), funcs.end()) == 1)
        model.main = *funcs.begin();
    }
    if (!model.main)
      llvm::errs() << path << ": expected a function @main (or exactly one function)\n";
    return static_cast<bool>(model.main);
  }
  hone::ImportOptions importOptions;
  importOptions.forceDynamicInputs = options.forceDynamic;
  for (const std::string &spec : options.inputShapes) {
    std::string error;
    if (!hone::parseInputShapeOverride(spec, importOptions.inputShapes, error)) {
      llvm::errs() << "hone-run: --input-shape: " << error << "\n";
      return false;
    }
  }
  model.module = hone::importOnnxModel(&context, path, importOptions);
  if (!model.module)
    return false;
  model.main = model.module->lookupSymbol<func::FuncOp>("main");
  if (!model.main)
    return false;
  if (!options.interp) {
    // The evaluator of --compare-with and the reference stay on the
    // imported IR; the compiled library gets its own copy.
    OwningOpRef<ModuleOp> copy = model.module->clone();
    std::string error;
    model.compiled = CompiledModel::compile(*copy, options.threads, error);
    if (!model.compiled) {
      if (!error.empty())
        llvm::errs() << path << ": " << error << "\n";
      return false;
    }
  }
  return true;
}

/// A seeded random tensor for an argument of `type`: floats uniform in
/// [-1, 1), integers in [0, 4) (valid as small indices), bools either way;
/// dynamic dims take `dynamicDimSize`.
bool randomTensor(Type type, std::mt19937 &rng, ref::Tensor &out) {
  auto shaped = dyn_cast<RankedTensorType>(type);
  if (!shaped)
    return false;
  ref::DType dtype = dtypeOf(shaped.getElementType());
  if (dtype == ref::DType::Undefined)
    return false;
  ref::Shape shape;
  for (int64_t d : shaped.getShape())
    shape.push_back(ShapedType::isDynamic(d) ? options.dynamicDimSize : d);
  out = ref::Tensor(dtype, shape);
  std::uniform_real_distribution<double> real(-1.0, 1.0);
  std::uniform_int_distribution<int64_t> small(0, 3);
  for (int64_t i = 0; i < out.numel(); ++i) {
    if (ref::isFloatDType(dtype))
      out.setDouble(i, real(rng));
    else
      out.setInt(i, dtype == ref::DType::Bool ? small(rng) % 2 : small(rng));
  }
  return true;
}

hone::Tolerance tolerance() {
  hone::Tolerance t;
  t.rtol = options.rtol;
  t.atol = options.atol;
  if (options.tol >= 0)
    t.tol = options.tol;
  return t;
}

/// Runs the model on `inputs`; compares with `expected` when given. Prints
/// what failed to stderr and returns false on any failure.
bool runAndCheck(LoadedModel &model, const std::vector<ref::Tensor> &inputs,
                 const std::vector<ref::Tensor> &expected, const std::string &what,
                 double &maxRelErr, std::vector<ref::Tensor> *outputs = nullptr) {
  std::string error;
  FailureOr<std::vector<ref::Tensor>> results = runModelOnce(model, inputs, error);
  if (failed(results)) {
    llvm::errs() << what << ": " << error << "\n";
    return false;
  }
  if (!expected.empty() && expected.size() != results->size()) {
    llvm::errs() << what << ": the model has " << results->size() << " outputs, "
                 << expected.size() << " expected\n";
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < expected.size(); ++i) {
    hone::CheckResult check = hone::checkOutput((*results)[i], expected[i], tolerance());
    maxRelErr = std::max(maxRelErr, check.maxRelativeError);
    if (!check.ok) {
      llvm::errs() << what << ": output " << i << ": " << check.message << "\n";
      ok = false;
    }
  }
  if (outputs)
    *outputs = std::move(*results);
  return ok;
}

std::vector<fs::path> sortedDataSets(const fs::path &dir) {
  std::vector<fs::path> sets;
  for (const auto &entry : fs::directory_iterator(dir))
    if (entry.is_directory() && entry.path().filename().string().rfind("test_data_set_", 0) == 0)
      sets.push_back(entry.path());
  std::sort(sets.begin(), sets.end());
  return sets;
}

bool readNumbered(const fs::path &dir, const std::string &prefix, std::vector<ref::Tensor> &out) {
  for (int k = 0;; ++k) {
    fs::path file = dir / (prefix + "_" + std::to_string(k) + ".pb");
    if (!fs::exists(file))
      return true;
    ref::Tensor tensor;
    ref::Status status = ref::readTensorProtoFile(file.string(), tensor);
    if (!status) {
      llvm::errs() << file.string() << ": " << status.message << "\n";
      return false;
    }
    out.push_back(std::move(tensor));
  }
}

/// ONNX's backend tests store bfloat16 data as uint16 bit patterns (numpy
/// has no bfloat16): read them as the bfloat16 the model declares.
void adoptBFloat16Data(std::vector<ref::Tensor> &tensors, TypeRange types) {
  for (size_t i = 0; i < tensors.size() && i < types.size(); ++i)
    if (auto shaped = dyn_cast<ShapedType>(types[i]))
      if (shaped.getElementType().isBF16() && tensors[i].dtype() == ref::DType::U16)
        tensors[i] = tensors[i].bitcast(ref::DType::BF16);
}

/// One ONNX backend test directory: every data set must match.
bool runBackendTest(MLIRContext &context, const fs::path &dir) {
  LoadedModel model;
  if (!loadModel(context, (dir / "model.onnx").string(), model))
    return false;
  std::vector<fs::path> sets = sortedDataSets(dir);
  if (sets.empty()) {
    llvm::errs() << dir.string() << ": no test_data_set_* directories\n";
    return false;
  }
  bool ok = true;
  for (const fs::path &set : sets) {
    std::vector<ref::Tensor> inputs, expected;
    if (!readNumbered(set, "input", inputs) || !readNumbered(set, "output", expected))
      return false;
    adoptBFloat16Data(inputs, model.main.getArgumentTypes());
    adoptBFloat16Data(expected, model.main.getResultTypes());
    double maxRelErr = 0;
    ok &= runAndCheck(model, inputs, expected, set.string(), maxRelErr);
  }
  return ok;
}

/// "name: float32[1x3] = [0.1, 0.2, 0.7]", eliding the middle of long tensors.
void printTensor(const std::string &name, const ref::Tensor &tensor, llvm::raw_ostream &os) {
  os << name << ": " << ref::dtypeName(tensor.dtype()) << "[" << ref::shapeToString(tensor.shape())
     << "] = [";
  int64_t n = tensor.numel();
  for (int64_t i = 0; i < n; ++i) {
    if (n > 16 && i == 8) {
      os << "..., ";
      i = n - 8;
    }
    os << (i && !(n > 16 && i == n - 8) ? ", " : "") << tensor.getDouble(i);
  }
  os << "]\n";
}

/// Runs `model` and the --compare-with model on the same inputs and checks
/// that every output agrees within the tolerance: the evaluator's check of a
/// rewrite.
int compareModels(MLIRContext &context, LoadedModel &model, const std::vector<ref::Tensor> &inputs) {
  LoadedModel other;
  if (!loadModel(context, options.compareWith, other, /*compared=*/true))
    return 1;
  std::string error;
  FailureOr<std::vector<ref::Tensor>> want = hone::evaluateFunction(model.main, inputs, error);
  if (failed(want)) {
    llvm::errs() << "before: " << error << "\n";
    return 1;
  }
  double maxRelErr = 0;
  if (!runAndCheck(other, inputs, *want, options.compareWith, maxRelErr))
    return 1;
  llvm::outs() << "outputs agree (" << want->size() << " outputs, max relative error " << maxRelErr
               << ")\n";
  return 0;
}

/// A model on .npy inputs, with optional expected outputs and timing.
int runModel(MLIRContext &context, const std::string &path) {
  LoadedModel model;
  if (!loadModel(context, path, model))
    return 1;
  // Bind --input NAME=FILE to arguments by the graph input names.
  std::vector<ref::Tensor> inputs(model.inputNames.size());
  std::vector<bool> bound(inputs.size(), false);
  for (const std::string &spec : options.inputFiles) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos) {
      llvm::errs() << "--input expects NAME=FILE.npy, got '" << spec << "'\n";
      return 2;
    }
    std::string name = spec.substr(0, eq);
    auto found = std::find(model.inputNames.begin(), model.inputNames.end(), name);
    int index = found == model.inputNames.end() ? -1 : static_cast<int>(found - model.inputNames.begin());
    if (index < 0) {
      llvm::errs() << path << ": the model has no input named '" << name << "'\n";
      return 2;
    }
    ref::Status status = ref::readNpy(spec.substr(eq + 1), inputs[index]);
    if (!status) {
      llvm::errs() << spec.substr(eq + 1) << ": " << status.message << "\n";
      return 2;
    }
    bound[index] = true;
  }
  std::mt19937 rng(static_cast<unsigned>(options.randomSeed));
  for (size_t i = 0; i < bound.size(); ++i) {
    if (bound[i])
      continue;
    if (options.randomSeed >= 0 && model.main &&
        randomTensor(model.main.getArgument(i).getType(), rng, inputs[i]))
      continue;
    llvm::errs() << path << ": no --input given for '" << model.inputNames[i] << "'\n";
    return 2;
  }
  if (!options.compareWith.empty())
    return compareModels(context, model, inputs);
  std::vector<ref::Tensor> expected;
  for (const std::string &file : options.expectFiles) {
    ref::Tensor tensor;
    ref::Status status = ref::readNpy(file, tensor);
    if (!status) {
      llvm::errs() << file << ": " << status.message << "\n";
      return 2;
    }
    expected.push_back(std::move(tensor));
  }

  // --bench-against: a second library on the same inputs (checked against
  // the same expected outputs), timed in blocks of kAgainstBlock runs that
  // alternate with the model's (each block after one untimed run, as the
  // other library's block left the caches with its own data), so that both
  // see the same machine from one block to the next.
  constexpr int kAgainstBlock = 10;
  LoadedModel against;
  if (!options.benchAgainst.empty() &&
      !loadModel(context, options.benchAgainst, against, /*compared=*/true))
    return 1;
  double maxRelErr = 0;
  pageInCode();
  resetPeakResident();
  long baseline = residentKiB("VmRSS:");
  // The first run is the check (and the warm-up of a benchmark).
  std::vector<ref::Tensor> outputs;
  bool ok = runAndCheck(model, inputs, expected, path, maxRelErr, &outputs);
  if (ok && against.compiled)
    ok = runAndCheck(against, inputs, expected, options.benchAgainst, maxRelErr);
  const std::vector<std::string> &outputNames = model.outputNames;
  std::vector<double> times, againstTimes, ratios;
  auto timed = [&](LoadedModel &which, const std::string &what, std::vector<double> &into) {
    auto start = std::chrono::steady_clock::now();
    bool ran = runAndCheck(which, inputs, expected, what, maxRelErr);
    into.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    return ran;
  };
  if (!against.compiled) {
    for (int i = 0; ok && i < options.bench; ++i)
      ok = timed(model, path, times);
  }
  auto block = [&](LoadedModel &which, const std::string &what, std::vector<double> &into) {
    // The other library's pool threads spin for a while after its last
    // run (the runtime's 500 us) before they sleep: a block started at
    // once would share the cores with them. 2 ms: they are asleep.
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::vector<double> blockTimes, unused;
    bool ran = timed(which, what, unused);
    for (int k = 0; ran && k < kAgainstBlock; ++k)
      ran = timed(which, what, blockTimes);
    into.insert(into.end(), blockTimes.begin(), blockTimes.end());
    std::sort(blockTimes.begin(), blockTimes.end());
    return ran ? blockTimes[blockTimes.size() / 2] : 0.0;
  };
  for (int i = 0; ok && against.compiled && i < (options.bench + kAgainstBlock - 1) / kAgainstBlock; ++i) {
    // The blocks alternate which library runs first.
    double mine = 0, theirs = 0;
    if (i % 2 == 1)
      theirs = block(against, options.benchAgainst, againstTimes);
    mine = block(model, path, times);
    if (i % 2 == 0)
      theirs = block(against, options.benchAgainst, againstTimes);
    ok = mine > 0 && theirs > 0;
    if (ok)
      ratios.push_back(mine / theirs);
  }
  long workingKiB = std::max(0L, residentKiB("VmHWM:") - baseline);
  auto quantile = [](std::vector<double> values, double q) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[std::min(values.size() - 1, size_t(q * values.size()))];
  };
  auto at = [&](double q) { return quantile(times, q); };
  std::sort(times.begin(), times.end());
  if (options.json) {
    llvm::outs() << "{\"ok\": " << (ok ? "true" : "false") << ", \"engine\": \""
                 << (options.interp ? "interp" : "compiled") << "\""
                 << ", \"runs\": " << times.size() << ", \"median_ms\": " << at(0.5)
                 << ", \"min_ms\": " << (times.empty() ? 0.0 : times.front())
                 << ", \"p90_ms\": " << at(0.9) << ", \"working_memory_kb\": " << workingKiB
                 << ", \"max_rel_err\": " << maxRelErr;
    // Against the other library: its median and the median over pairs of
    // blocks of the ratio of their medians (this model's over the other's).
    if (against.compiled)
      llvm::outs() << ", \"against_median_ms\": " << quantile(againstTimes, 0.5)
                   << ", \"ratio_median\": " << quantile(ratios, 0.5);
    llvm::outs() << "}\n";
  } else if (ok) {
    if (options.printOutputs)
      for (size_t i = 0; i < outputs.size(); ++i)
        printTensor(outputNames[i], outputs[i], llvm::outs());
    llvm::outs() << path << ": " << (expected.empty() ? "ran" : "all outputs match")
                 << " (max relative error " << maxRelErr << ")\n";
  }
  return ok ? 0 : 1;
}

} // namespace

static int honeRunMain(int argc, char **argv) {
  if (!parseCommandLine(argc, argv))
    return 2;
  DialectRegistry registry;
  hone::registerImportedDialects(registry);
  MLIRContext context(registry);
  // One line per problem: no IR dump appended to verifier errors.
  context.printOpOnDiagnostic(false);
  hone::OnnxDiagnosticHandler diagnostics(&context);

  const std::vector<std::string> &positional = options.positional;
  if (fs::is_directory(positional.front())) {
    int failures = 0;
    for (const std::string &dir : positional) {
      bool ok = runBackendTest(context, dir);
      failures += !ok;
      if (positional.size() > 1)
        llvm::outs() << (ok ? "PASS " : "FAIL ") << fs::path(dir).filename().string() << "\n";
    }
    llvm::outs() << positional.size() - failures << " passed, " << failures << " failed\n";
    return failures ? 1 : 0;
  }
  if (positional.size() != 1) {
    llvm::errs() << "hone-run: expected one model file\n";
    return 2;
  }
  return runModel(context, positional.front());
}
} // namespace mlir::hone

int main(int argc, char **argv) { return mlir::hone::honeRunMain(argc, argv); }
