/**
 * Titles break between words (GB/T 9704 §7.3.1: 回行时词意完整): real titles of this gazette and of others, set in
 * the title style of each bundled template at its measure, never end a line inside a word of ICU's segmenter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/index.js';
import { breakBalanced, type Line } from '../../src/paginate/linebreak.js';
import { wordBoundaries } from '../../src/shared/words.js';
import { parseTheme, resolveTemplate, type Theme } from '../../src/theme/index.js';
import { nodeHost, ROOT } from '../support/load-gazette.js';

/** Documents of 2021-4 and of other gazettes (国务院公报, provincial and municipal gazettes). */
const TITLES = [
  '上海市长宁区人民政府关于公布第七批区级非物质文化遗产名录的通知',
  '上海市长宁区人民政府关于印发《长宁区全民健身实施计划（2021—2025年）》的通知',
  '上海市长宁区人民政府关于印发修订的《上海市长宁区区长质量奖管理办法》的通知',
  '上海市长宁区人民政府关于同意无偿划转区教育局等五家委办局及下属单位持有企业股权的批复',
  '上海市长宁区人民政府关于表彰上海市长宁区区长质量奖获奖组织和个人的决定',
  '上海市长宁区人民政府办公室关于调整长宁区公平竞争审查联席会议的通知',
  '上海市长宁区人民政府办公室关于转发区生态环境局制订的《长宁区突发环境事件应急预案》的通知',
  '上海市长宁区人民政府办公室关于转发区绿化市容局制订的《长宁区生活垃圾分类减量工作行动计划（2021—2023）》的通知',
  '上海市长宁区人民政府办公室印发《长宁区教育数字化转型实验区发展三年行动实施方案（2021—2023）》的通知',
  '上海市长宁区财政局关于印发《上海市长宁区政府购买服务管理办法》的通知',
  '《上海市长宁区区长质量奖管理办法》政策解读',
  '《上海市长宁区政府购买服务管理办法》政策解读',
  '国务院关于印发“十四五”数字经济发展规划的通知',
  '国务院关于同意在天津、上海、海南、重庆开展服务业扩大开放综合试点的批复',
  '国务院办公厅关于进一步加大对中小企业纾困帮扶力度的通知',
  '国务院关于取消和下放一批行政许可事项的决定',
  '国务院办公厅关于印发全国一体化政务服务平台移动端建设指南的通知',
  '国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知',
  '国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见',
  '国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见',
  '国务院办公厅关于加快发展保障性租赁住房的意见',
  '国务院关于落实《政府工作报告》重点工作分工的意见',
  '国务院办公厅关于印发“十四五”全民医疗保障规划的通知',
  '国务院关于修改和废止部分行政法规的决定',
  '国务院办公厅关于全面加强新时代语言文字工作的意见',
  '国务院关于印发新时期促进集成电路产业和软件产业高质量发展若干政策的通知',
  '国务院办公厅关于以新业态新模式引领新型消费加快发展的意见',
  '国务院关于进一步提高上市公司质量的意见',
  '国务院办公厅关于切实解决老年人运用智能技术困难实施方案的通知',
  '国务院关于开展第七次全国人口普查的通知',
  '国务院关于同意撤销部分县设立县级市的批复',
  '国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见',
  '国务院关于授权和委托用地审批权的决定',
  '国务院办公厅转发国家发展改革委关于推动生活性服务业补短板上水平提高人民生活品质若干意见的通知',
  '中共中央办公厅、国务院办公厅关于调整住房公积金缴存单位和个人缴存比例有关问题的通知',
  '自然资源部、财政部关于做好示例资金管理工作的通知',
  '上海市人民政府办公厅关于印发《上海市全面推进城市数字化转型“十四五”规划》的通知',
  '广东省人民政府关于印发广东省数字政府改革建设“十四五”规划的通知',
  '北京市人民政府关于印发《北京市“十四五”时期国际科技创新中心建设规划》的通知',
  '浙江省人民政府关于印发浙江省数字经济发展“十四五”规划的通知',
  '江苏省人民政府关于撤销部分事业单位并调整相关职能的通知',
  '四川省人民政府办公厅关于进一步做好稳就业工作的实施意见',
  '湖北省人民政府关于公布省级行政权力清单和责任清单的决定',
  '重庆市人民政府关于同意撤销重庆市渝中区部分街道设立新街道的批复',
];

const font = (theme: Theme) => loadFonts(theme, nodeHost()).value.get(theme.styles.title.font);

function templateTheme(name: string): Theme {
  const resolved = resolveTemplate(name, (path) => {
    try {
      return readFileSync(join(ROOT, path), 'utf8');
    } catch {
      return undefined;
    }
  });
  if ('missing' in resolved) throw new Error(resolved.missing);
  return parseTheme(resolved.layers).value!;
}

function titleLines(theme: Theme, title: string): Line[] {
  const { page, styles } = theme;
  return breakBalanced(title, { font: font(theme), size: styles.title.size, width: page.width - page.margins.left - page.margins.right, maxSpacing: 0 });
}

describe.each(['default', 'state-council'])('titles in the %s template', (template) => {
  const theme = templateTheme(template);
  const measure = theme.page.width - theme.page.margins.left - theme.page.margins.right;

  it(`breaks none of ${TITLES.length} real titles inside a word`, () => {
    expect(TITLES.length).toBeGreaterThanOrEqual(40);
    const split: string[] = [];
    let multiLine = 0;
    for (const title of TITLES) {
      const lines = titleLines(theme, title);
      expect(lines.map((l) => l.text).join('')).toBe(title);
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(measure + 0.01);
      if (lines.length > 1) multiLine++;
      const words = wordBoundaries(title);
      for (const line of lines.slice(0, -1)) if (!words.has(line.end)) split.push(`${title.slice(0, line.end)}/${title.slice(line.end)}`);
    }
    expect(split).toEqual([]);
    // The list has to exercise breaking at all.
    expect(multiLine).toBeGreaterThan(TITLES.length / 2);
  });

  it('keeps the words the old breaker split (区教育/局, 数字化转/型, 撤/销, 单/位) whole', () => {
    let seen = 0;
    for (const title of TITLES) {
      const breaks = titleLines(theme, title).slice(0, -1).map((line) => line.end);
      for (const word of ['教育局', '转型', '撤销', '单位']) {
        for (let at = title.indexOf(word); at >= 0; at = title.indexOf(word, at + 1)) {
          seen++;
          expect(breaks.filter((b) => b > at && b < at + word.length), `${title}: ${word}`).toEqual([]);
        }
      }
    }
    expect(seen).toBeGreaterThan(5);
  });
});
