/**
 * A page's content stream deflated on libuv's threads while the next pages are drawn. pdfkit deflates every
 * stream synchronously as the document ends, on the main thread: a tenth of writing a long issue's PDF that the
 * second core can do. zlib gives the same bytes either way (the same default level, window and strategy).
 */
import { deflate } from 'node:zlib';

/** The part of a pdfkit 0.20 PDFReference this reads: its pending chunks, and whether it will deflate them. */
export interface StreamReference {
  buffer: Uint8Array[];
  compress: boolean;
  finalize(): void;
}

/** Starts deflating what `ref` holds now; resolves once its finalize will write that instead of deflating. */
export function deflateAhead(ref: StreamReference): Promise<void> {
  if (!ref.compress || ref.buffer.length === 0 || typeof ref.finalize !== 'function') return Promise.resolve();
  const chunks = ref.buffer.length;
  return new Promise((resolve) => {
    deflate(Buffer.concat(ref.buffer), (error, packed) => {
      if (!error) {
        const finalize = ref.finalize;
        ref.finalize = function (this: StreamReference): void {
          // Written to since (pdfkit closing a page's marked content): pdfkit deflates the whole stream itself.
          if (this.buffer.length === chunks) {
            this.buffer = [packed];
            this.compress = false;
          }
          finalize.call(this);
        };
      }
      resolve();
    });
  });
}
