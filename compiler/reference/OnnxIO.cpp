//===- OnnxIO.cpp - ONNX TensorProto and .npy files to tensors ------------===//
//
// Both formats come from untrusted files: every size is checked before it is
// used, element counts are capped, and external-data paths must stay inside
// the model's directory.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/OnnxIO.h"

#include <fstream>
#include <limits>
#include <sstream>

namespace hone::ref {
namespace {

/// No single tensor in a test or a model handled here exceeds this.
constexpr int64_t kMaxElements = int64_t(1) << 31;

Status checkedShape(const google::protobuf::RepeatedField<int64_t> &dims, Shape &shape) {
  shape.clear();
  int64_t numel = 1;
  for (int64_t d : dims) {
    if (d < 0)
      return Status::failure("negative dim " + std::to_string(d));
    if (d > 0 && numel > kMaxElements / d)
      return Status::failure("tensor too large");
    numel *= d;
    shape.push_back(d);
  }
  return Status::success();
}

bool readFile(const std::string &path, std::string &bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  bytes = buffer.str();
  return true;
}

/// The raw bytes of an EXTERNAL tensor, read from its file next to the model.
Status readExternalData(const onnx::TensorProto &proto, const std::string &baseDir,
                        size_t expectedBytes, std::string &bytes) {
  std::string location;
  int64_t offset = 0, length = -1;
  for (const auto &entry : proto.external_data()) {
    try {
      if (entry.key() == "location")
        location = entry.value();
      else if (entry.key() == "offset")
        offset = std::stoll(entry.value());
      else if (entry.key() == "length")
        length = std::stoll(entry.value());
    } catch (const std::exception &) {
      return Status::failure("malformed external data entry '" + entry.key() + "'");
    }
  }
  if (location.empty())
    return Status::failure("external data without a location");
  // A model must not make us read files outside its directory.
  if (location[0] == '/' || location.find("..") != std::string::npos ||
      location.find('\\') != std::string::npos || location.find('\0') != std::string::npos)
    return Status::failure("external data location '" + location +
                           "' must be a relative path inside the model's directory");
  if (offset < 0 || (length >= 0 && static_cast<uint64_t>(length) != expectedBytes))
    return Status::failure("external data of '" + proto.name() + "' has offset " +
                           std::to_string(offset) + " and length " + std::to_string(length) +
                           ", expected " + std::to_string(expectedBytes) + " bytes");
  std::string path = (baseDir.empty() ? "." : baseDir) + "/" + location;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status::failure("cannot open external data file '" + location + "'");
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0 || size < offset || static_cast<uint64_t>(size - offset) < expectedBytes)
    return Status::failure("external data file '" + location + "' is too short");
  in.seekg(offset);
  bytes.resize(expectedBytes);
  in.read(bytes.data(), static_cast<std::streamsize>(expectedBytes));
  if (static_cast<size_t>(in.gcount()) != expectedBytes)
    return Status::failure("cannot read external data file '" + location + "'");
  return Status::success();
}

/// The number of values in the typed field that holds `dtype` elements.
int64_t typedFieldSize(const onnx::TensorProto &proto, DType dtype) {
  switch (dtype) {
  case DType::F32: return proto.float_data_size();
  case DType::F64: return proto.double_data_size();
  case DType::I64: return proto.int64_data_size();
  case DType::U32: case DType::U64: return proto.uint64_data_size();
  // int8, int16, int32, uint8, uint16, bool, and the bits of float16 and
  // bfloat16 live in int32_data.
  default: return proto.int32_data_size();
  }
}

/// Copies the typed field into `tensor`, whose size has been checked.
void copyTypedField(const onnx::TensorProto &proto, Tensor &tensor) {
  for (int64_t i = 0; i < tensor.numel(); ++i) {
    switch (tensor.dtype()) {
    case DType::F32: tensor.data<float>()[i] = proto.float_data(i); break;
    case DType::F64: tensor.data<double>()[i] = proto.double_data(i); break;
    case DType::I64: tensor.data<int64_t>()[i] = proto.int64_data(i); break;
    case DType::U32: case DType::U64: tensor.setUInt(i, proto.uint64_data(i)); break;
    case DType::F16: case DType::BF16:
      tensor.data<uint16_t>()[i] = static_cast<uint16_t>(proto.int32_data(i));
      break;
    default: tensor.setInt(i, proto.int32_data(i)); break;
    }
  }
}

/// A readable name for an ONNX element type that we do not support.
std::string onnxTypeName(int32_t type) {
  switch (type) {
  case 0: return "UNDEFINED";
  case 8: return "STRING";
  case 14: return "COMPLEX64";
  case 15: return "COMPLEX128";
  default: return std::to_string(type);
  }
}

} // namespace

