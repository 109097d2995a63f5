/** `gazette check` as a user runs it: real process, temp folders, every format, exit codes, --fix and encodings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';
import { baseFields, documentText } from '../support/project.js';

const good = documentText(baseFields);
const bad = documentText({ ...baseFields, number: '长府[2021]54号' });

describe('gazette check', () => {
  it('passes the bundled issue with exit 0', () => {
    const root = tempProject({}, { bundledIssue: true });
    const result = runCli(['check', '2021-4'], root);
    expect(result.stdout).toContain('未发现问题');
    expect(result.code).toBe(0);
  });

  it('reports file, line, column, message and fix, in Chinese by default, exit 1', () => {
    const root = tempProject({ 'documents/2021-4/a.md': bad });
    const result = runCli(['check'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('documents/2021-4/a.md');
    expect(result.stdout).toMatch(/5:9\s+错误\s+发文字号年份须用六角括号〔〕，不能用“\[ \]”/);
    expect(result.stdout).toContain('→ 长府〔2021〕54号');
    expect(result.stdout).toContain('1 个错误');
  });

  it('speaks English with --lang en', () => {
    const result = runCli(['check', '--lang', 'en'], tempProject({ 'documents/2021-4/a.md': bad }));
    expect(result.stdout).toContain('The year must be in 〔〕');
    expect(result.stdout).toContain('1 error, 0 warnings');
  });

  it('speaks English when GAZETTE_LANG=en', () => {
    const result = runCli(['check'], tempProject({ 'documents/2021-4/a.md': bad }), { GAZETTE_LANG: 'en' });
    expect(result.stdout).toContain('1 error, 0 warnings');
  });

  it('writes the documented JSON schema', () => {
    const result = runCli(['check', '--format', 'json'], tempProject({ 'documents/2021-4/a.md': bad }));
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ version: 1, errorCount: 1, warningCount: 0 });
    expect(report.diagnostics[0]).toEqual({
      file: 'documents/2021-4/a.md', line: 5, column: 9, endLine: 5, endColumn: 20, severity: 'error', code: 'number-brackets',
      message: expect.stringContaining('六角括号'), hint: '→ 长府〔2021〕54号', fix: '长府〔2021〕54号',
    });
  });

  it('writes GitHub annotations', () => {
    const result = runCli(['check', '--format', 'github'], tempProject({ 'documents/2021-4/a.md': bad }));
    expect(result.stdout).toMatch(/^::error file=documents\/2021-4\/a\.md,line=5,endLine=5,col=9,endColumn=20,title=number-brackets::发文字号年份须用六角括号/);
  });

  it('exits 0 with warnings, and 1 when they exceed --max-warnings', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText({ ...baseFields, number: '长府〔2020〕54号' }) });
    expect(runCli(['check'], root).code).toBe(0);
    expect(runCli(['check', '--max-warnings', '0'], root).code).toBe(1);
    expect(runCli(['check', '--max-warnings', '1'], root).code).toBe(0);
  });

  it('shows a note (a form it accepts and --fix rewrites) in every format, counting it as no problem', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText({ ...baseFields, date: '2021/12/14' }) });
    const pretty = runCli(['check'], root);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toMatch(/4:7\s+提示\s+成文日期“2021\/12\/14”宜写成 YYYY-MM-DD.*date-format\n.*→ 2021-12-14/);
    expect(pretty.stdout).toContain('✔ 未发现问题（另有 1 条提示）');
    expect(runCli(['check', '--lang', 'en'], root).stdout).toContain('✔ no problems (and 1 note)');
    expect(runCli(['check', '--max-warnings', '0'], root).code).toBe(0);
    const report = JSON.parse(runCli(['check', '--format', 'json'], root).stdout);
    expect(report).toMatchObject({ errorCount: 0, warningCount: 0, infoCount: 1, diagnostics: [{ severity: 'info', code: 'date-format', fix: '2021-12-14' }] });
    expect(runCli(['check', '--format', 'github'], root).stdout).toMatch(/^::notice file=documents\/2021-4\/a\.md,line=4,.*title=date-format::/);
    // Fixed, the note is gone.
    expect(runCli(['check', '--fix'], root).stdout).toContain('2021/12/14 → 2021-12-14');
    expect(runCli(['check'], root).stdout).toBe('✔ 未发现问题\n');
  });

  it('exits 2 for an unknown issue, a missing documents/ folder and a bad flag', () => {
    const root = tempProject({ 'documents/2021-4/a.md': good });
    const unknown = runCli(['check', '2030-1'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('没有名为 2030-1 的期次');
    const empty = runCli(['check', '--root', join(root, 'documents', '2021-4')], root);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toContain(`${join(root, 'documents', '2021-4')} 中没有 documents/ 文件夹`);
    const badFlag = runCli(['check', '--format', 'xml'], root);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('错误：选项 \'--format <format>\' 的取值“xml”无效。可选值：pretty, json, github。');
  });

  it('--fix rewrites only the safe fixes and keeps the rest of the file byte for byte', () => {
    const before = '---\r\ntitle: 上海市长宁区人民政府关于公布第七批区级非物质文化遗产名录的通知\r\nissuer: 上海市长宁区人民政府\r\ndate: 2021年12月14日   # 成文日期\r\nnumber: "长府 [２０２１] 054号"\r\ncategory: 区政府文件\r\n---\r\n正文 [2021] 不动。\r\n';
    const root = tempProject({ 'documents/2021-4/a.md': `\uFEFF${before}` });
    const result = runCli(['check', '--fix'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('documents/2021-4/a.md:5:9  长府 [２０２１] 054号 → 长府〔2021〕54号');
    expect(result.stdout).toContain('2021年12月14日 → 2021-12-14');
    const after = readFileSync(join(root, 'documents/2021-4/a.md'), 'utf8');
    expect(after).toBe(`\uFEFF${before.replace('2021年12月14日', '2021-12-14').replace('"长府 [２０２１] 054号"', '"长府〔2021〕54号"')}`);
  });

  it('--fix leaves problems that need a human and still exits 1', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText({ ...baseFields, number: '长府〔2021〕第54号' }) });
    const before = readFileSync(join(root, 'documents/2021-4/a.md'));
    const result = runCli(['check', '--fix'], root);
    expect(result.code).toBe(1);
    expect(readFileSync(join(root, 'documents/2021-4/a.md'))).toEqual(before);
  });

  it('accepts a BOM and CRLF line endings', () => {
    const crlf = `\uFEFF${good.replace(/\n/g, '\r\n')}`;
    const result = runCli(['check'], tempProject({ 'documents/2021-4/a.md': crlf }));
    expect(result.stdout).toContain('未发现问题');
    expect(result.code).toBe(0);
  });

  it('names a GB18030 file and converts it with --fix', () => {
    // Node has no GB18030 encoder; iconv-lite (a dev dependency) writes the file an office PC would save.
    const bytes = iconv.encode(good, 'gb18030');
    const root = tempProject({ 'documents/2021-4/a.md': bytes });
    const result = runCli(['check'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/a\.md\n\s+2:\d+\s+错误\s+文件不是 UTF-8 编码，看起来是 GB18030/);
    const fixed = runCli(['check', '--fix'], root);
    expect(fixed.stdout).toContain('GB18030 → UTF-8');
    expect(fixed.code).toBe(0);
    expect(readFileSync(join(root, 'documents/2021-4/a.md'), 'utf8')).toBe(good);
  });

  it('reports YAML syntax errors and missing front matter with positions, never a stack trace', () => {
    const root = tempProject({
      'documents/2021-4/a.md': '---\ntitle: "未闭合\nissuer: 上海市长宁区人民政府\n---\n正文\n',
      'documents/2021-4/b.md': '没有前置元数据\n',
      'documents/2021-4/c.md': '---\ntitle: x\n',
    });
    const result = runCli(['check'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/a\.md\n\s+\d+:\d+\s+错误\s+YAML 语法错误/);
    expect(result.stdout).toMatch(/b\.md\n\s+1:1\s+错误\s+缺少前置元数据/);
    expect(result.stdout).toMatch(/c\.md\n\s+1:1\s+错误\s+前置元数据没有结束标记/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('reads an unquoted impossible date as written, not rolled over to March', () => {
    const result = runCli(['check', '--format', 'json'], tempProject({ 'documents/2021-4/a.md': documentText({ ...baseFields, date: '2021-02-30' }) }));
    const d = JSON.parse(result.stdout).diagnostics.find((x: { code: string }) => x.code === 'date-invalid');
    expect(d).toMatchObject({ line: 4, column: 7, message: expect.stringContaining('2021-02-30') });
  });
});
