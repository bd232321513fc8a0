/* A C program that runs a model compiled by quant-compile through its
 * header (built with -DMODEL_HEADER="path/to/model.h" and --name=model):
 * reads input0 (and input1) from .npy files, calls model_run and writes
 * output0 as .npy, using only what the header declares. C99 and C++. */
#include MODEL_HEADER

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads the data of a little-endian .npy file holding `count` elements of
 * `size` bytes (format 1.0 header; dtype and shape are trusted). */
static int readNpy(const char *path, void *data, size_t size, size_t count) {
  FILE *f = fopen(path, "rb");
  unsigned char head[10];
  int ok = 0;
  if (!f)
    return 0;
  if (fread(head, 1, 10, f) == 10 && memcmp(head, "\x93NUMPY", 6) == 0) {
    long headerLen = head[8] | (head[9] << 8);
    ok = fseek(f, 10 + headerLen, SEEK_SET) == 0 &&
         fread(data, size, count, f) == count;
  }
  fclose(f);
  return ok;
}

/* Writes a 1-D float32 .npy of `count` elements. */
static int writeNpy(const char *path, const float *data, size_t count) {
  char header[128];
  int len =
      snprintf(header, sizeof header,
               "{'descr': '<f4', 'fortran_order': False, 'shape': (%lu,), }",
               (unsigned long)count);
  int total = 10 + len + 1, pad = (64 - total % 64) % 64, i;
  FILE *f = fopen(path, "wb");
  unsigned char head[10] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0, 0};
  if (!f)
    return 0;
  head[8] = (unsigned char)((len + pad + 1) & 0xff);
  head[9] = (unsigned char)((len + pad + 1) >> 8);
  fwrite(head, 1, 10, f);
  fwrite(header, 1, (size_t)len, f);
  for (i = 0; i < pad; ++i)
    fputc(' ', f);
  fputc('\n', f);
  fwrite(data, sizeof(float), count, f);
  return fclose(f) == 0;
}

int main(int argc, char **argv) {
  static model_input0_t in0[MODEL_INPUT0_SIZE];
#if MODEL_NUM_INPUTS > 1
  static model_input1_t in1[MODEL_INPUT1_SIZE];
#endif
  static model_output0_t out0[MODEL_OUTPUT0_SIZE];
  if (argc != MODEL_NUM_INPUTS + 2) {
    fprintf(stderr, "usage: driver in0.npy [in1.npy] out0.npy\n");
    return 2;
  }
  if (!readNpy(argv[1], in0, sizeof in0[0], MODEL_INPUT0_SIZE))
    return 3;
  /* The caller-provided workspace, filled with garbage first: the
     generated code must not rely on zeroed scratch memory. */
  static unsigned char workspace[MODEL_WORKSPACE_SIZE + 1]
      __attribute__((aligned(64)));
  static model_output0_t outWs[MODEL_OUTPUT0_SIZE];
  memset(workspace, 0xAB, sizeof workspace);
#if MODEL_NUM_INPUTS > 1
  if (!readNpy(argv[2], in1, sizeof in1[0], MODEL_INPUT1_SIZE))
    return 3;
  if (model_run(in0, in1, out0) != 0 ||
      model_run_with_workspace(in0, in1, outWs, workspace) != 0)
    return 4;
#else
  if (model_run(in0, out0) != 0 ||
      model_run_with_workspace(in0, outWs, workspace) != 0)
    return 4;
#endif
  if (memcmp(out0, outWs, sizeof out0) != 0) {
    fprintf(stderr, "model_run and model_run_with_workspace differ\n");
    return 6;
  }
  printf("%s: %d inputs, output0 rank %d, %d elements, shape[0] = %lld\n",
         MODEL_OUTPUT0_TYPE, MODEL_NUM_INPUTS, MODEL_OUTPUT0_RANK,
         MODEL_OUTPUT0_SIZE, (long long)model_output0_shape[0]);
  return writeNpy(argv[argc - 1], (const float *)out0, MODEL_OUTPUT0_SIZE) ? 0
                                                                           : 5;
}
