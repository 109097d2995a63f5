import { describe, expect, it } from 'vitest';
import { isBareArticle, isDivisionHeading } from '../../src/shared/articles.js';

describe('the parts of a regulation', () => {
  it.each([
    ['第一章　总则', true, false],
    ['第十二章 附则', true, false],
    ['第二节', true, false],
    ['第三编　分则', true, false],
    ['第一节课程安排在上午。', false, false],
    ['第五条', false, true],
    ['第五条（适用范围）', false, true],
    ['第五条　本办法适用于本省。', false, false],
    ['第五条（适用范围）本办法适用于本省。', false, false],
    ['第一百零一条', false, true],
  ])('%s: division %s, bare article %s', (text, division, bare) => {
    expect([isDivisionHeading(text), isBareArticle(text)]).toEqual([division, bare]);
  });
});
