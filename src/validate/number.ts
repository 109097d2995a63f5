/** Reads a 发文字号 loosely so each rule can name exactly what is wrong (GB/T 9704 §7.2.5). */
import { toAsciiDigits } from '../shared/number.js';


const openers = '[［【〖(（〘﹝〔';
const closers = ']］】〗)）〙﹞〕';

/**
 * Traditional forms seen in converted copies (a Big5 round trip, a pasted Hong Kong or Taiwan copy), mapped to the
 * simplified characters GB/T 9704 uses: the characters of agency names and document numbers.
 */
export const traditionalToSimplified: Readonly<Record<string, string>> = {
  來: '来', 係: '系', 倉: '仓', 備: '备', 傳: '传', 價: '价', 億: '亿', 優: '优', 儲: '储', 兒: '儿', 務: '务', 區: '区', 協: '协', 單: '单',
  嚴: '严', 國: '国', 園: '园', 圖: '图', 團: '团', 執: '执', 堅: '坚', 報: '报', 場: '场', 壓: '压', 壞: '坏', 夠: '够', 婦: '妇', 實: '实',
  寧: '宁', 審: '审', 寶: '宝', 專: '专', 導: '导', 層: '层', 屬: '属', 嶺: '岭', 師: '师', 帶: '带', 幫: '帮', 幹: '干', 庫: '库', 廠: '厂',
  廢: '废', 廣: '广', 廳: '厅', 強: '强', 彈: '弹', 復: '复', 態: '态', 慶: '庆', 憲: '宪', 應: '应', 懷: '怀', 戰: '战', 戶: '户', 擔: '担',
  據: '据', 擬: '拟', 擴: '扩', 敗: '败', 數: '数', 斷: '断', 時: '时', 晉: '晋', 書: '书', 會: '会', 東: '东', 條: '条', 楊: '杨', 業: '业',
  極: '极', 構: '构', 樓: '楼', 標: '标', 樣: '样', 橋: '桥', 機: '机', 檔: '档', 檢: '检', 權: '权', 歡: '欢', 歲: '岁', 歷: '历', 歸: '归',
  氣: '气', 決: '决', 沒: '没', 測: '测', 滅: '灭', 滬: '沪', 漢: '汉', 濟: '济', 灣: '湾', 災: '灾', 為: '为', 烏: '乌', 無: '无', 熱: '热',
  燈: '灯', 營: '营', 爭: '争', 爾: '尔', 牆: '墙', 獎: '奖', 獨: '独', 現: '现', 環: '环', 瓊: '琼', 產: '产', 畝: '亩', 畢: '毕', 畫: '画',
  異: '异', 當: '当', 療: '疗', 發: '发', 盡: '尽', 監: '监', 盤: '盘', 確: '确', 碼: '码', 礦: '矿', 禦: '御', 禮: '礼', 稅: '税', 種: '种',
  稱: '称', 積: '积', 穩: '稳', 窮: '穷', 競: '竞', 筆: '笔', 節: '节', 範: '范', 築: '筑', 簡: '简', 粵: '粤', 糧: '粮', 紀: '纪', 約: '约',
  紅: '红', 紙: '纸', 級: '级', 終: '终', 組: '组', 結: '结', 絕: '绝', 給: '给', 統: '统', 經: '经', 綠: '绿', 網: '网', 緊: '紧', 線: '线',
  緣: '缘', 練: '练', 縣: '县', 縮: '缩', 總: '总', 績: '绩', 織: '织', 繼: '继', 續: '续', 罰: '罚', 罷: '罢', 義: '义', 習: '习', 聞: '闻',
  聯: '联', 聲: '声', 職: '职', 脫: '脱', 膽: '胆', 臺: '台', 與: '与', 興: '兴', 舉: '举', 舊: '旧', 艦: '舰', 華: '华', 藥: '药', 蘇: '苏',
  蘭: '兰', 處: '处', 虛: '虚', 號: '号', 衛: '卫', 補: '补', 裝: '装', 製: '制', 複: '复', 襲: '袭', 見: '见', 規: '规', 視: '视', 覺: '觉',
  覽: '览', 觀: '观', 訂: '订', 計: '计', 訓: '训', 託: '托', 記: '记', 設: '设', 許: '许', 評: '评', 詢: '询', 試: '试', 該: '该', 認: '认',
  語: '语', 說: '说', 調: '调', 請: '请', 論: '论', 謀: '谋', 講: '讲', 證: '证', 議: '议', 護: '护', 讓: '让', 豐: '丰', 貝: '贝', 負: '负',
  財: '财', 貢: '贡', 貧: '贫', 貨: '货', 責: '责', 貴: '贵', 費: '费', 貿: '贸', 資: '资', 賓: '宾', 賣: '卖', 質: '质', 賬: '账', 購: '购',
  贈: '赠', 贊: '赞', 贛: '赣', 趕: '赶', 車: '车', 軌: '轨', 軍: '军', 軟: '软', 較: '较', 輔: '辅', 輕: '轻', 輛: '辆', 輸: '输', 轉: '转',
  辦: '办', 農: '农', 逕: '径', 這: '这', 連: '连', 進: '进', 運: '运', 違: '违', 遠: '远', 適: '适', 選: '选', 遼: '辽', 還: '还', 邊: '边',
  郵: '邮', 鄉: '乡', 鄧: '邓', 鄭: '郑', 醫: '医', 釋: '释', 錄: '录', 錢: '钱', 鎮: '镇', 鐘: '钟', 鐵: '铁', 長: '长', 門: '门', 開: '开',
  間: '间', 閔: '闵', 閣: '阁', 閩: '闽', 閱: '阅', 闆: '板', 關: '关', 陝: '陕', 陰: '阴', 陸: '陆', 陽: '阳', 隊: '队', 際: '际', 隨: '随',
  險: '险', 隴: '陇', 雙: '双', 雜: '杂', 雞: '鸡', 離: '离', 難: '难', 雲: '云', 電: '电', 靈: '灵', 靜: '静', 韓: '韩', 項: '项', 須: '须',
  預: '预', 頒: '颁', 領: '领', 頻: '频', 題: '题', 類: '类', 顧: '顾', 顯: '显', 風: '风', 飛: '飞', 飯: '饭', 飲: '饮', 館: '馆', 馬: '马',
  驅: '驱', 驗: '验', 體: '体', 髮: '发', 鬥: '斗', 魚: '鱼', 魯: '鲁', 鳥: '鸟', 麥: '麦', 黃: '黄', 點: '点', 黨: '党', 齊: '齐', 齒: '齿',
  龍: '龙', 龜: '龟',
};

