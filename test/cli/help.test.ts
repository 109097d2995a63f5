/**
 * Help as a reader of Chinese sees it: lines fit the terminal counting a Han character as two columns, breaks
 * fall between characters but never before a closing mark, and the notes on choices and defaults are in the
 * run's language, without JSON or a flag's "false".
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrap } from '../../src/cli/help.js';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { baseFields, documentText, projectRoot } from '../support/project.js';
import { tempProject } from '../support/cli.js';

async function help(args: string[], columns?: number): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io: Io = { stdout: (text) => void (stdout += text), stderr: () => undefined, cwd: '/', env: {}, isTTY: false, ...(columns ? { columns } : {}) };
  return { code: await run(args, io), stdout };
}

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['公报', 4],
    ['（默认：zh）', 12],
    ['𠀀', 2],
    ['\x1b[1m加粗\x1b[22m', 4],
  ])('%j is %i columns', (text, width) => expect(displayWidth(text)).toBe(width));
});

describe('wrap', () => {
  it('breaks between Han characters to fit the width', () => {
    expect(wrap('一二三四五六七八', 10)).toBe('一二三四五\n六七八');
  });

  it('keeps a closing mark with the character before it and an opening mark with the one after it', () => {
    expect(wrap('一二三四，五六', 8)).toBe('一二三\n四，五六');
    expect(wrap('一二三（四五', 8)).toBe('一二三\n（四五');
  });

  it('breaks at a space and drops it, and keeps an English word whole', () => {
    expect(wrap('把 Word 文件导入', 8)).toBe('把 Word\n文件导入');
  });

  it('keeps an option with the placeholder of its value', () => {
    expect(wrap('加 --root <dir> 指定', 12)).toBe('加\n--root <dir>\n指定');
    expect(wrap('用 -o [file] 写出', 10)).toBe('用\n-o [file]\n写出');
    // Only an option's placeholder: other angle brackets break as usual.
    expect(wrap('写 a <b> 即可', 4)).toBe('写 a\n<b>\n即可');
  });

  it('keeps the text’s own line breaks and text that fits', () => {
    expect(wrap('短\n也短', 80)).toBe('短\n也短');
  });
});

describe('gazette --help', () => {
  // Below about 80 columns commander stops wrapping (its minWidthToWrap): the description column would be too narrow.
  it.each([80, 100, 120])('fits every line of every command’s help in %i columns', async (columns) => {
    for (const args of [['--help'], ['build', '--help'], ['check', '--help'], ['import', '--help'], ['preview', '--help', '--lang', 'en']]) {
      const { code, stdout } = await help(args, columns);
      expect(code).toBe(0);
      // A single word longer than the width cannot be broken; none here is longer than 40 columns.
      for (const line of stdout.split('\n')) expect(displayWidth(line), `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(columns);
    }
  });

  it.each([80, 100])('never parts --root from its <dir> in %i columns', async (columns) => {
    const { stdout } = await help(['--help'], columns);
    expect(stdout).toContain('--root <dir>');
  });

  it('never starts a line with a closing mark', async () => {
    const { stdout } = await help(['build', '--help'], 50);
    expect(stdout).not.toMatch(/\n\s*[，。；：）]/u);
  });

  it('states choices and defaults in Chinese, without JSON or a flag’s false', async () => {
    const { stdout } = await help(['build', '--help'], 200);
    expect(stdout).toContain('（默认：pdf,html）');
    expect(stdout).toContain('界面语言（可选：zh、en；默认：zh）');
    expect(stdout).toContain('（默认：当前文件夹；在项目的子文件夹中运行时为项目根目录）');
    expect(stdout).not.toMatch(/\(default|choices:|\["|false/);
  });

  it('states them in English with --lang en', async () => {
    const { stdout } = await help(['build', '--help', '--lang', 'en'], 200);
    expect(stdout).toContain('(default: pdf,html)');
    expect(stdout).toContain('(choices: zh, en; default: en)');
    expect(stdout).not.toMatch(/default: false|\["/);
  });

  it('tells at the top level that every command takes --lang and --root', async () => {
    const zh = (await help(['--help'], 200)).stdout;
    expect(zh).toContain('--lang en');
    expect(zh).toContain('--root <dir>');
    expect((await help(['--help', '--lang', 'en'], 200)).stdout).toContain('Every command takes --lang zh|en');
  });
});

describe('options every command takes, and usage errors', () => {
  async function cli(args: string[], cwd = '/'): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd, env: {}, isTTY: false };
    return { code: await run(args, io), stdout, stderr };
  }

  it('takes --lang and --root before the command as after it', async () => {
    const root = join(projectRoot, 'test/fixtures/state-council');
    const before = await cli(['--lang', 'en', '--root', root, 'check', '2024-1']);
    expect(before).toEqual(await cli(['check', '2024-1', '--lang', 'en', '--root', root]));
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('no problems');
    // After a command's whole name, and before a `--`.
    const nested = await cli(['--lang=en', 'new', 'issue', '--root', root, '--published', 'x']);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain('error: --published "x" is not a real');
  });

  it('finds the project above the current folder when --root is not given, as git does', async () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText(baseFields) });
    const inside = join(root, 'documents', '2021-4');
    const found = await cli(['check', '2021-4'], inside);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('未发现问题');
    expect(await cli(['check', '2021-4'], inside)).toEqual(await cli(['check', '2021-4'], root));
    // An explicit --root is taken as given, and outside any project there is none to find.
    expect((await cli(['check', '--root', '.'], inside)).code).toBe(2);
    expect((await cli(['check'], tmpdir())).stdout).toContain('documents-missing');
  });

  it('suggests a command or option in the run’s language', async () => {
    const typo = await cli(['chek']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("错误：未知命令 'chek'\n（是否应为 check？）");
    expect((await cli(['check', '--formt', 'json'])).stderr).toContain('（是否应为 --format？）');
    expect((await cli(['chek', '--lang', 'en'])).stderr).toContain('(Did you mean check?)');
  });
});

