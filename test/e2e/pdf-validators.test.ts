/**
 * The PDFs the CLI writes, through the validators Debian provides (installed by .ci/e2e-deps.sh): poppler's
 * structure dump, qpdf's syntax check and Apache PDFBox Preflight. Preflight checks PDF/A-1b only; our files are
 * PDF/A-2b, so the two requirements PDF/A-1 has and PDF/A-2 dropped (a CIDSet in every CID font subset, the
 * identification part 1) are the only findings allowed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { projectRoot } from '../support/project.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The titles of a PDF's outline: documents under their sections (a document's own PDF lists it alone). */
async function outlineTitles(path: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  type Item = { title: string; items: Item[] };
  const items = ((await doc.getOutline()) ?? []) as unknown as Item[];
  await doc.destroy();
  return items.flatMap((item) => (item.items.length > 0 ? item.items.map((d) => d.title) : [item.title]));
}

const JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((name) => `/usr/share/java/${name}.jar`).join(':');
/** Preflight's PDF/A-1b findings that PDF/A-2b does not require (ISO 19005-2 §6.2.11.4.2 makes CIDSet optional). */
const PDF_A1_ONLY = [/^3\.1\.11 : Invalid Font definition, .+: The CIDSet entry is missing for the Composite Subset$/, /^7\.11\.2 : Error on MetaData, part must be 1$/];

function run(command: string, args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every PDF the CLI writes for an issue (the issue, each document) and for its year's annual index. */
const pdfs: { name: string; path: string }[] = [];

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'gazette-validators-'));
  expect(runCli(['build', '2021-4', '--out', join(out, 'bundled')], projectRoot).code).toBe(0);
  const fixture = join(projectRoot, 'test/fixtures/state-council');
  expect(runCli(['build', '2024-1', '--root', fixture, '--format', 'pdf,html,docs', '--out', join(out, 'sc')], projectRoot).code).toBe(0);
  expect(runCli(['index', '2024', '--root', fixture, '--out', join(out, 'annual')], projectRoot).code).toBe(0);
  pdfs.push({ name: '2021-4', path: join(out, 'bundled', 'gazette-2021-4.pdf') });
  for (const folder of ['sc', 'sc/docs', 'annual']) {
    for (const file of readdirSync(join(out, folder)).filter((f) => f.endsWith('.pdf'))) pdfs.push({ name: `${folder}/${file}`, path: join(out, folder, file) });
  }
  expect(pdfs.length).toBeGreaterThan(5);
});

describe('pdfinfo -struct-text', () => {
  it('reads a Document tree without a warning, each document titled by an H2 in the order of the outline', async () => {
    for (const { name, path } of pdfs) {
      const result = run('pdfinfo', ['-struct-text', path]);
      expect(result.code, name).toBe(0);
      expect(result.stderr, name).toBe('');
      const lines = result.stdout.split('\n');
      expect(lines[0], name).toBe('Document');
      if (name.startsWith('annual')) continue;
      // The text under each H2 is the line after it.
      const titles = lines.flatMap((line, i) => (/^\s*H2 /.test(line) ? [JSON.parse(lines[i + 1]!.trim()) as string] : []));
      const outline = await outlineTitles(path);
      // An order is listed by its 令号 after the title it prints (中华人民共和国国务院令 → …令第770号).
      expect(titles.length, name).toBe(outline.length);
      titles.forEach((title, i) => expect(outline[i]!.startsWith(title), `${name}: ${title} / ${outline[i]}`).toBe(true));
      expect(run('pdfinfo', [path]).stdout, name).toMatch(/^Tagged:\s+yes$/m);
    }
  });
});

describe('qpdf --check', () => {
  it('finds no syntax or stream error', () => {
    for (const { name, path } of pdfs) {
      const result = run('qpdf', ['--check', path]);
      expect(result.code, `${name}: ${result.stdout}${result.stderr}`).toBe(0);
      expect(result.stdout, name).toContain('No syntax or stream encoding errors found');
    }
  });
});

describe('PDFBox Preflight', () => {
  it('finds nothing PDF/A-2b requires', () => {
    for (const { name, path } of pdfs) {
      const result = run('java', ['-cp', JARS, 'org.apache.pdfbox.preflight.Validator_A1b', path]);
      const findings = result.stdout
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^\d+(\.\d+)* : /.test(line));
      expect(result.stdout + result.stderr, name).toMatch(/is (not )?a valid PDF\/A-1b file/);
      expect(
        findings.filter((line) => !PDF_A1_ONLY.some((allowed) => allowed.test(line))),
        name,
      ).toEqual([]);
    }
  });
});
