//===- SymbolicShapes.cpp - Every tensor's dims as expressions ------------===//
//
// One forward pass in program order per round; a round that unifies input
// dims is followed by another (four at most: each unification removes a
// symbol, and shape functions rarely need more than one round to profit).
//
//===----------------------------------------------------------------------===//
#include "passes/shapes/SymbolicShapes.h"

#include "compiler/onnx/Diagnostics.h"
#include "dialects/hone/HoneOps.h"

#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

constexpr int kMaxRounds = 4;
/// Key tags of the symbols an op introduces.
enum SymbolTag { kDataTag = 1, kAfterRunTag = 2, kOpaqueTag = 3, kInputTag = 4 };

/// The ONNX node name of `op` (its op type when unnamed).
std::string nodeName(Operation *op) {
  std::string described = describeNode(op->getLoc());
  size_t open = described.find('\'');
  size_t close = open == std::string::npos ? open : described.find('\'', open + 1);
  if (close != std::string::npos && close > open + 1)
    return described.substr(open + 1, close - open - 1);
  return op->getName().getStringRef().str();
}

/// The terms of a canonical integer sum: (term, coefficient) pairs and the
/// constant.
void decompose(const DimExpr &e, SmallVectorImpl<std::pair<DimExpr, int64_t>> &terms,
               int64_t &constant) {
  if (std::optional<int64_t> c = e.getConstant()) {
    constant += *c;
    return;
  }
  if (e.getKind() == DimExpr::Kind::Add && !e.isFloat()) {
    decompose(e.getOperands()[0], terms, constant);
    decompose(e.getOperands()[1], terms, constant);
    return;
  }
  if (e.getKind() == DimExpr::Kind::Mul && !e.isFloat())
    if (std::optional<int64_t> c = e.getOperands()[1].getConstant()) {
      terms.push_back({e.getOperands()[0], *c});
      return;
    }
  terms.push_back({e, 1});
}

} // namespace

SymbolicShapes::SymbolicShapes(func::FuncOp func) : func(func) {
  if (!func.getBody().hasOneBlock())
    return;
  for (int round = 0; round < kMaxRounds; ++round) {
    size_t before = replacements.size();
    propagate(func.getBody().front());
    if (replacements.size() == before)
      break;
  }
}

const TensorDims &SymbolicShapes::get(Value value) const {
  auto it = tensors.find(value);
  return it == tensors.end() ? unknown : it->second;
}

unsigned SymbolicShapes::symbolFor(std::tuple<Operation *, int, int64_t, int64_t> key,
                                   DimSymbol symbol) {
  auto it = symbolKeys.find(key);
  if (it != symbolKeys.end())
    return it->second;
  unsigned id = static_cast<unsigned>(symbols.size());
  // Input dims with the same name are one symbol.
  if (symbol.origin == DimSymbol::InputDim) {
    auto named = symbolsByName.find(symbol.name);
    if (named != symbolsByName.end()) {
      symbolKeys[key] = named->second;
      return named->second;
    }
    symbolsByName[symbol.name] = id;
  }
  symbols.push_back(std::move(symbol));
  symbolKeys[key] = id;
  return id;
}

DimExpr SymbolicShapes::substituted(const DimExpr &e) const {
  if (replacements.empty() || !e.isValid())
    return e;
  return e.substitute([&](const DimExpr &leaf) -> DimExpr {
    if (leaf.getKind() != DimExpr::Kind::Symbol)
      return DimExpr();
    auto it = replacements.find(leaf.getIndex());
    return it == replacements.end() ? DimExpr() : it->second;
  });
}

