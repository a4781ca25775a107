#!/usr/bin/env node
/**
 * Generates the bundled Yunnan sample evaluation (samples/yunnan-2022/).
 *
 *   node samples/yunnan-2022/generate.mjs [OUT_DIR]
 *
 * OUT_DIR defaults to this script's folder. Writes OUT_DIR/counties.csv, OUT_DIR/indicators.yaml
 * (a byte-identical copy of indicators/yunnan-2022-midterm.yaml) and OUT_DIR/evidence/*.csv
 * (removing any other .csv/.xlsx there), and prints the calibration figures it reached.
 * Run it from anywhere: its inputs are found from this file's location.
 *
 * Inputs, read only when generating (the generated files are committed, so scoring never needs them):
 * - reference/yunnan-counties.csv beside this file (129 divisions, codes, 16 prefectures; from
 *   modood/Administrative-divisions-of-China, see reference/README.md);
 * - indicators/yunnan-2022-midterm.yaml of the repository.
 *
 * Plain Node (>= 20) ESM, no dependencies. Deterministic: every random draw comes from a seeded
 * PRNG keyed by what it is for (county, round, item), so rerunning reproduces every file byte for
 * byte, and changing one item's generator does not reshuffle the others.
 *
 * Real: the divisions, the calibration figures and the measures the 2022 report credits to named
 * counties (section 1). Synthetic: everything else, including the choice of the 50 first-batch
 * counties (section 2). See README.md beside this file.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ════════════════════════════════════════════════════════════════════════════════════════════════
// 1. Real figures and where they come from (public sources, listed in README.md beside this file)
// ════════════════════════════════════════════════════════════════════════════════════════════════

const REPORT = '云南省2022年法治政府建设示范创建情况报告';
const WHITE_PAPER = '云南省官方白皮书（2022年全省行政诉讼数据）';

/** Province-wide figures, 2022 unless said otherwise. */
const PROVINCE = {
  /** 行政机关负责人出庭应诉率 2022: 80.98% (2013: 20.34%; 2023: 85.52%). Source: WHITE_PAPER. */
  appearance2022: 0.8098,
  /** 行政诉讼败诉率 2022: 17.85% (1,116 of 6,251 first-instance cases decided, 审结), “同比上升4.85个百分点”:
   *  2021 was about 13.0%. The rate ROSE in 2022. Source: WHITE_PAPER. */
  lossRate2022: 0.1785,
  lossRate2021: 0.13,
  /** 法治建设群众满意率: 2021 97.6%, 2022 97.77% (province survey, not reproduced: the counties'
   *  S7.4.1 values spread over 91%–98%, the range the report and the indicator file give). */
  satisfaction: { 2021: 0.976, 2022: 0.9777, countyLow: 0.91, countyHigh: 0.98 },
};

/** Prefectures whose 出庭应诉率 reached 100% in 2022, and who says so. */
const APPEARANCE_FULL_2022 = {
  '532300': { name: '楚雄州', source: REPORT },
  '532500': { name: '红河州', source: WHITE_PAPER },
  '530400': { name: '玉溪市', source: WHITE_PAPER },
};

/**
 * First-instance administrative cases newly received (新收) in 2022 by prefecture. REAL for the five
 * largest and the three smallest the WHITE_PAPER names: 昆明 1,370, 昭通 770, 曲靖 388, 大理 336
 * (the fifth of the five largest is the 铁路运输法院, 452, not a prefecture), 迪庆 23, 德宏 48,
 * 怒江 107 — together with the railway court's 452 the five largest are 60.72% of all new cases,
 * about 5,461. The other nine are SYNTHETIC, each between the smallest named (107) and the fifth
 * largest (336), adding up to about what remains (5,461 − 452 − 3,042 ≈ 1,967). These count cases
 * received, not the 6,251 decided (审结): two statistics that need not add up to each other.
 * They only set the scale of each county's case counts.
 */
const CASES_2022 = {
  '530100': 1370, '530600': 770, '530300': 388, '532900': 336, // real: the largest (WHITE_PAPER)
  '533400': 23, '533100': 48, '533300': 107, // real: the smallest (WHITE_PAPER)
  '530400': 230, '530500': 200, '530700': 150, '530800': 220, '530900': 180, '532300': 250,
  '532500': 320, '532600': 240, '532800': 170, // synthetic
};
/** The figures of CASES_2022 that are real, by prefecture code. */
const CASES_REAL = ['530100', '530600', '530300', '532900', '533400', '533100', '533300'];

/**
 * 文山州 (REPORT): 出庭应诉率 26% → 90%, 败诉率 47.8% → 8.2%. The county counts below are
 * SYNTHETIC, made so that both the pooled rate (Σa ÷ Σb) and the mean of the county rates hit
 * the prefecture's figure in each round. Order: 文山市 砚山 西畴 麻栗坡 马关 丘北 广南 富宁.
 */
const WENSHAN = {
  ids: ['532601', '532622', '532623', '532624', '532625', '532626', '532627', '532628'],
  'S6.1.1': {
    baseline: ['5/20', '3/12', '2/8', '3/9', '2/10', '2/9', '4/14', '3/10'], // 24/92 = 26.1%
    midterm: ['20/22', '11/12', '7/7', '9/9', '9/10', '7/8', '10/12', '8/10'], // 81/90 = 90.0%
  },
  'S6.1.2': {
    baseline: ['11/24', '7/14', '4/9', '5/10', '6/12', '5/10', '8/16', '5/12'], // 51/107 = 47.7%
    midterm: ['2/24', '1/12', '1/8', '0/9', '1/11', '1/9', '1/14', '1/11'], // 8/98 = 8.2%
  },
  figures: { 'S6.1.1': { baseline: 0.26, midterm: 0.9 }, 'S6.1.2': { baseline: 0.478, midterm: 0.082 } },
};

/**
 * Measures the 2022 report credits to named counties (midterm round unless `round` is given).
 * `real: true` — the value itself is the report's (a figure, or a yes for a measure it names);
 * `real: false` — inspired by the report, but the value or its attribution is SYNTHETIC (the note says which).
 * Keys: county code, indicator id.
 */
