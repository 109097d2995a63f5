/**
 * Edges of the publishing outputs: two documents whose ids differ only in case are refused before they overwrite
 * each other's files; the OFD edition is the same bytes in every time zone; a foreign issue.json beside the
 * issues is left out of the feed instead of breaking the build.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { projectRoot } from '../support/project.js';
import { runCli, tempProject } from '../support/cli.js';

const made: string[] = [];
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

describe('publishing edges', () => {
  it('refuses two documents whose ids differ only in letter case, naming both', () => {
    const text = readFileSync(join(projectRoot, 'documents/2021-4/cfg-2021-52.md'), 'utf8');
    const root = tempProject({ 'documents/2021-4/note.md': text, 'documents/2021-4/Note.MD': text.replace('〔2021〕52号', '〔2021〕152号') });
    made.push(root);
    const result = runCli(['check', '2021-4'], root);
    expect(result.code).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toContain('document-id-duplicate');
    expect(output).toContain('documents/2021-4/note.md');
    expect(output).toContain('documents/2021-4/Note.MD');
  });

  it('writes the same OFD bytes whatever the machine time zone', async () => {
    const host = createNodeHost(join(projectRoot, 'test/fixtures/layout'), { cache: false });
    const zone = process.env.TZ;
    const build = async (tz: string): Promise<Buffer> => {
      process.env.TZ = tz;
      const result = await compile(host, { issue: '2021-4', draft: false, formats: ['ofd'] });
      return Buffer.from(result.files![0]!.data as Uint8Array);
    };
    try {
      const utc = await build('UTC');
      expect((await build('America/New_York')).equals(utc)).toBe(true);
      expect((await build('Asia/Shanghai')).equals(utc)).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  }, 60_000);

  it('leaves a foreign issue.json out of the feed, and still builds', () => {
    const root = tempProject({}, { bundledIssue: true });
    made.push(root);
    mkdirSync(join(root, 'dist/other'), { recursive: true });
    writeFileSync(join(root, 'dist/other/.gazette-output'), '{"files":["issue.json"]}\n');
    writeFileSync(join(root, 'dist/other/issue.json'), '{"hello":"world"}\n');
    const result = runCli(['build', '2021-4', '--format', 'json'], root);
    expect(result.code, result.stderr).toBe(0);
    const feed = readFileSync(join(root, 'dist/feed.xml'), 'utf8');
    expect(feed.match(/<entry>/gu)?.length).toBe(13);
  });
});
