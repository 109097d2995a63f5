/**
 * The OFD edition (GB/T 33190-2016, the format of 党政机关电子公文): the same pages as the PDF, written from the
 * same positioned layout. A ZIP holding OFD.xml (DocInfo, DocRoot), Doc_0/Document.xml (page area, page list,
 * outline), Doc_0/PublicRes.xml (the embedded font subsets, each with the cmap an OFD reader maps TextCode through,
 * and the images) and one Content.xml per page: a TextObject per text box with its glyph advances in DeltaX, a
 * PathObject per rule, an ImageObject per figure. Units are millimetres, origin top-left, y down, as in the layout.
 */
import { createHash } from 'node:crypto';
import { zipSync, type Zippable, type ZipOptions } from 'fflate';
import { standaloneSubset, type FontSet, type LoadedFont } from '../../fonts/index.js';
import type { ImageAsset } from '../../model/document.js';
import type { Box, OutlineDocument, PagedGazette, TextBox } from '../../model/layout.js';
import { wrapSfnt } from '../../shared/woff.js';
import type { Writer } from '../index.js';
import { escapeXml } from '../../shared/xml.js';

const NS = 'http://www.ofdspec.org/2016';
const MM = 25.4 / 72;

/** Millimetres with at most three decimals, as OFD readers expect short numbers. */
const mm = (points: number): string => {
  const value = Math.round(points * MM * 1000) / 1000;
  return Object.is(value, -0) ? '0' : String(value);
};

/** `#rrggbb` → `r g b`. */
const rgb = (color: string): string => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)).join(' ');

/** Hands out the document's object IDs in order; the largest is Document.xml's MaxUnitID. */
class Ids {
  private last = 0;
  next(): number {
    return ++this.last;
  }
  get max(): number {
    return this.last;
  }
}

/**
 * The advance after each character of a text box in points (OFD's DeltaX, one fewer than the characters): each
 * character's own advance, the line's letter-spacing and the tightened punctuation pairs layout decided.
 */
function advances(box: TextBox, font: LoadedFont): number[] {
  const chars = Array.from(box.text);
  const out: number[] = [];
  let offset = 0;
  for (let i = 0; i < chars.length - 1; i++) {
    const char = chars[i]!;
    // Adjustments name the UTF-16 offset where their character starts, as the PDF writer reads them.
    const tightened = box.adjustments?.find((adj) => adj.after === offset)?.amount ?? 0;
    offset += char.length;
    out.push((font.measure(char).width * box.size) / 1000 + box.characterSpacing - tightened);
  }
  return out;
}

/**
 * A text box turned by `rotation` degrees counter-clockwise about its baseline start (the 草稿 mark): the object
 * spans the page, its text sits where layout put it, and the CTM turns it there (y down, so the signs swap).
 */
