/**
 * Word (.docx): mammoth turns the file into HTML (heading styles into headings, merged cells into rowspan/colspan,
 * footnotes, embedded images as data URIs), which is then read like a web page. Centred and right-aligned
 * paragraphs are marked, since centring is how Word users set titles and signatures.
 */
import mammoth from 'mammoth';

/** mammoth's document elements, as far as the alignment marks need them. */
interface WordElement {
  type: string;
  styleId?: string | null;
  styleName?: string | null;
  alignment?: string;
  children?: WordElement[];
}

const STYLE_MAP = [
  "p[style-name='Title'] => p.title:fresh",
  "p[style-name='标题'] => p.title:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='标题 ${n}'] => h${n}:fresh`),
  'p.gazette-center => p.center:fresh',
  'p.gazette-right => p.right:fresh',
];

/** A centred or right-aligned paragraph without a title or heading style gets a style the map turns into a class. */
function markAlignment(element: WordElement): WordElement {
  const children = element.children?.map(markAlignment);
  const next = children ? { ...element, children } : element;
  if (next.type !== 'paragraph' || (next.alignment !== 'center' && next.alignment !== 'right')) return next;
  if (/^(?:title|heading|标题)/iu.test(next.styleName ?? '')) return next;
  return { ...next, styleId: `gazette-${next.alignment}`, styleName: null };
}

/** The HTML of a Word file, or undefined when the bytes are not a Word document. */
export async function docxToHtml(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      // Linked (not embedded) images would be read from disk; the core reads nothing.
      { styleMap: STYLE_MAP, transformDocument: markAlignment, externalFileAccess: false },
    );
    return result.value;
  } catch {
    return undefined;
  }
}
