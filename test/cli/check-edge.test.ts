/** Edge cases found by reviewing `gazette check` as a demanding user: each once produced a wrong or harmful result. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';
import { baseFields, documentText } from '../support/project.js';

const json = (stdout: string) => JSON.parse(stdout) as { errorCount: number; diagnostics: { code: string; file: string | null; line: number | null; message: string }[]; fixed: { file: string; from: string; to: string; codes: string[] }[] };

describe('gazette check edge cases', () => {
  it('does not touch a block-scalar value with --fix', () => {
    const text = documentText(baseFields).replace('number: 长府〔2021〕54号', 'number: >-\n  长府[2021]54号');
    const root = tempProject({ 'documents/2021-4/a.md': text });
    const result = runCli(['check', '--fix'], root);
    expect(result.code).toBe(1);
    expect(readFileSync(join(root, 'documents/2021-4/a.md'), 'utf8')).toBe(text);
  });

  it('does not call Big5 or BOM-less UTF-16 "GB18030", and --fix leaves them alone', () => {
    for (const encoding of ['big5', 'utf16le']) {
      const bytes = iconv.encode(documentText(baseFields), encoding);
      const root = tempProject({ 'documents/2021-4/a.md': bytes });
      const result = runCli(['check', '--fix', '--format', 'json'], root);
      expect(json(result.stdout).diagnostics.map((d) => d.code)).toEqual(['file-encoding-unknown']);
      expect(readFileSync(join(root, 'documents/2021-4/a.md'))).toEqual(bytes);
    }
  });

  it('reports gazette.yml mistakes with positions, in every format, and exits 2', () => {
    const publication = readFileSync(join(tempProject(), 'documents/gazette.yml'), 'utf8').replace('number: forbidden', 'number: never');
    const root = tempProject({ 'documents/gazette.yml': publication, 'documents/2021-4/a.md': documentText(baseFields) });
    const result = runCli(['check', '--format', 'json'], root);
    expect(result.code).toBe(2);
    const report = json(result.stdout);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['publication-invalid', 'publication-unusable']);
    expect(report.diagnostics[0]).toMatchObject({ file: 'documents/gazette.yml', line: expect.any(Number) });
  });

  it('names a missing issue.yml field without placeholders', () => {
    const root = tempProject({ 'documents/2021-4/issue.yml': 'year: 2021\nnumber: 4\npublished: 2022-01-04\n', 'documents/2021-4/a.md': documentText(baseFields) });
    const result = runCli(['check'], root);
    expect(result.stdout).toContain('documents/2021-4/issue.yml 缺少 total');
    expect(runCli(['check', '--lang', 'en'], root).stdout).not.toMatch(/\{\w+\}/);
  });

  it('checks only the named issue, but still finds numbers reused from other issues', () => {
    const root = tempProject({
      'documents/2021-4/a.md': documentText(baseFields),
      'documents/2021-3/issue.yml': 'year: 2021\nnumber: 3\ntotal: 61\npublished: 2021-10-08\n',
      'documents/2021-3/broken.md': '---\ntitle: [\n---\n',
    });
    expect(runCli(['check', '2021-4'], root).code).toBe(0);
    expect(runCli(['check'], root).code).toBe(1);
    writeFileSync(join(root, 'documents/2021-3/broken.md'), documentText({ ...baseFields, date: '2021-09-01' }));
    expect(runCli(['check', '2021-4', '--format', 'json'], root).stdout).toContain('number-duplicate');
  });

  it('records --fix changes in JSON and as GitHub notices', () => {
    const bad = documentText({ ...baseFields, number: '长府[2021]54号' });
    const first = runCli(['check', '--fix', '--format', 'json'], tempProject({ 'documents/2021-4/a.md': bad }));
    expect(json(first.stdout).fixed).toEqual([{ file: 'documents/2021-4/a.md', line: 5, column: 9, from: '长府[2021]54号', to: '长府〔2021〕54号', codes: ['number-brackets'] }]);
    const github = runCli(['check', '--fix', '--format', 'github'], tempProject({ 'documents/2021-4/a.md': bad }));
    expect(github.stdout).toBe('::notice file=documents/2021-4/a.md,line=5,col=9,title=fixed number-brackets::长府[2021]54号 → 长府〔2021〕54号\n');
  });

  it('ignores hidden files and folders that are not issues', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText(baseFields), 'documents/2021-4/.draft.md': 'junk', 'documents/2021-4/._a.md': '\u0000\u0001' });
    mkdirSync(join(root, 'documents/images'));
    writeFileSync(join(root, 'documents/images/logo.png'), 'png');
    const result = runCli(['check'], root);
    expect(result.stdout).toContain('未发现问题');
    expect(result.code).toBe(0);
  });

  it('prints paths relative to the current folder under --root, so annotations attach', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText({ ...baseFields, number: '长府[2021]54号' }) });
    const result = runCli(['check', '--root', '.', '--format', 'github'], root);
    expect(result.stdout).toMatch(/^::error file=documents\/2021-4\/a\.md/);
    const nested = runCli(['check', '--root', root.split('/').pop()!, '--format', 'github'], join(root, '..'));
    expect(nested.stdout).toContain(`file=${root.split('/').pop()}/documents/2021-4/a.md`);
  });

  it('never suggests or writes a sequence of zero', () => {
    const text = documentText({ ...baseFields, number: '长府〔2021〕00号' });
    const root = tempProject({ 'documents/2021-4/a.md': text });
    const result = runCli(['check', '--fix', '--format', 'json'], root);
    expect(json(result.stdout).diagnostics.map((d) => d.code)).toContain('number-format');
    expect(readFileSync(join(root, 'documents/2021-4/a.md'), 'utf8')).toBe(text);
  });

  it('accepts a trailing slash after the issue, and warns about an empty issue', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText(baseFields), 'documents/2021-5/issue.yml': 'year: 2021\nnumber: 5\ntotal: 63\npublished: 2022-03-01\n' });
    expect(runCli(['check', '2021-4/'], root).code).toBe(0);
    expect(runCli(['check', '2021-5'], root).stdout).toContain('期次 2021-5 中没有任何文件');
  });

  it('flags stacked document types and explains YAML slips in Chinese', () => {
    const root = tempProject({
      'documents/2021-4/a.md': documentText({ ...baseFields, title: '上海市长宁区人民政府关于某事的请示报告' }),
      'documents/2021-4/b.md': '---\ntitle：上海市长宁区人民政府关于某事的通知\n---\n',
    });
    const result = runCli(['check'], root);
    expect(result.stdout).toContain('公文标题中文种重叠（“请示报告”）');
    expect(result.stdout).toContain('字段名后用了全角冒号“：”');
  });

  it('points an unclosed quote at the quote that opens it, not at the end of the front matter', () => {
    const root = tempProject({
      'documents/2021-4/a.md': documentText({ ...baseFields, title: '"上海市长宁区人民政府关于某事的通知' }),
      'documents/2021-4/b.md': documentText({ ...baseFields, number: '长府〔2021〕55号', issuer: "['上海市长宁区人民政府', '上海市长宁区财政局]" }),
    });
    const found = json(runCli(['check', '--format', 'json'], root).stdout).diagnostics.filter((d) => d.code === 'yaml-syntax');
    expect(found.map((d) => [d.file, d.line, d.column])).toEqual([
      ['documents/2021-4/a.md', 2, 8],
      ['documents/2021-4/b.md', 3, 24],
    ]);
    expect(found[0]!.message).toBe('YAML 语法错误：这里开始的引号没有闭合：在值的末尾补上同样的引号，或去掉它');
  });
});
