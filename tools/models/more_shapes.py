#!/usr/bin/env python3
"""Writes the public suite's dynamic models again with more input shapes.

    /usr/bin/python3 tools/models/more_shapes.py ../shared/models/make_models.py OUT_DIR

make_models.py lists three shapes per dynamic model; one compiled library
must serve every shape, so this exports the same models (same seeds, hence
the same weights and the same model.onnx) with PyTorch's outputs at more
shapes, including odd sizes and sizes outside the exported ones. The shapes
are chosen here, not by the suite. Needs PyTorch (Debian's python3-torch);
not a test.
"""
import importlib.util
import os
import sys

MORE_SHAPES = {
    "bert_mini": [(1, 16), (1, 128), (1, 384), (1, 1), (1, 7), (1, 77), (1, 200), (1, 512)],
    "cnn_dyn": [(1, 3, 224, 224), (1, 3, 96, 160), (1, 3, 480, 640), (1, 3, 32, 32), (1, 3, 65, 97),
                (1, 3, 127, 255), (1, 3, 320, 240)],
}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    spec = importlib.util.spec_from_file_location("make_models", sys.argv[1])
    make_models = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_models)
    for name, shapes in MORE_SHAPES.items():
        ctor, _, dynamic = make_models.PUBLIC[name]
        print("writing", make_models.export(name, ctor, shapes, dynamic, sys.argv[2]), flush=True)


if __name__ == "__main__":
    main()
