/* Runs a model compiled by quant-compile (one input, one output, through
 * its header: -DMODEL_HEADER="model.h", --name=model) on every sample of a
 * stacked .npy: batch-driver in.npy N out.npy reads N * MODEL_INPUT0_SIZE
 * elements, calls model_run once per sample (the model's own batch) and
 * writes the N outputs as one float32 .npy of shape (N, MODEL_OUTPUT0_SIZE). */
#include MODEL_HEADER

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  static model_input0_t in[MODEL_INPUT0_SIZE];
  static model_output0_t out[MODEL_OUTPUT0_SIZE];
  unsigned char head[10];
  char header[160];
  long n, i;
  int len, pad, k;
  FILE *f, *g;
  if (argc != 4) {
    fprintf(stderr, "usage: batch-driver in.npy N out.npy\n");
    return 2;
  }
  n = atol(argv[2]);
  f = fopen(argv[1], "rb");
  if (!f || fread(head, 1, 10, f) != 10 || memcmp(head, "\x93NUMPY", 6) != 0 ||
      fseek(f, 10 + (head[8] | (head[9] << 8)), SEEK_SET) != 0)
    return 3;
  g = fopen(argv[3], "wb");
  if (!g)
    return 3;
  len =
      snprintf(header, sizeof header,
               "{'descr': '<f4', 'fortran_order': False, 'shape': (%ld, %d), }",
               n, MODEL_OUTPUT0_SIZE);
  pad = (64 - (10 + len + 1) % 64) % 64;
  head[8] = (unsigned char)((len + pad + 1) & 0xff);
  head[9] = (unsigned char)((len + pad + 1) >> 8);
  fwrite(head, 1, 10, g);
  fwrite(header, 1, (size_t)len, g);
  for (k = 0; k < pad; ++k)
    fputc(' ', g);
  fputc('\n', g);
  for (i = 0; i < n; ++i) {
    if (fread(in, sizeof in[0], MODEL_INPUT0_SIZE, f) != MODEL_INPUT0_SIZE)
      return 3;
    if (model_run(in, out) != 0)
      return 4;
    fwrite(out, sizeof out[0], MODEL_OUTPUT0_SIZE, g);
  }
  fclose(f);
  return fclose(g) == 0 ? 0 : 5;
}
