/**
 * `target.push(...items)` without the spread: a call takes at most some 100,000 arguments, and a document may
 * have more rows, blocks or diagnostics than that ("Maximum call stack size exceeded").
 */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
