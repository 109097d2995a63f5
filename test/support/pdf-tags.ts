/** Reads a tagged PDF's logical structure back with pdf.js: per page, the structure tree and its marked content. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { stripSpaces } from './pdf-text.js';

/** A structure element as pdf.js gives it for one page, with the text of its marked content there. */
export interface TagNode {
  role: string;
  alt?: string;
  children: (TagNode | { type: 'content'; id: string; text: string } | { type: 'object'; id: string })[];
}

export interface TaggedPage {
  /** The page's part of the tree, under the structure tree root. */
  roots: TagNode[];
  /** Text of each marked-content sequence with an MCID, in content-stream order. */
  marked: { id: string; tag: string; text: string }[];
  /** Text inside Artifact sequences, one string per sequence. */
  artifacts: string[];
  /** Text outside any marked content (none in a tagged file). */
  untagged: string;
  /** Link annotations: their object id and Contents. */
  links: { id: string; contents: string }[];
}

export interface TaggedPdf {
  pages: TaggedPage[];
  markInfo: { Marked?: boolean } | null;
  lang: string | undefined;
  displayDocTitle: boolean | undefined;
  /** The XMP packet as text. */
  xmp: string;
}

interface RawNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: RawNode[];
}

export async function readTags(bytes: Uint8Array): Promise<TaggedPdf> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  const pages: TaggedPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const marked: TaggedPage['marked'] = [];
    const artifacts: string[] = [];
    let untagged = '';
    const stack: { id?: string; tag: string; text: string }[] = [];
    for (const item of content.items as { type?: string; tag?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') stack.push({ ...(item.id ? { id: item.id } : {}), tag: item.tag ?? '', text: '' });
      else if (item.type === 'endMarkedContent') {
        const done = stack.pop()!;
        if (done.tag === 'Artifact') artifacts.push(stripSpaces(done.text));
        else if (done.id) marked.push({ id: done.id, tag: done.tag, text: stripSpaces(done.text) });
      } else if (item.str !== undefined) {
        const open = stack.at(-1);
        if (open) open.text += item.str;
        else untagged += item.str;
      }
    }
    const textOf = new Map(marked.map((m) => [m.id, m.text]));
    const convert = (node: RawNode): TagNode => ({
      role: node.role ?? '',
      ...(node.alt ? { alt: node.alt } : {}),
      children: (node.children ?? []).map((child) =>
        child.type === 'content' ? { type: 'content' as const, id: child.id!, text: textOf.get(child.id!) ?? '' } : child.type === 'object' ? { type: 'object' as const, id: child.id! } : convert(child),
      ),
    });
    const tree = (await page.getStructTree()) as RawNode | null;
    const links = (await page.getAnnotations())
      .filter((a: { subtype?: string }) => a.subtype === 'Link')
      .map((a: { id: string; contentsObj?: { str?: string } }) => ({ id: a.id, contents: a.contentsObj?.str ?? '' }));
    pages.push({ roots: (tree?.children ?? []).map(convert), marked, artifacts, untagged: stripSpaces(untagged), links });
  }
  const metadata = await doc.getMetadata();
  const markInfo = (await doc.getMarkInfo()) as TaggedPdf['markInfo'];
  const preferences = (await doc.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null;
  const raw = (metadata.metadata as unknown as { getRaw?: () => string } | null)?.getRaw?.() ?? '';
  await doc.destroy();
  return { pages, markInfo, lang: (metadata.info as { Language?: string }).Language, displayDocTitle: preferences?.DisplayDocTitle, xmp: raw };
}

/** Every element of the page's tree, depth first, with the roles of its ancestors. */
export function* elements(nodes: readonly TagNode[], path: readonly string[] = []): Generator<{ node: TagNode; path: readonly string[] }> {
  for (const node of nodes) {
    yield { node, path };
    yield* elements(
      node.children.filter((c): c is TagNode => 'role' in c),
      [...path, node.role],
    );
  }
}

/** The text of an element's content on the page, depth first. */
export function textOf(node: TagNode): string {
  return node.children.map((c) => ('role' in c ? textOf(c) : c.type === 'content' ? c.text : '')).join('');
}

/** Marked-content ids in tree order, each with whether it sits inside a table. */
export function treeContent(nodes: readonly TagNode[], inTable = false): { id: string; inTable: boolean }[] {
  return nodes.flatMap((node) =>
    node.children.flatMap((c) => ('role' in c ? treeContent([c], inTable || node.role === 'Table') : c.type === 'content' ? [{ id: c.id, inTable: inTable || node.role === 'Table' }] : [])),
  );
}
