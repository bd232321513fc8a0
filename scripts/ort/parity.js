// Parity of quant-mlir (quant-run) with ONNX Runtime (onnxruntime-node, one
// thread) and with an exact int8 reference on the Fashion-MNIST example
// models, over the first N test images:
//
//   float CNN: ours and ORT run each image; logits compared (max abs
//     difference, argmax agreement);
//   int8 QDQ CNN, int8 QOperator CNN: every 8-bit intermediate tensor is
//     made a graph output (expose-int8.py) and our codes and logits are
//     compared with int8_ref.py, an exact numpy evaluation with ONNX
//     Runtime's integer semantics (run with --python). ORT's own codes are
//     compared with the same reference and reported, never checked: ORT's
//     u8 x s8 kernels on x86 without VNNI (AVX2) sum products in pairs with
//     vpmaddubsw, whose int16 saturation changes some codes. When ORT
//     differs, int8_ref.py --emulate-avx2-vpmaddubsw recomputes each layer
//     on ORT's own inputs with saturated pair sums and the report says how
//     many of ORT's differing codes that reproduces;
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
// relative of ORT's (|d| <= 1e-5 * max|logit|) with argmax agreement 100%;
// int8 tensors bit-exact with the exact reference, int8 logits within 1e-5
// relative of it, argmax agreement 100%; BNN logits within 1e-4 relative of
// PyTorch's. Exit code 77 (skipped): onnxruntime-node is not installed, or
// --python cannot import numpy and onnx (needed by the int8 reference).
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

// Exit code of a missing dependency: 77 (skipped), 1 under QUANT_STRICT=1.
const SKIP_CODE = process.env.QUANT_STRICT === '1' ? 1 : 77;

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

const DESCRS = new Map([[Float32Array, '<f4'], [Uint8Array, '|u1'],
                         [Int8Array, '|i1'], [Int32Array, '<i4']]);

function writeNpy(file, shape, data) {
  let header = `{'descr': '${DESCRS.get(data.constructor)}', ` +
      `'fortran_order': False, 'shape': (${shape.join(', ')}${
        shape.length === 1 ? ',' : ''}), }`;
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
  return {session, inputName, results: results.map(concat)};
}

// One typed array holding the per-image arrays one after another.
function concat(arrays) {
  const out = new arrays[0].constructor(
      arrays.reduce((sum, a) => sum + a.length, 0));
  let off = 0;
  for (const a of arrays) { out.set(a, off); off += a.length; }
  return out;
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

// --- the exact int8 reference (int8_ref.py) -------------------------------

function pythonHasNumpyOnnx(python) {
  try {
    execFileSync(python, ['-c', 'import numpy, onnx'], {stdio: 'ignore'});
    return true;
  } catch (e) {
    return false;
  }
}

// The graph outputs of `model` as evaluated by int8_ref.py, in graph order.
function int8Reference(args, model, inputNpy, count, tmp) {
  const files = Array.from({length: count}, (_, i) =>
    path.join(tmp, `ref${i}.npy`));
  const argv = [path.join(__dirname, 'int8_ref.py'), model, '-i', inputNpy];
  for (const f of files) argv.push('-o', f);
  execFileSync(args.python, argv, {stdio: ['ignore', 'pipe', 'inherit']});
  return files.map((f) => parseNpy(fs.readFileSync(f)).data);
}

// int8_ref.py's account of ORT's differing codes: per tensor, how many an
// emulation of vpmaddubsw's int16 pair-sum saturation reproduces.
function explainOrt(args, model, inputNpy, theirs, tmp) {
  const argv = [path.join(__dirname, 'int8_ref.py'), model, '-i', inputNpy,
                '--emulate-avx2-vpmaddubsw'];
  theirs.forEach((data, i) => {
    const f = path.join(tmp, `ort${i}.npy`);
    writeNpy(f, [data.length], data);
    argv.push('--ort', f);
  });
  return JSON.parse(execFileSync(args.python, argv,
      {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}));
}

// The host CPU's model name and whether it has an int8 dot-product
// instruction (AVX512-VNNI or AVX-VNNI), from /proc/cpuinfo.
function hostCpu() {
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    const name = (/^model name\s*:\s*(.*)$/m.exec(info) || [])[1] || 'unknown';
    const flags = ((/^flags\s*:\s*(.*)$/m.exec(info) || [])[1] || '')
        .split(/\s+/);
    const vnni = ['avx512_vnni', 'avx_vnni'].filter((f) => flags.includes(f));
    return {name, known: flags.length > 1, vnni,
            avx2: flags.includes('avx2')};
  } catch (e) {
    return {name: 'unknown', known: false, vnni: [], avx2: false};
  }
}

