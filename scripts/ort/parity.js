// Parity of quant-mlir (quant-run) with ONNX Runtime (onnxruntime-node, one
// thread) on the Fashion-MNIST example models, over the first N test images:
//
//   float CNN, int8 QDQ CNN, int8 QOperator CNN: both run each image; the
//     logits are compared (max abs difference, argmax agreement) and, for the
//     quantized models, every 8-bit intermediate tensor code by code (made
//     graph outputs by expose-int8.py, which needs a Python with onnx);
//   QONNX BNN: ONNX Runtime has no QONNX ops, so quant-mlir's logits are
//     compared with PyTorch's (examples/fmnist-bnn-ref.npz).
//
// Latency is batch 1: `quant-run --bench` (the compiled function alone) and
// the median of ONNX Runtime's session.run() (which includes the Node
// binding's per-call overhead, some 10-20 us).
//
//   node parity.js --quant-run build/bin/quant-run [--n 256] [--bench 2000]
//       [--python /usr/bin/python3] [--markdown out.md] [--check]
//
// --check exits 1 unless the targets hold: float logits within 1e-5
// relative (|d| <= 1e-5 * max|logit|), int8 tensors bit-exact, argmax
// agreement 100%, BNN logits within 1e-4 relative of PyTorch's.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const {execFileSync} = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = '/usr/share/datasets/fashion-mnist';

function parseArgs() {
  const a = {n: 256, bench: 2000, python: '/usr/bin/python3', markdown: '',
             check: false, quantRun: path.join(ROOT, 'build/bin/quant-run')};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; ++i) {
    const k = argv[i];
    if (k === '--check') a.check = true;
    else if (k === '--n') a.n = Number(argv[++i]);
    else if (k === '--bench') a.bench = Number(argv[++i]);
    else if (k === '--python') a.python = argv[++i];
    else if (k === '--markdown') a.markdown = argv[++i];
    else if (k === '--quant-run') a.quantRun = argv[++i];
    else throw new Error('unknown option ' + k);
  }
  return a;
}

// --- .npy / .npz ----------------------------------------------------------

const DTYPES = {'<f4': Float32Array, '|u1': Uint8Array, '|i1': Int8Array,
                '<i4': Int32Array};

function parseNpy(buf) {
  const major = buf[6];
  const hlen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const off = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', off, off + hlen);
  const descr = /'descr':\s*'([^']+)'/.exec(header)[1];
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header)[1].split(',')
      .map((s) => s.trim()).filter((s) => s).map(Number);
  const Type = DTYPES[descr];
  if (!Type) throw new Error('unsupported .npy dtype ' + descr);
  const data = buf.subarray(off + hlen);
  const copy = Buffer.from(data);  // Aligned for the typed array.
  return {shape, data: new Type(copy.buffer, copy.byteOffset,
                                copy.length / Type.BYTES_PER_ELEMENT)};
}

function writeNpyF32(file, shape, data) {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${
    shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header += ' '.repeat(pad % 64) + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1; head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  fs.writeFileSync(file, Buffer.concat([head, Buffer.from(header, 'latin1'),
    Buffer.from(data.buffer, data.byteOffset, data.byteLength)]));
}

// The members of a .npz (zip; stored or deflated entries).
function readNpz(file) {
  const buf = fs.readFileSync(file);
  const out = {};
  let p = 0;
  while (buf.readUInt32LE(p) === 0x04034b50) {
    const method = buf.readUInt16LE(p + 8);
    let csize = buf.readUInt32LE(p + 18);
    const nlen = buf.readUInt16LE(p + 26), xlen = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 30, p + 30 + nlen);
    const start = p + 30 + nlen + xlen;
    if (csize === 0xffffffff) {  // zip64 extra field
      csize = Number(buf.readBigUInt64LE(p + 30 + nlen + 4 + 8));
    }
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? zlib.inflateRawSync(raw) : raw;
    out[name.replace(/\.npy$/, '')] = parseNpy(data);
    p = start + csize;
  }
  return out;
}

// --- inputs ---------------------------------------------------------------

// The first n test images as uint8 (the dataset, else the committed npz).
function loadImages(n) {
  const file = path.join(DATA, 't10k-images-idx3-ubyte.gz');
  if (fs.existsSync(file)) {
    const images = zlib.gunzipSync(fs.readFileSync(file));
    return {source: file, pixels: images.subarray(16, 16 + n * 784)};
  }
  const npz = readNpz(path.join(ROOT, 'examples/fmnist-bnn-ref.npz'));
  if (n > npz.images.shape[0]) n = npz.images.shape[0];
  return {source: 'examples/fmnist-bnn-ref.npz (images)',
          pixels: npz.images.data.subarray(0, n * 784)};
}

// --- running --------------------------------------------------------------

