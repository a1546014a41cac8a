//===- ModelApiTest.cpp - The runtime's C API on a hand-written model -----===//
//
// Runs, metadata, every rejected input (wrong dtype, rank, dims, null
// pointers), weights files, and concurrent instances.
//
//===----------------------------------------------------------------------===//
#include "hone/runtime.h"
#include "test/unit/runtime/AddOneModel.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>
#include <unistd.h>

using hone::test::addOneEmbedded;
using hone::test::addOneWeightsFile;

namespace {

/// An instance that the test owns.
struct Instance {
  hone_model_t *model = nullptr;
  explicit Instance(const hone_model_descriptor_t *descriptor, hone_options_t options = hone_options_default()) {
    REQUIRE(hone_model_create(descriptor, &options, &model) == HONE_OK);
  }
  ~Instance() { hone_model_destroy(model); }
};

hone_tensor_t tensorOf(std::vector<float> &data, const std::vector<int64_t> &dims) {
  return hone_tensor_t{HONE_DTYPE_FLOAT32, static_cast<int32_t>(dims.size()), dims.data(), data.data()};
}

} // namespace

TEST_CASE("a model runs at every accepted shape", "[runtime]") {
  Instance instance(addOneEmbedded());
  for (int64_t n : {1, 5, 16}) {
    std::vector<float> x(2 * n);
    for (size_t i = 0; i < x.size(); ++i)
      x[i] = static_cast<float>(i);
    std::vector<int64_t> dims{2, n};
    hone_tensor_t input = tensorOf(x, dims);
    REQUIRE(hone_model_run(instance.model, &input, 1) == HONE_OK);
    hone_tensor_t y;
    REQUIRE(hone_model_output(instance.model, 0, &y) == HONE_OK);
    REQUIRE(y.rank == 2);
    CHECK(y.dims[0] == 2);
    CHECK(y.dims[1] == n);
    for (size_t i = 0; i < x.size(); ++i)
      CHECK(static_cast<const float *>(y.data)[i] == x[i] + 1.0f);
    CHECK(std::string(hone_model_last_error(instance.model)).empty());
  }
}

TEST_CASE("metadata names inputs and outputs and their bounds", "[runtime]") {
  Instance instance(addOneEmbedded());
  CHECK(hone_model_num_inputs(instance.model) == 1);
  CHECK(hone_model_num_outputs(instance.model) == 1);
  CHECK(hone_model_input_index(instance.model, "x") == 0);
  CHECK(hone_model_output_index(instance.model, "y") == 0);
  CHECK(hone_model_input_index(instance.model, "nope") == -1);
  CHECK(hone_model_input_index(instance.model, nullptr) == -1);
  hone_tensor_info_t info;
  REQUIRE(hone_model_input_info(instance.model, 0, &info) == HONE_OK);
  CHECK(std::string(info.name) == "x");
  CHECK(info.dims[1] == -1);
  CHECK(info.max_dims[1] == 16);
  CHECK(hone_model_input_info(instance.model, 1, &info) == HONE_ERROR_INVALID_ARGUMENT);
  CHECK(hone_model_output_info(instance.model, -1, &info) == HONE_ERROR_INVALID_ARGUMENT);
  CHECK(hone_model_output_info(instance.model, 0, nullptr) == HONE_ERROR_INVALID_ARGUMENT);
}

TEST_CASE("inputs the model does not accept get a status and a message", "[runtime]") {
  Instance instance(addOneEmbedded());
  std::vector<float> x(2 * 40);
  std::vector<int64_t> ok{2, 3}, tooLong{2, 17}, wrongFixed{3, 3}, negative{2, -1}, rank1{6};
  hone_tensor_t input = tensorOf(x, ok);

  SECTION("element type") {
    input.dtype = HONE_DTYPE_INT32;
    CHECK(hone_model_run(instance.model, &input, 1) == HONE_ERROR_DTYPE_MISMATCH);
    CHECK(std::string(hone_model_last_error(instance.model)).find("'x'") != std::string::npos);
  }
  SECTION("rank") {
    input = tensorOf(x, rank1);
    CHECK(hone_model_run(instance.model, &input, 1) == HONE_ERROR_SHAPE_MISMATCH);
  }
  SECTION("a dynamic dim above its bound") {
    input = tensorOf(x, tooLong);
    CHECK(hone_model_run(instance.model, &input, 1) == HONE_ERROR_SHAPE_MISMATCH);
    CHECK(std::string(hone_model_last_error(instance.model)).find("[1, 16]") != std::string::npos);
  }
  SECTION("a fixed dim of another size") {
    input = tensorOf(x, wrongFixed);
    CHECK(hone_model_run(instance.model, &input, 1) == HONE_ERROR_SHAPE_MISMATCH);
  }
  SECTION("a negative dim") {
    input = tensorOf(x, negative);
    CHECK(hone_model_run(instance.model, &input, 1) == HONE_ERROR_SHAPE_MISMATCH);
  }
  SECTION("null pointers and counts") {
    CHECK(hone_model_run(nullptr, &input, 1) == HONE_ERROR_INVALID_ARGUMENT);
    CHECK(hone_model_run(instance.model, nullptr, 1) == HONE_ERROR_INVALID_ARGUMENT);
    CHECK(hone_model_run(instance.model, &input, 2) == HONE_ERROR_INVALID_ARGUMENT);
    input.data = nullptr;
    CHECK(hone_model_run(instance.model, &input, 1) == HONE_ERROR_INVALID_ARGUMENT);
    input = tensorOf(x, ok);
    input.dims = nullptr;
    CHECK(hone_model_run(instance.model, &input, 1) == HONE_ERROR_INVALID_ARGUMENT);
  }
  // After any failure there are no outputs to read.
  hone_tensor_t y;
  CHECK(hone_model_output(instance.model, 0, &y) == HONE_ERROR_INVALID_ARGUMENT);
}