DimExpr SymbolicShapes::globalize(const DimExpr &e, Operation *op, unsigned result, int64_t dim) {
  if (!e.isValid())
    return e;
  std::string node = nodeName(op);
  return e.substitute([&](const DimExpr &leaf) -> DimExpr {
    switch (leaf.getKind()) {
    case DimExpr::Kind::OperandValue: {
      DimSymbol symbol{node + ".in" + std::to_string(leaf.getIndex()) + "[" +
                           std::to_string(leaf.getPosition()) + "]",
                       DimSymbol::Data, op, leaf.getIndex(), leaf.getPosition(), DimExpr()};
      return DimExpr::symbol(symbolFor({op, kDataTag, leaf.getIndex(), leaf.getPosition()}, symbol),
                             /*nonNegative=*/false);
    }
    case DimExpr::Kind::ResultDim: {
      DimExpr bound = leaf.getOperands().empty() ? DimExpr()
                                                 : globalize(leaf.getOperands()[0], op, result, dim);
      DimSymbol symbol{node + ".out" + std::to_string(leaf.getIndex()) + ".dim" +
                           std::to_string(leaf.getPosition()),
                       DimSymbol::AfterRun, op, leaf.getIndex(), leaf.getPosition(), bound};
      return DimExpr::symbol(symbolFor({op, kAfterRunTag, leaf.getIndex(), leaf.getPosition()}, symbol));
    }
    case DimExpr::Kind::Unknown: {
      DimSymbol symbol{node + ".out" + std::to_string(result) + ".dim" + std::to_string(dim),
                       DimSymbol::Opaque, op, result, dim, DimExpr()};
      return DimExpr::symbol(symbolFor({op, kOpaqueTag, result, dim}, symbol));
    }
    case DimExpr::Kind::OperandDim: {
      const TensorDims &t = get(op->getOperand(leaf.getIndex()));
      return leaf.getPosition() < static_cast<int64_t>(t.dims.size()) ? t.dims[leaf.getPosition()]
                                                                       : DimExpr();
    }
    default:
      return DimExpr();
    }
  });
}

bool SymbolicShapes::knownAtStart(const DimExpr &e) const {
  bool known = e.isValid() && !e.hasUnknown();
  substituted(e).walkLeaves([&](const DimExpr &leaf) {
    known &= leaf.getKind() == DimExpr::Kind::Symbol &&
             symbols[leaf.getIndex()].origin == DimSymbol::InputDim;
  });
  return known;
}

std::string SymbolicShapes::print(const DimExpr &e) const {
  return substituted(e).str([&](unsigned id) {
    return id < symbols.size() ? symbols[id].name : "s" + std::to_string(id);
  });
}

std::optional<int64_t> SymbolicShapes::representative(const DimExpr &e, int64_t unknownDim) const {
  return e.evaluate([&](const DimExpr &leaf) -> std::optional<double> {
    if (leaf.getKind() != DimExpr::Kind::Symbol)
      return std::nullopt;
    const DimSymbol &symbol = symbols[leaf.getIndex()];
    if (symbol.upperBound.isValid())
      if (std::optional<int64_t> bound = symbol.upperBound.getConstant())
        return static_cast<double>(*bound);
    return static_cast<double>(unknownDim);
  });
}

DimExpr SymbolicShapes::bytes(Value value) const {
  const TensorDims &t = get(value);
  auto type = dyn_cast<ShapedType>(value.getType());
  if (!t.ranked || !type || !type.getElementType().isIntOrFloat())
    return DimExpr();
  Type element = type.getElementType();
  int64_t width = element.isInteger(1) ? 1 : std::max<int64_t>(1, element.getIntOrFloatBitWidth() / 8);
  return substituted(product(t.dims)) * width;
}

