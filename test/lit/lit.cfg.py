# lit configuration of hone's FileCheck tests: one folder per pipeline step.
import os
import lit.formats

config.name = "hone"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".onnxtext", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.hone_obj_root, "test", "lit")
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]

tools = os.path.join(config.hone_obj_root, "tools")
config.environment["PATH"] = os.pathsep.join(
    [os.path.join(tools, t) for t in ("honec", "hone-opt", "hone-run")]
    + [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%node_tests", "/usr/share/libonnx-testdata/data/node"))
