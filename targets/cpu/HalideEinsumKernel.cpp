//===- HalideEinsumKernel.cpp - Einsum as one Halide reduction ------------===//
//
// Einsum: every subscript letter is either an output coordinate or a
// reduction variable, so the whole contraction is one sum over the
// product of the inputs read by their subscripts. "..." stands for the same
// leading dims in every term (right-aligned, size-1 dims broadcast); the
// implicit output is the ellipsis dims, then the letters that occur once,
// in alphabetical order (numpy's rule).
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"

#include "dialects/hone/ops/OpAttributes.h"

#include <map>

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

std::vector<std::string> splitTerms(const std::string &lhs) {
  std::vector<std::string> terms;
  for (size_t start = 0;;) {
    size_t comma = lhs.find(',', start);
    terms.push_back(lhs.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos)
      return terms;
    start = comma + 1;
  }
}

FailureOr<Halide::Func> buildEinsum(const KernelRequest &request) {
  std::string equation;
  for (char ch : getStrAttr(request.op, "equation", "").str())
    if (ch != ' ')
      equation += ch;
  size_t arrow = equation.find("->");
  bool explicitOutput = arrow != std::string::npos;
  std::vector<std::string> terms = splitTerms(equation.substr(0, arrow));
  std::string output = explicitOutput ? equation.substr(arrow + 2) : "";
  if (terms.size() != request.operands.size())
    return request.fail("the equation names " + std::to_string(terms.size()) + " inputs");
  // Ellipsis dims become the subscripts '0', '1', ... (right-aligned).
  int64_t ellipsisRank = 0;
  for (size_t t = 0; t < terms.size(); ++t) {
    const HalideValue *x = request.operand(t);
    if (!x)
      return request.fail("missing input");
    if (terms[t].find("...") != std::string::npos)
      ellipsisRank = std::max<int64_t>(ellipsisRank, x->type.getRank() - static_cast<int64_t>(terms[t].size() - 3));
  }
  std::string ellipsis;
  for (int64_t i = 0; i < ellipsisRank; ++i)
    ellipsis += static_cast<char>('0' + i);
  std::map<char, Halide::Expr> sizes;
  std::map<char, int64_t> counts;
  for (size_t t = 0; t < terms.size(); ++t) {
    const HalideValue &x = *request.operand(t);
    if (size_t dots = terms[t].find("..."); dots != std::string::npos) {
      int64_t here = x.type.getRank() - static_cast<int64_t>(terms[t].size() - 3);
      if (here < 0)
        return request.fail("input " + std::to_string(t) + " has too few dims for its subscripts");
      terms[t].replace(dots, 3, ellipsis.substr(ellipsisRank - here));
    }
    if (static_cast<int64_t>(terms[t].size()) != x.type.getRank())
      return request.fail("input " + std::to_string(t) + " does not match subscripts '" + terms[t] + "'");
    for (size_t i = 0; i < terms[t].size(); ++i) {
      char ch = terms[t][i];
      sizes[ch] = sizes.count(ch) ? Halide::max(sizes[ch], x.dim(i)) : x.dim(i);
      ++counts[ch];
    }
  }
  if (explicitOutput) {
    if (size_t dots = output.find("..."); dots != std::string::npos)
      output.replace(dots, 3, ellipsis);
  } else {
    output = ellipsis;
    for (auto [ch, count] : counts)
      if (count == 1 && !(ch >= '0' && ch <= '9'))
        output += ch;
  }
  if (static_cast<int64_t>(output.size()) != request.result.getRank())
    return request.fail("the output subscripts '" + output + "' do not match the result's rank");
  std::vector<Halide::Var> vars = tensorVars(request.result.getRank());
  std::map<char, Halide::Expr> coordinate;
  for (size_t i = 0; i < output.size(); ++i)
    coordinate[output[i]] = vars[i];
  Halide::Region region;
  std::vector<char> reduced;
  for (auto [ch, size] : sizes)
    if (!coordinate.count(ch)) {
      region.push_back({0, size});
      reduced.push_back(ch);
    }
  std::optional<Halide::RDom> r;
  if (!region.empty()) {
    r.emplace(region);
    for (size_t k = 0; k < reduced.size(); ++k)
      coordinate[reduced[k]] = (*r)[static_cast<int>(k)];
  }
  Halide::Expr product;
  for (size_t t = 0; t < terms.size(); ++t) {
    const HalideValue &x = *request.operand(t);
    std::vector<Halide::Expr> args;
    for (int64_t i = x.type.getRank() - 1; i >= 0; --i) {
      char ch = terms[t][i];
      // A size-1 dim against a larger subscript broadcasts (decided at run
      // time where the dim is dynamic).
      std::optional<int64_t> size = x.staticDim(i);
      const int64_t *subscriptSize = Halide::Internal::as_const_int(sizes[ch]);
      if (!size)
        args.push_back(Halide::select(x.dim(i) == 1, 0, coordinate[ch]));
      else
        args.push_back(*size == 1 && !(subscriptSize && *subscriptSize == 1) ? Halide::Expr(0)
                                                                            : coordinate[ch]);
    }
    Halide::Expr read = x.func(args);
    product = product.defined() ? product * read : read;
  }
  Halide::Func einsum("einsum");
  einsum(halideArgs(vars)) = r ? Halide::sum(product) : product;
  return einsum;
}

} // namespace

void mlir::hone::cpu::registerEinsumKernelBuilder(void (*add)(const char *, KernelBuilder)) {
  add("Einsum", buildEinsum);
}
