import type { ProblemCode } from '../model/problem-codes.js';
import type { Lang } from './lang.js';

type Args = Readonly<Record<string, string | number>>;
type Message = Readonly<Record<Lang, (a: Args) => string>>;

const fmt = (x: string | number | undefined): string => `\`${x ?? ''}\``;

/** The usual YAML mistakes (src/load/yaml-errors.ts), said as the person editing the file needs them. */
const YAML_FAULTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: {
    'indent-uneven': '缩进不一致：同一层的键必须从同一列开始，请与上面同级的键对齐',
    'indent-deeper': '缩进多了：这一行比上一行的键更靠右，而上一行的键已经写了值；请与上一行的键对齐',
    'item-misaligned': '缩进不对：这一行没有与上面同一项的键对齐（多了或少了空格），或者列表项少了“- ”',
    'unclosed-quote': '引号没有闭合：从这里开始的带引号的值找不到结束的引号',
    'unclosed-bracket': '括号没有闭合：从这里开始的 [ 或 { 找不到对应的 ] 或 }',
    'colon-in-value': '值里有“: ”（冒号加空格），会被读成下一层的键；请给整个值加引号，如 name: "甲: 乙"',
    'fullwidth-colon': '这里用了全角冒号“：”；键和值之间要用半角冒号加空格“: ”',
    'not-key-value': '这一行不是“键: 值”的形式：冒号后面要有空格，或者上一行的值没有写完',
    'missing-colon': '键后面缺少冒号“: ”',
  },
  en: {
    'indent-uneven':
      'uneven indentation: keys of one level must start in the same column; align it with the keys above',
    'indent-deeper':
      'indented too far: this line is further right than the key above, which already has a value; align it with that key',
    'item-misaligned':
      'misaligned: this line does not line up with the keys of its entry above (a space too many or too few), or a list entry lacks "- "',
    'unclosed-quote': 'unclosed quote: the quoted value starting here has no closing quote',
    'unclosed-bracket': 'unclosed bracket: the [ or { starting here has no matching ] or }',
    'colon-in-value':
      'the value holds ": " (a colon and a space), read as a nested key; quote the whole value, e.g. name: "a: b"',
    'fullwidth-colon':
      'a full-width colon "：" here; a key and its value are separated by ": " (ASCII colon and a space)',
    'not-key-value': 'this line is not "key: value": a colon needs a space after it, or the value above is unfinished',
    'missing-colon': 'the key lacks its colon ": "',
  },
};

/** What a path is when it is not a regular file (src/load/read.ts). */
const NOT_REGULAR: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { fifo: '命名管道', device: '设备文件', socket: '套接字', other: '特殊文件' },
  en: { fifo: 'a named pipe', device: 'a device', socket: 'a socket', other: 'a special file' },
};

/** Why a write failed, in words, for the usual file-system error codes (the code is kept too). */
const WRITE_FAULTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: {
    ENOENT: '所在的文件夹不存在',
    ENOTDIR: '路径中有一段是文件而不是文件夹',
    EISDIR: '这是一个文件夹，请写出文件名',
    ENAMETOOLONG: '名称太长，路径的每一段最多 255 字节',
    EACCES: '没有写入权限',
    EPERM: '没有写入权限',
    EROFS: '所在的磁盘是只读的',
    ENOSPC: '磁盘已满',
    EDQUOT: '超出磁盘配额',
    EBUSY: '文件正被其他程序占用',
  },
  en: {
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'this is a folder; name a file',
    ENAMETOOLONG: 'the name is too long: at most 255 bytes per part of the path',
    EACCES: 'no permission to write',
    EPERM: 'no permission to write',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EBUSY: 'the file is in use by another program',
  },
};

const writeFault = (lang: Lang, reason: string | number | undefined): string => {
  const words = WRITE_FAULTS[lang][String(reason)];
  return words === undefined ? String(reason ?? '') : `${words}${lang === 'zh' ? '；' : '; '}${reason}`;
};

/**
 * Every problem fazhi reports, keyed by its code, in Chinese and English.
 * Codes are stable (tests and scripts match them); the wording may improve.
 */
