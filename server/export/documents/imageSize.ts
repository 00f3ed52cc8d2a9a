/**
 * The pixel size of a figure's image, read from its header (PNG, JPEG, GIF, BMP — the raster
 * formats Word takes), and the image's bytes from the data URL the editor stores.
 */

export type ImageType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface FigureImage {
  type: ImageType;
  data: Uint8Array;
  width: number;
  height: number;
}

const DATA_URL = /^data:image\/[a-z0-9.+-]+;base64,([A-Za-z0-9+/=\s]+)$/i;

function u16be(data: Uint8Array, at: number): number {
  return ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);
}

function u16le(data: Uint8Array, at: number): number {
  return (data[at] ?? 0) | ((data[at + 1] ?? 0) << 8);
}

function u32be(data: Uint8Array, at: number): number {
  return u16be(data, at) * 65536 + u16be(data, at + 2);
}

function i32le(data: Uint8Array, at: number): number {
  return new DataView(data.buffer, data.byteOffset, data.byteLength).getInt32(at, true);
}

function jpegSize(data: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1] ?? 0;
    const length = u16be(data, at + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(data, at + 5), width: u16be(data, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

function sizeOf(data: Uint8Array): { type: ImageType; width: number; height: number } | null {
  if (data.length > 24 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) {
    return { type: 'png', width: u32be(data, 16), height: u32be(data, 20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    const size = jpegSize(data);
    return size ? { type: 'jpg', ...size } : null;
  }
  if (data.length > 10 && data[0] === 0x47 && data[1] === 0x49 && data[2] === 0x46) {
    return { type: 'gif', width: u16le(data, 6), height: u16le(data, 8) };
  }
  if (data.length > 26 && data[0] === 0x42 && data[1] === 0x4d) {
    return { type: 'bmp', width: Math.abs(i32le(data, 18)), height: Math.abs(i32le(data, 22)) };
  }
  return null;
}

/** The image of a data URL, or null when it is not one Word can show (or not an image at all). */
export function figureImage(src: string): FigureImage | null {
  const match = DATA_URL.exec(src);
  if (!match?.[1]) return null;
  const data = new Uint8Array(Buffer.from(match[1], 'base64'));
  const size = sizeOf(data);
  if (!size || size.width <= 0 || size.height <= 0) return null;
  return { ...size, data };
}
