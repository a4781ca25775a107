import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import type { County, ValueKind } from '../model/evaluation.js';
import type { BonusItemData } from '../model/indicator-data.js';
import { num } from '../model/number.js';
import { ruleFor } from '../model/rules/index.js';
import type { IndicatorSystem, Scorable } from '../model/system.js';
import { defuse } from './csv.js';
import { bonusHint, itemHint, vetoHint } from './rule-words.js';
import { stampZip } from './zip-time.js';

/**
 * The evidence template as a workbook (CLI.md, Additions in 0.2): a sheet to fill, laid out as
 * the long CSV template (so a filled workbook reads back as evidence, cell for cell), with a
 * drop-down list where a cell takes 是/否 or 不适用 and Excel's data validation for counts,
 * points and ranges; the header frozen, widths fitting Chinese; and a sheet of hints.
 */

/** What Excel can check of one cell: a list of choices, or a formula over the cell. */
type Check = { readonly list: readonly string[] } | { readonly formula: (cell: string) => string } | null;

interface Field {
  readonly id: string;
  readonly name: string;
  readonly hint: string;
  readonly kind: ValueKind;
  readonly check: Check;
  readonly unit: string;
  readonly evidence: string;
  readonly description: string;
}

const NA = '不适用';

/** The Excel condition a cell's value must meet (text such as 不适用 or 17/20 is always let through where it may be). */
function checkOf(kind: ValueKind, s: Scorable | null, veto: boolean): Check {
  if (kind === 'yesno') return { list: veto ? ['是', '否'] : ['是', '否', NA] };
  const [lo, hi] = s?.range ?? [null, null];
  const bounds = (c: string, min: number | null, max: number | null) =>
    [min === null ? '' : `${c}>=${num(min)}`, max === null ? '' : `${c}<=${num(max)}`].filter(Boolean);
  const within = (c: string, whole: boolean, min: number | null, max: number | null) =>
    `OR(ISTEXT(${c}),AND(${[`ISNUMBER(${c})`, ...(whole ? [`${c}=INT(${c})`] : []), ...bounds(c, min, max)].join(',')}))`;
  if (kind === 'count') return { formula: (c) => within(c, true, Math.max(0, lo ?? 0), hi) };
  if (kind === 'points') return { formula: (c) => within(c, false, 0, s?.max ?? null) };
  if (kind === 'share' || s?.unit === 'rate') return { formula: (c) => within(c, false, 0, 1) };
  if (s?.unit === 'count') return { formula: (c) => within(c, true, Math.max(0, lo ?? 0), hi) };
  return lo === null && hi === null ? null : { formula: (c) => within(c, false, lo, hi) };
}

function fields(system: IndicatorSystem, lang: Lang): Field[] {
  const t = ui(lang).template.units;
  const scorable = (s: Scorable, name: string, evidence: string | null, description: string | null): Field => {
    const kind = ruleFor(s.rule).kind(s.rule);
    return {
      id: s.id,
      name,
      hint: itemHint(s, lang),
      kind,
      check: checkOf(kind, s, false),
      unit: (s.unit ? t[s.unit] : t[kind]) ?? '',
      evidence: evidence ?? '',
      description: description ?? '',
    };
  };
  const bonus = (b: BonusItemData): Field => {
    const kind: ValueKind = b.rule.type === 'check' ? 'yesno' : 'count';
    return {
      id: b.id,
      name: b.name,
      hint: bonusHint(b, lang),
      kind,
      check: checkOf(kind, null, true),
      unit: t[kind] ?? '',
      evidence: b.evidence ?? '',
      description: b.description ?? '',
    };
  };
  return [
    ...system.items.map((n) => scorable(n, n.name, n.evidence, n.description)),
    ...system.components.flatMap((c) => (c.scorable ? [scorable(c.scorable, c.name, null, c.description)] : [])),
    ...(system.bonus?.items ?? []).map(bonus),
    ...system.vetoes.map(
      (v): Field => ({
        id: v.id,
        name: v.name,
        hint: vetoHint(v, lang),
        kind: 'yesno',
        check: checkOf('yesno', null, true),
        unit: t.yesno ?? '',
        evidence: v.evidence ?? '',
        description: v.description ?? '',
      }),
    ),
  ];
}

/** A column's width in characters, as Excel counts them: a CJK character is two. */
const width = (texts: readonly string[], most = 60): number =>
  Math.min(
    most,
    Math.max(6, ...texts.map((s) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0))) + 2,
  );

