/** Reading a local image for a figure: as a data URL, images only, at most 1 MB. */

export const MAX_FIGURE_BYTES = 1024 * 1024;

export type ImageReadError = 'not-image' | 'too-large' | 'unreadable';

export class ImageFileError extends Error {
  constructor(readonly reason: ImageReadError) {
    super(reason);
    this.name = 'ImageFileError';
  }
}

export function readImageFile(file: File): Promise<string> {
  if (!file.type.startsWith('image/')) return Promise.reject(new ImageFileError('not-image'));
  if (file.size > MAX_FIGURE_BYTES) return Promise.reject(new ImageFileError('too-large'));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') resolve(reader.result);
      else reject(new ImageFileError('unreadable'));
    };
    reader.onerror = () => reject(new ImageFileError('unreadable'));
    reader.readAsDataURL(file);
  });
}