// --- comparison -----------------------------------------------------------

function argmax(a, off, len) {
  let best = 0;
  for (let k = 1; k < len; ++k) if (a[off + k] > a[off + best]) best = k;
  return best;
}

// ours, theirs: flat (n * len) logits. A non-finite logit on either side
// (NaN, +-inf) makes the comparison fail: `rel` and `maxAbs` become NaN and
// `nonFinite` counts them, so a NaN cannot hide behind an unchanged argmax.
function compareLogits(ours, theirs, n, len) {
  let maxAbs = 0, maxRef = 0, agree = 0, nonFinite = 0;
  for (let i = 0; i < n; ++i) {
    for (let k = 0; k < len; ++k) {
      const a = ours[i * len + k], b = theirs[i * len + k];
      if (!Number.isFinite(a) || !Number.isFinite(b)) {
        ++nonFinite;
        continue;
      }
      maxAbs = Math.max(maxAbs, Math.abs(a - b));
      maxRef = Math.max(maxRef, Math.abs(b));
    }
    if (argmax(ours, i * len, len) === argmax(theirs, i * len, len)) ++agree;
  }
  if (ours.length < n * len || theirs.length < n * len) nonFinite = NaN;
  if (nonFinite !== 0) maxAbs = NaN;
  return {maxAbs, rel: maxRef ? maxAbs / maxRef : maxAbs, agree, nonFinite};
}

// True when `c` (compareLogits) has all n argmaxes and every logit within
// `rel` of the reference; false for NaN.
function logitsHold(c, n, rel) {
  return c.nonFinite === 0 && c.agree === n && c.rel <= rel;
}

// Code-by-code comparison of two flat integer tensors.
function compareCodes(a, b) {
  if (a.length !== b.length) {
    throw new Error(`code tensors of ${a.length} and ${b.length} elements`);
  }
  let diff = 0, maxDiff = 0;
  for (let k = 0; k < a.length; ++k) {
    const d = Math.abs(a[k] - b[k]);
    if (d) { ++diff; maxDiff = Math.max(maxDiff, d); }
  }
  return {diff, total: a.length, maxDiff};
}

// Per-tensor and total comparison of the exposed int8 tensors.
function compareTensors(names, a, b) {
  const per = names.map((name, k) => ({name, ...compareCodes(a[k], b[k])}));
  return {per,
          diff: per.reduce((s, c) => s + c.diff, 0),
          total: per.reduce((s, c) => s + c.total, 0),
          maxDiff: per.reduce((m, c) => Math.max(m, c.maxDiff), 0)};
}

function fmt(x, digits = 3) {
  if (!isFinite(x)) return String(x);
  return x === 0 ? '0' : x.toExponential(digits - 1);
}

function pct(part, whole) {
  if (!whole) return 'n/a';
  const p = 100 * part / whole;
  return (p === 100 || p === 0 ? p.toFixed(0) : p.toFixed(2)) + '%';
}

