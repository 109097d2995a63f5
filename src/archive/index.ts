/**
 * Archive builds: which issues a CI shard builds, and one digest of everything an issue's output depends on, so
 * that an unchanged issue is skipped.
 */
import { createHash } from 'node:crypto';

/** FNV-1a of the issue id, so that a shard keeps its issues whatever else the archive holds. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** The shard (1 … `count`) an issue belongs to. */
export function shardOf(issue: string, count: number): number {
  return (fnv1a(issue) % count) + 1;
}

/** A named input of a build: a file's bytes, or a setting. */
export type Input = readonly [name: string, content: Uint8Array | string];

/** SHA-256 over the inputs in the order given, each framed by its name and length so no two lists collide. */
export function digestInputs(inputs: Iterable<Input>): string {
  const hash = createHash('sha256');
  for (const [name, content] of inputs) {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    hash.update(`${name}\0${bytes.byteLength}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}
