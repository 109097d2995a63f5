/** The core stays pure: no file system, environment or clock outside the CLI, the Node host and the preview server. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './support/project.js';

const src = join(projectRoot, 'src');
const edges = [/^cli\//, /^host\/(node-host|cache-folders|code-cache)\.ts$/, /^preview\//];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const core = sources(src)
  .map((path) => relative(src, path).replace(/\\/g, '/'))
  .filter((path) => !edges.some((edge) => edge.test(path)));

describe('architecture', () => {
  it.each(core)('%s does not touch fs, env or the clock', (path) => {
    const code = readFileSync(join(src, path), 'utf8');
    expect(code).not.toMatch(/from ['"](node:)?(fs|fs\/promises|child_process|http|net)['"]/);
    expect(code).not.toMatch(/process\.(env|cwd|argv|exit)/);
    expect(code).not.toMatch(/Date\.now\(|new Date\(\)|performance\.now\(/);
  });

  it.each(core.filter((path) => path.startsWith('model/')))('%s holds types only', (path) => {
    const code = readFileSync(join(src, path), 'utf8');
    expect(code).not.toMatch(/^export (const|function|class)/m);
  });

  it.each(core)('%s reaches other stages only through their index.ts', (path) => {
    const stages = ['load', 'parse', 'validate', 'order', 'paginate', 'read', 'import', 'write/pdf', 'write/html', 'write/json', 'write/docs', 'write/annual', 'write/ofd', 'write/svg', 'write', 'fonts', 'theme', 'fix', 'report', 'scaffold'];
    const own = stages.find((stage) => path.startsWith(`${stage}/`));
    const code = readFileSync(join(src, path), 'utf8');
    const targets = [...code.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => join(path, '..', m[1]!).replace(/\\/g, '/'));
    for (const target of targets) {
      const stage = stages.find((s) => target.startsWith(`${s}/`));
      if (stage && stage !== own) expect(target, `${path} imports ${target}`).toBe(`${stage}/index.js`);
    }
  });

  it('only pipeline.ts and the CLI reach every stage', () => {
    const stageImports = (path: string): string[] => [...readFileSync(join(src, path), 'utf8').matchAll(/from '\.\.\/(paginate|write)\//g)].map((m) => m[1]!);
    for (const path of core.filter((p) => p.startsWith('validate/') || p.startsWith('parse/') || p.startsWith('load/') || p.startsWith('order/'))) {
      expect(stageImports(path), path).toEqual([]);
    }
  });
});