function rotatedText(box: TextBox, id: number, font: number, deltas: readonly number[], fill: string): string {
  const angle = ((box.rotation ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [x, y] = [box.x * MM, box.y * MM];
  // The matrix to six places: at 45° over a page, three would move the text's far end by a few hundredths of a mm.
  const round = (value: number): string => String(Math.round(value * 1e6) / 1e6);
  const ctm = [cos, -sin, sin, cos, x - (cos * x + sin * y), y - (-sin * x + cos * y)].map(round).join(' ');
  return (
    `<ofd:TextObject ID="${id}" Boundary="0 0 ${mm(PAGE_EXTENT)} ${mm(PAGE_EXTENT)}" Font="${font}" Size="${mm(box.size)}" CTM="${ctm}">` +
    `${fill}<ofd:TextCode X="${mm(box.x)}" Y="${mm(box.y)}"${deltas.length > 0 ? ` DeltaX="${deltas.map(mm).join(' ')}"` : ''}>${escapeXml(box.text)}</ofd:TextCode></ofd:TextObject>`
  );
}

/** Points covering any page a gazette uses (A3 and beyond), for objects that span their page. */
const PAGE_EXTENT = 2000;

/** One page's Content.xml: its boxes in layout order, each an object with the next ID. */
function pageXml(boxes: readonly Box[], ids: Ids, fontIds: ReadonlyMap<string, number>, fonts: FontSet, imageIds: ReadonlyMap<string, number>): string {
  const objects: string[] = [];
  for (const box of boxes) {
    if (box.kind === 'text') {
      if (box.text === '') continue;
      const font = fonts.get(box.font);
      const top = box.y - (font.ascent * box.size) / 1000;
      const height = ((font.ascent - font.descent) * box.size) / 1000;
      const deltas = advances(box, font);
      const fill = box.color && box.color !== '#000000' ? `<ofd:FillColor Value="${rgb(box.color)}"/>` : '';
      if (box.rotation) {
        objects.push(rotatedText(box, ids.next(), fontIds.get(box.font)!, deltas, fill));
        continue;
      }
      objects.push(
        `<ofd:TextObject ID="${ids.next()}" Boundary="${mm(box.x)} ${mm(top)} ${mm(Math.max(box.width, box.size))} ${mm(height)}" Font="${fontIds.get(box.font)}" Size="${mm(box.size)}">` +
          `${fill}<ofd:TextCode X="0" Y="${mm(box.y - top)}"${deltas.length > 0 ? ` DeltaX="${deltas.map(mm).join(' ')}"` : ''}>${escapeXml(box.text)}</ofd:TextCode></ofd:TextObject>`,
      );
    } else if (box.kind === 'rule') {
      const [left, top] = [Math.min(box.x1, box.x2), Math.min(box.y1, box.y2)];
      const stroke = box.color ? `<ofd:StrokeColor Value="${rgb(box.color)}"/>` : '';
      objects.push(
        `<ofd:PathObject ID="${ids.next()}" Boundary="${mm(left - box.lineWidth)} ${mm(top - box.lineWidth)} ${mm(Math.abs(box.x2 - box.x1) + 2 * box.lineWidth)} ${mm(Math.abs(box.y2 - box.y1) + 2 * box.lineWidth)}" LineWidth="${mm(box.lineWidth)}" Stroke="true" Fill="false">` +
          `${stroke}<ofd:AbbreviatedData>M ${mm(box.x1 - left + box.lineWidth)} ${mm(box.y1 - top + box.lineWidth)} L ${mm(box.x2 - left + box.lineWidth)} ${mm(box.y2 - top + box.lineWidth)}</ofd:AbbreviatedData></ofd:PathObject>`,
      );
    } else if (box.kind === 'image') {
      objects.push(`<ofd:ImageObject ID="${ids.next()}" Boundary="${mm(box.x)} ${mm(box.y)} ${mm(box.width)} ${mm(box.height)}" CTM="${mm(box.width)} 0 0 ${mm(box.height)} 0 0" ResourceID="${imageIds.get(box.image.outputName)}"/>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="${NS}"><ofd:Content><ofd:Layer ID="${ids.next()}" Type="Body">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>\n`;
}

/** A stable 32-hex-digit DocID from what the document is. */
const docId = (paged: PagedGazette): string => createHash('sha256').update(`${paged.metadata.title}\u0000${paged.metadata.subject}`).digest('hex').slice(0, 32);

export function renderOfd(paged: PagedGazette, fonts: FontSet): Uint8Array {
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  const ids = new Ids();

  // One embedded subset per face the pages use, holding exactly their characters.
  const used = new Map<string, Set<string>>();
  const images = new Map<string, ImageAsset>();
  for (const page of paged.pages) {
    for (const box of page.boxes) {
      if (box.kind === 'text') for (const char of box.text) used.set(box.font, (used.get(box.font) ?? new Set()).add(char));
      if (box.kind === 'image') images.set(box.image.outputName, box.image);
    }
  }
  const fontIds = new Map<string, number>();
  const fontXml: string[] = [];
  for (const key of [...used.keys()].sort()) {
    const font = fonts.get(key);
    const tables = standaloneSubset(font, [...used.get(key)!].sort().join(''));
    // Layout only sets TrueType faces (the theme's fonts are checked as such), so a subset always exists.
    if (!tables) throw new Error(`font ${key} has no TrueType outlines to embed`);
    const id = ids.next();
    fontIds.set(key, id);
    files[`Doc_0/Res/font_${id}.ttf`] = wrapSfnt(tables);
    const name = escapeXml(font.font.postscriptName ?? key);
    fontXml.push(`<ofd:Font ID="${id}" FontName="${name}" FamilyName="${escapeXml((font.font as { familyName?: string }).familyName ?? key)}"><ofd:FontFile>font_${id}.ttf</ofd:FontFile></ofd:Font>`);
  }
  const imageIds = new Map<string, number>();
  const mediaXml: string[] = [];
  for (const [name, image] of [...images].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const id = ids.next();
    imageIds.set(name, id);
    files[`Doc_0/Res/${name}`] = image.bytes;
    mediaXml.push(`<ofd:MultiMedia ID="${id}" Type="Image" Format="${image.type === 'png' ? 'PNG' : 'JPEG'}"><ofd:MediaFile>${escapeXml(name)}</ofd:MediaFile></ofd:MultiMedia>`);
  }

  const pageIds: number[] = [];
  paged.pages.forEach((page, i) => {
    const id = ids.next();
    pageIds.push(id);
    files[`Doc_0/Pages/Page_${i}/Content.xml`] = encoder.encode(pageXml(page.boxes, ids, fontIds, fonts, imageIds));
  });

  const goto = (target: OutlineDocument): string =>
    `<ofd:Actions><ofd:Action Event="CLICK"><ofd:Goto><ofd:Dest Type="XYZ" PageID="${pageIds[target.pageIndex]}" Left="0" Top="${mm(target.top)}"/></ofd:Goto></ofd:Action></ofd:Actions>`;
  const outlines = paged.outline
    .map(
      (section) =>
        `<ofd:OutlineElem Title="${escapeXml(section.title)}">${goto(section)}${section.documents.map((doc) => `<ofd:OutlineElem Title="${escapeXml(doc.title)}">${goto(doc)}</ofd:OutlineElem>`).join('')}</ofd:OutlineElem>`,
    )
    .join('');
  files['Doc_0/PublicRes.xml'] = encoder.encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts>${fontXml.join('')}</ofd:Fonts>${mediaXml.length > 0 ? `<ofd:MultiMedias>${mediaXml.join('')}</ofd:MultiMedias>` : ''}</ofd:Res>\n`,
  );
  files['Doc_0/Document.xml'] = encoder.encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${ids.max}</ofd:MaxUnitID>` +
      `<ofd:PageArea><ofd:PhysicalBox>0 0 ${mm(paged.width)} ${mm(paged.height)}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>` +
      `<ofd:Pages>${pageIds.map((id, i) => `<ofd:Page ID="${id}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')}</ofd:Pages>` +
      `${outlines ? `<ofd:Outlines>${outlines}</ofd:Outlines>` : ''}</ofd:Document>\n`,
  );
  const { metadata } = paged;
  files['OFD.xml'] = encoder.encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>${docId(paged)}</ofd:DocID>` +
      `<ofd:Title>${escapeXml(metadata.title)}</ofd:Title><ofd:Author>${escapeXml(metadata.author)}</ofd:Author><ofd:Subject>${escapeXml(metadata.subject)}</ofd:Subject>` +
      `<ofd:Keywords>${metadata.keywords
        .split(', ')
        .filter(Boolean)
        .map((keyword) => `<ofd:Keyword>${escapeXml(keyword)}</ofd:Keyword>`)
        .join('')}</ofd:Keywords>` +
      `<ofd:Creator>gazette</ofd:Creator><ofd:CreationDate>${metadata.creationDate.toISOString().slice(0, 10)}</ofd:CreationDate></ofd:DocInfo>` +
      `<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n`,
  );
  // Every entry dated by the issue (never the clock), in a fixed order: the same issue gives the same bytes. ZIP
  // stores local date fields, which fflate reads from a Date in the machine's zone: midnight there, whatever it is.
  const [year, month, day] = metadata.creationDate.toISOString().slice(0, 10).split('-').map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, day);
  const ordered: Zippable = Object.fromEntries(['OFD.xml', ...Object.keys(files).filter((path) => path !== 'OFD.xml').sort()].map((path): [string, [Uint8Array, ZipOptions]] => [path, [files[path]!, { mtime }]]));
  return zipSync(ordered, { level: 6 });
}

export const ofdWriter: Writer = {
  name: 'ofd',
  async write({ paged, fonts, names }) {
    // Subsets are cut from the outlines, which may still be inflating (the pipeline reported any failure).
    await fonts.complete();
    return [{ path: names.pdf.replace(/\.pdf$/u, '.ofd'), data: renderOfd(paged, fonts) }];
  },
};
