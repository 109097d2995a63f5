// A synthetic archive for benchmarks and tests: `count` issues of the bundled issue's size. Issue k is 2021-4's
// documents with every 发文字号 sequence moved by 1000·(k+1) (so numbers stay unique across the archive), filed as
// number k mod 4 + 1 of 2022+⌊k/4⌋, with consecutive totals and published in a month of that year.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Writes documents/ with gazette.yml and `count` issues into `target`, copied from the issue 2021-4 of `source`
 * (a documents/ folder; default the bundled one); returns the issue folder names.
 */
export function writeSyntheticArchive(target, count, source = join(root, 'documents')) {
  mkdirSync(join(target, 'documents'), { recursive: true });
  cpSync(join(source, 'gazette.yml'), join(target, 'documents', 'gazette.yml'));
  const ids = [];
  for (let k = 0; k < count; k++) {
    const year = 2022 + Math.floor(k / 4);
    const number = (k % 4) + 1;
    const id = `${year}-${number}`;
    const dir = join(target, 'documents', id);
    cpSync(join(source, '2021-4'), dir, { recursive: true });
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
      const text = readFileSync(join(dir, name), 'utf8').replace(/〔2021〕(\d+)号/gu, (_, n) => `〔2021〕${Number(n) + 1000 * (k + 1)}号`);
      writeFileSync(join(dir, name), text);
    }
    writeFileSync(join(dir, 'issue.yml'), `year: ${year}\nnumber: ${number}\ntotal: ${k + 1}\npublished: ${year}-${String(number * 3).padStart(2, '0')}-01\n`);
    ids.push(id);
  }
  return ids;
}