const NAMED = [
  // 楚雄州
  { county: '532323', id: 'B1', value: '1', round: 'both', real: true, note: '2020年被命名为全国法治政府建设示范县（第一批）' },
  { county: '532323', id: 'S7.2.3', value: '是', real: true, note: '行政执法协调监督工作体系建设试点' },
  { county: '532326', id: 'S1.1.6', value: '0.9', real: false, note: '报告：出台优化营商环境具体措施91条；评估组给分为合成' },
  { county: '532324', id: 'S6.2.3', value: '是', real: true, note: '建成行政复议听证室' },
  // 红河州
  { county: '532502', id: 'B1', value: '0', real: true, note: '2022年10月10日列入第二批全国法治政府建设示范地区公示名单；中期评估时（7—9月）尚未命名' },
  { county: '532501', id: 'S2.2.2', value: '是', real: true, note: '政府法律顾问参与全部规范性文件、协议和复议诉讼案件' },
  // 普洱市
  { county: '530829', id: 'S7.1.4', value: '是', real: true, note: '组建示范创建工作专班' },
  { county: '530829', id: 'S7.1.8', value: '是', real: true, note: '周调度、月调度' },
  { county: '530826', id: 'S7.1.4', value: '是', real: true, note: '组建示范创建工作专班' },
  { county: '530826', id: 'S7.1.8', value: '是', real: true, note: '周调度、月调度' },
  // 文山州
  { county: '532624', id: 'S4.3.5', value: '17/17', real: false, note: '报告：建成标准化执法办案室17间，为37个单位编印工作手册；覆盖率按17个执法单位全覆盖推断（推断，非报告原文）' },
  { county: '532624', id: 'S6.2.3', value: '是', real: true, note: '建成行政复议听证室' },
  { county: '532623', id: 'S1.1.3', value: '0.125', real: true, note: '不动产登记由30日压缩至3日再至1小时（1小时按0.125个工作日计）' },
  { county: '532623', id: 'S1.1.3', value: '3', round: 'baseline', real: false, note: '报告：30日→3日→1小时；以3日作2021年底数为合成假设' },
  { county: '532623', id: 'B2', value: '是', real: false, note: '解释性取值：做法写入省级示范创建情况报告，视为被省级推广' },
  { county: '532624', id: 'B2', value: '是', real: false, note: '解释性取值：做法写入省级示范创建情况报告，视为被省级推广' },
  // 曲靖市
  { county: '530326', id: 'S3.1.2', value: '是', real: true, note: '制定重大行政决策程序规定' },
  { county: '530326', id: 'S1.2.2', value: '是', real: true, note: '建立涉企检查报审制度' },
  { county: '530325', id: 'S3.3.1', value: '2', real: false, note: '报告：就土地、住房、老旧小区、出租车定价等事项举行听证；评估组给分为合成' },
  { county: '530322', id: 'S4.1.1', value: '是', real: true, note: '城市管理综合执法试点' },
  // 大理州 (wide form: the note travels on the whole row, see LAYOUT)
  { county: '532932', id: 'S7.1.7', value: '67/67', real: true, note: '法治联络员覆盖9个乡镇和58个县级部门' },
  { county: '532932', id: 'S4.1.3', value: '是', real: true, note: '综合执法联动中心' },
  { county: '532931', id: 'S1.1.5', value: '否', real: true, note: '清理村级证明事项' },
  // 昭通市
  { county: '530681', id: 'S4.1.3', value: '是', real: true, note: '与四川联合组建两江联合执法大队' },
  { county: '530626', id: 'S8.1.1', value: '是', real: true, note: '“绥时办”政务服务品牌' },
  // 西双版纳州
  { county: '532801', id: 'S4.1.1', value: '是', real: true, note: '组建女子执法中队' },
  { county: '532801', id: 'S7.2.5', value: '5/5', real: false, note: '报告：行政执法接受检察机关法律监督（检察监督，非政府的执法协调监督）；件数为合成' },
  // 保山市
  { county: '530581', id: 'S4.2.5', value: '160/2300', real: false, note: '报告：配备重大执法决定法制审核人员160名；执法人员总数2300为合成' },
  { county: '530581', id: 'S4.2.3', value: '是', real: true, note: '重大执法决定法制审核制度落实' },
  { county: '530521', id: 'S8.1.3', value: '92.6%', real: false, note: '报告：建成网上政务服务中心；网办率为合成' },
  // 临沧市
  { county: '530923', id: 'S4.2.1', value: '是', real: true, note: '县政府门户网站设立行政执法公示专栏' },
  { county: '530925', id: 'S8.1.2', value: '100%', real: false, note: '报告：推行“一窗通办”；比率为合成' },
  // 玉溪市
  { county: '530426', id: 'S8.2.1', value: '是', real: true, note: '推行“电子证据袋”' },
  { county: '530426', id: 'S6.1.4', value: '是', real: true, note: '出台行政争议实质性化解办法' },
  { county: '530424', id: 'S8.1.1', value: '是', real: true, note: '推行“一件事一次办”' },
  { county: '530424', id: 'S8.1.4', value: '是', real: true, note: '开出首张线上非税电子票据' },
  // 德宏州
  { county: '533122', id: 'S1.1.6', value: '0.8', real: false, note: '报告：设立市场主体服务日，制定党政领导干部和政商交往正负面清单（不是减免责清单）；评估组给分为合成' },
  // 怒江州
  { county: '533301', id: 'S6.2.4', value: '14/14', real: false, note: '报告：评查案卷20件、监督行政复议14件；按期审结数为合成' },
];

/** Prefecture-level measures of the report, carried by every county of the prefecture in the
 *  midterm round. The county attribution is an INFERENCE (the measure is the prefecture's own and
 *  applies prefecture-wide), and the note says so. 文山州's 43-item 决策目录 and 丽江市's 7 key
 *  tasks are the prefectures' own: they are not attributed to counties. */
const PREFECTURE_MEASURES = [
  { prefecture: '530100', id: 'S1.2.1', value: '是', note: '报告：昆明市制定包容审慎监管减免责清单（市级）；适用于各县（市、区）为推断' },
];

/** Named measures whose baseline value is SYNTHETIC (the state before 2022), kept beside the real one. */
const NAMED_BASELINE = {
  '530581:S4.2.5': '96/2250', // 腾冲
  '532624:S4.3.5': '6/17', // 麻栗坡
  '532932:S7.1.7': '41/67', // 鹤庆
  '532326:S1.1.6': '0.6', // 大姚
  '530829:S7.1.8': '否', // 西盟
  '530826:S7.1.8': '否', // 江城
};

// ════════════════════════════════════════════════════════════════════════════════════════════════
// 2. Synthetic choices
// ════════════════════════════════════════════════════════════════════════════════════════════════

/**
 * The 50 first-batch creation counties. The real list was not found: this choice is SYNTHETIC.
 * It holds every county the report names, at least one county in each of the 16 prefectures,
 * and otherwise about four in ten counties of each prefecture.
 */
