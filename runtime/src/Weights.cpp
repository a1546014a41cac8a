//===- Weights.cpp - Embedded or memory-mapped model weights --------------===//
//
// POSIX mmap (Android, iOS and Linux all have it). Either way the weights
// are paged in when the instance is created: every run reads all of them,
// so the first run would fault them in anyway; doing it at create keeps
// page faults out of the runs' latency and out of their working memory
// (DESIGN.md: resident memory during the runs beyond what loading left).
//
//===----------------------------------------------------------------------===//
#include "Weights.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hone::runtime {
namespace {

/// Reads one byte of every page of [data, data + size).
void pageIn(const uint8_t *data, size_t size) {
  long page = sysconf(_SC_PAGESIZE);
  size_t step = page > 0 ? static_cast<size_t>(page) : 4096;
  volatile uint8_t sink = 0;
  for (size_t offset = 0; offset < size; offset += step)
    sink = sink + data[offset];
  if (size > 0)
    sink = sink + data[size - 1];
  (void)sink;
}

} // namespace

Weights::~Weights() {
  if (mapping)
    munmap(mapping, mappedSize);
}

hone_status_t Weights::open(const hone_model_descriptor_t *descriptor, const char *path) {
  if (!path) {
    // A library without embedded weights needs the file.
    if (descriptor->weights_size > 0 && !descriptor->weights)
      return HONE_ERROR_IO;
    data_ = descriptor->weights;
    if (data_)
      pageIn(data_, descriptor->weights_size);
    return HONE_OK;
  }
  int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return HONE_ERROR_IO;
  struct stat info;
  if (fstat(fd, &info) != 0 || static_cast<size_t>(info.st_size) != descriptor->weights_size) {
    ::close(fd);
    return HONE_ERROR_IO;
  }
  if (descriptor->weights_size == 0) {
    ::close(fd);
    return HONE_OK;
  }
  void *mapped = mmap(nullptr, descriptor->weights_size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED)
    return HONE_ERROR_IO;
  mapping = mapped;
  mappedSize = descriptor->weights_size;
  data_ = static_cast<const uint8_t *>(mapped);
  madvise(mapped, mappedSize, MADV_WILLNEED);
  pageIn(data_, mappedSize);
  return HONE_OK;
}

} // namespace hone::runtime
