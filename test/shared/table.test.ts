/** Header spans: GFM has no colspan, so empty header cells continue the filled cell before them. */
import { describe, expect, it } from 'vitest';
import { headerSpans } from '../../src/shared/table.js';

describe('headerSpans', () => {
  it.each([
    [['序号', '任务名称', '任务内容', '进度要求', '', '', '责任部门'], [1, 1, 1, 3, 0, 0, 1]],
    [['时间', '', '工作内容'], [2, 0, 1]],
    [['姓名', '任命职务'], [1, 1]],
    [['', '甲', '乙'], [1, 1, 1]],
    [['甲', ' ', ''], [3, 0, 0]],
  ])('%j → %j', (cells, spans) => expect(headerSpans(cells)).toEqual(spans));
});
