// @liteq/native: loads the compiled addon and registers it as @liteq/core's "native" backend.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ExecutionError, MemoryLimitError, registerBackend, type Backend, type BackendInfo, type PlanHandle } from '@liteq/core';

declare const planBrand: unique symbol;
type NativePlan = { readonly [planBrand]: true };

/** The addon's raw surface (see src/addon/addon.cc). */
interface Addon {
  version(): string;
  abiVersion(): number;
  cpuFeatures(): number;
  activeIsa?(): string;
  kernelNames(): string[];
  createPlan(description: Uint8Array, constants: Uint8Array[], threads: number, maxMemory: number, borrow?: boolean): NativePlan;
  disposePlan(plan: NativePlan): void;
  planMemory(plan: NativePlan): { arenaBytes: number; scratchBytes: number };
  runPlanSync(plan: NativePlan, inputs: Uint8Array[], tensors: number[]): Uint8Array[];
  runPlan(plan: NativePlan, inputs: Uint8Array[], tensors: number[]): Promise<Uint8Array[]>;
  /** Absent in addons built before the converter existed. */
  quantizeUint8?(x: Float32Array, scale: number, zeroPoint: number, qmin: number, qmax: number): Uint8Array;
  /** Absent in addons built before post-training quantization existed. */
  quantizeInt8PerChannel?(x: Float32Array, scales: Float32Array, inner: number, qmin: number, qmax: number): Int8Array;
  /** Absent in addons built before large-model streaming existed (this and the four below). */
  quantizeWeightsInt8?(x: Float32Array, channels: number, inner: number, qmax: number, out?: Int8Array): { data: Int8Array; scales: Float32Array } | { badIndex: number };
  toFloat16?(x: Float32Array, out?: Uint16Array): Uint16Array;
  minMax?(x: Float32Array): { min: number; max: number };
  mapFile?(path: string): ArrayBuffer | ArrayBuffer[];
  allocate?(bytes: number): ArrayBuffer;
  releasePages?(view: ArrayBufferView): void;
  /** Absent in addons built before streamed outputs were written in place (this and reserveFile). */
  mapOutput?(fd: number, offset: number, bytes: number): ArrayBuffer;
  reserveFile?(fd: number, offset: number, bytes: number): number;
}

/** Must equal LITEQ_ABI_VERSION in native/include/liteq/liteq.h. */
const ABI_VERSION = 2;

const CPU_FEATURE_NAMES: [number, string][] = [
  [1 << 0, 'sse4.1'],
  [1 << 1, 'avx2'],
  [1 << 2, 'fma'],
  [1 << 3, 'avx512f'],
  [1 << 4, 'avx512vnni'],
  [1 << 6, 'avx512bw'],
  [1 << 5, 'wasm-simd128'],
];

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ADDON_PATH = path.join(packageDir, 'build', 'Release', 'liteq.node');
const INSTALL_ERROR = path.join(packageDir, 'build', 'install-error.txt');
const IN_REPOSITORY = existsSync(path.join(packageDir, '..', '..', 'native', 'CMakeLists.txt'));
const REBUILD_HINT = IN_REPOSITORY
  ? `rebuild it with \`npm run build -w @liteq/native\` from the repository root (needs cmake and a C++17 compiler)`
  : `install cmake and a C++17 compiler, then \`npm rebuild @liteq/native\``;

/** Why the install did not build the addon (build/install-error.txt), if it did not. */
function installError(): string {
  try {
    return ` (install: ${readFileSync(INSTALL_ERROR, 'utf8').split('\n')[0]})`;
  } catch {
    return '';
  }
}

/** Thrown when the compiled addon is missing, broken or from another version. */
export class NativeAddonError extends Error {
  override readonly name = 'NativeAddonError';
}

let addon: Addon | undefined;

/** Loads the addon once; a missing or broken build gives an error that says how to rebuild. */
export function loadAddon(addonPath = ADDON_PATH): Addon {
  if (addon && addonPath === ADDON_PATH) return addon;
  const require = createRequire(import.meta.url);
  let a: Addon;
  try {
    a = require(addonPath) as Addon;
  } catch (e) {
    throw new NativeAddonError(`cannot load the liteq native addon at ${addonPath}: ${(e as Error).message.split('\n')[0]}${installError()}; ${REBUILD_HINT}`, { cause: e });
  }
  if (typeof a.abiVersion !== 'function' || a.abiVersion() !== ABI_VERSION) {
    throw new NativeAddonError(`the liteq native addon at ${addonPath} has ABI ${String(a.abiVersion?.())}, expected ${ABI_VERSION}; ${REBUILD_HINT}`);
  }
  if (addonPath === ADDON_PATH) addon = a;
  return a;
}

export function cpuFeatureNames(bits: number): string[] {
  return CPU_FEATURE_NAMES.filter(([bit]) => (bits & bit) !== 0).map(([, name]) => name);
}