Status tensorFromProto(const onnx::TensorProto &proto, Tensor &out, const std::string &baseDir) {
  DType dtype = dtypeFromOnnx(proto.data_type());
  if (dtype == DType::Undefined)
    return Status::failure("tensor '" + proto.name() + "' has unsupported element type " +
                           onnxTypeName(proto.data_type()));
  if (proto.has_segment())
    return Status::failure("segmented tensors are not supported");
  Shape shape;
  if (Status status = checkedShape(proto.dims(), shape); !status)
    return Status::failure("tensor '" + proto.name() + "': " + status.message);
  int64_t numel = shapeNumel(shape);
  size_t bytes = static_cast<size_t>(numel) * dtypeSize(dtype);

  // Sizes are checked against the data present before the tensor is
  // allocated, so that a hostile shape cannot make us allocate gigabytes.
  if (proto.data_location() == onnx::TensorProto::EXTERNAL) {
    std::string data;
    if (Status status = readExternalData(proto, baseDir, bytes, data); !status)
      return status;
    out = Tensor(dtype, shape);
    std::memcpy(out.rawData(), data.data(), bytes);
  } else if (proto.has_raw_data()) {
    if (proto.raw_data().size() != bytes)
      return Status::failure("tensor '" + proto.name() + "' has " +
                             std::to_string(proto.raw_data().size()) + " bytes of data, expected " +
                             std::to_string(bytes));
    out = Tensor(dtype, shape);
    std::memcpy(out.rawData(), proto.raw_data().data(), bytes);
  } else {
    int64_t count = typedFieldSize(proto, dtype);
    if (count != numel)
      return Status::failure("tensor '" + proto.name() + "' holds " + std::to_string(count) +
                             " values, expected " + std::to_string(numel));
    out = Tensor(dtype, shape);
    copyTypedField(proto, out);
  }
  return Status::success();
}

Status readTensorProtoFile(const std::string &path, Tensor &out) {
  std::string bytes;
  if (!readFile(path, bytes))
    return Status::failure("cannot open the file");
  onnx::TensorProto proto;
  if (!proto.ParseFromString(bytes))
    return Status::failure("not a serialized ONNX TensorProto");
  size_t slash = path.find_last_of('/');
  return tensorFromProto(proto, out, slash == std::string::npos ? "." : path.substr(0, slash));
}

namespace {

struct NpyType {
  const char *descr;
  DType dtype;
};

const NpyType kNpyTypes[] = {
    {"<f4", DType::F32}, {"<f8", DType::F64}, {"<f2", DType::F16}, {"|i1", DType::I8},
    {"<i2", DType::I16}, {"<i4", DType::I32}, {"<i8", DType::I64}, {"|u1", DType::U8},
    {"<u2", DType::U16}, {"<u4", DType::U32}, {"<u8", DType::U64}, {"|b1", DType::Bool},
};

/// The value of `key` in a numpy header dict ("'descr': '<f4', ...").
std::string headerField(const std::string &header, const std::string &key) {
  size_t at = header.find("'" + key + "'");
  if (at == std::string::npos)
    return "";
  size_t colon = header.find(':', at);
  if (colon == std::string::npos)
    return "";
  size_t start = header.find_first_not_of(" ", colon + 1);
  if (start == std::string::npos)
    return "";
  if (header[start] == '(') {
    size_t end = header.find(')', start);
    return end == std::string::npos ? "" : header.substr(start, end - start + 1);
  }
  size_t end = header.find_first_of(",}", start);
  std::string value = header.substr(start, end - start);
  while (!value.empty() && value.back() == ' ')
    value.pop_back();
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'')
    value = value.substr(1, value.size() - 2);
  return value;
}

} // namespace

