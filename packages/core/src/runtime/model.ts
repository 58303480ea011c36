// loadModel(): a .tflite model ready to run on the best available backend (native in Node, WASM
// elsewhere). Paths and URLs are read by the host (host/host.ts).
import { resolveBackend, type PlanHandle } from '../backend.js';
import { InvalidInputError, MemoryLimitError } from '../errors.js';
import { readTflite } from '../formats/tflite/reader.js';
import { host } from '../host/host.js';
import type { RgbImage } from '../image/rgb.js';
import { EXPECTED_ARRAY, typedArrayFor, type OutputTensor, type TensorData, type TensorInfo } from '../ir/tensor-data.js';
import type { Model } from '../ir/types.js';
import { buildPlan, type BuiltPlan, type PlanTensorInfo } from '../plan/build.js';
import { detect, type Detection, type DetectOptions } from '../ssd/detect.js';

export type { OutputTensor, TensorData, TensorInfo };

export interface LoadModelOptions {
  /** Worker threads for one inference; default one per core. */
  threads?: number;
  /** Backend name ("native" or "wasm"); default: LITEQ_BACKEND, else the best that loads. */
  backend?: string;
  /** Keep every intermediate tensor readable after a run (see LiteqModel.tensor). Uses more memory. */
  preserveIntermediates?: boolean;
  /** A label for errors when bytes are given. */
  file?: string;
  /**
   * Most bytes the backend may hold for this model (arena, constants, kernel scratch, packed
   * weights), checked before anything is allocated. Default: defaultMaxMemory(). 0 or Infinity: no limit.
   */
  maxMemory?: number;
}

/** Half the machine's RAM where the platform tells, else 2 GiB (half of WebAssembly's 4 GiB). */
export function defaultMaxMemory(): number {
  const total = host().totalMemory?.();
  return total && total > 0 ? Math.floor(total / 2) : 2 ** 31;
}

const MiB = (n: number): string => `${(n / 2 ** 20).toFixed(1)} MiB`;

/** The limit as a backend takes it: 0 = none. Bad values are typed errors. */
function resolveMaxMemory(v: number | undefined, file: string): number {
  if (v === undefined) return defaultMaxMemory();
  if (v === 0 || v === Infinity) return 0;
  if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) throw new InvalidInputError(`${file}: \`maxMemory\` must be a whole number of bytes (0 = no limit), got ${v}`);
  return v;
}

function toInfo(t: PlanTensorInfo): TensorInfo {
  return { name: t.name, shape: t.shape, dtype: t.dtype, scale: t.scale, zeroPoint: t.zeroPoint };
}

export class LiteqModel {
  readonly inputs: TensorInfo[];
  readonly outputs: TensorInfo[];

  constructor(
    readonly ir: Model,
    private readonly plan: BuiltPlan,
    private readonly handle: PlanHandle,
    readonly file: string,
    /** The backend that runs this model ("native" or "wasm"). */
    readonly backend: string,
  ) {
    this.inputs = plan.inputs.map(toInfo);
    this.outputs = plan.outputs.map(toInfo);
  }

