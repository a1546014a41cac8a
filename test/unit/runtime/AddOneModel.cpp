//===- AddOneModel.cpp - A hand-written model for runtime tests -----------===//
//
// The memory plan puts the output at arena offset 0; the run function
// writes its dims and data pointer the way generated code will.
//
//===----------------------------------------------------------------------===//
#include "test/unit/runtime/AddOneModel.h"

#include <cstring>

namespace hone::test {
namespace {

const int64_t kDims[] = {2, -1}, kMin[] = {2, 1}, kMax[] = {2, 16};
const hone_tensor_info_t kInput = {"x", HONE_DTYPE_FLOAT32, 2, kDims, kMin, kMax};
const hone_tensor_info_t kOutput = {"y", HONE_DTYPE_FLOAT32, 2, kDims, kMin, kMax};
const float kBias = 1.0f;

size_t arenaBytes(const hone_tensor_t *inputs) {
  return static_cast<size_t>(inputs[0].dims[0] * inputs[0].dims[1]) * sizeof(float);
}

struct AddArgs {
  const float *x;
  float *y;
  float bias;
};

void addChunk(void *context, int64_t begin, int64_t end) {
  auto *args = static_cast<AddArgs *>(context);
  for (int64_t i = begin; i < end; ++i)
    args->y[i] = args->x[i] + args->bias;
}

hone_status_t run(const hone_run_context_t *context) {
  const hone_tensor_t &x = context->inputs[0];
  int64_t count = x.dims[0] * x.dims[1];
  float bias;
  std::memcpy(&bias, context->weights, sizeof(bias));
  AddArgs args{static_cast<const float *>(x.data), reinterpret_cast<float *>(context->arena), bias};
  hone_parallel_for(context->pool, count, &args, addChunk);
  context->output_dims[0][0] = x.dims[0];
  context->output_dims[0][1] = x.dims[1];
  context->outputs[0].data = context->arena;
  return HONE_OK;
}

const hone_model_descriptor_t kEmbedded = {
    HONE_ABI_VERSION, "add_one", 1, &kInput, 1, &kOutput, arenaBytes,
    reinterpret_cast<const uint8_t *>(&kBias), sizeof(kBias), run};
const hone_model_descriptor_t kWeightsFile = {
    HONE_ABI_VERSION, "add_one", 1, &kInput, 1, &kOutput, arenaBytes, nullptr, sizeof(float), run};

} // namespace

const hone_model_descriptor_t *addOneEmbedded() { return &kEmbedded; }
const hone_model_descriptor_t *addOneWeightsFile() { return &kWeightsFile; }

} // namespace hone::test
