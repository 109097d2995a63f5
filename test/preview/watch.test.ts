/**
 * The preview sees every save, whatever the editor does: each kind of change on a temp project must be followed by
 * a rebuild within 2 s, and the same file saved three times more must rebuild each time (Node 20's recursive
 * fs.watch went deaf after the first rename-over, so the second save is where the bug showed).
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer, type RebuildEvent } from '../../src/preview/index.js';

const WITHIN_MS = 2000;

let root: string;
let server: PreviewServer;
let saves = 0;

function write(path: string, text = `---\ntitle: 第${++saves}稿\n---\n`): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** vim, Emacs, JetBrains safe write, `sed -i`: write a temp file beside the original, rename it over. */
function renameOver(path: string): void {
  const temporary = join(root, dirname(path), `.${saves}.tmp`);
  writeFileSync(temporary, `---\ntitle: 第${++saves}稿\n---\n`);
  renameSync(temporary, join(root, path));
}

/** Resolves with the next build that finishes after `action` runs; fails after WITHIN_MS. */
async function rebuildAfter(action: () => void): Promise<RebuildEvent> {
  const next = new Promise<RebuildEvent>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no rebuild within ${WITHIN_MS} ms`));
    }, WITHIN_MS);
    const stop = server.rebuilt((event) => {
      clearTimeout(timer);
      stop();
      resolve(event);
    });
  });
  action();
  return next;
}

/** The bug showed on the second save of a file: save it three times, each must rebuild. */
async function savedThreeTimes(path: string, save: (path: string) => void = renameOver): Promise<void> {
  for (let i = 0; i < 3; i++) await rebuildAfter(() => save(path));
}

describe('the preview watcher', () => {
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'gazette-watch-'));
    write('documents/gazette.yml', 'name: 测试公报\n');
    write('documents/2021-4/a.md');
    write('documents/2021-4/b.md');
    write('node_modules/x/index.js', '');
    server = await startPreview({
      port: 0,
      build: async () => ({ html: `<p>${saves}</p>`, css: '', problems: [] }),
      watch: { root, folders: ['documents', 'templates'] },
      log: () => {},
    });
  });

  afterEach(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sees a file written in place, every time', async () => {
    await savedThreeTimes('documents/2021-4/a.md', (path) => write(path));
  });

  it('sees a file renamed over (atomic save), every time', async () => {
    await savedThreeTimes('documents/2021-4/a.md');
    // The other file in the folder is still seen as well.
    await savedThreeTimes('documents/2021-4/b.md');
  });

  it('sees a file deleted and created again', async () => {
    for (let i = 0; i < 3; i++) {
      await rebuildAfter(() => {
        unlinkSync(join(root, 'documents/2021-4/a.md'));
        write('documents/2021-4/a.md');
      });
    }
    await savedThreeTimes('documents/2021-4/a.md');
  });

  it('sees a new document and its later saves', async () => {
    await rebuildAfter(() => write('documents/2021-4/c.md'));
    await savedThreeTimes('documents/2021-4/c.md');
  });

  it('sees a new issue folder and the documents saved in it', async () => {
    await rebuildAfter(() => write('documents/2022-1/a.md'));
    await savedThreeTimes('documents/2022-1/a.md');
  });

  it('sees a folder renamed, and saves inside it under its new name', async () => {
    await rebuildAfter(() => renameSync(join(root, 'documents/2021-4'), join(root, 'documents/2021-5')));
    await savedThreeTimes('documents/2021-5/a.md');
    await rebuildAfter(() => renameSync(join(root, 'documents/2021-5'), join(root, 'documents/2021-4')));
    await savedThreeTimes('documents/2021-4/a.md');
  });

  it('builds once for a folder renamed or deleted (one burst, though its files go a moment later)', async () => {
    const count = async (action: () => void): Promise<number> => {
      let builds = 0;
      const stop = server.rebuilt(() => void builds++);
      action();
      await new Promise((resolve) => setTimeout(resolve, 800));
      stop();
      return builds;
    };
    expect(await count(() => renameSync(join(root, 'documents/2021-4'), join(root, 'documents/2021-5')))).toBe(1);
    expect(await count(() => rmSync(join(root, 'documents/2021-5'), { recursive: true }))).toBe(1);
  });

  it('sees a folder deleted, and one created in its place', async () => {
    await rebuildAfter(() => rmSync(join(root, 'documents/2021-4'), { recursive: true }));
    await rebuildAfter(() => write('documents/2021-4/a.md'));
    await savedThreeTimes('documents/2021-4/a.md');
  });

  it('sees documents/ itself deleted and recreated', async () => {
    await rebuildAfter(() => rmSync(join(root, 'documents'), { recursive: true }));
    await rebuildAfter(() => write('documents/2021-4/a.md'));
    await savedThreeTimes('documents/2021-4/a.md');
    await savedThreeTimes('documents/gazette.yml', (path) => write(path, `name: 公报${saves++}\n`));
  });

  it('sees templates/, also when it is created after the preview started', async () => {
    await rebuildAfter(() => write('templates/default/theme.yml', 'page: {}\n'));
    await savedThreeTimes('templates/default/theme.yml');
    await savedThreeTimes('templates/default/html/style.css', (path) => write(path, `p { order: ${saves++} }`));
  });

  it('ignores files outside documents/ and templates/ and editors’ scratch files', async () => {
    let builds = 0;
    const stop = server.rebuilt(() => builds++);
    write('node_modules/x/index.js', 'changed');
    write('dist/2021-4/index.html', '<p>');
    write('documents/2021-4/.a.md.swp', 'swap');
    write('documents/2021-4/a.md~', 'backup');
    await new Promise((resolve) => setTimeout(resolve, 600));
    stop();
    expect(builds).toBe(0);
    // …while a real save still gets through afterwards.
    await savedThreeTimes('documents/2021-4/a.md');
  });
});
