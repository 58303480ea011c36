// The contract between @liteq/core and the execution backends (@liteq/native in Node, @liteq/web
// in browsers). Each backend package registers itself; core resolves native first, then wasm, and
// when none loads it reports every backend's failure so the user sees why (e.g. how to rebuild).

export interface BackendInfo {
  /** "native" or "wasm". */
  name: string;
  /** Version of the C++ core behind the backend. */
  version: string;
  /** CPU features the kernels may dispatch on (e.g. "avx2", "sse4.1", "wasm-simd128"). */
  cpuFeatures: string[];
  /** The instruction set level the kernels dispatch to ("avx512vnni", "avx2", …, "wasm-simd128"; LITEQ_ISA caps it). */
  isa: string;
}

/** A plan created on a backend: runs the whole graph per call. */
export interface PlanHandle {
  /** Runs once on inputs (raw tensor bytes, in input order); resolves to copies of the requested tensors. */
  run(inputs: Uint8Array[], tensors: number[]): Promise<Uint8Array[]>;
  /** Same, blocking the calling thread. */
  runSync(inputs: Uint8Array[], tensors: number[]): Uint8Array[];
  memory(): { arenaBytes: number; scratchBytes: number };
  dispose(): void;
}

export interface Backend {
  info(): BackendInfo;
  /** Kernel names the backend can run (the executor registry). */
  kernelNames(): string[];
  /**
   * Creates a plan from a description built by buildPlan (constants are copied). threads <= 0: one
   * per core. maxMemory > 0 bounds what the plan holds (arena, constants, scratch, packed weights):
   * over it, nothing is allocated and a MemoryLimitError is thrown. borrow: the backend may use the
   * constants where they are instead of copying them (Node's native one does, holding them until the
   * plan is disposed); the caller must not change them while the plan lives.
   */
  createPlan(description: Uint8Array, constants: Uint8Array[], threads: number, maxMemory: number, borrow?: boolean): PlanHandle;
  /**
   * Bulk constant quantization (toco QuantizeBuffer): q = clamp(round(zp + x / scale), qmin, qmax) in
   * double, half away from zero. Optional: the converter falls back to an identical TS loop.
   */
  quantizeUint8?(x: Float32Array, scale: number, zeroPoint: number, qmin: number, qmax: number): Uint8Array;
  /**
   * Symmetric per-channel int8 quantization: element i is in channel (i / inner) % scales.length and
   * q = clamp(round(x / scale[c]), qmin, qmax) in double, half away from zero. Optional (TS fallback).
   */
  quantizeInt8PerChannel?(x: Float32Array, scales: Float32Array, inner: number, qmin: number, qmax: number): Int8Array;
  /**
   * Symmetric int8 weights with their scales, in one read where the layout allows: element i is in
   * channel c = (i / inner) % channels, scale[c] = float32(max|w_c| / qmax) (1 for an all-zero channel),
   * q = clamp(round(x / scale[c]), -qmax, qmax) in double, half away from zero. `out` (x's length), when
   * given, receives the values. A non-finite weight gives its index instead. Optional: TS fallback,
   * same bytes (numerics/weights.ts).
   */
  quantizeWeightsInt8?(x: Float32Array, channels: number, inner: number, qmax: number, out?: Int8Array): { data: Int8Array; scales: Float32Array } | { badIndex: number };
  /** min and max over x and 0, NaN skipped (numerics/ranges.ts dataRange); threaded. Optional. */
  minMax?(x: Float32Array): { min: number; max: number };
  /** float32 → IEEE half bits, round to nearest even (numerics/float16.ts floatToHalf). Optional. */
  toFloat16?(x: Float32Array, out?: Uint16Array): Uint16Array;
  /**
   * Node's native backend only: the file memory-mapped read-only. Pages the bulk calls above have read
   * are dropped from the process as they go, so large models stream through. An ArrayBuffer, or past
   * 4 GiB windows of the file every WINDOW_STRIDE bytes (formats/file-bytes.ts; fileBytes views either).
   */
  mapFile?(path: string): ArrayBuffer | ArrayBuffer[];
  /** Node's native backend only: zero-filled memory outside the JS heap, committed as it is written (any size, as mapFile). */
  allocate?(bytes: number): ArrayBuffer;
  /** Node's native backend only: drops a read range of a mapped file from the process (see mapFile). */
  releasePages?(view: ArrayBufferView): void;
  /**
   * Node's native backend only: bytes [offset, offset + bytes) of an open file (fd), mapped shared and
   * writable, so an output is built in the file's page cache (up to 4 GiB; reserve ranges before writing).
   */
  mapOutput?(fd: number, offset: number, bytes: number): Uint8Array;
  /** Node's native backend only: reserves a file range's disk blocks; 0 or the errno (ENOSPC, EOPNOTSUPP, ...). */
  reserveFile?(fd: number, offset: number, bytes: number): number;
}