function quantRun(args, model, inputNpy, outputs, tmp) {
  const outFiles = outputs.map((_, i) => path.join(tmp, `ours${i}.npy`));
  const argv = [model, '--per-sample', '-i', inputNpy];
  for (const f of outFiles) argv.push('-o', f);
  execFileSync(args.quantRun, argv, {stdio: ['ignore', 'pipe', 'inherit']});
  return outFiles.map((f) => parseNpy(fs.readFileSync(f)).data);
}

function quantBench(args, model, firstNpy) {
  const out = execFileSync(args.quantRun,
      [model, '-i', firstNpy, '--bench', String(args.bench)],
      {encoding: 'utf8'});
  const m = /median_us=([0-9.]+)/.exec(out);
  return m ? Number(m[1]) : NaN;
}

async function ortRun(ort, model, images, n, outputs) {
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential',
    graphOptimizationLevel: 'all'});
  const inputName = session.inputNames[0];
  const results = outputs.map(() => []);
  const input = new Float32Array(784);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < 784; ++j) input[j] = images[i * 784 + j] / 255;
    const out = await session.run(
        {[inputName]: new ort.Tensor('float32', input, [1, 1, 28, 28])});
    outputs.forEach((name, k) => results[k].push(out[name].data.slice()));
  }
  return {session, inputName, results};
}

async function ortBench(ort, session, inputName, images, runs) {
  const input = new Float32Array(784);
  for (let j = 0; j < 784; ++j) input[j] = images[j] / 255;
  const feeds = {[inputName]: new ort.Tensor('float32', input, [1, 1, 28, 28])};
  for (let i = 0; i < Math.max(1, runs / 10); ++i) await session.run(feeds);
  const times = [];
  for (let i = 0; i < runs; ++i) {
    const t0 = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - t0) / 1e3);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

// --- comparison -----------------------------------------------------------

function argmax(a, off, len) {
  let best = 0;
  for (let k = 1; k < len; ++k) if (a[off + k] > a[off + best]) best = k;
  return best;
}

// ours: flat (n * len); theirs: array of n per-image arrays (or flat).
function compareLogits(ours, theirs, n, len) {
  let maxAbs = 0, maxRef = 0, agree = 0;
  for (let i = 0; i < n; ++i) {
    const t = Array.isArray(theirs) ? theirs[i] : theirs.subarray(i * len,
                                                                   (i + 1) * len);
    for (let k = 0; k < len; ++k) {
      maxAbs = Math.max(maxAbs, Math.abs(ours[i * len + k] - t[k]));
      maxRef = Math.max(maxRef, Math.abs(t[k]));
    }
    if (argmax(ours, i * len, len) === argmax(t, 0, len)) ++agree;
  }
  return {maxAbs, rel: maxRef ? maxAbs / maxRef : maxAbs, agree};
}

// Code-by-code comparison of integer tensors; returns mismatching codes.
function compareCodes(ours, theirs, n) {
  const len = ours.length / n;
  let diff = 0, maxDiff = 0;
  for (let i = 0; i < n; ++i) {
    const t = theirs[i];
    for (let k = 0; k < len; ++k) {
      const d = Math.abs(ours[i * len + k] - t[k]);
      if (d) { ++diff; maxDiff = Math.max(maxDiff, d); }
    }
  }
  return {diff, total: ours.length, maxDiff};
}

function fmt(x, digits = 3) {
  if (!isFinite(x)) return String(x);
  return x === 0 ? '0' : x.toExponential(digits - 1);
}

