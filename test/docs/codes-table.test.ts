/** README's table of diagnostic codes is the one the rules and the catalogue render (npm run docs:codes). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/project.js';

describe('README codes table', () => {
  it('matches the rules’ metadata and the message catalogue', () => {
    const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'codes-table.js'), '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