bool SymbolicShapes::unify(const DimExpr &condition) {
  if (condition.getKind() != DimExpr::Kind::Eq)
    return false;
  DimExpr difference = condition.getOperands()[0] - condition.getOperands()[1];
  SmallVector<std::pair<DimExpr, int64_t>> terms;
  int64_t constant = 0;
  decompose(difference, terms, constant);
  auto inputSymbol = [&](const DimExpr &e) {
    return e.getKind() == DimExpr::Kind::Symbol && !replacements.count(e.getIndex()) &&
           symbols[e.getIndex()].origin == DimSymbol::InputDim;
  };
  // c * s + k == 0: s is -k / c.
  if (terms.size() == 1 && inputSymbol(terms[0].first) && constant % terms[0].second == 0 &&
      -constant / terms[0].second >= 0) {
    DimExpr value(-constant / terms[0].second);
    replacements[terms[0].first.getIndex()] = value;
    assumptions.push_back({terms[0].first.getIndex(), value});
    return true;
  }
  // c * s - c * t == 0: one symbol (the later) is the other.
  if (terms.size() == 2 && constant == 0 && terms[0].second == -terms[1].second &&
      inputSymbol(terms[0].first) && inputSymbol(terms[1].first)) {
    unsigned a = terms[0].first.getIndex(), b = terms[1].first.getIndex();
    unsigned keep = std::min(a, b), drop = std::max(a, b);
    replacements[drop] = DimExpr::symbol(keep);
    assumptions.push_back({drop, DimExpr::symbol(keep)});
    return true;
  }
  return false;
}

void SymbolicShapes::propagate(Block &body) {
  for (BlockArgument arg : func.getArguments()) {
    TensorDims t;
    if (auto type = dyn_cast<RankedTensorType>(arg.getType())) {
      t.ranked = true;
      auto params = func.getArgAttrOfType<ArrayAttr>(arg.getArgNumber(), "hone.dim_params");
      auto nameAttr = func.getArgAttrOfType<StringAttr>(arg.getArgNumber(), "hone.name");
      std::string argName = nameAttr ? nameAttr.str() : "input" + std::to_string(arg.getArgNumber());
      for (int64_t d = 0; d < type.getRank(); ++d) {
        if (!type.isDynamicDim(d)) {
          t.dims.push_back(type.getDimSize(d));
          continue;
        }
        std::string name = argName + ".dim" + std::to_string(d);
        if (params && d < static_cast<int64_t>(params.size()))
          if (auto param = dyn_cast<StringAttr>(params[d]); param && !param.getValue().empty())
            name = param.str();
        DimSymbol symbol{name, DimSymbol::InputDim, nullptr, arg.getArgNumber(), d, DimExpr()};
        unsigned id = symbolFor({nullptr, kInputTag, arg.getArgNumber(), d}, symbol);
        if (llvm::none_of(inputBindings, [&](const InputBinding &b) {
              return b.argument == arg.getArgNumber() && b.dim == d;
            }))
          inputBindings.push_back({arg.getArgNumber(), d, id});
        t.dims.push_back(substituted(DimExpr::symbol(id)));
      }
    }
    tensors[arg] = std::move(t);
  }
  for (Operation &op : body)
    visit(op);
}

DimExpr SymbolicShapes::joined(const DimExpr &a, const DimExpr &b, Operation *op, unsigned result,
                               int64_t dim) {
  if (a == b)
    return a;
  DimSymbol symbol{nodeName(op) + ".out" + std::to_string(result) + ".dim" + std::to_string(dim),
                   DimSymbol::AfterRun, op, result, dim,
                   a.isValid() && b.isValid() ? max(a, b) : DimExpr()};
  return DimExpr::symbol(symbolFor({op, kAfterRunTag, result, dim}, symbol));
}

void SymbolicShapes::visitIf(IfOp op) {
  SmallVector<Operation *> yields;
  for (Region &region : op->getRegions()) {
    if (region.empty())
      return;
    for (Operation &inner : region.front())
      visit(inner);
    yields.push_back(region.front().getTerminator());
  }
  for (OpResult result : op->getResults()) {
    TensorDims t;
    auto type = dyn_cast<RankedTensorType>(result.getType());
    unsigned r = result.getResultNumber();
    if (type && yields.size() == 2 && r < yields[0]->getNumOperands() &&
        r < yields[1]->getNumOperands()) {
      const TensorDims &a = get(yields[0]->getOperand(r)), &b = get(yields[1]->getOperand(r));
      t.ranked = true;
      for (int64_t d = 0; d < type.getRank(); ++d) {
        DimExpr da = a.ranked && d < static_cast<int64_t>(a.dims.size()) ? a.dims[d] : DimExpr();
        DimExpr db = b.ranked && d < static_cast<int64_t>(b.dims.size()) ? b.dims[d] : DimExpr();
        t.dims.push_back(type.isDynamicDim(d) ? joined(da, db, op, r, d) : DimExpr(type.getDimSize(d)));
      }
    }
    tensors[result] = std::move(t);
  }
}