const BATCH1 = [
  '530111', '530114', '530126', '530128', '530181', // 昆明 官渡 呈贡 石林 禄劝 安宁
  '530302', '530322', '530325', '530326', // 曲靖 麒麟 陆良* 富源* 会泽*
  '530402', '530424', '530426', '530481', // 玉溪 红塔 华宁* 峨山* 澄江
  '530521', '530581', // 保山 施甸* 腾冲*
  '530602', '530626', '530681', // 昭通 昭阳 绥江* 水富*
  '530702', '530721', // 丽江 古城 玉龙
  '530802', '530821', '530826', '530829', // 普洱 思茅 宁洱 江城* 西盟*
  '530902', '530923', '530925', // 临沧 临翔 永德* 双江*
  '532301', '532323', '532324', '532326', // 楚雄 楚雄市 牟定* 南华* 大姚*
  '532501', '532502', '532503', '532504', '532524', // 红河 个旧* 开远* 蒙自 弥勒 建水
  '532601', '532622', '532623', '532624', // 文山 文山市 砚山 西畴* 麻栗坡*
  '532801', '532822', // 西双版纳 景洪* 勐海
  '532901', '532924', '532931', '532932', // 大理 大理市 宾川 剑川* 鹤庆*
  '533103', '533122', // 德宏 芒市 梁河*
  '533301', // 怒江 泸水*
  '533401', // 迪庆 香格里拉
];

/** Rounds: baseline = end of 2021 (before the March 2022 工作方案), midterm = 2022 (the July–September visits). */
const ROUNDS = ['baseline', 'midterm'];

/** Province targets of the baseline round: 出庭应诉率 SYNTHETIC (no public 2021 figure); 败诉率 the
 *  2021 rate the white paper implies (17.85% − 4.85 points). */
const BASELINE_TARGETS = { appearance: 0.7, lossRate: PROVINCE.lossRate2021 };

/**
 * SYNTHETIC stories, so that the sample shows what evaluators meet. None of these is a real event:
 * the counties are picked only among those the report does not name.
 * `q` overrides a county's latent quality per round (0–1; totals follow it roughly).
 */
const VETO_SOURCE = '示例认定机关（虚构）';
const STORIES = {
  '532822': { veto: 'V1', note: '示例情形，非真实事件：虚构的认定文件（示例〔2022〕1号，2022年8月）' }, // 勐海: disqualified in the midterm
  '530624': { veto: 'V2', q: [0.6, 0.62], note: '示例情形，非真实事件：虚构的督察通报（示例〔2022〕2号，2022年6月）' }, // 大关: capped at 59
  '530181': { veto: 'V5', q: [0.7, 0.88], note: '示例情形，非真实事件：虚构的约谈记录（示例〔2022〕3号，2022年7月）' }, // 安宁: not graded 优秀
  '530302': { q: [0.76, 0.6] }, // 麒麟: falls back, below the pass line
  '530821': { q: [0.74, 0.64] }, // 宁洱: falls back
  '533401': { q: [0.52, 0.62] }, // 香格里拉: rises, still below the pass line
  '530128': { q: [0.56, 0.65] }, // 禄劝: rises, still below the pass line
};

/**
 * How each prefecture sends its file (the real-world mess). Long form unless `wide`.
 * - `rates`: how shares are written ('pct' 95.3%, 'dec' 0.953); `yes`/`no`: the marks used;
 * - `header`: Chinese header aliases (区划代码, 县区); `template`: the layout of `fazhi template`
 *   (county and indicator names beside the ids) with a round column added;
 * - `crlf`, `bom`, `gb18030`: bytes as Excel on Windows writes them; `fullWidth`: full-width
 *   digits, % and / as Chinese input methods type them;
 * - `empty`: how a missing value is written; `dup`: rows of one county and round pasted twice;
 * - `vetoes`: writes 否/无 rows for every veto and bonus id rather than leaving them out.
 */
const LAYOUT = {
  '530100': { name: '昆明市', rates: 'pct', bom: true, crlf: true, empty: '', vetoes: true },
  '530300': { name: '曲靖市', rates: 'pct', header: ['区划代码', '县区', 'indicator_id', 'value', 'round', 'source', 'note'], empty: '-' },
  '530400': { name: '玉溪市', rates: 'dec', empty: '' },
  '530500': { name: '保山市', rates: 'pct', empty: 'NA' },
  '530600': { name: '昭通市', rates: 'pct', empty: '', dup: { county: '530602', round: 'midterm', rows: 3 } },
  '530700': { name: '丽江市', rates: 'pct', empty: '' },
  '530800': { name: '普洱市', rates: 'dec', empty: '' },
  '530900': { name: '临沧市', rates: 'pct', yes: '√', no: '×', empty: '—' },
  '532300': { name: '楚雄州', rates: 'pct', empty: '', vetoes: true, self: true },
  '532500': { name: '红河州', rates: 'dec', empty: '' },
  '532600': { name: '文山州', rates: 'pct', gb18030: true, crlf: true, template: true, empty: '' },
  '532800': { name: '西双版纳州', rates: 'pct', empty: '' },
  '532900': { name: '大理州', rates: 'pct', wide: true, empty: '' },
  '533100': { name: '德宏州', rates: 'dec', empty: '', dup: { county: '533103', round: 'baseline', rows: 2 } },
  '533300': { name: '怒江州', rates: 'pct', fullWidth: true, empty: '' },
  '533400': { name: '迪庆州', rates: 'pct', empty: '' },
};

/** How many items each county of 楚雄州 overclaims in its self-assessment (SYNTHETIC): the others agree. */
const SELF_CLAIMS = { '532324': 2, '532326': 1 };

/** Share of a prefecture's first-instance cases heard with a county-level body as defendant (SYNTHETIC). */
const COUNTY_SHARE_OF_CASES = 0.4;

// ════════════════════════════════════════════════════════════════════════════════════════════════
// 3. Small tools: seeded random numbers, numbers to text, CSV, GB18030
// ════════════════════════════════════════════════════════════════════════════════════════════════

