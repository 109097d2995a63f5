import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { deflateAhead, type StreamReference } from '../../src/write/pdf/deflate-ahead.js';

/** A stand-in for pdfkit's PDFReference: finalize deflates when `compress` is set, as pdfkit's does, and records what it wrote. */
function reference(chunks: string[]): StreamReference & { written?: Buffer; deflatedHere: number } {
  const ref = {
    buffer: chunks.map((chunk) => Buffer.from(chunk)),
    compress: true,
    deflatedHere: 0,
    written: undefined as Buffer | undefined,
    finalize(this: typeof ref) {
      let data = Buffer.concat(this.buffer);
      if (this.compress) {
        data = deflateSync(data);
        this.deflatedHere++;
      }
      this.written = data;
    },
  };
  return ref;
}

const page = Array.from({ length: 400 }, (_, i) => `1 0 0 1 72 ${700 - i} Tm <0a1b2c> Tj`);

describe('deflating page streams ahead', () => {
  it('writes the bytes pdfkit would have written, deflated off the main thread', async () => {
    const ref = reference(page);
    await deflateAhead(ref);
    ref.finalize();
    expect(ref.deflatedHere).toBe(0);
    expect(ref.written!.equals(deflateSync(Buffer.from(page.join(''))))).toBe(true);
  });

  it('leaves a stream written to after it was handed over to pdfkit, whole', async () => {
    const ref = reference(page);
    await deflateAhead(ref);
    ref.buffer.push(Buffer.from('EMC'));
    ref.finalize();
    expect(ref.deflatedHere).toBe(1);
    expect(inflateSync(ref.written!).toString()).toBe(`${page.join('')}EMC`);
  });

  it('does nothing to a stream pdfkit will not deflate, or an empty one', async () => {
    const plain = { ...reference(page), compress: false };
    const finalize = plain.finalize;
    await deflateAhead(plain);
    expect(plain.finalize).toBe(finalize);
    const empty = reference([]);
    await deflateAhead(empty);
    empty.finalize();
    expect(empty.written!.equals(deflateSync(Buffer.alloc(0)))).toBe(true);
  });
});

describe('a PDF whose pages were deflated ahead', () => {
  it('is byte for byte the one pdfkit writes deflating every page itself', async () => {
    const render = async (): Promise<Buffer> => {
      const [{ loadFonts }, { paginate }, { parseTheme }, { renderPdf }, { loadGazette, LAYOUT_FIXTURE, ROOT, nodeHost }] = await Promise.all([
        import('../../src/fonts/index.js'),
        import('../../src/paginate/index.js'),
        import('../../src/theme/index.js'),
        import('../../src/write/pdf/index.js'),
        import('../support/load-gazette.js'),
      ]);
      const themePath = 'templates/default/theme.yml';
      const theme = parseTheme([{ text: readFileSync(join(ROOT, themePath), 'utf8'), path: themePath }]).value!;
      const fonts = loadFonts(theme, nodeHost()).value;
      return Buffer.from(await renderPdf(paginate(await loadGazette('2021-4', LAYOUT_FIXTURE), theme, fonts, { draft: false }).value, fonts));
    };
    const ahead = await render();
    vi.resetModules();
    vi.doMock('../../src/write/pdf/deflate-ahead.js', () => ({ deflateAhead: () => Promise.resolve() }));
    const byPdfkit = await render();
    vi.doUnmock('../../src/write/pdf/deflate-ahead.js');
    expect(ahead.byteLength).toBeGreaterThan(10_000);
    expect(ahead.equals(byPdfkit)).toBe(true);
  });
});