void SymbolicShapes::visitLoop(LoopOp op) {
  Region &region = op->getRegion(0);
  if (region.empty())
    return;
  Block &body = region.front();
  // Body arguments: the iteration number, the condition, then the carried
  // values, which start as the op's operands 2...
  for (BlockArgument arg : body.getArguments()) {
    TensorDims t;
    if (auto type = dyn_cast<RankedTensorType>(arg.getType())) {
      t.ranked = true;
      unsigned carried = arg.getArgNumber() >= 2 ? arg.getArgNumber() : 0;
      const TensorDims *initial = carried && carried < op->getNumOperands()
                                      ? &get(op->getOperand(carried))
                                      : nullptr;
      for (int64_t d = 0; d < type.getRank(); ++d)
        t.dims.push_back(!type.isDynamicDim(d) ? DimExpr(type.getDimSize(d))
                         : initial && initial->ranked && d < static_cast<int64_t>(initial->dims.size())
                             ? initial->dims[d]
                             : globalize(DimExpr::unknown(), op, arg.getArgNumber() + 1000, d));
    }
    tensors[arg] = std::move(t);
  }
  for (Operation &inner : body)
    visit(inner);
  Operation *yield = body.getTerminator();
  unsigned numCarried = op->getNumOperands() - 2;
  // The trip count, when the loop has one: the bound of a scan's length.
  DimExpr trips;
  if (!isa<NoneType>(op->getOperand(0).getType()))
    if (const std::optional<SmallVector<DimExpr>> &values = get(op->getOperand(0)).values;
        values && values->size() == 1)
      trips = substituted((*values)[0]);
  for (OpResult result : op->getResults()) {
    TensorDims t;
    auto type = dyn_cast<RankedTensorType>(result.getType());
    unsigned r = result.getResultNumber();
    if (!type || r + 1 >= yield->getNumOperands()) {
      tensors[result] = std::move(t);
      continue;
    }
    const TensorDims &yielded = get(yield->getOperand(r + 1));
    t.ranked = true;
    if (r < numCarried) {
      // A carried value keeps the dims the body yields when they are its
      // initial dims; dims that change are known after the loop.
      const TensorDims &initial = get(op->getOperand(r + 2));
      for (int64_t d = 0; d < type.getRank(); ++d) {
        DimExpr a = initial.ranked && d < static_cast<int64_t>(initial.dims.size()) ? initial.dims[d] : DimExpr();
        DimExpr b = yielded.ranked && d < static_cast<int64_t>(yielded.dims.size()) ? yielded.dims[d] : DimExpr();
        t.dims.push_back(type.isDynamicDim(d) ? joined(a, b, op, r, d) : DimExpr(type.getDimSize(d)));
      }
    } else {
      // A scan output stacks one yielded value per iteration.
      for (int64_t d = 0; d < type.getRank(); ++d) {
        if (!type.isDynamicDim(d)) {
          t.dims.push_back(type.getDimSize(d));
        } else if (d == 0) {
          DimSymbol symbol{nodeName(op) + ".out" + std::to_string(r) + ".dim0", DimSymbol::AfterRun,
                           op, r, 0, trips};
          t.dims.push_back(DimExpr::symbol(symbolFor({op, kAfterRunTag, r, 0}, symbol)));
        } else {
          t.dims.push_back(yielded.ranked && d - 1 < static_cast<int64_t>(yielded.dims.size())
                               ? yielded.dims[d - 1]
                               : globalize(DimExpr::unknown(), op, r, d));
        }
      }
    }
    tensors[result] = std::move(t);
  }
}

