//===- LayoutTable.cpp - SmartMem's producer-consumer table ---------------===//
#include "passes/layout/LayoutTable.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

constexpr LayoutClass DV = LayoutClass::DependentVariable, IV = LayoutClass::IndependentVariable;

/// Rows: the producer's class, columns: the consumer's, both in the enum's
/// order (ILD & Var, ILI & Var, ILD & Fixed, ILI & Fixed). Table 5 for the
/// action, Table 6 for the result and the search.
const EdgeRule kTable[4][4] = {
    // ILD & Var producer.
    {{EdgeAction::KeepBoth, DV, LayoutSearch::Both},
     {EdgeAction::TryFuse, DV, LayoutSearch::Fused},
     {EdgeAction::EliminateSecond, DV, LayoutSearch::First},
     {EdgeAction::EliminateSecond, DV, LayoutSearch::First}},
    // ILI & Var producer.
    {{EdgeAction::TryFuse, DV, LayoutSearch::Fused},
     {EdgeAction::TryFuse, IV, LayoutSearch::None},
     {EdgeAction::EliminateSecond, IV, LayoutSearch::None},
     {EdgeAction::EliminateSecond, IV, LayoutSearch::None}},
    // ILD & Fixed producer.
    {{EdgeAction::EliminateFirst, DV, LayoutSearch::Second},
     {EdgeAction::EliminateFirst, IV, LayoutSearch::None},
     {EdgeAction::EliminateBoth, std::nullopt, LayoutSearch::None},
     {EdgeAction::EliminateBoth, std::nullopt, LayoutSearch::None}},
    // ILI & Fixed producer.
    {{EdgeAction::EliminateFirst, DV, LayoutSearch::Second},
     {EdgeAction::EliminateFirst, IV, LayoutSearch::None},
     {EdgeAction::EliminateBoth, std::nullopt, LayoutSearch::None},
     {EdgeAction::EliminateBoth, std::nullopt, LayoutSearch::None}},
};

} // namespace

EdgeRule mlir::hone::edgeRule(LayoutClass producer, LayoutClass consumer) {
  return kTable[static_cast<int>(producer)][static_cast<int>(consumer)];
}

StringRef mlir::hone::stringifyEdgeAction(EdgeAction action) {
  switch (action) {
  case EdgeAction::KeepBoth:
    return "keep_both";
  case EdgeAction::TryFuse:
    return "try_fuse";
  case EdgeAction::EliminateFirst:
    return "eliminate_first";
  case EdgeAction::EliminateSecond:
    return "eliminate_second";
  case EdgeAction::EliminateBoth:
    return "eliminate_both";
  }
  return "";
}

StringRef mlir::hone::stringifyLayoutSearch(LayoutSearch search) {
  switch (search) {
  case LayoutSearch::None:
    return "no_search";
  case LayoutSearch::First:
    return "search_first";
  case LayoutSearch::Second:
    return "search_second";
  case LayoutSearch::Fused:
    return "search_fused";
  case LayoutSearch::Both:
    return "search_both";
  }
  return "";
}
