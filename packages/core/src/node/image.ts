// Images in Node: decoding with sharp (any format it reads, EXIF orientation applied) and drawing
// detections on an image. sharp is loaded on first use.
import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../errors.js';
import type { RgbImage } from '../image/rgb.js';
import type { Detection } from '../ssd/detect.js';

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


const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Draws boxes, labels and scores on the image; returns PNG or JPEG bytes (by `format`). */
export async function annotateImage(image: RgbImage, detections: Detection[], format: 'png' | 'jpeg' = 'jpeg'): Promise<Uint8Array> {
  const sharp = await loadSharp();
  const stroke = Math.max(2, Math.round(Math.min(image.width, image.height) / 200));
  const font = Math.max(12, Math.round(Math.min(image.width, image.height) / 40));
  const palette = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45'];
  const shapes = detections.map((d) => {
    const color = palette[d.class % palette.length]!;
    const { xmin, ymin, xmax, ymax } = d.box;
    const text = escapeXml(`${d.label} ${(d.score * 100).toFixed(0)}%`);
    const ty = ymin > font + 4 ? ymin - 4 : ymin + font + 2;
    return (
      `<rect x="${xmin}" y="${ymin}" width="${Math.max(1, xmax - xmin)}" height="${Math.max(1, ymax - ymin)}" fill="none" stroke="${color}" stroke-width="${stroke}"/>` +
      `<text x="${xmin + 2}" y="${ty}" font-family="sans-serif" font-size="${font}" font-weight="bold" fill="${color}" stroke="#000" stroke-width="0.6">${text}</text>`
    );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}">${shapes.join('')}</svg>`;
  const img = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } }).composite([{ input: Buffer.from(svg) }]);
  const buf = format === 'png' ? await img.png().toBuffer() : await img.jpeg({ quality: 90 }).toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