/** FNV-1a, 32 bits: a key string to a seed. */
function hash(key) {
  let h = 0x811c9dc5;
  for (const ch of key) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small, well-mixed 32-bit PRNG; one stream per key. */
function rng(key) {
  let a = hash(key);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const uniform = (key) => rng(key)();
const clamp = (x, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
const lerp = (a, b, t) => a + (b - a) * t;
const whole = (x) => Math.round(x);
/** A decimal with at most `digits` decimals and no trailing zeros. */
const decimal = (x, digits) => String(Number(x.toFixed(digits)));

/** A share as the prefecture writes it. */
function share(x, style, digits = 1) {
  if (style === 'dec') return decimal(x, digits + 2);
  return `${decimal(x * 100, digits)}%`;
}

/** Map.groupBy (Node ≥ 21) for Node 20: items by key, in first-seen order. */
function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return groups;
}

const csvField = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const csvLine = (fields) => fields.map(csvField).join(',');

/**
 * GB18030 encoder built from the platform's decoder: every 2-byte sequence (lead 0x81–0xFE,
 * trail 0x40–0x7E or 0x80–0xFE) decoded once, into a character → bytes map. ASCII is one byte.
 * A character with no 2-byte code (4-byte GB18030 territory) fails loudly rather than being mangled.
 */
function gb18030Encoder() {
  const decoder = new TextDecoder('gb18030');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (text) => {
    const bytes = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      if (cp < 0x80) bytes.push(cp);
      else {
        const code = table.get(ch);
        if (!code) throw new Error(`GB18030: no 2-byte code for ${JSON.stringify(ch)} (U+${cp.toString(16).toUpperCase()})`);
        bytes.push(...code);
      }
    }
    const out = Uint8Array.from(bytes);
    if (new TextDecoder('gb18030').decode(out) !== text) throw new Error('GB18030: encoding does not round-trip');
    return out;
  };
}

/** Full-width digits and signs, as some Chinese input methods type them (NFKC reads them back). */
const toFullWidth = (s) => s.replace(/[0-9%./]/g, (c) => String.fromCodePoint(c.codePointAt(0) + 0xfee0));

// ════════════════════════════════════════════════════════════════════════════════════════════════
// 4. Reading the inputs
// ════════════════════════════════════════════════════════════════════════════════════════════════

function readReference(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l !== '');
  if (header !== 'county_id,county,prefecture,prefecture_id') throw new Error(`unexpected reference header: ${header}`);
  return lines.map((l) => {
    const [id, name, prefecture, prefectureId] = l.split(',');
    return { id, name, prefecture, prefectureId };
  });
}

