import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import type { County } from '../model/evaluation.js';
import type { IndicatorSystem } from '../model/system.js';
import { csvText } from './csv.js';
import { bonusHint, itemHint, vetoHint } from './rule-words.js';

interface Field {
  readonly id: string;
  readonly name: string;
  readonly hint: string;
}

/** Every id evidence can name, in file order: scored items (weight > 0 or report-only), components, bonus items, vetoes. */
export function templateFields(system: IndicatorSystem, lang: Lang): Field[] {
  return [
    ...system.items.map((n) => ({ id: n.id, name: n.name, hint: itemHint(n, lang) })),
    ...system.components.flatMap((c) =>
      c.scorable ? [{ id: c.id, name: c.name, hint: itemHint(c.scorable, lang) }] : [],
    ),
    ...(system.bonus?.items ?? []).map((b) => ({ id: b.id, name: b.name, hint: bonusHint(b, lang) })),
    ...system.vetoes.map((v) => ({ id: v.id, name: v.name, hint: vetoHint(v, lang) })),
  ];
}

/**
 * A blank evidence sheet in long form: one row per county and id (or per id with no register),
 * with the names and what each rule expects. fazhi reads it back as it is: columns other than
 * county_id, indicator_id, value, source, note and round are ignored in long form.
 */
export function longTemplate(system: IndicatorSystem, counties: readonly County[], lang: Lang): string {
  const t = ui(lang).template;
  // With assessors, a `by` column says who gave each value (the self-assessment's value, or an assessor).
  const by = system.assessors !== null ? ['by'] : [];
  const head = ['county_id', t.countyName, 'indicator_id', t.indicator, t.hint, 'value', ...by, 'source', 'note'];
  const fields = templateFields(system, lang);
  const rows = (counties.length > 0 ? counties : [null]).flatMap((c) =>
    fields.map((f) => [c?.id ?? '', c?.name ?? '', f.id, f.name, f.hint, '', ...by.map(() => ''), '', '']),
  );
  return csvText([head, ...rows]);
}

/**
 * Wide form: one row per county, one column per id. The header names each column `ID name`
 * (fazhi reads the id before the first space), so the sheet shows what each column is.
 */
export function wideTemplate(system: IndicatorSystem, counties: readonly County[], lang: Lang): string {
  return csvText(wideRows(system, counties, lang));
}

/** The wide template's rows (the CSV's, and a plain workbook's). */
export function wideRows(system: IndicatorSystem, counties: readonly County[], lang: Lang): string[][] {
  const fields = templateFields(system, lang);
  const head = [
    'county_id',
    'county',
    'prefecture',
    ...fields.map((f) => `${f.id} ${f.name}（${f.hint}）`),
    ...(system.assessors !== null ? ['by'] : []),
    'source',
    'note',
  ];
  const rows = counties.map((c) => [
    c.id,
    c.name,
    c.prefecture,
    ...fields.map(() => ''),
    ...(system.assessors !== null ? [''] : []),
    '',
    '',
  ]);
  return [head, ...rows];
}
