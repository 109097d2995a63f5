/** Reads a YAML mapping with `yaml` (YAML 1.2: dates stay strings) and keeps source spans for every node. */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { RawField } from '../model/document.js';
import type { Span } from '../model/source.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex } from './line-index.js';

export interface YamlMap {
  fields: Map<string, RawField>;
  /** Span of any node of this document, in file coordinates. */
  spanOf(node: YamlNode | null | undefined): Span;
  document: Document;
}

/** Parses `yamlText`, which starts at `baseOffset` of the file whose lines are `lines`. */
export function readYamlMap(path: string, yamlText: string, baseOffset: number, lines: LineIndex): { value?: YamlMap; diagnostics: Diagnostic[] } {
  const at = (offset: number): Span => ({ file: path, start: lines.point(baseOffset + offset) });
  const document = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false });
  const reported = document.errors.map((error): Diagnostic => {
    const offset = error.pos[0] ?? 0;
    const detail = error.message.split('\n')[0] ?? error.code;
    const quote = error.code === 'MISSING_CHAR' ? openingQuote(yamlText, offset, error.message) : undefined;
    const bracket = quote === undefined ? openingBracket(yamlText, offset, error.message) : undefined;
    if (quote !== undefined) return { code: 'yaml-syntax', severity: 'error', span: at(quote), args: { detail, kind: 'UNCLOSED_QUOTE' } };
    if (bracket !== undefined) return { code: 'yaml-syntax', severity: 'error', span: at(bracket), args: { detail, kind: 'UNCLOSED_BRACKET', ...(yamlText[bracket] === '{' ? { brace: '{' } : { bracket: '[' }) } };
    // A key written twice is named, so the hint can say which to delete.
    const key = error.code === 'DUPLICATE_KEY' ? /^[ \t]*(?:- )?["']?([^"':\n]+?)["']?[ \t]*:/.exec(yamlText.slice(yamlText.lastIndexOf('\n', offset - 1) + 1))?.[1] : undefined;
    return { code: 'yaml-syntax', severity: 'error', span: at(offset), args: { detail, kind: yamlErrorKind(yamlText, offset, error.code), ...(key ? { key } : {}) } };
  });
  // What the parser says after an unclosed quote or bracket (bad indentation, a key it cannot read) follows from it.
  const unclosed = reported.filter((d) => d.args.kind === 'UNCLOSED_QUOTE' || d.args.kind === 'UNCLOSED_BRACKET');
  const diagnostics = unclosed.length > 0 ? unclosed : reported;
  if (diagnostics.length > 0) return { diagnostics };
  const spanOf = (node: YamlNode | null | undefined): Span => {
    const range = node?.range ?? [0, 0, 0];
    return { file: path, start: lines.point(baseOffset + range[0]), end: lines.point(baseOffset + range[1]) };
  };
  const fields = new Map<string, RawField>();
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    // `title：…` with a full-width colon reads as one plain string rather than failing to parse.
    const kind = yamlErrorKind(yamlText, contents.range?.[0] ?? 0, '');
    const diagnostic: Diagnostic = kind
      ? { code: 'yaml-syntax', severity: 'error', span: spanOf(contents), args: { detail: kind, kind } }
      : { code: 'yaml-not-map', severity: 'error', span: spanOf(contents), args: {} };
    return { diagnostics: [diagnostic] };
  }
  for (const pair of contents?.items ?? []) {
    const key = pair.key as YamlNode | null;
    const value = pair.value as YamlNode | null;
    if (!key || !isScalar(key)) continue;
    const end = key.range?.[1] ?? 0;
    const range = value?.range ?? [end, end, end];
    const source = yamlText.slice(range[0], range[1]);
    fields.set(String(key.value), {
      value: value === null ? null : isScalar(value) ? value.value : value.toJSON(),
      source,
      span: { file: path, start: lines.point(baseOffset + range[0]), end: lines.point(baseOffset + range[1]) },
      keySpan: spanOf(key),
      ...(isSeq(value) ? { itemSpans: value.items.map((item) => spanOf(item as YamlNode)) } : {}),
    });
  }
  return { value: { fields, spanOf, document }, diagnostics };
}

/**
 * Where the quote opens that the parser found unclosed at `offset` (it reports the end of the text): the last such
 * quote before it that starts a value, after `key:`, `-`, `[` or `,`. Undefined when the message is not about a quote.
 */
function openingQuote(text: string, offset: number, message: string): number | undefined {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (!quote) return undefined;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    const before = text.slice(text.lastIndexOf('\n', i - 1) + 1, i).trimEnd();
    if (before === '' || /[:\-[,]$/.test(before)) return i;
  }
  return undefined;
}

/**
 * Where the `[` or `{` opens that the parser found unended at `offset` (a flow collection "must end with a ]"): the
 * last one before it that no closing bracket matches. Undefined when the message is not about one.
 */
function openingBracket(text: string, offset: number, message: string): number | undefined {
  const close = /end with an? ([\]}])/.exec(message)?.[1];
  if (!close) return undefined;
  const open = close === ']' ? '[' : '{';
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && depth-- === 0) return i;
  }
  return undefined;
}

/**
 * Names the mistake an editor most likely made, for the message catalogue: the YAML library's own messages are
 * English and describe the parser, not the fix. Full-width colons after keys are the classic slip.
 */
function yamlErrorKind(text: string, offset: number, code: string): string {
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const previousStart = text.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1;
  const nearby = text.slice(previousStart, lineEnd < 0 ? text.length : lineEnd);
  if (/^[ \t]*[A-Za-z_][\w-]*[ \t]*：/mu.test(nearby)) return 'FULLWIDTH_COLON';
  if (/^[ \t]*[A-Za-z_][\w-]*: [^'"\n]*: /mu.test(nearby)) return 'VALUE_COLON';
  return code;
}
