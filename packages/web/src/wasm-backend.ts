// liteq's C++ core compiled to WebAssembly (wasm32-wasi, SIMD128), behind the same C ABI as the Node
// addon (native/include/liteq/liteq.h) and implementing @liteq/core's Backend. One instance per
// backend; every call runs on the calling thread (the module is built without threads).
import { ExecutionError, MemoryLimitError, type Backend, type BackendInfo, type PlanHandle } from '@liteq/core';
import { WasiExit, wasiImports } from './wasi.js';

/** Must equal LITEQ_ABI_VERSION in native/include/liteq/liteq.h. */
const ABI_VERSION = 2;
/** LITEQ_E_MEMORY_LIMIT in liteq.h. */
const E_MEMORY_LIMIT = -5;
const WASM_SIMD128 = 1 << 5;

interface Exports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(n: number): number;
  free(p: number): void;
  liteq_version(): number;
  liteq_abi_version(): number;
  liteq_cpu_features(): number;
  liteq_active_isa(): number;
  liteq_last_error(): number;
  liteq_kernel_count(): number;
  liteq_kernel_name(i: number): number;
  liteq_plan_create(desc: number, size: number, constants: number, sizes: number, n: number, threads: number, maxMemory: bigint, out: number): number;
  liteq_plan_destroy(plan: number): void;
  liteq_plan_memory(plan: number, arena: number, scratch: number): number;
  liteq_plan_run(plan: number, inputs: number, sizes: number, n: number): number;
  liteq_plan_tensor(plan: number, tensor: number, data: number, size: number): number;
  liteq_quantize_uint8(x: number, n: number, scale: number, zp: number, qmin: number, qmax: number, out: number): number;
  liteq_quantize_int8_per_channel(x: number, n: number, scales: number, channels: number, inner: number, qmin: number, qmax: number, out: number): number;
}