const column = (n: number): string => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

const xml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The <dataValidations> of the sheet to fill: one rule per field, over the cells of its rows. */
function validations(rows: readonly Field[], valueColumn: number, lang: Lang): string {
  const t = ui(lang).template;
  const col = column(valueColumn);
  const groups = new Map<string, { check: NonNullable<Check>; cells: string[]; prompt: string }>();
  rows.forEach((f, i) => {
    if (f.check === null) return;
    const key = `${f.id}`;
    const g = groups.get(key) ?? { check: f.check, cells: [], prompt: f.hint };
    g.cells.push(`${col}${i + 2}`);
    groups.set(key, g);
  });
  const items = [...groups.values()].map(({ check, cells, prompt }) => {
    const first = cells[0] ?? `${col}2`;
    const formula = 'list' in check ? `"${check.list.join(',')}"` : xml(check.formula(first));
    const type = 'list' in check ? 'list' : 'custom';
    const attrs = [
      `type="${type}"`,
      'allowBlank="1"',
      'showInputMessage="1"',
      'showErrorMessage="1"',
      `errorTitle="${xml(t.invalidTitle)}"`,
      `error="${xml(t.invalid(prompt).slice(0, 255))}"`,
      `promptTitle="${xml(t.hint.slice(0, 32))}"`,
      `prompt="${xml(prompt.slice(0, 255))}"`,
      `sqref="${cells.join(' ')}"`,
    ];
    return `<dataValidation ${attrs.join(' ')}><formula1>${formula}</formula1></dataValidation>`;
  });
  return items.length === 0 ? '' : `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

const cell = (v: string) => (v === '' ? null : { value: defuse(v) });

/** The template workbook's bytes. */
export async function templateXlsx(
  system: IndicatorSystem,
  counties: readonly County[],
  lang: Lang,
): Promise<Uint8Array> {
  const t = ui(lang).template;
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const { insertElementMarkupAccordingToOrderOfSiblings, getOrderOfSiblings } = await import(
    'write-excel-file/utility'
  );
  const all = fields(system, lang);
  const by = system.assessors !== null ? ['by'] : [];
  const head = ['county_id', t.countyName, 'indicator_id', t.indicator, t.hint, 'value', ...by, 'source', 'note'];
  const valueColumn = head.indexOf('value') + 1;
  const list = counties.length > 0 ? counties : [null];
  const rows = list.flatMap((c) => all.map((f) => ({ c, f })));
  const data = [
    head.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...rows.map(({ c, f }) => [
      cell(c?.id ?? ''),
      cell(c?.name ?? ''),
      cell(f.id),
      cell(f.name),
      cell(f.hint),
      null,
      ...by.map(() => null),
      null,
      null,
    ]),
  ];
  const widths = [
    width(['county_id', ...list.map((c) => c?.id ?? '')]),
    width([t.countyName, ...list.map((c) => c?.name ?? '')]),
    width(['indicator_id', ...all.map((f) => f.id)]),
    width([t.indicator, ...all.map((f) => f.name)], 40),
    width([t.hint, ...all.map((f) => f.hint)], 50),
    14,
    ...by.map(() => 10),
    24,
    24,
  ];
  const hintsHead = t.hintsHead;
  const hints = [
    hintsHead.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...all.map((f) => [cell(f.id), cell(f.name), cell(f.hint), cell(f.unit), cell(f.evidence), cell(f.description)]),
  ];
  const dv = validations(
    rows.map((r) => r.f),
    valueColumn,
    lang,
  );
  const feature = {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (content: string, _options: unknown, properties: { sheetIndex: number }) =>
            properties.sheetIndex === 0 && dv !== ''
              ? insertElementMarkupAccordingToOrderOfSiblings(
                  content,
                  dv,
                  getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') ?? [],
                  'worksheet',
                )
              : content,
        },
      },
    },
  };
  const sheets = [
    { data, sheet: t.sheet, columns: widths.map((w) => ({ width: w })), stickyRowsCount: 1 },
    {
      data: hints,
      sheet: t.hintsSheet,
      columns: [width(['indicator_id', ...all.map((f) => f.id)]), 40, 50, 12, 40, 60].map((w) => ({ width: w })),
      stickyRowsCount: 1,
    },
  ];
  return stampZip(await writeXlsxFile(sheets as never, { features: [feature] } as never).toBuffer());
}
