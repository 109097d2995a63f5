/**
 * Hostile and broken input through the real CLI on temp folders: every case answers with its exit code and a
 * message naming the file, line, what is wrong and the fix; no stack trace; and the bytes on disk are what they
 * should be (never a worse file, never a half-written output).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createMemoryHost } from '../../src/host/memory-host.js';
import { check } from '../../src/pipeline.js';
import { gazetteBin, runCli, tempProject, type CliResult } from '../support/cli.js';
import { run } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/io.js';
import { readPdf } from '../support/pdf-text.js';
import { baseFields, bundledAssets, documentText, issueYaml, projectRoot, publicationYaml } from '../support/project.js';

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

  it('never rewrites an order number written with brackets into a 发文字号, nor suggests a number losing its 之一', async () => {
    const files = { 'documents/gazette.yml': publicationYaml, 'documents/2021-4/issue.yml': issueYaml };
    for (const number of ['财政部令（2021）3号', '长府令[2021]3号', '长府[2021]46号之一']) {
      const found = (await check(createMemoryHost({ ...files, 'documents/2021-4/a.md': doc({ number: `"${number}"` }) }, bundledAssets), ['2021-4'])).diagnostics;
      expect(found.length, number).toBeGreaterThan(0);
      expect(found.filter((d) => d.edit || d.fix).map((d) => [d.code, d.fix]), number).toEqual([]);
    }
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
    ['an emoji', '含有😀的段落。', 'glyph-missing', 'U+1F600', 3],
    ['a character beyond the fonts', '吉祥的𠮷字。', 'glyph-missing', 'U+20BB7', 4],
    ['Arabic', 'العربية', 'glyph-missing', 'U+0627', 1],
    ['Hebrew', 'עברית', 'glyph-missing', 'U+05E2', 1],
  ])('%s: the same error from check and build, at the character', (_name, body, code, codePoint, column) => {
    const root = tempProject({ 'documents/2021-4/a.md': doc({}, `${body}\n`) });
    const checked = runCli(['check', '--format', 'json'], root);
    const built = runCli(['build', '2021-4'], root);
    expect(checked.code).toBe(1);
    expect(built.code).toBe(1);
    const found = JSON.parse(checked.stdout).diagnostics.find((d: { code: string; message: string }) => d.code === code && d.message.includes(codePoint));
    expect(found).toMatchObject({ file: 'documents/2021-4/a.md', line: 8, column });
    expect(built.stderr).toContain(codePoint);
    expect(built.stderr).toMatch(new RegExp(`\\n\\s+8:${column}\\s+错误.*${codePoint.replace('+', '\\+')}`));
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
  it('builds with hostile strings in every field; the XMP parses as XML and nothing is raw in the HTML', async () => {
    const hostile = '甲&乙<丙>"丁"\'戊\u001b[31m';
    const gazette = publicationYaml
      .replace(/^name: .*$/m, `name: "长宁&公报<测试>\\u001b"`)
      .replace(/^publisher: .*$/m, `publisher: "${hostile.replace(/"/g, '\\"').replace('\u001b', '\\u001b')}"`)
      .replace(/^website: .*$/m, 'website: "a.cn/?x=1&y=<2>"');
    const root = tempProject({
      'documents/gazette.yml': gazette,
      'documents/2021-4/a.md': doc({ title: '"上海市长宁区人民政府关于A&B<C>的通知"', recipients: '"各委&办<局>"', signature: '"上海市长宁区人民政府&<>"', note: '"此件&<公开>"', cc: '["办&<公室>"]' }),
    });
    const built = runCli(['build', '2021-4', '--format', 'pdf,html,json,docs,ofd,svg'], root);
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
    // The Info dictionary says the strings as written; the data edition parses and keeps them.
    const info = (await (await import('pdfjs-dist/legacy/build/pdf.mjs')).getDocument({ data: new Uint8Array(readFileSync(join(root, 'dist/2021-4/gazette-2021-4.pdf'))), verbosity: 0 }).promise).getMetadata();
    expect(((await info).info as { Author?: string }).Author).toBe('甲&乙<丙>"丁"\'戊[31m');
    const data = JSON.parse(readFileSync(join(root, 'dist/2021-4/issue.json'), 'utf8')) as { documents: { title: string; note: string; cc: string[] }[] };
    expect(data.documents[0]).toMatchObject({ title: '上海市长宁区人民政府关于A&B<C>的通知', note: '此件&<公开>', cc: ['办&<公室>'] });
    // Every XML part of the OFD and every SVG page is well formed; no per-document page has the raw strings.
    const { unzipSync } = await import('fflate');
    const ofd = unzipSync(new Uint8Array(readFileSync(join(root, 'dist/2021-4/gazette-2021-4.ofd'))));
    for (const [name, bytes] of Object.entries(ofd)) if (name.endsWith('.xml')) expect(XMLValidator.validate(new TextDecoder().decode(bytes)), name).toBe(true);
    for (const name of readdirSync(join(root, 'dist/2021-4/pages')).filter((f) => f.endsWith('.svg'))) {
      expect(XMLValidator.validate(readFileSync(join(root, 'dist/2021-4/pages', name), 'utf8')), name).toBe(true);
    }
    for (const name of readdirSync(join(root, 'dist/2021-4/docs')).filter((f) => f.endsWith('.html'))) {
      // Inside a quoted attribute value a < is text (data-cc="办&<公室>"), so values are set aside first.
      expect(readFileSync(join(root, 'dist/2021-4/docs', name), 'utf8').replace(/="[^"]*"/g, '=""')).not.toMatch(/<(?:丙|C|局|测试|公开|公室)>/u);
    }
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

  it('a folder where a file must be (EISDIR) and a dangling link (ENOENT)', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc(), 'documents/2021-3/a.md': doc() });
    mkdirSync(join(root, 'documents/2021-3/issue.yml'));
    symlinkSync('gone.md', join(root, 'documents/2021-4/c.md'));
    const result = runCli(['check'], root);
    expectClean(result);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/issue\.yml\n\s+1:1\s+错误\s+无法读取 documents\/2021-3\/issue\.yml：这是一个文件夹，不是文件\s+file-unreadable\n\s+这里应是一个文件，却是同名文件夹/u);
    expect(result.stdout).toMatch(/c\.md\n\s+1:1\s+错误\s+无法读取 documents\/2021-4\/c\.md：文件不存在.*\s+file-unreadable/u);
    expect(result.stdout).not.toContain('front-matter-missing');
  });

  it('an empty file and a folder named like a document, each said for what it is', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc(), 'documents/2021-4/empty.md': ' \n\n', 'documents/2021-4/dir.md/inner.md': doc() });
    const result = runCli(['check'], root);
    expectClean(result);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/dir\.md\n\s+1:1\s+警告\s+这是一个以 \.md 结尾的文件夹，不是文件，未作为文件收录\s+document-folder\n/u);
    expect(result.stdout).toMatch(/empty\.md\n\s+1:1\s+错误\s+文件是空的\s+document-empty\n\s+写入前置元数据和正文/u);
    expect(result.stdout).not.toContain('front-matter-missing');
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

describe('broken files are named, before any layout', () => {
  const asNobody = (root: string, args: string[]): CliResult => {
    const asRoot = process.getuid?.() === 0;
    if (asRoot) spawnSync('chown', ['-R', 'nobody', root]);
    const result = spawnSync(process.execPath, [gazetteBin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };

  it('a cut-off PNG: check reports it where it is used, and build refuses it', () => {
    const png = readFileSync(join(projectRoot, 'test/fixtures/constructs/documents/2024-2/area.png'));
    const root = tempProject({ 'documents/2021-4/a.md': doc({}, '正文。\n\n![区位图](map.png)\n'), 'documents/2021-4/map.png': png.subarray(0, 200) });
    const check = runCli(['check'], root);
    expectClean(check);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/a\.md\n\s+10:1\s+错误\s+图片“map\.png”（documents\/2021-4\/map\.png）已损坏或不完整\s+image-corrupt\n\s+用图片软件重新导出/u);
    const build = runCli(['build', '2021-4'], root);
    expectClean(build);
    expect(build.code).toBe(1);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('an unreadable template file is named as unreadable, not as missing', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc(), 'templates/default/theme.yml': readFileSync(join(projectRoot, 'templates/default/theme.yml'), 'utf8') });
    chmodSync(join(root, 'templates/default/theme.yml'), 0o000);
    const result = asNobody(root, ['build', '2021-4']);
    expectClean(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('无法读取模板文件 templates/default/theme.yml：没有读取权限');
    expect(result.stderr).not.toContain('找不到模板文件');
  });

  it('--fix in a folder it may not write: says so, leaves the file and no temporary file, exit 2', () => {
    const original = doc({ number: '长府[2021]46号' });
    const root = tempProject({ 'documents/2021-4/a.md': original });
    chmodSync(join(root, 'documents/2021-4'), 0o555);
    const result = asNobody(root, ['check', '--fix']);
    expectClean(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('✖ 无法写入对 documents/2021-4/a.md 的修正（EACCES），该文件未改动');
    expect(result.stdout).toContain('number-brackets');
    expect(readFileSync(join(root, 'documents/2021-4/a.md'), 'utf8')).toBe(original);
    expect(readdirSync(join(root, 'documents/2021-4')).sort()).toEqual(['a.md', 'issue.yml']);
  });

  it('a paragraph of 2,000 links builds as fast as the same text without them (layout is linear in marks)', () => {
    const links = Array.from({ length: 2000 }, (_, i) => `https://example.gov.cn/${i}`).join('\n');
    const root = tempProject({ 'documents/2021-4/a.md': doc({}, `${links}\n`) });
    const started = Date.now();
    const result = runCli(['build', '2021-4', '--format', 'pdf'], root);
    expectClean(result);
    expect(result.code).toBe(0);
    // Quadratic in the links this took minutes; the bound only catches that, it is no speed target.
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

describe('output sets are atomic and leave nothing behind', () => {
  const listing = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

  it('clears the temporary copy a killed --fix left beside a document when it writes that document again', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc({ number: '长府[2021]46号' }), 'documents/2021-4/.a.md.999999.tmp': 'half a docu' });
    const result = runCli(['check', '--fix'], root);
    expectClean(result);
    expect(result.code).toBe(0);
    expect(readdirSync(join(root, 'documents/2021-4')).sort()).toEqual(['a.md', 'issue.yml']);
  });

  it('keeps the only copy of a set that a run killed between its renames retired, when the next write fails', async () => {
    const { writeOutputSet } = await import('../../src/cli/io.js');
    const parent = tempProject();
    const dir = join(parent, 'out');
    writeOutputSet(dir, [{ path: 'index.html', data: '旧' }]);
    renameSync(dir, join(parent, '.out.old-999999'));
    // A set that cannot be written: a file where a folder must go.
    expect(() => writeOutputSet(dir, [{ path: 'a', data: '' }, { path: 'a/b', data: '' }])).toThrow();
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('旧');
    expect(readdirSync(parent).filter((name) => name.startsWith('.out.'))).toEqual([]);
  });

  it('after a run killed between its two renames, the retired set comes back, and a running build keeps its staging folder', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc() });
    expect(runCli(['build', '2021-4', '--format', 'html'], root).code).toBe(0);
    const dist = join(root, 'dist');
    const before = listing(join(dist, '2021-4'));
    // Killed after moving the old set aside, before putting the new one in place: only the retired copy is left.
    renameSync(join(dist, '2021-4'), join(dist, '.2021-4.old-999999'));
    mkdirSync(join(dist, '.2021-4.staging-999998'));
    // A build of the same output still running (this test's own process stands for it).
    mkdirSync(join(dist, `.2021-4.staging-${process.pid}`));
    writeFileSync(join(root, 'documents/2021-4/a.md'), doc({}, '改过的正文。\n'));
    const result = runCli(['build', '2021-4', '--format', 'html'], root);
    expectClean(result);
    expect(result.code).toBe(0);
    expect(listing(join(dist, '2021-4'))).toEqual(before);
    expect(readFileSync(join(dist, '2021-4/index.html'), 'utf8')).toContain('改过的正文');
    expect(readdirSync(dist).sort()).toEqual(['.2021-4.staging-' + process.pid, '2021-4'].sort());
  });

  it('survives kill -9 while it writes: the output is the old set or the new one, whole, and leftovers go on the next run', async () => {
    const root = tempProject({}, { bundledIssue: true });
    const source = join(root, 'documents/2021-4/cfg-2021-52.md');
    const original = readFileSync(source, 'utf8');
    const mark = (k: number): string => `校验标记${'甲乙丙丁戊己'[k]}`;
    writeFileSync(source, original.replace('特此批复。', `特此批复。${mark(0)}`));
    expect(runCli(['build', '2021-4'], root).code).toBe(0);
    const dist = join(root, 'dist');
    const out = join(dist, '2021-4');
    const marker = (JSON.parse(readFileSync(join(out, '.gazette-output'), 'utf8')) as { files: string[] }).files;
    let current = 0;
    for (const [round, extra] of [0, 2, 6].entries()) {
      // Each build's set differs from the one before it, so a mix of the two would show.
      const k = round + 1;
      writeFileSync(source, original.replace('特此批复。', `特此批复。${mark(k)}`));
      const child = spawn(process.execPath, [gazetteBin, 'build', '2021-4'], { cwd: root, env: { ...process.env, GAZETTE_CACHE: '0' }, stdio: 'ignore' });
      // Kill it once it has begun writing its set (its staging folder is there), a few milliseconds in.
      const staging = join(dist, `.2021-4.staging-${child.pid}`);
      const started = Date.now();
      // A busy wait: the folder lives for a few milliseconds, less than the event loop may take to come round.
      while (!existsSync(staging) && Date.now() - started < 20_000);
      const until = Date.now() + extra;
      while (Date.now() < until);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      // Killed between its two renames (a few microseconds), the run left the old set as its retired folder, which
      // the next run puts back.
      const retired = join(dist, `.2021-4.old-${child.pid}`);
      const seen = existsSync(out) ? out : retired;
      expect(existsSync(seen), 'the output set or the retired one').toBe(true);
      expect(listing(seen).filter((f) => !f.startsWith('assets'))).toEqual([...marker, '.gazette-output'].filter((f) => !f.startsWith('assets')).sort());
      // The HTML and the PDF are of one build: both have the old document, or both the new one.
      const html = readFileSync(join(seen, 'index.html'), 'utf8');
      const version = seen === retired ? current : [current, k].find((n) => html.includes(mark(n)));
      expect(html.includes(mark(version ?? -1)), 'the HTML is of the old build or of the new one').toBe(true);
      const pdf = (await readPdf(new Uint8Array(readFileSync(join(seen, 'gazette-2021-4.pdf'))))).pages.map((p) => p.text).join('');
      expect(pdf).toContain(mark(version!));
      current = version!;
    }
    expect(runCli(['build', '2021-4'], root).code).toBe(0);
    expect(readdirSync(dist).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 120_000);

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
  it.each([
    [['preview', '2099-9'], '没有名为 2099-9 的期次'],
    [['preview', '2021-4', '--root', 'nowhere'], 'nowhere 中没有 documents/ 文件夹'],
  ])('refuses %j as build does, with exit 2 and no server', async (args, message) => {
    const root = tempProject({ 'documents/2021-4/a.md': doc() });
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: root, env: { ...process.env, NO_COLOR: '1' }, isTTY: false };
    expect(await run([...args, '--port', '0'], io)).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });


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

  it('reports a theme.yml that is valid YAML but empty or misshapen as one problem, not one per setting', () => {
    for (const theme of ['{}\n', 'page: 5\n']) {
      const root = tempProject({ 'documents/2021-4/a.md': doc(), 'templates/default/theme.yml': theme, 'templates/default/html/page.html': readFileSync(join(projectRoot, 'templates/default/html/page.html'), 'utf8'), 'templates/default/html/style.css': '' });
      const result = runCli(['build', '2021-4'], root);
      expectClean(result);
      expect(result.code, theme).toBe(1);
      expect(result.stderr.match(/theme-(invalid|incomplete)/g), theme).toEqual(['theme-incomplete']);
      expect(result.stderr).toMatch(/theme\.yml\n\s+1:1\s+错误\s+模板设置此处缺少或无效 \d+ 项：page\.width/u);
      expect(existsSync(join(root, 'dist'))).toBe(false);
    }
  });

  it('reports a broken theme.yml by its first real error only', () => {
    const root = tempProject({ 'documents/2021-4/a.md': doc(), 'templates/default/theme.yml': 'page:\n  width: [210\nfonts: {\n' });
    const result = runCli(['build', '2021-4'], root);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/theme-/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/templates\/default\/theme\.yml\n\s+\d+:\d+\s+错误\s+模板文件不是有效的 YAML/u);
  });
});
