/** Prints a setup problem (no documents/, unknown issue …) in the user's language; these exit with 2. */
import type { SetupProblem } from '../load/index.js';
import { describe, type Lang } from '../diagnostics/codes.js';
import type { Io } from './io.js';

export function reportSetup(problem: SetupProblem, lang: Lang, io: Io): number {
  const text = describe(problem.code, problem.args, undefined, lang);
  io.stderr(`${lang === 'zh' ? '错误' : 'error'}: ${text.message}\n${text.hint ? `  ${text.hint}\n` : ''}`);
  return 2;
}
