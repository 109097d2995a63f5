/** `gazette import` as a user runs it: real process, temp folders, what it writes, refuses and reports. */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';
import { areaPng, page, savedPage, word, wordDocument } from '../support/import-fixtures.js';

let docx: Uint8Array;
beforeAll(async () => {
  docx = await wordDocument();
});

const notice = ['上海市长宁区人民政府关于公布示例名录的通知', '（2021年12月16日）', '长府〔2021〕70号', '区政府各委、办、局：', '现将名录予以公布,请认真执行。', '特此通知。'].join('\n');
const issueFiles = (root: string): string[] => readdirSync(join(root, 'documents/2021-4'), { recursive: true, encoding: 'utf8' }).sort();

describe('gazette import', () => {
  it('writes the document and its images, says what it recognised, and shows what check finds', () => {
    const root = tempProject({ 'in/示范街区.docx': docx });
    const result = runCli(['import', 'in/示范街区.docx', '--issue', '2021-4', '--category', '区政府文件'], root);
    expect(result.stdout).toContain('in/示范街区.docx → documents/2021-4/cf-2021-60.md');
    expect(result.stdout).toMatch(/标题　　 {2}上海市长宁区人民政府关于印发《长宁区示范街区建设方案》的通知\n/);
    expect(result.stdout).toContain('发文机关  上海市长宁区人民政府（据署名）');
    expect(result.stdout).toContain('栏目　　  区政府文件（据 --category）');
    expect(result.stdout).toContain('改动　　  范街区3~5个。 → 范街区3～5个。  数值范围用浪纹线“～”（GB/T 15834）');
    // The merged table is written as HTML, which check reads like any other table.
    expect(result.stdout).toContain('检查结果：\n✔ 未发现问题');
    expect(result.stdout).toContain('✔ 已导入 1 个文件');
    expect(result.code).toBe(0);
    expect(issueFiles(root)).toEqual(['cf-2021-60.md', 'images', 'images/cf-2021-60-1.png', 'issue.yml']);
    expect(new Uint8Array(readFileSync(join(root, 'documents/2021-4/images/cf-2021-60-1.png')))).toEqual(areaPng);
    expect(readFileSync(join(root, 'documents/2021-4/cf-2021-60.md'), 'utf8')).toContain(`title: ${word.title}\n`);
  });

  it('names the file as the project names the files of the same 代字', () => {
    // The bundled issue files 长府〔2021〕46号 as cfg-2021-46.md, not by the 代字's pinyin initials (cf).
    const root = tempProject({ 'in/示范街区.docx': docx }, { bundledIssue: true });
    const result = runCli(['import', 'in/示范街区.docx', '--issue', '2021-4', '--category', '区政府文件', '--dry-run'], root);
    expect(result.stdout).toContain('in/示范街区.docx → documents/2021-4/cfg-2021-60.md');
  });

  it('copies an image a saved page names beside it', () => {
    const html = savedPage().replace('<p>特此通知。</p>', '<p><img src="24_files/area.png" alt="区位图"></p><p>特此通知。</p>');
    const root = tempProject({ 'in/24.html': html, 'in/24_files/area.png': areaPng });
    const result = runCli(['import', 'in/24.html', '--issue', '2021-4', '--category', '区政府办公室文件'], root);
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, 'documents/2021-4/cfb-2021-24.md'), 'utf8')).toContain('![区位图](images/cfb-2021-24-1.png)');
    expect(existsSync(join(root, 'documents/2021-4/images/cfb-2021-24-1.png'))).toBe(true);
  });

  it('never overwrites a document unless --force, and then writes nothing at all', () => {
    const root = tempProject({ 'in/a.txt': notice, 'in/b.html': savedPage() });
    expect(runCli(['import', 'in/a.txt', '--issue', '2021-4', '--category', '区政府文件'], root).code).toBe(0);
    const target = join(root, 'documents/2021-4/cf-2021-70.md');
    writeFileSync(target, `${readFileSync(target, 'utf8')}\n编辑过的内容。\n`);
    const refused = runCli(['import', 'in/b.html', 'in/a.txt', '--issue', '2021-4', '--category', '区政府文件'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('documents/2021-4/cf-2021-70.md 已存在，未覆盖（本次未写入任何文件）');
    expect(refused.stderr).toContain('确认要替换时加 --force');
    expect(readFileSync(target, 'utf8')).toContain('编辑过的内容。');
    expect(existsSync(join(root, 'documents/2021-4/cfb-2021-24.md'))).toBe(false);
    const forced = runCli(['import', 'in/a.txt', '--issue', '2021-4', '--category', '区政府文件', '--force'], root);
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).not.toContain('编辑过的内容。');
  });

  it('writes nothing with --dry-run, and still checks what it would write', () => {
    const root = tempProject({ 'in/a.txt': notice });
    const result = runCli(['import', 'in/a.txt', '--issue', '2021-4', '--dry-run'], root);
    expect(result.stdout).toContain('（试运行：未写入任何文件）');
    expect(result.stdout).toContain('未能确定  栏目：可能是 区政府文件、区政府办公室文件、区政府规范性文件、部门规范性文件，请用 --category 指定');
    expect(result.stdout).toMatch(/documents\/2021-4\/cf-2021-70\.md\n\s+1:1\s+错误\s+缺少字段 category/);
    expect(result.stdout).toContain('试运行：将导入 1 个文件');
    expect(result.code).toBe(1);
    expect(issueFiles(root)).toEqual(['issue.yml']);
  });

  it('prints JSON with each document’s front matter, undecided fields and changes', () => {
    const root = tempProject({ 'in/a.txt': notice });
    const result = runCli(['import', 'in/a.txt', '--issue', '2021-4', '--format', 'json'], root);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['documents', 'diagnostics']);
    expect(report.documents).toEqual([
      {
        source: 'in/a.txt',
        file: 'documents/2021-4/cf-2021-70.md',
        frontMatter: { title: '上海市长宁区人民政府关于公布示例名录的通知', issuer: '上海市长宁区人民政府', date: '2021-12-16', number: '长府〔2021〕70号', recipients: '区政府各委、办、局' },
        uncertain: ['category'],
        reasons: [{ field: 'category', why: '可能是 区政府文件、区政府办公室文件、区政府规范性文件、部门规范性文件，请用 --category 指定' }],
        changes: [{ from: '予以公布,请认真执', to: '予以公布，请认真执', why: '中文文字中的半角标点改为全角（GB/T 15834）' }],
      },
    ]);
    expect(report.diagnostics).toEqual([expect.objectContaining({ file: 'documents/2021-4/cf-2021-70.md', line: 1, severity: 'error', code: 'field-missing' })]);
    expect(result.code).toBe(1);
  });

  it('speaks English with --lang en', () => {
    const root = tempProject({ 'in/24.html': savedPage() });
    const result = runCli(['import', 'in/24.html', '--issue', '2021-4', '--category', '区政府办公室文件', '--lang', 'en'], root);
    expect(result.stdout).toContain(`issuer        ${page.issuer} (from a metadata line)`);
    expect(result.stdout).toContain('web page furniture removed (font size, print, close, share …)');
    expect(result.stdout).toContain('✔ Imported 1 file');
  });

  it.each([
    [['in/missing.txt'], '无法读取文件 in/missing.txt：文件不存在'],
    [['in'], '无法读取文件 in：这是一个文件夹'],
    [['in/a.doc'], '不能导入 in/a.doc：不支持“.doc”格式'],
    [['in/bad.docx'], 'in/bad.docx 不是有效的 Word 文档（.docx）'],
  ])('exits 2 for %j, naming the file and what to do', (files, message) => {
    const root = tempProject({ 'in/a.doc': 'x', 'in/bad.docx': 'not a zip' });
    const result = runCli(['import', ...files, '--issue', '2021-4'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/at .*\.(c?js|ts):\d+/);
    expect(issueFiles(root)).toEqual(['issue.yml']);
  });

  it('exits 2 for text in an encoding it cannot tell', () => {
    const root = tempProject({ 'in/a.txt': Uint8Array.from([0x41, 0xc3, 0x28, 0xff, 0x80]) });
    const result = runCli(['import', 'in/a.txt', '--issue', '2021-4'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('in/a.txt 既不是 UTF-8 也不是 GB18030 编码');
  });

  it('exits 2 when the issue folder does not exist, or the section is unknown', () => {
    const root = tempProject({ 'in/a.txt': notice });
    const missing = runCli(['import', 'in/a.txt', '--issue', '2022-1'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('没有期次文件夹 documents/2022-1/');
    expect(missing.stderr).toContain('先建立该文件夹并写入 issue.yml');
    const section = runCli(['import', 'in/a.txt', '--issue', '2021-4', '--category', '区府文件'], root);
    expect(section.code).toBe(2);
    expect(section.stderr).toContain('栏目“区府文件”未在 gazette.yml 中定义');
    const usage = runCli(['import', 'in/a.txt'], root);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("错误：缺少必需的选项 '--issue <issue>'");
  });
});
