import type { IndicatorSystem } from '../model/system.js';
import type { Lang } from './lang.js';

const WHY_ZH: Record<string, string> = { none: '没有佐证', 'too-few': '案件数少于 min_n', rejected: '佐证有误被拒绝' };
const WHY_EN: Record<string, string> = {
  none: 'no evidence',
  'too-few': 'fewer cases than min_n',
  rejected: 'evidence rejected',
};

const scored = (s: IndicatorSystem): number => s.items.filter((n) => n.weight > 0).length;
const reportOnly = (s: IndicatorSystem): number => s.items.length - scored(s);

/** The words of the command line itself (help, summaries, usage errors), in Chinese and English. */
const zh = {
  error: '错误',
  warning: '警告',
  colon: '：',
  programDescription:
    '法治政府建设示范创建评估工具：校验指标体系、评分排名、找差距补短板。\n' +
    '示例中的指标分值仅作演示（官方分值未公开），请按实际采用的指标体系配置。',
  langOption: '界面语言，默认取自 LANG，不确定时用中文',
  versionOption: '显示版本号',
  helpOption: '显示帮助',
  helpCommand: '显示某个命令的帮助',
  formatOption: '输出格式',
  xlsxNeedsOut: 'xlsx 是二进制文件，请用 --out 指定文件名',
  outOption: '写入文件（先写临时文件再改名），而不是标准输出',
  headings: {
    'Usage:': '用法：',
    'Options:': '选项：',
    'Commands:': '命令：',
    'Arguments:': '参数：',
    'Global Options:': '全局选项：',
  } as Record<string, string>,
  defaultWord: '默认',
  choicesWord: '可选',
  examples: '示例：',
  evaluation: {
    indicators: '指标体系 YAML（替换评估文件夹中的 indicators.yaml；都没有时用内置全国示例）',
    counties: '县区名册 CSV 或 .xlsx（替换评估文件夹中的 counties.csv）',
    evidence: '佐证文件或文件夹，可重复（替换评估文件夹中的 evidence/）',
    round: '评估轮次（佐证中 round 列的值，如 baseline、midterm）',
    encoding: '文件编码（默认自动识别 UTF-8 / GB18030）',
    sheet: '.xlsx 文件读取的工作表名称（默认第一个）',
    keepGoing: '有错误的单元格视为无佐证并列入 rejected，其余照常评分',
  },
  validate: {
    description: '校验指标体系（结构、id 唯一、权重加总、规则参数、分档顺序），对评估文件夹还校验名册与佐证，不评分',
    paths:
      '指标体系 YAML 文件；评估文件夹（校验其指标体系、名册和各轮次佐证）；或其他文件夹（其中所有 *.yaml）。省略时校验内置的全国示例体系',
    strict: '警告也视为错误（退出码 1）',
    examples: [
      ['fazhi validate indicators/national.yaml', '校验一个指标体系'],
      ['fazhi validate indicators/', '校验文件夹中所有 *.yaml'],
      ['fazhi validate my-evaluation/ --strict', '校验评估文件夹，警告也算失败'],
      ['fazhi validate indicators/ --format github', '在 GitHub Actions 中生成代码注释'],
      ['fazhi validate x.yaml --format json', '机器可读的结果 {ok, errors, warnings}'],
    ] as [string, string][],
  },
  score: {
    description: '为名册中每个县评分：总分、基础分、加分、等次、否决、排名、各体系得分',
    dir: '评估文件夹（含 indicators.yaml、counties.csv、evidence/）',
    examples: [
      ['fazhi score samples/yunnan-2022 --round midterm', '按中期评估轮次评分并打印排名表'],
      ['fazhi score my-evaluation --format json --out scores.json', '完整结果（含每个指标得分）写入 JSON'],
      ['fazhi score my-evaluation --format csv --out 得分.csv', 'Excel 可直接打开的得分表'],
      ['fazhi score --counties counties.csv --evidence evidence/ --keep-going', '有错误的单元格跳过，其余照常评分'],
    ] as [string, string][],
    rank: '排名',
    prefectureRank: '州内排名',
    county: '县(市、区)',
    prefecture: '州(市)',
    total: '总分',
    base: '基础分',
    bonus: '加分',
    grade: '等次',
    vetoes: '否决项',
    note: '备注',
    sheet: '得分',
    disqualified: '否决（不参与排名）',
    legend: (system: string, legend: string, round: string | null) =>
      `${system}${round ? `（轮次 ${round}）` : ''}　${legend}`,
    mdIntro: (version: string | null, round: string | null, n: number) =>
      `指标体系版本 ${version ?? '—'}${round ? `，轮次 ${round}` : ''}，共 ${n} 个县（市、区）。`,
  },
  rank: {
    description: '按总分或某个体系、指标排名，全省或各州（市）内',
    by: '按哪个体系或指标的得分排名（id，如 S4）；默认按总分',
    within: '在各州（市）内分别排名',
    examples: [
      ['fazhi rank samples/yunnan-2022 --round midterm', '全省按总分排名'],
      ['fazhi rank samples/yunnan-2022 --round midterm --by S6 --within prefecture', '各州（市）内按第六体系得分排名'],
    ] as [string, string][],
    unknownNode: (id: string, systems: string) => `指标体系中没有 ${id}；体系有：${systems}`,
  },
  explain: {
    description: '说明某县某项得分的来历：佐证单元格（文件:行）、规则、计算过程，直到总分',
    countyOption: '县的 county_id 或名称',
    itemOption: '体系、分组或指标的 id',
    examples: [
      [
        'fazhi explain samples/yunnan-2022 --round midterm --county 532323 --item S6.1.1',
        '牟定县出庭应诉率的得分是怎么算的',
      ],
    ] as [string, string][],
    county: (name: string, id: string, prefecture: string) => `${name}（${id}，${prefecture}）`,
    max: (max: number, weight: number) => `满分 ${max}${weight === 0 ? '（仅报告，不计分）' : ''}`,
    evidence: '佐证：',
    none: '无',
    cell: (at: string, raw: string, source: string | null, note: string | null) =>
      `${at}　值 ${raw === '' ? '（空）' : raw}${source ? `　来源：${source}` : ''}${note ? `　备注：${note}` : ''}`,
    rule: '规则：',
    arithmetic: '计算：',
    points: '得分：',
    rollup: '上级：',
    total: '总分：',
    of: (max: number) => `（满分 ${max}）`,
    status: (status: string, why: string | null, points: string, max: number) =>
      ({
        scored: `${points} / ${max}`,
        missing: `${points} / ${max}（${WHY_ZH[why ?? 'none']}，按 missing: zero 计 0 分）`,
        excluded: `不计入（${WHY_ZH[why ?? 'none']}，不参与上级加权）`,
        na: '不适用（不参与上级加权）',
        'report-only': '仅报告，不计分',
      })[status] ?? status,
    totals: (base: string, bonus: string, total: string, grade: string | null, rank: number | null) =>
      `基础分 ${base} + 加分 ${bonus} → ${total}${grade ? `，等次 ${grade}` : ''}${rank === null ? '，不参与排名' : `，全省第 ${rank} 名`}`,
    unknownCounty: (id: string) => `名册中没有县 ${id}`,
    unknownItem: (id: string) => `指标体系中没有 ${id}（可用体系、分组或指标的 id）`,
    yes: '是',
    no: '否',
  },
  gaps: {
    description:
      '找差距、补短板：逐县列出失分指标（佐证值、满分要求）、缺佐证项，距达标线、州内最好和全省最好的差距，最弱的体系，以及最少补哪些项可以达标',
    countyOption: '只看一个县（county_id 或名称）',
    topOption: '每县只列失分最多的 N 项',
    examples: [
      ['fazhi gaps samples/yunnan-2022 --round midterm --county 麻栗坡县', '一个县的失分清单'],
      [
        'fazhi gaps samples/yunnan-2022 --round midterm --format csv --out 整改清单.csv',
        '问题清单/整改清单，可在 Excel 中填写整改措施',
      ],
    ] as [string, string][],
    title: '找差距、补短板',
    heading: (name: string, id: string, prefecture: string, total: string, grade: string | null, rank: number | null) =>
      `${name}（${id}，${prefecture}）　总分 ${total}${grade ? `　${grade}` : ''}${rank === null ? '' : `　全省第 ${rank} 名`}`,
    disqualified: '已被一票否决，不参与排名，不计算差距',
    distances: (toPass: string | null, toPrefecture: string, toProvince: string) =>
      `${toPass === null ? '' : `距达标线 ${toPass} 分；`}距州（市）内最好 ${toPrefecture} 分；距全省最好 ${toProvince} 分`,
    weakest: (ids: string[]) => `得分率相对全省平均由低到高的体系：${ids.join('、') || '—'}`,
    passPlan: (ids: readonly string[]) => `补齐以下 ${ids.length} 项即可达标：${ids.join('、')}`,
    noPassPlan: '即使补齐全部可补的失分项也达不到达标线（或因否决项封顶）',
    head: ['指标', '名称', '满分', '得分', '失分', '佐证值', '满分要求', '来源', '说明'],
    lostNote: (why: string | null): string =>
      why === null
        ? ''
        : ((
            { none: '缺佐证', 'too-few': '案件数少于 min_n，视为无佐证', rejected: '佐证有误被拒绝' } as Record<
              string,
              string
            >
          )[why] ?? ''),
    nothingLost: '没有失分项。',
    notApplicable: (ids: readonly string[]) => `不适用：${ids.join('、')}`,
    worklistHead: [
      'county_id',
      '县(市、区)',
      '州(市)',
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
    sheet: '整改清单',
    unknownCounty: (c: string) => `名册中没有县 ${c}`,
  },
  compare: {
    description: '两轮评估的进展（如中期评估对基线）：每县总分、排名和各体系的变化，提升和下降的指标，全省概况',
    base: '基线的评估文件夹（用 --rounds 时为唯一的文件夹）',
    current: '本轮的评估文件夹',
    rounds: '同一文件夹中的两个轮次，如 baseline,midterm',
    examples: [
      ['fazhi compare samples/yunnan-2022 --rounds baseline,midterm', '中期评估对基线'],
      ['fazhi compare 2021-评估 2022-评估 --format csv --out 进展.csv', '两个评估文件夹之间的进展'],
    ] as [string, string][],
    title: '中期进展',
    head: ['县(市、区)', '州(市)', '基线', '本轮', '变化', '排名'],
    sheetHead: ['县(市、区)', '州(市)', '基线总分', '本轮总分', '变化', '基线排名', '本轮排名'],
    before: '基线',
    after: '本轮',
    improved: '提升项数',
    regressed: '下降项数',
    improvedIds: '提升的指标',
    regressedIds: '下降的指标',
    sheet: '进展',
    means: (b: string, a: string, d: string) => `平均总分：基线 ${b} → 本轮 ${a}（${d}）`,
    crossed: (up: string[], down: string[]) =>
      `新达标：${up.join('、') || '无'}；跌出达标线：${down.join('、') || '无'}`,
    movers: (up: string[], down: string[]) =>
      `提升最多：${up.join('、') || '无'}；下降最多：${down.join('、') || '无'}`,
    onlyIn: (b: readonly string[], a: readonly string[]) =>
      `只在基线指标体系中（不比较）：${b.join('、') || '无'}；只在本轮指标体系中（不比较）：${a.join('、') || '无'}`,
    countiesOnlyIn: (b: readonly string[], a: readonly string[]) =>
      `只在基线名册中：${b.join('、') || '无'}；只在本轮名册中：${a.join('、') || '无'}`,
    roundsNeedTwo: '--rounds 需要两个轮次，用逗号分开，如 baseline,midterm',
    needCurrent: '需要两个评估文件夹（基线、本轮），或一个文件夹加 --rounds A,B',
  },
  report: {
    description:
      '写出整批报告：全省总报告和每个州（市）一份报告（排名、各县雷达图、失分项与达标路径、共性短板、中期进展）',
    outOption: '报告写入的文件夹（不存在时创建，其上级文件夹须存在）',
    prefectureOption: '只写这个州（市）的报告',
    countyPagesOption: '另为每个县（市、区）写一页（评分表、雷达图、失分项、达标路径），放在以州（市）命名的文件夹中',
    baselineOption:
      '与这一轮次比较，写出中期进展（默认：佐证中有 baseline 轮次且 --round 是另一轮时，自动与 baseline 比较）',
    noBaselineOption: '不比较基线',
    dateOption: '报告日期 YYYY-MM-DD（默认取 SOURCE_DATE_EPOCH；都没有时报告不写日期）',
    examples: [
      [
        'fazhi report samples/yunnan-2022 --round midterm --out 报告',
        '全省总报告和各州（市）报告（HTML），自动与 baseline 比较',
      ],
      [
        'fazhi report samples/yunnan-2022 --round midterm --prefecture 楚雄彝族自治州 --format md --out 报告',
        '一个州的 Markdown 报告',
      ],
      [
        'fazhi report samples/yunnan-2022 --round midterm --county-pages --date 2022-11-30 --out 报告',
        '另为每县写一页，注明报告日期',
      ],
    ] as [string, string][],
    unknownPrefecture: (name: string, known: readonly string[]) =>
      `名册中没有州（市）${name}；现有：${known.join('、')}`,
    badDate: (v: string) => `--date 的值 ${v} 不是有效日期，应为 YYYY-MM-DD`,
    badEpoch: (v: string) => `环境变量 SOURCE_DATE_EPOCH 的值 ${v} 不是非负整数秒数`,
    sameBaseline: (r: string) => `--baseline ${r} 与本轮相同；请指定另一个轮次，或用 --no-baseline`,
    writing: (i: number, n: number, file: string) => `写入 ${i}/${n} ${file}`,
    written: (n: number, dir: string) => `已写入 ${n} 个文件到 ${dir}`,
    outsideOut: '不在输出文件夹内',

    indexTitle: '全省评估总报告',
    prefectureTitle: (p: string) => `${p}评估报告`,
    countyTitle: (c: string) => `${c}评估报告`,
    subtitle: (system: string, version: string | null, round: string | null) =>
      `${system}${version ? `（版本 ${version}）` : ''}${round ? `　轮次 ${round}` : ''}`,
    dated: (date: string) => `报告日期 ${date}`,
    backToIndex: '← 全省总报告',
    backToPrefecture: (p: string) => `← ${p}`,
    contents: '目录',

    overview: '概况',
    overviewLine: (n: number, prefectures: number, mean: string) =>
      `共 ${n} 个县（市、区），${prefectures} 个州（市）；平均总分 ${mean}。`,
    passLine: (pass: string, passing: number, ranked: number) =>
      `达标线 ${pass} 分：${passing} 个县（市、区）达标（参与排名的 ${ranked} 个中）。`,
    disqualifiedLine: (names: readonly string[]) => `被一票否决、不参与排名：${names.join('、')}。`,
    grades: (list: readonly [string, number][]) => `等次：${list.map(([g, n]) => `${g} ${n} 个`).join('，')}。`,
    prefectureOverview: (n: number, mean: string, provinceMean: string) =>
      `共 ${n} 个县（市、区），平均总分 ${mean}（全省平均 ${provinceMean}）。`,
    bestLine: (name: string, total: string) => `州（市）内最好：${name}，${total} 分。`,

    ranking: '全省排名',
    prefectureRanking: '州（市）内排名',
    rankHead: ['排名', '县(市、区)', '州(市)', '州内排名', '总分', '等次', '达标'],
    prefectureRankHead: ['州内排名', '全省排名', '县(市、区)', 'county_id', '总分', '等次', '距达标线'],
    progressHead: ['基线', '变化', '基线排名'],
    passYes: '是',
    passNo: '否',
    notRanked: '—',

    systemMeans: '各体系平均得分率',
    systemMeansHead: ['体系', '名称', '满分', '平均得分', '平均得分率'],
    provinceProfile: '全省各体系平均得分率',

    shortfalls: '失分最多的指标',
    shortfallsIntro: (n: number) => `按失分的县（市、区）数排列，前 ${n} 项。`,
    shortfallsHead: ['指标', '名称', '体系', '满分', '失分县数', '共失分', '平均失分'],
    commonShortfalls: '本州（市）共性短板',
    commonShortfallsIntro: (half: number) => `至少 ${half} 个县（市、区）（半数）失分的指标。`,
    noCommonShortfalls: '没有半数以上县（市、区）都失分的指标。',
    noShortfalls: '没有失分的指标。',

    prefectures: '各州（市）对比',
    prefecturesHead: ['州(市)', '县数', '平均总分', '最好', '最好总分', '达标'],
    prefectureSystemHead: '各州（市）各体系平均得分率',

    progress: '中期进展（对比基线）',
    progressIntro: (before: string, after: string) => `基线轮次 ${before}，本轮 ${after}。`,
    progressMeans: (b: string, a: string, d: string) => `平均总分：基线 ${b} → 本轮 ${a}（${d}）。`,
    nowPassing: (names: readonly string[]) => `新达标：${names.join('、') || '无'}。`,
    nowFailing: (names: readonly string[]) => `跌出达标线：${names.join('、') || '无'}。`,
    risers: (names: readonly string[]) => `提升最多：${names.join('、') || '无'}。`,
    fallers: (names: readonly string[]) => `下降最多：${names.join('、') || '无'}。`,
    progressPrefectureHead: ['州(市)', '县数', '基线平均', '本轮平均', '变化'],
    countyProgress: (before: string, after: string, delta: string, rankBefore: string, rankAfter: string) =>
      `对比基线：总分 ${before} → ${after}（${delta}），全省排名 ${rankBefore} → ${rankAfter}。`,
    improvedItems: (ids: readonly string[]) => `提升的指标（${ids.length} 项）：${ids.join('、') || '无'}。`,
    regressedItems: (ids: readonly string[]) => `下降的指标（${ids.length} 项）：${ids.join('、') || '无'}。`,
    notInBaseline: '基线中没有这个县（市、区）。',

    profiles: '各县（市、区）画像',
    countyHeading: (name: string, id: string) => `${name}（${id}）`,
    countyFacts: (
      total: string,
      grade: string | null,
      rank: number | null,
      prefectureRank: number | null,
      prefecture: string,
    ) =>
      `总分 ${total}${grade ? `，等次 ${grade}` : ''}${rank === null ? '，不参与排名' : `，全省第 ${rank} 名，${prefecture}第 ${prefectureRank} 名`}。`,
    disqualified: (vetoes: readonly string[]) => `已被一票否决（${vetoes.join('；')}），不参与排名，不计算差距。`,
    distances: (toPass: string | null, toPrefecture: string, toProvince: string) =>
      `${toPass === null ? '' : `距达标线 ${toPass} 分；`}距州（市）内最好 ${toPrefecture} 分；距全省最好 ${toProvince} 分。`,
    radarLegendCounty: (name: string) => name,
    radarLegendMean: '全省平均',
    radarTitle: (name: string) => `${name}各体系得分率与全省平均`,
    profileHead: ['体系', '名称', '满分', '得分', '得分率', '全省平均', '差'],
    topShortfalls: (n: number) => `主要失分项（前 ${n} 项）`,
    allShortfalls: '失分项',
    shortfallHead: ['指标', '名称', '满分', '得分', '失分', '佐证值', '满分要求', '来源'],
    missingEvidence: '缺佐证',
    passPlan: '达标路径',
    passPlanLine: (n: number, gain: string) => `补齐以下 ${n} 项（共 ${gain} 分）即可达标：`,
    planItem: (id: string, name: string, lost: string) => `${id} ${name}（+${lost} 分）`,
    passes: '已达标。',
    noPassPlan: '即使补齐全部可补的失分项也达不到达标线（或因否决项封顶）。',
    noPassLine: '指标体系没有设达标线。',
    notApplicable: (ids: readonly string[]) => `不适用：${ids.join('、')}。`,
    countyPage: '单页',
    scoreSheet: '评分表',
    scoreSheetHead: ['id', '名称', '满分', '得分', '佐证值', '来源'],
    notApplicableValue: '不适用',
    leftOut: '不计入',
    reportOnly: '仅报告',

    provenance: '报告如何生成',
    madeWith: (version: string) => `由 fazhi ${version} 生成。`,
    systemUsed: (id: string, version: string | null, path: string) =>
      `指标体系 ${id}${version ? ` 版本 ${version}` : ''}（${path}）`,
    roundUsed: (round: string | null) => (round ? `评估轮次：${round}。` : '评估轮次：未分轮次。'),
    baselineUsed: (round: string, automatic: boolean) =>
      `基线轮次：${round}${automatic ? '（佐证中有 baseline 轮次，自动比较）' : '（--baseline）'}。`,
    inputsHead: ['文件', 'sha256', '数据行', '单元格', '采用'],
    reproducible: '相同的输入文件与参数再次运行，得到逐字节相同的报告。',
    chartNote: '得分率 = 得分 ÷ 满分；全省平均为有该体系得分的所有县（市、区）的平均。',
  },
  template: {
    description: '生成空白佐证表（UTF-8 带 BOM 的 CSV），含指标名称与填写说明；有名册时每县一组',
    wide: '宽表：每县一行、每个指标一列（默认长表：每行一个值）',
    examples: [
      ['fazhi template my-evaluation --out my-evaluation/evidence/佐证.csv', '为名册中每个县生成长表'],
      ['fazhi template my-evaluation --wide --out 宽表.csv', '每县一行的宽表，可在 Excel 中填写'],
    ] as [string, string][],
  },
  init: {
    description: '新建评估文件夹：默认指标体系、空名册、空 evidence/ 与佐证模板',
    dir: '要创建的文件夹（不存在或为空）',
    examples: [['fazhi init 2024-评估', '新建评估文件夹，再填写 counties.csv 与佐证']] as [string, string][],
    done: (dir: string) =>
      `已创建 ${dir}：indicators.yaml（内置全国示例体系，分值仅作演示）、counties.csv（空名册）、evidence/、evidence-template.csv。\n` +
      `下一步：填写 counties.csv，运行 fazhi template ${dir} --out ${dir}/evidence/佐证.csv 生成每县的佐证表，填好后运行 fazhi score ${dir}。\n`,
  },
  schema: {
    description: '输出指标体系格式的 JSON Schema（draft-07），供编辑器补全与 CI 使用',
    examples: [
      ['fazhi schema > indicators.schema.json', '保存 schema'],
      [
        '# 在 YAML 第一行写：# yaml-language-server: $schema=./indicators.schema.json',
        'VS Code YAML 扩展即可补全与检查',
      ],
    ] as [string, string][],
  },
  systemSummary: (s: IndicatorSystem) =>
    `${s.id}${s.version ? ` ${s.version}` : ''}：${s.systems.length} 个体系，${scored(s)} 个计分项` +
    `${reportOnly(s) > 0 ? `（另有 ${reportOnly(s)} 个仅报告）` : ''}，满分 ${s.scale}`,
  problemCounts: (errors: number, warnings: number) =>
    [errors > 0 ? `${errors} 个错误` : '', warnings > 0 ? `${warnings} 个警告` : ''].filter(Boolean).join('，'),
  fileSize: (kind: 'register' | 'evidence', n: number) =>
    kind === 'register' ? `名册：${n} 个县（市、区）` : `佐证：${n} 个单元格`,
  validateOk: (n: number) => `校验通过（${n} 个文件）`,
  validateFailed: (n: number) => `校验未通过（${n} 个文件）`,
  usage: {
    unknownCommand: (c: string) => `未知命令 ${c}`,
    unknownOption: (o: string) => `未知选项 ${o}`,
    missingArgument: (a: string) => `缺少参数 ${a}`,
    optionMissingArgument: (o: string) => `选项 ${o} 需要一个值`,
    missingOption: (o: string) => `缺少必需的选项 ${o}`,
    invalidChoice: (v: string, o: string, choices: string) => `选项 ${o} 的值 ${v} 无效，可选：${choices}`,
    excessArguments: (n: string) => (n === '0' ? '此命令不接受参数' : `参数过多（最多 ${n} 个）`),
    didYouMean: (s: string) => `，是否想用 ${s}？`,
    hint: (cmd: string) => `（运行 ${cmd} --help 查看用法）`,
  },
  internalError: (m: string) => `fazhi 内部错误（这是程序缺陷，请报告）：${m}；设置 FAZHI_DEBUG=1 可查看详情`,
};

type Ui = typeof zh;

const en: Ui = {
  error: 'error',
  warning: 'warning',
  colon: ': ',
  programDescription:
    'Evaluate law-based government demonstration areas: validate indicator systems, score and rank counties, find the gaps.\n' +
    'The points of the bundled indicator systems are illustrative (the official ones are not public); configure your own.',
  langOption: 'language; default from LANG, Chinese when unsure',
  versionOption: 'print the version',
  helpOption: 'show help',
  helpCommand: 'show help for a command',
  formatOption: 'output format',
  xlsxNeedsOut: 'xlsx is a binary file: name one with --out',
  outOption: 'write to this file (a temporary file, then a rename) instead of stdout',
  headings: {},
  defaultWord: 'default',
  choicesWord: 'choices',
  examples: 'Examples:',
  evaluation: {
    indicators: "indicator system YAML (replaces the folder's indicators.yaml; else the bundled national model)",
    counties: "county register, CSV or .xlsx (replaces the folder's counties.csv)",
    evidence: "evidence file or folder, repeatable (replaces the folder's evidence/)",
    round: 'the round to score (a value of the evidence round column, e.g. baseline, midterm)',
    encoding: 'file encoding (default: detected, UTF-8 or GB18030)',
    sheet: 'the sheet of .xlsx files to read (default: the first)',
    keepGoing: 'treat bad cells as no evidence, list them under rejected, score the rest',
  },
  validate: {
    description:
      'check indicator systems (structure, unique ids, weights adding up, rule parameters, bands in order) and, for an evaluation folder, its register and evidence, without scoring',
    paths:
      'indicator YAML files; evaluation folders (their indicator system, register and evidence of every round); other folders (every *.yaml in them). None: the bundled national model',
    strict: 'warnings fail too (exit code 1)',
    examples: [
      ['fazhi validate indicators/national.yaml', 'check one indicator system'],
      ['fazhi validate indicators/', 'check every *.yaml in a folder'],
      ['fazhi validate my-evaluation/ --strict', 'check an evaluation folder; warnings fail too'],
      ['fazhi validate indicators/ --format github', 'annotations for GitHub Actions'],
      ['fazhi validate x.yaml --format json', 'machine-readable {ok, errors, warnings}'],
    ],
  },
  score: {
    description: 'score every county of the register: total, base, bonus, grade, vetoes, ranks, each system',
    dir: 'evaluation folder (indicators.yaml, counties.csv, evidence/)',
    examples: [
      ['fazhi score samples/yunnan-2022 --round midterm', 'score the mid-term round and print the ranking'],
      ['fazhi score my-evaluation --format json --out scores.json', 'everything, every item, as JSON'],
      ['fazhi score my-evaluation --format csv --out scores.csv', 'a sheet Excel opens directly'],
      [
        'fazhi score --counties counties.csv --evidence evidence/ --keep-going',
        'set bad cells aside and score the rest',
      ],
    ],
    rank: 'Rank',
    prefectureRank: 'Prefecture rank',
    county: 'County',
    prefecture: 'Prefecture',
    total: 'Total',
    base: 'Base',
    bonus: 'Bonus',
    grade: 'Grade',
    vetoes: 'Vetoes',
    note: 'Note',
    sheet: 'Scores',
    disqualified: 'disqualified (not ranked)',
    legend: (system, legend, round) => `${system}${round ? ` (round ${round})` : ''}. ${legend}`,
    mdIntro: (version, round, n) =>
      `Indicator system version ${version ?? '—'}${round ? `, round ${round}` : ''}; ${n} counties.`,
  },
  rank: {
    description: 'rank on the total or on one system or item, province-wide or within each prefecture',
    by: 'the system or item to rank on (an id such as S4); default: the total',
    within: 'rank within each prefecture',
    examples: [
      ['fazhi rank samples/yunnan-2022 --round midterm', 'province-wide ranking on the total'],
      [
        'fazhi rank samples/yunnan-2022 --round midterm --by S6 --within prefecture',
        'within each prefecture, on system S6',
      ],
    ],
    unknownNode: (id, systems) => `the indicator system has no ${id}; its systems are ${systems}`,
  },
  explain: {
    description: 'how one score came about: the evidence cell (file:line), the rule, the arithmetic, up to the total',
    countyOption: 'the county: its county_id or name',
    itemOption: 'the id of a system, group or item',
    examples: [
      [
        'fazhi explain samples/yunnan-2022 --round midterm --county 532323 --item S6.1.1',
        'how 牟定县 scored on one item',
      ],
    ],
    county: (name, id, prefecture) => `${name} (${id}, ${prefecture})`,
    max: (max, weight) => `max ${max}${weight === 0 ? ' (report-only, not scored)' : ''}`,
    evidence: 'Evidence: ',
    none: 'none',
    cell: (at, raw, source, note) =>
      `${at}  value ${raw === '' ? '(empty)' : raw}${source ? `  source: ${source}` : ''}${note ? `  note: ${note}` : ''}`,
    rule: 'Rule: ',
    arithmetic: 'Arithmetic: ',
    points: 'Points: ',
    rollup: 'Rolls up to: ',
    total: 'Total: ',
    of: (max) => ` (max ${max})`,
    status: (status, why, points, max) =>
      ({
        scored: `${points} / ${max}`,
        missing: `${points} / ${max} (${WHY_EN[why ?? 'none']}; 0 under missing: zero)`,
        excluded: `left out (${WHY_EN[why ?? 'none']}; not in the parent's weighted mean)`,
        na: "不适用: not applicable, not in the parent's weighted mean",
        'report-only': 'report-only, not scored',
      })[status] ?? status,
    totals: (base, bonus, total, grade, rank) =>
      `base ${base} + bonus ${bonus} → ${total}${grade ? `, grade ${grade}` : ''}${rank === null ? ', not ranked' : `, rank ${rank}`}`,
    unknownCounty: (id) => `no county ${id} in the register`,
    unknownItem: (id) => `the indicator system has no ${id} (use the id of a system, group or item)`,
    yes: 'yes',
    no: 'no',
  },
  gaps: {
    description:
      "the shortfall report: per county, every item that lost points (evidence, what full marks take), missing evidence, the distance to the pass line, the prefecture's best and the province's best, the weakest systems, and the fewest items that reach the pass line",
    countyOption: 'one county only (county_id or name)',
    topOption: "keep each county's N items with the most points lost",
    examples: [
      ['fazhi gaps samples/yunnan-2022 --round midterm --county 麻栗坡县', "one county's shortfalls"],
      [
        'fazhi gaps samples/yunnan-2022 --round midterm --format csv --out worklist.csv',
        'a worklist to fill in with measures, units and deadlines',
      ],
    ],
    title: 'Shortfalls',
    heading: (name, id, prefecture, total, grade, rank) =>
      `${name} (${id}, ${prefecture})  total ${total}${grade ? `  ${grade}` : ''}${rank === null ? '' : `  rank ${rank}`}`,
    disqualified: 'disqualified by a veto: not ranked, no distances',
    distances: (toPass, toPrefecture, toProvince) =>
      `${toPass === null ? '' : `${toPass} to the pass line; `}${toPrefecture} to the prefecture's best; ${toProvince} to the province's best`,
    weakest: (ids) => `systems from weakest to strongest against the mean: ${ids.join(', ') || '—'}`,
    passPlan: (ids) =>
      `full marks on ${ids.length === 1 ? 'this item reaches' : `these ${ids.length} items reach`} the pass line: ${ids.join(', ')}`,
    noPassPlan: 'no set of items reaches the pass line (or a veto caps the total below it)',
    head: ['Item', 'Name', 'Max', 'Score', 'Lost', 'Evidence', 'Full marks take', 'Source', 'Note'],
    lostNote: (why) =>
      why === null
        ? ''
        : ((
            {
              none: 'no evidence',
              'too-few': 'fewer cases than min_n: no evidence',
              rejected: 'evidence rejected',
            } as Record<string, string>
          )[why] ?? ''),
    nothingLost: 'No points lost.',
    notApplicable: (ids) => `not applicable: ${ids.join(', ')}`,
    worklistHead: [
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
    sheet: 'Worklist',
    unknownCounty: (c) => `no county ${c} in the register`,
  },
  compare: {
    description:
      'progress between two rounds (e.g. the mid-term against the baseline): each county’s change of total, rank and systems, items improved and regressed, a province summary',
    base: 'the baseline evaluation folder (the only one with --rounds)',
    current: 'the current evaluation folder',
    rounds: 'two rounds of one folder, e.g. baseline,midterm',
    examples: [
      ['fazhi compare samples/yunnan-2022 --rounds baseline,midterm', 'the mid-term against the baseline'],
      ['fazhi compare eval-2021 eval-2022 --format csv --out progress.csv', 'progress between two evaluation folders'],
    ],
    title: 'Progress',
    head: ['County', 'Prefecture', 'Before', 'After', 'Change', 'Rank'],
    sheetHead: ['county', 'prefecture', 'total before', 'total after', 'change', 'rank before', 'rank after'],
    before: 'before',
    after: 'after',
    improved: 'Improved',
    regressed: 'Regressed',
    improvedIds: 'Items improved',
    regressedIds: 'Items regressed',
    sheet: 'Progress',
    means: (b, a, d) => `mean total: ${b} → ${a} (${d})`,
    crossed: (up, down) => `now passing: ${up.join(', ') || 'none'}; no longer passing: ${down.join(', ') || 'none'}`,
    movers: (up, down) => `biggest rises: ${up.join(', ') || 'none'}; biggest falls: ${down.join(', ') || 'none'}`,
    onlyIn: (b, a) =>
      `only in the baseline system (not compared): ${b.join(', ') || 'none'}; only in the current system (not compared): ${a.join(', ') || 'none'}`,
    countiesOnlyIn: (b, a) =>
      `only in the baseline register: ${b.join(', ') || 'none'}; only in the current register: ${a.join(', ') || 'none'}`,
    roundsNeedTwo: '--rounds takes two rounds separated by a comma, e.g. baseline,midterm',
    needCurrent: 'give two evaluation folders (baseline, current), or one folder with --rounds A,B',
  },
  report: {
    description:
      "write the report batch: a province overview and one report per prefecture (rankings, each county's radar chart, shortfalls and pass plan, common shortfalls, mid-term progress)",
    outOption: 'the folder to write the reports into (created if missing; its parent must exist)',
    prefectureOption: "write only this prefecture's report",
    countyPagesOption:
      'also write one page per county (score sheet, radar chart, shortfalls, pass plan) in a folder per prefecture',
    baselineOption:
      'compare with this round and report the mid-term progress (default: with a baseline round in the evidence and another --round, compare with baseline)',
    noBaselineOption: 'do not compare with a baseline',
    dateOption: 'the report date, YYYY-MM-DD (default: from SOURCE_DATE_EPOCH; else no date)',
    examples: [
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
    ],
    unknownPrefecture: (name, known) => `no prefecture ${name} in the register; there are ${known.join(', ')}`,
    badDate: (v) => `--date ${v} is not a valid date; write YYYY-MM-DD`,
    badEpoch: (v) => `SOURCE_DATE_EPOCH=${v} is not a whole number of seconds ≥ 0`,
    sameBaseline: (r) => `--baseline ${r} is the current round; name another round, or use --no-baseline`,
    writing: (i, n, file) => `writing ${i}/${n} ${file}`,
    written: (n, dir) => `wrote ${n} file${n === 1 ? '' : 's'} to ${dir}`,
    outsideOut: 'outside the output folder',

    indexTitle: 'Province overview',
    prefectureTitle: (p) => `${p}: evaluation report`,
    countyTitle: (c) => `${c}: evaluation report`,
    subtitle: (system, version, round) =>
      `${system}${version ? ` (version ${version})` : ''}${round ? `, round ${round}` : ''}`,
    dated: (date) => `Report date ${date}`,
    backToIndex: '← Province overview',
    backToPrefecture: (p) => `← ${p}`,
    contents: 'Contents',

    overview: 'Overview',
    overviewLine: (n, prefectures, mean) => `${n} counties in ${prefectures} prefectures; mean total ${mean}.`,
    passLine: (pass, passing, ranked) => `Pass line ${pass}: ${passing} of the ${ranked} ranked counties pass.`,
    disqualifiedLine: (names) => `Disqualified by a veto, not ranked: ${names.join(', ')}.`,
    grades: (list) => `Grades: ${list.map(([g, n]) => `${g} ${n}`).join(', ')}.`,
    prefectureOverview: (n, mean, provinceMean) => `${n} counties; mean total ${mean} (province ${provinceMean}).`,
    bestLine: (name, total) => `Best in the prefecture: ${name}, ${total}.`,

    ranking: 'Ranking',
    prefectureRanking: 'Ranking in the prefecture',
    rankHead: ['Rank', 'County', 'Prefecture', 'Prefecture rank', 'Total', 'Grade', 'Pass'],
    prefectureRankHead: ['Prefecture rank', 'Province rank', 'County', 'county_id', 'Total', 'Grade', 'To pass'],
    progressHead: ['Baseline', 'Change', 'Baseline rank'],
    passYes: 'yes',
    passNo: 'no',
    notRanked: '—',

    systemMeans: "Each system's mean attainment",
    systemMeansHead: ['System', 'Name', 'Max', 'Mean points', 'Mean attainment'],
    provinceProfile: "The province's mean attainment by system",

    shortfalls: 'Items most counties lose points on',
    shortfallsIntro: (n) => `By the number of counties losing points; the first ${n}.`,
    shortfallsHead: ['Item', 'Name', 'System', 'Max', 'Counties losing', 'Points lost', 'Mean lost'],
    commonShortfalls: "The prefecture's common shortfalls",
    commonShortfallsIntro: (half) => `Items on which at least half of the counties (${half}) lose points.`,
    noCommonShortfalls: 'No item loses points in half of the counties or more.',
    noShortfalls: 'No item lost points.',

    prefectures: 'The prefectures side by side',
    prefecturesHead: ['Prefecture', 'Counties', 'Mean total', 'Best', 'Best total', 'Pass'],
    prefectureSystemHead: 'Mean attainment by prefecture and system',

    progress: 'Mid-term progress (against the baseline)',
    progressIntro: (before, after) => `Baseline round ${before}, current round ${after}.`,
    progressMeans: (b, a, d) => `Mean total: ${b} → ${a} (${d}).`,
    nowPassing: (names) => `Now passing: ${names.join(', ') || 'none'}.`,
    nowFailing: (names) => `No longer passing: ${names.join(', ') || 'none'}.`,
    risers: (names) => `Biggest rises: ${names.join(', ') || 'none'}.`,
    fallers: (names) => `Biggest falls: ${names.join(', ') || 'none'}.`,
    progressPrefectureHead: ['Prefecture', 'Counties', 'Baseline mean', 'Current mean', 'Change'],
    countyProgress: (before, after, delta, rankBefore, rankAfter) =>
      `Against the baseline: total ${before} → ${after} (${delta}), rank ${rankBefore} → ${rankAfter}.`,
    improvedItems: (ids) => `Items improved (${ids.length}): ${ids.join(', ') || 'none'}.`,
    regressedItems: (ids) => `Items regressed (${ids.length}): ${ids.join(', ') || 'none'}.`,
    notInBaseline: 'This county is not in the baseline.',

    profiles: 'County profiles',
    countyHeading: (name, id) => `${name} (${id})`,
    countyFacts: (total, grade, rank, prefectureRank, prefecture) =>
      `Total ${total}${grade ? `, grade ${grade}` : ''}${rank === null ? ', not ranked' : `, rank ${rank} in the province, ${prefectureRank} in ${prefecture}`}.`,
    disqualified: (vetoes) => `Disqualified by a veto (${vetoes.join('; ')}): not ranked, no distances.`,
    distances: (toPass, toPrefecture, toProvince) =>
      `${toPass === null ? '' : `${toPass} to the pass line; `}${toPrefecture} to the prefecture's best; ${toProvince} to the province's best.`,
    radarLegendCounty: (name) => name,
    radarLegendMean: 'Province mean',
    radarTitle: (name) => `${name}: attainment by system against the province mean`,
    profileHead: ['System', 'Name', 'Max', 'Points', 'Attainment', 'Province mean', 'Difference'],
    topShortfalls: (n) => `Top shortfalls (first ${n})`,
    allShortfalls: 'Shortfalls',
    shortfallHead: ['Item', 'Name', 'Max', 'Score', 'Lost', 'Evidence', 'Full marks take', 'Source'],
    missingEvidence: 'no evidence',
    passPlan: 'Pass plan',
    passPlanLine: (n, gain) => `Full marks on these ${n} items (${gain} points) reach the pass line:`,
    planItem: (id, name, lost) => `${id} ${name} (+${lost})`,
    passes: 'Passes.',
    noPassPlan: 'No set of items reaches the pass line (or a veto caps the total below it).',
    noPassLine: 'The indicator system sets no pass line.',
    notApplicable: (ids) => `Not applicable: ${ids.join(', ')}.`,
    countyPage: 'page',
    scoreSheet: 'Score sheet',
    scoreSheetHead: ['id', 'Name', 'Max', 'Points', 'Evidence', 'Source'],
    notApplicableValue: 'not applicable',
    leftOut: 'left out',
    reportOnly: 'report-only',

    provenance: 'How this report was made',
    madeWith: (version) => `Made by fazhi ${version}.`,
    systemUsed: (id, version, path) => `Indicator system ${id}${version ? ` version ${version}` : ''} (${path})`,
    roundUsed: (round) => (round ? `Round: ${round}.` : 'Round: none (evidence not split into rounds).'),
    baselineUsed: (round, automatic) =>
      `Baseline round: ${round}${automatic ? ' (the evidence has a baseline round: compared automatically)' : ' (--baseline)'}.`,
    inputsHead: ['File', 'sha256', 'Data rows', 'Cells', 'Used'],
    reproducible: 'The same input files and options give a byte-identical report.',
    chartNote: 'Attainment = points ÷ max; the province mean is over every county with points in that system.',
  },
  template: {
    description:
      'a blank evidence sheet (CSV, UTF-8 with BOM) with names and rule hints; one block per county when a register is given',
    wide: 'wide form: one row per county, one column per id (default: long form, one value per row)',
    examples: [
      [
        'fazhi template my-evaluation --out my-evaluation/evidence/evidence.csv',
        'a long sheet for every county of the register',
      ],
      ['fazhi template my-evaluation --wide --out wide.csv', 'one row per county, to fill in Excel'],
    ],
  },
  init: {
    description:
      'create an evaluation folder: the default indicator system, an empty register, evidence/ and a template',
    dir: 'the folder to create (new or empty)',
    examples: [['fazhi init evaluation-2024', 'create the folder, then fill in counties.csv and the evidence']],
    done: (dir) =>
      `Created ${dir}: indicators.yaml (the bundled national model, illustrative points), counties.csv (empty), evidence/, evidence-template.csv.\n` +
      `Next: fill in counties.csv, run fazhi template ${dir} --out ${dir}/evidence/evidence.csv for a sheet per county, then fazhi score ${dir}.\n`,
  },
  schema: {
    description: 'print the JSON Schema (draft-07) of the indicator format, for editors and CI',
    examples: [
      ['fazhi schema > indicators.schema.json', 'save the schema'],
      [
        '# first line of a YAML: # yaml-language-server: $schema=./indicators.schema.json',
        'the VS Code YAML extension then completes and checks',
      ],
    ],
  },
  systemSummary: (s) =>
    `${s.id}${s.version ? ` ${s.version}` : ''}: ${s.systems.length} systems, ${scored(s)} scored items` +
    `${reportOnly(s) > 0 ? ` (and ${reportOnly(s)} report-only)` : ''}, scale ${s.scale}`,
  problemCounts: (errors, warnings) =>
    [
      errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
      warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  fileSize: (kind, n) => (kind === 'register' ? `register: ${n} counties` : `evidence: ${n} cells`),
  validateOk: (n) => `valid (${n} file${n === 1 ? '' : 's'})`,
  validateFailed: (n) => `not valid (${n} file${n === 1 ? '' : 's'})`,
  usage: {
    unknownCommand: (c) => `unknown command ${c}`,
    unknownOption: (o) => `unknown option ${o}`,
    missingArgument: (a) => `missing argument ${a}`,
    optionMissingArgument: (o) => `option ${o} needs a value`,
    missingOption: (o) => `the option ${o} is required`,
    invalidChoice: (v, o, choices) => `${v} is not a valid value for ${o}; choices: ${choices}`,
    excessArguments: (n) => (n === '0' ? 'this command takes no arguments' : `too many arguments (at most ${n})`),
    didYouMean: (s) => `; did you mean ${s}?`,
    hint: (cmd) => ` (see ${cmd} --help)`,
  },
  internalError: (m) => `fazhi internal error (a bug, please report it): ${m}; set FAZHI_DEBUG=1 for details`,
};

export const ui = (lang: Lang): Ui => (lang === 'en' ? en : zh);
