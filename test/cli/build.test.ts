/** `gazette build` as a user runs it: outputs, summary, refusal on errors without touching old output, --draft. */
import { existsSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/write/index.js';
import { runCli, tempProject } from '../support/cli.js';
import { baseFields, documentText } from '../support/project.js';

describe('gazette build', () => {
  it('builds the bundled issue into dist/<issue>/ and prints a summary', () => {
    const root = tempProject({}, { bundledIssue: true });
    const result = runCli(['build', '2021-4'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✔ 已生成 上海市长宁区人民政府公报 2021年第4期（总第62期）\n\s+13 篇文件，正文 \d+ 页，用时 [\d.]+ 秒/);
    expect(result.stdout).toContain('dist/2021-4/gazette-2021-4.pdf');
    const pdf = readFileSync(join(root, 'dist/2021-4/gazette-2021-4.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const html = readFileSync(join(root, 'dist/2021-4/index.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN"');
    // The task table's 进度要求 heads three year columns (empty GFM header cells continue it).
    expect(html).toMatch(/<th colspan="3"[^>]*>进度要求<\/th>/);
    expect(existsSync(join(root, 'dist/2021-4/style.css'))).toBe(true);
    expect(readdirSync(join(root, 'dist/2021-4')).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('refuses to build on errors, exits 1 and leaves an existing PDF untouched', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText({ ...baseFields, number: '长府[2021]54号' }) });
    mkdirSync(join(root, 'dist/2021-4'), { recursive: true });
    const previous = join(root, 'dist/2021-4/gazette-2021-4.pdf');
    writeFileSync(previous, 'previous good build');
    const result = runCli(['build', '2021-4'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('number-brackets');
    expect(result.stderr).toContain('未生成任何文件');
    expect(readFileSync(previous, 'utf8')).toBe('previous good build');
    expect(existsSync(join(root, 'dist/2021-4/index.html'))).toBe(false);
  });

  it('builds a draft despite errors with --draft', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText({ ...baseFields, number: '长府[2021]54号' }) });
    expect(runCli(['build', '2021-4', '--out', 'out'], root).code).toBe(1);
    const draft = runCli(['build', '2021-4', '--draft', '--root', '..', '--out', 'out'], join(root, 'documents'));
    expect(draft.code).toBe(0);
    // Inside the project, the build finds it above without --root.
    const untimed = (stdout: string): string => stdout.replace(/用时 [\d.]+ 秒/u, '');
    expect(untimed(runCli(['build', '2021-4', '--draft', '--out', 'out'], join(root, 'documents')).stdout)).toBe(untimed(draft.stdout));
    expect(draft.stdout).toContain('【草稿】');
    // --out is relative to the current folder, not to --root.
    expect(draft.stdout).toContain('  out/gazette-2021-4.pdf');
    expect(readFileSync(join(root, 'documents/out/gazette-2021-4.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('names the documents a draft leaves out for their errors, and only those', () => {
    const root = tempProject({
      'documents/2021-4/a.md': documentText({ ...baseFields, number: '长府[2021]54号' }),
      'documents/2021-4/b.md': documentText({ ...baseFields, number: '长府〔2021〕55号', title: '上海市长宁区人民政府关于乙事的通知', category: '无此栏目' }),
      'documents/2021-4/c.md': documentText({ ...baseFields, number: '长府〔2021〕56号', title: '"上海市长宁区人民政府关于丙事的通知' }),
    });
    const draft = runCli(['build', '2021-4', '--draft'], root);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/ 1 篇文件，.*\n  dist\/2021-4\/gazette-2021-4.pdf\n  dist\/2021-4\/index.html\n  另有 2 篇文件因上列错误未排入草稿：\n    documents\/2021-4\/b.md\n    documents\/2021-4\/c.md\n$/);
    expect(draft.stderr).toContain('category-unknown');
    expect(readFileSync(join(root, 'dist/2021-4/index.html'), 'utf8')).not.toContain('乙事');
    const english = runCli(['build', '2021-4', '--draft', '--lang', 'en'], root);
    expect(english.stdout).toContain('  2 more documents are left out of the draft by the errors above:\n    documents/2021-4/b.md\n');
    writeFileSync(join(root, 'documents/2021-4/b.md'), documentText({ ...baseFields, number: '长府〔2021〕55号', title: '上海市长宁区人民政府关于乙事的通知' }));
    writeFileSync(join(root, 'documents/2021-4/c.md'), documentText({ ...baseFields, number: '长府〔2021〕56号', title: '上海市长宁区人民政府关于丙事的通知' }));
    const whole = runCli(['build', '2021-4', '--draft'], root);
    expect(whole.stdout).toContain(' 3 篇文件，');
    expect(whole.stdout).not.toContain('未排入');
  });

  it('writes only the HTML edition with --format html', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText(baseFields) });
    const result = runCli(['build', '2021-4', '--format', 'html'], root);
    expect(result.code).toBe(0);
    expect(existsSync(join(root, 'dist/2021-4/index.html'))).toBe(true);
    expect(existsSync(join(root, 'dist/2021-4/gazette-2021-4.pdf'))).toBe(false);
  });

  it('fails on a character the fonts cannot draw, naming it with file and line', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText({ ...baseFields, title: '上海市长宁区人民政府关于😀事的通知' }, '第一段。\n\n含有😀的第二段，\n续行又有😀。\n') });
    const result = runCli(['build', '2021-4'], root);
    expect(result.code).toBe(1);
    // At the character: its first place in the paragraph, and in the title field.
    expect(result.stderr).toMatch(/documents\/2021-4\/a\.md\n\s+2:20\s+错误\s+字体 \S+ 中没有字符“😀”（U\+1F600）/);
    expect(result.stderr).toMatch(/\n\s+10:3\s+错误\s+字体 \S+ 中没有字符“😀”（U\+1F600）/);
    expect(result.stderr).not.toMatch(/\n\s+11:\d+\s+错误/);
    expect(existsSync(join(root, 'dist/2021-4/gazette-2021-4.pdf'))).toBe(false);
  });

  it('exits 2 for an unknown issue or a bad --format', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText(baseFields) });
    expect(runCli(['build', '2099-1'], root).code).toBe(2);
    const bad = runCli(['build', '2021-4', '--format', 'docx'], root);
    expect(bad.code).toBe(2);
    // The choices come from the writer registry.
    expect(bad.stderr).toContain(FORMATS.join(', '));
    expect(runCli(['build', '--help'], root).stdout.replace(/\s+/g, '')).toContain(FORMATS.join('、'));
    expect(runCli(['build'], root).code).toBe(2);
  });

  it('builds with another template, from the project or gazette’s own, and names a missing one', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText({ ...baseFields, signature: '上海市长宁区人民政府' }) });
    const result = runCli(['build', '2021-4', '--template', 'state-council', '--format', 'html'], root);
    expect(result.code).toBe(0);
    const html = readFileSync(join(root, 'dist/2021-4/index.html'), 'utf8');
    expect(html).toContain('<p class="doc-closing-date"><time datetime="2021-12-14">');
    const missing = runCli(['build', '2021-4', '--template', 'nope'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('没有名为“nope”的模板（找不到 templates/nope/theme.yml）');
    // The known templates are the project's and gazette's own.
    mkdirSync(join(root, 'templates/house'), { recursive: true });
    writeFileSync(join(root, 'templates/house/theme.yml'), 'extends: defualt\n');
    const typo = runCli(['build', '2021-4', '--template', 'house', '--lang', 'en'], root);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('No template named "defualt"');
    expect(typo.stderr).toContain('templates: default, house, state-council');
  });
});