async function main() {
  const args = parseArgs();
  let ort;
  try {
    ort = require('onnxruntime-node');
  } catch (e) {
    console.log('parity: skipped: onnxruntime-node is not installed (cd ' +
                'scripts/ort && npm install --ignore-scripts)');
    process.exit(77);
  }
  const {source, pixels} = loadImages(args.n);
  const n = pixels.length / 784;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quant-parity-'));
  const inputs = new Float32Array(n * 784);
  for (let i = 0; i < inputs.length; ++i) inputs[i] = pixels[i] / 255;
  const inputNpy = path.join(tmp, 'images.npy');
  const firstNpy = path.join(tmp, 'first.npy');
  writeNpyF32(inputNpy, [n, 1, 28, 28], inputs);
  writeNpyF32(firstNpy, [1, 1, 28, 28], inputs.subarray(0, 784));
  console.log(`inputs: first ${n} Fashion-MNIST test images from ${source}`);

  const rows = [];
  let ok = true;
  const models = [
    {name: 'float CNN', file: 'fmnist-cnn.onnx', int8: false},
    {name: 'int8 QDQ CNN', file: 'fmnist-cnn-qdq.onnx', int8: true},
    {name: 'int8 QOperator CNN', file: 'fmnist-cnn-qop.onnx', int8: true},
  ];
  for (const m of models) {
    let model = path.join(ROOT, 'examples', m.file);
    let extra = [];
    let codes = 'n/a';
    if (m.int8) {
      const exposed = path.join(tmp, m.file.replace('.onnx', '-int8.onnx'));
      try {
        const names = execFileSync(args.python, [
          path.join(__dirname, 'expose-int8.py'), model, exposed],
          {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
        extra = names ? names.split(/\s+/) : [];
        model = exposed;
      } catch (e) {
        codes = `not compared (${args.python} cannot run expose-int8.py)`;
      }
    }
    const outputs = ['logits', ...extra];
    const ours = quantRun(args, model, inputNpy, outputs, tmp);
    const {session, inputName, results} =
        await ortRun(ort, model, pixels, n, outputs);
    const logits = compareLogits(ours[0], results[0], n, 10);
    if (extra.length) {
      let diff = 0, total = 0, maxDiff = 0;
      const bad = [];
      extra.forEach((name, k) => {
        const c = compareCodes(ours[k + 1], results[k + 1], n);
        diff += c.diff; total += c.total; maxDiff = Math.max(maxDiff, c.maxDiff);
        if (c.diff) bad.push(`${name}: ${c.diff} codes differ (max ${c.maxDiff})`);
      });
      codes = diff === 0
          ? `bit-exact (${extra.length} tensors, ${total} codes)`
          : `${diff} of ${total} codes differ (max ${maxDiff}): ${bad.join('; ')}`;
      if (diff) ok = false;
    }
    // Timed on the model as shipped (no exposed intermediate outputs).
    const original = path.join(ROOT, 'examples', m.file);
    const oursUs = quantBench(args, original, firstNpy);
    const timed = model === original ? session
        : await ort.InferenceSession.create(original, {
          intraOpNumThreads: 1, interOpNumThreads: 1,
          executionMode: 'sequential', graphOptimizationLevel: 'all'});
    const ortUs = await ortBench(ort, timed, inputName, pixels, args.bench);
    if (logits.agree !== n || logits.rel > 1e-5) ok = false;
    rows.push({model: m.name, maxAbs: logits.maxAbs, rel: logits.rel,
               agree: `${logits.agree}/${n}`, codes,
               ours: oursUs, ort: ortUs});
  }

  // The BNN against PyTorch's logits.
  const npz = readNpz(path.join(ROOT, 'examples/fmnist-bnn-ref.npz'));
  const nb = Math.min(n, npz.logits.shape[0]);
  const bnnModel = path.join(ROOT, 'examples/fmnist-bnn-qonnx.onnx');
  let bnn;
  try {
    const bnnIn = path.join(tmp, 'bnn-images.npy');
    const bx = new Float32Array(nb * 784);
    for (let i = 0; i < bx.length; ++i) bx[i] = npz.images.data[i] / 255;
    writeNpyF32(bnnIn, [nb, 1, 28, 28], bx);
    const ours = quantRun(args, bnnModel, bnnIn, ['logits'], tmp);
    const c = compareLogits(ours[0], npz.logits.data, nb, 10);
    if (c.agree !== nb || c.rel > 1e-4) ok = false;
    bnn = {model: 'QONNX BNN (vs PyTorch)', maxAbs: c.maxAbs, rel: c.rel,
           agree: `${c.agree}/${nb}`, codes: 'n/a (binary)',
           ours: quantBench(args, bnnModel, firstNpy), ort: NaN};
  } catch (e) {
    ok = false;
    bnn = {model: 'QONNX BNN (vs PyTorch)', maxAbs: NaN, rel: NaN,
           agree: 'failed', codes: String(e.message).split('\n')[0],
           ours: NaN, ort: NaN};
  }
  rows.push(bnn);

  const header = '| model | max abs diff (logits) | rel. to max logit | ' +
      'argmax agreement | int8 tensors | ours (us) | ORT (us) |';
  const lines = [header, '|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${r.model} | ${fmt(r.maxAbs)} | ${fmt(r.rel)} | ${r.agree} | ${
      r.codes} | ${isNaN(r.ours) ? 'n/a' : r.ours.toFixed(1)} | ${
      isNaN(r.ort) ? 'n/a (QONNX ops)' : r.ort.toFixed(1)} |`);
  }
  console.log(lines.join('\n'));
  console.log('latency: batch 1, median; ours = quant-run --bench ' +
              `${args.bench} (the compiled function), ORT = session.run() ` +
              'with intraOpNumThreads=1 (includes the Node binding overhead)');
  if (args.markdown) fs.writeFileSync(args.markdown, lines.join('\n') + '\n');
  fs.rmSync(tmp, {recursive: true, force: true});
  console.log(ok ? 'parity: ok' : 'parity: FAILED');
  if (args.check && !ok) process.exit(1);
}

main().catch((e) => { console.error(e.stack || e); process.exit(1); });
