import type { County } from './evaluation.js';

/**
 * The counties an evaluation covers (FORMATS.md §6, Scope): register column → the values it may
 * take. Values of one column are alternatives (OR); different columns must all match (AND).
 * Columns and values are NFKC-normalised and trimmed, as the register is.
 */
export type Where = Readonly<Record<string, readonly string[]>>;

const normal = (text: string): string => text.normalize('NFKC').trim();

/** A county's value in a register column, or `undefined` when the register has no such column. */
export function columnValue(county: County, column: string): string | undefined {
  if (column === 'county_id') return county.id;
  if (column === 'county') return county.name;
  if (column === 'prefecture') return county.prefecture;
  return county.extra[column];
}

/** Whether a county lies in the scope. */
export const inScope = (county: County, where: Where): boolean =>
  Object.entries(where).every(([column, values]) => values.includes(normal(columnValue(county, column) ?? '')));
