//===- FusionTable.cpp - Which mapping types fuse, as data ----------------===//
#include "passes/fusion/FusionTable.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::hone;

llvm::StringRef mlir::hone::stringifyFusionDecision(FusionDecision decision) {
  switch (decision) {
  case FusionDecision::Fuse: return "fuse";
  case FusionDecision::Profile: return "profile";
  case FusionDecision::Never: return "never";
  }
  return "never";
}

std::optional<FusionDecision> mlir::hone::symbolizeFusionDecision(llvm::StringRef text) {
  if (text == "fuse")
    return FusionDecision::Fuse;
  if (text == "profile")
    return FusionDecision::Profile;
  if (text == "never")
    return FusionDecision::Never;
  return std::nullopt;
}

FusionTable FusionTable::dnnFusion() {
  using M = MappingType;
  const FusionDecision F = FusionDecision::Fuse, P = FusionDecision::Profile, N = FusionDecision::Never;
  FusionTable table;
  // One-to-One fuses with anything, in either order, and takes the other's
  // type. One-to-Many or Many-to-Many followed by Many-to-Many is red: the
  // second would recompute the first per element it reads (Expand then
  // Conv, Conv then Conv). The rest is legal with a cost to weigh: a
  // broadcast or a reordering can break the other's contiguous access.
  // The colour of One-to-Many -> One-to-Many is not legible in the paper:
  // profile, to be safe.
  const FusionRule rows[kMappingTypeCount][kMappingTypeCount] = {
      /* One-to-One */ {{M::OneToOne, F}, {M::OneToMany, F}, {M::ManyToMany, F}, {M::Reorganize, F}, {M::Shuffle, F}},
      /* One-to-Many */ {{M::OneToMany, F}, {M::OneToMany, P}, {M::ManyToMany, N}, {M::OneToMany, P}, {M::OneToMany, P}},
      /* Many-to-Many */ {{M::ManyToMany, F}, {M::ManyToMany, P}, {M::ManyToMany, N}, {M::ManyToMany, P}, {M::ManyToMany, P}},
      /* Reorganize */ {{M::Reorganize, F}, {M::OneToMany, P}, {M::ManyToMany, P}, {M::Reorganize, F}, {M::Reorganize, F}},
      /* Shuffle */ {{M::Shuffle, F}, {M::OneToMany, P}, {M::ManyToMany, P}, {M::Reorganize, F}, {M::Shuffle, F}},
  };
  for (size_t i = 0; i < kMappingTypeCount; ++i)
    for (size_t j = 0; j < kMappingTypeCount; ++j)
      table.rules[i][j] = rows[i][j];
  return table;
}

std::optional<llvm::StringRef> FusionTable::targetOverrides(llvm::StringRef target) {
  if (target.empty())
    return llvm::StringRef();
  // The CPU code generator (targets/cpu/HalideFusedKernel.cpp) runs ops
  // fused after a contraction inside its register tiles, but an op fused
  // before a Many-to-Many one would be recomputed for every tap that reads
  // it, or computed whole inside the kernel, which saves no bytes: fused as
  // the epilogue of the op before it, it does.
  // Reshape-class ops (Reorganize) cost nothing unfused: the run function
  // makes their result a view of their operand. Fused, a kernel's loops
  // would run over one side's dims and index the other with divisions.
  // Many-to-Many ops chain where the second is a window op (a convolution
  // or pool) that code generation computes by row strips: the planner's
  // cost model weighs the bytes saved against the strips' halo.
  if (target == "cpu")
    return llvm::StringRef("many_to_many many_to_many many_to_many profile\n"
                           "one_to_one many_to_many many_to_many never\n"
                           "shuffle many_to_many many_to_many never\n"
                           "reorganize one_to_one reorganize never\n"
                           "reorganize one_to_many one_to_many never\n"
                           "reorganize many_to_many many_to_many never\n"
                           "reorganize reorganize reorganize never\n"
                           "reorganize shuffle reorganize never\n"
                           "one_to_one reorganize reorganize never\n"
                           "one_to_many reorganize one_to_many never\n"
                           "many_to_many reorganize many_to_many never\n"
                           "shuffle reorganize reorganize never\n");
  return std::nullopt;
}

FailureOr<FusionTable> FusionTable::forTarget(llvm::StringRef target) {
  std::optional<llvm::StringRef> overrides = targetOverrides(target);
  if (!overrides)
    return failure();
  FusionTable table = dnnFusion();
  std::string error;
  if (failed(table.applyOverrides(*overrides, error)))
    return failure();
  return table;
}

void FusionTable::keepLayoutTransformsApart() {
  for (size_t i = 0; i < kMappingTypeCount; ++i)
    for (size_t j = 0; j < kMappingTypeCount; ++j) {
      auto first = static_cast<MappingType>(i), second = static_cast<MappingType>(j);
      auto isLayout = [](MappingType type) { return type == MappingType::Reorganize || type == MappingType::Shuffle; };
      if (isLayout(first) || isLayout(second))
        rules[i][j].decision = FusionDecision::Never;
    }
}

LogicalResult FusionTable::applyOverrides(llvm::StringRef text, std::string &error) {
  FusionTable updated = *this;
  llvm::SmallVector<llvm::StringRef> lines;
  text.split(lines, '\n');
  for (size_t n = 0; n < lines.size(); ++n) {
    llvm::StringRef line = lines[n].split('#').first.trim();
    if (line.empty())
      continue;
    llvm::SmallVector<llvm::StringRef> fields;
    line.split(fields, ' ', -1, /*KeepEmpty=*/false);
    auto fail = [&](const std::string &why) {
      error = "line " + std::to_string(n + 1) + ": " + why + " (expected 'first second fused "
              "decision', e.g. 'many_to_many one_to_one many_to_many fuse')";
      return failure();
    };
    if (fields.size() != 4)
      return fail("has " + std::to_string(fields.size()) + " fields");
    std::optional<MappingType> first = symbolizeMappingType(fields[0]);
    std::optional<MappingType> second = symbolizeMappingType(fields[1]);
    std::optional<MappingType> fused = symbolizeMappingType(fields[2]);
    std::optional<FusionDecision> decision = symbolizeFusionDecision(fields[3]);
    if (!first || !second || !fused)
      return fail("unknown mapping type");
    if (!decision)
      return fail("unknown decision '" + fields[3].str() + "' (fuse, profile or never)");
    updated.set(*first, *second, {*fused, *decision});
  }
  *this = updated;
  return success();
}

std::string FusionTable::str() const {
  std::string text;
  for (size_t i = 0; i < kMappingTypeCount; ++i)
    for (size_t j = 0; j < kMappingTypeCount; ++j) {
      const FusionRule &r = rules[i][j];
      text += (stringifyMappingType(static_cast<MappingType>(i)) + " " +
               stringifyMappingType(static_cast<MappingType>(j)) + " " + stringifyMappingType(r.fused) +
               " " + stringifyFusionDecision(r.decision) + "\n")
                  .str();
    }
  return text;
}