/** The ids and names of the indicator file, read line by line (no YAML library: no dependencies). */
function readIndicatorIds(yamlText) {
  const names = new Map();
  const ids = { scored: [], components: [], bonus: [], vetoes: [], reversed: new Set(), names };
  let section = '';
  let last = null;
  for (const line of yamlText.split('\n')) {
    const top = /^([a-z]+):/.exec(line);
    if (top) section = top[1];
    const id = /^\s*- (?:\{ )?id: ([^,\s]+)/.exec(line);
    if (id) {
      last = id[1];
      if (section === 'vetoes') ids.vetoes.push(last);
      if (section === 'bonus') ids.bonus.push(last);
    }
    const name = /^\s+name: (.+)$/.exec(line);
    if (name && last && !names.has(last)) names.set(last, name[1].trim());
    if (/^\s+rule: /.test(line) && section === 'systems') ids.scored.push(last);
    if (/^\s+rule: .*expect: no/.test(line)) ids.reversed.add(last);
    if (/^\s+rule: /.test(line) && section === 'components') ids.components.push(last);
  }
  return ids;
}

// ════════════════════════════════════════════════════════════════════════════════════════════════
// 5. The counties: latent quality per round, case loads
// ════════════════════════════════════════════════════════════════════════════════════════════════

const NAMED_COUNTIES = new Set(NAMED.map((n) => n.county));

/** A county's latent quality per round: batch-1 counties start higher and rise more; some fall back. */
function quality(c) {
  const story = STORIES[c.id];
  if (story?.q) return { baseline: story.q[0], midterm: story.q[1] };
  const r = rng(`quality:${c.id}`);
  const named = NAMED_COUNTIES.has(c.id);
  const q0 = c.batch ? 0.56 + 0.14 * r() + (named ? 0.05 : 0) : 0.45 + 0.21 * r();
  let rise = c.batch ? 0.03 + 0.12 * r() : -0.03 + 0.11 * r();
  if (named) rise = Math.max(rise, 0.08);
  return { baseline: q0, midterm: clamp(q0 + rise, 0, 0.97) };
}

/** How big a county is, relative (districts and county seats of cities are busier). */
function size(c) {
  const urban = /区$|市$/.test(c.name) ? 1.8 : 1;
  return urban * (0.5 + uniform(`size:${c.id}`));
}

/** Cases heard (S6.1.1's b) and decided at first instance (S6.1.2's b) per round, from the prefecture's case load. */
function caseLoads(counties) {
  const byPrefecture = groupBy(counties, (c) => c.prefectureId);
  for (const [p, list] of byPrefecture) {
    const total = CASES_2022[p] * COUNTY_SHARE_OF_CASES;
    const sum = list.reduce((s, c) => s + c.size, 0);
    for (const c of list) {
      const heard = whole((total * c.size) / sum);
      const heard0 = whole(heard * (0.85 + 0.25 * uniform(`cases2021:${c.id}`)));
      const decided = (n, key) => whole(n * (1 + 0.3 * uniform(key)));
      c.cases = {
        baseline: { heard: heard0, decided: decided(heard0, `decided2021:${c.id}`) },
        midterm: { heard, decided: decided(heard, `decided2022:${c.id}`) },
      };
    }
  }
}

// ════════════════════════════════════════════════════════════════════════════════════════════════
// 6. Evidence values, item by item
// ════════════════════════════════════════════════════════════════════════════════════════════════

/**
 * The county's standing on one item in one round: its quality plus noise shared by both rounds
 * (so a county good at something stays good at it) and a little noise of the round.
 */
function level(x, id, spread = 0.28) {
  const shared = 2 * uniform(`item:${x.c.id}:${id}`) - 1;
  const own = 2 * uniform(`item:${x.c.id}:${id}:${x.round}`) - 1;
  return clamp(x.q + spread * shared + 0.05 * own);
}

const check = (threshold) => (x, id) => (level(x, id) >= threshold ? 'yes' : 'no');
/** A creation-only item: 不适用 outside batch 1, and harder before the 2022 work plan. */
const creation = (threshold, before) => (x, id) =>
  !x.c.batch ? '不适用' : level(x, id) >= (x.round === 'baseline' ? before : threshold) ? 'yes' : 'no';
/** a/b with b drawn from [lo, hi] (scaled by county size) and a share rising with the level. */
const counted = (lo, hi, worst, best) => (x, id) => {
  const b = Math.max(1, whole(lerp(lo, hi, uniform(`n:${x.c.id}:${id}`)) * Math.sqrt(x.c.size)));
  const s = level(x, id);
  const a = Math.min(b, whole(b * lerp(worst, best, s) + (s > 0.75 ? 1 : 0)));
  return `${a}/${b}`;
};
const rate = (worst, best, digits = 1) => (x, id) => ({ share: clamp(lerp(worst, best, level(x, id))), digits });

/** Generators by item id, in the indicator file's order. A generator returns the value text,
 *  'yes'/'no' (written with the prefecture's marks) or `{ share, digits }` (in its style). */
const ITEMS = {
  'S1.1.1': check(0.4),
  'S1.1.2': (x, id) => {
    const s = level(x, id);
    // Start-up time: 1–3 days at the end of 2021, within one working day almost everywhere in 2022.
    const days = x.round === 'baseline' ? lerp(3, 0.8, s) : s > 0.8 ? lerp(0.5, 0.3, (s - 0.8) / 0.2) : lerp(1.2, 0.6, s / 0.8);
    return decimal(Math.round(days * 10) / 10, 1);
  },
  // Real-estate registration: 5–12 working days at the end of 2021, mostly within the national 5 in 2022.
  'S1.1.3': (x, id) => decimal(Math.round(lerp(x.round === 'baseline' ? 12 : 7, 0.5, level(x, id)) * 2) / 2, 1),
  // Assessed by the evaluators (0–1 point): whether the measures work, not how many there are.
  'S1.1.6': (x, id) => decimal(Math.round(lerp(0.3, 1, level(x, id)) * 10) / 10, 1),
  'S1.1.5': (x, id) => (level(x, id) < 0.3 ? 'yes' : 'no'),
  'S1.2.1': check(0.6),
  'S1.2.2': check(0.55),
  'S1.2.3': rate(0.72, 1),
  'S2.1.1': (x, id) => (level(x, id) > 0.6 ? '100%' : counted(12, 40, 0.88, 0.99)(x, id)),
  'S2.1.2': (x, id) => String(Math.max(0, whole(lerp(4.4, -0.6, level(x, id))))),
  'S2.1.3': check(0.42),
  'S2.2.1': (x, id) => (level(x, id) > 0.88 ? '100%' : counted(60, 180, 0.6, 1)(x, id)),
  'S2.2.2': check(0.55),
  'S2.2.3': check(0.38),
  'S3.1.1': check(0.48),
  'S3.1.2': check(0.5),
  'S3.1.3': check(0.68),
  'S3.2.1': check(0.36),
  'S3.2.2': check(0.45),
  'S3.2.3': check(0.5),
  'S3.2.4': check(0.3),
  'S3.2.5': check(0.25),
  // Hearings: some counties had no decision that needed one.
  'S3.3.1': (x, id) => (uniform(`hearings:${x.c.id}:${x.round}`) < 0.12 ? '不适用' : decimal(Math.round(lerp(0.6, 2, level(x, id)) * 10) / 10, 1)),
  'S4.1.1': check(0.42),
  'S4.1.2': check(0.5),
  'S4.1.3': check(0.58),
  'S4.2.1': check(0.32),
  'S4.2.2': check(0.42),
  'S4.2.3': check(0.36),
  // Legal reviewers as a share of enforcement staff: the national rule is at least 5%.
  'S4.2.5': (x, id) => {
    const staff = whole(lerp(300, 1600, uniform(`staff:${x.c.id}`)) * Math.sqrt(x.c.size));
    return `${Math.max(1, whole(staff * lerp(0.008, 0.065, level(x, id))))}/${staff}`;
  },
  'S4.3.1': (x, id) => String(Math.max(0, whole(lerp(7, -0.6, level(x, id))))),
  'S4.3.2': (x, id) => ({ share: lerp(0.7, 0.97, level(x, id)), digits: 0, fraction: true }),
  'S4.3.3': check(0.45),
  'S4.3.4': (x, id) => (level(x, id) > 0.62 ? '100%' : counted(80, 300, 0.93, 0.995)(x, id)),
  // Enforcement units with a standardised case-handling room: fewer before the 2022 work plan.
  'S4.3.5': (x, id) => (x.round === 'baseline' ? counted(8, 30, 0.05, 0.7) : counted(8, 30, 0.3, 1.05))(x, id),
  'S5.1.1': check(0.35),
  'S5.1.2': counted(6, 14, 0.5, 1.08),
  'S5.1.4': check(0.45),
  'S5.2.1': (x, id) => decimal(Math.round(lerp(0.8, 2, level(x, id)) * 10) / 10, 1),
  // S6.1.1 and S6.1.2 are calibrated (see calibrate()); these only give each county's leaning.
  'S6.1.1': (x, id) => ({ leaning: level(x, id) }),
  'S6.1.2': (x, id) => ({ leaning: 1 - level(x, id) }),
  'S6.1.3': (x, id) => {
    const b = whole(lerp(0, 8, uniform(`s613:${x.c.id}:${x.round}`)) * Math.sqrt(x.c.size));
    return `${level(x, id) > 0.45 || b === 0 ? b : b - 1}/${b}`;
  },
  'S6.1.4': check(0.58),
  'S6.2.1': (x, id) => {
    const b = x.c.reviews[x.round];
    return `${Math.min(b, whole(b * lerp(0.32, 0.1, level(x, id))))}/${b}`;
  },
  'S6.2.3': check(0.6),
  'S6.2.4': (x, id) => {
    const b = x.c.reviews[x.round];
    const late = level(x, id) > 0.55 ? 0 : Math.min(b, 1 + (b > 12 ? 1 : 0));
    return `${b - late}/${b}`;
  },
  'S6.2.5': (x, id) => {
    const b = x.c.reviews[x.round];
    return `${Math.min(b, whole(b * lerp(0.02, 0.4, level(x, id, 0.3))))}/${b}`;
  },
  // The 行政复议体制改革 was being carried out over 2021–2022.
  'S6.2.6': (x, id) => (level(x, id) >= (x.round === 'baseline' ? 0.72 : 0.42) ? 'yes' : 'no'),
  'S6.3.1': rate(0.86, 1),
  'S6.3.2': check(0.38),
  'S7.1.1': check(0.28),
  'S7.1.2': check(0.36),
  'S7.1.3': creation(0.3, 0.72),
  'S7.1.4': creation(0.42, 0.9),
  'S7.1.7': counted(40, 70, 0.45, 1.06),
  'S7.1.8': creation(0.35, 0.8),
  // The province's 任务清单 came in March 2022: no list, so nothing to complete, at the end of 2021.
  'S7.1.9': (x, id) => (!x.c.batch || x.round === 'baseline' ? '不适用' : counted(20, 45, 0.5, 1.05)(x, id)),
  'S7.1.10': creation(0.4, 0.75),
  'S7.1.11': rate(0.62, 1.02),
  'S7.2.1': counted(6, 24, 0.66, 1.05),
  'S7.2.2': counted(2, 12, 0.5, 1.0),
  'S7.2.3': check(0.62),
  'S7.2.4': rate(0.9, 1.02),
  // Pre-litigation procuratorial suggestions in 行政公益诉讼: a handful a year, some counties none.
  'S7.2.5': (x, id) => {
    const b = whole(lerp(0, 6, uniform(`procuratorate:${x.c.id}:${x.round}`)) * Math.sqrt(x.c.size));
    return `${Math.min(b, whole(b * lerp(0.55, 1.05, level(x, id))))}/${b}`;
  },
  'S7.3.1': creation(0.6, 0.85),
  'S7.3.3': creation(0.55, 0.85),
  'S8.1.1': check(0.45),
  'S8.1.2': rate(0.55, 1.03),
  'S8.1.3': rate(0.6, 0.97),
  'S8.1.4': check(0.52),
  'S8.1.5': (x, id) => decimal(Math.round(lerp(x.round === 'baseline' ? 9 : 7.5, 2, level(x, id)) * 10) / 10, 1),
  'S8.2.1': check(0.52),
  'S8.2.2': check(0.45),
  'S8.2.3': rate(0.7, 1.03),
};

/**
 * The assessments beside the systems (components): 实地评估, points 0–20 given by the site visit
 * (SYNTHETIC), and 人民群众满意度测评, a share within the 91%–98% the report gives for counties.
 */
const COMPONENTS = {
  site: (x, id) => decimal(Math.round(lerp(10, 19.5, level(x, id, 0.2)) * 10) / 10, 1),
  survey: (x, id) => {
    const { countyLow, countyHigh } = PROVINCE.satisfaction;
    const s = level(x, id, 0.25);
    return { share: lerp(countyLow, x.round === 'baseline' ? countyHigh - 0.004 : countyHigh, s), digits: 2, fraction: true };
  },
};

/** Items never dropped at random: calibrated ones, and the named measures (set after). */
const CALIBRATED = new Set(['S6.1.1', 'S6.1.2']);

/**
 * Integer numerators a for denominators b so that Σa ÷ Σb is as close as can be to `target`,
 * each county's rate following its leaning (0–1). Deterministic: a factor is found by bisection,
 * then single cases are moved, largest denominators first, until the sum is exact.
 */
function allocate(cells, target, lowerIsBetter) {
  const B = cells.reduce((s, c) => s + c.b, 0);
  const A = Math.round(target * B);
  const lean = (c) => (lowerIsBetter ? 0.3 + 1.4 * c.leaning : 0.55 + 0.9 * c.leaning);
  const at = (f) => cells.map((c) => Math.min(c.b, Math.max(0, Math.round(c.b * Math.min(1, f * lean(c))))));
  let [lo, hi] = [0, 4];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid).reduce((s, a) => s + a, 0) < A) lo = mid;
    else hi = mid;
  }
  const a = at(hi);
  const order = cells.map((c, i) => i).sort((i, j) => cells[j].b - cells[i].b || (cells[i].id < cells[j].id ? -1 : 1));
  let diff = A - a.reduce((s, x) => s + x, 0);
  while (diff !== 0) {
    const before = diff;
    for (const i of order) {
      if (diff > 0 && a[i] < cells[i].b) [a[i], diff] = [a[i] + 1, diff - 1];
      else if (diff < 0 && a[i] > 0) [a[i], diff] = [a[i] - 1, diff + 1];
      if (diff === 0) break;
    }
    if (diff === before) throw new Error('allocate: target out of reach');
  }
  return a;
}

