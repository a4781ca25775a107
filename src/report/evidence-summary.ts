import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import type { InputFile } from '../load/evaluation.js';
import { shown } from '../model/visible.js';

/** One evaluation as the summary line counts it: its input files, and a label (a round) when a command reads two. */
export interface Read {
  readonly inputs: readonly InputFile[];
  readonly label?: string | null;
}

/**
 * The line stderr closes with after an evaluation is read (issue 14, nothing lost): how many
 * evidence entries (cells) its files held and where each went — used, a duplicate, skipped
 * (outside the round or the scope) or rejected, each of the last three with its located message
 * above. The four add up to the whole (`test/evidence.test.ts`). '' when it read no evidence file.
 */
export function evidenceSummary(read: Read, lang: Lang): string {
  const evidence = read.inputs.filter((f) => f.records !== undefined);
  if (evidence.length === 0) return '';
  const sum = (k: 'rows' | 'used' | 'duplicates' | 'skipped' | 'rejected') =>
    evidence.reduce((acc, f) => acc + f[k], 0);
  const label = read.label ? shown(read.label) : '';
  return `${ui(lang).evidenceSummary(evidence.length, sum('rows'), sum('used'), sum('duplicates'), sum('skipped'), sum('rejected'), label)}\n`;
}
