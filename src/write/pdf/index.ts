/**
 * The PDF edition: draws a PagedGazette with pdfkit. Every decision was taken by layout; this module only draws,
 * embeds subset fonts and images, and writes destinations, links, outline, page labels, metadata (PDF/A-2b,
 * deterministic) and, when the theme asks, the logical structure (tagged PDF, PDF/UA-1).
 */
import { isUnshapedCodePoint, type FontSet, type LoadedFont } from '../../fonts/index.js';
import type { ImageAsset } from '../../model/document.js';
import type { Box, OutlineDocument, PagedGazette, RuleBox, TextBox } from '../../model/layout.js';
import type { Writer } from '../index.js';
import { PDF_UA_XMP, Tagger, type TaggingPdf } from './tags.js';
import { escapeXml } from '../../shared/xml.js';

/** The part of pdfkit 0.20 used here; @types/pdfkit lags behind 0.20 (fontkit fonts, outline options). */
interface OutlineItem {
  outlineData: Record<string, unknown>;
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
}
interface Pdf extends TaggingPdf {
  page: { dictionary: { data: Record<string, unknown> }; height: number; fonts: Record<string, unknown> };
  _font: unknown;
  addContent(data: string | Uint8Array): Pdf;
  outline: OutlineItem;
  _root: { data: Record<string, unknown> };
  info: Record<string, unknown>;
  _addInfo(): void;
  appendXML(xml: string): void;
  on(event: 'data', listener: (chunk: Uint8Array) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  addPage(options: { size: [number, number]; margin: number }): Pdf;
  bufferedPageRange(): { start: number; count: number };
  registerFont(name: string, font: unknown): Pdf;
  font(name: string): Pdf;
  fontSize(size: number): Pdf;
  fillColor(color: string): Pdf;
  strokeColor(color: string): Pdf;
  lineWidth(width: number): Pdf;
  text(
    text: string,
    x: number,
    y: number,
    options: { lineBreak: false; characterSpacing: number; baseline: 'alphabetic'; rotation?: number },
  ): Pdf;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: LinkOptions): Pdf;
  link(x: number, y: number, w: number, h: number, url: string, options?: LinkOptions): Pdf;
  openImage(source: Uint8Array): unknown;
  image(image: unknown, x: number, y: number, options: { width: number; height: number }): Pdf;
  addNamedDestination(name: string, type: 'XYZ', left: null, top: number, zoom: null): void;
  end(): void;
}
type PdfConstructor = new (options: Record<string, unknown>) => Pdf;
/** A link annotation's place in the structure and its text (PDF/UA: Contents describes every link). */
interface LinkOptions {
  structParent?: ReturnType<Tagger['linkParent']>;
  /** A String object: pdfkit writes primitive strings as names. */
  // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types
  Contents: String;
}

const BLACK = '#000000';

