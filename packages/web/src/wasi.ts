// The few WASI preview1 calls liteq's WebAssembly module imports (wasi-libc's stdio, getenv and
// clocks), for browsers and Node alike: stderr/stdout go to a sink, the environment is what the host
// passes (e.g. LITEQ_PROFILE), clocks come from performance.now(). Nothing touches a file system.
export interface WasiOptions {
  /** Environment visible to getenv() inside the module. */
  env?: Record<string, string>;
  /** Receives what the module writes to stdout (fd 1) and stderr (fd 2). */
  write?: (fd: number, text: string) => void;
}

const ERRNO_SUCCESS = 0;
const ERRNO_BADF = 8;
const ERRNO_NOSYS = 52;

/** Thrown by proc_exit (the module called exit() or abort()). */
export class WasiExit extends Error {
  constructor(readonly code: number) {
    super(`the liteq WebAssembly module exited with code ${code}`);
  }
}

export function wasiImports(getMemory: () => WebAssembly.Memory, opts: WasiOptions = {}): Record<string, (...args: never[]) => unknown> {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const envs = Object.entries(opts.env ?? {}).map(([k, v]) => enc.encode(`${k}=${v}\0`));
  const view = () => new DataView(getMemory().buffer);
  const bytes = () => new Uint8Array(getMemory().buffer);
  const pending: Record<number, string> = {};
  return {
    environ_sizes_get(countPtr: number, sizePtr: number) {
      view().setUint32(countPtr, envs.length, true);
      view().setUint32(sizePtr, envs.reduce((n, e) => n + e.length, 0), true);
      return ERRNO_SUCCESS;
    },
    environ_get(environPtr: number, bufPtr: number) {
      let at = bufPtr;
      envs.forEach((e, i) => {
        view().setUint32(environPtr + 4 * i, at, true);
        bytes().set(e, at);
        at += e.length;
      });
      return ERRNO_SUCCESS;
    },
    clock_time_get(_id: number, _precision: bigint, timePtr: number) {
      const ns = BigInt(Math.round((globalThis.performance?.now() ?? Date.now()) * 1e6));
      view().setBigUint64(timePtr, ns, true);
      return ERRNO_SUCCESS;
    },
    fd_write(fd: number, iovs: number, iovsLen: number, writtenPtr: number) {
      if (fd !== 1 && fd !== 2) return ERRNO_BADF;
      let n = 0;
      let text = '';
      for (let i = 0; i < iovsLen; i++) {
        const ptr = view().getUint32(iovs + 8 * i, true);
        const len = view().getUint32(iovs + 8 * i + 4, true);
        text += dec.decode(bytes().subarray(ptr, ptr + len));
        n += len;
      }
      // Whole lines to the sink.
      const all = (pending[fd] ?? '') + text;
      const cut = all.lastIndexOf('\n');
      if (cut >= 0) (opts.write ?? (() => {}))(fd, all.slice(0, cut + 1));
      pending[fd] = cut >= 0 ? all.slice(cut + 1) : all;
      view().setUint32(writtenPtr, n, true);
      return ERRNO_SUCCESS;
    },
    fd_close() {
      return ERRNO_SUCCESS;
    },
    fd_seek() {
      return ERRNO_NOSYS;
    },
    proc_exit(code: number) {
      throw new WasiExit(code);
    },
  };
}
