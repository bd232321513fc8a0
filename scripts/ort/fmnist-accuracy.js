// Runs an ONNX model in ONNX Runtime (one thread) on the first N
// Fashion-MNIST test images and prints accuracy and batch-1 latency.
//   node fmnist-accuracy.js <model.onnx> [N]
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const ort = require('onnxruntime-node');

const DATA = '/usr/share/datasets/fashion-mnist';

function loadTest(n) {
  const images = zlib.gunzipSync(fs.readFileSync(path.join(DATA, 't10k-images-idx3-ubyte.gz')));
  const labels = zlib.gunzipSync(fs.readFileSync(path.join(DATA, 't10k-labels-idx1-ubyte.gz')));
  return {images: images.subarray(16, 16 + n * 784), labels: labels.subarray(8, 8 + n)};
}

async function main() {
  const model = process.argv[2];
  const n = Number(process.argv[3] || 1000);
  const {images, labels} = loadTest(n);
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential',
    graphOptimizationLevel: 'all'});
  const input = new Float32Array(784);
  let correct = 0;
  const times = [];
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < 784; ++j) input[j] = images[i * 784 + j] / 255;
    const t0 = process.hrtime.bigint();
    const out = await session.run({input: new ort.Tensor('float32', input, [1, 1, 28, 28])});
    times.push(Number(process.hrtime.bigint() - t0) / 1e3);
    const logits = out[session.outputNames[0]].data;
    let best = 0;
    for (let k = 1; k < logits.length; ++k) if (logits[k] > logits[best]) best = k;
    if (best === labels[i]) ++correct;
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({model: path.basename(model), images: n,
    accuracy: correct / n, median_us: times[times.length >> 1], min_us: times[0]}));
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
