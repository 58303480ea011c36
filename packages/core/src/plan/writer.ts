// Little-endian byte writers for what crosses into C++: the plan description (ByteWriter) and kernel
// params blobs (ParamsWriter: 4-byte fields, int32 range checked).
export class ByteWriter {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  n = 0;

  private ensure(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const g = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    g.set(this.buf.subarray(0, this.n));
    this.buf = g;
    this.view = new DataView(g.buffer);
  }

  u32(v: number): this {
    this.ensure(4);
    this.view.setUint32(this.n, v, true);
    this.n += 4;
    return this;
  }

  i32(v: number): this {
    this.ensure(4);
    this.view.setInt32(this.n, v, true);
    this.n += 4;
    return this;
  }

  f32(v: number): this {
    this.ensure(4);
    this.view.setFloat32(this.n, v, true);
    this.n += 4;
    return this;
  }

  u64(v: number): this {
    this.ensure(8);
    this.view.setBigUint64(this.n, BigInt(v), true);
    this.n += 8;
    return this;
  }

  /** Raw bytes, zero-padded to a 4-byte boundary. */
  bytes(b: Uint8Array): this {
    this.ensure(b.length + 3);
    this.buf.set(b, this.n);
    this.n += b.length;
    while (this.n % 4) this.buf[this.n++] = 0;
    return this;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

/** A params blob: the fields of a declared block (params.ts), then its tail arrays. */
export class ParamsWriter extends ByteWriter {
  override i32(v: number): this {
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new RangeError(`ParamsWriter.i32: ${v} is not an int32`);
    return super.i32(v);
  }

  i32s(vs: ArrayLike<number>): this {
    for (let i = 0; i < vs.length; i++) this.i32(vs[i]!);
    return this;
  }

  f32s(vs: ArrayLike<number>): this {
    for (let i = 0; i < vs.length; i++) this.f32(vs[i]!);
    return this;
  }
}
