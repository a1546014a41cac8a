//===- NNMatMul.cpp - Reference kernels of Gemm, MatMul, Einsum and Det ---===//
//
// MatMul follows numpy (1-D operands promoted, batch dims broadcast); Gemm
// is alpha * A' * B' + beta * C with C broadcast; Einsum handles explicit
// and implicit outputs, ellipses and repeated subscripts (diagonals) by one
// loop over every subscript's range.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/NNFamily.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <type_traits>

namespace hone::ref {
namespace {

/// C[m x n] += A'[m x k] * B'[k x n] for row-major blocks, where A' is A
/// or its transpose (A then k x m), likewise B'.
template <typename T, typename Acc>
void multiplyInto(const T *a, bool transA, const T *b, bool transB, int64_t m, int64_t n, int64_t k,
                  Acc *c) {
  for (int64_t i = 0; i < m; ++i)
    for (int64_t p = 0; p < k; ++p) {
      Acc av = static_cast<Acc>(a[transA ? p * m + i : i * k + p]);
      if (av == 0)
        continue;
      Acc *row = c + i * n;
      if (transB)
        for (int64_t j = 0; j < n; ++j)
          row[j] += av * static_cast<Acc>(b[j * k + p]);
      else
        for (int64_t j = 0; j < n; ++j)
          row[j] += av * static_cast<Acc>(b[p * n + j]);
    }
}

/// Calls `fn(aValues, bValues, accumulator)` with the operands' elements as
/// the products read them: float32 in place with double accumulation, other
/// float types as double copies, integers as uint64 copies (whose wrapping
/// arithmetic is the integer types' own, truncated on store).
template <typename Fn> void withOperands(const Tensor &a, const Tensor &b, Fn &&fn) {
  if (a.dtype() == DType::F32 && b.dtype() == DType::F32) {
    fn(a.data<float>(), b.data<float>(), double{});
  } else if (isFloatDType(a.dtype())) {
    std::vector<double> as = a.toDoubles(), bs = b.toDoubles();
    fn(as.data(), bs.data(), double{});
  } else {
    std::vector<uint64_t> as, bs;
    for (int64_t v : a.toInts())
      as.push_back(static_cast<uint64_t>(v));
    for (int64_t v : b.toInts())
      bs.push_back(static_cast<uint64_t>(v));
    fn(as.data(), bs.data(), uint64_t{});
  }
}

/// Stores accumulator `value` at flat index `i` of `y`.
void storeDouble(Tensor &y, int64_t i, double value) {
  if (y.dtype() == DType::F32)
    y.data<float>()[i] = static_cast<float>(value);
  else
    y.setDouble(i, value);
}
void storeDouble(Tensor &y, int64_t i, uint64_t value) { y.setInt(i, static_cast<int64_t>(value)); }

/// The operand types MatMul and Gemm accept: two of one numeric type.
Status checkProductTypes(KernelContext &ctx, const Tensor &a, const Tensor &b) {
  if (a.dtype() != b.dtype() || a.dtype() == DType::Bool)
    return ctx.error(std::string("expected A and B of one numeric type, got ") +
                     dtypeName(a.dtype()) + " and " + dtypeName(b.dtype()));
  return Status::success();
}

/// MatMul with numpy semantics.
Status matMulKernel(KernelContext &ctx) {
  const Tensor *a, *b;
  if (Status s = requireInputs(ctx, {&a, &b}); !s)
    return s;
  if (Status s = checkProductTypes(ctx, *a, *b); !s)
    return s;
  if (a->rank() == 0 || b->rank() == 0)
    return ctx.error("expected operands of rank >= 1, got " + shapeToString(a->shape()) + " and " +
                     shapeToString(b->shape()));
  // numpy: a 1-D A is a row [1, k], a 1-D B a column [k, 1], and the
  // added dim is dropped from the result.
  Shape as = a->shape(), bs = b->shape();
  bool vecA = as.size() == 1, vecB = bs.size() == 1;
  if (vecA)
    as.insert(as.begin(), 1);
  if (vecB)
    bs.push_back(1);
  int64_t m = as[as.size() - 2], k = as.back(), n = bs.back();
  if (bs[bs.size() - 2] != k)
    return ctx.error("expected A's last dim to equal B's contracted dim, got " +
                     shapeToString(a->shape()) + " and " + shapeToString(b->shape()));
  Shape batchA(as.begin(), as.end() - 2), batchB(bs.begin(), bs.end() - 2), batch;
  if (!broadcastShapes(batchA, batchB, batch))
    return ctx.error("expected batch dims that broadcast, got " + shapeToString(a->shape()) +
                     " and " + shapeToString(b->shape()));
  Shape outShape = batch;
  if (!vecA)
    outShape.push_back(m);
  if (!vecB)
    outShape.push_back(n);
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  if (Status s = checkWork(ctx, {shapeNumel(batch), m, n, k}); !s)
    return s;
  std::vector<int64_t> mapA = broadcastIndexMap(batchA, batch),
                       mapB = broadcastIndexMap(batchB, batch);
  Tensor y(resultDType(ctx, 0, a->dtype()), outShape);
  withOperands(*a, *b, [&](const auto *av, const auto *bv, auto zero) {
    std::vector<decltype(zero)> c(m * n);
    for (int64_t bi = 0; bi < shapeNumel(batch); ++bi) {
      std::fill(c.begin(), c.end(), zero);
      multiplyInto(av + mapA[bi] * m * k, false, bv + mapB[bi] * k * n, false, m, n, k, c.data());
      for (int64_t i = 0; i < m * n; ++i)
        storeDouble(y, bi * m * n + i, c[i]);
    }
  });
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// Gemm: alpha * A' * B' + beta * C, C broadcast to [M, N].
Status gemmKernel(KernelContext &ctx) {
  const Tensor *a, *b;
  if (Status s = requireInputs(ctx, {&a, &b}); !s)
    return s;
  const Tensor *cIn = ctx.input(2);
  if (Status s = checkProductTypes(ctx, *a, *b); !s)
    return s;
  if (a->rank() != 2 || b->rank() != 2)
    return ctx.error("expected 2-D A and B, got " + shapeToString(a->shape()) + " and " +
                     shapeToString(b->shape()));
  bool transA = ctx.getInt("transA", 0), transB = ctx.getInt("transB", 0);
  double alpha = ctx.getFloat("alpha", 1.0), beta = ctx.getFloat("beta", 1.0);
  int64_t m = transA ? a->dim(1) : a->dim(0), k = transA ? a->dim(0) : a->dim(1);
  int64_t kb = transB ? b->dim(1) : b->dim(0), n = transB ? b->dim(0) : b->dim(1);
  if (k != kb)
    return ctx.error("expected A' and B' to share the contracted dim, got " +
                     shapeToString(a->shape()) + (transA ? " (transposed)" : "") + " and " +
                     shapeToString(b->shape()) + (transB ? " (transposed)" : ""));
  if (Status s = checkWork(ctx, {m, n, k}); !s)
    return s;
  std::vector<int64_t> mapC;
  if (cIn) {
    Shape broadcast;
    if (!broadcastShapes(cIn->shape(), {m, n}, broadcast) || broadcast != Shape{m, n})
      return ctx.error("expected C to broadcast to " + shapeToString({m, n}) + ", got " +
                       shapeToString(cIn->shape()));
    mapC = broadcastIndexMap(cIn->shape(), {m, n});
  }
  Tensor y(resultDType(ctx, 0, a->dtype()), {m, n});
  withOperands(*a, *b, [&](const auto *av, const auto *bv, auto zero) {
    using Acc = decltype(zero);
    std::vector<Acc> c(m * n, zero);
    multiplyInto(av, transA, bv, transB, m, n, k, c.data());
    for (int64_t i = 0; i < m * n; ++i) {
      if constexpr (std::is_same_v<Acc, double>) {
        storeDouble(y, i, alpha * c[i] + (cIn ? beta * cIn->getDouble(mapC[i]) : 0.0));
      } else if (alpha == 1 && beta == 1) {
        // Integers stay exact in the common unscaled case.
        storeDouble(y, i, c[i] + (cIn ? static_cast<uint64_t>(cIn->getInt(mapC[i])) : 0));
      } else {
        y.setDouble(i, alpha * static_cast<double>(static_cast<int64_t>(c[i])) +
                           (cIn ? beta * cIn->getDouble(mapC[i]) : 0.0));
      }
    }
  });
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// True when `term` is letters with at most one "..." among them.
bool validSubscripts(const std::string &term) {
  size_t dots = term.find("...");
  for (size_t i = 0; i < term.size(); ++i) {
    if (dots != std::string::npos && i >= dots && i < dots + 3)
      continue;
    if (!std::isalpha(static_cast<unsigned char>(term[i])))
      return false;
  }
  return dots == std::string::npos || term.find("...", dots + 3) == std::string::npos;
}

/// Einsum by one loop over the product of every subscript's range: each
/// point multiplies one element of each input and adds to one output
/// element. Ellipsis dims become the subscripts '0'..'9' (never letters),
/// right-aligned and broadcast like numpy's.
Status einsumKernel(KernelContext &ctx) {
  std::string equation;
  for (char ch : ctx.getString("equation", ""))
    if (ch != ' ')
      equation += ch;
  size_t arrow = equation.find("->");
  std::string lhs = equation.substr(0, arrow);
  bool explicitOutput = arrow != std::string::npos;
  std::string output = explicitOutput ? equation.substr(arrow + 2) : "";
  std::vector<std::string> terms;
  for (size_t start = 0;;) {
    size_t comma = lhs.find(',', start);
    terms.push_back(
        lhs.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  if (terms.size() != ctx.numInputs())
    return ctx.error("expected " + std::to_string(terms.size()) + " inputs for equation '" +
                     equation + "', got " + std::to_string(ctx.numInputs()));
  for (const std::string &term : terms)
    if (!validSubscripts(term))
      return ctx.error("expected subscripts of letters and one '...', got '" + term + "'");
  if (!validSubscripts(output))
    return ctx.error("expected output subscripts of letters and one '...', got '" + output + "'");
  std::vector<const Tensor *> inputs;
  int64_t ellipsisRank = 0;
  for (size_t t = 0; t < terms.size(); ++t) {
    const Tensor *x;
    if (Status s = requireInput(ctx, t, x); !s)
      return s;
    inputs.push_back(x);
    if (terms[t].find("...") != std::string::npos)
      ellipsisRank =
          std::max<int64_t>(ellipsisRank, x->rank() - static_cast<int64_t>(terms[t].size() - 3));
  }
  if (ellipsisRank > 10)
    return ctx.error("expected at most 10 ellipsis dims, got " + std::to_string(ellipsisRank));
  std::string ellipsisSubscripts;
  for (int64_t i = 0; i < ellipsisRank; ++i)
    ellipsisSubscripts += static_cast<char>('0' + i);
  std::map<char, int64_t> sizes, counts;
  for (size_t t = 0; t < terms.size(); ++t) {
    const Tensor &x = *inputs[t];
    size_t dots = terms[t].find("...");
    if (dots != std::string::npos) {
      int64_t here = x.rank() - static_cast<int64_t>(terms[t].size() - 3);
      if (here < 0)
        return ctx.error("expected input " + std::to_string(t) + " to have at least " +
                         std::to_string(terms[t].size() - 3) + " dims, got " +
                         shapeToString(x.shape()));
      terms[t].replace(dots, 3, ellipsisSubscripts.substr(ellipsisRank - here));
    }
    if (static_cast<int64_t>(terms[t].size()) != x.rank())
      return ctx.error("expected input " + std::to_string(t) + " of rank " +
                       std::to_string(terms[t].size()) + " for subscripts '" + terms[t] +
                       "', got " + shapeToString(x.shape()));
    for (size_t i = 0; i < terms[t].size(); ++i) {
      char ch = terms[t][i];
      int64_t dim = x.dim(static_cast<int64_t>(i));
      ++counts[ch];
      auto [it, inserted] = sizes.emplace(ch, dim);
      if (inserted || it->second == dim)
        continue;
      // Ellipsis dims broadcast (size 1 against any); letters must agree.
      bool isEllipsis = std::isdigit(static_cast<unsigned char>(ch));
      if (isEllipsis && it->second == 1)
        it->second = dim;
      else if (!(isEllipsis && dim == 1))
        return ctx.error(std::string("expected one size for subscript '") + ch + "', got " +
                         std::to_string(it->second) + " and " + std::to_string(dim));
    }
  }
  if (explicitOutput) {
    size_t dots = output.find("...");
    if (dots != std::string::npos)
      output.replace(dots, 3, ellipsisSubscripts);
  } else {
    // Implicit output: the ellipsis dims, then the letters used once, in
    // alphabetical order.
    output = ellipsisSubscripts;
    for (auto &[ch, n] : counts)
      if (n == 1 && !std::isdigit(static_cast<unsigned char>(ch)))
        output += ch;
  }
  std::string subscripts;
  for (auto &[ch, n] : sizes)
    subscripts += ch;
  std::map<char, size_t> position;
  Shape loopShape;
  for (size_t i = 0; i < subscripts.size(); ++i) {
    position[subscripts[i]] = i;
    loopShape.push_back(sizes[subscripts[i]]);
  }
  Shape outShape;
  std::vector<size_t> outPositions;
  for (char ch : output) {
    if (!sizes.count(ch))
      return ctx.error(std::string("expected output subscript '") + ch + "' to be an input's");
    if (std::count(output.begin(), output.end(), ch) > 1)
      return ctx.error(std::string("expected output subscript '") + ch + "' once");
    outShape.push_back(sizes[ch]);
    outPositions.push_back(position[ch]);
  }
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  if (Status s = checkWork(ctx, {shapeNumel(loopShape), static_cast<int64_t>(terms.size())}); !s)
    return s;
  // For each input: the loop position of each of its dims, and its stride
  // (0 for a broadcast ellipsis dim of size 1).
  std::vector<std::vector<size_t>> termPositions(terms.size());
  std::vector<std::vector<int64_t>> termStrides(terms.size());
  std::vector<std::vector<double>> values(terms.size());
  for (size_t t = 0; t < terms.size(); ++t) {
    std::vector<int64_t> strides = shapeStrides(inputs[t]->shape());
    for (size_t i = 0; i < terms[t].size(); ++i) {
      termPositions[t].push_back(position[terms[t][i]]);
      termStrides[t].push_back(inputs[t]->dim(static_cast<int64_t>(i)) == 1 ? 0 : strides[i]);
    }
    values[t] = inputs[t]->toDoubles();
  }
  std::vector<int64_t> outStrides = shapeStrides(outShape), index;
  std::vector<double> acc(shapeNumel(outShape), 0.0);
  for (int64_t flat = 0; flat < shapeNumel(loopShape); ++flat) {
    unflatten(flat, loopShape, index);
    double product = 1;
    for (size_t t = 0; t < terms.size(); ++t) {
      int64_t offset = 0;
      for (size_t i = 0; i < termPositions[t].size(); ++i)
        offset += index[termPositions[t][i]] * termStrides[t][i];
      product *= values[t][offset];
    }
    int64_t out = 0;
    for (size_t i = 0; i < outPositions.size(); ++i)
      out += index[outPositions[i]] * outStrides[i];
    acc[out] += product;
  }
  Tensor y(resultDType(ctx, 0, inputs[0]->dtype()), outShape);
  for (int64_t i = 0; i < y.numel(); ++i)
    y.setDouble(i, acc[i]);
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// Determinant by Gaussian elimination with partial pivoting.
Status detKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (x->rank() < 2 || x->dim(x->rank() - 1) != x->dim(x->rank() - 2))
    return ctx.error("expected [..., n, n] square matrices, got " + shapeToString(x->shape()));
  int64_t n = x->dim(x->rank() - 1);
  Shape outShape(x->shape().begin(), x->shape().end() - 2);
  if (Status s = checkWork(ctx, {shapeNumel(outShape), n, n, n}); !s)
    return s;
  Tensor y(resultDType(ctx, 0, x->dtype()), outShape);
  for (int64_t batch = 0; batch < y.numel(); ++batch) {
    std::vector<double> a(n * n);
    for (int64_t i = 0; i < n * n; ++i)
      a[i] = x->getDouble(batch * n * n + i);
    double det = 1;
    for (int64_t col = 0; col < n; ++col) {
      int64_t pivot = col;
      for (int64_t r = col + 1; r < n; ++r)
        if (std::fabs(a[r * n + col]) > std::fabs(a[pivot * n + col]))
          pivot = r;
      if (a[pivot * n + col] == 0) {
        det = 0;
        break;
      }
      if (pivot != col) {
        for (int64_t j = 0; j < n; ++j)
          std::swap(a[pivot * n + j], a[col * n + j]);
        det = -det;
      }
      det *= a[col * n + col];
      for (int64_t r = col + 1; r < n; ++r) {
        double f = a[r * n + col] / a[col * n + col];
        for (int64_t j = col; j < n; ++j)
          a[r * n + j] -= f * a[col * n + j];
      }
    }
    y.setDouble(batch, det);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerMatMulKernels() {
  registerKernel("MatMul", matMulKernel);
  registerKernel("Gemm", gemmKernel);
  registerKernel("Einsum", einsumKernel);
  registerKernel("Det", detKernel);
}

} // namespace hone::ref
