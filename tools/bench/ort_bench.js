// ort_bench.js - times one model in ONNX Runtime, the way hone-run times hone.
//
//   node --expose-gc ort_bench.js MODEL.onnx --input NAME=X.npy ... [--expect Y.npy ...]
//        [--threads N] [--bench N]
//
// Prints one JSON object like `hone-run --bench N --json`: median_ms, min_ms,
// p90_ms, working_memory_kb (peak resident memory during the runs minus
// resident memory after loading, before the first run; DESIGN.md's
// definition) and max_rel_err (per output max|got - want| / max|want|).
// The session uses every graph optimization, `--threads` intra-op threads,
// one inter-op thread and sequential execution. ONNX Runtime comes from
// `npm install --ignore-scripts onnxruntime-node@1.30.0`; HONE_ORT_NODE names
// the package's folder (default: node_modules/onnxruntime-node beside the
// current directory's node_modules lookup).
'use strict';
const fs = require('fs');

function fail(message) {
  process.stderr.write(`ort_bench: ${message}\n`);
  process.exit(2);
}

const ortPath = process.env.HONE_ORT_NODE || 'onnxruntime-node';
let ort;
try {
  ort = require(ortPath);
} catch (e) {
  fail(`cannot load ONNX Runtime from '${ortPath}' (set HONE_ORT_NODE): ${e.message}`);
}

// .npy version 1/2/3, little-endian, C order.
const NPY_TYPES = {
  '<f4': ['float32', Float32Array], '<f8': ['float64', Float64Array],
  '<i8': ['int64', BigInt64Array], '<i4': ['int32', Int32Array],
  '|b1': ['bool', Uint8Array], '|u1': ['uint8', Uint8Array], '|i1': ['int8', Int8Array],
};

function readNpy(path) {
  const bytes = fs.readFileSync(path);
  if (bytes.toString('latin1', 0, 6) !== '\x93NUMPY') fail(`${path}: not a .npy file`);
  const major = bytes[6];
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const headerStart = major === 1 ? 10 : 12;
  const header = bytes.toString('latin1', headerStart, headerStart + headerLength);
  const descr = /'descr':\s*'([^']+)'/.exec(header);
  const order = /'fortran_order':\s*(True|False)/.exec(header);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header);
  if (!descr || !order || !shape) fail(`${path}: unreadable header`);
  if (order[1] === 'True') fail(`${path}: Fortran order is not supported`);
  const type = NPY_TYPES[descr[1]];
  if (!type) fail(`${path}: dtype ${descr[1]} is not supported`);
  const dims = shape[1].split(',').map(s => s.trim()).filter(s => s.length).map(Number);
  const count = dims.reduce((a, b) => a * b, 1);
  const offset = headerStart + headerLength;
  const data = bytes.buffer.slice(bytes.byteOffset + offset,
                                  bytes.byteOffset + offset + count * type[1].BYTES_PER_ELEMENT);
  const array = new type[1](data);
  return new ort.Tensor(type[0], type[0] === 'bool' ? Uint8Array.from(array) : array, dims);
}

function residentKiB(field) {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const match = new RegExp(`${field}\\s+(\\d+)`).exec(status);
  return match ? Number(match[1]) : 0;
}

// Pages in every file-backed read-only mapping (the engine's code and its
// read-only data: tables, constant pools) so that the working memory counts
// what the runs allocate, not the clean file pages their first run faults
// in: hone-run does the same for hone before its baseline.
// Reading the pages through /proc/self/mem maps them into this process.
function pageInCode() {
  const maps = fs.readFileSync('/proc/self/maps', 'utf8').split('\n');
  const mem = fs.openSync('/proc/self/mem', 'r');
  const chunk = Buffer.alloc(1 << 20);
  for (const line of maps) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 6 || (fields[1] !== 'r-xp' && fields[1] !== 'r--p') || !fields[5].startsWith('/')) continue;
    const [start, end] = fields[0].split('-').map(h => BigInt('0x' + h));
    for (let at = start; at < end; at += BigInt(chunk.length)) {
      const length = Number(end - at < BigInt(chunk.length) ? end - at : BigInt(chunk.length));
      try { fs.readSync(mem, chunk, 0, length, at); } catch (e) { break; }
    }
  }
  fs.closeSync(mem);
}

function maxRelativeError(got, want) {
  let diff = 0, scale = 0;
  for (let i = 0; i < want.data.length; ++i) {
    const w = Number(want.data[i]), g = Number(got.data[i]);
    diff = Math.max(diff, Math.abs(g - w));
    scale = Math.max(scale, Math.abs(w));
  }
  return scale > 0 ? diff / scale : diff;
}

async function main() {
  const args = process.argv.slice(2);
  let model = null, threads = 1, runs = 10;
  const inputs = {}, expected = [];
  for (let i = 0; i < args.length; ++i) {
    const arg = args[i];
    const value = () => { if (i + 1 >= args.length) fail(`${arg} needs a value`); return args[++i]; };
    if (arg === '--input') {
      const spec = value(), eq = spec.indexOf('=');
      if (eq < 0) fail(`--input expects NAME=FILE.npy, got '${spec}'`);
      inputs[spec.slice(0, eq)] = readNpy(spec.slice(eq + 1));
    } else if (arg === '--expect') expected.push(readNpy(value()));
    else if (arg === '--threads') threads = Number(value());
    else if (arg === '--bench') runs = Number(value());
    else if (arg.startsWith('-')) fail(`unknown option '${arg}'`);
    else model = arg;
  }
  if (!model) fail('usage: node ort_bench.js MODEL.onnx --input NAME=X.npy ... [--threads N] [--bench N]');
  const session = await ort.InferenceSession.create(model, {
    graphOptimizationLevel: 'all', intraOpNumThreads: threads, interOpNumThreads: 1,
    executionMode: 'sequential',
  });
  if (process.env.HONE_PAGE_IN_CODE !== '0') pageInCode();
  // Outputs of earlier runs are JavaScript garbage: collected before every
  // run (outside its time, with node --expose-gc) so that they do not count
  // as ONNX Runtime's working memory.
  const collect = () => { if (global.gc) global.gc(); };
  collect();
  fs.writeFileSync('/proc/self/clear_refs', '5');
  const baseline = residentKiB('VmRSS:');
  let outputs = await session.run(inputs); // the warm-up, and the check
  let maxRelErr = 0;
  session.outputNames.forEach((name, k) => {
    if (k < expected.length) maxRelErr = Math.max(maxRelErr, maxRelativeError(outputs[name], expected[k]));
  });
  const times = [];
  for (let r = 0; r < runs; ++r) {
    outputs = undefined;
    collect();
    const start = process.hrtime.bigint();
    outputs = await session.run(inputs);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const working = Math.max(0, residentKiB('VmHWM:') - baseline);
  times.sort((a, b) => a - b);
  const at = q => times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))] : 0;
  process.stdout.write(JSON.stringify({
    ok: true, engine: 'onnxruntime', version: ort.env.versions ? ort.env.versions.common : undefined,
    runs: times.length, median_ms: at(0.5), min_ms: times.length ? times[0] : 0, p90_ms: at(0.9),
    working_memory_kb: working, max_rel_err: maxRelErr,
  }) + '\n');
}

main().catch(e => fail(e.message));
