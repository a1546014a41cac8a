//===- Weights.cpp - Embedded or memory-mapped model weights --------------===//
//
// POSIX mmap (Android, iOS and Linux all have it).
//
//===----------------------------------------------------------------------===//
#include "Weights.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hone::runtime {

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
  return HONE_OK;
}

} // namespace hone::runtime
