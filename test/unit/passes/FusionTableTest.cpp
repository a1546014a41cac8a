//===- FusionTableTest.cpp - The fusion table as data ---------------------===//
#include "passes/fusion/FusionTable.h"

#include <catch2/catch.hpp>

using namespace mlir;
using namespace mlir::hone;

namespace {
using M = MappingType;
constexpr FusionDecision F = FusionDecision::Fuse, P = FusionDecision::Profile, N = FusionDecision::Never;
const M kTypes[] = {M::OneToOne, M::OneToMany, M::ManyToMany, M::Reorganize, M::Shuffle};
} // namespace

TEST_CASE("DNNFusion's table: One-to-One fuses with anything and takes the other's type",
          "[fusion]") {
  FusionTable table = FusionTable::dnnFusion();
  for (M other : kTypes) {
    CHECK(table.rule(M::OneToOne, other) == FusionRule{other, F});
    // Followed by One-to-One, every type keeps its own.
    CHECK(table.rule(other, M::OneToOne) == FusionRule{other, F});
  }
}

TEST_CASE("DNNFusion's table: the red, yellow and derived cells", "[fusion]") {
  FusionTable table = FusionTable::dnnFusion();
  // Red: One-to-Many or Many-to-Many before Many-to-Many.
  CHECK(table.rule(M::OneToMany, M::ManyToMany).decision == N);
  CHECK(table.rule(M::ManyToMany, M::ManyToMany).decision == N);
  // Yellow: a reordering or a broadcast next to a One-to-Many/Many-to-Many.
  CHECK(table.rule(M::ManyToMany, M::OneToMany) == FusionRule{M::ManyToMany, P});
  CHECK(table.rule(M::ManyToMany, M::Shuffle) == FusionRule{M::ManyToMany, P});
  CHECK(table.rule(M::ManyToMany, M::Reorganize) == FusionRule{M::ManyToMany, P});
  CHECK(table.rule(M::Reorganize, M::ManyToMany) == FusionRule{M::ManyToMany, P});
  CHECK(table.rule(M::Shuffle, M::OneToMany) == FusionRule{M::OneToMany, P});
  CHECK(table.rule(M::OneToMany, M::OneToMany) == FusionRule{M::OneToMany, P});
  // Green: reorderings with each other.
  CHECK(table.rule(M::Shuffle, M::Reorganize) == FusionRule{M::Reorganize, F});
  CHECK(table.rule(M::Reorganize, M::Shuffle) == FusionRule{M::Reorganize, F});
  CHECK(table.rule(M::Shuffle, M::Shuffle) == FusionRule{M::Shuffle, F});
  // Exactly two red cells, as the paper's 23 code generation rules imply.
  int red = 0;
  for (M a : kTypes)
    for (M b : kTypes)
      red += table.rule(a, b).decision == N;
  CHECK(red == 2);
}

TEST_CASE("The table prints in the override format and reads back", "[fusion]") {
  FusionTable table = FusionTable::dnnFusion();
  std::string text = table.str();
  CHECK(text.find("many_to_many many_to_many many_to_many never\n") != std::string::npos);
  FusionTable copy = FusionTable::dnnFusion();
  copy.set(M::ManyToMany, M::ManyToMany, {M::ManyToMany, F});
  std::string error;
  REQUIRE(succeeded(copy.applyOverrides(text, error)));
  for (M a : kTypes)
    for (M b : kTypes)
      CHECK(copy.rule(a, b) == table.rule(a, b));
}

TEST_CASE("Overrides change the cells they name; bad lines change nothing", "[fusion]") {
  FusionTable table = FusionTable::dnnFusion();
  std::string error;
  REQUIRE(succeeded(table.applyOverrides("# a target's table\n\n"
                                         "one_to_one many_to_many many_to_many never  # no prologues\n"
                                         "shuffle one_to_many one_to_many fuse\n",
                                         error)));
  CHECK(table.rule(M::OneToOne, M::ManyToMany) == FusionRule{M::ManyToMany, N});
  CHECK(table.rule(M::Shuffle, M::OneToMany) == FusionRule{M::OneToMany, F});
  CHECK(table.rule(M::OneToOne, M::Shuffle) == FusionRule{M::Shuffle, F});

  FusionTable before = table;
  CHECK(failed(table.applyOverrides("one_to_one one_to_one one_to_one never\n"
                                    "one_to_one sideways one_to_one fuse\n",
                                    error)));
  CHECK(error.find("line 2: unknown mapping type") != std::string::npos);
  CHECK(table.rule(M::OneToOne, M::OneToOne) == before.rule(M::OneToOne, M::OneToOne));
  CHECK(failed(table.applyOverrides("one_to_one one_to_one fuse\n", error)));
  CHECK(error.find("line 1: has 3 fields") != std::string::npos);
  CHECK(failed(table.applyOverrides("one_to_one one_to_one one_to_one perhaps\n", error)));
  CHECK(error.find("unknown decision 'perhaps'") != std::string::npos);
}
