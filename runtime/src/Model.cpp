//===- Model.cpp - Model instances behind the C API -----------------------===//
//
// An instance owns its thread pool, its arena (grown only when a larger
// input shape needs more, never per run) and its view of the weights. Every
// entry point checks its arguments and the inputs against the descriptor
// before any kernel reads them, and turns every failure into a status plus
// a message: nothing throws across the C API.
//
//===----------------------------------------------------------------------===//
#include "hone/runtime.h"

#include "Scratch.h"
#include "ThreadPool.h"
#include "Weights.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr size_t kArenaAlignment = 64;

/// Frees memory from std::aligned_alloc.
struct FreeDeleter {
  void operator()(uint8_t *p) const { std::free(p); }
};

} // namespace

struct hone_model_t {
  const hone_model_descriptor_t *descriptor = nullptr;
  std::unique_ptr<hone_parallel_t> pool;
  hone::runtime::Weights weights;
  std::unique_ptr<uint8_t, FreeDeleter> arena;
  size_t arenaCapacity = 0;
  /// Tensors sized during a run.
  hone::runtime::Scratch scratch;
  /// Kernels' temporaries, kept for later runs.
  hone::runtime::KernelMemory kernelMemory;
  /// Output dims (each output's rank entries) and views of the last run.
  std::vector<std::vector<int64_t>> outputDims;
  std::vector<int64_t *> outputDimPointers;
  std::vector<hone_tensor_t> outputs;
  bool hasOutputs = false;
  std::string lastError;

  hone_status_t fail(hone_status_t status, const std::string &message) {
    lastError = message;
    return status;
  }
};

namespace {

std::string describeDims(const int64_t *dims, int32_t rank) {
  std::string text = "[";
  for (int32_t i = 0; i < rank; ++i)
    text += (i ? ", " : "") + std::to_string(dims[i]);
  return text + "]";
}

/// Checks input `index` against the model's declaration.
hone_status_t checkInput(hone_model_t *model, int32_t index, const hone_tensor_t &input) {
  const hone_tensor_info_t &info = model->descriptor->inputs[index];
  std::string where = std::string("input ") + std::to_string(index) + " ('" + info.name + "')";
  if (input.dtype != info.dtype)
    return model->fail(HONE_ERROR_DTYPE_MISMATCH,
                       where + ": element type " + std::to_string(input.dtype) + ", expected " +
                           std::to_string(info.dtype) + " (ONNX numbering)");
  if (input.rank != info.rank)
    return model->fail(HONE_ERROR_SHAPE_MISMATCH, where + ": rank " + std::to_string(input.rank) +
                                                      ", expected " + std::to_string(info.rank));
  if (input.rank > 0 && !input.dims)
    return model->fail(HONE_ERROR_INVALID_ARGUMENT, where + ": dims is null");
  size_t elements = 1;
  for (int32_t d = 0; d < input.rank; ++d) {
    int64_t size = input.dims[d];
    if (size < info.min_dims[d] || size > info.max_dims[d])
      return model->fail(HONE_ERROR_SHAPE_MISMATCH,
                         where + ": dims " + describeDims(input.dims, input.rank) +
                             ", but dim " + std::to_string(d) + " must be in [" +
                             std::to_string(info.min_dims[d]) + ", " +
                             std::to_string(info.max_dims[d]) + "]");
    if (size > 0 && elements > SIZE_MAX / static_cast<size_t>(size))
      return model->fail(HONE_ERROR_SHAPE_MISMATCH, where + ": too many elements");
    elements *= static_cast<size_t>(size);
  }
  if (elements > 0 && !input.data)
    return model->fail(HONE_ERROR_INVALID_ARGUMENT, where + ": data is null");
  return HONE_OK;
}

/// Makes the arena at least `bytes` large (64-byte aligned).
hone_status_t reserveArena(hone_model_t *model, size_t bytes) {
  if (bytes <= model->arenaCapacity && model->arena)
    return HONE_OK;
  size_t rounded = (bytes + kArenaAlignment - 1) / kArenaAlignment * kArenaAlignment;
  if (rounded == 0)
    rounded = kArenaAlignment;
  auto *memory = static_cast<uint8_t *>(std::aligned_alloc(kArenaAlignment, rounded));
  if (!memory)
    return model->fail(HONE_ERROR_OUT_OF_MEMORY,
                       "cannot allocate an arena of " + std::to_string(rounded) + " bytes");
  model->arena.reset(memory);
  model->arenaCapacity = rounded;
  return HONE_OK;
}

/// The reason the last kernel that failed on this thread gave (a run
/// happens on one calling thread).
thread_local std::string kernelFailure;

void recordKernelError(const hone_run_context_t *, const char *message) {
  if (message && kernelFailure.empty())
    kernelFailure = message;
}

/// The run context's `alloc`: the instance's scratch.
void *allocateScratch(const hone_run_context_t *context, size_t bytes) {
  return static_cast<hone::runtime::Scratch *>(context->allocator)->allocate(bytes);
}

const hone_tensor_info_t *infoAt(const hone_model_t *model, bool input, int32_t index) {
  if (!model)
    return nullptr;
  const hone_model_descriptor_t *d = model->descriptor;
  int32_t count = input ? d->num_inputs : d->num_outputs;
  if (index < 0 || index >= count)
    return nullptr;
  return &(input ? d->inputs : d->outputs)[index];
}

int32_t indexOf(const hone_model_t *model, bool input, const char *name) {
  if (!model || !name)
    return -1;
  const hone_model_descriptor_t *d = model->descriptor;
  int32_t count = input ? d->num_inputs : d->num_outputs;
  for (int32_t i = 0; i < count; ++i)
    if (std::strcmp((input ? d->inputs : d->outputs)[i].name, name) == 0)
      return i;
  return -1;
}

} // namespace

