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
#include <map>

namespace hone::ref {
namespace {

/// C[m x n] (+)= A[m x k] * B[k x n] for row-major blocks, in double.
void multiply(const Tensor &a, int64_t aOffset, bool transA, const Tensor &b, int64_t bOffset,
              bool transB, int64_t m, int64_t n, int64_t k, std::vector<double> &c) {
  bool f32 = a.dtype() == DType::F32 && b.dtype() == DType::F32;
  auto at = [&](const Tensor &t, int64_t i) { return f32 ? double(t.data<float>()[i]) : t.getDouble(i); };
  for (int64_t i = 0; i < m; ++i)
    for (int64_t p = 0; p < k; ++p) {
      double av = at(a, aOffset + (transA ? p * m + i : i * k + p));
      if (av == 0)
        continue;
      for (int64_t j = 0; j < n; ++j)
        c[i * n + j] += av * at(b, bOffset + (transB ? j * k + p : p * n + j));
    }
}

Status matMulKernel(KernelContext &ctx) {
  const Tensor *a, *b;
  if (Status s = requireInputs(ctx, {&a, &b}); !s)
    return s;
  if (a->rank() == 0 || b->rank() == 0)
    return ctx.error("expected operands of rank >= 1");
  Shape as = a->shape(), bs = b->shape();
  bool vecA = as.size() == 1, vecB = bs.size() == 1;
  if (vecA)
    as.insert(as.begin(), 1);
  if (vecB)
    bs.push_back(1);
  int64_t m = as[as.size() - 2], k = as.back(), n = bs.back();
  if (bs[bs.size() - 2] != k)
    return ctx.error("contracted dims differ: " + std::to_string(k) + " vs " +
                     std::to_string(bs[bs.size() - 2]));
  Shape batchA(as.begin(), as.end() - 2), batchB(bs.begin(), bs.end() - 2), batch;
  if (!broadcastShapes(batchA, batchB, batch))
    return ctx.error("batch dims do not broadcast");
  Shape outShape = batch;
  if (!vecA)
    outShape.push_back(m);
  if (!vecB)
    outShape.push_back(n);
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  if (Status s = checkWork(ctx, {shapeNumel(batch), m, n, k}); !s)
    return s;
  std::vector<int64_t> mapA = broadcastIndexMap(batchA, batch), mapB = broadcastIndexMap(batchB, batch);
  Tensor y(a->dtype(), outShape);
  std::vector<double> c(m * n);
  for (int64_t bi = 0; bi < shapeNumel(batch); ++bi) {
    std::fill(c.begin(), c.end(), 0.0);
    multiply(*a, mapA[bi] * m * k, false, *b, mapB[bi] * k * n, false, m, n, k, c);
    bool isFloat = isFloatDType(y.dtype());
    for (int64_t i = 0; i < m * n; ++i) {
      if (isFloat)
        y.setDouble(bi * m * n + i, c[i]);
      else
        y.setInt(bi * m * n + i, static_cast<int64_t>(c[i]));
    }
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status gemmKernel(KernelContext &ctx) {
  const Tensor *a, *b;
  if (Status s = requireInputs(ctx, {&a, &b}); !s)
    return s;
  const Tensor *cIn = ctx.input(2);
  if (a->rank() != 2 || b->rank() != 2)
    return ctx.error("expected 2-D A and B");
  bool transA = ctx.getInt("transA", 0), transB = ctx.getInt("transB", 0);
  double alpha = ctx.getFloat("alpha", 1.0), beta = ctx.getFloat("beta", 1.0);
  int64_t m = transA ? a->dim(1) : a->dim(0), k = transA ? a->dim(0) : a->dim(1);
  int64_t kb = transB ? b->dim(1) : b->dim(0), n = transB ? b->dim(0) : b->dim(1);
  if (k != kb)
    return ctx.error("contracted dims differ");
  if (Status s = checkWork(ctx, {m, n, k}); !s)
    return s;
  std::vector<double> c(m * n, 0.0);
  multiply(*a, 0, transA, *b, 0, transB, m, n, k, c);
  Tensor y(a->dtype(), {m, n});
  std::vector<int64_t> mapC;
  if (cIn) {
    Shape broadcast;
    if (!broadcastShapes(cIn->shape(), {m, n}, broadcast) || broadcast != Shape{m, n})
      return ctx.error("C of shape " + shapeToString(cIn->shape()) + " does not broadcast to " +
                       shapeToString({m, n}));
    mapC = broadcastIndexMap(cIn->shape(), {m, n});
  }
  for (int64_t i = 0; i < m * n; ++i)
    y.setDouble(i, alpha * c[i] + (cIn ? beta * cIn->getDouble(mapC[i]) : 0.0));
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status einsumKernel(KernelContext &ctx) {
  std::string equation;
  for (char ch : ctx.getString("equation", ""))
    if (ch != ' ')
      equation += ch;
  size_t arrow = equation.find("->");
  std::string lhs = equation.substr(0, arrow);
  std::vector<std::string> terms;
  for (size_t start = 0;;) {
    size_t comma = lhs.find(',', start);
    terms.push_back(lhs.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  if (terms.size() != ctx.numInputs())
    return ctx.error("the equation names " + std::to_string(terms.size()) + " inputs, got " +
                     std::to_string(ctx.numInputs()));
  // Ellipses become upper-case letters (unused by ONNX subscripts, which
  // are lower-case... or upper-case: use digits, never valid subscripts).
  int64_t ellipsisRank = 0;
  for (size_t t = 0; t < terms.size(); ++t) {
    const Tensor *x = ctx.input(t);
    if (!x)
      return ctx.error("missing input");
    size_t dots = terms[t].find("...");
    if (dots != std::string::npos)
      ellipsisRank = std::max<int64_t>(ellipsisRank, x->rank() - static_cast<int64_t>(terms[t].size() - 3));
  }
  if (ellipsisRank > 9)
    return ctx.error("too many ellipsis dims");
  std::string ellipsisLetters;
  for (int64_t i = 0; i < ellipsisRank; ++i)
    ellipsisLetters += static_cast<char>('0' + i);
  std::map<char, int64_t> sizes, counts;
  for (size_t t = 0; t < terms.size(); ++t) {
    const Tensor &x = *ctx.input(t);
    size_t dots = terms[t].find("...");
    if (dots != std::string::npos) {
      int64_t here = x.rank() - static_cast<int64_t>(terms[t].size() - 3);
      if (here < 0)
        return ctx.error("input rank does not match its subscripts");
      terms[t].replace(dots, 3, ellipsisLetters.substr(ellipsisRank - here));
    }
    if (static_cast<int64_t>(terms[t].size()) != x.rank())
      return ctx.error("input " + std::to_string(t) + " has rank " + std::to_string(x.rank()) +
                       ", subscripts '" + terms[t] + "'");
    for (size_t i = 0; i < terms[t].size(); ++i) {
      char ch = terms[t][i];
      ++counts[ch];
      auto [it, inserted] = sizes.emplace(ch, x.dim(static_cast<int64_t>(i)));
      if (!inserted && it->second != x.dim(static_cast<int64_t>(i))) {
        if (it->second == 1 && std::isdigit(ch))
          it->second = x.dim(static_cast<int64_t>(i));
        else if (!(x.dim(static_cast<int64_t>(i)) == 1 && std::isdigit(ch)))
          return ctx.error(std::string("subscript '") + ch + "' has different sizes");
      }
    }
  }
  std::string output;
  if (arrow != std::string::npos) {
    output = equation.substr(arrow + 2);
    size_t dots = output.find("...");
    if (dots != std::string::npos)
      output.replace(dots, 3, ellipsisLetters);
  } else {
    output = ellipsisLetters;
    for (auto &[ch, n] : counts)
      if (n == 1 && !std::isdigit(ch))
        output += ch;
  }
  std::string letters;
  for (auto &[ch, n] : sizes)
    letters += ch;
  Shape outShape, loopShape;
  for (char ch : output) {
    if (!sizes.count(ch))
      return ctx.error(std::string("output subscript '") + ch + "' is not an input's");
    outShape.push_back(sizes[ch]);
  }
  for (char ch : letters)
    loopShape.push_back(sizes[ch]);
  if (Status s = checkShape(ctx, loopShape); !s)
    return s;
  if (Status s = checkWork(ctx, {shapeNumel(loopShape), static_cast<int64_t>(terms.size())}); !s)
    return s;
  std::vector<double> acc(shapeNumel(outShape), 0.0);
  std::vector<int64_t> outStrides = shapeStrides(outShape), index;
  std::vector<std::vector<int64_t>> inStrides;
  for (size_t t = 0; t < terms.size(); ++t)
    inStrides.push_back(shapeStrides(ctx.input(t)->shape()));
  std::map<char, size_t> position;
  for (size_t i = 0; i < letters.size(); ++i)
    position[letters[i]] = i;
  for (int64_t flat = 0; flat < shapeNumel(loopShape); ++flat) {
    unflatten(flat, loopShape, index);
    double product = 1;
    for (size_t t = 0; t < terms.size() && product != 0; ++t) {
      const Tensor &x = *ctx.input(t);
      int64_t offset = 0;
      for (size_t i = 0; i < terms[t].size(); ++i) {
        int64_t v = index[position[terms[t][i]]];
        offset += (x.dim(static_cast<int64_t>(i)) == 1 ? 0 : v) * inStrides[t][i];
      }
      product *= x.getDouble(offset);
    }
    int64_t out = 0;
    for (size_t i = 0; i < output.size(); ++i)
      out += index[position[output[i]]] * outStrides[i];
    acc[out] += product;
  }
  Tensor y(ctx.input(0)->dtype(), outShape);
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
    return ctx.error("expected square matrices");
  int64_t n = x->dim(x->rank() - 1);
  Shape outShape(x->shape().begin(), x->shape().end() - 2);
  Tensor y(x->dtype(), outShape);
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
