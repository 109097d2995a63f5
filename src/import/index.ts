/**
 * Import stage: a Word file, a saved web page or plain text → a gazette document (front matter, the document model
 * and its Markdown), with what was recognised, how sure, and every change made to the text. Pure: bytes in,
 * files to write out; a file it cannot read is a diagnostic.
 */
import type { Block, Body, Footnote } from '../model/document.js';
import type { Outcome } from '../diagnostics/diagnostic.js';
import { decode } from '../parse/index.js';
import { assembleBody, loadImage } from '../read/index.js';
import { pinyinInitial, numberSlug } from '../shared/slug.js';
import { numberKey } from '../shared/number.js';
import { docxToHtml } from './docx.js';
import { readHtml } from './html.js';
import { writeMarkdown, type FrontMatter } from './markdown-writer.js';
import { recognise, type Finding, type ImportContext } from './recognise.js';
import type { Change, SourceDocument } from './source.js';
import { readText } from './text.js';

export type { FrontMatter } from './markdown-writer.js';
export { FRONT_MATTER_ORDER } from './markdown-writer.js';
export type { Evidence, FieldName, Finding, ImportContext } from './recognise.js';
export type { Change, ChangeReason, DoubtReason } from './source.js';

/** The formats `gazette import` reads, by file extension. */
export const IMPORT_FORMATS: Readonly<Record<string, 'docx' | 'html' | 'text'>> = { '.docx': 'docx', '.html': 'html', '.htm': 'html', '.txt': 'text' };

export interface ImportInput {
  /** The file name as the user gave it (its extension decides the format). */
  name: string;
  bytes: Uint8Array;
  /** An image a web page names by a relative path, read beside the page; undefined when missing. */
  image(src: string): Uint8Array | undefined;
}

export interface ImportTarget extends ImportContext {
  issueId: string;
  /** Document names already used in this run (a second document with the same number gets -2). */
  taken: ReadonlySet<string>;
  /**
   * The file-name prefix the project gives each 机关代字 (cfg for 长府 when documents/…/cfg-2021-46.md holds
   * 长府〔2021〕46号); codes without one are named by their pinyin initials.
   */
  prefixByCode: ReadonlyMap<string, string>;
}

export interface ImportedDocument {
  /** File name in the issue folder without `.md`, e.g. cfg-2021-46. */
  name: string;
  /** Project-relative path of the Markdown file. */
  path: string;
  markdown: string;
  frontMatter: FrontMatter;
  body: Body;
  findings: Finding[];
  changes: Change[];
  /** Images to write beside the document (project-relative paths). */
  images: { path: string; bytes: Uint8Array }[];
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > name.lastIndexOf('/') && dot >= 0 ? name.slice(dot).toLowerCase() : '';
}

/** An ASCII slug of a file name: letters and digits kept, hanzi by their pinyin initials (关于印发 → gyyf). */
function nameSlug(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  const slug = [...base]
    .map((char) => (/[A-Za-z0-9]/.test(char) ? char.toLowerCase() : (pinyinInitial(char) ?? '-')))
    .join('')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
  return slug === '' ? 'document' : slug;
}

async function read(input: ImportInput): Promise<Outcome<SourceDocument | undefined>> {
  const format = IMPORT_FORMATS[extension(input.name)];
  const fail = (code: string): Outcome<undefined> => ({ value: undefined, diagnostics: [{ code, severity: 'error', args: { file: input.name, extension: extension(input.name) || '—', formats: Object.keys(IMPORT_FORMATS).join('、') } }] });
  if (!format) return fail('import-format-unknown');
  if (format === 'docx') {
    const html = await docxToHtml(input.bytes);
    return html === undefined ? fail('import-docx-invalid') : { value: readHtml(html, input), diagnostics: [] };
  }
  // Text and pages saved by Chinese offices are UTF-8 or GB18030, as `check` detects them.
  const { text } = decode(input.bytes);
  if (text === undefined) return fail('import-encoding-unknown');
  return { value: format === 'html' ? readHtml(text, input) : readText(text), diagnostics: [] };
}

/** Gives every figure its file beside the document, images/<name>-<n>.<ext>, read as the Markdown reader reads it. */
function placeImages(body: Body, path: string, name: string): { body: Body; images: { path: string; bytes: Uint8Array }[] } {
  const images: { path: string; bytes: Uint8Array }[] = [];
  const folder = path.slice(0, path.lastIndexOf('/'));
  const place = (block: Block): Block => {
    switch (block.kind) {
      case 'figure': {
        const file = `images/${name}-${images.length + 1}.${block.image.type === 'jpeg' ? 'jpg' : 'png'}`;
        images.push({ path: `${folder}/${file}`, bytes: block.image.bytes });
        const { image } = loadImage(path, file, undefined, () => block.image.bytes);
        return { ...block, image: image! };
      }
      case 'list':
        return { ...block, items: block.items.map((item) => ({ ...item, blocks: item.blocks.map(place) })) };
      case 'quote':
        return { ...block, blocks: block.blocks.map(place) };
      default:
        return block;
    }
  };
  const placed: Body = {
    blocks: body.blocks.map(place),
    enclosure: body.enclosure.map(place),
    attachments: body.attachments.map((a) => ({ ...a, blocks: a.blocks.map(place) })),
    notes: body.notes.map((n): Footnote => ({ ...n, blocks: n.blocks.map(place) })),
  };
  return { body: placed, images };
}

/** cfg-2021-46 for 长府〔2021〕46号: the project's own prefix for the 代字, else its pinyin initials. */
function numberName(number: string, prefixByCode: ReadonlyMap<string, string>): string | undefined {
  const key = numberKey(number.trim());
  const prefix = key && prefixByCode.get(key.code);
  return prefix ? `${prefix}-${key.year}-${key.sequence}` : numberSlug(number);
}

/** Imports one file into the issue `target.issueId`; no value when the file cannot be read (the diagnostic says why). */
export async function importDocument(input: ImportInput, target: ImportTarget): Promise<Outcome<ImportedDocument | undefined>> {
  const source = await read(input);
  if (!source.value) return { value: undefined, diagnostics: source.diagnostics };
  const recognised = recognise(source.value, target);
  const base = (recognised.frontMatter.number && numberName(recognised.frontMatter.number, target.prefixByCode)) || nameSlug(input.name);
  let name = base;
  for (let n = 2; target.taken.has(name); n++) name = `${base}-${n}`;
  const path = `documents/${target.issueId}/${name}.md`;
  const { body, images } = placeImages(assembleBody(recognised.blocks, recognised.notes), path, name);
  return {
    value: { name, path, markdown: writeMarkdown(path, recognised.frontMatter, body), frontMatter: recognised.frontMatter, body, findings: recognised.findings, changes: recognised.changes, images },
    diagnostics: [],
  };
}
