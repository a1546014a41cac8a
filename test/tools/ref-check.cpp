//===- ref-check.cpp - Run ONNX node tests on the reference kernels -------===//
//
// Temporary scaffolding, used to test the reference kernels before the MLIR
// evaluator exists: `ref-check DIR...` loads each ONNX backend node test
// (DIR/model.onnx and DIR/test_data_set_N/{input,output}_K.pb), executes the
// graph's nodes in order with the registered kernels, and compares each
// output with the expected one (|got - want| <= atol + rtol * |want|, NaN
// equals NaN, shapes and element types must match exactly). It prints
// `PASS name` or `FAIL name: reason` per test, then `N passed, M failed`.
// Only the default ONNX domain is run; subgraphs (If, Loop) are not.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/Kernel.h"
#include "compiler/reference/OnnxIO.h"

#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>

using namespace hone::ref;

namespace {

constexpr double kRelTol = 1e-3;
constexpr double kAbsTol = 1e-7;

using Values = std::map<std::string, Tensor>;

bool fileExists(const std::string &path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0;
}

std::string baseName(std::string path) {
  while (path.size() > 1 && path.back() == '/')
    path.pop_back();
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// An ONNX attribute as the kernels see it; false for GRAPH(S) and other
/// kinds that the harness does not carry.
Status convertAttribute(const onnx::AttributeProto &proto, AttrValue &value) {
  switch (proto.type()) {
  case onnx::AttributeProto::INT:
    value = static_cast<int64_t>(proto.i());
    return Status::success();
  case onnx::AttributeProto::FLOAT:
    value = static_cast<double>(proto.f());
    return Status::success();
  case onnx::AttributeProto::STRING:
    value = proto.s();
    return Status::success();
  case onnx::AttributeProto::INTS:
    value = std::vector<int64_t>(proto.ints().begin(), proto.ints().end());
    return Status::success();
  case onnx::AttributeProto::FLOATS:
    value = std::vector<double>(proto.floats().begin(), proto.floats().end());
    return Status::success();
  case onnx::AttributeProto::STRINGS:
    value = std::vector<std::string>(proto.strings().begin(), proto.strings().end());
    return Status::success();
  case onnx::AttributeProto::TENSOR: {
    Tensor tensor;
    if (Status s = tensorFromProto(proto.t(), tensor); !s)
      return s;
    value = std::move(tensor);
    return Status::success();
  }
  default:
    return Status::failure("attribute '" + proto.name() + "' has an unsupported kind");
  }
}

/// The KernelContext of one node: its inputs from the value table, its
/// attributes, and the element types that shape inference gave its outputs.
class NodeContext : public KernelContext {
public:
  NodeContext(const onnx::NodeProto &node, std::vector<const Tensor *> inputs,
              std::vector<DType> outputTypes)
      : opType_(node.op_type()), inputs_(std::move(inputs)),
        outputTypes_(std::move(outputTypes)), outputs_(outputTypes_.size()),
        isSet_(outputTypes_.size(), false) {}

  Status addAttribute(const onnx::AttributeProto &proto) {
    AttrValue value;
    if (proto.type() == onnx::AttributeProto::GRAPH ||
        proto.type() == onnx::AttributeProto::GRAPHS)
      return Status::success(); // subgraphs: runSubgraph refuses them
    if (Status s = convertAttribute(proto, value); !s)
      return s;
    attrs_[proto.name()] = std::move(value);
    return Status::success();
  }

  const std::string &opType() const override { return opType_; }
  size_t numInputs() const override { return inputs_.size(); }
  const Tensor *input(size_t i) const override {
    return i < inputs_.size() ? inputs_[i] : nullptr;
  }
  size_t numOutputs() const override { return outputTypes_.size(); }
  DType outputDType(size_t i) const override {
    return i < outputTypes_.size() ? outputTypes_[i] : DType::Undefined;
  }
  void setOutput(size_t i, Tensor value) override {
    if (i >= outputs_.size()) {
      extraSets_ = true;
      return;
    }
    if (isSet_[i])
      extraSets_ = true;
    outputs_[i] = std::move(value);
    isSet_[i] = true;
  }
  const AttrValue *attr(const std::string &name) const override {
    auto it = attrs_.find(name);
    return it == attrs_.end() ? nullptr : &it->second;
  }
  Status runSubgraph(size_t, const std::vector<Tensor> &, std::vector<Tensor> &) override {
    return error("subgraphs are not supported by ref-check");
  }

  /// Moves the outputs out, after checking each was set exactly once.
  Status takeOutputs(std::vector<Tensor> &outputs) {
    if (extraSets_)
      return error("kernel set an output twice or past the end");
    for (size_t i = 0; i < isSet_.size(); ++i)
      if (!isSet_[i])
        return error("kernel did not set output " + std::to_string(i));
    outputs = std::move(outputs_);
    return Status::success();
  }

private:
  std::string opType_;
  std::vector<const Tensor *> inputs_;
  std::vector<DType> outputTypes_;
  std::vector<Tensor> outputs_;
  std::vector<bool> isSet_;
  bool extraSets_ = false;
  std::map<std::string, AttrValue> attrs_;
};

/// A Constant node's value, from whichever of its attributes is present.
Status evaluateConstant(const onnx::NodeProto &node, Tensor &out) {
  for (const auto &a : node.attribute()) {
    if (a.name() == "value")
      return tensorFromProto(a.t(), out);
    if (a.name() == "value_float") {
      out = Tensor::fromDoubles(DType::F32, {}, {a.f()});
      return Status::success();
    }
    if (a.name() == "value_floats") {
      std::vector<double> v(a.floats().begin(), a.floats().end());
      out = Tensor::fromDoubles(DType::F32, {static_cast<int64_t>(v.size())}, v);
      return Status::success();
    }
    if (a.name() == "value_int") {
      out = Tensor::fromInts(DType::I64, {}, {a.i()});
      return Status::success();
    }
    if (a.name() == "value_ints") {
      std::vector<int64_t> v(a.ints().begin(), a.ints().end());
      out = Tensor::fromInts(DType::I64, {static_cast<int64_t>(v.size())}, v);
      return Status::success();
    }
  }
  return Status::failure("Constant: no supported value attribute");
}

/// Element types of every value that shape inference (or the graph) types.
std::map<std::string, DType> collectTypes(const onnx::GraphProto &graph) {
  std::map<std::string, DType> types;
  auto add = [&](const onnx::ValueInfoProto &info) {
    if (info.type().has_tensor_type())
      types[info.name()] = dtypeFromOnnx(info.type().tensor_type().elem_type());
  };
  for (const auto &info : graph.value_info())
    add(info);
  for (const auto &info : graph.input())
    add(info);
  for (const auto &info : graph.output())
    add(info);
  for (const auto &init : graph.initializer())
    types[init.name()] = dtypeFromOnnx(init.data_type());
  return types;
}

Status runNode(const onnx::NodeProto &node, const std::map<std::string, DType> &types,
               Values &values) {
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return Status::failure("op " + node.op_type() + " of domain " + node.domain());
  std::vector<Tensor> outputs;
  if (node.op_type() == "Constant") {
    outputs.resize(1);
    if (Status s = evaluateConstant(node, outputs[0]); !s)
      return s;
  } else {
    const Kernel *kernel = lookupKernel(node.op_type());
    if (!kernel)
      return Status::failure("no kernel for " + node.op_type());
    std::vector<const Tensor *> inputs;
    for (const auto &name : node.input()) {
      if (name.empty()) {
        inputs.push_back(nullptr);
        continue;
      }
      auto it = values.find(name);
      if (it == values.end())
        return Status::failure(node.op_type() + ": input '" + name + "' has no value");
      inputs.push_back(&it->second);
    }
    std::vector<DType> outputTypes;
    for (const auto &name : node.output()) {
      auto it = types.find(name);
      outputTypes.push_back(it == types.end() ? DType::Undefined : it->second);
    }
    NodeContext ctx(node, std::move(inputs), std::move(outputTypes));
    for (const auto &a : node.attribute())
      if (Status s = ctx.addAttribute(a); !s)
        return s;
    if (Status s = (*kernel)(ctx); !s)
      return s;
    if (Status s = ctx.takeOutputs(outputs); !s)
      return s;
  }
  for (size_t i = 0; i < outputs.size() && i < static_cast<size_t>(node.output_size()); ++i)
    if (!node.output(i).empty())
      values[node.output(i)] = std::move(outputs[i]);
  return Status::success();
}

std::string elementText(const Tensor &t, int64_t i) {
  std::ostringstream s;
  if (isFloatDType(t.dtype()))
    s.precision(9), s << t.getDouble(i);
  else if (t.dtype() == DType::U64)
    s << t.getUInt(i);
  else
    s << t.getInt(i);
  return s.str();
}

/// Compares `got` with `want`; the message says where they first differ.
Status compare(const std::string &name, const Tensor &got, const Tensor &want) {
  if (got.dtype() != want.dtype())
    return Status::failure(name + ": got " + dtypeName(got.dtype()) + ", expected " +
                           dtypeName(want.dtype()));
  if (got.shape() != want.shape())
    return Status::failure(name + ": got shape " + shapeToString(got.shape()) + ", expected " +
                           shapeToString(want.shape()));
  if (static_cast<int64_t>(got.byteSize()) != got.numel() * int64_t(dtypeSize(got.dtype())))
    return Status::failure(name + ": output has no data");
  bool isFloat = isFloatDType(want.dtype());
  for (int64_t i = 0; i < want.numel(); ++i) {
    bool same;
    if (isFloat) {
      double g = got.getDouble(i), w = want.getDouble(i);
      same = (std::isnan(g) && std::isnan(w)) || g == w ||
             std::fabs(g - w) <= kAbsTol + kRelTol * std::fabs(w);
    } else {
      same = got.getUInt(i) == want.getUInt(i);
    }
    if (!same)
      return Status::failure(name + "[" + std::to_string(i) + "]: got " + elementText(got, i) +
                             ", expected " + elementText(want, i));
  }
  return Status::success();
}

/// ONNX 1.12 test data stores bfloat16 tensors as uint16 bit patterns; read
/// them as the type the graph declares.
Tensor asDeclaredType(Tensor t, const onnx::ValueInfoProto &info) {
  if (t.dtype() == DType::U16 && info.type().has_tensor_type() &&
      dtypeFromOnnx(info.type().tensor_type().elem_type()) == DType::BF16)
    return t.bitcast(DType::BF16);
  return t;
}

/// Runs the graph on one test_data_set directory and compares outputs.
Status runDataSet(const onnx::GraphProto &graph, const std::map<std::string, DType> &types,
                  const std::string &dataDir) {
  Values values;
  for (const auto &init : graph.initializer()) {
    Tensor t;
    if (Status s = tensorFromProto(init, t); !s)
      return s;
    values[init.name()] = std::move(t);
  }
  for (int k = 0;; ++k) {
    std::string path = dataDir + "/input_" + std::to_string(k) + ".pb";
    if (!fileExists(path))
      break;
    Tensor t;
    if (Status s = readTensorProtoFile(path, t); !s)
      return Status::failure(path + ": " + s.message);
    if (k >= graph.input_size())
      return Status::failure(path + ": more input files than graph inputs");
    values[graph.input(k).name()] = asDeclaredType(std::move(t), graph.input(k));
  }
  for (const auto &node : graph.node())
    if (Status s = runNode(node, types, values); !s)
      return s;
  for (int k = 0; k < graph.output_size(); ++k) {
    std::string path = dataDir + "/output_" + std::to_string(k) + ".pb";
    Tensor want;
    if (Status s = readTensorProtoFile(path, want); !s)
      return Status::failure(path + ": " + s.message);
    const std::string &name = graph.output(k).name();
    auto it = values.find(name);
    if (it == values.end())
      return Status::failure("output '" + name + "' was not computed");
    if (Status s = compare(name, it->second, asDeclaredType(want, graph.output(k))); !s)
      return s;
  }
  return Status::success();
}

Status runTest(const std::string &dir) {
  std::ifstream in(dir + "/model.onnx", std::ios::binary);
  if (!in)
    return Status::failure("cannot open model.onnx");
  std::stringstream buffer;
  buffer << in.rdbuf();
  onnx::ModelProto model;
  if (!model.ParseFromString(buffer.str()))
    return Status::failure("model.onnx is not an ONNX model");
  try {
    onnx::shape_inference::InferShapes(model);
  } catch (const std::exception &e) {
    // Without inferred types only graph inputs and outputs are typed.
    std::fprintf(stderr, "note: %s: shape inference failed: %s\n", dir.c_str(), e.what());
  }
  std::map<std::string, DType> types = collectTypes(model.graph());
  int dataSets = 0;
  for (int n = 0;; ++n) {
    std::string dataDir = dir + "/test_data_set_" + std::to_string(n);
    if (!fileExists(dataDir))
      break;
    ++dataSets;
    if (Status s = runDataSet(model.graph(), types, dataDir); !s)
      return Status::failure("test_data_set_" + std::to_string(n) + ": " + s.message);
  }
  if (dataSets == 0)
    return Status::failure("no test_data_set_N directory");
  return Status::success();
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ref-check DIR...\n");
    return 2;
  }
  int passed = 0, failed = 0;
  for (int i = 1; i < argc; ++i) {
    std::string name = baseName(argv[i]);
    Status status;
    try {
      status = runTest(argv[i]);
    } catch (const std::exception &e) {
      status = Status::failure(std::string("exception: ") + e.what());
    }
    if (status) {
      std::printf("PASS %s\n", name.c_str());
      ++passed;
    } else {
      std::printf("FAIL %s: %s\n", name.c_str(), status.message.c_str());
      ++failed;
    }
    std::fflush(stdout);
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