export const PROBLEMS = {
  // Files
  'file-not-found': { zh: () => '文件不存在', en: () => 'no such file' },
  'file-is-directory': { zh: () => '这是一个文件夹，不是文件', en: () => 'this is a folder, not a file' },
  'file-unreadable': { zh: (a) => `无法读取文件（${a.reason}）`, en: (a) => `cannot read the file (${a.reason})` },
  'file-not-regular': {
    zh: (a) => `这不是普通文件（${NOT_REGULAR.zh[String(a.kind)] ?? a.kind}），不读取；请给出保存在磁盘上的文件`,
    en: (a) =>
      `this is not a regular file (${NOT_REGULAR.en[String(a.kind)] ?? a.kind}) and is not read; give a file saved on disk`,
  },
  'file-too-large': {
    zh: (a) => `文件有 ${a.size} MB，超过这类文件的上限 ${a.limit} MB，不读取`,
    en: (a) => `the file is ${a.size} MB, past the limit of ${a.limit} MB for this kind of file; not read`,
  },
  'file-encoding': {
    zh: (a) =>
      `这里的字节 0x${a.byte} 不是有效的 ${a.encoding} 编码${a.encoding === 'UTF-8' && a.forced !== 'yes' ? '，文件也不是完整的 GB18030 编码' : ''}；文件可能已损坏，或混用了几种编码。请用文本编辑器改正后另存为 UTF-8`,
    en: (a) =>
      `the byte 0x${a.byte} here is not valid ${a.encoding}${a.encoding === 'UTF-8' && a.forced !== 'yes' ? ', and the file is not clean GB18030 either' : ''}; the file may be damaged or mix encodings. Fix it in a text editor and save it as UTF-8`,
  },
  'file-unwritable': {
    zh: (a) => `无法写入文件（${writeFault('zh', a.reason)}）`,
    en: (a) => `cannot write the file (${writeFault('en', a.reason)})`,
  },
  'file-exists': {
    zh: () => '文件已存在，没有覆盖（它可能是已填好的佐证）；确需覆盖时加 --force',
    en: () => 'the file exists and was not overwritten (it may hold filled-in evidence); add --force to overwrite it',
  },
  'register-not-given': {
    zh: () => '没有县名册：请在评估文件夹中放 counties.csv，或用 --counties 指定',
    en: () => 'no county register: put counties.csv in the evaluation folder or pass --counties',
  },
  'xlsx-unreadable': {
    zh: (a) => `无法读取 .xlsx 文件（${a.reason}）；文件可能已损坏，或不是 Excel 2007 及以后的格式`,
    en: (a) => `cannot read the .xlsx file (${a.reason}); it may be damaged or not an Excel 2007+ workbook`,
  },
  'xlsx-no-sheet': {
    zh: (a) => `没有名为 ${fmt(a.sheet)} 的工作表；现有：${a.sheets}`,
    en: (a) => `no sheet named ${fmt(a.sheet)}; the sheets are ${a.sheets}`,
  },
  'xlsx-too-large': {
    zh: (a) =>
      a.part === ''
        ? `工作簿各部分解压后共 ${a.size} 字节，超过上限 ${a.limit} 字节；fazhi 不打开这样的文件。请只保留需要的工作表，另存为新的工作簿`
        : `工作簿中的 ${fmt(a.part)} 解压后 ${a.size} 字节，超过上限 ${a.limit} 字节；请删去多余的行、列或工作表后另存，或分成几个文件`,
    en: (a) =>
      a.part === ''
        ? `the workbook's parts come to ${a.size} bytes uncompressed, past the limit of ${a.limit}; fazhi does not open it. Keep only the sheets needed and save it as a new workbook`
        : `the workbook's ${fmt(a.part)} is ${a.size} bytes uncompressed, past the limit of ${a.limit}; delete unused rows, columns or sheets and save it again, or split it into several files`,
  },
  'xlsx-too-many-parts': {
    zh: (a) => `工作簿由 ${a.count} 个部分组成，超过上限 ${a.limit} 个；它不像 Excel 保存的工作簿，请另存为新的工作簿`,
    en: (a) =>
      `the workbook has ${a.count} parts, past the limit of ${a.limit}; it does not look like a workbook Excel saved: save it as a new workbook`,
  },
  'xlsx-sheet-too-large': {
    zh: (a) =>
      `工作表的区域到 ${fmt(a.ref)}，超过上限（${a.rows} 行、${a.columns} 列）；请删去远处的单元格（选中多余的行或列，删除，保存），或把数据移到新的工作表`,
    en: (a) =>
      `the sheet reaches ${fmt(a.ref)}, past the limit of ${a.rows} rows and ${a.columns} columns; delete the far cells (select the unused rows or columns, delete them, save) or move the data to a new sheet`,
  },
  'xlsx-too-many-cells': {
    zh: (a) => `工作表的单元格到这里超过 ${a.limit} 个（每行从 A 列数到最后一个非空单元格）；请把数据分成几个文件`,
    en: (a) =>
      `the sheet has more than ${a.limit} cells by here (each row counted from column A to its last non-empty cell); split the data into several files`,
  },
  'init-not-empty': {
    zh: () => '文件夹已存在且不是空的；fazhi init 只在新的或空的文件夹中创建评估',
    en: () => 'the folder exists and is not empty; fazhi init only creates an evaluation in a new or empty folder',
  },
  'folder-empty': {
    zh: () => '文件夹中没有指标体系文件（indicators.yaml 或 *.yaml）',
    en: () => 'the folder holds no indicator system (indicators.yaml or *.yaml)',
  },

  'problems-truncated': {
    zh: (a) =>
      `另有 ${a.more} 个问题未列出${a.total ? `（共 ${a.total} 个${a.all ? '；fazhi validate --format json 列出全部' : ''}）` : ''}`,
    en: (a) =>
      `${a.more} more problem${a.more === 1 ? '' : 's'} not listed${a.total ? ` (${a.total} in all${a.all ? '; fazhi validate --format json lists every one' : ''})` : ''}`,
  },

  // YAML
  'yaml-syntax': {
    zh: (a) => `YAML 语法错误：${YAML_FAULTS.zh[String(a.kind)] ?? `这里无法读取（解析器提示：${a.detail}）`}`,
    en: (a) => `YAML syntax error: ${YAML_FAULTS.en[String(a.kind)] ?? String(a.detail)}`,
  },
  'yaml-warning': { zh: (a) => `YAML 提示：${a.detail}`, en: (a) => `YAML warning: ${a.detail}` },
  'yaml-duplicate-key': {
    zh: (a) => `键 ${fmt(a.key)} 重复：同一层级的键不能重复`,
    en: (a) => `duplicate key ${fmt(a.key)}: keys must be unique in a mapping`,
  },
  'yaml-tab': {
    zh: () => 'YAML 不允许用制表符（Tab）缩进，请改用空格',
    en: () => 'YAML does not allow tabs for indentation; use spaces',
  },
  'yaml-multiple-documents': {
    zh: () => '一个文件只能包含一个 YAML 文档（去掉多余的 ---）',
    en: () => 'a file holds one YAML document only (remove the extra ---)',
  },
  'yaml-alias-limit': {
    zh: (a) => `别名（*alias）展开次数超过 ${a.limit}，文件被拒绝（防止超大文档）`,
    en: (a) => `aliases (*alias) expand more than ${a.limit} times; rejected to guard against huge documents`,
  },
  'yaml-forbidden-key': {
    zh: (a) => `不允许使用键 ${fmt(a.key)}`,
    en: (a) => `the key ${fmt(a.key)} is not allowed`,
  },

  'yaml-control-character': {
    zh: (a) => `YAML 文件中不允许有控制字符 ${a.char}（共 ${a.count} 个）；文件可能已损坏，或不是文本文件`,
    en: (a) =>
      `YAML does not allow the control character ${a.char} (${a.count} in the file); the file may be damaged or not text`,
  },
  'yaml-too-deep': {
    zh: (a) => `嵌套超过 ${a.limit} 层，文件被拒绝；指标体系只需不到 10 层`,
    en: (a) => `nested more than ${a.limit} levels deep; rejected (an indicator system needs fewer than 10)`,
  },
  'yaml-too-many-values': {
    zh: (a) => `值太多（超过 ${a.limit} 个，按行数加逗号和左括号数估计），文件被拒绝；一个指标体系通常只有一两千个`,
    en: (a) =>
      `too many values (more than ${a.limit}, counting lines, commas and opening brackets); rejected (an indicator system has one or two thousand)`,
  },
  'yaml-tag': {
    zh: (a) => `不支持 YAML 标签 ${fmt(a.tag)}；指标体系只用普通的文字、数、列表和映射，请去掉标签`,
    en: (a) =>
      `the YAML tag ${fmt(a.tag)} is not supported; an indicator system uses plain text, numbers, lists and mappings: remove the tag`,
  },

  // Schema
  'schema-required': { zh: (a) => `缺少必填项 ${fmt(a.key)}`, en: (a) => `missing required key ${fmt(a.key)}` },
  'schema-unknown-key': {
    zh: (a) => `未知的键 ${fmt(a.key)}${a.hint ? `，是否想写 ${fmt(a.hint)}？` : ''}`,
    en: (a) => `unknown key ${fmt(a.key)}${a.hint ? `; did you mean ${fmt(a.hint)}?` : ''}`,
  },
  'schema-type': {
    zh: (a) =>
      `${fmt(a.key)} 应为${KIND_ZH[a.expected as string] ?? a.expected}，实际是${KIND_ZH[a.received as string] ?? a.received}${a.key === 'id' && a.received === 'number' ? '（数字形式的 id 请加引号）' : ''}`,
    en: (a) =>
      `${fmt(a.key)} should be ${KIND_EN[a.expected as string] ?? a.expected}, not ${KIND_EN[a.received as string] ?? a.received}${a.key === 'id' && a.received === 'number' ? ' (quote ids that look like numbers)' : ''}`,
  },
  'schema-key-not-here': {
    zh: (a) => `此处不能使用键 ${fmt(a.key)}`,
    en: (a) => `the key ${fmt(a.key)} does not belong here`,
  },
  'schema-root-type': {
    zh: (a) =>
      `文件应是一个指标体系（键: 值 的映射，含 id、name、systems 等），而不是${KIND_ZH[a.received as string] ?? a.received}`,
    en: (a) =>
      `the file should hold an indicator system (a mapping with id, name, systems …), not ${KIND_EN[a.received as string] ?? a.received}`,
  },
  'schema-not-finite': {
    zh: (a) => `${fmt(a.key)} 必须是有限的数`,
    en: (a) => `${fmt(a.key)} must be a finite number`,
  },
  'schema-integer': { zh: (a) => `${fmt(a.key)} 应为整数`, en: (a) => `${fmt(a.key)} should be a whole number` },
  'schema-enum': {
    zh: (a) => `${fmt(a.key)} 的值 ${fmt(a.value)} 无效，应为 ${a.allowed}`,
    en: (a) => `${fmt(a.key)}: ${fmt(a.value)} is not allowed; use ${a.allowed}`,
  },
  'schema-too-small': {
    zh: (a) => `${fmt(a.key)} 不能小于 ${a.min}`,
    en: (a) => `${fmt(a.key)} must be at least ${a.min}`,
  },
  'schema-not-above': {
    zh: (a) => `${fmt(a.key)} 必须大于 ${a.min}`,
    en: (a) => `${fmt(a.key)} must be more than ${a.min}`,
  },
  'schema-too-big': {
    zh: (a) => `${fmt(a.key)} 不能大于 ${a.max}`,
    en: (a) => `${fmt(a.key)} must be at most ${a.max}`,
  },
  'schema-too-few': {
    zh: (a) => `${fmt(a.key)} 至少需要 ${a.min} 项`,
    en: (a) => `${fmt(a.key)} needs at least ${a.min} entr${a.min === 1 ? 'y' : 'ies'}`,
  },
  'schema-empty': { zh: (a) => `${fmt(a.key)} 不能为空`, en: (a) => `${fmt(a.key)} must not be empty` },
  'schema-id-format': {
    zh: (a) => `id ${fmt(a.value)} 无效：只能包含字母、数字、点（.）、下划线（_）和连字符（-）`,
    en: (a) => `invalid id ${fmt(a.value)}: use letters, digits, dot, underscore and hyphen only`,
  },
  'schema-rule-type': {
    zh: (a) => `未知的规则类型 ${fmt(a.value)}，应为 ${a.allowed}`,
    en: (a) => `unknown rule type ${fmt(a.value)}; use ${a.allowed}`,
  },
  'schema-union': {
    zh: (a) => `${fmt(a.key)} 的写法无效${UNION_HINT_ZH[a.key as string] ?? ''}`,
    en: (a) => `${fmt(a.key)} is not written right${UNION_HINT_EN[a.key as string] ?? ''}`,
  },
  'schema-other': { zh: (a) => `${fmt(a.key)} 无效：${a.detail}`, en: (a) => `${fmt(a.key)} is invalid: ${a.detail}` },

  // Cross-field checks
  'id-duplicate': {
    zh: (a) => `id ${fmt(a.id)} 重复（第 ${a.line} 行已使用）；整个文件中 id 必须唯一`,
    en: (a) => `duplicate id ${fmt(a.id)} (already used on line ${a.line}); ids are unique in the whole file`,
  },
  'node-items-and-rule': {
    zh: (a) => `${fmt(a.id)} 同时有 items 和 rule：分组用 items，计分项用 rule，只能二选一`,
    en: (a) => `${fmt(a.id)} has both items and rule: a group has items, a scored item a rule, never both`,
  },
  'node-no-items-or-rule': {
    zh: (a) => `${fmt(a.id)} 既没有 items 也没有 rule：分组需要 items，计分项需要 rule`,
    en: (a) => `${fmt(a.id)} has neither items nor rule: a group needs items, a scored item a rule`,
  },
  'group-no-positive-weight': {
    zh: (a) => `${fmt(a.id)} 下没有权重大于 0 的指标；每个分组至少要有一个计分的下级`,
    en: (a) => `${fmt(a.id)} has no child of positive weight; every group needs one`,
  },
  'systems-sum': {
    zh: (a) => `各体系权重之和为 ${a.sum}，应等于 scale ${a.scale}`,
    en: (a) => `the systems' weights add up to ${a.sum}, not to scale ${a.scale}`,
  },
  'weights-sum': {
    zh: (a) => `${fmt(a.id)} 的下级权重之和为 ${a.sum}（${a.parts}），应等于其权重 ${a.weight}`,
    en: (a) => `the children of ${fmt(a.id)} add up to ${a.sum} (${a.parts}), not to its weight ${a.weight}`,
  },
  'weight-too-small': {
    zh: (a) =>
      `${fmt(a.id)} 的权重 ${a.weight} 折合满分 ${a.max} 分，小于 ${a.min} 分，与 0 无法区分；仅报告不计分的指标请把权重写成 0`,
    en: (a) =>
      `${fmt(a.id)}: its weight ${a.weight} is worth ${a.max} points, less than ${a.min}, which cannot be told from 0; give a report-only item weight 0`,
  },
  'linear-flat': {
    zh: (a) => `${fmt(a.id)}：linear 规则的 full 与 zero 不能相等（都是 ${a.value}）`,
    en: (a) => `${fmt(a.id)}: a linear rule needs full ≠ zero (both are ${a.value})`,
  },
  'band-both-bounds': {
    zh: (a) => `${fmt(a.id)}：一个分档只能写 min 或 max 之一`,
    en: (a) => `${fmt(a.id)}: a band has min or max, not both`,
  },
  'band-no-bound': {
    zh: (a) => `${fmt(a.id)}：分档缺少 min（越高越好）或 max（越低越好）`,
    en: (a) => `${fmt(a.id)}: a band needs min (higher is better) or max (lower is better)`,
  },
  'bands-mixed': {
    zh: (a) => `${fmt(a.id)}：分档不能混用 min 和 max`,
    en: (a) => `${fmt(a.id)}: bands do not mix min and max`,
  },
  'bands-order': {
    zh: (a) =>
      `${fmt(a.id)}：分档的 ${a.kind} 应严格${a.kind === 'min' ? '递减' : '递增'}（${a.prev} 之后是 ${a.value}）`,
    en: (a) =>
      `${fmt(a.id)}: band ${a.kind} values must be strictly ${a.kind === 'min' ? 'descending' : 'ascending'} (${a.value} follows ${a.prev})`,
  },
  'grade-label-duplicate': {
    zh: (a) => `等次名称 ${fmt(a.label)} 重复`,
    en: (a) => `grade label ${fmt(a.label)} is used twice`,
  },
  'grade-min-duplicate': {
    zh: (a) => `两个等次的 min 都是 ${a.min}`,
    en: (a) => `two grades have min ${a.min}`,
  },
  'bonus-rule-incomplete': {
    zh: (a) => `加分项 ${fmt(a.id)} 的 ${a.type} 规则缺少 ${a.keys}`,
    en: (a) => `bonus item ${fmt(a.id)}: a ${a.type} rule needs ${a.keys}`,
  },
  'pass-unreachable': {
    zh: (a) => `达标线 ${a.pass} 高于可能的最高分 ${a.max}，任何县都达不到`,
    en: (a) => `the pass line ${a.pass} is above the most a county can score (${a.max})`,
  },
  'veto-grade-unknown': {
    zh: (a) =>
      `否决项 ${fmt(a.id)} 的 ${a.key} ${fmt(a.label)} 不是 grades 中的等次${a.labels ? `；现有：${a.labels}` : '（没有 grades）'}`,
    en: (a) =>
      `veto ${fmt(a.id)}: ${a.key} ${fmt(a.label)} is not a label of grades${a.labels ? `; the labels are ${a.labels}` : ' (there are no grades)'}`,
  },
  'components-systems': {
    zh: (a) => `components 中应恰有一个没有 rule 的评估方式（即指标体系本身），现有 ${a.count} 个`,
    en: (a) => `components need exactly one entry without a rule (the indicator systems); there are ${a.count}`,
  },
  'components-no-positive-weight': {
    zh: () => 'components 中至少要有一个权重大于 0 的评估方式',
    en: () => 'components need at least one entry of positive weight',
  },
  'few-without-min-n': {
    zh: (a) => `${fmt(a.id)}：few 只能与 min_n 一起使用（说明案件数少于 min_n 时怎样处理）`,
    en: (a) => `${fmt(a.id)}: few goes with min_n (it says what fewer cases than min_n mean)`,
  },
  'range-order': {
    zh: (a) => `${fmt(a.id)}：range 的下限 ${a.lo} 大于上限 ${a.hi}`,
    en: (a) => `${fmt(a.id)}: range starts at ${a.lo}, above its end ${a.hi}`,
  },
  'value-check-on-yes-no': {
    zh: (a) => `${fmt(a.id)}：是/否 规则（check）的值不是数，不能设 ${a.key}`,
    en: (a) => `${fmt(a.id)}: a check rule takes yes/no, not a number; ${a.key} does not apply`,
  },
  'unit-conflict': {
    zh: (a) => `${fmt(a.id)}：unit ${fmt(a.unit)} 与 ${a.type} 规则要求的值不符（${EXPECTED_ZH[a.kind as string]}）`,
    en: (a) =>
      `${fmt(a.id)}: unit ${fmt(a.unit)} contradicts what a ${a.type} rule reads (${EXPECTED_EN[a.kind as string]})`,
  },
  'rate-without-unit': {
    zh: (a) => `${fmt(a.id)} 的分数线都在 0–1 之间，像是比率，但没有设 unit: rate；不设时 95 会被当作 95 而不是 95%`,
    en: (a) =>
      `${fmt(a.id)}: its thresholds all lie within 0–1, so it looks like a rate, but it sets no unit: rate; without it 95 reads as 95, not 95%`,
  },
  'false-report-without-self': {
    zh: () => 'assessors 设了 false_report，但没有 self（自评的 by 值），不会有任何扣分',
    en: () => 'assessors sets false_report but no self (the by value of self-assessment rows): it can never deduct',
  },
  'veto-cap-ineffective': {
    zh: (a) => `否决项 ${fmt(a.id)} 的上限 ${a.cap} 不低于可能的最高分 ${a.max}，不起作用`,
    en: (a) => `veto ${fmt(a.id)} caps at ${a.cap}, not below the most a county can score (${a.max}): it has no effect`,
  },
  'veto-label-unused': {
    zh: (a) => `否决项 ${fmt(a.id)} 是封顶（cap），label 只用于取消资格（disqualify），不会显示`,
    en: (a) => `veto ${fmt(a.id)} caps the total; label is used by disqualify only and is never shown`,
  },
  'grades-no-floor': {
    zh: (a) => `最低等次的 min 是 ${a.lowest}，低于它的县没有等次（可加一档 min: 0）`,
    en: (a) => `the lowest grade starts at ${a.lowest}; counties below it get no grade (add one with min: 0)`,
  },
  // CSV tables (register and evidence)
  'csv-empty': { zh: () => '文件是空的（没有表头）', en: () => 'the file is empty (no header)' },
  'csv-empty-header': { zh: () => '表头中有空列名', en: () => 'a header cell is empty' },
  'csv-empty-rows': {
    zh: (a) => `跳过 ${a.count} 行只有分隔符的空行（第一行在此；电子表格导出时常在数据下方留下这样的行）`,
    en: (a) =>
      `skipped ${a.count} row(s) holding only separators (the first is here; spreadsheets often export them below the data)`,
  },
  'csv-duplicate-header': {
    zh: (a) => `列名 ${fmt(a.column)} 重复`,
    en: (a) => `the column ${fmt(a.column)} appears twice`,
  },
  'csv-unclosed-quote': {
    zh: () => '引号没有闭合：此处开始的带引号字段直到文件末尾都没有结束的 "',
    en: () => 'unclosed quote: the quoted field starting here never ends',
  },
  'csv-stray-quote': {
    zh: () => '多余的引号：未加引号的字段中不能出现 "，带引号的字段结束后应紧跟逗号或换行',
    en: () => 'stray quote: a " inside an unquoted field, or text after a closing quote',
  },
  'csv-missing-column': {
    zh: (a) => `缺少必需的列 ${fmt(a.column)}`,
    en: (a) => `missing required column ${fmt(a.column)}`,
  },
  'csv-too-many-fields': {
    zh: (a) => `这一行有 ${a.found} 个字段，比表头的 ${a.expected} 列多`,
    en: (a) => `this row has ${a.found} fields, more than the header's ${a.expected}`,
  },

  // County register
  'register-empty-id': { zh: () => 'county_id 为空', en: () => 'empty county_id' },
  'register-duplicate-county': {
    zh: (a) => `county_id ${fmt(a.id)} 重复（第 ${a.line} 行已有）`,
    en: (a) => `county_id ${fmt(a.id)} is listed twice (first on line ${a.line})`,
  },
  'register-empty-cell': {
    zh: (a) => `${fmt(a.id)} 的 ${a.column} 为空`,
    en: (a) => `${fmt(a.id)} has an empty ${a.column}`,
  },
  'register-empty': { zh: () => '名册中没有县', en: () => 'the register lists no county' },

  // Evidence
  'evidence-unknown-county': {
    zh: (a) => `名册中没有 county_id ${fmt(a.id)}`,
    en: (a) => `county_id ${fmt(a.id)} is not in the register`,
  },
  'evidence-unknown-id': {
    zh: (a) => `指标体系中没有指标 ${fmt(a.id)}（计分项、加分项或否决项）`,
    en: (a) => `${fmt(a.id)} is not a scored item, bonus item or veto of the indicator system`,
  },
  'evidence-bad-value': {
    zh: (a) =>
      `${fmt(a.id)} 的值 ${fmt(a.value)} 无法识别：${EXPECTED_ZH[a.expected as string]}${REASON_ZH[a.reason as string] ?? ''}`,
    en: (a) =>
      `${fmt(a.id)}: cannot read ${fmt(a.value)}; ${EXPECTED_EN[a.expected as string]}${REASON_EN[a.reason as string] ?? ''}`,
  },
  'evidence-out-of-range': {
    zh: (a) => `${fmt(a.id)} 的值 ${fmt(a.value)} 超出范围 ${a.min}…${a.max}`,
    en: (a) => `${fmt(a.id)}: ${fmt(a.value)} is outside ${a.min}…${a.max}`,
  },
  'evidence-too-large': {
    zh: (a) => `${fmt(a.id)} 的值 ${fmt(a.value)} 绝对值太大：任何数的绝对值都不能超过 ${a.limit}（一千万亿）`,
    en: (a) =>
      `${fmt(a.id)}: ${fmt(a.value)} is too large in magnitude; no number may exceed ${a.limit} in absolute value`,
  },
  'evidence-not-rate': {
    zh: (a) =>
      `${fmt(a.id)} 是比率（0–1），值 ${fmt(a.value)} 超出 0–1${a.suggest ? `；是不是 ${fmt(a.suggest)}？` : ''}`,
    en: (a) =>
      `${fmt(a.id)} is a rate (0–1), and ${fmt(a.value)} is outside 0–1${a.suggest ? `; did you mean ${fmt(a.suggest)}?` : ''}`,
  },
  'evidence-outside-range': {
    zh: (a) =>
      `${fmt(a.id)} 的值 ${fmt(a.value)} 超出 range：${a.lo === '' ? '' : `不小于 ${a.lo}`}${a.lo !== '' && a.hi !== '' ? ' 且' : ''}${a.hi === '' ? '' : `不大于 ${a.hi}`}`,
    en: (a) =>
      `${fmt(a.id)}: ${fmt(a.value)} is outside the range${a.lo === '' ? '' : ` ≥ ${a.lo}`}${a.lo !== '' && a.hi !== '' ? ' and' : ''}${a.hi === '' ? '' : ` ≤ ${a.hi}`}`,
  },
  'evidence-fraction-over': {
    zh: (a) => `${fmt(a.id)} 的值 ${fmt(a.value)}：a/b 中 a 不能大于 b`,
    en: (a) => `${fmt(a.id)}: in ${fmt(a.value)} a is more than b`,
  },
  'evidence-duplicate': {
    zh: (a) => `${fmt(a.county)} 的 ${fmt(a.id)} 重复（与 ${a.first} 相同），保留先出现的`,
    en: (a) => `${fmt(a.county)} ${fmt(a.id)} given again (same as ${a.first}); the first is kept`,
  },
  'evidence-empty-duplicate': {
    zh: (a) => `${fmt(a.county)} 的 ${fmt(a.id)} 在这里为空，${a.first} 已有值，保留已有的值`,
    en: (a) => `${fmt(a.county)} ${fmt(a.id)} is empty here; ${a.first} has a value, which is kept`,
  },
  'evidence-conflict': {
    zh: (a) => `${fmt(a.county)} 的 ${fmt(a.id)} 前后矛盾：这里是 ${fmt(a.value)}，${a.first} 是 ${fmt(a.firstValue)}`,
    en: (a) => `${fmt(a.county)} ${fmt(a.id)} conflicts: ${fmt(a.value)} here, ${fmt(a.firstValue)} at ${a.first}`,
  },
  'evaluation-where-column': {
    zh: (a) => `评估范围 where 中的列 ${fmt(a.column)} 在县名册中没有；名册的列：${a.columns}`,
    en: (a) =>
      `the scope (where) names the column ${fmt(a.column)}, which the register does not have; its columns: ${a.columns}`,
  },
  'evidence-rounds': {
    zh: (a) => `佐证材料包含多个轮次（${a.rounds}），请用 --round 指定一个`,
    en: (a) => `the evidence holds several rounds (${a.rounds}); pick one with --round`,
  },
  'evidence-round-unknown': {
    zh: (a) => `佐证材料中没有轮次 ${fmt(a.round)}；现有：${a.rounds}`,
    en: (a) => `no round ${fmt(a.round)} in the evidence; there are: ${a.rounds}`,
  },
  'evidence-name-mismatch': {
    zh: (a) => `${fmt(a.id)} 的 ${a.column} 写作 ${fmt(a.given)}，名册中是 ${fmt(a.expected)}`,
    en: (a) => `${fmt(a.id)}: ${a.column} ${fmt(a.given)} differs from the register's ${fmt(a.expected)}`,
  },
  'evidence-missing': {
    zh: (a) => `${fmt(a.county)} 缺少 ${fmt(a.id)} 的佐证（missing: error）`,
    en: (a) => `${fmt(a.county)} has no evidence for ${fmt(a.id)} (missing: error)`,
  },
  'evidence-incomplete': {
    zh: (a) =>
      `${a.round ? `${a.round}：` : ''}${
        a.counties === 1
          ? `${fmt(a.county)} ${a.name}佐证不全：${a.expected} 个计分项缺 ${a.countyMissing} 项（${a.items}）`
          : `${a.counties} 个县（市、区）佐证不全，共缺 ${a.missing} 项；缺得最多的是 ${fmt(a.county)} ${a.name}（${a.expected} 个计分项缺 ${a.countyMissing} 项）`
      }；逐县逐项见 ${fmt(a.command)}`,
    en: (a) =>
      `${a.round ? `${a.round}: ` : ''}${
        a.counties === 1
          ? `${fmt(a.county)} ${a.name} lacks evidence: ${a.countyMissing} of ${a.expected} scored items missing (${a.items})`
          : `${a.counties} counties lack evidence, ${a.missing} items in all; the most: ${fmt(a.county)} ${a.name}, ${a.countyMissing} of ${a.expected} scored items missing`
      }; every county and item: ${fmt(a.command)}`,
  },
} as const satisfies Record<ProblemCode, Message>; // every code worded, no other

