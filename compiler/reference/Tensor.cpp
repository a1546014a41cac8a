//===- Tensor.cpp - Plain host tensors for the reference evaluator --------===//
//
// Element conversion goes through double (floats) or int64 (integers); half
// and bfloat16 are converted bit by bit so that no compiler extension is
// needed.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/Tensor.h"

#include <cmath>
#include <limits>

namespace hone::ref {

size_t dtypeSize(DType dtype) {
  switch (dtype) {
  case DType::Bool:
  case DType::U8:
  case DType::I8:
    return 1;
  case DType::U16:
  case DType::I16:
  case DType::F16:
  case DType::BF16:
    return 2;
  case DType::U32:
  case DType::I32:
  case DType::F32:
    return 4;
  case DType::U64:
  case DType::I64:
  case DType::F64:
    return 8;
  case DType::Undefined:
    return 0;
  }
  return 0;
}

const char *dtypeName(DType dtype) {
  switch (dtype) {
  case DType::F32: return "float32";
  case DType::U8: return "uint8";
  case DType::I8: return "int8";
  case DType::U16: return "uint16";
  case DType::I16: return "int16";
  case DType::I32: return "int32";
  case DType::I64: return "int64";
  case DType::Bool: return "bool";
  case DType::F16: return "float16";
  case DType::F64: return "float64";
  case DType::U32: return "uint32";
  case DType::U64: return "uint64";
  case DType::BF16: return "bfloat16";
  case DType::Undefined: return "undefined";
  }
  return "undefined";
}

bool isFloatDType(DType dtype) {
  return dtype == DType::F16 || dtype == DType::BF16 || dtype == DType::F32 ||
         dtype == DType::F64;
}

bool isUnsignedDType(DType dtype) {
  return dtype == DType::U8 || dtype == DType::U16 || dtype == DType::U32 ||
         dtype == DType::U64;
}

DType dtypeFromOnnx(int64_t onnxType) {
  switch (onnxType) {
  case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 9: case 10:
  case 11: case 12: case 13: case 16:
    return static_cast<DType>(onnxType);
  default:
    return DType::Undefined;
  }
}

float halfToFloat(uint16_t bits) {
  uint32_t sign = (bits >> 15) & 1, exponent = (bits >> 10) & 0x1f,
           mantissa = bits & 0x3ff;
  float value;
  if (exponent == 0)
    value = std::ldexp(static_cast<float>(mantissa), -24);
  else if (exponent == 31)
    value = mantissa ? std::numeric_limits<float>::quiet_NaN()
                     : std::numeric_limits<float>::infinity();
  else
    value = std::ldexp(static_cast<float>(mantissa | 0x400), int(exponent) - 25);
  return sign ? -value : value;
}

uint16_t floatToHalf(float value) {
  // Round to nearest even, as numpy's astype(float16) does.
  uint32_t x;
  std::memcpy(&x, &value, 4);
  uint32_t sign = (x >> 16) & 0x8000;
  uint32_t absx = x & 0x7fffffff;
  if (absx >= 0x7f800000) // inf or nan
    return sign | 0x7c00 | (absx > 0x7f800000 ? 0x200 : 0);
  if (absx >= 0x477ff000) // rounds to >= 65520: overflow to inf
    return sign | 0x7c00;
  if (absx < 0x38800000) { // subnormal half (or zero)
    float magnitude;
    std::memcpy(&magnitude, &absx, 4);
    // Scale so that the half subnormal unit becomes 1, then round to even.
    float scaled = magnitude * 16777216.0f; // 2^24
    uint32_t mantissa = static_cast<uint32_t>(std::nearbyint(scaled));
    return sign | mantissa;
  }
  uint32_t exponent = ((absx >> 23) - 127 + 15) << 10;
  uint32_t mantissa = absx & 0x7fffff;
  uint32_t half = exponent | (mantissa >> 13);
  uint32_t rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest == 0x1000 && (half & 1)))
    ++half;
  return sign | half;
}

float bfloat16ToFloat(uint16_t bits) {
  uint32_t x = static_cast<uint32_t>(bits) << 16;
  float value;
  std::memcpy(&value, &x, 4);
  return value;
}

uint16_t floatToBfloat16(float value) {
  uint32_t x;
  std::memcpy(&x, &value, 4);
  if ((x & 0x7fffffff) > 0x7f800000)
    return static_cast<uint16_t>((x >> 16) | 0x40);
  uint32_t rounding = 0x7fff + ((x >> 16) & 1);
  return static_cast<uint16_t>((x + rounding) >> 16);
}

