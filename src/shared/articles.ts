/**
 * The parts of a regulation's text (条例, 办法): 第X编, 第X章 and 第X节 head its divisions and are set centred, as
 * regulations print them; 第X条 numbers its articles, which are paragraphs.
 */
const NUMERAL = '[〇零一二三四五六七八九十百千两]+';

/** 第一章　总则, 第二节, 第三编　附则: the heading of a division. */
export const isDivisionHeading = (text: string): boolean => new RegExp(`^第${NUMERAL}[编章节](?:[\\s\\u3000]|$)`, 'u').test(text.trim());

/** 第五条 or 第五条（适用范围） alone: an article's number standing as its heading, the article's text below. */
export const isBareArticle = (text: string): boolean => new RegExp(`^第${NUMERAL}条[\\s\\u3000]*(?:（[^）]*）[\\s\\u3000]*)?$`, 'u').test(text.trim());
