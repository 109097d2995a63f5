/** Parse stage: bytes → ParsedDocument (front matter with positions, optional Markdown body). Never throws on input. */
import type { ParsedDocument } from '../model/document.js';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import { decode, firstInvalidUtf8 } from './decode.js';
import { readFrontMatter } from './front-matter.js';
import { LineIndex } from './line-index.js';

export { markdownProcessor, parseBodies } from './markdown.js';
export { htmlTableParser, parseEmbeddedTables, type EmbeddedTable } from './html-table.js';
export { LineIndex } from './line-index.js';
export { decode } from './decode.js';
export { readYamlMap, type YamlMap } from './yaml-map.js';

/** Parses one document file. Returns no value when the file cannot be read as a document at all. */
export function parseDocument(
  path: string,
  bytes: Uint8Array,
  issueId: string,
): Outcome<ParsedDocument | undefined> {
  const decoded = decode(bytes);
  if ('error' in decoded) {
    const at = firstInvalidUtf8(bytes);
    const diagnostic: Diagnostic = {
      code: decoded.legacyEncoding ? 'file-encoding' : 'file-encoding-unknown',
      severity: 'error',
      span: { file: path, start: at },
      args: { encoding: decoded.legacyEncoding ?? '' },
      ...(decoded.legacyEncoding ? { edit: { kind: 'reencode' as const, from: decoded.legacyEncoding } } : {}),
    };
    return { value: undefined, diagnostics: [diagnostic] };
  }
  const { text } = decoded;
  const lines = new LineIndex(text);
  const front = readFrontMatter(path, text, lines);
  if (!front.value) return { value: undefined, diagnostics: front.diagnostics };
  const { fields, span, bodyOffset } = front.value;
  const bodyText = text.slice(bodyOffset);
  const bodyLine = lines.point(bodyOffset).line;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const document: ParsedDocument = {
    id: name.replace(/\.md$/i, ''),
    file: { path, text },
    issueId,
    fields,
    frontMatterSpan: span,
    bodyText,
    bodyLine,
  };
  return { value: document, diagnostics: front.diagnostics };
}
