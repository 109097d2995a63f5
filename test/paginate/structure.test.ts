/** Heading levels of the tagged PDF: relative to the source's ranks, never skipping a level. */
import { describe, expect, it } from 'vitest';
import { HeadingLevels } from '../../src/paginate/structure.js';

describe('HeadingLevels', () => {
  it.each([
    { ranks: [2, 3, 4, 2, 3], levels: ['H3', 'H4', 'H5', 'H3', 'H4'], why: '一、（一）1. under a title at H2' },
    { ranks: [3, 3, 2, 3], levels: ['H3', 'H3', 'H3', 'H4'], why: 'a document that starts at （一）' },
    { ranks: [2, 4, 4, 3], levels: ['H3', 'H4', 'H4', 'H4'], why: 'a skipped rank (一、 then 1.) takes the next level' },
    { ranks: [1, 2, 3, 4, 5, 5], levels: ['H3', 'H4', 'H5', 'H6', 'H6', 'H6'], why: 'below H6 headings stay at H6' },
    { ranks: [0, 2, 0, 3], levels: ['H3', 'H4', 'H3', 'H4'], why: 'an attachment title (rank 0) above its headings' },
  ])('$why', ({ ranks, levels }) => {
    const headings = new HeadingLevels(2);
    expect(ranks.map((rank) => headings.next(rank))).toEqual(levels);
  });
});
