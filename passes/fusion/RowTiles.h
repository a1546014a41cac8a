//===- RowTiles.h - Row-wise producers computed in a matmul's tiles -*- C++ -*-===//
//
// hone's extension of DNNFusion's plan for attention: a MatMul whose left
// operand is a Softmax (or LogSoftmax) along its last axis, read by nothing
// else, takes the softmax's group where the table's (Many-to-Many,
// Many-to-Many) cell allows. Each row of the left operand is one softmax
// row, so code generation computes the softmax rows that a task of the
// product (a row of its tiles) reads inside that task
// (FusionGroup::rowTiles), and the probabilities are never stored whole:
// attention's largest intermediate after its scores (bert_mini at 384
// tokens: 2.4 MB of its 5.5 MB arena). The cost model's concern is
// parallelism: the product's tasks become its rows of tiles, and a product
// with too few of them keeps its softmax apart.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_FUSION_ROWTILES_H
#define HONE_PASSES_FUSION_ROWTILES_H

#include "passes/fusion/FusionPlanner.h"
#include "passes/fusion/GroupGraph.h"

#include <vector>

namespace mlir::hone {

/// Merges each softmax group into the group of the MatMul reading it (see
/// above) and drops the emptied groups.
void mergeRowTileProducers(std::vector<FusionGroup> &groups, const GroupGraph &graph, const FusionTable &table,
                           const FusionOptions &options);

} // namespace mlir::hone

#endif // HONE_PASSES_FUSION_ROWTILES_H
