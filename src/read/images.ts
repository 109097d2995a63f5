/**
 * Images named by a document: resolved inside documents/, read through the host, and their size read from the PNG
 * or JPEG header (layout needs it before any writer runs). Every failure is a diagnostic at the image.
 */
import { createHash } from 'node:crypto';
import type { ImageAsset } from '../model/document.js';
import type { Span } from '../model/source.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isFileError, type FileError } from '../host/host.js';

/** Width and height in pixels from a PNG IHDR or a JPEG SOFn marker; undefined for other formats. */
export function imageInfo(bytes: Uint8Array): { type: ImageAsset['type']; width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && png.every((b, i) => bytes[i] === b)) {
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    return width > 0 && height > 0 ? { type: 'png', width, height } : undefined;
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1]!;
      if (marker === 0xff) {
        at += 1;
        continue;
      }
      const length = view.getUint16(at + 2);
      // SOF0…SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = view.getUint16(at + 5);
        const width = view.getUint16(at + 7);
        return width > 0 && height > 0 ? { type: 'jpeg', width, height } : undefined;
      }
      at += 2 + length;
    }
  }
  return undefined;
}

/** CRC-32 (ISO 3309, as PNG uses it), table-driven. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Whether a PNG or JPEG file is whole: a PNG's chunks lie inside the file, each with its right CRC, up to IEND
 * with image data before it; a JPEG's scan is followed by its end marker (data after it, as phones append, is
 * fine). A cut-off or damaged file would otherwise stop the PDF writer. Linear in the file, nothing inflated.
 */
function imageComplete(type: ImageAsset['type'], bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'jpeg') {
    let at = 2;
    // Segments up to the start of scan, then its end marker anywhere after it.
    while (at + 4 <= bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      if (marker === 0xda) break;
      at += marker === 0xff ? 1 : 2 + view.getUint16(at + 2);
    }
    if (bytes[at + 1] !== 0xda) return false;
    for (let i = at + 2; i + 1 < bytes.length; i++) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
    return false;
  }
  let at = 8;
  let data = false;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    if (at + 12 + length > bytes.length) return false;
    const kind = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return false;
    if (kind === 'IDAT') data = true;
    if (kind === 'IEND') return data;
    at += 12 + length;
  }
  return false;
}

/** `documents/2021-4/a.md` + `img/map.png` → `documents/2021-4/img/map.png`; undefined when it leaves documents/. */
export function resolveInDocuments(documentPath: string, src: string): string | undefined {
  const parts = documentPath.split('/').slice(0, -1);
  for (const segment of src.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts[0] === 'documents' && parts.length > 1 ? parts.join('/') : undefined;
}

/** Reads one image for a document; a diagnostic (never an exception) when it cannot be used. */
export function loadImage(
  documentPath: string,
  src: string,
  span: Span | undefined,
  readFile: (path: string) => Uint8Array | FileError,
): { image?: ImageAsset; diagnostic?: Diagnostic } {
  const at = span ? { span } : {};
  let decoded = src;
  try {
    decoded = decodeURI(src);
  } catch {
    // A stray % stays as written.
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded) || decoded.startsWith('//') || decoded.startsWith('/')) {
    return { diagnostic: { code: 'image-remote', severity: 'error', ...at, args: { src } } };
  }
  const path = resolveInDocuments(documentPath, decoded);
  if (!path) return { diagnostic: { code: 'image-outside', severity: 'error', ...at, args: { src } } };
  const bytes = readFile(path);
  if (bytes === 'ENOENT' || bytes === 'ENOTDIR') return { diagnostic: { code: 'image-missing', severity: 'error', ...at, args: { src, path } } };
  if (isFileError(bytes)) return { diagnostic: { code: 'file-unreadable', severity: 'error', ...at, args: { path, error: bytes, remedy: `remedy-${bytes}` } } };
  const info = imageInfo(bytes);
  if (!info) return { diagnostic: { code: 'image-format', severity: 'error', ...at, args: { src } } };
  if (!imageComplete(info.type, bytes)) return { diagnostic: { code: 'image-corrupt', severity: 'error', ...at, args: { src, path } } };
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'image';
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  return { image: { path, ...info, bytes, outputName: `${name}-${hash}.${info.type === 'jpeg' ? 'jpg' : 'png'}` } };
}