Status readNpy(const std::string &path, Tensor &out) {
  std::string bytes;
  if (!readFile(path, bytes))
    return Status::failure("cannot open the file");
  if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0)
    return Status::failure("not a .npy file");
  int major = static_cast<unsigned char>(bytes[6]);
  size_t headerLength, headerStart;
  if (major == 1) {
    headerLength = static_cast<unsigned char>(bytes[8]) |
                   (static_cast<size_t>(static_cast<unsigned char>(bytes[9])) << 8);
    headerStart = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return Status::failure("truncated .npy header");
    headerLength = 0;
    for (int i = 0; i < 4; ++i)
      headerLength |= static_cast<size_t>(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
    headerStart = 12;
  } else {
    return Status::failure("unsupported .npy version " + std::to_string(major));
  }
  if (headerStart + headerLength > bytes.size())
    return Status::failure("truncated .npy header");
  std::string header = bytes.substr(headerStart, headerLength);
  std::string descr = headerField(header, "descr");
  if (headerField(header, "fortran_order") != "False")
    return Status::failure("Fortran-ordered .npy files are not supported");
  if (!descr.empty() && descr[0] == '>')
    return Status::failure("big-endian .npy data ('" + descr + "') is not supported");
  // One-byte types carry no byte order: numpy writes '|', accept '<' too.
  if (descr.size() == 3 && descr[0] == '<' && descr[2] == '1')
    descr[0] = '|';
  DType dtype = DType::Undefined;
  for (const NpyType &type : kNpyTypes)
    if (descr == type.descr)
      dtype = type.dtype;
  if (dtype == DType::Undefined)
    return Status::failure("unsupported .npy dtype '" + descr + "'");
  std::string shapeText = headerField(header, "shape");
  if (shapeText.size() < 2 || shapeText.front() != '(')
    return Status::failure("malformed .npy shape");
  Shape shape;
  int64_t numel = 1;
  std::stringstream dims(shapeText.substr(1, shapeText.size() - 2));
  std::string dim;
  while (std::getline(dims, dim, ',')) {
    size_t first = dim.find_first_not_of(' ');
    if (first == std::string::npos)
      continue;
    dim = dim.substr(first);
    if (dim.empty() || dim.size() > 12 || dim.find_first_not_of("0123456789 ") != std::string::npos)
      return Status::failure("malformed .npy shape");
    int64_t d = std::stoll(dim);
    if (d > 0 && numel > kMaxElements / d)
      return Status::failure(".npy array too large");
    numel *= d;
    shape.push_back(d);
  }
  size_t dataStart = headerStart + headerLength;
  size_t dataBytes = static_cast<size_t>(numel) * dtypeSize(dtype);
  if (bytes.size() - dataStart != dataBytes)
    return Status::failure(".npy data has " + std::to_string(bytes.size() - dataStart) +
                           " bytes, expected " + std::to_string(dataBytes));
  out = Tensor(dtype, shape);
  std::memcpy(out.rawData(), bytes.data() + dataStart, dataBytes);
  return Status::success();
}

Status writeNpy(const std::string &path, const Tensor &tensor) {
  const char *descr = nullptr;
  for (const NpyType &type : kNpyTypes)
    if (type.dtype == tensor.dtype())
      descr = type.descr;
  if (!descr)
    return Status::failure(std::string("cannot write ") + dtypeName(tensor.dtype()) + " to .npy");
  if (tensor.byteSize() != static_cast<size_t>(tensor.numel()) * dtypeSize(tensor.dtype()))
    return Status::failure("cannot write a tensor without data to .npy");
  std::string shape = "(";
  for (int64_t d : tensor.shape())
    shape += std::to_string(d) + ",";
  if (tensor.rank() > 1)
    shape.pop_back();
  shape += ")";
  std::string header =
      std::string("{'descr': '") + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  // Pad so that the data starts on a 64-byte boundary, ending with '\n'.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::ofstream out(path, std::ios::binary);
  if (!out)
    return Status::failure("cannot create '" + path + "'");
  out.write("\x93NUMPY\x01\x00", 8);
  char length[2] = {static_cast<char>(header.size() & 0xff),
                    static_cast<char>((header.size() >> 8) & 0xff)};
  out.write(length, 2);
  out << header;
  out.write(static_cast<const char *>(tensor.rawData()),
            static_cast<std::streamsize>(tensor.byteSize()));
  return out ? Status::success() : Status::failure("cannot write '" + path + "'");
}

} // namespace hone::ref