void SymbolicShapes::visitFused(FusedOp op) {
  // A fusion group computes what its body does: the body's arguments are
  // the inputs, its results what it yields.
  Block &body = op.getBody().front();
  // Copies first: get() refers into `tensors`, which inserting may move.
  for (auto [arg, input] : llvm::zip(body.getArguments(), op.getInputs())) {
    TensorDims dims = get(input);
    tensors[arg] = std::move(dims);
  }
  for (Operation &inner : body)
    visit(inner);
  for (auto [result, yielded] : llvm::zip(op->getResults(), body.getTerminator()->getOperands())) {
    TensorDims dims = get(yielded);
    tensors[result] = std::move(dims);
  }
}

void SymbolicShapes::visit(Operation &op) {
  if (isa<NoneOp>(op) || op.hasTrait<OpTrait::IsTerminator>())
    return;
  if (auto fused = dyn_cast<FusedOp>(op))
    return visitFused(fused);
  if (auto ifOp = dyn_cast<IfOp>(op))
    return visitIf(ifOp);
  if (auto loop = dyn_cast<LoopOp>(op))
    return visitLoop(loop);
  if (auto constant = dyn_cast<ConstantOp>(op)) {
    TensorDims t;
    auto type = dyn_cast<RankedTensorType>(constant.getType());
    if (type && type.hasStaticShape()) {
      t.ranked = true;
      for (int64_t d : type.getShape())
        t.dims.push_back(d);
      auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
      if (dense && dense.getElementType().isIntOrIndex() &&
          type.getNumElements() <= kMaxValueElements) {
        SmallVector<DimExpr> values;
        if (dense.getElementType().isInteger(1))
          for (bool b : dense.getValues<bool>())
            values.push_back(b ? 1 : 0);
        else
          for (const APInt &v : dense.getValues<APInt>())
            values.push_back(dense.getElementType().isUnsignedInteger()
                                 ? static_cast<int64_t>(v.getZExtValue())
                                 : v.getSExtValue());
        t.values = std::move(values);
      }
    }
    tensors[constant.getResult()] = std::move(t);
    return;
  }
  SmallVector<OperandView> views;
  for (Value operand : op.getOperands()) {
    OperandView view;
    const TensorDims &t = get(operand);
    view.ranked = t.ranked;
    for (const DimExpr &d : t.dims)
      view.dims.push_back(substituted(d));
    if (t.values) {
      view.values.emplace();
      for (const DimExpr &v : *t.values)
        view.values->push_back(substituted(v));
    }
    views.push_back(std::move(view));
  }
  // An ill-formed op is the verifier's to report; here it is only unknown.
  ScopedDiagnosticHandler quiet(op.getContext(), [](Diagnostic &) { return success(); });
  ShapeContext context(&op, views);
  bool inferred = succeeded(context.infer());
  if (inferred)
    (void)context.inferValues();
  for (OpResult result : op.getResults()) {
    TensorDims t;
    auto type = dyn_cast<RankedTensorType>(result.getType());
    unsigned r = result.getResultNumber();
    const ShapeResult &shape = context.getResult(r);
    if (type) {
      t.ranked = true;
      bool fromFunction = inferred && shape.ranked &&
                          static_cast<int64_t>(shape.dims.size()) == type.getRank();
      for (int64_t d = 0; d < type.getRank(); ++d) {
        // A static dim of the type is a fact (checked at run time where the
        // shape function cannot confirm it before the run).
        if (!type.isDynamicDim(d))
          t.dims.push_back(type.getDimSize(d));
        else if (fromFunction)
          t.dims.push_back(substituted(globalize(shape.dims[d], &op, r, d)));
        else
          t.dims.push_back(globalize(DimExpr::unknown(), &op, r, d));
      }
    }
    if (inferred)
      if (const std::optional<SmallVector<DimExpr>> &values = context.getResultValues(r)) {
        t.values.emplace();
        for (const DimExpr &v : *values)
          t.values->push_back(substituted(globalize(v, &op, r, -1)));
      }
    tensors[result] = std::move(t);
  }
  if (inferred)
    for (const ShapeCheck &check : context.getChecks())
      unify(substituted(globalize(check.condition, &op, 0, -1)));
}
