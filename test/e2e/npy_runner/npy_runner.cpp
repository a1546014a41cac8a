//===- npy_runner.cpp - Runs a linked hone model on .npy files ------------===//
//
// What a cross-compiled test runs on the target (arm64-linux under qemu,
// where hone-run, an x86-64 tool, cannot): the model library linked in,
// the runtime built from source, inputs read from .npy files (little-endian,
// C order), outputs written as OUT_PREFIX<i>.npy for the host to compare.
// Built with -DHONE_DESCRIPTOR=NAME_descriptor.
//
//   npy_runner OUT_PREFIX INPUT.npy...
//
//===----------------------------------------------------------------------===//
#include "hone/runtime.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" const hone_model_descriptor_t *HONE_DESCRIPTOR(void);

namespace {

struct Array {
  hone_dtype_t dtype = HONE_DTYPE_FLOAT32;
  std::vector<int64_t> dims;
  std::vector<char> data;
};

struct DtypeCode {
  const char *descr;
  hone_dtype_t dtype;
  size_t bytes;
};

const DtypeCode kCodes[] = {
    {"<f4", HONE_DTYPE_FLOAT32, 4}, {"<f8", HONE_DTYPE_FLOAT64, 8}, {"<i8", HONE_DTYPE_INT64, 8},
    {"<i4", HONE_DTYPE_INT32, 4},   {"|u1", HONE_DTYPE_UINT8, 1},   {"|b1", HONE_DTYPE_BOOL, 1},
};

bool readNpy(const char *path, Array &out, std::string &error) {
  std::ifstream in(path, std::ios::binary);
  char magic[8];
  if (!in.read(magic, 8) || std::memcmp(magic, "\x93NUMPY", 6) != 0) {
    error = std::string(path) + ": not a .npy file";
    return false;
  }
  uint32_t headerLength = 0;
  if (magic[6] == 1) {
    unsigned char two[2];
    in.read(reinterpret_cast<char *>(two), 2);
    headerLength = two[0] | (two[1] << 8);
  } else {
    unsigned char four[4];
    in.read(reinterpret_cast<char *>(four), 4);
    headerLength = four[0] | (four[1] << 8) | (four[2] << 16) | (uint32_t(four[3]) << 24);
  }
  std::string header(headerLength, '\0');
  in.read(&header[0], headerLength);
  const DtypeCode *code = nullptr;
  for (const DtypeCode &c : kCodes)
    if (header.find(std::string("'") + c.descr + "'") != std::string::npos)
      code = &c;
  if (!code || header.find("'fortran_order': False") == std::string::npos) {
    error = std::string(path) + ": unsupported dtype or Fortran order: " + header;
    return false;
  }
  size_t open = header.find('(', header.find("'shape'")), close = header.find(')', open);
  std::stringstream shape(header.substr(open + 1, close - open - 1));
  std::string item;
  size_t count = 1;
  while (std::getline(shape, item, ','))
    if (item.find_first_not_of(' ') != std::string::npos) {
      out.dims.push_back(std::stoll(item));
      count *= static_cast<size_t>(out.dims.back());
    }
  out.dtype = code->dtype;
  out.data.resize(count * code->bytes);
  if (!in.read(out.data.data(), static_cast<std::streamsize>(out.data.size()))) {
    error = std::string(path) + ": truncated data";
    return false;
  }
  return true;
}

bool writeNpy(const std::string &path, const hone_tensor_t &t) {
  const DtypeCode *code = nullptr;
  for (const DtypeCode &c : kCodes)
    if (c.dtype == t.dtype)
      code = &c;
  if (!code)
    return false;
  std::string shape = "(";
  size_t count = 1;
  for (int32_t i = 0; i < t.rank; ++i) {
    shape += std::to_string(t.dims[i]) + (t.rank == 1 ? "," : i + 1 < t.rank ? ", " : "");
    count *= static_cast<size_t>(t.dims[i]);
  }
  shape += ")";
  std::string header = std::string("{'descr': '") + code->descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  while ((10 + header.size() + 1) % 64)
    header += ' ';
  header += '\n';
  std::ofstream out(path, std::ios::binary);
  out.write("\x93NUMPY\x01\x00", 8);
  unsigned char length[2] = {static_cast<unsigned char>(header.size() & 0xff),
                             static_cast<unsigned char>(header.size() >> 8)};
  out.write(reinterpret_cast<char *>(length), 2);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(static_cast<const char *>(t.data), static_cast<std::streamsize>(count * code->bytes));
  return static_cast<bool>(out);
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: npy_runner OUT_PREFIX INPUT.npy...\n");
    return 2;
  }
  std::vector<Array> arrays(static_cast<size_t>(argc - 2));
  std::vector<hone_tensor_t> inputs;
  for (int i = 2; i < argc; ++i) {
    std::string error;
    Array &a = arrays[static_cast<size_t>(i - 2)];
    if (!readNpy(argv[i], a, error)) {
      std::fprintf(stderr, "npy_runner: %s\n", error.c_str());
      return 2;
    }
    inputs.push_back({a.dtype, static_cast<int32_t>(a.dims.size()), a.dims.data(), a.data.data()});
  }
  hone_model_t *model = nullptr;
  if (hone_model_create(HONE_DESCRIPTOR(), nullptr, &model) != HONE_OK) {
    std::fprintf(stderr, "npy_runner: cannot create the model\n");
    return 1;
  }
  if (hone_model_run(model, inputs.data(), static_cast<int32_t>(inputs.size())) != HONE_OK) {
    std::fprintf(stderr, "npy_runner: %s\n", hone_model_last_error(model));
    hone_model_destroy(model);
    return 1;
  }
  int status = 0;
  for (int32_t i = 0; i < hone_model_num_outputs(model); ++i) {
    hone_tensor_t out;
    if (hone_model_output(model, i, &out) != HONE_OK ||
        !writeNpy(std::string(argv[1]) + std::to_string(i) + ".npy", out)) {
      std::fprintf(stderr, "npy_runner: cannot write output %d\n", i);
      status = 1;
    }
  }
  hone_model_destroy(model);
  return status;
}
