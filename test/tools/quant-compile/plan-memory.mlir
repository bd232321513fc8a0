// quant-plan-memory: intermediate buffers become views into one workspace;
// buffers whose live ranges do not overlap share bytes; <name>_run wraps
// <name>_run_with_workspace with a malloc'ed workspace.
// RUN: quant-compile %s --emit=mlir --emit-after=bufferize --name=net -o - | FileCheck %s

// A buffer's live range runs from its first use to its last. %a (2048
// bytes) dies at the max pool; the pool's result %p (512 bytes, at 2048)
// is filled before the pool and overlaps it; %q = %p + %p (512 bytes) is
// first written after %a's last use and reuses %a's bytes (at 1152, after
// the padded tensor, 1152 bytes at 0, which is live with %q).
// 2560 bytes instead of 4224.
// CHECK: module attributes {quant.workspace_size = 2560 : i64}
// CHECK-LABEL: func.func @net_run_with_workspace(
// CHECK-SAME: %[[WS:[a-z0-9]+]]: memref<2560xi8>) -> i32
// CHECK-NOT: memref.alloc
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C1152:.*]] = arith.constant 1152 : index
// CHECK-DAG: %[[C2048:.*]] = arith.constant 2048 : index
// CHECK: %[[A:.*]] = memref.view %[[WS]][%[[C0]]][] : memref<2560xi8> to memref<1x8x8x8xf32>
// CHECK: %[[Q:.*]] = memref.view %[[WS]][%[[C1152]]][] : memref<2560xi8> to memref<1x8x4x4xf32>
// CHECK: %[[P:.*]] = memref.view %[[WS]][%[[C2048]]][] : memref<2560xi8> to memref<1x8x4x4xf32>
// CHECK: vector.transfer_read %[[A]]
// CHECK: vector.transfer_write {{.*}}, %[[P]]
// CHECK: ins(%[[P]], %[[P]] : {{.*}}) outs(%[[Q]] :
// CHECK: %[[D:.*]] = memref.view %[[WS]][%[[C0]]][] : memref<2560xi8> to memref<1x8x6x6xf32>
// CHECK: memref.copy %[[Q]],
// CHECK-NOT: memref.dealloc
// CHECK: return
// CHECK-LABEL: func.func @net_run(
// CHECK: %[[BUF:.*]] = memref.alloc() {alignment = 64 : i64} : memref<2560xi8>
// CHECK: %[[S:.*]] = call @net_run_with_workspace(%{{.*}}, %{{.*}}, %[[BUF]])
// CHECK: memref.dealloc %[[BUF]]
// CHECK: return %[[S]] : i32

// The compiled code agrees with the reference interpreter.
// RUN: %e2e-check %s %t
func.func @main(%x: tensor<1x8x8x8xf32>) -> tensor<1x8xf32> {
  %a = qnn.add %x, %x : (tensor<1x8x8x8xf32>, tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %p = qnn.max_pool2d %a {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x8x8x8xf32> -> tensor<1x8x4x4xf32>
  %q = qnn.add %p, %p : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %d = qnn.pad %q {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = 1.0 : f64} : tensor<1x8x4x4xf32> -> tensor<1x8x6x6xf32>
  %g = qnn.global_avg_pool %d : tensor<1x8x6x6xf32> -> tensor<1x8x1x1xf32>
  %y = qnn.reshape %g : tensor<1x8x1x1xf32> -> tensor<1x8xf32>
  return %y : tensor<1x8xf32>
}
