/**
 * dist/feed.xml: an Atom feed over every built issue, made from their data editions. It is well-formed Atom with
 * one entry per document, newest issue first; its ids stay the same across rebuilds; every link resolves to a
 * file of the build; `build <issue>` keeps it up to date, a build elsewhere (--out) leaves it alone.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/io.js';
import { atomFeed } from '../../src/feed/index.js';
import { writeSyntheticArchive } from '../../scripts/synthetic-archive.js';
import { projectRoot } from '../support/project.js';

const made: string[] = [];
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

async function gazette(root: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: root, env: { ...process.env, NO_COLOR: '1' }, isTTY: false };
  return { code: await run(args, io), stdout, stderr };
}

interface Entry {
  title: string;
  id: string;
  published: string;
  link: { '@_rel': string; '@_href': string }[] | { '@_rel': string; '@_href': string };
}

function entries(xml: string): Entry[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed as { entry: Entry[]; '@_xmlns': string };
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  return feed.entry;
}

describe('the feed', () => {
  it('lists every document of every built issue, newest first, with stable ids and links that resolve', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gazette-feed-'));
    made.push(root);
    const ids = writeSyntheticArchive(root, 3, join(projectRoot, 'test/fixtures/layout/documents'));
    const first = await gazette(root, 'build', '--all', '--format', 'pdf,docs,json');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('dist/feed.xml');
    const xml = readFileSync(join(root, 'dist/feed.xml'), 'utf8');
    const list = entries(xml);
    const perIssue = ids.map((id) => (JSON.parse(readFileSync(join(root, 'dist', id, 'issue.json'), 'utf8')) as { documents: { title: string }[] }).documents.length);
    expect(list.length).toBe(perIssue.reduce((a, b) => a + b, 0));
    expect(new Set(list.map((entry) => entry.id)).size).toBe(list.length);
    // Newest issue first.
    const dates = list.map((entry) => entry.published);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const entry of list) {
      for (const link of [entry.link].flat()) expect(existsSync(join(root, 'dist', decodeURIComponent(link['@_href']))), link['@_href']).toBe(true);
    }

    // A rebuild of one issue changes no id; the feed is remade from every issue's data.
    const again = await gazette(root, 'build', ids[0]!, '--format', 'pdf,docs,json');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('feed.xml');
    expect(entries(readFileSync(join(root, 'dist/feed.xml'), 'utf8')).map((entry) => entry.id)).toEqual(list.map((entry) => entry.id));
    expect(readFileSync(join(root, 'dist/feed.xml'), 'utf8')).toBe(xml);

    // Built elsewhere, an issue leaves dist/feed.xml as it was.
    const elsewhere = await gazette(root, 'build', ids[1]!, '--format', 'json', '--out', join(root, 'elsewhere'));
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(existsSync(join(root, 'elsewhere/feed.xml'))).toBe(false);
    expect(existsSync(join(root, 'feed.xml'))).toBe(false);
  }, 120_000);

  it('leaves drafts out, and is made by a run over every issue, not by a shard of them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gazette-feed-'));
    made.push(root);
    const ids = writeSyntheticArchive(root, 2, join(projectRoot, 'test/fixtures/layout/documents'));
    const shard = await gazette(root, 'build', '--all', '--shard', '1/2', '--format', 'pdf,json');
    expect(shard.code, shard.stderr).toBe(0);
    expect(existsSync(join(root, 'dist/feed.xml'))).toBe(false);
    expect((await gazette(root, 'build', '--all', '--shard', '2/2', '--format', 'pdf,json')).code).toBe(0);
    // The gathering run: every issue is unchanged, and the feed covers them all.
    const all = await gazette(root, 'build', '--all', '--format', 'pdf,json');
    expect(all.stdout).toContain('未改动');
    const count = entries(readFileSync(join(root, 'dist/feed.xml'), 'utf8')).length;
    expect(count).toBeGreaterThan(2);
    const draft = await gazette(root, 'build', ids[0]!, '--draft', '--format', 'pdf,json');
    expect(draft.code, draft.stderr).toBe(0);
    const left = entries(readFileSync(join(root, 'dist/feed.xml'), 'utf8'));
    expect(left.length).toBe(count / 2);
    expect(left.every((entry) => [entry.link].flat().every((link) => !link['@_href'].startsWith(`${ids[0]}/`)))).toBe(true);
  }, 120_000);

  it('escapes what the text holds and links the issue when a document has no page of its own', () => {
    const xml = atomFeed([
      {
        publication: { name: '某市<人民>政府公报', publisher: 'A & B' },
        issue: { id: '2030-1', label: '2030年第1期', published: '2030-03-01' },
        outputs: [{ path: 'gazette-2030-1.pdf' }],
        documents: [{ id: 'a b', title: '关于“A&B”<试行>的通知', category: '文件', issuers: ['某市人民政府'], firstPage: 1, lastPage: 2, outputs: [] }],
      },
    ]);
    const [entry] = entries(xml);
    expect(xml).toContain('<title>关于“A&amp;B”&lt;试行&gt;的通知</title>');
    expect(entry!.title).toBe('关于“A&B”<试行>的通知');
    expect([entry!.link].flat().map((link) => link['@_href'])).toEqual(['2030-1/gazette-2030-1.pdf']);
  });
});
