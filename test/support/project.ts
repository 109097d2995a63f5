/** Builds small in-memory projects around the bundled publication file, for rule and pipeline tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryHost } from '../../src/host/memory-host.js';
import { createNodeHost } from '../../src/host/node-host.js';
import type { Host } from '../../src/host/host.js';

export const projectRoot = join(import.meta.dirname, '..', '..');

/** gazette's own templates and fonts, for in-memory projects (check reads the theme and the fonts' glyph maps). */
export const bundledAssets: Host['readAsset'] = (ref) => createNodeHost(projectRoot, { cache: false }).readAsset(ref);
export const publicationYaml = readFileSync(join(projectRoot, 'documents', 'gazette.yml'), 'utf8');
export const issueYaml = 'year: 2021\nnumber: 4\ntotal: 62\npublished: 2022-01-04\n';

export interface DocFields {
  title?: string;
  issuer?: string;
  date?: string;
  number?: string;
  category?: string;
  [key: string]: string | number | undefined;
}

export const baseFields: DocFields = {
  title: '上海市长宁区人民政府关于公布第七批区级非物质文化遗产名录的通知',
  issuer: '上海市长宁区人民政府',
  date: '2021-12-14',
  number: '长府〔2021〕54号',
  category: '区政府文件',
};

/** A document file from fields; undefined values are left out. */
export function documentText(fields: DocFields, body = '正文。\n'): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** A host with documents/gazette.yml, one issue 2021-4 and the given files (names relative to the issue). */
export function projectHost(files: Record<string, string | Uint8Array>, extra: Record<string, string> = {}): Host {
  const entries: Record<string, string | Uint8Array> = { 'documents/gazette.yml': publicationYaml, 'documents/2021-4/issue.yml': issueYaml, ...extra };
  for (const [name, content] of Object.entries(files)) entries[`documents/2021-4/${name}`] = content;
  return createMemoryHost(entries, bundledAssets);
}