  /** Validates and orders inputs: an array in input order, or a record keyed by input name. */
  private inputBytes(inputs: TensorData[] | Record<string, TensorData>): Uint8Array[] {
    const list = Array.isArray(inputs)
      ? inputs
      : this.inputs.map((info) => {
          const v = (inputs as Record<string, TensorData>)[info.name];
          if (!v) throw new InvalidInputError(`${this.file}: missing input "${info.name}" (inputs: ${this.inputs.map((i) => i.name).join(', ')})`);
          return v;
        });
    if (list.length !== this.inputs.length) {
      throw new InvalidInputError(`${this.file}: expected ${this.inputs.length} input(s), got ${list.length}`);
    }
    return list.map((data, i) => {
      const info = this.plan.inputs[i]!;
      const want = EXPECTED_ARRAY[info.dtype];
      // instanceof, so subclasses such as Node's Buffer (a Uint8Array) are accepted.
      if (!want || !(data instanceof want)) {
        const got = (data as { constructor?: { name?: string } } | null)?.constructor?.name ?? typeof data;
        throw new InvalidInputError(`${this.file}: input ${i} "${info.name}" is ${info.dtype} [${info.shape.join(',')}]: expected a ${want?.name ?? 'supported typed array'}, got ${got}`);
      }
      if (data.byteLength !== info.bytes) {
        const elements = info.bytes / (data as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
        throw new InvalidInputError(
          `${this.file}: input ${i} "${info.name}" is ${info.dtype} [${info.shape.join(',')}]: expected ${elements} elements, got ${data.byteLength / (data as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT}`,
        );
      }
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    });
  }

  private wrap(tensors: PlanTensorInfo[], bytes: Uint8Array[]): OutputTensor[] {
    return tensors.map((t, i) => ({ ...toInfo(t), data: typedArrayFor(t.dtype, bytes[i]!) }));
  }

  /** Runs the whole graph once (off the main thread) and returns every output. */
  async run(inputs: TensorData[] | Record<string, TensorData>): Promise<OutputTensor[]> {
    const bytes = await this.handle.run(this.inputBytes(inputs), this.plan.outputs.map((o) => o.index));
    return this.wrap(this.plan.outputs, bytes);
  }

  /** Same as run(), blocking. */
  runSync(inputs: TensorData[] | Record<string, TensorData>): OutputTensor[] {
    return this.wrap(this.plan.outputs, this.handle.runSync(this.inputBytes(inputs), this.plan.outputs.map((o) => o.index)));
  }

  /**
   * Runs once and returns the given tensors (by IR index), intermediates included. Needs
   * preserveIntermediates (else later ops may have reused their memory).
   */
  async runTensors(inputs: TensorData[] | Record<string, TensorData>, indices: number[]): Promise<OutputTensor[]> {
    const infos = indices.map((i) => {
      const t = this.plan.tensors[i];
      if (!t) throw new InvalidInputError(`${this.file}: no tensor ${i}`);
      return t;
    });
    return this.wrap(infos, await this.handle.run(this.inputBytes(inputs), indices));
  }

  /** SSD models: detections on an image (path, encoded bytes or RGB), boxes in its pixels. */
  detect(image: string | Uint8Array | RgbImage, opts?: DetectOptions): Promise<Detection[]> {
    return detect(this, image, opts);
  }

  /** Kernel per op, in execution order. */
  get kernels(): string[] {
    return [...this.plan.kernels];
  }

  memory(): { arenaBytes: number; scratchBytes: number } {
    return this.handle.memory();
  }

  dispose(): void {
    this.handle.dispose();
  }
}

/** Loads a .tflite (a path in Node, a URL in a browser, or bytes) and prepares it on a backend. */
export async function loadModel(pathOrBytes: string | Uint8Array, opts: LoadModelOptions = {}): Promise<LiteqModel> {
  const file = typeof pathOrBytes === 'string' ? pathOrBytes : (opts.file ?? '<memory>');
  let bytes = pathOrBytes as Uint8Array;
  if (typeof pathOrBytes === 'string') {
    const backend = await resolveBackend(opts.backend);
    bytes = await host().readFile(pathOrBytes, backend.mapFile?.bind(backend));
  }
  const ir = readTflite(bytes, file);
  return createModel(ir, { ...opts, file }, typeof pathOrBytes === 'string');
}

/**
 * Prepares an IR model (e.g. one just converted or quantized) on a backend. `ownBytes` (loadModel of
 * a path: nobody else holds the file's bytes) lets the backend use the constants where they are, in
 * the file read or mapped, instead of copying them.
 */
export async function createModel(ir: Model, opts: LoadModelOptions = {}, ownBytes = false): Promise<LiteqModel> {
  const file = opts.file ?? '<memory>';
  let plan: BuiltPlan;
  try {
    plan = buildPlan(ir, { preserveIntermediates: opts.preserveIntermediates ?? false });
  } catch (e) {
    if (e instanceof Error && e.name === 'UnsupportedError') e.message = `${file}: ${e.message}`;
    throw e;
  }
  const maxMemory = resolveMaxMemory(opts.maxMemory, file);
  // What is known before the backend is asked (so nothing is copied into it): the arena and the
  // constants, rounded as the core allocates them. The core checks the full total again.
  const round = (n: number) => Math.ceil(n / 64) * 64;
  const known = round(plan.arenaBytes) + plan.constants.reduce((a, c) => a + round(c.byteLength), 0);
  if (maxMemory > 0 && known > maxMemory) {
    throw new MemoryLimitError(
      `${file}: needs at least ${known} bytes (${MiB(known)}: activation arena ${MiB(plan.arenaBytes)} + constants ${MiB(known - round(plan.arenaBytes))}), over the limit of ${maxMemory} bytes (${MiB(maxMemory)}, \`maxMemory\`); nothing was allocated`,
    );
  }
  const backend = await resolveBackend(opts.backend);
  let handle: PlanHandle;
  try {
    handle = backend.createPlan(plan.description, plan.constants, opts.threads ?? 0, maxMemory, ownBytes);
    // Pages of a mapped model file the plan copied from, or packed, can go: a constant it reads
    // where it lies (borrowed) comes back from the file when a kernel reads it.
    if (backend.releasePages) for (const c of plan.constants) backend.releasePages(c);
  } catch (e) {
    if (e instanceof MemoryLimitError) throw new MemoryLimitError(`${file}: ${e.message} (\`maxMemory\`); nothing was kept`, { cause: e });
    throw e;
  }
  return new LiteqModel(ir, plan, handle, file, backend.info().name);
}

