/*===- c_api_test.c - The runtime header from C ---------------------------===*
 *
 * A C program (as an app would be) that includes hone/runtime.h and calls
 * the API: the header must be plain C and the library linkable from C.
 *
 *===----------------------------------------------------------------------===*/
#include "hone/runtime.h"

#include <stdio.h>
#include <string.h>

int main(void) {
  hone_model_t *model = NULL;
  hone_options_t options = hone_options_default();
  if (hone_model_create(NULL, &options, &model) != HONE_ERROR_INVALID_ARGUMENT || model) {
    fprintf(stderr, "create(NULL) was accepted\n");
    return 1;
  }
  if (strcmp(hone_status_string(HONE_ERROR_SHAPE_MISMATCH), "shape mismatch") != 0)
    return 1;
  printf("C API ok\n");
  return 0;
}
