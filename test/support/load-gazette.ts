/**
 * A small loader for layout and PDF tests: builds a Gazette from a documents folder with gray-matter and
 * remark. The product's own pipeline replaces it; it only has to be faithful enough for typesetting tests.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { createRequire } from 'node:module';
import matter from 'gray-matter';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { Host } from '../../src/host/host.js';
import type { DocumentMeta, GazetteDocument } from '../../src/model/document.js';
import type { Gazette, IssueMeta, Publication, Section } from '../../src/model/gazette.js';
import type { Span } from '../../src/model/source.js';

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** A Host over the real file system, rooted at the repository; `npm:` refs resolve in node_modules. */
export function nodeHost(root = ROOT): Host {
  const require = createRequire(join(root, 'package.json'));
  const read = (path: string): Uint8Array | undefined => (existsSync(path) ? readFileSync(path) : undefined);
  return {
    listDir: (path) => (existsSync(join(root, path)) ? readdirSync(join(root, path)).sort() : undefined),
    readBytes: (path) => read(join(root, path)),
    readAsset: (ref) => {
      if (!ref.startsWith('npm:')) return read(join(root, ref));
      const spec = ref.slice(4);
      const parts = spec.split('/');
      const pkgLength = spec.startsWith('@') ? 2 : 1;
      const pkg = parts.slice(0, pkgLength).join('/');
      try {
        const pkgDir = dirname(require.resolve(`${pkg}/package.json`));
        return read(join(pkgDir, ...parts.slice(pkgLength)));
      } catch {
        return undefined;
      }
    },
  };
}

const NUMBER = /^(.+?)〔(\d{4})〕(\d+)号$/u;

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : undefined;
}

function loadDocument(root: string, documentsDir: string, issueId: string, name: string): GazetteDocument {
  const path = `${documentsDir}/${issueId}/${name}`;
  const text = readFileSync(join(root, path), 'utf8').replace(/^\uFEFF/u, '');
  const parsed = matter(text);
  const data = parsed.data as Record<string, unknown>;
  const bodyOffset = text.length - parsed.content.length;
  const bodyLine = text.slice(0, bodyOffset).split('\n').length;
  const body = unified().use(remarkParse).use(remarkGfm).parse(parsed.content) as Root;
  visit(body, (node) => {
    const pos = node.position;
    if (!pos) return;
    for (const point of [pos.start, pos.end]) {
      point.line += bodyLine - 1;
      if (point.offset !== undefined) point.offset += bodyOffset;
    }
  });
  const fieldSpans = new Map<string, Span>();
  text.split('\n').forEach((line, i) => {
    const key = /^(\w+):/u.exec(line)?.[1];
    if (key && !fieldSpans.has(key) && i < bodyLine) fieldSpans.set(key, { file: path, start: { line: i + 1, column: key.length + 3 } });
  });
  const meta: DocumentMeta = {
    title: String(data.title ?? ''),
    issuer: String(data.issuer ?? ''),
    category: String(data.category ?? ''),
  };
  const date = isoDate(data.date);
  if (date) meta.date = date;
  if (data.number) meta.number = String(data.number);
  if (data.recipients) meta.recipients = String(data.recipients);
  if (data.interprets) meta.interprets = String(data.interprets);
  if (typeof data.order === 'number') meta.order = data.order;
  return { id: name.replace(/\.md$/u, ''), issueId, meta, file: { path, text }, body, fieldSpans };
}

type Key = [number, number, number, string, string];

function orderSection(docs: GazetteDocument[], codes: string[]): GazetteDocument[] {
  const numberKey = (number: string | undefined): [number, number, number] | undefined => {
    const m = number ? NUMBER.exec(number) : null;
    if (!m) return undefined;
    const series = codes.indexOf(m[1] ?? '');
    return [series < 0 ? codes.length : series, Number(m[2]), Number(m[3])];
  };
  const byNumber = new Map<string, GazetteDocument>();
  for (const doc of docs) if (doc.meta.number) byNumber.set(doc.meta.number, doc);
  const key = (doc: GazetteDocument): Key => {
    const own = numberKey(doc.meta.number) ?? numberKey(doc.meta.interprets) ?? [Infinity, 0, 0];
    return [...own, doc.meta.date ?? '', doc.meta.title];
  };
  const compare = (a: Key, b: Key): number => {
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as number | string;
      const y = b[i] as number | string;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
  const free = docs.filter((d) => d.meta.order === undefined).sort((a, b) => compare(key(a), key(b)));
  const fixed = docs.filter((d) => d.meta.order !== undefined).sort((a, b) => (a.meta.order ?? 0) - (b.meta.order ?? 0));
  for (const doc of fixed) free.splice(Math.min((doc.meta.order ?? 1) - 1, free.length), 0, doc);
  return free;
}

/** Loads `documents/<issueId>` under `root` into an ordered Gazette. */
export function loadGazette(issueId: string, root = ROOT, documentsDir = 'documents'): Gazette {
  const base = join(root, documentsDir);
  const pub = parseYaml(readFileSync(join(base, 'gazette.yml'), 'utf8')) as Publication;
  const issueRaw = parseYaml(readFileSync(join(base, issueId, 'issue.yml'), 'utf8')) as Record<string, unknown>;
  const issue: IssueMeta = {
    id: issueId,
    year: Number(issueRaw.year),
    number: Number(issueRaw.number),
    total: Number(issueRaw.total),
    published: isoDate(issueRaw.published) ?? '',
  };
  const names = readdirSync(join(base, issueId)).filter((n) => n.endsWith('.md')).sort();
  const docs = names.map((n) => loadDocument(root, documentsDir, issueId, n));
  const codes = pub.issuers.flatMap((i) => i.codes);
  const sections: Section[] = [];
  for (const spec of pub.sections) {
    const inSection = docs.filter((d) => d.meta.category === spec.name);
    if (inSection.length > 0) sections.push({ spec, documents: orderSection(inSection, codes) });
  }
  return { publication: pub, issue, sections };
}