/**
 * 出庭应诉率 and 败诉率 as counts a/b: 文山州 fixed (WENSHAN), 楚雄/红河/玉溪 at 100% in 2022,
 * every other county allocated so that the province's pooled rate hits its figure.
 */
function calibrate(values, counties) {
  const wenshan = new Map(WENSHAN.ids.map((id, i) => [id, i]));
  const targets = {
    'S6.1.1': { baseline: BASELINE_TARGETS.appearance, midterm: PROVINCE.appearance2022, kind: 'heard' },
    'S6.1.2': { baseline: BASELINE_TARGETS.lossRate, midterm: PROVINCE.lossRate2022, kind: 'decided' },
  };
  for (const [id, t] of Object.entries(targets)) {
    for (const round of ROUNDS) {
      let fixedA = 0;
      let fixedB = 0;
      const free = [];
      for (const c of counties) {
        const key = `${c.id}|${round}|${id}`;
        if (wenshan.has(c.id)) {
          const text = WENSHAN[id][round][wenshan.get(c.id)];
          values.set(key, { text, note: '合成数据，按文山州公开数字校准（出庭应诉率26%→90%，败诉率47.8%→8.2%）' });
          const [a, b] = text.split('/').map(Number);
          [fixedA, fixedB] = [fixedA + a, fixedB + b];
          continue;
        }
        const b = c.cases[round][t.kind];
        const full = APPEARANCE_FULL_2022[c.prefectureId];
        if (id === 'S6.1.1' && round === 'midterm' && full) {
          values.set(key, { text: `${b}/${b}`, note: `合成件数；${full.name}2022年出庭应诉率100%（${full.source}）` });
          [fixedA, fixedB] = [fixedA + b, fixedB + b];
          continue;
        }
        free.push({ id: c.id, key, b, leaning: values.get(key).leaning });
      }
      const totalB = fixedB + free.reduce((s, c) => s + c.b, 0);
      const freeTarget = (t[round] * totalB - fixedA) / free.reduce((s, c) => s + c.b, 0);
      const a = allocate(free, freeTarget, id === 'S6.1.2');
      free.forEach((c, i) => values.set(c.key, { text: `${a[i]}/${c.b}` }));
    }
  }
}

/** Every value of every county and round: `${county}|${round}|${id}` → { text | share | yes/no, source?, note? }. */
function buildValues(counties, ids) {
  const values = new Map();
  for (const c of counties) {
    for (const round of ROUNDS) {
      const x = { c, round, q: c.quality[round] };
      for (const id of ids.scored) {
        const v = ITEMS[id](x, id);
        values.set(`${c.id}|${round}|${id}`, typeof v === 'string' ? { text: v } : v);
      }
      for (const id of ids.components) {
        const v = COMPONENTS[id](x, id);
        values.set(`${c.id}|${round}|${id}`, typeof v === 'string' ? { text: v } : v);
      }
    }
  }
  calibrate(values, counties);

  const byId = new Map(counties.map((c) => [c.id, c]));
  for (const m of PREFECTURE_MEASURES) {
    for (const c of counties) {
      if (c.prefectureId !== m.prefecture || (m.batchOnly && !c.batch)) continue;
      values.set(`${c.id}|midterm|${m.id}`, { text: m.value, source: REPORT, note: m.note, keep: true });
    }
  }
  for (const n of NAMED) {
    if (!byId.has(n.county)) throw new Error(`named county ${n.county} not in the reference list`);
    for (const round of n.round === 'both' ? ROUNDS : [n.round ?? 'midterm']) {
      values.set(`${n.county}|${round}|${n.id}`, { text: n.value, source: n.real ? REPORT : null, note: n.note, keep: true });
    }
  }
  for (const [key, text] of Object.entries(NAMED_BASELINE)) {
    const [county, id] = key.split(':');
    values.set(`${county}|baseline|${id}`, { text, note: '合成：2021年底数（2022年数字见中期轮次）', keep: true });
  }
  for (const [county, story] of Object.entries(STORIES)) {
    if (story.veto)
      values.set(`${county}|midterm|${story.veto}`, { text: 'yes', source: VETO_SOURCE, note: story.note, keep: true });
  }
  return values;
}

