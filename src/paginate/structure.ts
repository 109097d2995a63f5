/** Nodes of the logical structure (the tagged PDF's tree), made where layout decides how a node is set. */
import type { StructNode, StructType } from '../model/layout.js';

export function structNode(type: StructType, parent?: StructNode, extra: Omit<StructNode, 'type' | 'parent'> = {}): StructNode {
  return { type, ...(parent ? { parent } : {}), ...extra };
}

const HEADINGS: readonly StructType[] = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'];

/**
 * Heading levels under a title at level `base` (1-based): each heading is one level below the nearest earlier
 * heading of a higher rank in the source, so a document that starts at （一） or skips a rank never skips a level
 * (PDF/UA forbids it). Below H6 headings stay at H6.
 */
export class HeadingLevels {
  /** Source ranks of the open headings with the level each got. */
  private readonly open: { rank: number; level: number }[] = [];

  constructor(private readonly base: number) {}

  next(rank: number): StructType {
    while (this.open.length > 0 && this.open.at(-1)!.rank >= rank) this.open.pop();
    const level = Math.min(HEADINGS.length, (this.open.at(-1)?.level ?? this.base) + 1);
    this.open.push({ rank, level });
    return HEADINGS[level - 1]!;
  }
}
