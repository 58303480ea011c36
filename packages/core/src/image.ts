// Images in and out of detection models: decode with sharp, resize with half-pixel-centre bilinear
// interpolation (the same arithmetic as ../shared/tools/img2raw.mjs, so liteq's inputs compare with the
// reference runtime's), and draw detections.
import { readFile } from 'node:fs/promises';
import { InvalidInputError } from './errors.js';

export interface RgbImage {
  /** RGB, 8 bits per channel, row-major HWC. */
  data: Uint8Array;
  width: number;
  height: number;
}

type Sharp = typeof import('sharp');
let sharpModule: Promise<Sharp> | undefined;

/** sharp, loaded on first use (core stays importable where sharp is not installed, e.g. browsers). */
export async function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then((m) => ((m as { default?: Sharp }).default ?? (m as unknown as Sharp)));
  return sharpModule;
}

/** Decodes an image file or encoded bytes to RGB (alpha dropped, EXIF orientation applied). */
export async function decodeImage(src: string | Uint8Array, label = typeof src === 'string' ? src : '<image>'): Promise<RgbImage> {
  const bytes = typeof src === 'string' ? await readFile(src) : src;
  const sharp = await loadSharp();
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error' })
      .rotate()
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels`);
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  } catch (e) {
    throw new InvalidInputError(`${label}: cannot decode image: ${(e as Error).message} (JPEG, PNG, WebP, GIF, AVIF and TIFF are supported)`);
  }
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