TEST_CASE("creation checks its arguments", "[runtime]") {
  hone_model_t *model = reinterpret_cast<hone_model_t *>(0x1);
  CHECK(hone_model_create(nullptr, nullptr, &model) == HONE_ERROR_INVALID_ARGUMENT);
  CHECK(model == nullptr);
  CHECK(hone_model_create(addOneEmbedded(), nullptr, nullptr) == HONE_ERROR_INVALID_ARGUMENT);
  hone_model_descriptor_t newer = *addOneEmbedded();
  newer.abi_version = HONE_ABI_VERSION + 1;
  CHECK(hone_model_create(&newer, nullptr, &model) == HONE_ERROR_INVALID_ARGUMENT);
  hone_options_t options = hone_options_default();
  options.num_threads = -2;
  CHECK(hone_model_create(addOneEmbedded(), &options, &model) == HONE_ERROR_INVALID_ARGUMENT);
  hone_model_destroy(nullptr); // allowed, does nothing
}

TEST_CASE("a weights file is required, checked and mapped", "[runtime]") {
  hone_model_t *model = nullptr;
  // Without a path, a --weights=file library cannot start.
  CHECK(hone_model_create(addOneWeightsFile(), nullptr, &model) == HONE_ERROR_IO);
  std::string path = "/tmp/hone-runtime-test-" + std::to_string(getpid()) + ".weights";
  hone_options_t options = hone_options_default();
  options.weights_path = path.c_str();
  CHECK(hone_model_create(addOneWeightsFile(), &options, &model) == HONE_ERROR_IO); // missing
  float bias = 2.5f;
  FILE *file = std::fopen(path.c_str(), "wb");
  REQUIRE(file);
  std::fwrite(&bias, sizeof(bias), 1, file);
  std::fwrite(&bias, sizeof(bias), 1, file); // one float too many
  std::fclose(file);
  CHECK(hone_model_create(addOneWeightsFile(), &options, &model) == HONE_ERROR_IO);
  file = std::fopen(path.c_str(), "wb");
  std::fwrite(&bias, sizeof(bias), 1, file);
  std::fclose(file);
  {
    Instance instance(addOneWeightsFile(), options);
    std::vector<float> x{1, 2, 3, 4};
    std::vector<int64_t> dims{2, 2};
    hone_tensor_t input = tensorOf(x, dims);
    REQUIRE(hone_model_run(instance.model, &input, 1) == HONE_OK);
    hone_tensor_t y;
    REQUIRE(hone_model_output(instance.model, 0, &y) == HONE_OK);
    CHECK(static_cast<const float *>(y.data)[3] == 6.5f);
  }
  std::remove(path.c_str());
}

TEST_CASE("instances run concurrently on different threads", "[runtime]") {
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&failures, t] {
      hone_options_t options = hone_options_default();
      options.num_threads = 2;
      hone_model_t *model = nullptr;
      if (hone_model_create(addOneEmbedded(), &options, &model) != HONE_OK) {
        ++failures;
        return;
      }
      std::vector<float> x(2 * 16, static_cast<float>(t));
      std::vector<int64_t> dims{2, 16};
      hone_tensor_t input{HONE_DTYPE_FLOAT32, 2, dims.data(), x.data()};
      for (int run = 0; run < 200; ++run) {
        hone_tensor_t y;
        if (hone_model_run(model, &input, 1) != HONE_OK || hone_model_output(model, 0, &y) != HONE_OK ||
            static_cast<const float *>(y.data)[31] != static_cast<float>(t) + 1)
          ++failures;
      }
      hone_model_destroy(model);
    });
  for (std::thread &thread : threads)
    thread.join();
  CHECK(failures == 0);
}

TEST_CASE("status strings and dtype sizes", "[runtime]") {
  for (int status = HONE_OK; status <= HONE_ERROR_INTERNAL; ++status)
    CHECK(std::string(hone_status_string(static_cast<hone_status_t>(status))) != "unknown status");
  CHECK(std::string(hone_status_string(static_cast<hone_status_t>(99))) == "unknown status");
  CHECK(hone_dtype_size(HONE_DTYPE_FLOAT16) == 2);
  CHECK(hone_dtype_size(HONE_DTYPE_INT64) == 8);
  CHECK(hone_dtype_size(static_cast<hone_dtype_t>(0)) == 0);
}
