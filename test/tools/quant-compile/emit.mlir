// --emit and --emit-after: the IR at each phase of the pipeline.
// RUN: quant-compile %S/Inputs/gemm.mlir --emit-after=linalg -o - | FileCheck %s --check-prefix=LINALG
// RUN: quant-compile %S/Inputs/gemm.mlir --emit-after=vector --mcpu=znver5 -o - | FileCheck %s --check-prefix=VECTOR
// RUN: quant-compile %S/Inputs/gemm.mlir --emit-after=bufferize -o - | FileCheck %s --check-prefix=BUFFER
// RUN: quant-compile %S/Inputs/gemm.mlir --emit=mlir -o - | FileCheck %s --check-prefix=LLVMDIALECT
// RUN: quant-compile %S/Inputs/gemm.mlir --emit=llvm --name=gemm -o - | FileCheck %s --check-prefix=LLVMIR

// LINALG: func.func @main(%{{.*}}: tensor<16x64xf32> {bufferization.writable = false}
// LINALG: linalg.contract

// 16 x 64 tiles of 8 rows by 32 f32 lanes (two zmm registers).
// VECTOR: scf.for
// VECTOR: vector.contract {{.*}} : vector<8x1xf32>, vector<1x32xf32> into vector<8x32xf32>

// The result is an out-parameter written in place; the entry returns 0 and
// needs no workspace (model_run passes a stack byte, never mallocs).
// BUFFER: module attributes {quant.workspace_size = 0 : i64}
// BUFFER: func.func @model_run_with_workspace(%{{.*}}: memref<16x64xf32>, %{{.*}}: memref<64x64xf32>, %{{.*}}: memref<16x64xf32>, %{{.*}}: memref<1xi8>) -> i32
// BUFFER-NOT: memref.alloc
// BUFFER: return %{{.*}} : i32
// BUFFER: func.func @model_run(%{{.*}}: memref<16x64xf32>, %{{.*}}: memref<64x64xf32>, %{{.*}}: memref<16x64xf32>) -> i32
// BUFFER-NEXT: memref.alloca() : memref<1xi8>
// BUFFER-NOT: memref.alloc
// BUFFER: return %{{.*}} : i32

// LLVMDIALECT: llvm.func @model_run(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr) -> i32

// LLVMIR: define{{.*}} i32 @gemm_run(ptr {{.*}}, ptr {{.*}}, ptr {{.*}})
// LLVMIR: ret i32 0
