/** Reads `documents/gazette.yml` into a Publication; every bad value is a positioned diagnostic. */
import { LineIndex, readYamlMap, type YamlMap } from '../parse/index.js';
import { isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import type { IssuerSpec, NumberPolicy, Publication, SectionSpec, TocMarker } from '../model/gazette.js';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';

const numberPolicies: readonly NumberPolicy[] = ['required', 'forbidden', 'optional'];
const tocMarkers: readonly TocMarker[] = ['numbered', 'bullet'];

/** Parses the publication file; returns no value when it is unusable. */
export function readPublication(path: string, text: string): Outcome<Publication | undefined> {
  const read = readYamlMap(path, text, 0, new LineIndex(text));
  if (!read.value) return { value: undefined, diagnostics: read.diagnostics };
  const yaml = read.value;
  const diagnostics: Diagnostic[] = [];
  const bad = (node: YamlNode | null | undefined, field: string, expected: string): void => {
    diagnostics.push({ code: 'publication-invalid', severity: 'error', span: yaml.spanOf(node), args: { field, expected } });
  };
  const text_ = (key: string, required: boolean): string | undefined => {
    const field = yaml.fields.get(key);
    if (!field) {
      if (required) diagnostics.push({ code: 'publication-invalid', severity: 'error', span: { file: path, start: { line: 1, column: 1 } }, args: { field: key, expected: 'text' } });
      return undefined;
    }
    if (typeof field.value !== 'string' || field.value.trim() === '') {
      diagnostics.push({ code: 'publication-invalid', severity: 'error', span: field.span, args: { field: key, expected: 'text' } });
      return undefined;
    }
    return field.value.trim();
  };
  const name = text_('name', true);
  const publisher = text_('publisher', true);
  const website = text_('website', false);
  const problem: Problem = (node, field, kind) => {
    diagnostics.push({ code: 'publication-invalid', severity: 'error', span: yaml.spanOf(node), args: { field, problem: kind } });
  };
  const sections = readSections(yaml, bad, problem);
  const issuers = readIssuers(yaml, bad, problem);
  if (sections.length === 0) bad(yaml.document.contents as YamlNode, 'sections', 'list');
  if (diagnostics.length > 0 || !name || !publisher) return { value: undefined, diagnostics };
  return { value: { name, publisher, ...(website ? { website } : {}), sections, issuers }, diagnostics };
}

type Bad = (node: YamlNode | null | undefined, field: string, expected: string) => void;
type Problem = (node: YamlNode | null | undefined, field: string, problem: string) => void;

function items(yaml: YamlMap, key: string, bad: Bad): YamlNode[] {
  const node = (yaml.document.get(key, true) ?? null) as YamlNode | null;
  if (!isSeq(node)) {
    bad(node ?? (yaml.document.contents as YamlNode), key, 'list');
    return [];
  }
  return node.items as YamlNode[];
}

function scalar(item: YamlNode, key: string): { node: YamlNode | null; value: unknown } {
  if (!isMap(item)) return { node: null, value: undefined };
  const node = (item.get(key, true) ?? null) as YamlNode | null;
  return { node, value: isScalar(node) ? node.value : node?.toJSON() };
}

function readSections(yaml: YamlMap, bad: Bad, problem: Problem): SectionSpec[] {
  const sections: SectionSpec[] = [];
  for (const item of items(yaml, 'sections', bad)) {
    const name = scalar(item, 'name');
    const number = scalar(item, 'number');
    const dated = scalar(item, 'dated');
    const official = scalar(item, 'official');
    const toc = scalar(item, 'toc');
    if (typeof name.value !== 'string' || !name.value) {
      bad(name.node ?? item, 'sections.name', 'text');
      continue;
    }
    const policy = (number.value ?? 'required') as NumberPolicy;
    if (!numberPolicies.includes(policy)) bad(number.node, 'sections.number', numberPolicies.join(' | '));
    const marker = (toc.value ?? 'numbered') as TocMarker;
    if (!tocMarkers.includes(marker)) bad(toc.node, 'sections.toc', tocMarkers.join(' | '));
    if (dated.value !== undefined && typeof dated.value !== 'boolean') bad(dated.node, 'sections.dated', 'boolean');
    if (official.value !== undefined && typeof official.value !== 'boolean') bad(official.node, 'sections.official', 'boolean');
    if (sections.some((section) => section.name === name.value)) problem(name.node, 'sections.name', 'duplicate-section');
    sections.push({ name: name.value, number: policy, dated: dated.value !== false, official: official.value !== false, toc: marker });
  }
  return sections;
}

function readIssuers(yaml: YamlMap, bad: Bad, problem: Problem): IssuerSpec[] {
  const issuers: IssuerSpec[] = [];
  for (const item of items(yaml, 'issuers', bad)) {
    const name = scalar(item, 'name');
    const codes = scalar(item, 'codes');
    if (typeof name.value !== 'string' || !name.value) {
      bad(name.node ?? item, 'issuers.name', 'text');
      continue;
    }
    const list = Array.isArray(codes.value) ? codes.value : typeof codes.value === 'string' ? [codes.value] : undefined;
    if (!list || !list.every((code) => typeof code === 'string' && code !== '')) {
      bad(codes.node ?? item, 'issuers.codes', 'codes-list');
      continue;
    }
    if (list.some((code) => issuers.some((issuer) => issuer.codes.includes(code as string)))) problem(codes.node, 'issuers.codes', 'duplicate-code');
    issuers.push({ name: name.value, codes: list as string[] });
  }
  return issuers;
}
