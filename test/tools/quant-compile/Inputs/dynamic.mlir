func.func @main(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %y = qnn.clamp %x {min = 0.0 : f32, max = 1.0 : f32} : tensor<?x4xf32>
  return %y : tensor<?x4xf32>
}
