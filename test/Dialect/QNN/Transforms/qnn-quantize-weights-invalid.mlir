// RUN: quant-opt %s -split-input-file --qnn-quantize-weights="scheme=affine granularity=group group-size=3" -verify-diagnostics
// RUN: not quant-opt %s --qnn-quantize-weights="scheme=fp8" 2>&1 | FileCheck %s --check-prefix=SCHEME
// RUN: not quant-opt %s --qnn-quantize-weights="scheme=affine bits=1" 2>&1 | FileCheck %s --check-prefix=BITS
// RUN: not quant-opt %s --qnn-quantize-weights="scheme=kmeans" 2>&1 | FileCheck %s --check-prefix=KMEANS
// RUN: not quant-opt %s --qnn-quantize-weights="scheme=binary granularity=group" 2>&1 | FileCheck %s --check-prefix=BINGROUP
// RUN: not quant-opt %s --qnn-quantize-weights="scheme=binary report=/nonexistent/dir/r.json" 2>&1 | FileCheck %s --check-prefix=REPORT

// SCHEME: error: unknown quantization scheme 'fp8'
// BITS: error: scheme 'affine' needs 2 to 16 bits, got 1
// KMEANS: error: kmeans codebooks are per tensor; use granularity=tensor
// BINGROUP: error: binary and ternary weights are per tensor or per channel
// REPORT: error: cannot write report '/nonexistent/dir/r.json'

func.func @group_not_dividing(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  %w = arith.constant dense<1.0> : tensor<2x4xf32>
  // expected-error @+1 {{cannot quantize weights of shape 'tensor<2x4xf32>': group size 3 does not divide dimension 1 of size 4}}
  %y = qnn.fully_connected %x, %w : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}
