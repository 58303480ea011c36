// Decoded images and the resize every detection input goes through: half-pixel-centre bilinear
// interpolation (the same arithmetic as ../shared/tools/img2raw.mjs, so liteq's inputs compare with
// the reference runtime's). Decoding is the host's (node/image.ts: sharp; a browser: canvas).

export interface RgbImage {
  /** RGB, 8 bits per channel, row-major HWC. */
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Bilinear resize with half-pixel centres: output pixel (x, y) samples the source at
 * ((x + 0.5) * w / W - 0.5, (y + 0.5) * h / H - 0.5), clamped at the edges, rounded to nearest.
 */
export function resizeBilinear(img: RgbImage, width: number, height: number): RgbImage {
  const { data: px, width: w, height: h } = img;
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, ((y + 0.5) * h) / height - 0.5);
    const y0 = Math.min(h - 1, Math.floor(fy));
    const y1 = Math.min(h - 1, y0 + 1);
    const ay = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, ((x + 0.5) * w) / width - 0.5);
      const x0 = Math.min(w - 1, Math.floor(fx));
      const x1 = Math.min(w - 1, x0 + 1);
      const ax = fx - x0;
      for (let c = 0; c < 3; c++) {
        const v =
          (1 - ay) * ((1 - ax) * px[(y0 * w + x0) * 3 + c]! + ax * px[(y0 * w + x1) * 3 + c]!) +
          ay * ((1 - ax) * px[(y1 * w + x0) * 3 + c]! + ax * px[(y1 * w + x1) * 3 + c]!);
        out[(y * width + x) * 3 + c] = Math.round(v);
      }
    }
  }
  return { data: out, width, height };
}
