/**
 * Hostile and broken input through the real CLI on temp folders: every case answers with its exit code and a
 * message naming the file, line, what is wrong and the fix; no stack trace; and the bytes on disk are what they
 * should be (never a worse file, never a half-written output).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createMemoryHost } from '../../src/host/memory-host.js';
import { check } from '../../src/pipeline.js';
import { gazetteBin, runCli, tempProject, type CliResult } from '../support/cli.js';
import { baseFields, bundledAssets, documentText, issueYaml, publicationYaml } from '../support/project.js';

const STACK = /\n\s+at .+\(.+:\d+:\d+\)|internal error|内部错误/u;

function expectClean(result: CliResult): void {
  expect(result.stdout + result.stderr).not.toMatch(STACK);
}

const doc = (fields: Record<string, string | undefined> = {}, body = '正文。\n'): string => documentText({ ...baseFields, ...fields }, body);

describe('--fix never writes a worse file', () => {
  it('fixes a file reached through a symlink and a hard link once', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc({ number: '长府 [2021] 046号' }) });
    symlinkSync('a.md', join(root, 'documents/2021-4/b.md'));
    linkSync(join(root, 'documents/2021-4/a.md'), join(root, 'documents/2021-4/c.md'));
    const result = runCli(['check', '--fix'], root);
    expectClean(result);
    const text = readFileSync(join(root, 'documents/2021-4/a.md'), 'utf8');
    expect(text).toBe(doc({ number: '长府〔2021〕46号' }));
    expect(readFileSync(join(root, 'documents/2021-4/c.md'), 'utf8')).toBe(text);
  });

  it('leaves alone a number the fix cannot make right, with its diagnostic', () => {
    const number = '國(guó)函[1999]113號(hào)';
    const original = doc({ number: `"${number}"`, date: '1999-05-01', title: '上海市长宁区人民政府关于测试的通知' });
    const root = tempProject({ 'documents/2021-4/a.md': original });
    const result = runCli(['check', '--fix'], root);
    expectClean(result);
    expect(result.code).toBe(1);
    expect(readFileSync(join(root, 'documents/2021-4/a.md'), 'utf8')).toBe(original);
    expect(result.stdout).toMatch(/a\.md\n\s+5:9\s+错误\s+发文字号年份须用六角括号/u);
  });

  it('rolls a fix back when it would introduce a problem (here: a duplicate number)', () => {
    const fixed = doc({ number: '长府〔2021〕54号' });
    const original = doc({ number: '长府[2021]54号', title: '上海市长宁区人民政府关于另一件事的通知' });
    const root = tempProject({ 'documents/2021-4/a.md': original, 'documents/2021-4/b.md': fixed });
    const result = runCli(['check', '--fix'], root);
    expectClean(result);
    expect(readFileSync(join(root, 'documents/2021-4/a.md'), 'utf8')).toBe(original);
    expect(result.stdout).toContain('number-brackets');
  });

  it.each(['東府[2021]1號', '粵府（2021）1號', '懷府〔２０２１〕０１號', '長府辦 [2021] 第5號', '沪府规【2021】03号', '财政部令〔2021〕3号'])(
    'gives %s only hints that pass the number rules themselves',
    async (number) => {
      const files = { 'documents/gazette.yml': publicationYaml, 'documents/2021-4/issue.yml': issueYaml };
      const codes = async (value: string): Promise<{ code: string; fix?: string }[]> =>
        (await check(createMemoryHost({ ...files, 'documents/2021-4/a.md': doc({ number: `"${value}"` }) }, bundledAssets), ['2021-4'])).diagnostics.filter((d) => /^number-(?!issuer|code|year-mismatch|duplicate)/.test(d.code));
      const hints = [...new Set((await codes(number)).flatMap((d) => (d.fix ? [d.fix] : [])))];
      for (const hint of hints) expect(await codes(hint), `${number} → ${hint}`).toEqual([]);
    },
  );
});

describe('no input crashes or stalls a run', () => {
  it.each([
    ['5 KB of nested quotes', `${'>'.repeat(5000)} 深\n`],
    ['10 KB of list markers', `${'- '.repeat(5000)}深\n`],
    ['1,000 levels of nested lists', Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- 项\n`).join('')],
  ])('%s: an error at the line, then a draft builds', (_name, body) => {
    const root = tempProject({ 'documents/2021-4/a.md': doc({}, body) });
    const checked = runCli(['check'], root);
    expectClean(checked);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/a\.md\n\s+\d+:\d+\s+错误\s+列表或引用嵌套了 \d+ 层，超过上限 8 层/u);
    const built = runCli(['build', '2021-4', '--draft', '--format', 'html'], root);
    expectClean(built);
    expect(built.code).toBe(0);
  });
});

describe('check passes only what build accepts', () => {
  it.each([
    ['an emoji', '含有😀的段落。', 'glyph-missing', 'U+1F600'],
    ['a character beyond the fonts', '吉祥的𠮷字。', 'glyph-missing', 'U+20BB7'],
    ['Arabic', 'العربية', 'glyph-missing', 'U+0627'],
    ['Hebrew', 'עברית', 'glyph-missing', 'U+05E2'],
  ])('%s: the same error from check and build', (_name, body, code, codePoint) => {
    const root = tempProject({ 'documents/2021-4/a.md': doc({}, `${body}\n`) });
    const checked = runCli(['check', '--format', 'json'], root);
    const built = runCli(['build', '2021-4'], root);
    expect(checked.code).toBe(1);
    expect(built.code).toBe(1);
    const found = JSON.parse(checked.stdout).diagnostics.find((d: { code: string; message: string }) => d.code === code && d.message.includes(codePoint));
    expect(found).toMatchObject({ file: 'documents/2021-4/a.md', line: 8 });
    expect(built.stderr).toContain(codePoint);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('reports invisible characters and look-alikes, builds without them, and --fix removes or replaces them', () => {
    const body = '零\u200b宽、变\ufe0f体、方\u202e向、空\u0000字、⻓宁区，二○二一年。\n';
    const root = tempProject({ 'documents/2021-4/a.md': doc({}, body) });
    const checked = runCli(['check'], root);
    expectClean(checked);
    expect(checked.code).toBe(0);
    expect(checked.stdout.match(/text-invisible/g)).toHaveLength(4);
    expect(checked.stdout).toMatch(/8:2\s+警告\s+此处有不可见字符 U\+200B/u);
    expect(checked.stdout).toContain('“⻓”（U+2ED3）是形近字符，应为“长”');
    expect(runCli(['build', '2021-4', '--format', 'html'], root).code).toBe(0);
    expect(readFileSync(join(root, 'dist/2021-4/index.html'), 'utf8')).toContain('零宽、变体、方向、空字、');
    const fixed = runCli(['check', '--fix'], root);
    expect(fixed.code).toBe(0);
    expect(readFileSync(join(root, 'documents/2021-4/a.md'), 'utf8')).toBe(doc({}, '零宽、变体、方向、空字、长宁区，二〇二一年。\n'));
    expect(fixed.stdout).toContain('\\u200b → ');
  });
});

describe('metadata is escaped everywhere', () => {
  it('builds with hostile strings in every field; the XMP parses as XML and nothing is raw in the HTML', () => {
    const hostile = '甲&乙<丙>"丁"\'戊\u001b[31m';
    const gazette = publicationYaml
      .replace(/^name: .*$/m, `name: "长宁&公报<测试>\\u001b"`)
      .replace(/^publisher: .*$/m, `publisher: "${hostile.replace(/"/g, '\\"').replace('\u001b', '\\u001b')}"`)
      .replace(/^website: .*$/m, 'website: "a.cn/?x=1&y=<2>"');
    const root = tempProject({
      'documents/gazette.yml': gazette,
      'documents/2021-4/a.md': doc({ title: '"上海市长宁区人民政府关于A&B<C>的通知"', recipients: '"各委&办<局>"', signature: '"上海市长宁区人民政府&<>"' }),
    });
    const built = runCli(['build', '2021-4'], root);
    expectClean(built);
    expect(built.code).toBe(0);
    // Control characters in gazette.yml values are dropped from what is printed, in the terminal too.
    expect(built.stdout).not.toContain('\u001b');
    expect(built.stdout).toContain('长宁&公报<测试> 2021年第4期');
    const pdf = readFileSync(join(root, 'dist/2021-4/gazette-2021-4.pdf')).toString('latin1');
    const xmp = /<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(pdf)![0];
    expect(XMLValidator.validate(Buffer.from(xmp, 'latin1').toString('utf8'))).toBe(true);
    const html = readFileSync(join(root, 'dist/2021-4/index.html'), 'utf8');
    expect(html).toContain('长宁&amp;公报&lt;测试&gt;');
    expect(html).not.toMatch(/<(?:丙|C|局|测试)>/u);
    expect(html).not.toContain('\u001b');
  });

  it('prints control characters from YAML values escaped, never raw to the terminal', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc({ category: '"区政府\\u001b[2J文件"' }) });
    const result = runCli(['check'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('区政府\\u001b[2J文件');
  });
});

describe('file-system errors are named as what they are', () => {
  it('a symbolic-link loop', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc() });
    symlinkSync('loop.md', join(root, 'documents/2021-4/loop.md'));
    const result = runCli(['check'], root);
    expectClean(result);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/loop\.md\n\s+1:1\s+错误\s+无法读取 documents\/2021-4\/loop\.md：符号链接形成了循环\s+file-unreadable\n\s+改正或删除这个符号链接/u);
  });

  it('an unreadable file and an unreadable issue folder (EACCES)', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc(), 'documents/2021-3/issue.yml': 'year: 2021\nnumber: 3\ntotal: 61\npublished: 2021-10-08\n' });
    chmodSync(join(root, 'documents/2021-4/a.md'), 0o000);
    chmodSync(join(root, 'documents/2021-3'), 0o000);
    // Root reads everything: run the CLI as an unprivileged user, as an editor would.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) spawnSync('chown', ['-R', 'nobody', root]);
    const result = spawnSync(process.execPath, [gazetteBin, 'check'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expectClean({ code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('无法读取 documents/2021-4/a.md：没有读取权限');
    expect(result.stdout).toContain('无法读取 documents/2021-3：没有读取权限');
    expect(result.stdout).toContain('chmod u+r');
    expect(result.stdout).not.toContain('front-matter-missing');
  });

  it('too many open files, when the system says so', async () => {
    const host = createMemoryHost({ 'documents/gazette.yml': publicationYaml, 'documents/2021-4/issue.yml': issueYaml, 'documents/2021-4/a.md': doc() }, bundledAssets);
    const result = await check({ ...host, readFile: (path) => (path.endsWith('a.md') ? 'EMFILE' : host.readFile(path)) }, ['2021-4']);
    expect(result.diagnostics.map((d) => [d.code, d.args.error, d.span?.file])).toEqual([['file-unreadable', 'EMFILE', 'documents/2021-4/a.md']]);
  });
});

describe('output sets are atomic and leave nothing behind', () => {
  const listing = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

  it('survives kill -9 at any moment: the output is the old set or the new one, and leftovers go on the next run', async () => {
    const root = tempProject({}, { bundledIssue: true });
    expect(runCli(['build', '2021-4'], root).code).toBe(0);
    const out = join(root, 'dist/2021-4');
    const marker = (JSON.parse(readFileSync(join(out, '.gazette-output'), 'utf8')) as { files: string[] }).files;
    for (const delay of [150, 350, 550, 750, 950]) {
      const child = spawn(process.execPath, [gazetteBin, 'build', '2021-4'], { cwd: root, env: { ...process.env, GAZETTE_CACHE: '0' }, stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(listing(out).filter((f) => !f.startsWith('assets'))).toEqual([...marker, '.gazette-output'].filter((f) => !f.startsWith('assets')).sort());
    }
    expect(runCli(['build', '2021-4'], root).code).toBe(0);
    expect(readdirSync(join(root, 'dist')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses to replace a folder holding files gazette did not write', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc() });
    mkdirSync(join(root, 'mine'));
    writeFileSync(join(root, 'mine/notes.txt'), 'keep me');
    const result = runCli(['build', '2021-4', '--out', 'mine'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('输出目录 mine 中已有其他文件');
    expect(readdirSync(join(root, 'mine'))).toEqual(['notes.txt']);
  });

  it('lets concurrent builds agree', async () => {
    const root = tempProject({}, { bundledIssue: true });
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [gazetteBin, 'build', '2021-4'], { cwd: root, stdio: 'ignore' });
        child.once('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    const out = join(root, 'dist/2021-4');
    const marker = (JSON.parse(readFileSync(join(out, '.gazette-output'), 'utf8')) as { files: string[] }).files;
    expect(listing(out).filter((f) => f !== 'assets')).toEqual([...marker, '.gazette-output'].sort());
  });
});

describe('the preview never goes deaf and validates its input', () => {
  it('rejects a port beyond 65535 as a usage error', () => {
    const result = runCli(['preview', '2021-4', '--port', '99999'], tempProject({ 'documents/2021-4/a.md': doc() }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('端口须在 0 到 65535 之间');
    expectClean(result);
  });
});

describe('reports are the same everywhere', () => {
  it('orders diagnostics the same under any locale', () => {
    const root = tempProject({ 'documents/2021-4/b.md': doc({ number: '长府[2021]5号' }), 'documents/2021-4/A.md': doc({ number: '长府[2021]6号', title: '上海市长宁区人民政府关于乙的通知' }), 'documents/2021-4/ä.md': doc({ number: '长府[2021]7号', title: '上海市长宁区人民政府关于丙的通知' }) });
    const outputs = ['C', 'tr_TR.UTF-8', 'zh_CN.UTF-8', 'de_DE.UTF-8'].map((locale) => runCli(['check', '--format', 'json'], root, { LC_ALL: locale, LANG: locale }).stdout);
    expect(new Set(outputs).size).toBe(1);
    expect(JSON.parse(outputs[0]!).diagnostics.map((d: { file: string }) => d.file.split('/').pop())).toEqual(['A.md', 'b.md', 'ä.md']);
  });

  it('reports a broken theme.yml by its first real error only', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc(), 'templates/default/theme.yml': 'page:\n  width: [210\nfonts: {\n' });
    const result = runCli(['build', '2021-4'], root);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/theme-/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/templates\/default\/theme\.yml\n\s+\d+:\d+\s+错误\s+模板文件不是有效的 YAML/u);
  });
});