type BackendLoader = () => Promise<Backend>;

interface Registration {
  name: string;
  priority: number;
  load: BackendLoader;
}

const registry: Registration[] = [];
const resolved = new Map<string, Promise<Backend>>();

/** Registers a backend; higher priority is tried first (native 100, wasm 10). Re-registering replaces. */
export function registerBackend(name: string, load: BackendLoader, priority: number): void {
  const i = registry.findIndex((r) => r.name === name);
  if (i >= 0) registry.splice(i, 1);
  registry.push({ name, priority, load });
  registry.sort((a, b) => b.priority - a.priority);
  resolved.delete(name);
}

export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';
  constructor(readonly failures: { backend: string; reason: string }[]) {
    super(
      failures.length === 0
        ? 'no liteq backend is registered: install @liteq/native (Node) or @liteq/web (browser)'
        : `no liteq backend could be loaded:\n${failures.map((f) => `  ${f.backend}: ${f.reason}`).join('\n')}`,
    );
  }
}

// Backend packages that register themselves when imported. Optional: a missing one is a failure
// to report, not a crash.
const KNOWN_BACKEND_PACKAGES = ['@liteq/native', '@liteq/web'];

async function importKnownBackends(failures: { backend: string; reason: string }[]): Promise<void> {
  for (const pkg of KNOWN_BACKEND_PACKAGES) {
    try {
      // A variable specifier: bundlers leave it alone (the browser entry must not pull in the Node addon).
      await import(/* @vite-ignore */ pkg);
    } catch (e) {
      failures.push({ backend: pkg, reason: `cannot import: ${(e as Error).message}` });
    }
  }
}

let fallbackNoted = false;

/** Says once per process, on stderr, why a preferred backend was passed over (e.g. native → wasm). */
function noteFallback(used: string, failures: { backend: string; reason: string }[]): void {
  const real = failures.filter((f) => !f.reason.startsWith('cannot import'));
  if (fallbackNoted || real.length === 0) return;
  fallbackNoted = true;
  console.warn(`liteq: using the ${used} backend; ${real.map((f) => `${f.backend} is not available: ${f.reason}`).join('; ')}`);
}

/** LITEQ_BACKEND from the environment (Node), or undefined (browsers, or unset). */
export function backendFromEnv(): string | undefined {
  const v = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['LITEQ_BACKEND'];
  return v ? v : undefined;
}

/**
 * The highest-priority backend that loads, gathering every failure. `name` ("native" | "wasm", or the
 * environment's LITEQ_BACKEND when not given) forces one.
 */
export async function resolveBackend(name: string | undefined = backendFromEnv()): Promise<Backend> {
  if (name !== undefined && name !== 'native' && name !== 'wasm' && !registry.some((r) => r.name === name)) {
    throw new BackendUnavailableError([{ backend: name, reason: 'unknown backend (native or wasm)' }]);
  }
  const failures: { backend: string; reason: string }[] = [];
  if (registry.length === 0 || (name && !registry.some((r) => r.name === name))) await importKnownBackends(failures);
  const candidates = registry.filter((r) => !name || r.name === name);
  for (const r of candidates) {
    let p = resolved.get(r.name);
    if (!p) {
      p = r.load();
      resolved.set(r.name, p);
    }
    try {
      const backend = await p;
      if (failures.length > 0 && !name) noteFallback(r.name, failures);
      return backend;
    } catch (e) {
      resolved.delete(r.name);
      failures.push({ backend: r.name, reason: (e as Error).message });
    }
  }
  throw new BackendUnavailableError(name && candidates.length === 0 ? [...failures, { backend: name, reason: 'not registered' }] : failures);
}
