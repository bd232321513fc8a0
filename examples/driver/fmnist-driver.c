/* fmnist-driver.c - runs a Fashion-MNIST model compiled by quant-compile.
 *
 * Build: quant-compile model.mlir -o model.o --header model.h --name=model
 *        cc -O2 -I<dir of model.h> fmnist-driver.c model.o -o driver
 * Run:   driver <t10k-images-idx3-ubyte> <t10k-labels-idx1-ubyte> [N] [--repeat
 * R]
 *
 * Reads the uncompressed IDX files, feeds each image (pixels / 255, the
 * preprocessing the example models were trained with) through model_run()
 * one at a time (batch 1), and prints the top-1 accuracy over the first N
 * images and the latency of one call (median and mean over all calls, R
 * passes over the images). Exit 1 on a bad file or a failing model call.
 */
#define _POSIX_C_SOURCE 199309L
#include "model.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if MODEL_NUM_INPUTS != 1 || MODEL_NUM_OUTPUTS != 1 || MODEL_INPUT0_SIZE != 784
#error "expects one 784-element image input and one logits output"
#endif

static int fail(const char *message, const char *path) {
  fprintf(stderr, "fmnist-driver: error: %s%s%s\n", message, path ? ": " : "",
          path ? path : "");
  return 1;
}

static uint32_t readBigEndian(const unsigned char *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
         ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Reads an IDX file whose magic is `magic`; returns its payload and count. */
static unsigned char *readIdx(const char *path, uint32_t magic,
                              size_t headerBytes, size_t itemBytes,
                              size_t *count) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  unsigned char header[16];
  if (fread(header, 1, headerBytes, f) != headerBytes ||
      readBigEndian(header) != magic) {
    fclose(f);
    return NULL;
  }
  *count = readBigEndian(header + 4);
  unsigned char *data = malloc(*count * itemBytes);
  if (!data || fread(data, itemBytes, *count, f) != *count) {
    free(data);
    fclose(f);
    return NULL;
  }
  fclose(f);
  return data;
}

static double nowMicros(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec * 1e-3;
}

static int compareDoubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 3)
    return fail("usage: fmnist-driver <images-idx3> <labels-idx1> [N] "
                "[--repeat R]",
                NULL);
  size_t numImages, numLabels;
  unsigned char *images = readIdx(argv[1], 0x803, 16, 784, &numImages);
  if (!images)
    return fail("not an uncompressed 28x28 IDX image file", argv[1]);
  unsigned char *labels = readIdx(argv[2], 0x801, 8, 1, &numLabels);
  if (!labels)
    return fail("not an uncompressed IDX label file", argv[2]);
  size_t n = numImages < numLabels ? numImages : numLabels;
  int repeat = 1;
  for (int i = 3; i < argc; ++i) {
    if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
      repeat = atoi(argv[++i]);
    else if (atol(argv[i]) > 0 && (size_t)atol(argv[i]) < n)
      n = (size_t)atol(argv[i]);
  }
  if (repeat < 1)
    repeat = 1;

  model_input0_t input[MODEL_INPUT0_SIZE];
  model_output0_t logits[MODEL_OUTPUT0_SIZE];
  double *times = malloc(sizeof(double) * n * (size_t)repeat);
  size_t correct = 0, calls = 0;
  for (int r = 0; r < repeat; ++r) {
    for (size_t i = 0; i < n; ++i) {
      for (int p = 0; p < 784; ++p)
        input[p] = (model_input0_t)(images[i * 784 + p] / 255.0f);
      double start = nowMicros();
      int status = model_run(input, logits);
      times[calls++] = nowMicros() - start;
      if (status != 0)
        return fail("model_run failed", NULL);
      if (r > 0)
        continue;
      int best = 0;
      for (int c = 1; c < MODEL_OUTPUT0_SIZE; ++c)
        if (logits[c] > logits[best])
          best = c;
      correct += best == labels[i];
    }
  }
  qsort(times, calls, sizeof(double), compareDoubles);
  double sum = 0;
  for (size_t i = 0; i < calls; ++i)
    sum += times[i];
  printf("images=%zu accuracy=%.4f latency_us median=%.2f mean=%.2f "
         "min=%.2f (%zu calls)\n",
         n, (double)correct / (double)n, times[calls / 2], sum / calls,
         times[0], calls);
  free(times);
  free(images);
  free(labels);
  return 0;
}
