/**
 * Fuzzing `check` and `build --format pdf,html --draft` with random Markdown, front matter and bytes, for a bounded
 * time: every run must end with exit 0 or 1, print no stack trace or internal error, take bounded time, and leave
 * either a complete output set or none.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/program.js';
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

async function cli(argv: string[], cwd: string): Promise<{ code: number; output: string }> {
  let output = '';
  const write = (text: string): void => void (output += text);
  const code = await run(argv, { stdout: write, stderr: write, cwd, env: { NO_COLOR: '1' }, isTTY: false });
  return { code, output };
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
            const started = performance.now();
            const { code, output } = await cli(argv, root);
            expect(performance.now() - started, `${argv[0]} took too long`).toBeLessThan(CASE_MS);
            expect([0, 1], `${argv.join(' ')} exited ${code}:\n${output}`).toContain(code);
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
