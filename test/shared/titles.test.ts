import { describe, expect, it } from 'vitest';
import { headNumber, listedTitle } from '../../src/shared/titles.js';

describe('listedTitle', () => {
  it.each([
    [{ title: '关于印发某方案的通知', number: '长府〔2021〕46号', numberKind: 'document' }, '关于印发某方案的通知'],
    [{ title: '中华人民共和国国务院令', number: '中华人民共和国国务院令第770号', numberKind: 'order' }, '中华人民共和国国务院令第770号'],
    [{ title: '某省人民政府令', number: '某省人民政府令2021年第3号', numberKind: 'order' }, '某省人民政府令2021年第3号'],
    [{ title: '某某暂行办法', number: '某省人民政府令第5号', numberKind: 'order' }, '某某暂行办法（某省人民政府令第5号）'],
    [{ title: '人事任免事项' }, '人事任免事项'],
  ])('%o → %s', (meta, expected) => {
    expect(listedTitle(meta)).toBe(expected);
  });
});

describe('headNumber', () => {
  it.each([
    [{ title: '中华人民共和国国务院令', number: '中华人民共和国国务院令第770号', numberKind: 'order' }, '第770号'],
    [{ title: '中华人民共和国国务院令', number: '国务院令第770号', numberKind: 'order' }, '第770号'],
    [{ title: '某省人民政府令', number: '某省人民政府令2021年第3号', numberKind: 'order' }, '2021年第3号'],
    // Under a title that does not name the body, the 令号 is the only place that does.
    [{ title: '某某暂行办法', number: '某省人民政府令第5号', numberKind: 'order' }, '某省人民政府令第5号'],
    [{ title: '国务院关于某事的通知', number: '国发〔2024〕1号', numberKind: 'document' }, '国发〔2024〕1号'],
    [{ title: '人事任免事项' }, undefined],
  ])('%o → %s', (meta, expected) => {
    expect(headNumber(meta)).toBe(expected);
  });
});
