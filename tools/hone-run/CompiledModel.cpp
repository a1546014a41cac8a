//===- CompiledModel.cpp - A model compiled for the host and loaded -------===//
//
// The pipeline runs up to the memory plan, the CPU target writes the
// objects, the system linker makes a shared library, and dlopen loads it;
// the work directory is removed with the model.
//
//===----------------------------------------------------------------------===//
#include "tools/hone-run/CompiledModel.h"

#include "compiler/pipeline/Stages.h"
#include "runtime/include/hone/runtime.h"
#include "targets/cpu/LibraryWriter.h"

#include "mlir/Pass/PassManager.h"

#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <filesystem>

using namespace mlir;
using namespace mlir::hone;

CompiledModel::~CompiledModel() {
  hone_model_destroy(instance);
  if (library)
    dlclose(library);
  if (!workDir.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(workDir, ignored);
  }
}

std::unique_ptr<CompiledModel> CompiledModel::compile(ModuleOp module, int threads,
                                                      std::string &error) {
  std::unique_ptr<CompiledModel> model(new CompiledModel());
  char pattern[] = "/tmp/hone-run-XXXXXX";
  if (!mkdtemp(pattern)) {
    error = "cannot create a temporary directory";
    return nullptr;
  }
  model->workDir = pattern;
  PassManager pm(module.getContext());
  buildPipelineUpTo(pm, Stage::Memory);
  if (failed(pm.run(module)))
    return nullptr; // the pass reported why

  auto main = module.lookupSymbol<func::FuncOp>("main");
  cpu::LibraryOptions options;
  options.workDir = model->workDir;
  FailureOr<std::vector<std::string>> objects = cpu::writeObjects(main, options);
  if (failed(objects))
    return nullptr; // a diagnostic names the op
  std::string path = model->workDir + "/model.so";
  if (failed(cpu::linkSharedLibrary(*objects, path, error)) ||
      !model->open(path, options.name, threads, error))
    return nullptr;
  return model;
}

std::unique_ptr<CompiledModel> CompiledModel::load(const std::string &path, int threads,
                                                   std::string &error) {
  std::unique_ptr<CompiledModel> model(new CompiledModel());
  std::string stem = std::filesystem::path(path).stem().string();
  if (!model->open(path, cpu::defaultLibraryName(stem), threads, error))
    return nullptr;
  return model;
}

bool CompiledModel::open(const std::string &path, const std::string &name, int threads,
                         std::string &error) {
  library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    error = std::string("cannot load the compiled model: ") + dlerror();
    return false;
  }
  using DescriptorFn = const hone_model_descriptor_t *(*)();
  auto descriptor = reinterpret_cast<DescriptorFn>(dlsym(library, (name + "_descriptor").c_str()));
  if (!descriptor) {
    error = "the compiled model has no " + name + "_descriptor";
    return false;
  }
  hone_options_t runtimeOptions = hone_options_default();
  runtimeOptions.num_threads = threads;
  hone_status_t status = hone_model_create(descriptor(), &runtimeOptions, &instance);
  if (status != HONE_OK) {
    error = std::string("cannot create the model: ") + hone_status_string(status);
    return false;
  }
  return true;
}

std::vector<std::string> CompiledModel::names(bool outputs) const {
  std::vector<std::string> result;
  int32_t count = outputs ? hone_model_num_outputs(instance) : hone_model_num_inputs(instance);
  for (int32_t i = 0; i < count; ++i) {
    hone_tensor_info_t info;
    if (outputs)
      hone_model_output_info(instance, i, &info);
    else
      hone_model_input_info(instance, i, &info);
    result.push_back(info.name);
  }
  return result;
}

FailureOr<std::vector<ref::Tensor>> CompiledModel::run(const std::vector<ref::Tensor> &inputs,
                                                       std::string &error) {
  std::vector<hone_tensor_t> tensors;
  for (const ref::Tensor &input : inputs)
    tensors.push_back(hone_tensor_t{static_cast<hone_dtype_t>(input.dtype()),
                                    static_cast<int32_t>(input.rank()), input.shape().data(),
                                    const_cast<void *>(input.rawData())});
  hone_status_t status =
      hone_model_run(instance, tensors.data(), static_cast<int32_t>(tensors.size()));
  if (status != HONE_OK) {
    error = std::string(hone_status_string(status)) + ": " + hone_model_last_error(instance);
    return failure();
  }
  std::vector<ref::Tensor> outputs;
  for (int32_t i = 0; i < hone_model_num_outputs(instance); ++i) {
    hone_tensor_t out;
    hone_model_output(instance, i, &out);
    ref::Shape shape(out.dims, out.dims + out.rank);
    ref::Tensor tensor(static_cast<ref::DType>(out.dtype), shape);
    std::memcpy(tensor.rawData(), out.data, tensor.byteSize());
    outputs.push_back(std::move(tensor));
  }
  return outputs;
}