/** pdfkit's embedded font, as far as the text writer below uses it. */
interface EmbeddedFont {
  id: string;
  ref(): unknown;
  encode(text: string): [string[], { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[]];
}

function num(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/**
 * Glyph codes per font: of each unshaped character, and of each shaped run with the kerning after each glyph
 * (null for a run whose glyphs need offsets). pdfkit records a glyph in the subset the first time it encodes it,
 * so encoding the same text again only repeats the first result.
 */
interface FontCodes {
  characters: Map<number, string>;
  runs: Map<string, { codes: string[]; kerns: number[] } | null>;
}

/**
 * Writes text boxes straight into the page's content stream: one BT…ET per run of boxes, absolute Tm per
 * line, Tf/Tc only when they change. Glyph codes are cached per font (FontCodes), so a line costs a few map
 * lookups instead of pdfkit's re-measuring and re-encoding in text().
 */
class TextWriter {
  private parts: string[] = [];
  private open = false;
  private font = '';
  private size = 0;
  private spacing = 0;
  private fill = BLACK;

  constructor(
    private readonly doc: Pdf,
    private readonly fontName: (key: string) => string,
    private readonly height: number,
    private readonly codes: Map<string, FontCodes>,
  ) {}

  /**
   * The TJ operator for a box: hex glyph codes, kerning of shaped runs and the box's own adjustments; undefined
   * when a glyph needs an offset (the box is then drawn by pdfkit).
   */
  private encode(font: EmbeddedFont, box: TextBox): string | undefined {
    const { text } = box;
    const adjustments = box.adjustments ?? [];
    let next = 0;
    let cache = this.codes.get(font.id);
    if (!cache) {
      cache = { characters: new Map(), runs: new Map() };
      this.codes.set(font.id, cache);
    }
    const { characters, runs } = cache;
    const out: string[] = [];
    let hex = '';
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i) ?? 0;
      if (isUnshapedCodePoint(cp)) {
        let code = characters.get(cp);
        if (code === undefined) {
          code = font.encode(String.fromCodePoint(cp))[0].join('');
          characters.set(cp, code);
        }
        hex += code;
        const adjustment = adjustments[next];
        if (adjustment !== undefined && adjustment.after === i) {
          out.push(`<${hex}> ${num((adjustment.amount * 1000) / box.size)}`);
          hex = '';
          next++;
        }
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      let j = i;
      while (j < text.length && !isUnshapedCodePoint(text.codePointAt(j) ?? 0)) j += (text.codePointAt(j) ?? 0) > 0xffff ? 2 : 1;
      const run = text.slice(i, j);
      let shaped = runs.get(run);
      if (shaped === undefined) {
        const [encoded, positions] = font.encode(run);
        const offset = positions.some((pos) => pos.xOffset !== 0 || pos.yOffset !== 0);
        shaped = offset ? null : { codes: encoded, kerns: positions.map((pos) => pos.xAdvance - pos.advanceWidth) };
        runs.set(run, shaped);
      }
      if (shaped === null) return undefined;
      for (let k = 0; k < shaped.codes.length; k++) {
        hex += shaped.codes[k] as string;
        const kern = shaped.kerns[k] as number;
        if (kern !== 0) {
          out.push(`<${hex}> ${num(-kern)}`);
          hex = '';
        }
      }
      i = j;
    }
    if (hex) out.push(`<${hex}>`);
    return `[${out.join(' ')}] TJ`;
  }

  write(box: TextBox): boolean {
    const name = this.fontName(box.font);
    this.doc.font(name);
    const font = this.doc._font as EmbeddedFont;
    const shown = this.encode(font, box);
    if (shown === undefined) return false;
    const fill = box.color ?? BLACK;
    if (fill !== this.fill) {
      this.close();
      this.doc.fillColor(fill);
      this.fill = fill;
    }
    const page = this.doc.page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    const parts = this.parts;
    if (!this.open) {
      parts.push(`q 1 0 0 -1 0 ${num(this.height)} cm BT`);
      this.open = true;
      this.font = '';
      this.spacing = 0;
    }
    parts.push(`1 0 0 1 ${num(box.x)} ${num(this.height - box.y)} Tm`);
    if (this.font !== font.id || this.size !== box.size) {
      parts.push(`/${font.id} ${num(box.size)} Tf`);
      this.font = font.id;
      this.size = box.size;
    }
    if (this.spacing !== box.characterSpacing) {
      parts.push(`${num(box.characterSpacing)} Tc`);
      this.spacing = box.characterSpacing;
    }
    parts.push(shown);
    return true;
  }

  close(): void {
    if (!this.open) return;
    this.parts.push('ET Q\n');
    // Content is ASCII (hex glyph codes): encode it natively instead of pdfkit's per-character copy.
    this.doc.addContent(ASCII.encode(this.parts.join('\n')));
    this.parts = [];
    this.open = false;
  }

  /** After a box drawn through pdfkit's own API, which may change the text state. */
  reset(): void {
    this.close();
    this.fill = '';
  }
}

const ASCII = new TextEncoder();

/** What drawing a page needs: the document, its text writer, fonts and images by key, the structure when tagged. */
interface Canvas {
  doc: Pdf;
  writer: TextWriter;
  fontName: (key: string) => string;
  image: (asset: ImageAsset) => unknown;
  tagger?: Tagger;
}

/**
 * Draws one box; `rules` holds the run of consecutive rules of the same width and colour that starts with
 * `box` (a table's cell borders), stroked as one path.
 */
function draw({ doc, writer, fontName, image, tagger }: Canvas, box: Box, rules: readonly RuleBox[]): void {
  if (tagger && (box.kind === 'text' || box.kind === 'rule' || box.kind === 'image')) tagger.mark(box, () => writer.close());
  switch (box.kind) {
    case 'text':
      if (!box.rotation && writer.write(box)) return;
      writer.reset();
      doc.font(fontName(box.font)).fontSize(box.size).fillColor(box.color ?? BLACK);
      doc.text(box.text, box.x, box.y, {
        lineBreak: false,
        characterSpacing: box.characterSpacing,
        baseline: 'alphabetic',
        ...(box.rotation ? { rotation: box.rotation } : {}),
      });
      return;
    case 'rule':
      writer.close();
      doc.lineWidth(box.lineWidth).strokeColor(box.color ?? BLACK);
      // One path for the whole run, written as bytes: pdfkit's moveTo/lineTo add (and copy) a string per segment.
      doc.addContent(ASCII.encode(`${rules.map((r) => `${num(r.x1)} ${num(r.y1)} m ${num(r.x2)} ${num(r.y2)} l`).join('\n')}\nS\n`));
      return;
    case 'link': {
      writer.close();
      const options: LinkOptions = { Contents: new String(box.contents), ...(tagger && box.tag ? { structParent: tagger.linkParent(box.tag, doc.page.dictionary) } : {}) };
      if (box.destination !== undefined) doc.goTo(box.x, box.y, box.width, box.height, box.destination, options);
      else if (box.uri !== undefined) doc.link(box.x, box.y, box.width, box.height, box.uri, options);
      return;
    }
    case 'image':
      writer.reset();
      doc.image(image(box.image), box.x, box.y, { width: box.width, height: box.height });
      return;
    case 'anchor':
      doc.addNamedDestination(box.name, 'XYZ', null, box.y, null);
      return;
  }
}

export async function renderPdf(paged: PagedGazette, fonts: FontSet): Promise<Uint8Array> {
  // pdfkit is over 300 KB of code: load it only when a PDF is wanted.
  const PDFDocument = (await import('pdfkit')).default as unknown as PdfConstructor;
  // Glyphs are embedded from the outlines, which may still be inflating (the pipeline reported any failure).
  await fonts.complete();
  const { metadata } = paged;
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    font: null,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: paged.tagged,
    lang: metadata.lang,
    displayTitle: true,
    info: {
      Title: metadata.title,
      Author: metadata.author,
      Subject: metadata.subject,
      Keywords: metadata.keywords,
      Creator: 'gazette',
      Producer: 'gazette (pdfkit)',
      CreationDate: metadata.creationDate,
      ModDate: metadata.creationDate,
    },
  });
  // pdfkit copies the info strings into the XMP packet as they are: a & or < in a title or a publisher would make
  // the XMP of a file that claims PDF/A malformed. Escape them there (the Info dictionary has its own escaping).
  const addInfo = doc._addInfo;
  doc._addInfo = function (this: Pdf): void {
    const raw = this.info;
    this.info = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]));
    try {
      addInfo.call(this);
    } finally {
      this.info = raw;
    }
  };
  // PDF/A-2b and PDF/UA-1 at once: pdfkit's `subset` names one standard, so the UA claim is added to the XMP.
  if (paged.tagged) doc.appendXML(PDF_UA_XMP);
  const tagger = paged.tagged ? new Tagger(doc) : undefined;
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  // One pdfkit font per file: loadFonts already gives theme keys that name the same file one LoadedFont.
  const registered = new Map<LoadedFont, string>();
  for (const [key, font] of fonts.fonts) {
    if (registered.has(font)) continue;
    registered.set(font, key);
    doc.registerFont(key, font.font);
  }
  const fontName = (key: string): string => {
    const font = fonts.fonts.get(key);
    const name = font && registered.get(font);
    if (name === undefined) throw new Error(`layout used font "${key}", which was not loaded`);
    return name;
  };

  // Each image file is embedded once, however often it is drawn.
  const images = new Map<string, unknown>();
  const image = (asset: ImageAsset): unknown => {
    let opened = images.get(asset.outputName);
    if (opened === undefined) {
      opened = doc.openImage(asset.bytes);
      images.set(asset.outputName, opened);
    }
    return opened;
  };
  const pageDicts: unknown[] = [];
  const codes = new Map<string, FontCodes>();
  for (const page of paged.pages) {
    doc.addPage({ size: [paged.width, paged.height], margin: 0 });
    pageDicts.push(doc.page.dictionary);
    // PDF/UA: links are visited in the order of the structure.
    if (tagger) doc.page.dictionary.data.Tabs = 'S';
    const canvas: Canvas = { doc, writer: new TextWriter(doc, fontName, paged.height, codes), fontName, image, ...(tagger ? { tagger } : {}) };
    const boxes = page.boxes;
    for (let i = 0; i < boxes.length; i++) {
      const box = boxes[i] as Box;
      const rules: RuleBox[] = [];
      if (box.kind === 'rule') {
        let j = i;
        for (; j < boxes.length; j++) {
          const next = boxes[j] as Box;
          if (next.kind !== 'rule' || next.lineWidth !== box.lineWidth || next.color !== box.color || next.furniture !== box.furniture) break;
          rules.push(next);
        }
        i = j - 1;
      }
      draw(canvas, box, rules);
    }
    canvas.writer.close();
    tagger?.close();
  }
  const drawn = doc.bufferedPageRange().count;
  if (drawn !== paged.pages.length) {
    throw new Error(`internal error: pdfkit produced ${drawn} pages, layout planned ${paged.pages.length}`);
  }

  // Outline items point at the title's top with an explicit XYZ: pdfkit's own XYZ writes left = page width.
  const destination = (target: OutlineDocument): unknown[] => [pageDicts[target.pageIndex], 'XYZ', null, paged.height - target.top, null];
  for (const section of paged.outline) {
    const item = doc.outline.addItem(section.title, { expanded: true });
    item.outlineData.Dest = destination(section);
    for (const d of section.documents) item.addItem(d.title).outlineData.Dest = destination(d);
  }
  // With open items the outline's root must count the items shown (ISO 32000-1 §12.3.3); pdfkit leaves it out.
  if (paged.outline.length > 0) doc.outline.outlineData.Count = paged.outline.reduce((n, section) => n + 1 + section.documents.length, 0);

  const nums: unknown[] = [];
  for (const range of paged.pageLabels) nums.push(range.pageIndex, { S: range.style === 'roman' ? 'r' : 'D', St: range.start });
  doc._root.data.PageLabels = { Nums: nums };

  doc.end();
  await done;
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export const pdfWriter: Writer = {
  name: 'pdf',
  async write({ paged, fonts, names }) {
    return [{ path: names.pdf, data: await renderPdf(paged, fonts) }];
  },
};
