/* model-driver.c - calls the model that the installed quant-compile built
 * from model.mlir, through the generated header model.h only. Prints the
 * output for the input [1, 2]; exit 1 if model_run fails. */
#include "model.h"

#include <stdio.h>

#if MODEL_NUM_INPUTS != 1 || MODEL_NUM_OUTPUTS != 1 || MODEL_INPUT0_SIZE != 2
#error "expects one 2-element input and one output"
#endif

int main(void) {
  const float input[MODEL_INPUT0_SIZE] = {1.0f, 2.0f};
  float output[MODEL_OUTPUT0_SIZE];
  if (model_run(input, output) != 0) {
    fprintf(stderr, "model-driver: model_run failed\n");
    return 1;
  }
  printf("model([1, 2]) = [%g, %g]\n", output[0], output[1]);
  return 0;
}
