/** Splits front matter with gray-matter and reads it with `yaml`, keeping every field's source position. */
import matter from 'gray-matter';
import type { RawField } from '../model/document.js';
import type { Span } from '../model/source.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineIndex } from './line-index.js';
import { readYamlMap } from './yaml-map.js';

export interface FrontMatter {
  fields: Map<string, RawField>;
  span: Span;
  /** Offset where the Markdown body starts. */
  bodyOffset: number;
}

// gray-matter would parse YAML with js-yaml (Date objects, rolled-over dates, exceptions); we only want the split.
const splitOnly = { engines: { yaml: () => ({}) } };

/** Reads the front matter of `text`; problems become diagnostics, never exceptions. */
export function readFrontMatter(path: string, text: string, lines: LineIndex): { value?: FrontMatter; diagnostics: Diagnostic[] } {
  const start: Span = { file: path, start: lines.point(0) };
  if (text.trim() === '') return { diagnostics: [{ code: 'document-empty', severity: 'error', span: start, args: {} }] };
  if (!/^---[ \t]*\r?\n/.test(text)) return { diagnostics: [{ code: 'front-matter-missing', severity: 'error', span: start, args: {} }] };
  const split = matter(text, splitOnly as never);
  const yamlStart = 3;
  const close = /^\r?\n---[ \t]*(\r?\n|$)/.exec(text.slice(yamlStart + split.matter.length));
  if (!close) return { diagnostics: [{ code: 'front-matter-unclosed', severity: 'error', span: start, args: {} }] };
  const bodyOffset = yamlStart + split.matter.length + close[0].length;
  const read = readYamlMap(path, split.matter, yamlStart, lines);
  if (!read.value) return { diagnostics: read.diagnostics };
  const span: Span = { file: path, start: lines.point(0), end: lines.point(bodyOffset) };
  return { value: { fields: read.value.fields, span, bodyOffset }, diagnostics: read.diagnostics };
}
