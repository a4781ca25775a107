import { reportWords } from '../i18n/report-words.js';
import type { Where } from '../model/scope.js';
import type { Frame } from './frame.js';

/**
 * Whom an evaluation covers, in words: the place (the region, the prefectures named in the scope,
 * or the prefecture a report is about) and the kind of county (第一批创建县（市、区）for
 * `batch: 1`, with any other column of the scope said in full).
 */
export function scopeParts(where: Where | null, f: Frame, prefecture: string | null): { place: string; kind: string } {
  const w = reportWords(f.lang).facts;
  const scope = where ?? {};
  const batch = scope.batch;
  const named = scope.prefecture;
  const others = Object.entries(scope).filter(([c]) => c !== 'batch' && c !== 'prefecture');
  const place = prefecture ?? (named ? reportWords(f.lang).list(named) : (f.regionName ?? ''));
  const base = batch ? w.batch(batch) : w.counties;
  const columns = others.map(([c, values]) => w.column(w.columnName[c] ?? c, values)).join('');
  return { place, kind: columns === '' ? base : w.withColumns(base, columns) };
}
