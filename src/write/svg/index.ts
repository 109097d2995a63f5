/**
 * The page edition: every page of the issue as an SVG drawn from the same positioned layout the PDF is written
 * from (the text as text, in WOFF subsets of the PDF's faces), so what a proofreader sees is what the PDF prints.
 * `pages/pages.json` lists the pages with a digest of each, so a viewer replaces only the pages that changed.
 */
import { createHash } from 'node:crypto';
import type { Box, Page, PagedGazette, TextBox } from '../../model/layout.js';
import type { OutputFile, Writer } from '../index.js';
import { webFonts } from '../html/index.js';
import { escapeXml as xml } from '../../shared/xml.js';
import { isLoose } from '../../shared/loose.js';

const DIR = 'pages';
/** The faces' CSS family names: distinct from the HTML edition's, whose faces hold other characters. */
const pageFontFamily = (key: string): string => `gazette-page-${key}`;

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** A page's entry in pages.json. */
interface PageEntry {
  /** The SVG's path inside pages/. */
  file: string;
  label: string;
  folio?: number;
  kind: Page['kind'];
  /** SHA-256 of the SVG (hex, 16 digits): a viewer fetches a page again only when it changed. */
  digest: string;
  /** Named destinations on the page (`doc-<id>`, `sec-N`) with the top of their view. */
  anchors: { name: string; y: number }[];
}

/** Where a box's content was written, `path:line`, for a way back to the source. */
function sourceOf(box: Box): string {
  if (!box.source) return '';
  const end = box.source.end && box.source.end.line !== box.source.start.line ? ` data-src-end="${box.source.end.line}"` : '';
  return ` data-src="${xml(`${box.source.file}:${box.source.start.line}`)}"${end}`;
}

function text(box: TextBox, looseAbove: number): string {
  const attributes = [
    `x="${num(box.x)}"`,
    `y="${num(box.y)}"`,
    `font-family="${pageFontFamily(box.font)}"`,
    `font-size="${num(box.size)}"`,
    ...(box.characterSpacing !== 0 ? [`letter-spacing="${num(box.characterSpacing)}"`] : []),
    ...(box.color ? [`fill="${box.color}"`] : []),
    ...(box.rotation ? [`transform="rotate(${num(-box.rotation)} ${num(box.x)} ${num(box.y)})"`] : []),
  ];
  // A tight punctuation pair moves the glyph after it left, as the PDF's TJ offset does.
  if (box.adjustments && box.adjustments.length > 0) {
    const dx = new Array<number>(box.text.length).fill(0);
    for (const { after, amount } of box.adjustments) if (after + 1 < dx.length) dx[after + 1]! -= amount;
    attributes.push(`dx="${dx.map(num).join(' ')}"`);
  }
  // A line spaced beyond the theme's goal, for a proofreader's eye (the page view marks it).
  const loose = isLoose(box, looseAbove) ? ' data-loose="true"' : '';
  return `<text ${attributes.join(' ')} data-role="${box.role}"${loose}${sourceOf(box)}>${xml(box.text)}</text>`;
}

function element(box: Box, images: (name: string) => string, looseAbove: number): string {
  switch (box.kind) {
    case 'text':
      return text(box, looseAbove);
    case 'rule':
      return `<line x1="${num(box.x1)}" y1="${num(box.y1)}" x2="${num(box.x2)}" y2="${num(box.y2)}" stroke="${box.color ?? '#000000'}" stroke-width="${num(box.lineWidth)}"/>`;
    case 'image':
      return `<image href="${xml(images(box.image.outputName))}" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" preserveAspectRatio="none"${sourceOf(box)}/>`;
    case 'link': {
      const href = box.destination !== undefined ? `#${box.destination}` : (box.uri ?? '');
      return `<a href="${xml(href)}" data-destination="${xml(box.destination ?? '')}"><rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" fill="transparent"><title>${xml(box.contents)}</title></rect></a>`;
    }
    case 'anchor':
      return '';
  }
}

/**
 * One page as an SVG document; `images` gives an image's address from where the SVG is, `looseAbove` the spacing
 * (in em) beyond which a justified line is loose.
 */
function svgPage(paged: PagedGazette, index: number, images: (name: string) => string, looseAbove: number): string {
  const page = paged.pages[index]!;
  const body = page.boxes.map((box) => element(box, images, looseAbove)).filter((part) => part !== '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml-stylesheet href="fonts.css" type="text/css"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(paged.width)} ${num(paged.height)}" width="${num(paged.width)}pt" height="${num(paged.height)}pt" data-label="${xml(page.label)}" data-index="${index}" style="white-space: pre">`,
    `<rect width="${num(paged.width)}" height="${num(paged.height)}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

export const svgWriter: Writer = {
  name: 'svg',
  async write({ paged, fonts, theme, memo }) {
    const faces = webFonts(Object.keys(theme.fonts), fonts, paged, 'fonts', { memo, grow: true });
    const css = faces.css.replace(/font-family: "gazette-([^"]+)"/g, (_, key: string) => `font-family: "${pageFontFamily(key)}"`);
    const files: OutputFile[] = [{ path: `${DIR}/fonts.css`, data: css }, ...faces.files.map((file) => ({ ...file, path: `${DIR}/${file.path}` }))];
    const images = new Map<string, Uint8Array>();
    for (const page of paged.pages) for (const box of page.boxes) if (box.kind === 'image') images.set(box.image.outputName, box.image.bytes);
    for (const [name, data] of [...images].sort(([a], [b]) => a.localeCompare(b))) files.push({ path: `${DIR}/images/${name}`, data });
    const entries: PageEntry[] = paged.pages.map((page, index) => {
      const svg = svgPage(paged, index, (name) => `images/${name}`, theme.maxLetterSpacing);
      const file = `${String(index + 1).padStart(3, '0')}.svg`;
      files.push({ path: `${DIR}/${file}`, data: svg });
      const anchors = page.boxes.flatMap((box) => (box.kind === 'anchor' ? [{ name: box.name, y: box.y }] : []));
      return { file, label: page.label, ...(page.folio !== undefined ? { folio: page.folio } : {}), kind: page.kind, digest: createHash('sha256').update(svg).digest('hex').slice(0, 16), anchors };
    });
    // The outline, for a viewer's jump to a section or document.
    const outline = paged.outline.map((section) => ({
      title: section.title,
      page: section.pageIndex,
      documents: section.documents.map((doc) => ({ title: doc.title, page: doc.pageIndex, top: doc.top })),
    }));
    // The faces by family, for a viewer that loads them itself: a face's file changes only when a character is new
    // to it, and then a viewer loads that face alone.
    const families = faces.faces.map(({ key, path }) => ({ family: pageFontFamily(key), file: path }));
    files.push({ path: `${DIR}/pages.json`, data: `${JSON.stringify({ width: paged.width, height: paged.height, faces: families, pages: entries, outline }, null, 2)}\n` });
    return files;
  },
};
