/*===- main.c - An app that links a honec library -------------------------===*
 *
 * What the README shows an app doing: link tiny_cnn.a (from honec) and the
 * runtime, create the model, reject bad inputs with status codes, run, read
 * the output. Reads the 64 input floats from argv[1], prints the outputs;
 * argv[2] names the weights file of a --weights=file library.
 *
 *===----------------------------------------------------------------------===*/
#include "tiny_cnn.h"

#include <stdio.h>

static int expect(hone_status_t got, hone_status_t want, const char *what) {
  if (got == want)
    return 0;
  fprintf(stderr, "%s: got '%s', expected '%s'\n", what, hone_status_string(got),
          hone_status_string(want));
  return 1;
}

int main(int argc, char **argv) {
  float pixels[64];
  FILE *file = argc > 1 ? fopen(argv[1], "rb") : NULL;
  if (!file || fread(pixels, sizeof(float), 64, file) != 64) {
    fprintf(stderr, "usage: app INPUT.bin (64 float32 values)\n");
    return 2;
  }
  fclose(file);

  /* argv[2]: the weights file of a library compiled with --weights=file;
   * such a library refuses to start without it. */
  hone_options_t options = hone_options_default();
  options.weights_path = argc > 2 ? argv[2] : NULL;
  hone_model_t *model = NULL;
  if (options.weights_path &&
      expect(hone_model_create(tiny_cnn_descriptor(), NULL, &model), HONE_ERROR_IO, "no weights file"))
    return 1;
  if (expect(hone_model_create(tiny_cnn_descriptor(), &options, &model), HONE_OK, "create"))
    return 1;
  int64_t dims[4] = {1, 1, 8, 8};
  hone_tensor_t input = {HONE_DTYPE_FLOAT32, 4, dims, pixels};

  /* Bad inputs are answered with status codes, and nothing runs. */
  int failures = 0;
  int64_t wrongDims[4] = {1, 1, 8, 9};
  hone_tensor_t wrong = input;
  wrong.dims = wrongDims;
  failures += expect(hone_model_run(model, &wrong, 1), HONE_ERROR_SHAPE_MISMATCH, "wrong dims");
  wrong = input;
  wrong.dtype = HONE_DTYPE_INT32;
  failures += expect(hone_model_run(model, &wrong, 1), HONE_ERROR_DTYPE_MISMATCH, "wrong dtype");
  wrong = input;
  wrong.rank = 3;
  failures += expect(hone_model_run(model, &wrong, 1), HONE_ERROR_SHAPE_MISMATCH, "wrong rank");
  wrong = input;
  wrong.data = NULL;
  failures += expect(hone_model_run(model, &wrong, 1), HONE_ERROR_INVALID_ARGUMENT, "null data");
  failures += expect(hone_model_run(model, NULL, 1), HONE_ERROR_INVALID_ARGUMENT, "null inputs");
  failures += expect(hone_model_run(model, &input, 2), HONE_ERROR_INVALID_ARGUMENT, "two inputs");
  if (failures)
    return 1;

  if (expect(hone_model_run(model, &input, 1), HONE_OK, "run")) {
    fprintf(stderr, "%s\n", hone_model_last_error(model));
    return 1;
  }
  hone_tensor_t output;
  if (expect(hone_model_output(model, 0, &output), HONE_OK, "output"))
    return 1;
  const float *probabilities = (const float *)output.data;
  for (int64_t i = 0; i < output.dims[0] * output.dims[1]; ++i)
    printf("%.9g\n", probabilities[i]);
  hone_model_destroy(model);
  return 0;
}
