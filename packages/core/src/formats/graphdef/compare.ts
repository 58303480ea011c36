// Structural comparison of TF graph values. Generic deep-equal helpers walk typed arrays element by
// element and choke on 24 MB of weights; this compares bytes in one flat loop and reports the
// first difference as a path, which is what a failing round-trip test needs to say.

function diff(a: unknown, b: unknown, path: string): string | undefined {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array)) return `${path}: bytes vs non-bytes`;
    if (a.length !== b.length) return `${path}: ${a.length} bytes vs ${b.length}`;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return `${path}: bytes differ at ${i}`;
    return undefined;
  }
  if (typeof a !== typeof b) return `${path}: ${typeof a} vs ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object') {
    return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs non-array`;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)].filter((k) => ao[k] !== undefined || bo[k] !== undefined));
  for (const k of keys) {
    const d = diff(ao[k], bo[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

/**
 * The first difference between two values of the TF graph form (or any plain data), as
 * 'path: what'; undefined when equal. Bytes compare by content, numbers with Object.is (NaN equals NaN).
 */
export function diffValues(a: unknown, b: unknown, path = '$'): string | undefined {
  return diff(a, b, path);
}
