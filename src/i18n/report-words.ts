import { both, type InLang, inLang } from './catalogue.js';
import type { Lang } from './lang.js';

/**
 * The words of the reports (`fazhi report`): titles, the opening facts, the written summary,
 * headings and table heads, in the official Chinese these documents are forwarded in, and in
 * English. Every number arrives formatted; nothing here is an identifier from the input files.
 */

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十 (enough for sections and batches); beyond 99 the digits. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n <= 10) return CN[n] ?? String(n);
  const [tens, ones] = [Math.floor(n / 10), n % 10];
  return `${tens === 1 ? '' : CN[tens]}十${ones === 0 ? '' : CN[ones]}`;
}

const zhList = (xs: readonly string[]): string => xs.join('、');
const enList = (xs: readonly string[]): string =>
  xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
/** A list with “等” when it was cut: 甲、乙、丙等. */
const zhSome = (xs: readonly string[], more: boolean): string => `${zhList(xs)}${more ? '等' : ''}`;
const enSome = (xs: readonly string[], more: boolean): string => (more ? `${xs.join(', ')} and others` : enList(xs));

/** An item's name in quotes, unless it holds quotes of its own (“双随机、一公开”抽查…). */
const zhQuote = (name: string): string => (/[“”]/.test(name) ? name : `“${name}”`);
const enQuote = (name: string): string => (/[“”"]/.test(name) ? name : `“${name}”`);

const REPORT = {
  list: both(zhList, enList),
  quote: both(zhQuote, enQuote),
  some: both(zhSome, enSome),
  /** Section headings: 一、总体情况 / 1. Overview; sub-sections （一）… / 5.1 … */
  section: both(
    (n: number, text: string) => `${chineseNumber(n)}、${text}`,
    (n, text) => `${n}. ${text}`,
  ),
  subsection: both(
    (_n: number, k: number, text: string) => `（${chineseNumber(k)}）${text}`,
    (n, k, text) => `${n}.${k} ${text}`,
  ),
  titles: {
    /** The evaluation's name when evaluation.yaml gives no title. */
    evaluation: both(
      (region: string | null, round: string | null) =>
        `${region ?? ''}法治政府建设示范创建${round ? round.replace(/（.*）$/, '') : '评估'}`,
      (region, round) =>
        `${round ? `${round.replace(/ \(.*\)$/, '').replace(/^./, (c) => c.toUpperCase())} of the` : 'Evaluation of the'} law-based government demonstration creation${region ? ` in ${region}` : ''}`,
    ),
    overview: both(
      (title: string) => (title.endsWith('报告') ? title : `${title}总报告`),
      (title) => `${title}: overview`,
    ),
    /** A prefecture's or a county's report: its name in place of the region's. */
    part: both(
      (title: string, region: string | null, part: string) => {
        const rest = region && title.startsWith(region) ? title.slice(region.length) : title;
        const named = title.includes(part) ? title : `${part}${rest}`;
        return named.endsWith('报告') ? named : `${named}报告`;
      },
      (title, _region, part) => `${title}: ${part}`,
    ),
  },
  facts: {
    evaluator: both('评估机构', 'Evaluator'),
    period: both('评估时间', 'Period'),
    methods: both('评估方式', 'Methods'),
    round: both('评估轮次', 'Round'),
    scope: both('评估范围', 'Scope'),
    system: both('指标体系', 'Indicator system'),
    standard: both('评分标准', 'Scoring'),
    date: both('报告日期', 'Report date'),
    roundValue: both(
      (round: string, baseline: string | null) => `${round}${baseline ? `，与${baseline}对比` : ''}`,
      (round, baseline) => `${round}${baseline ? `, against the ${baseline}` : ''}`,
    ),
    systemValue: both(
      (name: string, version: string | null) => `${name}${version ? `（版本 ${version}）` : ''}`,
      (name, version) => `${name}${version ? ` (version ${version})` : ''}`,
    ),
    components: both(
      (parts: readonly (readonly [string, string])[]) =>
        `总分由${parts.map(([name, share]) => `${name}（${share}）`).join('、')}加权合成`,
      (parts) => `the total combines ${parts.map(([name, share]) => `${name} (${share})`).join(', ')}`,
    ),
    standardValue: both(
      (scale: string, pass: string | null, grades: readonly (readonly [string, string, string | null])[]) =>
        `满分 ${scale} 分${pass === null ? '' : `，示范创建达标线 ${pass} 分`}${
          grades.length === 0
            ? ''
            : `；等次按总分划定：${grades
                .map(([label, min, below]) =>
                  below === null ? `${label}（${min} 分及以上）` : `${label}（${below} 分以下）`,
                )
                .join('、')}`
        }`,
      (scale, pass, grades) =>
        `out of ${scale}${pass === null ? '' : `; pass line ${pass}`}${
          grades.length === 0
            ? ''
            : `; grades by total: ${grades
                .map(([label, min, below]) =>
                  below === null ? `${label} (${min} or more)` : `${label} (below ${below})`,
                )
                .join(', ')}`
        }`,
    ),
    /** The scope as a fact: 云南省第一批创建县（市、区）50 个，分布在 16 个州（市）. */
    scopeValue: both(
      (place: string, kind: string, n: number, prefectures: number | null) =>
        `${place}${kind} ${n} 个${prefectures !== null && prefectures > 1 ? `，分布在 ${prefectures} 个州（市）` : ''}`,
      (place, kind, n, prefectures) =>
        `${n} ${kind}${place ? ` of ${place}` : ''}${prefectures !== null && prefectures > 1 ? ` in ${prefectures} prefectures` : ''}`,
    ),
    /** The scope in a sentence: 云南省 50 个第一批创建县（市、区）. */
    scopeCount: both(
      (place: string, kind: string, n: number) => `${place} ${n} 个${kind}`,
      (place, kind, n) => `the ${n} ${kind}${place ? ` of ${place}` : ''}`,
    ),
    counties: both('县（市、区）', 'counties'),
    batch: both(
      (batches: readonly string[]) =>
        `第${batches.map((b) => (/^\d+$/.test(b) ? chineseNumber(Number(b)) : b)).join('、')}批创建县（市、区）`,
      (batches) => `creation counties of batch ${batches.join(' and ')}`,
    ),
    withColumns: both(
      (kind: string, columns: string) => `${columns}${kind}`,
      (kind, columns) => `${kind}${columns}`,
    ),
    /** The register's own columns by their names in reports. */
    columnName: both({ county_id: '区划代码', county: '名称' } as Readonly<Record<string, string>>, {
      county_id: 'code',
      county: 'name',
    }),
    column: both(
      (column: string, values: readonly string[]) => `${column}为${values.join('或')}的`,
      (column, values) => ` with ${column} ${values.join(' or ')}`,
    ),
  },
  sections: {
    overall: both('总体情况', 'Overview'),
    achievements: both('主要成效', 'Achievements'),
    problems: both('存在问题', 'Problems'),
    advice: both('意见建议', 'Recommendations'),
    countyAdvice: both('整改建议', 'Recommendations'),
    results: both('评估结果', 'Results'),
    counties: both('各县（市、区）评估情况', 'Each county'),
    ranking: both('总分排名', 'Ranking'),
    prefectures: both('各州（市）情况', 'The prefectures'),
    systems: both('各体系得分情况', 'The systems'),
    strengths: both('全部县（市、区）得满分的指标', 'Items every county scored in full'),
    common: both('共性问题', 'Common shortfalls'),
    progress: both('中期进展', 'Progress'),
    worklist: both('失分情况及整改清单', 'Points lost, and what to do'),
    plan: both('提分建议', 'How to reach the pass line'),
    sheet: both('评分表', 'Score sheet'),
    provenance: both('附：报告生成说明', 'Appendix: how this report was made'),
  },
  /** 总体情况. */
  overall: {
    intro: both(
      (a: {
        period: string | null;
        evaluator: string | null;
        methods: string | null;
        who: string;
        round: string | null;
      }) =>
        `${a.period ? `${a.period}，` : ''}${a.evaluator ?? '评估组'}${a.methods ? `采取${a.methods}等方式，` : ''}对${a.who}法治政府建设示范创建工作开展了${a.round ?? '评估'}。`,
      (a) =>
        `${a.evaluator ?? 'The evaluators'} evaluated the law-based government demonstration creation of ${a.who}${a.round ? ` (${a.round})` : ''}${a.period ? ` in ${a.period}` : ''}${a.methods ? ` by ${a.methods}` : ''}.`,
    ),
    scores: both(
      (system: string, scale: string, mean: string, best: string | null, lowest: string | null) =>
        `评估按${system}评分（满分 ${scale} 分），平均总分 ${mean} 分${best ? `；${best}得分最高` : ''}${lowest ? `，${lowest}最低` : ''}。`,
      (system, scale, mean, best, lowest) =>
        `Scored on ${system} (out of ${scale}), the mean total is ${mean}${best ? `; the highest is ${best}` : ''}${lowest ? `, the lowest ${lowest}` : ''}.`,
    ),
    named: both(
      (name: string, total: string) => `${name}（${total} 分）`,
      (name, total) => `${name} (${total})`,
    ),
    pass: both(
      (pass: string, passing: number, ranked: number, share: string) =>
        passing === ranked
          ? `以示范创建达标线 ${pass} 分衡量，参与排名的 ${ranked} 个县（市、区）全部达标。`
          : `以示范创建达标线 ${pass} 分衡量，${passing} 个县（市、区）达标，占参与排名县（市、区）（${ranked} 个）的 ${share}。`,
      (pass, passing, ranked, share) =>
        passing === ranked
          ? `Against the pass line of ${pass}, all ${ranked} ranked counties pass.`
          : `Against the pass line of ${pass}, ${passing} of the ${ranked} ranked counties pass (${share}).`,
    ),
    grades: both(
      (list: readonly (readonly [string, number])[]) =>
        `按等次划分，${list.map(([g, n]) => `${g} ${n} 个`).join('、')}。`,
      (list) => `By grade: ${list.map(([g, n]) => `${g} ${n}`).join(', ')}.`,
    ),
    /** A grade that does not reach the pass line, said so that grade and line never seem to contradict. */
    gradeBelowPass: both(
      (label: string, min: string, n: number, below: number, pass: string) =>
        `评为${label}（${min} 分及以上）的 ${n} 个县（市、区）${below === n ? '' : `中有 ${below} 个`}尚未达到示范创建达标线（${pass} 分）：等次与达标线是两项不同的标准。`,
      (label, min, n, below, pass) =>
        `${below === n ? (n === 1 ? 'The county' : `All ${n} counties`) : `${below} of the ${n} counties`} graded ${label} (${min} or more) ${below === 1 ? 'does' : 'do'} not reach the pass line of ${pass}: a grade and the pass line are different standards.`,
    ),
    vetoes: both(
      (n: number, counties: number) => `${counties} 个县（市、区）触发一票否决事项 ${n} 项，详见“存在问题”。`,
      (n, counties) =>
        `${counties} count${counties === 1 ? 'y triggers' : 'ies trigger'} ${n} veto${n === 1 ? '' : 'es'} (see Problems).`,
    ),
  },
  /** 主要成效. */
  achievements: {
    strongest: both(
      (list: readonly string[]) => `从各体系看，${zhList(list)}平均得分率较高。`,
      (list) => `Of the systems, ${enList(list)} score highest.`,
    ),
    rate: both(
      (name: string, rate: string) => `${name}（${rate}）`,
      (name, rate) => `${name} (${rate})`,
    ),
    above: both(
      (name: string, rate: string, diff: string, region: string) =>
        `${name}（${rate}，高于${region}平均 ${diff} 个百分点）`,
      (name, rate, diff, region) => `${name} (${rate}, ${diff} points above the mean of ${region})`,
    ),
    fullMarks: both(
      (n: number, names: string) => `${n} 项指标所有县（市、区）均得满分，包括${names}。`,
      (n, names) => `Every county earns full marks on ${n} item${n === 1 ? '' : 's'}, among them ${names}.`,
    ),
    progress: both(
      (baseline: string, before: string, after: string, delta: string, rose: number) =>
        `与${baseline}相比，平均总分由 ${before} 分变为 ${after} 分（${delta}），${rose} 个县（市、区）总分提高。`,
      (baseline, before, after, delta, rose) =>
        `Against the ${baseline}, the mean total went from ${before} to ${after} (${delta}); ${rose} count${rose === 1 ? 'y' : 'ies'} improved.`,
    ),
    risers: both(
      (list: readonly string[]) => `提高最多的是${zhList(list)}。`,
      (list) => `The largest rises: ${enList(list)}.`,
    ),
    mover: both(
      (name: string, delta: string) => `${name}（${delta} 分）`,
      (name, delta) => `${name} (${delta})`,
    ),
    nowPassing: both(
      (n: number, list: string) => `${n} 个县（市、区）新达到示范创建达标线：${list}。`,
      (n, list) => `${n} count${n === 1 ? 'y now reaches' : 'ies now reach'} the pass line: ${list}.`,
    ),
    items: both(
      (list: readonly string[]) => `提升的县（市、区）最多的指标是${zhList(list)}。`,
      (list) => `The items most counties improved on: ${enList(list)}.`,
    ),
    itemCount: both(
      (name: string, n: number) => `${name}（${n} 个县（市、区））`,
      (name, n) => `${name} (${n} counties)`,
    ),
    best: both(
      (name: string, total: string, where: string) => `${name}以 ${total} 分位居${where}第一。`,
      (name, total, where) => `${name} ranks first in ${where} with ${total}.`,
    ),
  },
  /** 存在问题. */
  problems: {
    weakest: both(
      (list: readonly string[]) => `${zhList(list)}平均得分率较低，是需要重点加强的方面。`,
      (list) => `${enList(list)} score lowest and need most attention.`,
    ),
    below: both(
      (name: string, rate: string, diff: string, region: string) =>
        `${name}（${rate}，低于${region}平均 ${diff} 个百分点）`,
      (name, rate, diff, region) => `${name} (${rate}, ${diff} points below the mean of ${region})`,
    ),
    common: both(
      (list: readonly string[]) => `共性问题集中在${zhList(list)}。`,
      (list) => `The common shortfalls: ${enList(list)}.`,
    ),
    commonItem: both(
      (name: string, counties: number, of: number, lost: string) =>
        `${name}（${counties}/${of} 个县（市、区）失分，共失 ${lost} 分）`,
      (name, counties, of, lost) => `${name} (${counties} of ${of} counties lose ${lost} points in all)`,
    ),
    belowPass: both(
      (n: number, nearest: string, farthest: string | null) =>
        `${n} 个县（市、区）尚未达到示范创建达标线，${farthest ? `差距最小的是${nearest}，最大的是${farthest}` : `即${nearest}`}。`,
      (n, nearest, farthest) =>
        `${n} count${n === 1 ? 'y does' : 'ies do'} not reach the pass line${farthest ? `: the nearest is ${nearest}, the farthest ${farthest}` : `: ${nearest}`}.`,
    ),
    gap: both(
      (name: string, toPass: string) => `${name}（差 ${toPass} 分）`,
      (name, toPass) => `${name} (${toPass} short)`,
    ),
    missing: both(
      (counties: number, items: number) => `${counties} 个县（市、区）共 ${items} 项指标缺少有效佐证材料，相应失分。`,
      (counties, items) =>
        `${counties} count${counties === 1 ? 'y lacks' : 'ies lack'} usable evidence on ${items} item${items === 1 ? '' : 's'} in all, and lose those points.`,
    ),
    veto: both(
      (county: string, veto: string, effect: string, basis: string) =>
        `${county}触发一票否决事项“${veto}”，${effect}（认定依据：${basis}）。`,
      (county, veto, effect, basis) => `${county}: “${veto}”: ${effect} (basis: ${basis}).`,
    ),
    fell: both(
      (baseline: string, n: number, list: readonly string[]) =>
        `${n} 个县（市、区）总分较${baseline}下降，其中${zhList(list)}下降较多。`,
      (baseline, n, list) =>
        `${n} count${n === 1 ? 'y' : 'ies'} fell against the ${baseline}, most of all ${enList(list)}.`,
    ),
    overclaimed: both(
      (n: number, items: number) => `${n} 个县（市、区）共 ${items} 项自评得分高于核定得分（自评不实），已按规则扣分。`,
      (n, items) =>
        `${n} count${n === 1 ? 'y' : 'ies'} overclaimed on ${items} item${items === 1 ? '' : 's'} in their self-assessment and lost points for it.`,
    ),
    none: both('未发现突出问题。', 'No marked problem was found.'),
  },
  /** 意见建议. */
  advice: {
    item: both(
      (name: string, counties: number, needed: string | null, list: string | null) =>
        `针对${name}（${counties} 个县（市、区）失分），${needed ? `对照满分要求（${needed}）` : '按指标要求'}逐项补齐${list ? `，重点督促${list}` : '，各县（市、区）均需整改'}。`,
      (name, counties, needed, list) =>
        `On ${name} (${counties} counties lose points), ${needed ? `meet the full-marks requirement (${needed})` : 'meet the requirement'}${list ? `, above all in ${list}` : ' everywhere'}.`,
    ),
    system: both(
      (system: string, items: string) => `加强${system}建设，补齐${items}等短板。`,
      (system, items) => `Strengthen ${system}, beginning with ${items}.`,
    ),
    belowPass: both(
      (n: number, near: string | null, here: boolean) =>
        `未达标的 ${n} 个县（市、区）对照${here ? '本报告' : '各州（市）报告'}所列整改清单逐项整改${near ? `；${near}只差提分建议所列几项即可达标，应优先推进` : ''}。`,
      (n, near, here) =>
        `${n === 1 ? 'The county' : `The ${n} counties`} below the pass line work${n === 1 ? 's' : ''} through ${n === 1 ? 'its list' : 'their lists'} in ${here ? 'this report' : 'the prefecture reports'}${near ? `; ${near}, a few items away from it, come first` : ''}.`,
    ),
    nearItem: both(
      (name: string, items: number) => `${name}（${items} 项）`,
      (name, items) => `${name} (${items} item${items === 1 ? '' : 's'})`,
    ),
    missing: both(
      (list: string, items: number) => `督促${list}补齐缺少的佐证材料（共 ${items} 项），避免因材料缺失失分。`,
      (list, items) =>
        `Have ${list} supply the missing evidence (${items} items), so that no points are lost for want of it.`,
    ),
    veto: both(
      (list: string) => `对触发一票否决事项的${list}，依据认定结论督促整改到位。`,
      (list) => `Follow up the vetoes of ${list} on the findings they rest on.`,
    ),
    fell: both(
      (list: string) => `分析${list}总分下降的原因，防止工作反弹。`,
      (list) => `Find out why ${list} fell back, and keep it from recurring.`,
    ),
    keep: both(
      '对照评估指标查漏补缺，巩固创建成果。',
      'Keep the results: check the remaining items against the indicators.',
    ),
  },
  /** One county's four short paragraphs. */
  county: {
    label: both(
      (text: string) => `${text}：`,
      (text) => `${text}: `,
    ),
    standing: both(
      (
        total: string,
        grade: string | null,
        rank: number,
        region: string,
        prefectureRank: number | null,
        prefecture: string,
      ) =>
        `总分 ${total} 分${grade ? `，${grade}` : ''}，${region}第 ${rank} 名${prefectureRank === null ? '' : `、${prefecture}第 ${prefectureRank} 名`}`,
      (total, grade, rank, region, prefectureRank, prefecture) =>
        `total ${total}${grade ? `, ${grade}` : ''}, rank ${rank} in ${region}${prefectureRank === null ? '' : ` and ${prefectureRank} in ${prefecture}`}`,
    ),
    grade: both(
      (grade: string) => `等次为${grade}`,
      (grade) => `graded ${grade}`,
    ),
    gradeMin: both(
      (grade: string, min: string) => `等次为${grade}（${min} 分及以上）`,
      (grade, min) => `graded ${grade} (${min} or more)`,
    ),
    passes: both(
      (pass: string) => `达到示范创建达标线（${pass} 分）`,
      (pass) => `at or above the pass line (${pass})`,
    ),
    short: both(
      (pass: string, toPass: string) => `尚未达到示范创建达标线（${pass} 分），差 ${toPass} 分`,
      (pass, toPass) => `below the pass line (${pass}) by ${toPass}`,
    ),
    disqualified: both(
      (total: string, vetoes: string) => `总分 ${total} 分，因一票否决（${vetoes}）不参与排名`,
      (total, vetoes) => `total ${total}; not ranked because of a veto (${vetoes})`,
    ),
    behind: both(
      (prefectureGap: string | null, region: string, regionGap: string | null) =>
        regionGap === null
          ? `为${region}最高分`
          : `${prefectureGap === null ? '为州（市）内最高分' : `距州（市）内最高分 ${prefectureGap} 分`}，距${region}最高分 ${regionGap} 分`,
      (prefectureGap, region, regionGap) =>
        regionGap === null
          ? `the best in ${region}`
          : `${prefectureGap === null ? 'the best in the prefecture' : `${prefectureGap} behind the best in the prefecture`} and ${regionGap} behind the best in ${region}`,
    ),
    change: both(
      (baseline: string, delta: number, amount: string, region: string, before: string, after: string, move: number) =>
        `与${baseline}相比，总分${delta > 0 ? `提高 ${amount} 分` : delta < 0 ? `下降 ${amount} 分` : '持平'}，${region}排名${move === 0 ? `保持第 ${after} 名` : `由第 ${before} 名${move > 0 ? '升至' : '降至'}第 ${after} 名`}`,
      (baseline, delta, amount, region, before, after, move) =>
        `against the ${baseline} the total ${delta > 0 ? `rose ${amount}` : delta < 0 ? `fell ${amount}` : 'held'}, the rank in ${region} ${move === 0 ? `stayed ${after}` : `went from ${before} to ${after}`}`,
    ),
    notInBaseline: both(
      (baseline: string) => `${baseline}中没有该县（市、区）`,
      (baseline) => `not in the ${baseline}`,
    ),
    strong: both(
      (list: readonly string[], region: string) => `${zhList(list)}得分率高于${region}平均`,
      (list, region) => `${enList(list)} above the mean of ${region}`,
    ),
    fullMarks: both(
      (full: number, scored: number) => `${scored} 项计分指标中 ${full} 项得满分`,
      (full, scored) => `full marks on ${full} of ${scored} scored items`,
    ),
    improved: both(
      (n: number, list: readonly string[]) => `${n} 项指标得分提高，较多的有${zhList(list)}`,
      (n, list) => `${n} item${n === 1 ? '' : 's'} improved, most of all ${enList(list)}`,
    ),
    move: both(
      (name: string, delta: string) => `${name}（${delta} 分）`,
      (name, delta) => `${name} (${delta})`,
    ),
    weak: both(
      (list: readonly string[], region: string) => `${zhList(list)}得分率低于${region}平均`,
      (list, region) => `${enList(list)} below the mean of ${region}`,
    ),
    lost: both(
      (list: readonly string[]) => `失分较多的指标有${zhList(list)}`,
      (list) => `most points lost on ${enList(list)}`,
    ),
    lostItem: both(
      (name: string, lost: string) => `${name}（失 ${lost} 分）`,
      (name, lost) => `${name} (${lost})`,
    ),
    missing: both(
      (n: number) => `${n} 项指标缺少有效佐证材料`,
      (n) => `no usable evidence on ${n} item${n === 1 ? '' : 's'}`,
    ),
    regressed: both(
      (n: number, list: readonly string[]) => `${n} 项指标得分下降：${zhList(list)}`,
      (n, list) => `${n} item${n === 1 ? '' : 's'} fell: ${enList(list)}`,
    ),
    veto: both(
      (veto: string, effect: string) => `触发一票否决事项“${veto}”，${effect}`,
      (veto, effect) => `“${veto}”: ${effect}`,
    ),
    plan: both(
      (n: number, gain: string, list: readonly string[]) =>
        `补齐${zhList(list)}等 ${n} 项（共 ${gain} 分）即可达到达标线`,
      (n, gain, list) =>
        `full marks on ${n} item${n === 1 ? '' : 's'} (${gain} points: ${enList(list)}) reach the pass line`,
    ),
    noPlan: both(
      '补齐全部可补的失分项仍达不到达标线，需从一票否决事项和整体工作入手整改',
      'no set of items reaches the pass line: the vetoes and the work as a whole need attention',
    ),
    rest: both(
      (n: number, lost: string) => `按整改清单补齐其余 ${n} 项失分指标（共 ${lost} 分）`,
      (n, lost) => `work through the other ${n} item${n === 1 ? '' : 's'} that lost points (${lost} in all)`,
    ),
    supply: both(
      (n: number) => `补齐 ${n} 项佐证材料`,
      (n) => `supply the evidence of ${n} item${n === 1 ? '' : 's'}`,
    ),
    nothing: both('各项指标均得满分，巩固创建成果', 'full marks everywhere: keep them'),
    sentence: both(
      (parts: readonly string[]) => `${parts.join('；')}。`,
      (parts) => `${parts.join('; ').replace(/^./, (c) => c.toUpperCase())}.`,
    ),
  },
  tables: {
    rank: both(
      (region: string, withChange: boolean, withNote: boolean) => [
        `${region}排名`,
        '县（市、区）',
        '州（市）',
        '州（市）内排名',
        '总分',
        '等次',
        '是否达标',
        '距达标线',
        ...(withChange ? ['较基线变化'] : []),
        ...(withNote ? ['说明'] : []),
      ],
      (region, withChange, withNote) => [
        `Rank in ${region}`,
        'County',
        'Prefecture',
        'Prefecture rank',
        'Total',
        'Grade',
        'Pass',
        'To pass',
        ...(withChange ? ['Change'] : []),
        ...(withNote ? ['Note'] : []),
      ],
    ),
    prefectureRank: both(
      (region: string, withChange: boolean, withNote: boolean, withPages: boolean) => [
        '州（市）内排名',
        `${region}排名`,
        '县（市、区）',
        '总分',
        '等次',
        '距达标线',
        ...(withChange ? ['基线总分', '变化', '基线排名'] : []),
        ...(withNote ? ['说明'] : []),
        ...(withPages ? ['单页'] : []),
      ],
      (region, withChange, withNote, withPages) => [
        'Prefecture rank',
        `Rank in ${region}`,
        'County',
        'Total',
        'Grade',
        'To pass',
        ...(withChange ? ['Baseline', 'Change', 'Baseline rank'] : []),
        ...(withNote ? ['Note'] : []),
        ...(withPages ? ['Page'] : []),
      ],
    ),
    prefectures: both(
      ['州（市）', '县（市、区）数', '平均总分', '最高分县（市、区）', '最高分', '达标数'],
      ['Prefecture', 'Counties', 'Mean total', 'Highest', 'Highest total', 'Passing'],
    ),
    prefectureSystems: both('州（市）', 'Prefecture'),
    systems: both(
      (region: string) => ['体系', '满分', '平均得分', '平均得分率', `${region}平均得分率`],
      (region) => ['System', 'Max', 'Mean points', 'Mean attainment', `Mean of ${region}`],
    ),
    common: both(
      ['编号', '指标', '所属体系', '满分', '失分县（市、区）数', '共失分', '平均失分'],
      ['No.', 'Item', 'System', 'Max', 'Counties losing', 'Points lost', 'Mean lost'],
    ),
    strengths: both(
      ['编号', '指标', '所属体系', '满分', '得满分的县（市、区）数'],
      ['No.', 'Item', 'System', 'Max', 'Counties with full marks'],
    ),
    profile: both(
      (region: string) => ['体系', '满分', '得分', '得分率', `${region}平均`, '差（百分点）'],
      (region) => ['System', 'Max', 'Points', 'Attainment', `Mean of ${region}`, 'Difference (points)'],
    ),
    worklist: both(
      (withSource: boolean) => [
        '序号',
        '编号',
        '指标',
        '满分',
        '得分',
        '失分',
        '现状',
        '满分要求',
        ...(withSource ? ['佐证来源'] : []),
      ],
      (withSource) => [
        '#',
        'No.',
        'Item',
        'Max',
        'Score',
        'Lost',
        'Evidence',
        'Full marks take',
        ...(withSource ? ['Source'] : []),
      ],
    ),
    sheet: both(
      ['编号', '指标', '满分', '得分', '佐证值', '来源'],
      ['No.', 'Item', 'Max', 'Points', 'Evidence', 'Source'],
    ),
    progress: both(
      (before: string, after: string) => ['州（市）', '县（市、区）数', `${before}平均`, `${after}平均`, '变化'],
      (before, after) => ['Prefecture', 'Counties', `Mean, ${before}`, `Mean, ${after}`, 'Change'],
    ),
    inputs: both(
      ['文件', 'SHA-256 校验值', '数据行', '单元格', '采用'],
      ['File', 'SHA-256', 'Data rows', 'Cells', 'Used'],
    ),
    passYes: both('达标', 'yes'),
    passNo: both('未达标', 'no'),
    notRanked: both('—', '—'),
    veto: both('一票否决', 'veto'),
    vetoHappened: both('已发生', 'happened'),
    vetoNeeded: both('不发生', 'none'),
    missingEvidence: both('缺少佐证', 'no evidence'),
    notApplicable: both('不适用', 'not applicable'),
    leftOut: both('不计入', 'left out'),
    reportOnly: both('仅报告', 'report-only'),
    countyPage: both('查看', 'open'),
    lostNote: both(
      (why: string | null) =>
        (
          ({ none: '缺少佐证', 'too-few': '案件数过少，视为无佐证', rejected: '佐证有误未采用' }) as Record<
            string,
            string
          >
        )[why ?? ''] ?? '',
      (why) =>
        (
          ({ none: 'no evidence', 'too-few': 'too few cases: no evidence', rejected: 'evidence rejected' }) as Record<
            string,
            string
          >
        )[why ?? ''] ?? '',
    ),
  },
  charts: {
    ranking: both(
      (who: string) => `${who}总分排名`,
      (who) => `Totals, ${who}`,
    ),
    keys: {
      pass: both('达标', 'at or above the pass line'),
      fail: both('未达标', 'below the pass line'),
      out: both('不参与排名', 'not ranked'),
      marked: both('创建县（市、区）', 'creation county'),
    },
    passLine: both('达标线', 'Pass line'),
    part: both(
      (title: string, k: number, n: number) => `${title}（${k}/${n}）`,
      (title, k, n) => `${title} (${k} of ${n})`,
    ),
    mean: both(
      (where: string) => `${where}平均`,
      (where) => `Mean of ${where}`,
    ),
    profile: both(
      (name: string, region: string) => `${name}各体系得分率与${region}平均`,
      (name, region) => `${name}: attainment by system against the mean of ${region}`,
    ),
    means: both(
      (where: string) => `${where}各体系平均得分率`,
      (where) => `Mean attainment by system, ${where}`,
    ),
    note: both(
      (region: string) => `得分率 = 得分 ÷ 满分；${region}平均为有该体系得分的所有县（市、区）的平均。`,
      (region) => `Attainment = points ÷ max; the mean of ${region} is over every county with points in that system.`,
    ),
  },
  text: {
    commonIntro: both(
      (n: number, atLeast: number | null) =>
        atLeast === null
          ? `按失分的县（市、区）数排列，前 ${n} 项。`
          : `至少 ${atLeast} 个县（市、区）（半数）失分的指标。`,
      (n, atLeast) =>
        atLeast === null
          ? `By the number of counties losing points; the first ${n}.`
          : `Items on which at least half of the counties (${atLeast}) lose points.`,
    ),
    noCommon: both('没有半数以上县（市、区）都失分的指标。', 'No item loses points in half of the counties or more.'),
    noShortfalls: both('没有失分的指标。', 'No item lost points.'),
    noStrengths: both('没有所有县（市、区）都得满分的指标。', 'No item has full marks everywhere.'),
    veto: both(
      (name: string, effect: string, basis: string) => `一票否决：${name}，${effect}（认定依据：${basis}）。`,
      (name, effect, basis) => `Veto: ${name}: ${effect} (basis: ${basis}).`,
    ),
    noBasis: both('佐证未写明', 'not given in the evidence'),
    vetoNote: both(
      (county: string, lines: string) => `${county}：${lines}`,
      (county, lines) => `${county}: ${lines}`,
    ),
    components: both(
      (parts: readonly (readonly [string, string, string])[]) =>
        `各评估方式得分：${parts.map(([name, points, max]) => `${name} ${points} 分（满分 ${max} 分）`).join('，')}。`,
      (parts) => `Components: ${parts.map(([name, points, max]) => `${name} ${points} of ${max}`).join(', ')}.`,
    ),
    planIntro: both(
      (n: number, gain: string) => `补齐以下 ${n} 项（共 ${gain} 分）即可达到示范创建达标线：`,
      (n, gain) => `Full marks on these ${n} items (${gain} points) reach the pass line:`,
    ),
    planItem: both(
      (name: string, lost: string) => `${name}（+${lost} 分）`,
      (name, lost) => `${name} (+${lost})`,
    ),
    passes: both('已达到示范创建达标线。', 'At or above the pass line.'),
    noPlan: both(
      '即使补齐全部可补的失分项也达不到达标线（或因一票否决事项封顶）。',
      'No set of items reaches the pass line (or a veto caps the total below it).',
    ),
    noPassLine: both('指标体系没有设达标线。', 'The indicator system sets no pass line.'),
    disqualified: both(
      '因一票否决不参与排名，不计算差距和提分建议。',
      'Not ranked because of a veto: no distances, no plan.',
    ),
    fewCases: both(
      (names: string) => `案件数过少、按合理缺项不计入的指标：${names}。`,
      (names) => `Too few cases, left out: ${names}.`,
    ),
    notApplicable: both(
      (names: string) => `不适用的指标：${names}。`,
      (names) => `Not applicable: ${names}.`,
    ),
    progressIntro: both(
      (before: string, after: string) => `本节比较${after}与${before}。`,
      (before, after) => `This section compares the ${after} with the ${before}.`,
    ),
    means: both(
      (b: string, a: string, d: string) => `平均总分由 ${b} 分变为 ${a} 分（${d}）。`,
      (b, a, d) => `Mean total: ${b} → ${a} (${d}).`,
    ),
    nowPassing: both(
      (names: string) => `新达到达标线：${names || '无'}。`,
      (names) => `Now passing: ${names || 'none'}.`,
    ),
    nowFailing: both(
      (names: string) => `跌出达标线：${names || '无'}。`,
      (names) => `No longer passing: ${names || 'none'}.`,
    ),
    risers: both(
      (names: string) => `提高最多：${names || '无'}。`,
      (names) => `Biggest rises: ${names || 'none'}.`,
    ),
    fallers: both(
      (names: string) => `下降最多：${names || '无'}。`,
      (names) => `Biggest falls: ${names || 'none'}.`,
    ),
    back: both(
      (title: string) => `← ${title}`,
      (title) => `← ${title}`,
    ),
    contents: both('目录', 'Contents'),
  },
  /** `report --sensitivity`: the rank intervals over weights drawn at random. */
  sensitivity: {
    section: both('排名的权重敏感性', 'How far the ranks depend on the weights'),
    intro: both(
      (runs: number, spread: string, seed: number, components: boolean) =>
        `指标体系中的权重由评估组织方确定，本身带有一定的主观性。为检验排名在多大程度上取决于权重，将各项权重（各体系、各级指标${components ? '以及各评估方式' : ''}）分别在原值的 ±${spread} 范围内均匀随机取值，重新计算总分和排名，共 ${runs} 次（随机种子 ${seed}，以相同参数重新运行，结果完全相同）。`,
      (runs, spread, seed, components) =>
        `The weights of the indicator system are a committee's choice. To see how far the ranking rests on them, every weight (the systems and the items at every depth${components ? ', and the assessments' : ''}) was drawn uniformly within ±${spread} of its value and the totals and ranks worked out again, ${runs} time${runs === 1 ? '' : 's'} (seed ${seed}: the same options give the same result).`,
    ),
    reading: both(
      (runs: number, low: number, median: number, high: number) =>
        `每个县（市、区）的排名区间为其各次排名的第 5 至第 95 百分位，中位排名为第 50 百分位，均按最近秩法取得：将 ${runs} 个名次由好到差排列，第 5 百分位取第 ${low} 个，中位取第 ${median} 个，第 95 百分位取第 ${high} 个。区间窄，说明名次基本不受权重影响；区间宽，说明权重稍有调整名次就可能明显变化，引用名次时宜同时说明其区间。`,
      (runs, low, median, high) =>
        `A county’s rank interval runs from the 5th to the 95th percentile of its ranks over the runs, its median rank is the 50th, each by nearest rank: of its ${runs} rank${runs === 1 ? '' : 's'} from best to worst, numbers ${low}, ${median} and ${high}. A narrow interval means the rank hardly depends on the weights; a wide one, that a small change of weights may move it a good deal: cite such a rank with its interval.`,
    ),
    summary: both(
      (ranked: number, steady: number, widest: string | null) =>
        `${ranked} 个参与排名的县（市、区）中，${steady} 个的排名区间只有一个名次${widest ? `；区间最宽的是${widest}` : ''}。`,
      (ranked, steady, widest) =>
        `Of ${ranked} ranked ${ranked === 1 ? 'county' : 'counties'}, ${steady} ${steady === 1 ? 'has' : 'have'} an interval of a single rank${widest ? `; the widest interval is ${widest}` : ''}.`,
    ),
    widest: both(
      (name: string, range: string) => `${name}（${range}）`,
      (name, range) => `${name} (${range})`,
    ),
    /** An interval in words: 第 3–7 名. */
    range: both(
      (low: number, high: number) => (low === high ? `第 ${low} 名` : `第 ${low}–${high} 名`),
      (low, high) => (low === high ? `rank ${low}` : `ranks ${low}–${high}`),
    ),
    /** The sentence in a county's 总体情况. */
    county: both(
      (spread: string, runs: number, low: number, high: number, median: number) =>
        low === high
          ? `各项权重在 ±${spread} 内随机浮动 ${runs} 次，至少九成抽样中排名均为第 ${low} 名`
          : `各项权重在 ±${spread} 内随机浮动 ${runs} 次，排名区间（5%–95%）为第 ${low}–${high} 名，中位第 ${median} 名`,
      (spread, runs, low, high, median) =>
        low === high
          ? `over ${runs} runs with every weight drawn within ±${spread}, the rank was ${low} in at least nine runs out of ten`
          : `over ${runs} runs with every weight drawn within ±${spread}, the rank interval (5–95%) is ${low}–${high}, the median ${median}`,
    ),
    column: both('排名区间（5%–95%）', 'Rank interval (5–95%)'),
    chart: both(
      (who: string, spread: string) => `${who}排名区间（权重 ±${spread}，5%–95%）`,
      (who, spread) => `Rank intervals, ${who} (weights ±${spread}, 5–95%)`,
    ),
    keys: {
      median: both('中位排名', 'Median rank'),
      interval: both('排名区间（5%–95%）', 'Rank interval (5–95%)'),
      rank: both('现行权重下的排名', 'Rank with the weights as written'),
      axis: both('排名', 'Rank'),
    },
    head: both(
      ['排名', '县（市、区）', '中位排名', '排名区间（5%–95%）'],
      ['Rank', 'County', 'Median rank', 'Rank interval (5–95%)'],
    ),
    systemsIntro: both(
      '下表依次将一个体系的权重设为 0（其余权重不变）重新排名，列出各县（市、区）名次变动的平均值（位）。数值越大，该体系对排名的影响越大。',
      'The table below leaves out one system at a time (its weight 0, the others as written), ranks again, and gives the mean change of rank over the counties. The larger it is, the more that system decides the ranking.',
    ),
    systemsHead: both(['体系', '去掉该体系后排名平均变动（位）'], ['System', 'Mean rank change with it left out']),
  },
  provenance: {
    madeWith: both(
      (version: string) => `本报告由 fazhi ${version} 依据下列文件自动生成。`,
      (version) => `Made by fazhi ${version} from the files below.`,
    ),
    file: both(
      (label: string, path: string, sha: string) => `${label}：${path}（SHA-256 校验值 ${sha}）`,
      (label, path, sha) => `${label}: ${path} (SHA-256 ${sha})`,
    ),
    systemFile: both('指标体系文件', 'Indicator system'),
    metaFile: both('评估说明文件', 'Evaluation metadata'),
    round: both(
      (round: string | null) => `评估轮次：${round ?? '未分轮次'}。`,
      (round) => `Round: ${round ?? 'none (the evidence is not split into rounds)'}.`,
    ),
    baseline: both(
      (round: string, automatic: boolean) =>
        `对比轮次：${round}${automatic ? '（佐证中有基线轮次，自动对比）' : '（按评估人员指定）'}。`,
      (round, automatic) =>
        `Compared with: ${round}${automatic ? ' (the evidence has a baseline round: compared automatically)' : ' (as the evaluators chose)'}.`,
    ),
    reproducible: both(
      '相同的输入文件与参数再次运行，得到逐字节相同的报告。',
      'The same input files and options give a byte-identical report.',
    ),
  },
};

export type ReportWords = InLang<typeof REPORT>;

const BY_LANG = { zh: inLang(REPORT, 'zh'), en: inLang(REPORT, 'en') };

export const reportWords = (lang: Lang): ReportWords => BY_LANG[lang];
