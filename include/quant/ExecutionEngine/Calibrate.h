//===- Calibrate.h - native calibration of float models -------*- C++ -*-===//
//
// quant-compile --calibrate: the float model is compiled for this host with
// the activations to quantize as extra outputs, run on the user's samples,
// and the range each activation gets (lib/Quantization/Calibration.h) is
// attached as `qnn.calib = array<f64: min, max>`, which
// -qnn-quantize-activations (and the -qnn-ptq pipeline) turn into QDQ.
//
//===----------------------------------------------------------------------===//

#ifndef QUANT_EXECUTIONENGINE_CALIBRATE_H
#define QUANT_EXECUTIONENGINE_CALIBRATE_H

#include "quant/Compiler/TargetMachine.h"
#include "quant/Quantization/Calibration.h"
#include "quant/Support/Npy.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::qnn::compiler {

struct CalibrateOptions {
  std::string entry = "main";
  calibration::Options range;
  /// Exponential moving average of per-batch extremes (0: absolute).
  double emaMomentum = 0.0;
  unsigned batchSize = 32; ///< Samples per min/max batch.
  unsigned bins = 2048;    ///< Histogram bins of the histogram methods.
  bool progress = false;   ///< Draw a progress bar on stderr.
};

/// The activations of `func` that get a calibrated range: float arguments,
/// and the results of the ops whose outputs are quantized (conv, matmul,
/// fully connected, add/sub/mul, concat, pooling that averages, clamp),
/// except a result whose only user is a clamp (the clamp's range applies:
/// the activation fuses into the producer) and the function's results
/// (they stay float: the producer dequantizes its accumulator).
SmallVector<Value> selectCalibrationPoints(func::FuncOp func);

/// Calibrates the entry function of `module` on `samples` (one array per
/// input, with the samples stacked along dimension 0, each a whole model
/// input) by running it natively for `target` (which must run on this
/// host), and attaches the ranges. Diagnostics go to the module's context.
LogicalResult calibrateModule(ModuleOp module, ArrayRef<npy::Array> samples,
                              const TargetOptions &target,
                              const CalibrateOptions &options);

} // namespace mlir::qnn::compiler

#endif // QUANT_EXECUTIONENGINE_CALIBRATE_H