int64_t shapeNumel(const Shape &shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

std::vector<int64_t> shapeStrides(const Shape &shape) {
  std::vector<int64_t> strides(shape.size(), 1);
  for (int64_t i = static_cast<int64_t>(shape.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

std::string shapeToString(const Shape &shape) {
  if (shape.empty())
    return "scalar";
  std::string s;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i)
      s += "x";
    s += std::to_string(shape[i]);
  }
  return s;
}

Tensor::Tensor(DType dtype, Shape shape)
    : dtype_(dtype), shape_(std::move(shape)),
      bytes_(static_cast<size_t>(shapeNumel(shape_)) * dtypeSize(dtype), 0) {}

Tensor Tensor::shapeOnly(DType dtype, Shape shape) {
  Tensor t;
  t.dtype_ = dtype;
  t.shape_ = std::move(shape);
  return t;
}

template <typename T> static T load(const std::vector<uint8_t> &bytes, int64_t i) {
  T value;
  std::memcpy(&value, bytes.data() + i * sizeof(T), sizeof(T));
  return value;
}

template <typename T> static void store(std::vector<uint8_t> &bytes, int64_t i, T value) {
  std::memcpy(bytes.data() + i * sizeof(T), &value, sizeof(T));
}

// Float to integer conversion in C++ is undefined outside the target range;
// clamp NaN and out-of-range values so that hostile inputs stay defined.
template <typename T> static T saturatingCast(double value) {
  if (std::isnan(value))
    return 0;
  if (value <= static_cast<double>(std::numeric_limits<T>::lowest()))
    return std::numeric_limits<T>::lowest();
  if (value >= static_cast<double>(std::numeric_limits<T>::max()))
    return std::numeric_limits<T>::max();
  return static_cast<T>(value);
}

// Rounding a double to float and then to half (or bfloat16) can round twice
// and miss by one unit; rounding to odd first makes the second rounding the
// correctly rounded one, since float keeps over two more bits than either.
static float toFloatRoundingToOdd(double value) {
  float f = static_cast<float>(value);
  if (std::isnan(value) || static_cast<double>(f) == value)
    return f;
  if (std::fabs(static_cast<double>(f)) > std::fabs(value))
    f = std::nextafter(f, 0.0f);
  uint32_t bits;
  std::memcpy(&bits, &f, 4);
  bits |= 1;
  std::memcpy(&f, &bits, 4);
  return f;
}

double Tensor::getDouble(int64_t i) const {
  switch (dtype_) {
  case DType::F32: return load<float>(bytes_, i);
  case DType::F64: return load<double>(bytes_, i);
  case DType::F16: return halfToFloat(load<uint16_t>(bytes_, i));
  case DType::BF16: return bfloat16ToFloat(load<uint16_t>(bytes_, i));
  case DType::U8: return load<uint8_t>(bytes_, i);
  case DType::I8: return load<int8_t>(bytes_, i);
  case DType::U16: return load<uint16_t>(bytes_, i);
  case DType::I16: return load<int16_t>(bytes_, i);
  case DType::U32: return load<uint32_t>(bytes_, i);
  case DType::I32: return load<int32_t>(bytes_, i);
  case DType::U64: return static_cast<double>(load<uint64_t>(bytes_, i));
  case DType::I64: return static_cast<double>(load<int64_t>(bytes_, i));
  case DType::Bool: return load<uint8_t>(bytes_, i) ? 1.0 : 0.0;
  case DType::Undefined: return 0;
  }
  return 0;
}

void Tensor::setDouble(int64_t i, double value) {
  switch (dtype_) {
  case DType::F32: store<float>(bytes_, i, static_cast<float>(value)); return;
  case DType::F64: store<double>(bytes_, i, value); return;
  case DType::F16: store<uint16_t>(bytes_, i, floatToHalf(toFloatRoundingToOdd(value))); return;
  case DType::BF16: store<uint16_t>(bytes_, i, floatToBfloat16(toFloatRoundingToOdd(value))); return;
  case DType::U8: store<uint8_t>(bytes_, i, saturatingCast<uint8_t>(value)); return;
  case DType::I8: store<int8_t>(bytes_, i, saturatingCast<int8_t>(value)); return;
  case DType::U16: store<uint16_t>(bytes_, i, saturatingCast<uint16_t>(value)); return;
  case DType::I16: store<int16_t>(bytes_, i, saturatingCast<int16_t>(value)); return;
  case DType::U32: store<uint32_t>(bytes_, i, saturatingCast<uint32_t>(value)); return;
  case DType::I32: store<int32_t>(bytes_, i, saturatingCast<int32_t>(value)); return;
  case DType::U64: store<uint64_t>(bytes_, i, saturatingCast<uint64_t>(value)); return;
  case DType::I64: store<int64_t>(bytes_, i, saturatingCast<int64_t>(value)); return;
  case DType::Bool: store<uint8_t>(bytes_, i, value != 0 ? 1 : 0); return;
  case DType::Undefined: return;
  }
}

int64_t Tensor::getInt(int64_t i) const {
  switch (dtype_) {
  case DType::I64: return load<int64_t>(bytes_, i);
  case DType::U64: return static_cast<int64_t>(load<uint64_t>(bytes_, i));
  case DType::F32: case DType::F64: case DType::F16: case DType::BF16:
    return saturatingCast<int64_t>(getDouble(i));
  default:
    return static_cast<int64_t>(getDouble(i));
  }
}

void Tensor::setInt(int64_t i, int64_t value) {
  switch (dtype_) {
  case DType::I64: store<int64_t>(bytes_, i, value); return;
  case DType::U64: store<uint64_t>(bytes_, i, static_cast<uint64_t>(value)); return;
  case DType::U8: store<uint8_t>(bytes_, i, static_cast<uint8_t>(value)); return;
  case DType::I8: store<int8_t>(bytes_, i, static_cast<int8_t>(value)); return;
  case DType::U16: store<uint16_t>(bytes_, i, static_cast<uint16_t>(value)); return;
  case DType::I16: store<int16_t>(bytes_, i, static_cast<int16_t>(value)); return;
  case DType::U32: store<uint32_t>(bytes_, i, static_cast<uint32_t>(value)); return;
  case DType::I32: store<int32_t>(bytes_, i, static_cast<int32_t>(value)); return;
  case DType::Bool: store<uint8_t>(bytes_, i, value != 0 ? 1 : 0); return;
  default: setDouble(i, static_cast<double>(value)); return;
  }
}

uint64_t Tensor::getUInt(int64_t i) const {
  if (dtype_ == DType::U64)
    return load<uint64_t>(bytes_, i);
  return static_cast<uint64_t>(getInt(i));
}

void Tensor::setUInt(int64_t i, uint64_t value) {
  if (dtype_ == DType::U64)
    store<uint64_t>(bytes_, i, value);
  else
    setInt(i, static_cast<int64_t>(value));
}

void Tensor::copyElement(int64_t dst, const Tensor &from, int64_t src) {
  size_t size = dtypeSize(dtype_);
  std::memcpy(bytes_.data() + dst * size, from.bytes_.data() + src * size, size);
}

Tensor Tensor::bitcast(DType dtype) const {
  Tensor result = *this;
  if (dtypeSize(dtype) == dtypeSize(dtype_))
    result.dtype_ = dtype;
  return result;
}

Tensor Tensor::reshaped(Shape shape) const {
  Tensor result = *this;
  result.shape_ = std::move(shape);
  return result;
}

std::vector<int64_t> Tensor::toInts() const {
  std::vector<int64_t> values(static_cast<size_t>(numel()));
  for (int64_t i = 0; i < numel(); ++i)
    values[i] = getInt(i);
  return values;
}

std::vector<double> Tensor::toDoubles() const {
  std::vector<double> values(static_cast<size_t>(numel()));
  for (int64_t i = 0; i < numel(); ++i)
    values[i] = getDouble(i);
  return values;
}

Tensor Tensor::fromInts(DType dtype, Shape shape, const std::vector<int64_t> &values) {
  Tensor t(dtype, std::move(shape));
  for (int64_t i = 0; i < t.numel() && i < static_cast<int64_t>(values.size()); ++i)
    t.setInt(i, values[i]);
  return t;
}

Tensor Tensor::fromDoubles(DType dtype, Shape shape, const std::vector<double> &values) {
  Tensor t(dtype, std::move(shape));
  for (int64_t i = 0; i < t.numel() && i < static_cast<int64_t>(values.size()); ++i)
    t.setDouble(i, values[i]);
  return t;
}

bool broadcastShapes(const Shape &a, const Shape &b, Shape &result) {
  size_t rank = std::max(a.size(), b.size());
  result.assign(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da != db && da != 1 && db != 1)
      return false;
    result[i] = da == 1 ? db : da;
  }
  return true;
}

std::vector<int64_t> broadcastIndexMap(const Shape &operandShape, const Shape &resultShape) {
  int64_t numel = shapeNumel(resultShape);
  std::vector<int64_t> map(static_cast<size_t>(numel), 0);
  size_t rank = resultShape.size(), offset = rank - operandShape.size();
  std::vector<int64_t> operandStrides = shapeStrides(operandShape);
  // Stride 0 along broadcast dims; walk the result with an odometer.
  std::vector<int64_t> strides(rank, 0);
  for (size_t i = 0; i < operandShape.size(); ++i)
    strides[i + offset] = operandShape[i] == 1 ? 0 : operandStrides[i];
  std::vector<int64_t> index(rank, 0);
  int64_t flat = 0;
  for (int64_t n = 0; n < numel; ++n) {
    map[n] = flat;
    for (int64_t d = static_cast<int64_t>(rank) - 1; d >= 0; --d) {
      if (++index[d] < resultShape[d]) {
        flat += strides[d];
        break;
      }
      flat -= strides[d] * (resultShape[d] - 1);
      index[d] = 0;
    }
  }
  return map;
}

} // namespace hone::ref
