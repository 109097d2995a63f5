/** Writing an output set where the user asked for it, and saying so, as every command that writes one does. */
import { isAbsolute, relative } from 'node:path';
import type { Lang } from '../report/index.js';
import { ownsOutput, writeOutputSet, type Io } from './io.js';

const messages = {
  zh: {
    notOurs: (dir: string) => `✖ 输出目录 ${dir} 中已有其他文件（不是 gazette 生成的），未写入任何文件。请用 --out 指定一个空目录，或先移走这些文件\n`,
    writeFailed: (path: string, reason: string) => `✖ 无法写入 ${path}：${reason}。请检查该目录的写入权限和磁盘空间，或用 --out 换一个目录\n`,
  },
  en: {
    notOurs: (dir: string) => `✖ The output folder ${dir} holds other files (not written by gazette); nothing was written. Choose an empty folder with --out, or move those files\n`,
    writeFailed: (path: string, reason: string) => `✖ Cannot write ${path}: ${reason}. Check its permissions and the free space, or choose another folder with --out\n`,
  },
};

/** A written file as the user can find it: relative to the current folder when inside it, else absolute. */
export function shownPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
}

/** Says that `path` could not be written, and why (the system's code). */
export function writeFailed(io: Io, lang: Lang, path: string, reason: string): void {
  io.stderr(messages[lang].writeFailed(shownPath(io.cwd, path), reason));
}

/** Writes `files` into `dir` as one set (see writeOutputSet); returns 2 after saying why it could not. */
export function writeForUser(dir: string, files: Parameters<typeof writeOutputSet>[1], io: Io, lang: Lang): 2 | undefined {
  if (!ownsOutput(dir)) {
    io.stderr(messages[lang].notOurs(shownPath(io.cwd, dir)));
    return 2;
  }
  try {
    writeOutputSet(dir, files);
  } catch (error) {
    writeFailed(io, lang, dir, (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)));
    return 2;
  }
  return undefined;
}