// ════════════════════════════════════════════════════════════════════════════════════════════════
// 7. Files
// ════════════════════════════════════════════════════════════════════════════════════════════════

/** A value as the prefecture writes it; `null` when the row is left out (no evidence sent). */
function render(v, layout) {
  let text;
  if (v.share !== undefined) text = v.fraction && layout.rates === 'dec' ? decimal(v.share, v.digits + 2) : share(v.share, v.fraction ? 'pct' : layout.rates, v.digits);
  else if (v.text === 'yes') text = layout.yes ?? '是';
  else if (v.text === 'no') text = layout.no ?? '否';
  else text = v.text;
  return layout.fullWidth && /%|\//.test(text) ? toFullWidth(text) : text;
}

/** Some evidence is missing, as in any real collection: a row not sent, or sent empty. */
function gap(key, c) {
  const u = uniform(`gap:${key}`);
  const p = c.batch ? 0.012 : 0.025;
  return u < p / 2 ? 'row' : u < p ? 'empty' : null;
}

/**
 * Rows of one prefecture: [county, round, id, value, source, note, by], register then round then
 * file order; where the prefecture sends self-assessments (`layout.self`), each county's midterm
 * block is followed by its own rows (by 自评), the scored ones being by the 核定组.
 */
function rowsOf(list, ids, values, layout) {
  const rows = [];
  for (const c of list) {
    for (const round of ROUNDS) {
      const block = rows.length;
      for (const id of [...ids.scored, ...ids.components, ...ids.bonus, ...ids.vetoes]) {
        const key = `${c.id}|${round}|${id}`;
        const v = values.get(key);
        if (!v) {
          // 无 reads as 0 for a bonus count and as no for a check.
          if (layout.vetoes && c.batch && !ids.scored.includes(id)) rows.push([c, round, id, ids.bonus.includes(id) ? '无' : (layout.no ?? '否'), '', '']);
          continue;
        }
        // The evaluators' own assessments (components) are never missing; the counties' evidence sometimes is.
        const g = !v.keep && !CALIBRATED.has(id) && !ids.components.includes(id) && v.text !== '不适用' ? gap(key, c) : null;
        if (g === 'row') continue;
        rows.push([c, round, id, g === 'empty' ? layout.empty : render(v, layout), v.source ?? '', v.note ?? '', layout.self ? ASSESSOR : '']);
      }
      if (layout.self && c.batch && round === 'midterm') rows.push(...selfRows(rows.slice(block), ids, layout));
    }
  }
  return rows;
}

const ASSESSOR = '核定组';
const SELF = '自评';

/**
 * A county's self-assessment (自评) of its midterm block: its own value of every scored item, as
 * the county claims it. Most claims agree with what the evaluators found; a few counties (SYNTHETIC,
 * see SELF_CLAIMS) claim a yes the evaluators did not find, or a rate in full, and so overclaim.
 */
function selfRows(block, ids, layout) {
  const claims = SELF_CLAIMS[block[0]?.[0].id] ?? 0;
  let claimed = 0;
  const no = layout.no ?? '否';
  return block
    // A claim is a yes where “是” earns the points, or a rate in full; never on an item where “否” does.
    .filter(([, , id]) => ids.scored.includes(id) && !ids.reversed.has(id))
    .map(([c, round, id, value]) => {
      let own = value;
      if (claimed < claims && (value === no || /^\d+\/\d+$/.test(value))) {
        const [a, b] = value.split('/').map(Number);
        if (value === no) own = layout.yes ?? '是';
        else if (b >= 3 && a < b) own = `${b}/${b}`;
        if (own !== value) claimed++;
      }
      return [c, round, id, own, '', own === value ? '' : '自评值高于核定值（合成示例）', SELF];
    });
}

/** Identical copies of a few rows of one county and round, as when a block is pasted twice:
 *  fazhi warns and keeps the first. */
function withDuplicates(rows, dup) {
  if (!dup) return rows;
  const of = rows.map((r, i) => [r, i]).filter(([[c, round]]) => c.id === dup.county && round === dup.round);
  const at = of[Math.floor(uniform(`dup:${dup.county}`) * (of.length - dup.rows))][1];
  return [...rows.slice(0, at + dup.rows), ...rows.slice(at, at + dup.rows), ...rows.slice(at + dup.rows)];
}

function longFile(list, ids, values, layout) {
  const template = layout.template;
  const by = layout.self ? ['by'] : [];
  const header = layout.header ?? (template ? ['county_id', '县(市、区)', 'indicator_id', '指标名称', 'value', 'round', 'source', 'note'] : ['county_id', 'indicator_id', 'value', 'round', 'source', 'note', ...by]);
  const rows = withDuplicates(rowsOf(list, ids, values, layout), layout.dup).map(([c, round, id, value, source, note, who]) =>
    template ? [c.id, c.name, id, ids.names.get(id), value, round, source, note] : layout.header ? [c.id, c.name, id, value, round, source, note] : [c.id, id, value, round, source, note, ...(layout.self ? [who] : [])],
  );
  return [header, ...rows];
}

/** Wide form: one county and round per row, one column per id (`ID name`, as `fazhi template --wide` writes). */
function wideFile(list, ids, values, layout) {
  const all = [...ids.scored, ...ids.components, ...ids.bonus, ...ids.vetoes];
  const header = ['county_id', 'county', 'prefecture', 'round', ...all.map((id) => `${id} ${ids.names.get(id)}`), 'source', 'note'];
  const byRow = groupBy(rowsOf(list, ids, values, layout), ([c, round]) => `${c.id}|${round}`);
  const rows = [];
  for (const c of list) {
    for (const round of ROUNDS) {
      const cells = new Map((byRow.get(`${c.id}|${round}`) ?? []).map(([, , id, value, source, note]) => [id, { value, source, note }]));
      const noted = [...cells].filter(([, v]) => v.note);
      const source = [...new Set(noted.map(([, v]) => v.source).filter(Boolean))].map((s) => `${s}（${noted.filter(([, v]) => v.source === s).map(([id]) => id).join('、')}）`);
      const note = noted.map(([id, v]) => `${id}：${v.note}`).join('；');
      rows.push([c.id, c.name, c.prefecture, round, ...all.map((id) => cells.get(id)?.value ?? ''), [...source, ...(noted.length && source.length ? ['其余数值为合成'] : [])].join('；'), note]);
    }
  }
  return [header, ...rows];
}