extern "C" {

const char *hone_status_string(hone_status_t status) {
  switch (status) {
  case HONE_OK: return "ok";
  case HONE_ERROR_INVALID_ARGUMENT: return "invalid argument";
  case HONE_ERROR_DTYPE_MISMATCH: return "element type mismatch";
  case HONE_ERROR_SHAPE_MISMATCH: return "shape mismatch";
  case HONE_ERROR_OUT_OF_MEMORY: return "out of memory";
  case HONE_ERROR_IO: return "weights file error";
  case HONE_ERROR_INTERNAL: return "internal error";
  }
  return "unknown status";
}

size_t hone_dtype_size(hone_dtype_t dtype) {
  switch (dtype) {
  case HONE_DTYPE_BOOL: case HONE_DTYPE_UINT8: case HONE_DTYPE_INT8: return 1;
  case HONE_DTYPE_UINT16: case HONE_DTYPE_INT16: case HONE_DTYPE_FLOAT16: case HONE_DTYPE_BFLOAT16:
    return 2;
  case HONE_DTYPE_UINT32: case HONE_DTYPE_INT32: case HONE_DTYPE_FLOAT32: return 4;
  case HONE_DTYPE_UINT64: case HONE_DTYPE_INT64: case HONE_DTYPE_FLOAT64: return 8;
  }
  return 0;
}

hone_options_t hone_options_default(void) { return hone_options_t{0, nullptr}; }

hone_status_t hone_model_create(const hone_model_descriptor_t *descriptor,
                                const hone_options_t *options, hone_model_t **out_model) {
  if (!out_model)
    return HONE_ERROR_INVALID_ARGUMENT;
  *out_model = nullptr;
  if (!descriptor || !descriptor->run || !descriptor->arena_bytes ||
      descriptor->abi_version != HONE_ABI_VERSION || descriptor->num_inputs < 0 ||
      descriptor->num_outputs < 0)
    return HONE_ERROR_INVALID_ARGUMENT;
  hone_options_t opts = options ? *options : hone_options_default();
  if (opts.num_threads < 0)
    return HONE_ERROR_INVALID_ARGUMENT;
  int32_t threads = opts.num_threads;
  if (threads == 0)
    threads = static_cast<int32_t>(std::max(1u, std::thread::hardware_concurrency()));
  std::unique_ptr<hone_model_t> model(new (std::nothrow) hone_model_t);
  if (!model)
    return HONE_ERROR_OUT_OF_MEMORY;
  model->descriptor = descriptor;
  hone_status_t status = model->weights.open(descriptor, opts.weights_path);
  if (status != HONE_OK)
    return status;
  try {
    model->pool = std::make_unique<hone_parallel_t>(threads);
    model->outputDims.resize(descriptor->num_outputs);
    for (int32_t i = 0; i < descriptor->num_outputs; ++i) {
      model->outputDims[i].assign(static_cast<size_t>(descriptor->outputs[i].rank), 0);
      model->outputDimPointers.push_back(model->outputDims[i].data());
    }
    model->outputs.resize(descriptor->num_outputs);
  } catch (const std::bad_alloc &) {
    return HONE_ERROR_OUT_OF_MEMORY;
  } catch (...) {
    return HONE_ERROR_INTERNAL; // a thread could not start
  }
  *out_model = model.release();
  return HONE_OK;
}

void hone_model_destroy(hone_model_t *model) { delete model; }

int32_t hone_model_num_inputs(const hone_model_t *model) {
  return model ? model->descriptor->num_inputs : 0;
}

int32_t hone_model_num_outputs(const hone_model_t *model) {
  return model ? model->descriptor->num_outputs : 0;
}

hone_status_t hone_model_input_info(const hone_model_t *model, int32_t index,
                                    hone_tensor_info_t *out_info) {
  const hone_tensor_info_t *info = infoAt(model, true, index);
  if (!info || !out_info)
    return HONE_ERROR_INVALID_ARGUMENT;
  *out_info = *info;
  return HONE_OK;
}

hone_status_t hone_model_output_info(const hone_model_t *model, int32_t index,
                                     hone_tensor_info_t *out_info) {
  const hone_tensor_info_t *info = infoAt(model, false, index);
  if (!info || !out_info)
    return HONE_ERROR_INVALID_ARGUMENT;
  *out_info = *info;
  return HONE_OK;
}

int32_t hone_model_input_index(const hone_model_t *model, const char *name) {
  return indexOf(model, true, name);
}

int32_t hone_model_output_index(const hone_model_t *model, const char *name) {
  return indexOf(model, false, name);
}

hone_status_t hone_model_run(hone_model_t *model, const hone_tensor_t *inputs, int32_t num_inputs) {
  if (!model)
    return HONE_ERROR_INVALID_ARGUMENT;
  model->hasOutputs = false;
  model->lastError.clear();
  const hone_model_descriptor_t *d = model->descriptor;
  if (num_inputs != d->num_inputs)
    return model->fail(HONE_ERROR_INVALID_ARGUMENT, "expected " + std::to_string(d->num_inputs) +
                                                        " inputs, got " + std::to_string(num_inputs));
  if (num_inputs > 0 && !inputs)
    return model->fail(HONE_ERROR_INVALID_ARGUMENT, "inputs is null");
  for (int32_t i = 0; i < num_inputs; ++i)
    if (hone_status_t status = checkInput(model, i, inputs[i]); status != HONE_OK)
      return status;
  if (hone_status_t status = reserveArena(model, d->arena_bytes(inputs)); status != HONE_OK)
    return status;
  for (int32_t i = 0; i < d->num_outputs; ++i)
    model->outputs[i] = hone_tensor_t{d->outputs[i].dtype, d->outputs[i].rank,
                                      model->outputDimPointers[i], nullptr};
  model->scratch.reset();
  model->kernelMemory.prepare();
  kernelFailure.clear();
  const char *reason = nullptr;
  hone_run_context_t context{inputs,
                             model->arena.get(),
                             model->weights.data(),
                             model->pool.get(),
                             model->outputs.data(),
                             model->outputDimPointers.data(),
                             hone_do_par_for,
                             allocateScratch,
                             &model->scratch,
                             &reason,
                             recordKernelError,
                             hone_run_op,
                             hone_kernel_malloc,
                             hone_kernel_free,
                             &model->kernelMemory};
  hone_status_t status = d->run(&context);
  if (status != HONE_OK)
    return model->fail(status, std::string("model '") + d->name + "' failed: " +
                                   hone_status_string(status) +
                                   (reason ? std::string(": ") + reason : "") +
                                   (kernelFailure.empty() ? "" : ": " + kernelFailure));
  for (int32_t i = 0; i < d->num_outputs; ++i)
    if (!model->outputs[i].data)
      return model->fail(HONE_ERROR_INTERNAL, std::string("model '") + d->name +
                                                  "' produced no data for output " +
                                                  std::to_string(i));
  model->hasOutputs = true;
  return HONE_OK;
}

hone_status_t hone_model_output(const hone_model_t *model, int32_t index, hone_tensor_t *out_tensor) {
  if (!model || !out_tensor || index < 0 || index >= model->descriptor->num_outputs ||
      !model->hasOutputs)
    return HONE_ERROR_INVALID_ARGUMENT;
  *out_tensor = model->outputs[index];
  return HONE_OK;
}

const char *hone_model_last_error(const hone_model_t *model) {
  return model ? model->lastError.c_str() : "no model";
}

} // extern "C"