/** Where the module's bytes come from: beside this file (Node: read from disk; browsers: fetched). */
export async function loadWasmBytes(url = new URL(/* @vite-ignore */ './liteq.wasm', import.meta.url)): Promise<Uint8Array> {
  if (url.protocol === 'file:') {
    const fsModule = 'node:fs/promises';
    const fs = (await import(/* @vite-ignore */ fsModule)) as { readFile(u: URL): Promise<Uint8Array> };
    try {
      return new Uint8Array(await fs.readFile(url));
    } catch (e) {
      throw new Error(`${url.pathname} is missing (${(e as { code?: string }).code ?? (e as Error).message}): build it with \`npm run build:wasm -w @liteq/web\` (needs cmake and clang-14, lld-14, wasi-libc, libc++-14-dev-wasm32)`);
    }
  }
  const r = await fetch(url);
  if (!r.ok) throw new Error(`cannot fetch ${url.href}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

export interface WasmBackendOptions {
  /** The module's bytes (default: liteq.wasm beside this file). */
  bytes?: Uint8Array;
  /** Environment for getenv() inside the module (e.g. LITEQ_PROFILE=1). */
  env?: Record<string, string>;
  /** Sink for what the module prints (the profiler's table); default console.error. */
  write?: (fd: number, text: string) => void;
}

/** The C ABI over one WebAssembly instance: memory in and out, status codes to exceptions. */
class WasmCore {
  private readonly dec = new TextDecoder();

  constructor(readonly x: Exports) {}

  private get mem(): Uint8Array {
    return new Uint8Array(this.x.memory.buffer);
  }

  private get view(): DataView {
    return new DataView(this.x.memory.buffer);
  }

  cString(p: number): string {
    const m = this.mem;
    let end = p;
    while (m[end] !== 0) end++;
    return this.dec.decode(m.subarray(p, end));
  }

  alloc(bytes: number): number {
    const p = this.x.malloc(Math.max(1, bytes));
    if (p === 0) throw new ExecutionError(`the WebAssembly backend is out of memory (${bytes} bytes)`);
    return p;
  }

  /** Copies bytes into module memory; the caller frees the result. */
  put(bytes: Uint8Array): number {
    const p = this.alloc(bytes.byteLength);
    this.write(p, bytes);
    return p;
  }

  /** Copies bytes to module memory at p (memory the caller allocated). */
  write(p: number, bytes: Uint8Array): void {
    this.mem.set(bytes, p);
  }

  u32s(values: readonly number[]): number {
    const p = this.alloc(values.length * 4);
    const v = this.view;
    values.forEach((x, i) => v.setUint32(p + 4 * i, x, true));
    return p;
  }

  u32(p: number): number {
    return this.view.getUint32(p, true);
  }

  copyOut(p: number, n: number): Uint8Array {
    return this.mem.slice(p, p + n);
  }

  /** Runs a C call; a negative status or a trap becomes an ExecutionError with the module's message. */
  call(what: string, fn: () => number): number {
    let status: number;
    try {
      status = fn();
    } catch (e) {
      if (e instanceof WasiExit || e instanceof WebAssembly.RuntimeError) throw new ExecutionError(`${what}: the WebAssembly module stopped: ${(e as Error).message}`);
      throw e;
    }
    if (status === E_MEMORY_LIMIT) throw new MemoryLimitError(this.cString(this.x.liteq_last_error()));
    if (status < 0) throw new ExecutionError(`${what}: ${this.cString(this.x.liteq_last_error())}`);
    return status;
  }

  /** Frees every pointer after fn, whatever happens. */
  withFree<T>(ptrs: number[], fn: () => T): T {
    try {
      return fn();
    } finally {
      for (const p of ptrs) this.x.free(p);
    }
  }
}

class WasmPlan implements PlanHandle {
  private disposed = false;
  // Module memory the runs reuse (one inference allocates nothing in the module once these exist):
  // each input's staging buffer, the pointer and size arrays, and liteq_plan_tensor's two out-words.
  private staging: { ptr: number; bytes: number }[] = [];
  private ptrs = 0;
  private sizes = 0;
  private out = 0;

  constructor(
    private readonly core: WasmCore,
    private readonly plan: number,
  ) {}

  /** The staging buffers for these inputs, (re)allocated only when their count or a size changes. */
  private stage(inputs: Uint8Array[]): void {
    const c = this.core;
    const same = this.staging.length === inputs.length && inputs.every((b, i) => this.staging[i]!.bytes === b.byteLength);
    if (!same) {
      this.release();
      for (const b of inputs) this.staging.push({ ptr: c.alloc(b.byteLength), bytes: b.byteLength });
      this.ptrs = c.u32s(this.staging.map((s) => s.ptr));
      this.sizes = c.u32s(inputs.map((b) => b.byteLength));
      this.out = c.alloc(8);
    }
    inputs.forEach((b, i) => c.write(this.staging[i]!.ptr, b));
  }

  private release(): void {
    const c = this.core;
    for (const p of [...this.staging.map((s) => s.ptr), this.ptrs, this.sizes, this.out]) if (p !== 0) c.x.free(p);
    this.staging = [];
    this.ptrs = this.sizes = this.out = 0;
  }

  runSync(inputs: Uint8Array[], tensors: number[]): Uint8Array[] {
    if (this.disposed) throw new ExecutionError('the plan was disposed');
    const c = this.core;
    this.stage(inputs);
    c.call('run', () => c.x.liteq_plan_run(this.plan, this.ptrs, this.sizes, inputs.length));
    return tensors.map((t) => {
      c.call(`tensor ${t}`, () => c.x.liteq_plan_tensor(this.plan, t, this.out, this.out + 4));
      return c.copyOut(c.u32(this.out), c.u32(this.out + 4));
    });
  }

  async run(inputs: Uint8Array[], tensors: number[]): Promise<Uint8Array[]> {
    return this.runSync(inputs, tensors);
  }

  memory(): { arenaBytes: number; scratchBytes: number } {
    const c = this.core;
    const out = c.alloc(8);
    return c.withFree([out], () => {
      c.call('memory', () => c.x.liteq_plan_memory(this.plan, out, out + 4));
      return { arenaBytes: c.u32(out), scratchBytes: c.u32(out + 4) };
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.release();
    this.core.x.liteq_plan_destroy(this.plan);
  }
}

export class WasmBackend implements Backend {
  private constructor(private readonly core: WasmCore) {}

  /** Instantiates the module (SIMD128 required: every current browser and Node ≥ 16 have it). */
  static async create(opts: WasmBackendOptions = {}): Promise<WasmBackend> {
    const bytes = opts.bytes ?? (await loadWasmBytes());
    let memory: WebAssembly.Memory | undefined;
    const write = opts.write ?? ((_fd: number, text: string) => console.error(text.replace(/\n$/, '')));
    const imports = { wasi_snapshot_preview1: wasiImports(() => memory!, { ...(opts.env ? { env: opts.env } : {}), write }) };
    let instance: WebAssembly.Instance;
    try {
      ({ instance } = await WebAssembly.instantiate(bytes as Uint8Array<ArrayBuffer>, imports));
    } catch (e) {
      throw new Error(`cannot instantiate liteq.wasm: ${(e as Error).message} (WebAssembly SIMD128 is required)`);
    }
    const x = instance.exports as unknown as Exports;
    memory = x.memory;
    x._initialize();
    if (x.liteq_abi_version() !== ABI_VERSION) throw new Error(`liteq.wasm has ABI ${x.liteq_abi_version()}, expected ${ABI_VERSION}: rebuild @liteq/web`);
    return new WasmBackend(new WasmCore(x));
  }

  info(): BackendInfo {
    const x = this.core.x;
    return { name: 'wasm', version: this.core.cString(x.liteq_version()), cpuFeatures: x.liteq_cpu_features() & WASM_SIMD128 ? ['wasm-simd128'] : [], isa: this.core.cString(x.liteq_active_isa()) };
  }

  kernelNames(): string[] {
    const x = this.core.x;
    return Array.from({ length: x.liteq_kernel_count() }, (_, i) => this.core.cString(x.liteq_kernel_name(i)));
  }

  createPlan(description: Uint8Array, constants: Uint8Array[], _threads: number, maxMemory: number): PlanHandle {
    const c = this.core;
    const desc = c.put(description);
    const data = constants.map((b) => c.put(b));
    const ptrs = c.u32s(data);
    const sizes = c.u32s(constants.map((b) => b.byteLength));
    const out = c.alloc(4);
    // The plan copies the constants: the staging copies are freed right away.
    return c.withFree([desc, ...data, ptrs, sizes, out], () => {
      c.call('plan', () => c.x.liteq_plan_create(desc, description.byteLength, ptrs, sizes, constants.length, 1, BigInt(maxMemory), out));
      return new WasmPlan(c, c.u32(out));
    });
  }

  quantizeUint8(x: Float32Array, scale: number, zeroPoint: number, qmin: number, qmax: number): Uint8Array {
    const c = this.core;
    const xp = c.put(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    const out = c.alloc(x.length);
    return c.withFree([xp, out], () => {
      c.call('quantize', () => c.x.liteq_quantize_uint8(xp, x.length, scale, zeroPoint, qmin, qmax, out));
      return c.copyOut(out, x.length);
    });
  }

  quantizeInt8PerChannel(x: Float32Array, scales: Float32Array, inner: number, qmin: number, qmax: number): Int8Array {
    const c = this.core;
    const xp = c.put(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    const sp = c.put(new Uint8Array(scales.buffer, scales.byteOffset, scales.byteLength));
    const out = c.alloc(x.length);
    return c.withFree([xp, sp, out], () => {
      c.call('quantize', () => c.x.liteq_quantize_int8_per_channel(xp, x.length, sp, scales.length, inner, qmin, qmax, out));
      const b = c.copyOut(out, x.length);
      return new Int8Array(b.buffer, b.byteOffset, b.byteLength);
    });
  }
}