export class NativeBackend implements Backend {
  constructor(private readonly addon: Addon) {}

  info(): BackendInfo {
    return { name: 'native', version: this.addon.version(), cpuFeatures: cpuFeatureNames(this.addon.cpuFeatures()), isa: this.addon.activeIsa?.() ?? 'unknown' };
  }

  kernelNames(): string[] {
    return this.addon.kernelNames();
  }

  quantizeUint8(x: Float32Array, scale: number, zeroPoint: number, qmin: number, qmax: number): Uint8Array {
    if (!this.addon.quantizeUint8) throw new NativeAddonError(`this liteq native addon has no quantizeUint8; ${REBUILD_HINT}`);
    return this.addon.quantizeUint8(x, scale, zeroPoint, qmin, qmax);
  }

  quantizeInt8PerChannel(x: Float32Array, scales: Float32Array, inner: number, qmin: number, qmax: number): Int8Array {
    if (!this.addon.quantizeInt8PerChannel) throw new NativeAddonError(`this liteq native addon has no quantizeInt8PerChannel; ${REBUILD_HINT}`);
    return this.addon.quantizeInt8PerChannel(x, scales, inner, qmin, qmax);
  }

  quantizeWeightsInt8(x: Float32Array, channels: number, inner: number, qmax: number, out?: Int8Array): { data: Int8Array; scales: Float32Array } | { badIndex: number } {
    return this.need('quantizeWeightsInt8').call(this.addon, x, channels, inner, qmax, out);
  }

  toFloat16(x: Float32Array, out?: Uint16Array): Uint16Array {
    return this.need('toFloat16').call(this.addon, x, out);
  }

  minMax(x: Float32Array): { min: number; max: number } {
    return this.need('minMax').call(this.addon, x);
  }

  /** The file mapped read-only: one ArrayBuffer, or past 4 GiB windows of it (core's fileBytes views either). */
  mapFile(path: string): ArrayBuffer | ArrayBuffer[] {
    return this.need('mapFile').call(this.addon, path);
  }

  /** Zero-filled memory: an anonymous mapping up to 4 GiB (Node's largest external buffer), a JS ArrayBuffer past it (also lazily zeroed). */
  allocate(bytes: number): ArrayBuffer {
    if (bytes > 2 ** 32) return new ArrayBuffer(bytes);
    return this.need('allocate').call(this.addon, bytes);
  }

  releasePages(view: ArrayBufferView): void {
    this.need('releasePages').call(this.addon, view);
  }

  /** Bytes [offset, offset + bytes) of an open file, mapped shared and writable (up to 4 GiB). */
  mapOutput(fd: number, offset: number, bytes: number): Uint8Array {
    const buffer = this.need('mapOutput').call(this.addon, fd, offset, bytes);
    return new Uint8Array(buffer, buffer.byteLength - bytes, bytes);
  }

  /** Reserves a file range's blocks (fallocate): 0, or the errno (ENOSPC, EOPNOTSUPP, ...). */
  reserveFile(fd: number, offset: number, bytes: number): number {
    return this.need('reserveFile').call(this.addon, fd, offset, bytes);
  }

  private need<K extends 'quantizeWeightsInt8' | 'toFloat16' | 'minMax' | 'mapFile' | 'allocate' | 'releasePages' | 'mapOutput' | 'reserveFile'>(name: K): NonNullable<Addon[K]> {
    const f = this.addon[name];
    if (!f) throw new NativeAddonError(`this liteq native addon has no ${name}; ${REBUILD_HINT}`);
    return f as NonNullable<Addon[K]>;
  }

  createPlan(description: Uint8Array, constants: Uint8Array[], threads: number, maxMemory: number, borrow = false): PlanHandle {
    const a = this.addon;
    const plan = typed(() => a.createPlan(description, constants, threads, maxMemory, borrow));
    let disposed = false;
    return {
      run: (inputs, tensors) => a.runPlan(plan, inputs, tensors).catch((e: unknown) => Promise.reject(asExecutionError(e))),
      runSync: (inputs, tensors) => typed(() => a.runPlanSync(plan, inputs, tensors)),
      memory: () => a.planMemory(plan),
      dispose: () => {
        if (!disposed) a.disposePlan(plan);
        disposed = true;
      },
    };
  }
}

/** LITEQ_E_MEMORY_LIMIT in native/include/liteq/liteq.h. */
const E_MEMORY_LIMIT = -5;

/** Errors from the C++ core (plain JS Errors carrying liteq_last_error() and its status) typed. */
function asExecutionError(e: unknown): unknown {
  if (!(e instanceof Error && e.constructor === Error)) return e;
  if ((e as { status?: number }).status === E_MEMORY_LIMIT) return new MemoryLimitError(e.message, { cause: e });
  return new ExecutionError(e.message, { cause: e });
}

function typed<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw asExecutionError(e);
  }
}

registerBackend('native', async () => new NativeBackend(loadAddon()), 100);