function encodeFile(table, layout, encode) {
  const eol = layout.crlf ? '\r\n' : '\n';
  const text = table.map(csvLine).join(eol) + eol;
  if (layout.gb18030) return encode(text);
  return Buffer.from((layout.bom ? '\ufeff' : '') + text, 'utf8');
}

// ════════════════════════════════════════════════════════════════════════════════════════════════
// 8. Calibration report (printed, so that README figures can be checked after a rerun)
// ════════════════════════════════════════════════════════════════════════════════════════════════

function pooled(cells) {
  const pairs = cells.filter((t) => /^\d+\/\d+$/.test(t)).map((t) => t.split('/').map(Number));
  const A = pairs.reduce((s, [a]) => s + a, 0);
  const B = pairs.reduce((s, [, b]) => s + b, 0);
  const rates = pairs.filter(([, b]) => b > 0).map(([a, b]) => a / b);
  return { A, B, pooled: A / B, mean: rates.reduce((s, r) => s + r, 0) / rates.length };
}

function report(counties, values) {
  const pct = (x) => `${(x * 100).toFixed(2)}%`;
  const lines = [];
  for (const id of ['S6.1.1', 'S6.1.2']) {
    for (const round of ROUNDS) {
      const of = (list) => pooled(list.map((c) => values.get(`${c.id}|${round}|${id}`)?.text ?? ''));
      const p = of(counties);
      const w = of(counties.filter((c) => c.prefectureId === '532600'));
      lines.push(`${id} ${round}: province pooled ${p.A}/${p.B} = ${pct(p.pooled)} (mean ${pct(p.mean)}); 文山州 pooled ${w.A}/${w.B} = ${pct(w.pooled)} (mean ${pct(w.mean)})`);
      if (round === 'midterm' && id === 'S6.1.1') {
        for (const pid of Object.keys(APPEARANCE_FULL_2022)) lines.push(`  ${pid}: ${pct(of(counties.filter((c) => c.prefectureId === pid)).pooled)}`);
      }
    }
  }
  for (const [id, t] of Object.entries(WENSHAN.figures)) {
    for (const round of ROUNDS) {
      const w = pooled(WENSHAN[id][round]);
      if (Math.abs(w.pooled - t[round]) > 0.01 || Math.abs(w.mean - t[round]) > 0.01) throw new Error(`文山州 ${id} ${round} off its figure`);
    }
  }
  return lines.join('\n');
}

// ════════════════════════════════════════════════════════════════════════════════════════════════
// 9. Main
// ════════════════════════════════════════════════════════════════════════════════════════════════

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const repo = resolve(here, '..', '..');
  const out = resolve(process.argv[2] ?? here);
  const reference = readReference(join(here, 'reference', 'yunnan-counties.csv'));
  const indicatorsBytes = readFileSync(join(repo, 'indicators', 'yunnan-2022-midterm.yaml'));
  const ids = readIndicatorIds(indicatorsBytes.toString('utf8'));

  const missingGenerators = [...ids.scored.filter((id) => !ITEMS[id]), ...ids.components.filter((id) => !COMPONENTS[id])];
  const unknownGenerators = [...Object.keys(ITEMS).filter((id) => !ids.scored.includes(id)), ...Object.keys(COMPONENTS).filter((id) => !ids.components.includes(id))];
  if (missingGenerators.length || unknownGenerators.length) throw new Error(`ITEMS out of step with the indicator file: missing ${missingGenerators}, unknown ${unknownGenerators}`);
  for (const n of NAMED) if (![...ids.scored, ...ids.bonus].includes(n.id)) throw new Error(`named measure on unknown id ${n.id}`);
  if (BATCH1.length !== 50 || new Set(BATCH1).size !== 50) throw new Error('BATCH1 must list 50 distinct counties');
  // The synthetic case loads keep the public order: below the fifth largest (大理 336), above the smallest named (怒江 107).
  for (const [p, n] of Object.entries(CASES_2022)) if (!CASES_REAL.includes(p) && !(n > 107 && n < 336)) throw new Error(`CASES_2022 ${p} out of the public order`);

  const batch = new Set(BATCH1);
  const counties = reference.map((r) => ({ ...r, batch: batch.has(r.id) }));
  for (const id of BATCH1) if (!counties.some((c) => c.id === id)) throw new Error(`batch-1 county ${id} not in the reference list`);
  for (const c of counties) {
    c.quality = quality(c);
    c.size = size(c);
    // 行政复议 cases decided per year (S6.2.x's b): a handful, fewer in small counties.
    c.reviews = Object.fromEntries(ROUNDS.map((round) => [round, Math.max(0, whole(lerp(1, 14, uniform(`reviews:${c.id}:${round}`)) * Math.sqrt(c.size)))]));
  }
  caseLoads(counties);
  const values = buildValues(counties, ids);

  mkdirSync(join(out, 'evidence'), { recursive: true });
  const files = new Map();
  files.set('counties.csv', Buffer.from([['county_id', 'county', 'prefecture', 'batch'], ...counties.map((c) => [c.id, c.name, c.prefecture, c.batch ? '1' : ''])].map(csvLine).join('\n') + '\n'));
  files.set('indicators.yaml', indicatorsBytes);
  const encode = gb18030Encoder();
  for (const [pid, list] of groupBy(counties, (c) => c.prefectureId)) {
    const layout = LAYOUT[pid];
    const table = layout.wide ? wideFile(list, ids, values, layout) : longFile(list, ids, values, layout);
    files.set(join('evidence', `${pid}-${layout.name}.csv`), encodeFile(table, layout, encode));
  }

  for (const name of readdirSync(join(out, 'evidence'))) {
    if (/\.(csv|xlsx)$/i.test(name) && !files.has(join('evidence', name))) rmSync(join(out, 'evidence', name));
  }
  for (const [name, bytes] of files) writeFileSync(join(out, name), bytes);
  process.stdout.write(`wrote ${files.size} files to ${out}\n${report(counties, values)}\n`);
}

main();
