/** Reads a YAML mapping with `yaml` (YAML 1.2: dates stay strings) and keeps source spans for every node. */
import { isMap, isScalar, parseDocument, type Document, type Node as YamlNode } from 'yaml';
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
  const diagnostics: Diagnostic[] = document.errors.map((error) => ({
    code: 'yaml-syntax',
    severity: 'error' as const,
    span: at(error.pos[0] ?? 0),
    args: { detail: error.message.split('\n')[0] ?? error.code },
  }));
  if (diagnostics.length > 0) return { diagnostics };
  const spanOf = (node: YamlNode | null | undefined): Span => {
    const range = node?.range ?? [0, 0, 0];
    return { file: path, start: lines.point(baseOffset + range[0]), end: lines.point(baseOffset + range[1]) };
  };
  const fields = new Map<string, RawField>();
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    return { diagnostics: [{ code: 'yaml-not-map', severity: 'error', span: spanOf(contents), args: {} }] };
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
    });
  }
  return { value: { fields, spanOf, document }, diagnostics };
}