export interface NumberParts {
  raw: string;
  /** 代字 as written (whitespace removed). */
  code: string;
  open: string;
  year: string;
  close: string;
  /** Text between the closing bracket and the sequence, e.g. 第 or 字第. */
  infix: string;
  sequence: string;
  /** What follows the sequence: normally 号. */
  suffix: string;
}

const loose = new RegExp(
  `^(?<code>[^${escape(openers + closers)}0-9０-９]*?)(?<open>[${escape(openers)}])(?<year>[^${escape(closers)}]*)(?<close>[${escape(closers)}])(?<infix>[^0-9０-９]*)(?<sequence>[0-9０-９]+)(?<suffix>.*)$`,
  'u',
);

function escape(chars: string): string {
  return chars.replace(/[\]\\^[-]/g, '\\$&');
}

/** Splits a number into its parts, ignoring whitespace; undefined when no bracketed year can be found. */
export function splitNumber(raw: string): NumberParts | undefined {
  const match = loose.exec(raw.replace(/\s/gu, ''));
  if (!match?.groups) return undefined;
  const g = match.groups as Record<keyof Omit<NumberParts, 'raw'>, string>;
  return { raw, code: g.code, open: g.open, year: g.year, close: g.close, infix: g.infix, sequence: g.sequence, suffix: g.suffix };
}


/**
 * The safe normalisation `check --fix` applies: 〔〕 brackets, no whitespace, ASCII digits, no leading zeros.
 * Everything else (第, 字, traditional characters) is left for a human.
 */
export function safeNormalizeNumber(raw: string): string {
  const parts = splitNumber(raw);
  if (!parts) return raw;
  const year = toAsciiDigits(parts.year);
  const sequence = toAsciiDigits(parts.sequence).replace(/^0+(?=\d)/, '');
  return `${parts.code}〔${year}〕${parts.infix}${sequence}${parts.suffix}`;
}

/** The fully corrected form shown in hints: the safe normalisation plus removing 第/字 after the year and simplifying characters. */
export function suggestNumber(raw: string): string {
  const parts = splitNumber(safeNormalizeNumber(raw));
  if (!parts) return raw;
  const simplify = (text: string): string => [...text].map((c) => traditionalToSimplified[c] ?? c).join('');
  // A 代字 may itself end in 字 (…办规字〔2023〕2号); only 字 or 第 after the year is the forbidden form.
  const code = simplify(parts.code);
  // 号 doubled or missing is fixed; anything after it (46号之一) is the writer's to settle, so nothing is suggested.
  const written = simplify(parts.suffix);
  const suffix = /^号*$/u.test(written) ? '号' : written;
  return `${code}〔${parts.year}〕${parts.sequence}${suffix}`;
}
