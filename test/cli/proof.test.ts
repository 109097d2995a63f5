/** `gazette build --draft --proof`: margin marks beside every problem and loose line, the notes listed at the end. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { projectRoot } from '../support/project.js';
import { readPdf, stripSpaces } from '../support/pdf-text.js';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'gazette-proof-'));
  cpSync(join(projectRoot, 'test/fixtures/constructs'), root, { recursive: true });
  const doc = join(root, 'documents/2024-2/sf-2024-7.md');
  // A half-width comma: a warning on line 15.
  writeFileSync(doc, readFileSync(doc, 'utf8').replace('现印发给你们，请认真贯彻执行', '现印发给你们,请认真贯彻执行'));
  return root;
}

describe('gazette build --draft --proof', () => {
  it('marks the line a warning points at in the margin and lists the note, with file and line, after the issue', async () => {
    const root = project();
    const result = runCli(['build', '2024-2', '--root', root, '--draft', '--proof', '--out', join(root, 'out')], root);
    expect(result.code).toBe(0);
    const pdf = await readPdf(new Uint8Array(readFileSync(join(root, 'out/gazette-2024-2.pdf'))));
    const pageIndex = pdf.pages.findIndex((p) => p.text.includes('现印发给你们,请认真贯彻执行'));
    const page = pdf.pages[pageIndex]!;
    const line = page.items.find((item) => stripSpaces(item.str).includes('请认真贯彻执行'))!;
    const mark = page.items.find((item) => item.str === '[1]')!;
    expect(mark).toBeDefined();
    expect(Math.abs(mark.y - line.y)).toBeLessThan(0.5);
    expect(mark.x).toBeGreaterThan(line.x + line.width);
    const list = pdf.pages.at(-1)!.text;
    expect(list).toContain('校对意见（1）');
    expect(list).toContain('[1]documents/2024-2/sf-2024-7.md:15中文文字中用了半角“,”');
    // The proof's pages come after the issue's: every page of the issue is there as before.
    const plain = runCli(['build', '2024-2', '--root', root, '--draft', '--out', join(root, 'plain')], root);
    expect(plain.code).toBe(0);
    const without = await readPdf(new Uint8Array(readFileSync(join(root, 'plain/gazette-2024-2.pdf'))));
    expect(pdf.pages.length).toBeGreaterThan(without.pages.length);
    without.pages.forEach((p, i) => expect(pdf.pages[i]!.text.replace(/\[\d+\]/g, '')).toBe(p.text));
  });

  it('marks every line spaced beyond the theme’s goal, in English with --lang en', async () => {
    const root = project();
    cpSync(join(projectRoot, 'templates'), join(root, 'templates'), { recursive: true });
    const theme = join(root, 'templates/default/theme.yml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^maxLetterSpacing: .*$/m, 'maxLetterSpacing: 0.001'));
    const result = runCli(['build', '2024-2', '--root', root, '--draft', '--proof', '--lang', 'en', '--out', join(root, 'out')], root);
    expect(result.code).toBe(0);
    const pdf = await readPdf(new Uint8Array(readFileSync(join(root, 'out/gazette-2024-2.pdf'))));
    const notes = pdf.pages.filter((p) => p.text.includes('Looseline')).map((p) => p.text).join('');
    const loose = notes.match(/Looseline/g)?.length ?? 0;
    expect(loose).toBeGreaterThan(3);
    const marks = pdf.pages.flatMap((p) => p.items.filter((item) => /^\[\d+\]$/.test(item.str)));
    // One mark per note: the warning and each loose line.
    expect(marks.length).toBe(loose + 1);
  });

  it('adds nothing to an issue without a problem or a loose line', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gazette-proof-'));
    cpSync(join(projectRoot, 'test/fixtures/constructs'), root, { recursive: true });
    expect(runCli(['build', '2024-2', '--root', root, '--draft', '--proof', '--out', join(root, 'proof')], root).code).toBe(0);
    expect(runCli(['build', '2024-2', '--root', root, '--draft', '--out', join(root, 'plain')], root).code).toBe(0);
    const pages = async (dir: string) => (await readPdf(new Uint8Array(readFileSync(join(root, dir, 'gazette-2024-2.pdf'))))).pages.map((p) => p.text);
    expect(await pages('proof')).toEqual(await pages('plain'));
  });

  it('is for drafts only', () => {
    const root = project();
    const result = runCli(['build', '2024-2', '--root', root, '--proof'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--proof 只用于一期的草稿');
  });
});