const KIND_ZH: Record<string, string> = {
  number: '数字',
  string: '文本',
  boolean: '布尔值',
  array: '列表',
  object: '映射（键: 值）',
  null: '空值',
};

const KIND_EN: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  null: 'empty',
};

const EXPECTED_ZH: Record<string, string> = {
  yesno: '应为 是/否（是 有 yes y true 1 √ ✓ / 否 无 no n false 0 × ✗）',
  rate: '应为数字、百分数（90%）或案件数 a/b（17/20）',
  share: '应为 0–1 之间的数字或百分数',
  count: '应为不小于 0 的整数（无、否 视为 0）',
  points: '应为评估组给出的分数（数字）',
};

const EXPECTED_EN: Record<string, string> = {
  yesno: 'use yes/no (是 有 yes y true 1 √ ✓ / 否 无 no n false 0 × ✗)',
  rate: 'use a number, a percentage (90%) or a count of cases a/b (17/20)',
  share: 'use a number or percentage within 0–1',
  count: 'use a whole number ≥ 0 (无 and 否 read as 0)',
  points: "use the evaluators' points (a number)",
};

const REASON_ZH: Record<string, string> = {
  'percent-not-allowed': '（此处不能用百分数）',
  'fraction-not-allowed': '（此处不能用 a/b）',
};

const REASON_EN: Record<string, string> = {
  'percent-not-allowed': ' (no percentage here)',
  'fraction-not-allowed': ' (no a/b here)',
};

const UNION_HINT_ZH: Record<string, string> = {
  effect: '：应为 disqualify、{ cap: 数字 }、{ deduct: 数字 }、{ grade: 等次 } 或 { max_grade: 等次 }',
  expect: '：应为 yes 或 no',
  version: '：应为文本，如 "2022.1"',
};

const UNION_HINT_EN: Record<string, string> = {
  effect: ': use disqualify, { cap: NUMBER }, { deduct: NUMBER }, { grade: LABEL } or { max_grade: LABEL }',
  expect: ': use yes or no',
  version: ': use text such as "2022.1"',
};

export function problemMessage(code: ProblemCode, args: Args, lang: Lang): string {
  const message: Message = PROBLEMS[code];
  return message[lang](args);
}
