//===- FusionTable.h - Which mapping types fuse, as data --------*- C++ -*-===//
//
// DNNFusion's (PLDI'21) Table 3: for a first op (row) followed by a second
// (column), by mapping type, the mapping type of the fused pair and whether
// to fuse: always (green), after asking the cost model (yellow, "profile"),
// or never (red). The planner reads it; a target overrides cells with the
// same text format it prints (one rule per line:
// `first second fused decision`, `#` starts a comment), e.g. a target whose
// code generator cannot yet fuse a cell marks it `never`.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_FUSION_FUSIONTABLE_H
#define HONE_PASSES_FUSION_FUSIONTABLE_H

#include "dialects/hone/ops/MappingTypes.h"

#include "mlir/Support/LogicalResult.h"

#include <array>
#include <string>

namespace mlir::hone {

enum class FusionDecision { Fuse, Profile, Never };

llvm::StringRef stringifyFusionDecision(FusionDecision decision);
std::optional<FusionDecision> symbolizeFusionDecision(llvm::StringRef text);

struct FusionRule {
  MappingType fused = MappingType::ManyToMany;
  FusionDecision decision = FusionDecision::Never;
  bool operator==(const FusionRule &other) const {
    return fused == other.fused && decision == other.decision;
  }
};

constexpr size_t kMappingTypeCount = 5;

class FusionTable {
public:
  /// DNNFusion's Table 3 (research/seeds-digest.md §3.2).
  static FusionTable dnnFusion();
  /// DNNFusion's table with a target's overrides (targetOverrides); an
  /// unknown target fails.
  static FailureOr<FusionTable> forTarget(llvm::StringRef target);
  /// The override text of a built-in target ("cpu"), empty for "" (none).
  static std::optional<llvm::StringRef> targetOverrides(llvm::StringRef target);

  const FusionRule &rule(MappingType first, MappingType second) const {
    return rules[index(first)][index(second)];
  }
  void set(MappingType first, MappingType second, FusionRule rule) {
    rules[index(first)][index(second)] = rule;
  }
  /// Marks every cell with a Reorganize or Shuffle op on either side
  /// `never`: layout transformations stay their own kernels (or views), as
  /// with layout elimination off (the ablation of passes/layout/).
  void keepLayoutTransformsApart();
  /// Applies the rules of `text` over this table; on a malformed line
  /// fails with `error` naming it (the table is then unchanged).
  LogicalResult applyOverrides(llvm::StringRef text, std::string &error);
  /// All 25 rules in the override format, rows in mapping-type order.
  std::string str() const;

private:
  static size_t index(MappingType type) { return static_cast<size_t>(type); }
  std::array<std::array<FusionRule, kMappingTypeCount>, kMappingTypeCount> rules;
};

} // namespace mlir::hone

#endif // HONE_PASSES_FUSION_FUSIONTABLE_H
