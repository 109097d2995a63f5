/** Reads `documents/gazette.yml` into a Publication; every bad value is a positioned diagnostic. */
import { LineIndex, readYamlMap, type YamlMap } from '../parse/index.js';
import { isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import type { ColophonItem, IssuerSpec, Labels, NumberPolicy, Publication, RuleSetting, SectionSpec, TocMarker } from '../model/gazette.js';
import type { Span } from '../model/source.js';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import { LABEL_PLACEHOLDERS } from '../shared/labels.js';
import { withoutInvisible } from '../shared/unicode.js';

const numberPolicies: readonly NumberPolicy[] = ['required', 'forbidden', 'optional', 'order'];
const tocMarkers: readonly TocMarker[] = ['numbered', 'bullet'];
const severities: readonly RuleSetting['severity'][] = ['off', 'warning', 'error'];

/** Every key gazette.yml may hold; anything else is most likely a typo. */
export const PUBLICATION_KEYS = ['name', 'publisher', 'website', 'template', 'issueLabel', 'totalLabel', 'sectionLabel', 'annualLabel', 'doctypes', 'rules', 'sections', 'issuers', 'colophon'] as const;

const defaultLabels: Labels = { issue: '{year}年第{number}期', total: '总第{total}期', section: '【{name}】', annual: '{year}年度总目录' };

/** Parses the publication file; returns no value when it is unusable. */
export function readPublication(path: string, text: string): Outcome<Publication | undefined> {
  const read = readYamlMap(path, text, 0, new LineIndex(text));
  if (!read.value) return { value: undefined, diagnostics: read.diagnostics };
  const yaml = read.value;
  const diagnostics: Diagnostic[] = [];
  const fileStart: Span = { file: path, start: { line: 1, column: 1 } };
  // `expected` is a kind of value (list, text), or the words the setting takes.
  const bad: Bad = (node, field, expected) => {
    const args: Record<string, string> = typeof expected === 'string' ? { field, expected } : { field, choices: expected.join('、') };
    diagnostics.push({ code: 'publication-invalid', severity: 'error', span: yaml.spanOf(node), args });
  };
  const problem: Problem = (node, field, kind, extra = {}) => {
    diagnostics.push({ code: 'publication-invalid', severity: 'error', span: yaml.spanOf(node), args: { field, problem: kind, ...extra } });
  };
  const text_ = (key: string, required: boolean): string | undefined => {
    const field = yaml.fields.get(key);
    if (!field) {
      if (required) diagnostics.push({ code: 'publication-invalid', severity: 'error', span: fileStart, args: { field: key, expected: 'text' } });
      return undefined;
    }
    // Printed as written, less what no reader sees (control characters, zero-width marks).
    const value = typeof field.value === 'string' ? withoutInvisible(field.value).trim() : '';
    if (value === '') {
      diagnostics.push({ code: 'publication-invalid', severity: 'error', span: field.span, args: { field: key, expected: 'text' } });
      return undefined;
    }
    return value;
  };
  for (const [key, field] of yaml.fields) {
    if ((PUBLICATION_KEYS as readonly string[]).includes(key)) continue;
    diagnostics.push({ code: 'publication-key-unknown', severity: 'warning', span: field.keySpan, args: { field: key, known: PUBLICATION_KEYS.join(', ') } });
  }
  const name = text_('name', true);
  const publisher = text_('publisher', true);
  const website = text_('website', false);
  const template = text_('template', false);
  if (template !== undefined && !/^[\w.-]+$/.test(template)) problem(yaml.document.get('template', true) as YamlNode, 'template', 'folder-name');
  const label = (key: 'issueLabel' | 'totalLabel' | 'sectionLabel' | 'annualLabel', kind: keyof Labels): string => {
    const value = text_(key, false);
    if (value === undefined) return defaultLabels[kind];
    const allowed = LABEL_PLACEHOLDERS[kind];
    const unknown = [...value.matchAll(/\{(\w*)\}/g)].map((m) => m[1]!).filter((p) => !allowed.includes(p));
    if (unknown.length > 0) problem(yaml.document.get(key, true) as YamlNode, key, 'unknown-placeholder', { placeholder: `{${unknown[0]}}`, placeholders: allowed.map((p) => `{${p}}`).join('、') });
    return value;
  };
  const labels: Labels = { issue: label('issueLabel', 'issue'), total: label('totalLabel', 'total'), section: label('sectionLabel', 'section'), annual: label('annualLabel', 'annual') };
  const sections = readSections(yaml, bad, problem);
  const issuers = readIssuers(yaml, bad, problem);
  const doctypes = readStrings(yaml, 'doctypes', bad);
  const rules = readRules(yaml, bad);
  const colophon = readColophon(yaml, bad);
  if (sections.length === 0) bad(yaml.document.contents as YamlNode, 'sections', 'list');
  if (diagnostics.some((d) => d.severity === 'error') || !name || !publisher) return { value: undefined, diagnostics };
  const spans = new Map([...yaml.fields].map(([key, field]) => [key, field.keySpan]));
  return {
    value: { name, publisher, ...(website ? { website } : {}), ...(template ? { template } : {}), sections, issuers, labels, doctypes, rules, colophon, spans },
    diagnostics,
  };
}

type Bad = (node: YamlNode | null | undefined, field: string, expected: string | readonly string[]) => void;
type Problem = (node: YamlNode | null | undefined, field: string, problem: string, extra?: Record<string, string>) => void;

function items(yaml: YamlMap, key: string, bad: Bad, required = true): YamlNode[] {
  const node = (yaml.document.get(key, true) ?? null) as YamlNode | null;
  if (node === null && !required) return [];
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

/** A list of non-empty strings, or one string, as a list; undefined when it is neither. */
function stringList(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : value === undefined || value === null ? [] : undefined;
  return list?.every((entry) => typeof entry === 'string' && entry.trim() !== '') ? list.map((entry: string) => entry.trim()) : undefined;
}

function readStrings(yaml: YamlMap, key: string, bad: Bad): string[] {
  const node = (yaml.document.get(key, true) ?? null) as YamlNode | null;
  const list = stringList(node === null ? undefined : isScalar(node) ? node.value : node.toJSON());
  if (!list) bad(node, key, 'text-list');
  return list ?? [];
}

/** `colophon:` — what the 版权页 prints, label by label in the order given (编辑出版, 地址, 电话, 印刷 …). */
function readColophon(yaml: YamlMap, bad: Bad): ColophonItem[] {
  const node = (yaml.document.get('colophon', true) ?? null) as YamlNode | null;
  if (node === null) return [];
  if (!isMap(node)) {
    bad(node, 'colophon', 'colophon-map');
    return [];
  }
  const items: ColophonItem[] = [];
  for (const pair of node.items) {
    const key = pair.key as YamlNode | null;
    const value = pair.value as YamlNode | null;
    const label = isScalar(key) ? withoutInvisible(String(key.value)).trim() : '';
    // Telephone numbers and postcodes read as numbers in YAML; they print as written.
    const raw = isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number') ? (value.source ?? String(value.value)) : undefined;
    const text = raw === undefined ? '' : withoutInvisible(String(raw)).trim();
    if (label === '' || text === '') {
      bad(value ?? key, `colophon.${label}`, 'text');
      continue;
    }
    items.push({ label, value: text });
  }
  return items;
}

function readRules(yaml: YamlMap, bad: Bad): RuleSetting[] {
  const node = (yaml.document.get('rules', true) ?? null) as YamlNode | null;
  if (node === null) return [];
  if (!isMap(node)) {
    bad(node, 'rules', 'rule-map');
    return [];
  }
  const settings: RuleSetting[] = [];
  for (const pair of node.items) {
    const key = pair.key as YamlNode | null;
    const value = pair.value as YamlNode | null;
    const code = isScalar(key) ? String(key.value) : '';
    const severity = isScalar(value) ? value.value : undefined;
    if (!severities.includes(severity as RuleSetting['severity'])) {
      bad(value ?? key, `rules.${code}`, severities);
      continue;
    }
    settings.push({ code, severity: severity as RuleSetting['severity'], span: yaml.spanOf(key) });
  }
  return settings;
}

function readSections(yaml: YamlMap, bad: Bad, problem: Problem): SectionSpec[] {
  const sections: SectionSpec[] = [];
  for (const item of items(yaml, 'sections', bad)) {
    const name = scalar(item, 'name');
    const number = scalar(item, 'number');
    const dated = scalar(item, 'dated');
    const official = scalar(item, 'official');
    const signed = scalar(item, 'signed');
    const toc = scalar(item, 'toc');
    if (typeof name.value !== 'string' || !name.value) {
      bad(name.node ?? item, 'sections.name', 'text');
      continue;
    }
    const policy = (number.value ?? 'required') as NumberPolicy;
    if (!numberPolicies.includes(policy)) bad(number.node, 'sections.number', numberPolicies);
    const marker = (toc.value ?? 'numbered') as TocMarker;
    if (!tocMarkers.includes(marker)) bad(toc.node, 'sections.toc', tocMarkers);
    if (dated.value !== undefined && typeof dated.value !== 'boolean') bad(dated.node, 'sections.dated', 'boolean');
    if (official.value !== undefined && typeof official.value !== 'boolean') bad(official.node, 'sections.official', 'boolean');
    if (signed.value !== undefined && typeof signed.value !== 'boolean') bad(signed.node, 'sections.signed', 'boolean');
    if (sections.some((section) => section.name === name.value)) problem(name.node, 'sections.name', 'duplicate-section');
    sections.push({ name: name.value, number: policy, dated: dated.value !== false, official: official.value !== false, signed: typeof signed.value === 'boolean' ? signed.value : policy === 'order', toc: marker });
  }
  return sections;
}

function readIssuers(yaml: YamlMap, bad: Bad, problem: Problem): IssuerSpec[] {
  const issuers: IssuerSpec[] = [];
  const names = new Set<string>();
  for (const item of items(yaml, 'issuers', bad)) {
    const name = scalar(item, 'name');
    const codes = scalar(item, 'codes');
    const aliases = scalar(item, 'aliases');
    if (typeof name.value !== 'string' || !name.value) {
      bad(name.node ?? item, 'issuers.name', 'text');
      continue;
    }
    const codeList = stringList(codes.value);
    if (!codeList) {
      bad(codes.node ?? item, 'issuers.codes', 'codes-list');
      continue;
    }
    const aliasList = stringList(aliases.value);
    if (!aliasList) {
      bad(aliases.node ?? item, 'issuers.aliases', 'text-list');
      continue;
    }
    if (codeList.some((code) => issuers.some((issuer) => issuer.codes.includes(code)))) problem(codes.node, 'issuers.codes', 'duplicate-code');
    const clash = [name.value, ...aliasList].find((n) => names.has(n));
    if (clash !== undefined) problem(aliases.node ?? name.node, 'issuers.aliases', 'duplicate-name', { name: clash });
    for (const n of [name.value, ...aliasList]) names.add(n);
    issuers.push({ name: name.value, aliases: aliasList, codes: codeList });
  }
  return issuers;
}