async function main() {
  const args = parseArgs();
  let ort;
  try {
    ort = require('onnxruntime-node');
  } catch (e) {
    console.log('parity: skipped: onnxruntime-node is not installed (cd ' +
                'scripts/ort && npm install --ignore-scripts)');
    process.exit(SKIP_CODE);
  }
  if (!pythonHasNumpyOnnx(args.python)) {
    console.log(`parity: skipped: ${args.python} cannot import numpy and ` +
                'onnx (needed by expose-int8.py and the int8 reference ' +
                'int8_ref.py); pass --python');
    process.exit(SKIP_CODE);
  }
  const {source, pixels} = loadImages(args.n);
  const n = pixels.length / 784;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quant-parity-'));
  const inputs = new Float32Array(n * 784);
  for (let i = 0; i < inputs.length; ++i) inputs[i] = pixels[i] / 255;
  const inputNpy = path.join(tmp, 'images.npy');
  const firstNpy = path.join(tmp, 'first.npy');
  writeNpy(inputNpy, [n, 1, 28, 28], inputs);
  writeNpy(firstNpy, [1, 1, 28, 28], inputs.subarray(0, 784));
  console.log(`inputs: first ${n} Fashion-MNIST test images from ${source}`);

  const rows = [];
  const ortRows = [];
  const notes = [];
  let ok = true;
  const models = [
    {name: 'float CNN', file: 'fmnist-cnn.onnx', int8: false},
    {name: 'int8 QDQ CNN', file: 'fmnist-cnn-qdq.onnx', int8: true},
    {name: 'int8 QOperator CNN', file: 'fmnist-cnn-qop.onnx', int8: true},
  ];
  for (const m of models) {
    let model = path.join(ROOT, 'examples', m.file);
    let extra = [];
    if (m.int8) {
      const exposed = path.join(tmp, m.file.replace('.onnx', '-int8.onnx'));
      const names = execFileSync(args.python, [
        path.join(__dirname, 'expose-int8.py'), model, exposed],
      {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
      extra = names ? names.split(/\s+/) : [];
      model = exposed;
    }
    const outputs = ['logits', ...extra];
    const ours = quantRun(args, model, inputNpy, outputs, tmp);
    const {session, inputName, results} =
        await ortRun(ort, model, pixels, n, outputs);
    let row;
    if (!m.int8) {
      // Float: ONNX Runtime is the reference.
      const logits = compareLogits(ours[0], results[0], n, 10);
      if (!logitsHold(logits, n, 1e-5)) ok = false;
      row = {model: m.name, ref: 'ONNX Runtime', maxAbs: logits.maxAbs,
             rel: logits.rel, agree: `${logits.agree}/${n}`, codes: 'n/a'};
    } else {
      // Int8: the exact reference decides; ORT is reported against it.
      const ref = int8Reference(args, model, inputNpy, outputs.length, tmp);
      const logits = compareLogits(ours[0], ref[0], n, 10);
      const c = compareTensors(extra, ours.slice(1), ref.slice(1));
      const bad = c.per.filter((t) => t.diff)
          .map((t) => `${t.name}: ${t.diff} codes differ (max ${t.maxDiff})`);
      if (c.diff || !logitsHold(logits, n, 1e-5)) ok = false;
      row = {model: m.name, ref: 'exact int8 (int8_ref.py)',
             maxAbs: logits.maxAbs, rel: logits.rel,
             agree: `${logits.agree}/${n}`,
             codes: c.diff === 0
               ? `bit-exact (${extra.length} tensors, ${c.total} codes)`
               : `${c.diff} of ${c.total} codes differ (max ${c.maxDiff}): ${
                 bad.join('; ')}`};

      const t = compareTensors(extra, results.slice(1), ref.slice(1));
      const ortLogits = compareLogits(results[0], ref[0], n, 10);
      const vsOurs = compareLogits(results[0], ours[0], n, 10);
      let reproduced = 'n/a (no difference)';
      if (t.diff) {
        // Informational: a failure here is reported, not a parity failure.
        try {
          const report = explainOrt(args, model, inputNpy, results, tmp);
          const got = report.reduce((s, r) => s + r.reproduced, 0);
          const missed = report.reduce((s, r) => s + r.emulation_mismatch, 0);
          reproduced = `${got} of ${t.diff} (${pct(got, t.diff)})` +
              (missed ? `; emulation differs from ORT on ${missed} codes` : '');
        } catch (e) {
          reproduced = 'not determined (int8_ref.py ' +
              `--emulate-avx2-vpmaddubsw failed: ${
                String(e.message).split('\n')[0]})`;
        }
        notes.push(`${m.name}: ORT codes differing per tensor: ${
          t.per.map((p) => `${p.name} ${p.diff}/${p.total}`).join(', ')}`);
      }
      ortRows.push({model: m.name, total: t.total, diff: t.diff,
                    agreement: pct(t.total - t.diff, t.total),
                    maxDiff: t.maxDiff, reproduced,
                    logits: `${fmt(ortLogits.maxAbs)} (${fmt(ortLogits.rel)})`,
                    argmaxExact: `${ortLogits.agree}/${n}`,
                    argmaxOurs: `${vsOurs.agree}/${n}`});
    }
    // Timed on the model as shipped (no exposed intermediate outputs).
    const original = path.join(ROOT, 'examples', m.file);
    row.ours = quantBench(args, original, firstNpy);
    const timed = model === original ? session
        : await ort.InferenceSession.create(original, {
          intraOpNumThreads: 1, interOpNumThreads: 1,
          executionMode: 'sequential', graphOptimizationLevel: 'all'});
    row.ort = await ortBench(ort, timed, inputName, pixels, args.bench);
    rows.push(row);
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
    writeNpy(bnnIn, [nb, 1, 28, 28], bx);
    const ours = quantRun(args, bnnModel, bnnIn, ['logits'], tmp);
    const c = compareLogits(ours[0], npz.logits.data, nb, 10);
    if (!logitsHold(c, nb, 1e-4)) ok = false;
    bnn = {model: 'QONNX BNN', ref: 'PyTorch', maxAbs: c.maxAbs, rel: c.rel,
           agree: `${c.agree}/${nb}`, codes: 'n/a (binary)',
           ours: quantBench(args, bnnModel, firstNpy), ort: NaN};
  } catch (e) {
    ok = false;
    bnn = {model: 'QONNX BNN', ref: 'PyTorch', maxAbs: NaN, rel: NaN,
           agree: 'failed', codes: String(e.message).split('\n')[0],
           ours: NaN, ort: NaN};
  }
  rows.push(bnn);

  const lines = [
    '| model | reference | max abs diff (logits) | rel. to max logit | ' +
        'argmax agreement | int8 tensors | ours (us) | ORT (us) |',
    '|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${r.model} | ${r.ref} | ${fmt(r.maxAbs)} | ${fmt(r.rel)} | ${
      r.agree} | ${r.codes} | ${isNaN(r.ours) ? 'n/a' : r.ours.toFixed(1)} | ${
      isNaN(r.ort) ? 'n/a (QONNX ops)' : r.ort.toFixed(1)} |`);
  }
  const ortLines = [
    '| model (ONNX Runtime vs exact int8) | int8 codes | differing | ' +
        'agreement | max diff | reproduced by int16 pair-sum saturation | ' +
        'logits max abs diff (rel.) | argmax vs exact | argmax vs ours |',
    '|---|---|---|---|---|---|---|---|---|'];
  for (const r of ortRows) {
    ortLines.push(`| ${r.model} | ${r.total} | ${r.diff} | ${r.agreement} | ${
      r.maxDiff} | ${r.reproduced} | ${r.logits} | ${r.argmaxExact} | ${
      r.argmaxOurs} |`);
  }
  const cpu = hostCpu();
  const cpuNote = !cpu.known ? `host CPU: ${cpu.name} (flags unknown)`
      : cpu.vnni.length ? `host CPU: ${cpu.name} (${cpu.vnni.join(', ')}): ` +
        'ORT\'s u8 x s8 kernels use VNNI dot products (exact int32 sums)'
      : `host CPU: ${cpu.name} (${cpu.avx2 ? 'AVX2, ' : ''}no avx512_vnni / ` +
        'avx_vnni): ORT\'s u8 x s8 kernels multiply with vpmaddubsw, whose ' +
        'int16 sums of product pairs saturate, so ORT\'s codes can differ ' +
        'from the exact ones (known ORT limitation on such CPUs)';
  console.log(lines.join('\n'));
  console.log('latency: batch 1, median; ours = quant-run --bench ' +
              `${args.bench} (the compiled function), ORT = session.run() ` +
              'with intraOpNumThreads=1 (includes the Node binding overhead)');
  console.log('\nONNX Runtime\'s int8 results against the exact reference ' +
              '(reported, not checked):');
  console.log(ortLines.join('\n'));
  for (const note of notes) console.log(note);
  console.log(cpuNote);
  if (args.markdown) {
    fs.writeFileSync(args.markdown, [...lines, '', ...ortLines, '',
      ...notes.map((s) => s + '  '), cpuNote].join('\n') + '\n');
  }
  fs.rmSync(tmp, {recursive: true, force: true});
  console.log(ok ? 'parity: ok' : 'parity: FAILED');
  if (args.check && !ok) process.exit(1);
}

main().catch((e) => { console.error(e.stack || e); process.exit(1); });
