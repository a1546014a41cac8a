//===- Tensor.h - Plain host tensors for the reference evaluator -*- C++ -*-===//
//
// The reference evaluator computes on these: a dtype, a shape and a byte
// buffer, with element accessors that convert through double or int64. They
// are deliberately independent of MLIR so that the kernels stay simple loops
// that anyone can read and check against the ONNX operator specification.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_TENSOR_H
#define HONE_COMPILER_REFERENCE_TENSOR_H

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace hone::ref {

/// Element types the evaluator supports. The numbering is ONNX's
/// TensorProto.DataType, so `Cast`'s `to` attribute converts directly.
enum class DType : int {
  Undefined = 0,
  F32 = 1,
  U8 = 2,
  I8 = 3,
  U16 = 4,
  I16 = 5,
  I32 = 6,
  I64 = 7,
  Bool = 9,
  F16 = 10,
  F64 = 11,
  U32 = 12,
  U64 = 13,
  BF16 = 16,
};

/// Size of one element in bytes; 0 for Undefined.
size_t dtypeSize(DType dtype);
/// Readable name ("float32", "int64", ...), for messages.
const char *dtypeName(DType dtype);
/// True for F16, BF16, F32, F64.
bool isFloatDType(DType dtype);
/// True for the unsigned integer types (bool excluded).
bool isUnsignedDType(DType dtype);
/// Maps an ONNX TensorProto.DataType number; Undefined when unsupported.
DType dtypeFromOnnx(int64_t onnxType);

float halfToFloat(uint16_t bits);
uint16_t floatToHalf(float value);
float bfloat16ToFloat(uint16_t bits);
uint16_t floatToBfloat16(float value);

using Shape = std::vector<int64_t>;

/// Number of elements of a shape (1 for a scalar).
int64_t shapeNumel(const Shape &shape);
/// Row-major strides, in elements.
std::vector<int64_t> shapeStrides(const Shape &shape);
/// "2x3x4", or "scalar".
std::string shapeToString(const Shape &shape);

/// A dense row-major tensor that owns its bytes.
class Tensor {
public:
  Tensor() = default;
  /// Zero-filled tensor of the given dtype and shape.
  Tensor(DType dtype, Shape shape);
  /// A tensor with a shape and no data, for kernels that read only shapes
  /// (ops with the ValueFromShapes trait); reading its elements is a bug.
  static Tensor shapeOnly(DType dtype, Shape shape);

  DType dtype() const { return dtype_; }
  const Shape &shape() const { return shape_; }
  int64_t rank() const { return static_cast<int64_t>(shape_.size()); }
  int64_t dim(int64_t i) const { return shape_[i]; }
  int64_t numel() const { return shapeNumel(shape_); }
  size_t byteSize() const { return bytes_.size(); }

  void *rawData() { return bytes_.data(); }
  const void *rawData() const { return bytes_.data(); }
  template <typename T> T *data() { return reinterpret_cast<T *>(bytes_.data()); }
  template <typename T> const T *data() const {
    return reinterpret_cast<const T *>(bytes_.data());
  }

  /// Element `i` (flat, row-major) converted to double. Bool gives 0 or 1.
  double getDouble(int64_t i) const;
  /// Stores `value` at flat index `i`, converting to the dtype: floats round
  /// to nearest, integers truncate toward zero (C++ conversion, as numpy's
  /// astype does), bool is `value != 0`.
  void setDouble(int64_t i, double value);
  /// Element `i` as int64 (floats truncate toward zero, uint64 wraps).
  int64_t getInt(int64_t i) const;
  /// Stores an integer, wrapping to the dtype's width as C++ does.
  void setInt(int64_t i, int64_t value);
  /// Element `i` as uint64 (for uint64 tensors whose values exceed int64).
  uint64_t getUInt(int64_t i) const;
  void setUInt(int64_t i, uint64_t value);

  /// Copies element `src` of `from` (same dtype) to element `dst` of this.
  void copyElement(int64_t dst, const Tensor &from, int64_t src);

  /// Same bytes read as `dtype`, which must have the same element size
  /// (bfloat16 test data stored as uint16 bit patterns, say).
  Tensor bitcast(DType dtype) const;

  /// Same bytes, new shape; the element count must not change.
  Tensor reshaped(Shape shape) const;

  /// All elements as int64 (for shape-like tensors such as axes, pads).
  std::vector<int64_t> toInts() const;
  /// All elements as double.
  std::vector<double> toDoubles() const;

  /// A rank-0 or rank-1 tensor from values.
  static Tensor fromInts(DType dtype, Shape shape, const std::vector<int64_t> &values);
  static Tensor fromDoubles(DType dtype, Shape shape, const std::vector<double> &values);

private:
  DType dtype_ = DType::Undefined;
  Shape shape_;
  std::vector<uint8_t> bytes_;
};

/// ONNX multidirectional (numpy) broadcasting of two shapes; false when
/// they are incompatible.
bool broadcastShapes(const Shape &a, const Shape &b, Shape &result);
/// For each flat index of `resultShape`, the flat index into a tensor of
/// `operandShape` that broadcasts to it (operandShape is right-aligned; its
/// dims are equal to the result's or 1).
std::vector<int64_t> broadcastIndexMap(const Shape &operandShape, const Shape &resultShape);

} // namespace hone::ref

namespace mlir::hone {
/// The reference tensors and kernels, as seen from the MLIR side of hone.
namespace ref = ::hone::ref;
} // namespace mlir::hone

#endif // HONE_COMPILER_REFERENCE_TENSOR_H
