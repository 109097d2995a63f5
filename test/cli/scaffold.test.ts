/** `gazette init` and `gazette new` as an office starting its own gazette runs them: real CLI, temp folders. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { publicationNames } from '../../src/scaffold/index.js';

const year = new Date().getFullYear();
const emptyFolder = (): string => mkdtempSync(join(tmpdir(), 'gazette-init-'));

/** A fresh project made by `gazette init`, optionally with flags. */
function initProject(...flags: string[]): string {
  const root = emptyFolder();
  const result = runCli(['init', ...flags], root);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return root;
}

const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');
/** What an editor types over the skeleton's placeholders. */
const fillIn = (root: string, path: string): void =>
  writeFileSync(join(root, path), read(root, path).replace('（事由）', '做好政务公开工作').replace('（主送机关）', '各有关单位').replace('（正文）', '现将有关事项通知如下。').replace('（签发人职务　姓名）', '市长　某某'));

describe('gazette init', () => {
  it('scaffolds a project that checks without a single diagnostic and builds', () => {
    const root = emptyFolder();
    const init = runCli(['init'], root);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('✔ 已创建 示例市人民政府公报');
    for (const path of ['documents/gazette.yml', `documents/${year}-1/issue.yml`, '.github/workflows/gazette.yml', '.gitignore']) expect(init.stdout).toContain(`  ${path}\n`);
    expect(readdirSync(join(root, `documents/${year}-1`)).sort()).toEqual(['doc-1.md', 'issue.yml', `sf-${year}-1.md`]);
    const json = runCli(['check', '--format', 'json'], root);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).diagnostics).toEqual([]);
    const build = runCli(['build', `${year}-1`], root);
    expect(build.code).toBe(0);
    expect(build.stdout).toContain(`✔ 已生成 示例市人民政府公报 ${year}年第1期（总第1期）\n  2 篇文件`);
    expect(readFileSync(join(root, `dist/${year}-1/gazette-${year}-1.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('comments every gazette.yml key in Chinese and writes the CI workflow and .gitignore', () => {
    const root = initProject();
    const yaml = read(root, 'documents/gazette.yml');
    for (const key of ['name', 'publisher', 'website', 'template', 'issueLabel', 'totalLabel', 'sectionLabel', 'doctypes', 'sections', 'issuers', 'rules']) expect(yaml).toMatch(new RegExp(`^#? ?${key}:`, 'm'));
    for (const words of ['刊名', '主办单位', '网址', '排版模板', '占位符', '文种', '栏目', '发文机关', '机关代字', '其他名称', '严重程度', 'required', 'forbidden', 'order']) expect(yaml).toContain(words);
    expect(read(root, '.github/workflows/gazette.yml')).toContain('gazette check --format github');
    expect(read(root, '.gitignore').split('\n')).toEqual(expect.arrayContaining(['dist/', '.gazette-cache/']));
  });

  it('derives 代字, sections and sample numbers from the name it is given', () => {
    const root = initProject('--name', '上海市长宁区人民政府公报');
    const yaml = read(root, 'documents/gazette.yml');
    expect(yaml).toContain('publisher: 上海市长宁区人民政府办公室');
    expect(yaml).toContain('  - name: 区政府文件');
    expect(yaml).toMatch(/name: 上海市长宁区人民政府\n {4}codes: \[长府\]/);
    expect(yaml).toMatch(/name: 上海市长宁区人民政府办公室\n {4}codes: \[长府办\]/);
    expect(read(root, `documents/${year}-1/cf-${year}-1.md`)).toContain(`number: 长府〔${year}〕1号`);
    expect(runCli(['check'], root)).toMatchObject({ code: 0, stdout: '✔ 未发现问题\n' });
  });

  it('writes into [dir] under --root and derives the name from --publisher', () => {
    const parent = emptyFolder();
    const result = runCli(['init', 'gazette', '--root', parent, '--publisher', '某某县人民政府办公室'], tmpdir());
    expect(result.code).toBe(0);
    expect(read(join(parent, 'gazette'), 'documents/gazette.yml')).toContain('name: 某某县人民政府公报');
    expect(runCli(['check', '--root', join(parent, 'gazette')], tmpdir()).code).toBe(0);
  });

  it('refuses to overwrite anything, naming the files, and refuses a file as the target', () => {
    const root = initProject();
    writeFileSync(join(root, 'documents/gazette.yml'), 'name: 已改\n');
    const again = runCli(['init'], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('以下文件已存在，未做任何改动');
    expect(again.stderr).toContain('  documents/gazette.yml\n');
    expect(again.stderr).toContain('  .gitignore\n');
    expect(read(root, 'documents/gazette.yml')).toBe('name: 已改\n');
    const file = runCli(['init', '.gitignore'], root);
    expect(file).toMatchObject({ code: 2, stderr: '错误：.gitignore 不是文件夹\n' });
    expect(runCli(['init', '--lang', 'en'], root).stderr).toContain('these files exist already; nothing was changed');
  });

  it('takes the government from --publisher when --name is given too', () => {
    const root = initProject('--name', '测试公报', '--publisher', '测试市人民政府办公室');
    const yaml = read(root, 'documents/gazette.yml');
    expect(yaml).toContain('name: 测试公报');
    expect(yaml).toMatch(/name: 测试市人民政府\n {4}codes: \[测府\]/);
    expect(runCli(['check'], root).code).toBe(0);
  });

  it.each([
    ['a file in the path', (root: string) => (writeFileSync(join(root, 'afile'), ''), 'afile/sub'), '路径中有一段是文件'],
    ['a folder the system will not make one in', () => '/proc/gazette-init', '这里不能创建文件夹'],
  ])('exits 2 at %s, naming it, and leaves nothing behind', (_, target, reason) => {
    const root = emptyFolder();
    const path = target(root);
    const result = runCli(['init', path], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('错误：无法创建');
    expect(result.stderr).toContain(reason);
    expect(result.stderr).not.toMatch(/内部错误|internal error|\n\s+at /);
    expect(existsSync(join(root, path))).toBe(false);
  });

  it('removes what it wrote when a later file cannot be written', () => {
    const root = emptyFolder();
    // .github is a file: the workflow cannot go under it, after documents/ has been written.
    writeFileSync(join(root, '.github'), '');
    const result = runCli(['init'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.github/workflows/gazette.yml');
    expect(readdirSync(root)).toEqual(['.github']);
  });

  it('names an absolute target absolutely in its next steps', () => {
    const parent = emptyFolder();
    const result = runCli(['init', join(parent, 'g')], emptyFolder());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`cd ${join(parent, 'g')}\n`);
  });
});

describe('the names init derives', () => {
  it.each([
    ['浙江省人民政府公报', '浙江省人民政府办公厅'],
    ['广西壮族自治区人民政府公报', '广西壮族自治区人民政府办公厅'],
    ['上海市人民政府公报', '上海市人民政府办公厅'],
    ['中华人民共和国国务院公报', '中华人民共和国国务院办公厅'],
    ['上海市长宁区人民政府公报', '上海市长宁区人民政府办公室'],
    ['杭州市人民政府公报', '杭州市人民政府办公室'],
  ])('%s is published by %s', (name, publisher) => {
    expect(publicationNames({ name })).toMatchObject({ name, publisher });
  });
});

describe('gazette new issue', () => {
  it('continues the numbering and total of the last issue, and starts a new year at 1', () => {
    const root = initProject();
    const next = runCli(['new', 'issue', '--published', `${year}-12-30`], root);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain(`✔ 已创建 期次 ${year}-2（示例市人民政府公报 ${year}年第2期（总第2期））\n  documents/${year}-2/issue.yml`);
    expect(read(root, `documents/${year}-2/issue.yml`)).toBe(`# 年份（期号所属年度）\nyear: ${year}\n# 当年第几期\nnumber: 2\n# 总期号（自创刊起累计）\ntotal: 2\n# 出版日期\npublished: ${year}-12-30\n`);
    expect(runCli(['new', 'issue', '--published', `${year + 1}-01-08`], root).code).toBe(0);
    expect(read(root, `documents/${year + 1}-1/issue.yml`)).toContain(`year: ${year + 1}\n# 当年第几期\nnumber: 1\n# 总期号（自创刊起累计）\ntotal: 3\n`);
    expect(runCli(['check'], root).stdout).not.toContain('issue-total');
    // A year's last issue, made after the next year's first: it takes the total of its place, and the later
    // issue's total is said to move on.
    const late = runCli(['new', 'issue', '--year', String(year), '--published', `${year + 1}-01-20`], root);
    expect(late.code).toBe(0);
    expect(read(root, `documents/${year}-3/issue.yml`)).toContain('number: 3\n# 总期号（自创刊起累计）\ntotal: 3\n');
    expect(late.stderr).toBe(`注意：新一期排在 ${year + 1}-1 之前，以下各期的总期号须改为：${year + 1}-1 → 4\n`);
    expect(runCli(['check'], root).stdout).toContain(`总期号 3 与上一期 ${year}-3（总第3期）不衔接，应为 4`);
    // A back issue before the first one takes the total before it.
    const back = initProject();
    writeFileSync(join(back, `documents/${year}-1/issue.yml`), `year: ${year}\nnumber: 1\ntotal: 10\npublished: ${year}-01-05\n`);
    expect(runCli(['new', 'issue', '--year', String(year - 1), '--published', `${year - 1}-12-20`], back).stderr).toBe('');
    expect(read(back, `documents/${year - 1}-1/issue.yml`)).toContain('total: 9\n');
    // Before an archive numbered from 1, every later total that clashes is named with its new value.
    const full = initProject();
    writeFileSync(join(full, `documents/${year}-1/issue.yml`), `year: ${year}\nnumber: 1\ntotal: 1\npublished: ${year}-01-05\n`);
    expect(runCli(['new', 'issue', '--published', `${year}-02-05`], full).code).toBe(0);
    const first = runCli(['new', 'issue', '--year', String(year - 1), '--published', `${year - 1}-12-20`], full);
    expect(first.stderr).toBe(`注意：新一期排在 ${year}-1 之前，以下各期的总期号须改为：${year}-1 → 2、${year}-2 → 3\n`);
  });

  it('exits 2 on an issue that exists, a bad date, a bad number or a folder without documents/', () => {
    const root = initProject();
    const taken = runCli(['new', 'issue', '--year', String(year), '--number', '1'], root);
    expect(taken).toMatchObject({ code: 2, stderr: `错误：documents/${year}-1 已是 ${year}-1 期，未做任何改动（用 --year、--number 指定其他期次）\n` });
    expect(runCli(['new', 'issue', '--published', '2021-02-30'], root)).toMatchObject({ code: 2, stderr: '错误：--published 的取值“2021-02-30”不是 YYYY-MM-DD 格式的真实日期\n' });
    expect(runCli(['new', 'issue', '--number', '0'], root).stderr).toContain('须为正整数');
    const empty = emptyFolder();
    const elsewhere = runCli(['new', 'issue'], empty);
    expect(elsewhere.code).toBe(2);
    // The folder it looked in is named.
    expect(elsewhere.stderr).toContain(`${empty} 中没有 documents/ 文件夹`);
    expect(readdirSync(join(root, 'documents')).sort()).toEqual([`${year}-1`, 'gazette.yml']);
  });

  it('creates the first issue in a documents/ without issues, under --root', () => {
    const root = initProject();
    rmSync(join(root, `documents/${year}-1`), { recursive: true });
    const result = runCli(['new', 'issue', '--root', basename(root), '--lang', 'en', '--published', `${year}-06-01`], dirname(root));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`✔ Created ${year}-1\n  ${basename(root)}/documents/${year}-1/issue.yml\n`);
    expect(read(root, `documents/${year}-1/issue.yml`)).toContain('number: 1\n# 总期号（自创刊起累计）\ntotal: 1\n');
  });
});

describe('gazette new document', () => {
  it('works on the project --root names, from anywhere', () => {
    const root = initProject();
    const result = runCli(['new', 'document', `${year}-1`, '--category', '市政府文件', '--root', root], emptyFolder());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${join(root, `documents/${year}-1/sf-${year}-2.md`)}（市政府文件，示府〔${year}〕2号）`);
    expect(existsSync(join(root, `documents/${year}-1/sf-${year}-2.md`))).toBe(true);
  });

  it('suggests the next free number of the issuer’s 代字 across all issues and writes a skeleton that checks once filled in', () => {
    const root = initProject();
    // A number used in the first issue: the next document of the series follows it.
    const first = `documents/${year}-1/sf-${year}-1.md`;
    writeFileSync(join(root, first), read(root, first).replace(`示府〔${year}〕1号`, `示府〔${year}〕7号`));
    runCli(['new', 'issue'], root);
    const result = runCli(['new', 'document', `${year}-2`, '--category', '市政府文件'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`✔ 已创建 documents/${year}-2/sf-${year}-8.md（市政府文件，示府〔${year}〕8号）`);
    const text = read(root, `documents/${year}-2/sf-${year}-8.md`);
    expect(text).toMatch(new RegExp(`^---\\ntitle: 示例市人民政府关于（事由）的通知\\nissuer: 示例市人民政府\\ndate: ${year}-\\d\\d-\\d\\d\\nnumber: 示府〔${year}〕8号\\ncategory: 市政府文件\\nrecipients: （主送机关）\\n---\\n`));
    const office = runCli(['new', 'document', `${year}-2`, '--category', '市政府文件', '--issuer', '示例市人民政府办公室'], root);
    expect(office.stdout).toContain(`sfb-${year}-1.md（市政府文件，示府办〔${year}〕1号）`);
    // Unfilled, a skeleton is refused at each placeholder; filled in, it checks.
    const unfilled = runCli(['check', '--format', 'json'], root);
    expect(unfilled.code).toBe(1);
    const placeholders = (JSON.parse(unfilled.stdout) as { diagnostics: { code: string; file: string; line: number; message: string }[] }).diagnostics;
    expect(placeholders.filter((d) => d.file.endsWith(`sf-${year}-8.md`)).map((d) => [d.code, d.line, d.message.split('”')[0]])).toEqual([
      ['placeholder-unfilled', 2, '“（事由）'],
      ['placeholder-unfilled', 7, '“（主送机关）'],
      ['placeholder-unfilled', 10, '“（正文）'],
    ]);
    expect(new Set(placeholders.map((d) => d.code))).toEqual(new Set(['placeholder-unfilled']));
    for (const file of [`sf-${year}-8.md`, `sfb-${year}-1.md`]) fillIn(root, `documents/${year}-2/${file}`);
    expect(runCli(['check', '--format', 'json'], root).stdout).toContain('"diagnostics": []');
  });

  it('writes no number or date where the section has none, and never overwrites', () => {
    const root = initProject();
    const result = runCli(['new', 'document', `${year}-1/`, '--category', '人事任免'], root);
    expect(result.stdout).toContain(`documents/${year}-1/doc-2.md（人事任免）`);
    expect(read(root, `documents/${year}-1/doc-2.md`)).toBe('---\ntitle: （标题）\nissuer: 示例市人民政府\ncategory: 人事任免\n---\n\n（正文）\n');
    writeFileSync(join(root, `documents/${year}-1/sf-${year}-2.md`), 'mine');
    // The suggested number's file name is taken by a file that is not a document of the series.
    const clash = runCli(['new', 'document', `${year}-1`, '--category', '市政府文件'], root);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain(`  documents/${year}-1/sf-${year}-2.md\n`);
    expect(read(root, `documents/${year}-1/sf-${year}-2.md`)).toBe('mine');
  });

  it('suggests the next 令号 in a section of 令, and asks for its signer', () => {
    const root = initProject();
    const yaml = read(root, 'documents/gazette.yml').replace('sections:\n', 'sections:\n  - name: 政府令\n    number: order\n');
    writeFileSync(join(root, 'documents/gazette.yml'), yaml);
    writeFileSync(join(root, `documents/${year}-1/order-4.md`), `---\ntitle: 示例市人民政府令\nissuer: 示例市人民政府\ndate: ${year}-01-02\nnumber: 示例市人民政府令第4号\ncategory: 政府令\nsignature: 市长　某某\n---\n\n《示例市政府规章》已经市政府常务会议通过，现予公布。\n`);
    runCli(['new', 'issue'], root);
    const result = runCli(['new', 'document', `${year}-2`, '--category', '政府令'], root);
    expect(result.stdout).toContain(`documents/${year}-2/order-5.md（政府令，示例市人民政府令第5号）`);
    expect(read(root, `documents/${year}-2/order-5.md`)).toMatch(/^---\ntitle: 示例市人民政府令\nissuer: 示例市人民政府\ndate: .*\nnumber: 示例市人民政府令第5号\ncategory: 政府令\nsignature: （签发人职务　姓名）\n---\n/);
    // Unfilled, the signer is a placeholder check refuses, like the body.
    const unfilled = JSON.parse(runCli(['check', '--format', 'json'], root).stdout).diagnostics.filter((d: { file: string }) => d.file.endsWith('order-5.md'));
    expect(unfilled.map((d: { code: string; line: number }) => `${d.code}@${d.line}`)).toEqual(['placeholder-unfilled@7', 'placeholder-unfilled@10']);
    fillIn(root, `documents/${year}-2/order-5.md`);
    expect(runCli(['check', '--format', 'json'], root).stdout).toContain('"diagnostics": []');
  });

  it('exits 2 naming the unknown section, issuer or issue', () => {
    const root = initProject();
    expect(runCli(['new', 'document', `${year}-1`, '--category', '区政府文件'], root)).toMatchObject({ code: 2, stderr: '错误：gazette.yml 中没有栏目“区政府文件”；可用栏目：市政府文件、人事任免\n' });
    expect(runCli(['new', 'document', `${year}-1`, '--category', '人事任免', '--issuer', '某局'], root).stderr).toBe('错误：gazette.yml 中没有发文机关“某局”；已登记：示例市人民政府、示例市人民政府办公室\n');
    const issue = runCli(['new', 'document', '1999-1', '--category', '人事任免'], root);
    expect(issue.code).toBe(2);
    expect(issue.stderr).toContain('没有名为 1999-1 的期次');
    expect(runCli(['new', 'document', `${year}-1`], root).stderr).toContain("错误：缺少必需的选项 '--category <section>'");
    expect(existsSync(join(root, `documents/${year}-1/doc-2.md`))).toBe(false);
  });
});
