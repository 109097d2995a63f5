/**
 * `gazette index <year>`: the annual index of a synthetic year of issues (the layout fixture filed four times, and
 * an issue of another year that must not appear). Every reference is checked against the page the issue's own PDF
 * prints the document on, every web link against the issue's web edition, and the refusals and usage errors.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/io.js';
import { writeSyntheticArchive } from '../../scripts/synthetic-archive.js';
import { projectRoot } from '../support/project.js';
import { readPdf } from '../support/pdf-text.js';

let root: string;
let ids: string[];

async function gazette(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd, env: { ...process.env, NO_COLOR: '1' }, isTTY: false };
  return { code: await run(args, io), stdout, stderr };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gazette-annual-'));
  // Five issues: four of 2022, the fifth of 2023.
  ids = writeSyntheticArchive(root, 5, join(projectRoot, 'test/fixtures/layout/documents'));
  const built = await gazette(root, 'build', '--all');
  expect(built.code, built.stderr).toBe(0);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const normalise = (text: string): string => text.replace(/\s/gu, '');

describe('gazette index <year>', () => {
  it('lists every document of the year by section and by issuer, at the page its issue prints it on', async () => {
    const result = await gazette(root, 'index', '2022');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('2022年度总目录');
    const dir = join(root, 'dist/index-2022');
    const index = await readPdf(new Uint8Array(readFileSync(join(dir, 'index-2022.pdf'))));
    const text = normalise(index.pages.map((page) => page.text).join(''));
    const year = ids.filter((id) => id.startsWith('2022-'));
    expect(year).toHaveLength(4);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    let entries = 0;
    for (const id of year) {
      const issuePdf = await readPdf(new Uint8Array(readFileSync(join(root, 'dist', id, `gazette-${id}.pdf`))));
      const issueHtml = readFileSync(join(root, 'dist', id, 'index.html'), 'utf8');
      const number = Number(id.split('-')[1]);
      for (const item of issuePdf.outline) {
        for (const doc of item.children) {
          entries++;
          // The issue's own PDF says where the document starts; the index must say the same, twice (by section and
          // by issuer: one issuer per document here).
          const page = issuePdf.labels![doc.pageIndex];
          const reference = `2022年第${number}期第${page}页`;
          const line = `${normalise(doc.title)}`;
          const at = [...text.matchAll(new RegExp(`${line.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}[…]+${reference}`, 'gu'))];
          expect(at.length, `${doc.title} → ${reference}`).toBe(2);
          // The web page links it to its anchor in the issue's web edition.
          const links = [...html.matchAll(new RegExp(`href="\\.\\./${id}/index\\.html#([^"]+)"`, 'gu'))].map((m) => m[1]!);
          expect(links.length).toBeGreaterThan(0);
          for (const anchor of links) expect(issueHtml).toContain(`id="${anchor}"`);
        }
      }
    }
    // Written elsewhere, its links still reach the issues' web editions where build writes them.
    const elsewhere = join(root, 'published', 'index');
    expect((await gazette(root, 'index', '2022', '--out', elsewhere)).code).toBe(0);
    const hrefs = [...readFileSync(join(elsewhere, 'index.html'), 'utf8').matchAll(/href="([^"#]+\/index\.html)#/gu)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of new Set(hrefs)) expect(existsSync(join(elsewhere, decodeURIComponent(href))), href).toBe(true);
    // Nothing of 2023.
    expect(text).not.toContain('2023年');
    expect(entries).toBeGreaterThan(8);
    // The PDF's outline has the two parts and their groups.
    expect(index.outline.map((item) => item.title)).toEqual(['2022年度总目录', '发文机关索引']);
    expect(index.labels?.[0]).toBe('1');
  }, 120_000);

  it('refuses a year whose issues have errors, and a year without issues, naming what exists', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'gazette-annual-broken-'));
    try {
      cpSync(join(root, 'documents'), join(broken, 'documents'), { recursive: true });
      const file = join(broken, 'documents', ids[1]!, 'plan-46.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/〔2021〕(\d+)号/u, '[2021]$1号'));
      const refused = await gazette(broken, 'index', '2022');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`documents/${ids[1]}/plan-46.md`);
      expect(refused.stderr).toContain('未生成年度总目录');
      const none = await gazette(broken, 'index', '1999');
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('1999 年没有期次');
      expect(none.stderr).toContain('2022');
      const bad = await gazette(broken, 'index', '22');
      expect(bad.code).toBe(2);
      // An issue whose issue.yml is gone may be of any year: the index is refused, naming it.
      writeFileSync(file, readFileSync(join(root, 'documents', ids[1]!, 'plan-46.md'), 'utf8'));
      cpSync(join(broken, 'documents', ids[0]!), join(broken, 'documents', 'extra'), { recursive: true });
      rmSync(join(broken, 'documents', 'extra', 'issue.yml'));
      const unknown = await gazette(broken, 'index', '2022');
      expect(unknown.code, unknown.stdout).toBe(1);
      expect(unknown.stderr).toContain('documents/extra/issue.yml');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 120_000);
});
