/**
 * Fuzzing `check` and `build --format pdf,html --draft` with random Markdown, front matter and bytes, for a bounded
 * time: every run must end with exit 0 or 1, print no stack trace or internal error, take bounded time, and leave
 * either a complete output set or none.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './support/project.js';

const BUDGET_MS = Number(process.env.GAZETTE_FUZZ_MS ?? 40_000);
/** A case may be slow (fonts load on the first build), never stuck. */
const CASE_MS = 15_000;

const tokens = [
  '\n', '\n\n', ' ', '  ', '\t', '#', '## ', '### ', '> ', '- ', '* ', '1. ', '2) ', '**', '*', '_', '~~', '`', '```\n', '[', ']', '(', ')', '![', '](a.png)',
  '](https://x.cn)', '|', '| --- |', '<br>', '<!--', '-->', '<script>', '</script>', '<div>', '<table><tr><td>', '</td></tr></table>', '[^1]', '[^1]: 注。', '附件1\n\n',
  '第一条　', '一、', '（一）', '长府〔2021〕46号', '2021年11月5日', '。', '，', '“', '”', '《', '》', '——', '……', '正文', '汉字测试', 'Latin word', '12.5%',
  '😀', '𠮷', '\u0000', '\u200b', '\ufe0f', '\u202e', '\u001b[31m', 'العربية', '&amp;', '&nbsp;', '\\', '---', '***', '- [ ] ', '$', '{{x}}',
];
const markdown = fc.array(fc.constantFrom(...tokens), { maxLength: 120 }).map((parts) => parts.join(''));
const value = fc.oneof(
  fc.constantFrom('上海市长宁区人民政府', '长府〔2021〕46号', '长府[2021]46号', '2021-11-05', '二〇二一年十一月五日', '区政府文件', '人事任免', '', '[a, b]', '{ by: x, date: 2021-11-06 }', '"引号', "'", ': :', '- x', '|', '>', '&a *b', '!!int 3'),
  markdown.map((text) => JSON.stringify(text)),
);
const keys = ['title', 'issuer', 'date', 'number', 'category', 'recipients', 'signature', 'note', 'attachments', 'cc', 'printed', 'order', 'titel'];
const frontMatter = fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 10 }).map((pairs) => pairs.map(([key, v]) => `${key}: ${v}`).join('\n'));
const documentFile = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(frontMatter, markdown).map(([fm, body]) => new TextEncoder().encode(`---\n${fm}\n---\n${body}`)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
  { weight: 1, arbitrary: markdown.map((text) => new TextEncoder().encode(text)) },
);

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'gazette-fuzz-'));
  mkdirSync(join(root, 'documents/2021-4'), { recursive: true });
  cpSync(join(projectRoot, 'documents/gazette.yml'), join(root, 'documents/gazette.yml'));
  cpSync(join(projectRoot, 'documents/2021-4/issue.yml'), join(root, 'documents/2021-4/issue.yml'));
  cpSync(join(projectRoot, 'documents/2021-4/cfg-2021-51.md'), join(root, 'documents/2021-4/good.md'));
  return root;
}

/**
 * The compiled CLI in a child process (fonts load once there), each command given CASE_MS: a run that takes longer
 * is a hang, the child is killed and the case fails with what it was.
 */
let child: ChildProcess | undefined;
let calls = 0;
function cli(argv: string[], cwd: string): Promise<{ code: number; output: string }> {
  child ??= fork(join(projectRoot, 'test/support/cli-child.mjs'), [join(projectRoot, 'build/gazette.cjs')], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const running = child;
  const id = ++calls;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      running.kill('SIGKILL');
      child = undefined;
      reject(new Error(`gazette ${argv.join(' ')} did not end within ${CASE_MS} ms (a hang)`));
    }, CASE_MS);
    const onMessage = (message: { id: number; code: number; output: string }): void => {
      if (message.id !== id) return;
      clearTimeout(timer);
      running.off('message', onMessage);
      resolve(message);
    };
    running.on('message', onMessage);
    running.send({ id, argv, cwd });
  });
}

afterAll(() => {
  child?.kill();
});

/** Files a run may leave only while it runs: staging folders and temporary files. */
function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.tmp$|\.staging-|\.old-/.test(name));
}

describe('fuzzing check and build', () => {
  it(`survives random documents for ${BUDGET_MS / 1000} s`, async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(documentFile, { minLength: 1, maxLength: 3 }), async (files) => {
        const root = project();
        try {
          files.forEach((bytes, i) => writeFileSync(join(root, `documents/2021-4/fuzz-${i}.md`), bytes));
          for (const argv of [['check'], ['build', '2021-4', '--draft', '--format', 'pdf,html']]) {
            const { code, output } = await cli(argv, root);
            expect([0, 1], `${argv.join(' ')} exited ${code}:\n${output}`).toContain(code);
            expect(leftovers(root), `${argv.join(' ')} left files behind`).toEqual([]);
            expect(output).not.toMatch(/internal error|内部错误|\n\s+at .+:\d+:\d+/u);
            const out = join(root, 'dist/2021-4');
            if (argv[0] === 'build' && code === 0) {
              const written = (JSON.parse(readFileSync(join(out, '.gazette-output'), 'utf8')) as { files: string[] }).files;
              for (const file of written) expect(existsSync(join(out, file)), file).toBe(true);
            } else if (argv[0] === 'build') expect(existsSync(out)).toBe(false);
          }
          cases++;
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 100_000, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false, seed: Number(process.env.GAZETTE_FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    console.log(`fuzz: ${cases} cases`);
    expect(cases).toBeGreaterThan(3);
  }, BUDGET_MS + 60_000);
});
