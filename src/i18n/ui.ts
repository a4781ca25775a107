import type { IndicatorSystem } from '../model/system.js';
import { both, type InLang, inLang } from './catalogue.js';
import type { Lang } from './lang.js';

const WHY_ZH: Record<string, string> = { none: '没有佐证', 'too-few': '案件数过少', rejected: '佐证有误被拒绝' };
const WHY_EN: Record<string, string> = {
  none: 'no evidence',
  'too-few': 'fewer cases than min_n',
  rejected: 'evidence rejected',
};

const scored = (s: IndicatorSystem): number => s.items.filter((n) => n.weight > 0).length;
const reportOnly = (s: IndicatorSystem): number => s.items.length - scored(s);

/** The words of the command line itself (help, summaries, usage errors), in Chinese and English. */
const UI = {
  error: both('错误', 'error'),
  warning: both('警告', 'warning'),
  colon: both('：', ': '),
  programDescription: both(
    '法治政府建设示范创建评估工具：校验指标体系、评分排名、找差距补短板。\n' +
      '示例中的指标分值仅作演示（官方分值未公开），请按实际采用的指标体系配置。',
    'Evaluate law-based government demonstration areas: validate indicator systems, score and rank counties, find the gaps.\n' +
      'The points of the bundled indicator systems are illustrative (the official ones are not public); configure your own.',
  ),
  langOption: both('界面语言，默认取自 LANG，不确定时用中文', 'language; default from LANG, Chinese when unsure'),
  versionOption: both('显示版本号', 'print the version'),
  helpOption: both('显示帮助', 'show help'),
  helpCommand: both('显示某个命令的帮助', 'show help for a command'),
  formatOption: both('输出格式', 'output format'),
  xlsxNeedsOut: both('xlsx 是二进制文件，请用 --out 指定文件名', 'xlsx is a binary file: name one with --out'),
  outOption: both(
    '写入文件（先写临时文件再改名），而不是标准输出',
    'write to this file (a temporary file, then a rename) instead of stdout',
  ),
  headings: both(
    {
      'Usage:': '用法：',
      'Options:': '选项：',
      'Commands:': '命令：',
      'Arguments:': '参数：',
      'Global Options:': '全局选项：',
    } as Record<string, string>,
    {},
  ),
  defaultWord: both('默认', 'default'),
  choicesWord: both('可选', 'choices'),
  examples: both('示例：', 'Examples:'),
  evaluation: {
    reading: both('读取佐证', 'reading evidence'),
    indicators: both(
      '指标体系 YAML（替换评估文件夹中的 indicators.yaml；都没有时用内置全国示例）',
      "indicator system YAML (replaces the folder's indicators.yaml; else the bundled national model)",
    ),
    counties: both(
      '县区名册 CSV 或 .xlsx（替换评估文件夹中的 counties.csv）',
      "county register, CSV or .xlsx (replaces the folder's counties.csv)",
    ),
    evidence: both(
      '佐证文件或文件夹，可重复（替换评估文件夹中的 evidence/）',
      "evidence file or folder, repeatable (replaces the folder's evidence/)",
    ),
    round: both(
      '评估轮次（佐证中 round 列的值，如 baseline、midterm）',
      'the round to score (a value of the evidence round column, e.g. baseline, midterm)',
    ),
    encoding: both('文件编码（默认自动识别 UTF-8 / GB18030）', 'file encoding (default: detected, UTF-8 or GB18030)'),
    sheet: both('.xlsx 文件读取的工作表名称（默认第一个）', 'the sheet of .xlsx files to read (default: the first)'),
    keepGoing: both(
      '有错误的单元格视为无佐证并列入 rejected，其余照常评分',
      'treat bad cells as no evidence, list them under rejected, score the rest',
    ),
    where: both(
      '只评估名册中该列为该值的县（如 batch=1）；可重复：同一列为“或”，不同列为“且”',
      'evaluate only the counties whose register column has this value (e.g. batch=1); repeatable: one column ORs, different columns AND',
    ),
    all: both('评估名册中的全部县（不用默认范围）', 'evaluate every county of the register (no default scope)'),
  },
  validate: {
    description: both(
      '校验指标体系（结构、id 唯一、权重加总、规则参数、分档顺序），对评估文件夹还校验名册与佐证，不评分',
      'check indicator systems (structure, unique ids, weights adding up, rule parameters, bands in order) and, for an evaluation folder, its register and evidence, without scoring',
    ),
    paths: both(
      '指标体系 YAML 文件；评估文件夹（校验其指标体系、名册和各轮次佐证）；或其他文件夹（其中所有 *.yaml）。省略时校验内置的全国示例体系',
      'indicator YAML files; evaluation folders (their indicator system, register and evidence of every round); other folders (every *.yaml in them). None: the bundled national model',
    ),
    strict: both('警告也视为错误（退出码 1）', 'warnings fail too (exit code 1)'),
    examples: both(
      [
        ['fazhi validate indicators/national.yaml', '校验一个指标体系'],
        ['fazhi validate indicators/', '校验文件夹中所有 *.yaml'],
        ['fazhi validate my-evaluation/ --strict', '校验评估文件夹，警告也算失败'],
        ['fazhi validate indicators/ --format github', '在 GitHub Actions 中生成代码注释'],
        ['fazhi validate x.yaml --format json', '机器可读的结果 {ok, errors, warnings}'],
      ] as [string, string][],
      [
        ['fazhi validate indicators/national.yaml', 'check one indicator system'],
        ['fazhi validate indicators/', 'check every *.yaml in a folder'],
        ['fazhi validate my-evaluation/ --strict', 'check an evaluation folder; warnings fail too'],
        ['fazhi validate indicators/ --format github', 'annotations for GitHub Actions'],
        ['fazhi validate x.yaml --format json', 'machine-readable {ok, errors, warnings}'],
      ],
    ),
  },
  score: {
    description: both(
      '为名册中每个县评分：总分、基础分、加分、等次、否决、排名、各体系得分',
      'score every county of the register: total, base, bonus, grade, vetoes, ranks, each system',
    ),
    dir: both(
      '评估文件夹（含 indicators.yaml、counties.csv、evidence/）',
      'evaluation folder (indicators.yaml, counties.csv, evidence/)',
    ),
    examples: both(
      [
        ['fazhi score samples/yunnan-2022 --round midterm', '按中期评估轮次评分并打印排名表'],
        ['fazhi score my-evaluation --format json --out scores.json', '完整结果（含每个指标得分）写入 JSON'],
        ['fazhi score my-evaluation --format csv --out 得分.csv', 'Excel 可直接打开的得分表'],
        ['fazhi score --counties counties.csv --evidence evidence/ --keep-going', '有错误的单元格跳过，其余照常评分'],
      ] as [string, string][],
      [
        ['fazhi score samples/yunnan-2022 --round midterm', 'score the mid-term round and print the ranking'],
        ['fazhi score my-evaluation --format json --out scores.json', 'everything, every item, as JSON'],
        ['fazhi score my-evaluation --format csv --out scores.csv', 'a sheet Excel opens directly'],
        [
          'fazhi score --counties counties.csv --evidence evidence/ --keep-going',
          'set bad cells aside and score the rest',
        ],
      ],
    ),
    rank: both('排名', 'Rank'),
    prefectureRank: both('州（市）内排名', 'Prefecture rank'),
    countyId: both('区划代码', 'county_id'),
    county: both('县（市、区）', 'County'),
    prefecture: both('州（市）', 'Prefecture'),
    total: both('总分', 'Total'),
    base: both('基础分', 'Base'),
    bonus: both('加分', 'Bonus'),
    deducted: both('扣分', 'Deducted'),
    composite: both('综合得分', 'Composite'),
    grade: both('等次', 'Grade'),
    vetoes: both('否决项', 'Vetoes'),
    note: both('备注', 'Note'),
    sheet: both('得分', 'Scores'),
    disqualified: both('否决（不参与排名）', 'disqualified (not ranked)'),
    /** Between the systems of the legend. */
    legendSeparator: both('；', '; '),
    legendItem: both(
      (id: string, name: string, max: string) => `${id} ${name}（${max}）`,
      (id, name, max) => `${id} ${name} (${max})`,
    ),
    scope: both(
      (who: string) => `评估范围：${who}`,
      (who) => `Scope: ${who}`,
    ),
    components: both(
      (parts: readonly (readonly [string, string, string])[]) =>
        `评估方式：${parts.map(([name, points, max]) => `${name} ${points}/${max}`).join('，')}`,
      (parts) => `components: ${parts.map(([name, points, max]) => `${name} ${points}/${max}`).join(', ')}`,
    ),
    legend: both(
      (system: string, legend: string, round: string | null) => `${system}${round ? `（${round}）` : ''}　${legend}`,
      (system, legend, round) => `${system}${round ? ` (${round})` : ''}. ${legend}`,
    ),
    mdIntro: both(
      (version: string | null, round: string | null, n: number) =>
        `指标体系版本 ${version ?? '—'}${round ? `，${round}` : ''}，共 ${n} 个县（市、区）。`,
      (version, round, n) => `Indicator system version ${version ?? '—'}${round ? `, ${round}` : ''}; ${n} counties.`,
    ),
  },
  rank: {
    description: both(
      '按总分或某个体系、指标排名，全省或各州（市）内',
      'rank on the total or on one system or item, province-wide or within each prefecture',
    ),
    by: both(
      '按哪个体系、指标、评估方式或加分项的得分排名（id，如 S4）；默认按总分',
      'the system, item, component or bonus item to rank on (an id such as S4); default: the total',
    ),
    within: both('在各州（市）内分别排名', 'rank within each prefecture'),
    examples: both(
      [
        ['fazhi rank samples/yunnan-2022 --round midterm', '全省按总分排名'],
        [
          'fazhi rank samples/yunnan-2022 --round midterm --by S6 --within prefecture',
          '各州（市）内按第六体系得分排名',
        ],
      ] as [string, string][],
      [
        ['fazhi rank samples/yunnan-2022 --round midterm', 'province-wide ranking on the total'],
        [
          'fazhi rank samples/yunnan-2022 --round midterm --by S6 --within prefecture',
          'within each prefecture, on system S6',
        ],
      ],
    ),
    unknownNode: both(
      (id: string, systems: string) => `指标体系中没有 ${id}；体系有：${systems}`,
      (id, systems) => `the indicator system has no ${id}; its systems are ${systems}`,
    ),
    vetoNotRankable: both(
      (id: string) => `${id} 是否决项，没有分数可以排名；可按总分、体系、指标、评估方式或加分项排名`,
      (id) =>
        `${id} is a veto: it gives no points to rank on; rank on the total, a system, item, component or bonus item`,
    ),
  },
  explain: {
    /** A rule and its parameters: `linear（zero 0.5，full 1）`. */
    ruleWithParameters: both(
      (type: string, parts: readonly string[]) => `${type}（${parts.join('，')}）`,
      (type, parts) => `${type} (${parts.join(', ')})`,
    ),
    description: both(
      '说明某县某项得分的来历：佐证单元格（文件:行）、规则、计算过程，直到总分',
      'how one score came about: the evidence cell (file:line), the rule, the arithmetic, up to the total',
    ),
    countyOption: both('县的 county_id 或名称', 'the county: its county_id or name'),
    itemOption: both(
      '体系、分组、指标、评估方式、加分项或否决项的 id',
      'the id of a system, group, item, component, bonus item or veto',
    ),
    examples: both(
      [
        [
          'fazhi explain samples/yunnan-2022 --round midterm --county 532323 --item S6.1.1',
          '牟定县出庭应诉率的得分是怎么算的',
        ],
      ] as [string, string][],
      [
        [
          'fazhi explain samples/yunnan-2022 --round midterm --county 532323 --item S6.1.1',
          'how 牟定县 scored on one item',
        ],
      ],
    ),
    county: both(
      (name: string, id: string, prefecture: string) => `${name}（${id}，${prefecture}）`,
      (name, id, prefecture) => `${name} (${id}, ${prefecture})`,
    ),
    max: both(
      (max: number, weight: number) => `满分 ${max}${weight === 0 ? '（仅报告，不计分）' : ''}`,
      (max, weight) => `max ${max}${weight === 0 ? ' (report-only, not scored)' : ''}`,
    ),
    evidence: both('佐证：', 'Evidence: '),
    none: both('无', 'none'),
    cell: both(
      (at: string, raw: string, source: string | null, note: string | null, by: string | null = null) =>
        `${at}　值 ${raw === '' ? '（空）' : raw}${by ? `　评估主体：${by}` : ''}${source ? `　来源：${source}` : ''}${note ? `　备注：${note}` : ''}`,
      (at, raw, source, note, by = null) =>
        `${at}  value ${raw === '' ? '(empty)' : raw}${by ? `  by: ${by}` : ''}${source ? `  source: ${source}` : ''}${note ? `  note: ${note}` : ''}`,
    ),
    rule: both('规则：', 'Rule: '),
    arithmetic: both('计算：', 'Arithmetic: '),
    points: both('得分：', 'Points: '),
    rollup: both('上级：', 'Rolls up to: '),
    total: both('总分：', 'Total: '),
    of: both(
      (max: number) => `（满分 ${max}）`,
      (max) => ` (max ${max})`,
    ),
    status: both(
      (status: string, why: string | null, points: string, max: number) =>
        ({
          scored: `${points} / ${max}`,
          missing: `${points} / ${max}（${WHY_ZH[why ?? 'none']}，按 0 分计）`,
          excluded: `不计入（${WHY_ZH[why ?? 'none']}，不参与上级加权）`,
          na: '不适用（不参与上级加权）',
          'report-only': '仅报告，不计分',
        })[status] ?? status,
      (status, why, points, max) =>
        ({
          scored: `${points} / ${max}`,
          missing: `${points} / ${max} (${WHY_EN[why ?? 'none']}; 0 under missing: zero)`,
          excluded: `left out (${WHY_EN[why ?? 'none']}; not in the parent's weighted mean)`,
          na: "不适用: not applicable, not in the parent's weighted mean",
          'report-only': 'report-only, not scored',
        })[status] ?? status,
    ),
    totals: both(
      (base: string, bonus: string, total: string, grade: string | null, rank: number | null, region: string) =>
        `基础分 ${base} + 加分 ${bonus} → ${total}${grade ? `，等次 ${grade}` : ''}${rank === null ? '，不参与排名' : `，${region}第 ${rank} 名`}`,
      (base, bonus, total, grade, rank, region) =>
        `base ${base} + bonus ${bonus} → ${total}${grade ? `, grade ${grade}` : ''}${rank === null ? ', not ranked' : `, rank ${rank} in ${region}`}`,
    ),
    unknownCounty: both(
      (id: string) => `名册中没有县 ${id}`,
      (id) => `no county ${id} in the register`,
    ),
    unknownItem: both(
      (id: string) => `指标体系中没有 ${id}（可用体系、分组、指标、评估方式、加分项或否决项的 id）`,
      (id) => `the indicator system has no ${id} (use the id of a system, group, item, component, bonus item or veto)`,
    ),
    totalsComposite: both(
      (
        composite: string,
        bonus: string,
        deducted: string,
        total: string,
        grade: string | null,
        rank: number | null,
        region: string,
      ) =>
        `综合得分 ${composite} + 加分 ${bonus}${deducted === '' ? '' : ` − 扣分 ${deducted}`} → ${total}${grade ? `，等次 ${grade}` : ''}${rank === null ? '，不参与排名' : `，${region}第 ${rank} 名`}`,
      (composite, bonus, deducted, total, grade, rank, region) =>
        `composite ${composite} + bonus ${bonus}${deducted === '' ? '' : ` − ${deducted} deducted`} → ${total}${grade ? `, grade ${grade}` : ''}${rank === null ? ', not ranked' : `, rank ${rank} in ${region}`}`,
    ),
    deductedNote: both(
      (d: string) => `（扣分 ${d}）`,
      (d) => ` (${d} deducted)`,
    ),
    fewCases: both('案件数不足，合理缺项（不参与上级加权）', 'too few cases: left out, like 不适用'),
    assessorsLine: both(
      (values: readonly (readonly [string, string])[]) =>
        `合并自各评估主体：${values.map(([by, x]) => `${by} ${x}`).join('，')}`,
      (values) => `combined from the assessors: ${values.map(([by, x]) => `${by} ${x}`).join(', ')}`,
    ),
    effect: both('效果：', 'Effect: '),
    checks: both(
      (unit: string | null, range: readonly (number | null)[] | null) =>
        `取值：${[
          unit === null
            ? ''
            : ({ rate: '比率（0–1）', count: '不小于 0 的整数', number: '数值' } as Record<string, string>)[unit],
          range === null
            ? ''
            : [range[0] == null ? '' : `不小于 ${range[0]}`, range[1] == null ? '' : `不大于 ${range[1]}`]
                .filter(Boolean)
                .join(' 且 '),
        ]
          .filter(Boolean)
          .join('，')}`,
      (unit, range) =>
        `Values: ${[
          unit === null
            ? ''
            : ({ rate: 'a rate (0–1)', count: 'a whole number ≥ 0', number: 'a number' } as Record<string, string>)[
                unit
              ],
          range === null
            ? ''
            : [range[0] == null ? '' : `≥ ${range[0]}`, range[1] == null ? '' : `≤ ${range[1]}`]
                .filter(Boolean)
                .join(' and '),
        ]
          .filter(Boolean)
          .join(', ')}`,
    ),
    combinedCell: both(
      (value: string, how: string, n: number) =>
        `合并值 ${value}（${n} 个评估主体评分的${how === 'median' ? '中位数' : '平均数'}）`,
      (value, how, n) => `combined value ${value} (the ${how} of ${n} assessors)`,
    ),
    triggered: both(
      (yes: boolean): string => (yes ? '结果：已触发' : '结果：未触发'),
      (yes) => (yes ? 'Result: triggered' : 'Result: not triggered'),
    ),
    bonusLine: both(
      (points: string, cap: string, total: string) => `本项加分 ${points}（加分合计 ${total}，上限 ${cap}）`,
      (points, cap, total) => `this item ${points} (bonus in all ${total}, at most ${cap})`,
    ),
    vetoLine: both('否决：', 'Veto: '),
    yes: both('是', 'yes'),
    no: both('否', 'no'),
  },
  gaps: {
    description: both(
      '找差距、补短板：逐县列出失分指标（佐证值、满分要求）、缺佐证项，距达标线、州内最好和全省最好的差距，最弱的体系，以及最少补哪些项可以达标',
      "the shortfall report: per county, every item that lost points (evidence, what full marks take), missing evidence, the distance to the pass line, the prefecture's best and the province's best, the weakest systems, and the fewest items that reach the pass line",
    ),
    countyOption: both('只看一个县（county_id 或名称）', 'one county only (county_id or name)'),
    topOption: both('每县只列失分最多的 N 项', "keep each county's N items with the most points lost"),
    examples: both(
      [
        ['fazhi gaps samples/yunnan-2022 --round midterm --county 麻栗坡县', '一个县的失分清单'],
        [
          'fazhi gaps samples/yunnan-2022 --round midterm --format csv --out 整改清单.csv',
          '问题清单/整改清单，可在 Excel 中填写整改措施',
        ],
      ] as [string, string][],
      [
        ['fazhi gaps samples/yunnan-2022 --round midterm --county 麻栗坡县', "one county's shortfalls"],
        [
          'fazhi gaps samples/yunnan-2022 --round midterm --format csv --out worklist.csv',
          'a worklist to fill in with measures, units and deadlines',
        ],
      ],
    ),
    title: both('找差距、补短板', 'Shortfalls'),
    heading: both(
      (
        name: string,
        id: string,
        prefecture: string,
        total: string,
        grade: string | null,
        rank: number | null,
        region: string,
      ) =>
        `${name}（${id}，${prefecture}）　总分 ${total}${grade ? `　${grade}` : ''}${rank === null ? '' : `　${region}第 ${rank} 名`}`,
      (name, id, prefecture, total, grade, rank, region) =>
        `${name} (${id}, ${prefecture})  total ${total}${grade ? `  ${grade}` : ''}${rank === null ? '' : `  rank ${rank} in ${region}`}`,
    ),
    disqualified: both('已被一票否决，不参与排名，不计算差距', 'disqualified by a veto: not ranked, no distances'),
    distances: both(
      (toPass: string | null, toPrefecture: string, toProvince: string, region: string) =>
        `${toPass === null ? '' : `距达标线 ${toPass} 分；`}距州（市）内最高分 ${toPrefecture} 分；距${region}最高分 ${toProvince} 分`,
      (toPass, toPrefecture, toProvince, region) =>
        `${toPass === null ? '' : `${toPass} to the pass line; `}${toPrefecture} to the prefecture's best; ${toProvince} to the best in ${region}`,
    ),
    weakest: both(
      (ids: string[], region: string) => `得分率相对${region}平均由低到高的体系：${ids.join('、') || '—'}`,
      (ids, region) => `systems from weakest to strongest against the mean of ${region}: ${ids.join(', ') || '—'}`,
    ),
    passPlan: both(
      (ids: readonly string[]) => `补齐以下 ${ids.length} 项即可达标：${ids.join('、')}`,
      (ids) =>
        `full marks on ${ids.length === 1 ? 'this item reaches' : `these ${ids.length} items reach`} the pass line: ${ids.join(', ')}`,
    ),
    noPassPlan: both(
      '即使补齐全部可补的失分项也达不到达标线（或因否决项封顶）',
      'no set of items reaches the pass line (or a veto caps the total below it)',
    ),
    head: both(
      ['指标', '名称', '满分', '得分', '失分', '佐证值', '满分要求', '来源', '说明'],
      ['Item', 'Name', 'Max', 'Score', 'Lost', 'Evidence', 'Full marks take', 'Source', 'Note'],
    ),
    lostNote: both(
      (why: string | null): string =>
        why === null
          ? ''
          : ((
              { none: '缺佐证', 'too-few': '案件数过少，视为无佐证', rejected: '佐证有误被拒绝' } as Record<
                string,
                string
              >
            )[why] ?? ''),
      (why) =>
        why === null
          ? ''
          : ((
              {
                none: 'no evidence',
                'too-few': 'too few cases: no evidence',
                rejected: 'evidence rejected',
              } as Record<string, string>
            )[why] ?? ''),
    ),
    nothingLost: both('没有失分项。', 'No points lost.'),
    notApplicable: both(
      (ids: readonly string[]) => `不适用：${ids.join('、')}`,
      (ids) => `not applicable: ${ids.join(', ')}`,
    ),
    fewCases: both(
      (ids: readonly string[]) => `案件数不足、合理缺项（不计入）：${ids.join('、')}`,
      (ids) => `too few cases, left out: ${ids.join(', ')}`,
    ),
    veto: both(
      (line: string) => `否决项：${line}`,
      (line) => `veto: ${line}`,
    ),
    vetoNeeded: both('不发生', 'none'),
    worklistHead: both(
      [
        '区划代码',
        '县（市、区）',
        '州（市）',
        '体系',
        '指标',
        '指标名称',
        '满分',
        '得分',
        '失分',
        '佐证值',
        '满分要求',
        '来源',
        '说明',
        '整改措施',
        '责任单位',
        '完成时限',
      ],
      [
        'county_id',
        'county',
        'prefecture',
        'system',
        'item',
        'item name',
        'max',
        'score',
        'lost',
        'evidence',
        'full marks take',
        'source',
        'note',
        'measure',
        'responsible unit',
        'deadline',
      ],
    ),
    sheet: both('整改清单', 'Worklist'),
    unknownCounty: both(
      (c: string) => `名册中没有县 ${c}`,
      (c) => `no county ${c} in the register`,
    ),
  },
  coverage: {
    description: both(
      '评分前检查佐证是否齐全：逐县、逐体系统计计分项中有可用佐证的项数，列出缺佐证和不适用的项，缺得最多的县在前；csv/xlsx 是可以发给各县的催报清单',
      'evidence completeness before scoring: per county and system, how many scored items have usable evidence, which are missing or not applicable, the counties missing the most first; csv/xlsx is a list of evidence requests to send out',
    ),
    examples: both(
      [
        ['fazhi coverage samples/yunnan-2022 --round midterm', '每个县缺哪些佐证，各体系、各州（市）的完整程度'],
        [
          'fazhi coverage samples/yunnan-2022 --round midterm --format xlsx --out 催报清单.xlsx',
          '催报清单：每个县缺的每一项一行，写明需要什么佐证',
        ],
      ] as [string, string][],
      [
        [
          'fazhi coverage samples/yunnan-2022 --round midterm',
          'what evidence each county lacks; completeness per system and prefecture',
        ],
        [
          'fazhi coverage samples/yunnan-2022 --round midterm --format xlsx --out requests.xlsx',
          'evidence requests: one row per county and missing item, with the evidence wanted',
        ],
      ],
    ),
    summary: both(
      (counties: number, expected: number, incomplete: number, missing: number) =>
        `佐证完整性：${counties} 个县（市、区），每县 ${expected} 个计分项；${
          incomplete === 0 ? '佐证都齐全' : `${counties - incomplete} 个齐全，${incomplete} 个共缺 ${missing} 项`
        }`,
      (counties, expected, incomplete, missing) =>
        `Evidence coverage: ${counties} ${counties === 1 ? 'county' : 'counties'}, ${expected} scored items each; ${
          incomplete === 0
            ? 'all complete'
            : `${counties - incomplete} complete, ${incomplete} missing ${missing} item${missing === 1 ? '' : 's'} in all`
        }`,
    ),
    head: both(
      ['县（市、区）', '区划代码', '州（市）', '计分项', '有佐证', '缺', '不适用', '完整率'],
      ['County', 'ID', 'Prefecture', 'Expected', 'Usable', 'Missing', 'N/A', 'Complete'],
    ),
    systemColumns: both(
      '各体系一列为该体系缺佐证的项数（空白为齐全）。',
      "Each system's column counts its items with no usable evidence (blank: none).",
    ),
    missingTitle: both('缺佐证的指标：', 'Items with no usable evidence:'),
    missingLine: both(
      (name: string, id: string, items: string) => `${name}（${id}）：${items}`,
      (name, id, items) => `${name} (${id}): ${items}`,
    ),
    listJoin: both('、', ', '),
    why: both({ none: '没有佐证', 'too-few': '案件数不足', rejected: '佐证有误' } as Readonly<Record<string, string>>, {
      none: 'no evidence',
      'too-few': 'too few cases',
      rejected: 'evidence rejected',
    }),
    withWhy: both(
      (id: string, why: string) => `${id}（${why}）`,
      (id, why) => `${id} (${why})`,
    ),
    systemsTitle: both('各体系：', 'Per system:'),
    systemsHead: both(
      ['体系', '名称', '应有', '有佐证', '缺', '不适用', '完整率', '缺佐证的县'],
      ['System', 'Name', 'Expected', 'Usable', 'Missing', 'N/A', 'Complete', 'Counties missing'],
    ),
    prefecturesTitle: both('各州（市）：', 'Per prefecture:'),
    prefecturesHead: both(
      ['州（市）', '县数', '佐证齐全的县', '应有', '有佐证', '缺', '不适用', '完整率'],
      ['Prefecture', 'Counties', 'Complete counties', 'Expected', 'Usable', 'Missing', 'N/A', 'Complete'],
    ),
    sheetHead: both(
      [
        '区划代码',
        '县（市、区）',
        '州（市）',
        '体系',
        '指标',
        '指标名称',
        '缺少原因',
        '现有值',
        '位置',
        '所需佐证材料',
        '填写要求',
      ],
      [
        'county_id',
        'county',
        'prefecture',
        'system',
        'item',
        'item name',
        'why',
        'value given',
        'at',
        'evidence wanted',
        'what to fill in',
      ],
    ),
    sheet: both('催报清单', 'Evidence requests'),
  },
  scorecard: {
    description: both(
      '评分表：逐县按指标体系顺序列出每个体系和指标的满分、评分规则、佐证（值、来源、位置）、得分和失分原因，表尾是评估方式、加分项、否决项、等次和排名',
      'the score sheets: per county every system and item in file order with its maximum, the rule in words, the evidence (value, source, file:line), the points and why points were lost; components, bonus, vetoes, grade and ranks at the foot',
    ),
    countyOption: both('只列一个县（county_id 或名称）', 'one county only (county_id or name)'),
    examples: both(
      [
        ['fazhi scorecard samples/yunnan-2022 --round midterm --county 牟定县', '一个县的评分表（Markdown）'],
        [
          'fazhi scorecard samples/yunnan-2022 --round midterm --format html --out 评分表.html',
          '可打印的评分表，每县一页（A4）',
        ],
        [
          'fazhi scorecard samples/yunnan-2022 --round midterm --format docx --out 评分表.docx',
          'Word 评分表，每县一页',
        ],
        [
          'fazhi scorecard samples/yunnan-2022 --round midterm --format xlsx --out 评分表.xlsx',
          '每县每个指标一行，供 Excel 筛选汇总',
        ],
      ] as [string, string][],
      [
        ['fazhi scorecard samples/yunnan-2022 --round midterm --county 牟定县', "one county's score sheet (Markdown)"],
        [
          'fazhi scorecard samples/yunnan-2022 --round midterm --format html --out scorecards.html',
          'printable score sheets, one county a page (A4)',
        ],
        [
          'fazhi scorecard samples/yunnan-2022 --round midterm --format docx --out scorecards.docx',
          'score sheets in Word, one county a page',
        ],
        [
          'fazhi scorecard samples/yunnan-2022 --round midterm --format xlsx --out scorecards.xlsx',
          'one row per county and item, to filter in Excel',
        ],
      ],
    ),
    unknownCounty: both(
      (c: string) => `名册中没有县 ${c}`,
      (c) => `no county ${c} in the register`,
    ),
    binaryNeedsOut: both(
      (format: string) => `${format} 是二进制文件，请用 --out 指定文件名`,
      (format) => `${format} is a binary file: name one with --out`,
    ),
    title: both(
      (evaluation: string) => `${evaluation}评分表`,
      (evaluation) => `${evaluation}: score sheets`,
    ),
    county: both(
      (name: string, id: string, prefecture: string) => `${name}（${id}，${prefecture}）`,
      (name, id, prefecture) => `${name} (${id}, ${prefecture})`,
    ),
    standing: both(
      (
        total: string,
        grade: string | null,
        rank: number | null,
        region: string,
        prefecture: string,
        prefectureRank: number | null,
      ) =>
        `总分 ${total} 分${grade ? `，等次：${grade}` : ''}${
          rank === null
            ? '，因一票否决不参与排名'
            : `，${region}第 ${rank} 名，${prefecture}第 ${prefectureRank ?? '—'} 名`
        }。`,
      (total, grade, rank, region, prefecture, prefectureRank) =>
        `Total ${total}${grade ? `, grade ${grade}` : ''}${
          rank === null
            ? ', not ranked (veto)'
            : `, rank ${rank} in ${region}, ${prefectureRank ?? '—'} in ${prefecture}`
        }.`,
    ),
    head: both(
      ['指标', '满分', '评分规则', '佐证', '得分', '失分原因'],
      ['Item', 'Max', 'Rule', 'Evidence', 'Points', 'Why points were lost'],
    ),
    componentHead: both(
      ['评估方式', '满分', '评分规则', '佐证', '得分', '失分原因'],
      ['Component', 'Max', 'Rule', 'Evidence', 'Points', 'Why points were lost'],
    ),
    bonusHead: both(
      ['加分项', '最多加分', '加分规则', '佐证', '加分'],
      ['Bonus item', 'At most', 'Rule', 'Evidence', 'Points'],
    ),
    vetoHead: both(['一票否决事项', '效果', '认定依据'], ['Veto', 'Effect', 'Basis']),
    status: both(
      { na: '不适用', few: '合理缺项', 'report-only': '仅报告', excluded: '不计入' } as Record<string, string>,
      { na: 'not applicable', few: 'too few cases', 'report-only': 'report-only', excluded: 'left out' } as Record<
        string,
        string
      >,
    ),
    sections: both(
      { components: '评估方式', bonus: '加分项', vetoes: '一票否决事项', totals: '得分汇总' },
      { components: 'Components', bonus: 'Bonus', vetoes: 'Vetoes', totals: 'Totals' },
    ),
    bonusTotal: both(
      (points: string, cap: string) => `加分合计 ${points} 分（最多加 ${cap} 分）。`,
      (points, cap) => `Bonus in all ${points} (at most ${cap}).`,
    ),
    noVeto: both('未触发一票否决事项。', 'No veto triggered.'),
    evidenceFile: both(
      (file: string) => `佐证文件：${file}`,
      (file) => `Evidence file: ${file}`,
    ),
    blank: both('未填写', 'empty'),
    line: both(
      (n: string) => `第 ${n} 行`,
      (n) => `line ${n}`,
    ),
    combined: both(
      (value: string, parts: readonly (readonly [string, string])[], how: string) =>
        `${value}（${parts.map(([by, x]) => `${by} ${x}`).join('，')} 的${how === 'median' ? '中位数' : '平均数'}）`,
      (value, parts, how) => `${value} (the ${how} of ${parts.map(([by, x]) => `${by} ${x}`).join(', ')})`,
    ),
    totals: both(
      (parts: readonly (readonly [string, string, '+' | '−'])[], sum: string, total: string, cap: string | null) =>
        `${parts.map(([label, x, sign], i) => `${i === 0 ? '' : ` ${sign} `}${label} ${x}`).join('')}${
          sum === total
            ? ` = 总分 ${total} 分。`
            : ` = ${sum} 分，${cap === null ? '不低于 0 分' : `一票否决事项封顶 ${cap} 分`}，总分 ${total} 分。`
        }`,
      (parts, sum, total, cap) =>
        `${parts.map(([label, x, sign], i) => `${i === 0 ? label.replace(/^./, (c) => c.toUpperCase()) : ` ${sign} ${label}`} ${x}`).join('')}${
          sum === total
            ? ` = total ${total}.`
            : ` = ${sum}; ${cap === null ? 'at least 0' : `capped at ${cap} by a veto`}: total ${total}.`
        }`,
    ),
    totalWords: both(
      { base: '基础分', composite: '综合得分', bonus: '加分', deducted: '扣分' },
      { base: 'base', composite: 'composite', bonus: 'bonus', deducted: 'deducted' },
    ),
    located: both(
      '佐证栏依次写佐证值、来源、备注和所在位置（佐证文件的行号，Excel 文件为工作表和单元格；不在该县佐证文件中的写明文件名）；得分按指标体系规定的小数位舍入，与评分结果逐项一致。',
      'The evidence column gives the value, its source and note, and where it is (the line of the evidence file, or the sheet and cell of an Excel file; another file by its name); points are rounded as the indicator system says, and agree with the scores item by item.',
    ),
    madeWith: both(
      (generator: string) => `本评分表由 ${generator} 依据下列文件自动生成：`,
      (generator) => `Made by ${generator} from these files:`,
    ),
    filesHead: both(['文件', 'SHA-256 校验值'], ['File', 'SHA-256']),
    sheetHead: both(
      [
        '区划代码',
        '县（市、区）',
        '州（市）',
        '层级',
        '指标',
        '上级指标',
        '指标名称',
        '满分',
        '得分',
        '失分',
        '佐证值',
        '来源',
        '备注',
        '佐证位置',
        '评分规则',
        '失分原因',
        '说明',
      ],
      [
        'county_id',
        'county',
        'prefecture',
        'level',
        'id',
        'parent',
        'name',
        'max',
        'score',
        'lost',
        'value',
        'source',
        'note',
        'at',
        'rule',
        'reason',
        'remark',
      ],
    ),
    sheet: both('评分表', 'Score sheets'),
  },
  veto: {
    disqualify: both('一票否决，取消创建资格', 'disqualified (one-vote veto)'),
    cap: both(
      (n: string) => `总分封顶 ${n} 分`,
      (n) => `total capped at ${n}`,
    ),
    deduct: both(
      (n: string) => `扣 ${n} 分`,
      (n) => `${n} points off`,
    ),
    grade: both(
      (label: string) => `直接定为${label}`,
      (label) => `graded ${label}`,
    ),
    maxGrade: both(
      (label: string) => `不得高于${label}`,
      (label) => `graded no better than ${label}`,
    ),
    basis: both(
      (given: readonly string[], at: string) =>
        `认定依据：${given.length > 0 ? given.join('，') : '佐证未写明'}${at ? `（${at}）` : ''}`,
      (given, at) =>
        `basis: ${given.length > 0 ? given.join(', ') : 'not given in the evidence'}${at ? ` (${at})` : ''}`,
    ),
    line: both(
      (id: string, name: string, effect: string, basis: string) => `${id} ${name}：${effect}；${basis}`,
      (id, name, effect, basis) => `${id} ${name}: ${effect}; ${basis}`,
    ),
    county: both(
      (county: string, lines: string) => `${county}　${lines}`,
      (county, lines) => `${county}: ${lines}`,
    ),
    separator: both('；', '; '),
    hintEffect: both(
      (effect: string) => `（“是”即${effect}）`,
      (effect) => ` (yes: ${effect})`,
    ),
  },
  sensitivity: {
    description: both(
      '权重敏感性：各项权重（体系、各级指标，以及评估方式）在 ±spread 内随机取值，重算 N 次，给出每个县（市、区）的中位排名和 5%–95% 排名区间，以及去掉某一体系后排名平均变动多少',
      'how far the ranks depend on the weights: every weight (systems, items at every depth, components) drawn within ±spread, N runs; per county the median rank and the 5–95% rank interval, and per system how far ranks move with it left out',
    ),
    runsOption: both('随机抽样的次数（默认 1000）', 'how many runs (default 1000)'),
    spreadOption: both(
      '每个权重上下浮动的幅度，0 到 1 的小数或百分数（默认 0.2，即 ±20%）',
      'how far each weight may move, a share 0 to 1 or a percentage (default 0.2, i.e. ±20%)',
    ),
    seedOption: both(
      '随机种子，0 到 9007199254740991 的整数（默认 1）；种子相同，结果完全相同',
      'the random seed, a whole number 0 to 9007199254740991 (default 1); the same seed gives the same result',
    ),
    examples: both(
      [
        ['fazhi sensitivity samples/yunnan-2022 --round midterm', '权重在 ±20% 内浮动 1000 次，各县排名区间'],
        [
          'fazhi sensitivity samples/yunnan-2022 --round midterm --spread 10% --runs 5000 --seed 7',
          '浮动 ±10%，5000 次，指定随机种子',
        ],
        [
          'fazhi sensitivity samples/yunnan-2022 --round midterm --format csv --out 敏感性.csv',
          'Excel 可直接打开的排名区间表',
        ],
      ] as [string, string][],
      [
        [
          'fazhi sensitivity samples/yunnan-2022 --round midterm',
          'weights moved within ±20%, 1000 runs: each county’s rank interval',
        ],
        [
          'fazhi sensitivity samples/yunnan-2022 --round midterm --spread 10% --runs 5000 --seed 7',
          '±10%, 5000 runs, a chosen seed',
        ],
        [
          'fazhi sensitivity samples/yunnan-2022 --round midterm --format csv --out sensitivity.csv',
          'the intervals as a sheet Excel opens directly',
        ],
      ],
    ),
    title: both('权重敏感性分析', 'Weight sensitivity'),
    setup: both(
      (runs: number, spread: string, seed: number) =>
        `各项权重在 ±${spread} 内随机取值，重算 ${runs} 次（随机种子 ${seed}）；排名区间为第 5 至第 95 百分位`,
      (runs, spread, seed) =>
        `every weight drawn within ±${spread}, ${runs} run${runs === 1 ? '' : 's'} (seed ${seed}); the interval runs from the 5th to the 95th percentile`,
    ),
    medianRank: both('中位排名', 'Median rank'),
    interval: both('排名区间（5%–95%）', 'Rank interval (5–95%)'),
    low: both('区间最好名次（5%）', 'Best of interval (5%)'),
    high: both('区间最差名次（95%）', 'Worst of interval (95%)'),
    single: both('区间只有一个名次', 'one-rank interval'),
    sheet: both('权重敏感性', 'Sensitivity'),
    system: both('体系', 'System'),
    shift: both('去掉该体系后排名平均变动（位）', 'Mean rank shift with it left out'),
    systemsTitle: both('各体系对排名的影响', 'How much each system moves the ranking'),
    summary: both(
      (ranked: number, single: number, widest: string | null) =>
        ranked === 0
          ? '没有参与排名的县（市、区）'
          : `${ranked} 个参与排名的县（市、区）中，${single} 个的排名区间只有一个名次${widest ? `；区间最宽的是${widest}` : ''}`,
      (ranked, single, widest) =>
        ranked === 0
          ? 'no county is ranked'
          : `of ${ranked} ranked ${ranked === 1 ? 'county' : 'counties'}, ${single} ${single === 1 ? 'has' : 'have'} an interval of a single rank${widest ? `; the widest interval is ${widest}` : ''}`,
    ),
    widest: both(
      (name: string, low: number, high: number) => `${name}（第 ${low}–${high} 名）`,
      (name, low, high) => `${name} (${low}–${high})`,
    ),
    progress: both('权重敏感性分析', 'sensitivity runs'),
    tooManyRuns: both(
      (runs: number, counties: number, most: number) =>
        `--runs ${runs} 对 ${counties} 个县（市、区）太多：每次的名次都要保存，最多 ${most} 次`,
      (runs, counties, most) =>
        `--runs ${runs} is too many for ${counties} counties: every run's ranks are kept, ${most} at the most`,
    ),
  },
  reconcile: {
    description: both(
      '自评与核定的比对：逐县列出自评值与核定值不一致的指标（两边的值和得分、差额），标出自评不实的指标，并比较自评总分与核定总分',
      'self-assessment against verification: per county, every item where the county’s own value differs from the scored one (both values and points, the difference), overclaimed items marked, the self total against the total',
    ),
    examples: both(
      [
        ['fazhi reconcile my-evaluation', '逐县列出自评与核定不一致的指标'],
        ['fazhi reconcile my-evaluation --format xlsx --out 自评核定比对.xlsx', '写成 Excel 表'],
      ] as [string, string][],
      [
        ['fazhi reconcile my-evaluation', 'every item where a county’s own value and the scored one differ'],
        ['fazhi reconcile my-evaluation --format xlsx --out reconcile.xlsx', 'as an Excel workbook'],
      ],
    ),
    title: both('自评与核定比对', 'Self-assessment against verification'),
    heading: both(
      (name: string, id: string, prefecture: string, selfTotal: string, total: string) =>
        `${name}（${id}，${prefecture}）　自评总分 ${selfTotal}　核定总分 ${total}`,
      (name, id, prefecture, selfTotal, total) =>
        `${name} (${id}, ${prefecture})  self total ${selfTotal}  total ${total}`,
    ),
    overclaimed: both(
      (ids: readonly string[], deducted: string) => `自评不实：${ids.join('、')}（扣 ${deducted} 分）`,
      (ids, deducted) => `overclaimed: ${ids.join(', ')} (${deducted} points off)`,
    ),
    same: both('自评与核定一致', 'the self-assessment agrees with the scored values'),
    noSelf: both('没有自评', 'no self-assessment rows'),
    notDeclared: both(
      '指标体系没有声明 assessors.self（自评行的 by 值），佐证中的自评无从比对。',
      'the indicator system declares no assessors.self (the by value of self-assessment rows): there is nothing to compare.',
    ),
    head: both(
      ['指标', '名称', '满分', '自评值', '自评得分', '核定值', '核定得分', '差额', '不实'],
      ['Item', 'Name', 'Max', 'Self value', 'Self points', 'Scored value', 'Points', 'Difference', 'Overclaimed'],
    ),
    sheetHead: both(
      [
        '区划代码',
        '县（市、区）',
        '州（市）',
        '指标',
        '名称',
        '满分',
        '自评值',
        '自评得分',
        '核定值',
        '核定得分',
        '差额',
        '自评不实',
        '自评总分',
        '核定总分',
      ],
      [
        'county_id',
        'county',
        'prefecture',
        'item',
        'name',
        'max',
        'self value',
        'self points',
        'scored value',
        'points',
        'difference',
        'overclaimed',
        'self total',
        'total',
      ],
    ),
    yes: both('是', 'yes'),
    sheet: both('自评与核定', 'Reconcile'),
  },
  compare: {
    description: both(
      '两轮评估的进展（如中期评估对基线）：每县总分、排名和各体系的变化，提升和下降的指标，全省概况',
      'progress between two rounds (e.g. the mid-term against the baseline): each county’s change of total, rank and systems, items improved and regressed, a province summary',
    ),
    base: both(
      '基线的评估文件夹（用 --rounds 时为唯一的文件夹）',
      'the baseline evaluation folder (the only one with --rounds)',
    ),
    current: both('本轮的评估文件夹', 'the current evaluation folder'),
    rounds: both('同一文件夹中的两个轮次，如 baseline,midterm', 'two rounds of one folder, e.g. baseline,midterm'),
    examples: both(
      [
        ['fazhi compare samples/yunnan-2022 --rounds baseline,midterm', '中期评估对基线'],
        ['fazhi compare 2021-评估 2022-评估 --format csv --out 进展.csv', '两个评估文件夹之间的进展'],
      ] as [string, string][],
      [
        ['fazhi compare samples/yunnan-2022 --rounds baseline,midterm', 'the mid-term against the baseline'],
        [
          'fazhi compare eval-2021 eval-2022 --format csv --out progress.csv',
          'progress between two evaluation folders',
        ],
      ],
    ),
    title: both('中期进展', 'Progress'),
    head: both(
      ['县（市、区）', '州（市）', '基线', '本轮', '变化', '排名'],
      ['County', 'Prefecture', 'Before', 'After', 'Change', 'Rank'],
    ),
    sheetHead: both(
      ['县（市、区）', '州（市）', '基线总分', '本轮总分', '变化', '基线排名', '本轮排名'],
      ['county', 'prefecture', 'total before', 'total after', 'change', 'rank before', 'rank after'],
    ),
    before: both('基线', 'before'),
    after: both('本轮', 'after'),
    improved: both('提升项数', 'Improved'),
    regressed: both('下降项数', 'Regressed'),
    improvedIds: both('提升的指标', 'Items improved'),
    vetoCause: both(
      (county: string, lines: string) => `${county}：本轮新触发否决项 ${lines}`,
      (county, lines) => `${county}: vetoes new this round: ${lines}`,
    ),
    regressedIds: both('下降的指标', 'Items regressed'),
    sheet: both('进展', 'Progress'),
    roundsLine: both(
      (before: string, after: string) => `${after}对比${before}`,
      (before, after) => `${after} against ${before}`,
    ),
    means: both(
      (b: string, a: string, d: string) => `平均总分：基线 ${b} → 本轮 ${a}（${d}）`,
      (b, a, d) => `mean total: ${b} → ${a} (${d})`,
    ),
    crossed: both(
      (up: string[], down: string[]) => `新达标：${up.join('、') || '无'}；跌出达标线：${down.join('、') || '无'}`,
      (up, down) => `now passing: ${up.join(', ') || 'none'}; no longer passing: ${down.join(', ') || 'none'}`,
    ),
    movers: both(
      (up: string[], down: string[]) => `提升最多：${up.join('、') || '无'}；下降最多：${down.join('、') || '无'}`,
      (up, down) => `biggest rises: ${up.join(', ') || 'none'}; biggest falls: ${down.join(', ') || 'none'}`,
    ),
    onlyIn: both(
      (b: readonly string[], a: readonly string[]) =>
        `只在基线指标体系中（不比较）：${b.join('、') || '无'}；只在本轮指标体系中（不比较）：${a.join('、') || '无'}`,
      (b, a) =>
        `only in the baseline system (not compared): ${b.join(', ') || 'none'}; only in the current system (not compared): ${a.join(', ') || 'none'}`,
    ),
    countiesOnlyIn: both(
      (b: readonly string[], a: readonly string[]) =>
        `只在基线名册中：${b.join('、') || '无'}；只在本轮名册中：${a.join('、') || '无'}`,
      (b, a) =>
        `only in the baseline register: ${b.join(', ') || 'none'}; only in the current register: ${a.join(', ') || 'none'}`,
    ),
    roundsNeedTwo: both(
      '--rounds 需要两个轮次，用逗号分开，如 baseline,midterm',
      '--rounds takes two rounds separated by a comma, e.g. baseline,midterm',
    ),
    needCurrent: both(
      '需要两个评估文件夹（基线、本轮），或一个文件夹加 --rounds A,B',
      'give two evaluation folders (baseline, current), or one folder with --rounds A,B',
    ),
  },
  report: {
    description: both(
      '写出整批报告：总报告和每个州（市）一份报告（书面总结、排名图、各县雷达图、失分情况及整改清单、提分建议、共性问题、中期进展）',
      "write the report batch: an overview and one report per prefecture (a written summary, ranking charts, each county's radar chart, points lost and what to do, how to reach the pass line, common shortfalls, mid-term progress)",
    ),
    outOption: both(
      '报告写入的文件夹（不存在时连同上级文件夹一起创建）',
      'the folder to write the reports into (created, with its parents, if missing)',
    ),
    prefectureOption: both('只写这个州（市）的报告', "write only this prefecture's report"),
    countyPagesOption: both(
      '另为每个县（市、区）写一页（评分表、雷达图、失分情况及整改清单、提分建议），放在以州（市）命名的文件夹中',
      'also write one page per county (score sheet, radar chart, shortfalls, pass plan) in a folder per prefecture',
    ),
    baselineOption: both(
      '与这一轮次比较，写出中期进展（默认：佐证中有基线轮次 baseline、基线或基线评估，且 --round 是另一轮时，自动与它比较）',
      'compare with this round and report the mid-term progress (default: with a baseline round in the evidence — baseline, 基线 or 基线评估 — and another --round, compare with it)',
    ),
    noBaselineOption: both('不比较基线', 'do not compare with a baseline'),
    sensitivityOption: both(
      '加上权重敏感性分析：每县的排名区间，总报告中加一张排名区间图（抽样次数、幅度、种子见 --runs、--spread、--seed）',
      'add the weight sensitivity: each county’s rank interval, and a chart of the intervals in the overview (runs, spread and seed: --runs, --spread, --seed)',
    ),
    dateOption: both(
      '报告日期 YYYY-MM-DD（默认取 SOURCE_DATE_EPOCH；都没有时报告不写日期）',
      'the report date, YYYY-MM-DD (default: from SOURCE_DATE_EPOCH; else no date)',
    ),
    examples: both(
      [
        [
          'fazhi report samples/yunnan-2022 --round midterm --out 报告',
          '总报告和各州（市）报告（HTML），自动与基线轮次比较',
        ],
        [
          'fazhi report samples/yunnan-2022 --round midterm --prefecture 楚雄彝族自治州 --format md --out 报告',
          '一个州的 Markdown 报告',
        ],
        [
          'fazhi report samples/yunnan-2022 --round midterm --county-pages --date 2022-11-30 --out 报告',
          '另为每县写一页，注明报告日期',
        ],
        ['fazhi report samples/yunnan-2022 --round midterm --format docx --out 报告', 'Word 文件，可直接修改、转发'],
      ] as [string, string][],
      [
        [
          'fazhi report samples/yunnan-2022 --round midterm --out reports',
          'the province overview and one report per prefecture (HTML), compared with baseline',
        ],
        [
          'fazhi report samples/yunnan-2022 --round midterm --prefecture 楚雄彝族自治州 --format md --out reports',
          'one prefecture, as Markdown',
        ],
        [
          'fazhi report samples/yunnan-2022 --round midterm --county-pages --date 2022-11-30 --out reports',
          'a page per county too, dated',
        ],
        [
          'fazhi report samples/yunnan-2022 --round midterm --format docx --out reports',
          'Word files, to edit and forward',
        ],
      ],
    ),
    unknownPrefecture: both(
      (name: string, known: readonly string[]) => `名册中没有州（市）${name}；现有：${known.join('、')}`,
      (name, known) => `no prefecture ${name} in the register; there are ${known.join(', ')}`,
    ),
    badDate: both(
      (v: string) => `--date 的值 ${v} 不是有效日期，应为 YYYY-MM-DD`,
      (v) => `--date ${v} is not a valid date; write YYYY-MM-DD`,
    ),
    badEpoch: both(
      (v: string) => `环境变量 SOURCE_DATE_EPOCH 的值 ${v} 不是非负整数秒数`,
      (v) => `SOURCE_DATE_EPOCH=${v} is not a whole number of seconds ≥ 0`,
    ),
    sameBaseline: both(
      (r: string) => `--baseline ${r} 与本轮相同；请指定另一个轮次，或用 --no-baseline`,
      (r) => `--baseline ${r} is the current round; name another round, or use --no-baseline`,
    ),
    drawsNeedSensitivity: both(
      (flag: string) => `${flag} 只与 --sensitivity 一起使用`,
      (flag) => `${flag} only goes with --sensitivity`,
    ),
    writing: both('写入报告', 'writing reports'),
    written: both(
      (n: number, dir: string) => `已写入 ${n} 个文件到 ${dir}`,
      (n, dir) => `wrote ${n} file${n === 1 ? '' : 's'} to ${dir}`,
    ),
    outsideOut: both('不在输出文件夹内', 'outside the output folder'),
  },
  template: {
    description: both(
      '生成空白佐证表，含指标名称与填写说明；有名册时每县一组。CSV（UTF-8 带 BOM）或 Excel 工作簿（带下拉选项和取值检查）',
      'a blank evidence sheet with names and rule hints, one block per county when a register is given: CSV (UTF-8 with BOM) or an Excel workbook (drop-down lists, value checks)',
    ),
    /** The long template's columns besides the ids and value columns fazhi reads. */
    countyName: both('县（市、区）', 'county name'),
    indicator: both('指标名称', 'indicator'),
    hint: both('填写说明', 'hint'),
    wide: both(
      '宽表：每县一行、每个指标一列（默认长表：每行一个值）',
      'wide form: one row per county, one column per id (default: long form, one value per row)',
    ),
    force: both(
      '覆盖已有的文件（默认不覆盖，以免冲掉已填的佐证）',
      'overwrite an existing file (by default nothing filled is overwritten)',
    ),
    sheet: both('佐证', 'Evidence'),
    hintsSheet: both('填写说明', 'Hints'),
    hintsHead: both(
      ['indicator_id', '指标名称', '填写说明', '取值', '佐证材料', '说明'],
      ['indicator_id', 'name', 'hint', 'kind of value', 'evidence wanted', 'description'],
    ),
    units: both(
      {
        yesno: '是/否',
        rate: '比率、百分数或 a/b',
        share: '0–1 的比率或百分数',
        count: '不小于 0 的整数',
        points: '评估组给分',
        number: '数值',
      } as Readonly<Record<string, string>>,
      {
        yesno: 'yes/no',
        rate: 'a rate, percentage or a/b',
        share: 'a share 0–1 or a percentage',
        count: 'a whole number ≥ 0',
        points: "the evaluators' points",
        number: 'a number',
      },
    ),
    invalidTitle: both('取值不符合要求', 'Value not accepted'),
    invalid: both(
      (hint: string) => `应填：${hint}。不适用的项填“不适用”。`,
      (hint) => `Expected: ${hint}. Write 不适用 where the item does not apply.`,
    ),
    formatMismatch: both(
      (file: string) => `--format csv 与文件名 ${file} 不符：写 Excel 工作簿用 --format xlsx，或用 .csv 文件名`,
      (file) => `--format csv does not match ${file}: use --format xlsx for a workbook, or a .csv name`,
    ),
    examples: both(
      [
        ['fazhi template my-evaluation --out my-evaluation/evidence/佐证.csv', '为名册中每个县生成长表'],
        ['fazhi template my-evaluation --out 佐证.xlsx', 'Excel 工作簿：下拉选项、取值检查、填写说明工作表'],
        ['fazhi template my-evaluation --wide --out 宽表.csv', '每县一行的宽表，可在 Excel 中填写'],
      ] as [string, string][],
      [
        [
          'fazhi template my-evaluation --out my-evaluation/evidence/evidence.csv',
          'a long sheet for every county of the register',
        ],
        [
          'fazhi template my-evaluation --out evidence.xlsx',
          'an Excel workbook: drop-down lists, value checks, a sheet of hints',
        ],
        ['fazhi template my-evaluation --wide --out wide.csv', 'one row per county, to fill in Excel'],
      ],
    ),
  },
  init: {
    force: both(
      '文件夹不是空的也写入，覆盖同名文件',
      'write into a folder that is not empty, overwriting files of the same names',
    ),
    description: both(
      '新建评估文件夹：默认指标体系、空名册、空 evidence/ 与佐证模板',
      'create an evaluation folder: the default indicator system, an empty register, evidence/ and a template',
    ),
    dir: both('要创建的文件夹（不存在或为空）', 'the folder to create (new or empty)'),
    examples: both([['fazhi init 2024-评估', '新建评估文件夹，再填写 counties.csv 与佐证']] as [string, string][], [
      ['fazhi init evaluation-2024', 'create the folder, then fill in counties.csv and the evidence'],
    ]),
    /** The starter evaluation.yaml: every key written out, commented, so that the file reads as empty. */
    evaluationYaml: both(
      [
        '# 评估说明（fazhi/evaluation@1）：报告标题、评估机构、时间、方式、轮次名称、默认评估范围和提示。',
        '# 每一项都可省略；去掉行首的 # 即启用。说明见 fazhi 的 docs/evaluation-data.md。',
        'format: fazhi/evaluation@1',
        '# title: 某某州法治政府建设示范创建中期评估        # 报告标题',
        '# region: 某某州                                  # 评估的范围，在报告中代替“全省”',
        '# evaluator: 某某第三方评估机构',
        '# period: 2024年7月至9月',
        '# methods: [材料审查, 实地核查, 座谈访谈, 问卷调查]',
        '# rounds: { baseline: 基线评估（2023年底）, midterm: 中期评估（2024年） }   # 轮次的显示名称',
        '# where: { batch: "1" }                          # 默认只评估名册中 batch 为 1 的县',
        '# notice: 本报告为征求意见稿。                     # 每份输出都显示的提示',
        '',
      ].join('\n'),
      [
        "# Evaluation metadata (fazhi/evaluation@1): the reports' title, evaluator, period, methods, round names, default scope and notice.",
        "# Every key is optional; remove the # to use one. See fazhi's docs/evaluation-data.md.",
        'format: fazhi/evaluation@1',
        "# title: 某某州法治政府建设示范创建中期评估        # the reports' title",
        '# region: 某某州                                  # the whole evaluated, instead of “the province”',
        '# evaluator: 某某第三方评估机构',
        '# period: 2024年7月至9月',
        '# methods: [材料审查, 实地核查, 座谈访谈, 问卷调查]',
        '# rounds: { baseline: 基线评估（2023年底）, midterm: 中期评估（2024年） }   # how rounds are named',
        '# where: { batch: "1" }                          # by default only the register\'s batch-1 counties',
        '# notice: Draft for comment.                     # shown on every output',
        '',
      ].join('\n'),
    ),
    done: both(
      (dir: string) =>
        `已创建 ${dir}：indicators.yaml（内置全国示例体系，分值仅作演示）、evaluation.yaml（评估说明，各项待填）、counties.csv（空名册）、evidence/、evidence-template.csv。\n` +
        `下一步：填写 counties.csv，运行 fazhi template ${dir} --out ${dir}/evidence/佐证.csv 生成每县的佐证表，填好后运行 fazhi score ${dir}。\n`,
      (dir) =>
        `Created ${dir}: indicators.yaml (the bundled national model, illustrative points), evaluation.yaml (the evaluation's metadata, to fill in), counties.csv (empty), evidence/, evidence-template.csv.\n` +
        `Next: fill in counties.csv, run fazhi template ${dir} --out ${dir}/evidence/evidence.csv for a sheet per county, then fazhi score ${dir}.\n`,
    ),
  },
  schema: {
    description: both(
      '输出指标体系格式的 JSON Schema（draft-07），供编辑器补全与 CI 使用',
      'print the JSON Schema (draft-07) of the indicator format, for editors and CI',
    ),
    examples: both(
      [
        ['fazhi schema > indicators.schema.json', '保存 schema'],
        [
          '# 在 YAML 第一行写：# yaml-language-server: $schema=./indicators.schema.json',
          'VS Code YAML 扩展即可补全与检查',
        ],
      ] as [string, string][],
      [
        ['fazhi schema > indicators.schema.json', 'save the schema'],
        [
          '# first line of a YAML: # yaml-language-server: $schema=./indicators.schema.json',
          'the VS Code YAML extension then completes and checks',
        ],
      ],
    ),
  },
  systemSummary: both(
    (s: IndicatorSystem) =>
      `${s.id}${s.version ? ` ${s.version}` : ''}：${s.systems.length} 个体系，${scored(s)} 个计分项` +
      `${reportOnly(s) > 0 ? `（另有 ${reportOnly(s)} 个仅报告）` : ''}，满分 ${s.scale}`,
    (s) =>
      `${s.id}${s.version ? ` ${s.version}` : ''}: ${s.systems.length} systems, ${scored(s)} scored items` +
      `${reportOnly(s) > 0 ? ` (and ${reportOnly(s)} report-only)` : ''}, scale ${s.scale}`,
  ),
  problemCounts: both(
    (errors: number, warnings: number) =>
      [errors > 0 ? `${errors} 个错误` : '', warnings > 0 ? `${warnings} 个警告` : ''].filter(Boolean).join('，'),
    (errors, warnings) =>
      [
        errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
        warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
      ]
        .filter(Boolean)
        .join(', '),
  ),
  fileSize: both(
    (kind: 'register' | 'evidence', n: number) =>
      kind === 'register' ? `名册：${n} 个县（市、区）` : `佐证：${n} 个单元格`,
    (kind, n) => (kind === 'register' ? `register: ${n} counties` : `evidence: ${n} cells`),
  ),
  readAs: both(
    (encoding: 'gb18030') => `不是 UTF-8，按 ${encoding.toUpperCase()} 编码读取`,
    (encoding) => `not UTF-8, read as ${encoding.toUpperCase()}`,
  ),
  validateOk: both(
    (n: number) => `校验通过（${n} 个文件）`,
    (n) => `valid (${n} file${n === 1 ? '' : 's'})`,
  ),
  validateFailed: both(
    (n: number) => `校验未通过（${n} 个文件）`,
    (n) => `not valid (${n} file${n === 1 ? '' : 's'})`,
  ),
  usage: {
    badWhere: both(
      (v: string) => `--where 的值 ${v} 应写作 列名=值（如 batch=1）`,
      (v) => `--where ${v} should read COLUMN=VALUE (e.g. batch=1)`,
    ),
    unknownColumn: both(
      (c: string, columns: readonly string[]) => `名册中没有 ${c} 这一列；现有：${columns.join('、')}`,
      (c, columns) => `the register has no column ${c}; its columns are ${columns.join(', ')}`,
    ),
    emptyOut: both(
      '--out 的值是空的：请写出要写入的文件（report 是文件夹）的名称',
      '--out is empty: name the file (for report, the folder) to write',
    ),
    unknownCommand: both(
      (c: string) => `未知命令 ${c}`,
      (c) => `unknown command ${c}`,
    ),
    unknownOption: both(
      (o: string) => `未知选项 ${o}`,
      (o) => `unknown option ${o}`,
    ),
    missingArgument: both(
      (a: string) => `缺少参数 ${a}`,
      (a) => `missing argument ${a}`,
    ),
    optionMissingArgument: both(
      (o: string) => `选项 ${o} 需要一个值`,
      (o) => `option ${o} needs a value`,
    ),
    missingOption: both(
      (o: string) => `缺少必需的选项 ${o}`,
      (o) => `the option ${o} is required`,
    ),
    invalidChoice: both(
      (v: string, o: string, choices: string) => `选项 ${o} 的值 ${v} 无效，可选：${choices}`,
      (v, o, choices) => `${v} is not a valid value for ${o}; choices: ${choices}`,
    ),
    badWholeNumber: both(
      (v: string, o: string, min: number, max: number) =>
        `选项 ${o} 的值 ${v} 无效：应为 ${min} 到 ${max} 之间的整数，只用阿拉伯数字书写，如 ${o} 3`,
      (v, o, min, max) =>
        `${v} is not a valid value for ${o}: give a whole number from ${min} to ${max} in digits only, e.g. ${o} 3`,
    ),
    badShare: both(
      (v: string, o: string) => `选项 ${o} 的值 ${v} 无效：应为 0 到 1 之间的小数或百分数，如 ${o} 0.2 或 ${o} 20%`,
      (v, o) =>
        `${v} is not a valid value for ${o}: give a share from 0 to 1, as a decimal or a percentage, e.g. ${o} 0.2 or ${o} 20%`,
    ),
    excessArguments: both(
      (n: string) => (n === '0' ? '此命令不接受参数' : `参数过多（最多 ${n} 个）`),
      (n) => (n === '0' ? 'this command takes no arguments' : `too many arguments (at most ${n})`),
    ),
    didYouMean: both(
      (s: string) => `，是否想用 ${s}？`,
      (s) => `; did you mean ${s}?`,
    ),
    hint: both(
      (cmd: string) => `（运行 ${cmd} --help 查看用法）`,
      (cmd) => ` (see ${cmd} --help)`,
    ),
  },
  evidenceSummary: both(
    (files: number, rows: number, used: number, duplicates: number, skipped: number, rejected: number, label: string) =>
      `佐证${label ? `（${label}）` : ''}：${files} 个文件共 ${rows} 条：采用 ${used} 条，重复 ${duplicates} 条，跳过 ${skipped} 条，拒收 ${rejected} 条`,
    (files, rows, used, duplicates, skipped, rejected, label) =>
      `evidence${label ? ` (${label})` : ''}: ${rows} ${rows === 1 ? 'entry' : 'entries'} in ${files} file${files === 1 ? '' : 's'}; ${used} used, ${duplicates} duplicate${duplicates === 1 ? '' : 's'}, ${skipped} skipped, ${rejected} rejected`,
  ),
  internalError: both(
    (m: string) =>
      `fazhi 内部错误（程序缺陷，不是输入有误）：${m}。请设置 FAZHI_DEBUG=1 再运行一次，把命令、fazhi 的版本（fazhi --version）和全部输出报告给 fazhi 的维护者`,
    (m) =>
      `fazhi internal error (a bug, not a problem with the input): ${m}. Please run again with FAZHI_DEBUG=1 and report the command, fazhi's version (fazhi --version) and the whole output to fazhi's maintainers`,
  ),
};

/** The catalogue in one language. */
export type Ui = InLang<typeof UI>;

const BY_LANG = { zh: inLang(UI, 'zh'), en: inLang(UI, 'en') };

export const ui = (lang: Lang): Ui => BY_LANG[lang];
