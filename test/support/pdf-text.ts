/** Reads a PDF back with pdf.js (legacy build, Node): per-page text items, page labels and the outline. */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  str: string;
  /** Left edge and baseline in top-down page coordinates (points). */
  x: number;
  y: number;
  /** Advance width as pdf.js reports it (includes character spacing after every glyph). */
  width: number;
  /** Font size (from the text matrix). */
  size: number;
  /** pdf.js's name of the embedded font (the same name for every item set in one face). */
  font: string;
  /** The embedded font's PostScript name without its subset tag (NotoSerifSC-Regular, LXGWWenKai-Medium). */
  face: string;
}

export interface PdfPage {
  /** All text on the page with whitespace removed. */
  text: string;
  /** Text lines: pdf.js items on one baseline that continue each other (pdf.js splits a line at TJ offsets). */
  items: PdfTextItem[];
}

/** Joins consecutive items on the same baseline less than half an em apart (a tight punctuation pair overlaps by half an em). */
function mergeLines(items: PdfTextItem[]): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  for (const item of items) {
    const prev = out.at(-1);
    const gap = prev ? item.x - (prev.x + prev.width) : Infinity;
    if (prev && Math.abs(item.y - prev.y) < 0.5 && Math.abs(item.size - prev.size) < 0.01 && item.font === prev.font && gap > -prev.size / 2 - 0.5 && gap < prev.size / 2) {
      out[out.length - 1] = { ...prev, str: prev.str + item.str, width: item.x + item.width - prev.x };
    } else {
      out.push({ ...item });
    }
  }
  return out;
}

export interface PdfOutlineItem {
  title: string;
  pageIndex: number;
  /** Top of the destination view in top-down coordinates, when the destination is XYZ with a top. */
  top?: number;
  children: PdfOutlineItem[];
}

export interface PdfReadBack {
  pages: PdfPage[];
  labels: string[] | null;
  outline: PdfOutlineItem[];
  /** Named destinations → page index. */
  destinations: Map<string, number>;
  /** Named destinations with the top of their view (top-down), in page order. */
  anchors: { name: string; pageIndex: number; top: number }[];
  /** Number of images painted on each page. */
  images: number[];
  /** Link annotations per page: their named destination (or page index for explicit ones). */
  links: { pageIndex: number; dest: string }[];
}

export function stripSpaces(text: string): string {
  return text.replace(/\s+/gu, '');
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReadBack> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  const pages: PdfPage[] = [];
  const links: { pageIndex: number; dest: string }[] = [];
  const images: number[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const height = page.view[3] ?? 0;
    // The operator list loads the page's fonts, whose names the text items then look up.
    images.push((await page.getOperatorList()).fnArray.filter((op) => op === OPS.paintImageXObject).length);
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    const faceOf = (fontName: string): string => {
      const font = page.commonObjs.has(fontName) ? (page.commonObjs.get(fontName) as { name?: string }) : undefined;
      return (font?.name ?? fontName).replace(/^[A-Z]{6}\+/, '');
    };
    for (const item of content.items) {
      if (!('str' in item) || item.str.length === 0) continue;
      const [a, b, , , e, f] = item.transform as number[];
      items.push({ str: item.str, x: e ?? 0, y: height - (f ?? 0), width: item.width, size: Math.hypot(a ?? 0, b ?? 0), font: item.fontName, face: faceOf(item.fontName) });
    }
    pages.push({ text: stripSpaces(items.map((it) => it.str).join('')), items: mergeLines(items) });
    for (const annotation of await page.getAnnotations()) {
      if (annotation.subtype === 'Link' && annotation.dest) links.push({ pageIndex: i - 1, dest: typeof annotation.dest === 'string' ? annotation.dest : JSON.stringify(annotation.dest) });
    }
  }
  const resolve = async (dest: unknown): Promise<{ pageIndex: number; top?: number } | undefined> => {
    const array = (typeof dest === 'string' ? await doc.getDestination(dest) : dest) as unknown[] | null;
    if (!array || array.length === 0) return undefined;
    const pageIndex = await doc.getPageIndex(array[0] as Parameters<typeof doc.getPageIndex>[0]);
    const kind = (array[1] as { name?: string } | undefined)?.name;
    const height = (await doc.getPage(pageIndex + 1)).view[3] ?? 0;
    const top = kind === 'XYZ' && typeof array[3] === 'number' ? height - array[3] : undefined;
    return top === undefined ? { pageIndex } : { pageIndex, top };
  };
  type RawOutline = { title: string; dest: unknown; items: RawOutline[] };
  const walk = async (items: RawOutline[]): Promise<PdfOutlineItem[]> => {
    const out: PdfOutlineItem[] = [];
    for (const item of items) {
      const target = await resolve(item.dest);
      out.push({ title: item.title, pageIndex: target?.pageIndex ?? -1, ...(target?.top !== undefined ? { top: target.top } : {}), children: await walk(item.items ?? []) });
    }
    return out;
  };
  const outline = await walk(((await doc.getOutline()) ?? []) as unknown as RawOutline[]);
  const destinations = new Map<string, number>();
  const anchors: PdfReadBack['anchors'] = [];
  const dests = (await doc.getDestinations()) as Record<string, unknown[]>;
  for (const [name, dest] of Object.entries(dests)) {
    const target = await resolve(dest);
    if (!target) continue;
    destinations.set(name, target.pageIndex);
    anchors.push({ name, pageIndex: target.pageIndex, top: target.top ?? 0 });
  }
  anchors.sort((a, b) => a.pageIndex - b.pageIndex || a.top - b.top);
  const labels = await doc.getPageLabels();
  await doc.destroy();
  return { pages, labels, outline, destinations, anchors, links, images };
}

/** A document's title lines in the PDF: the lines after its anchor that are set in the size of the first one. */
export function pdfTitleLines(pdf: PdfReadBack, id: string): string[] {
  const anchor = pdf.anchors.find((a) => a.name === `doc-${id}`)!;
  const items = pdf.pages[anchor.pageIndex]!.items.filter((item) => item.y >= anchor.top - 1);
  const size = items[0]!.size;
  const lines: string[] = [];
  for (const item of items) {
    if (Math.abs(item.size - size) > 0.01) break;
    lines.push(stripSpaces(item.str));
  }
  return lines;
}
