import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import type { Encoding } from '../../load/decode.js';
import { loadEvaluation } from '../../load/evaluation.js';
import { readIndicators } from '../../load/indicators.js';
import { defaultIndicatorsPath } from '../../load/package.js';
import { append } from '../../model/arrays.js';
import type { County } from '../../model/evaluation.js';
import type { Problem } from '../../model/problem.js';
import type { IndicatorSystem } from '../../model/system.js';
import type { TemplateFormat } from '../../report/formats.js';
import { renderDiagnostics } from '../../report/problems.js';
import { longTemplate, wideRows, wideTemplate } from '../../report/template.js';
import { templateXlsx } from '../../report/template-xlsx.js';
import { xlsxBytes } from '../../report/xlsx.js';
import { InputError, UsageError } from '../errors.js';
import { binaryNeedsOut, displayPath, emit, refuseOverwrite, styleFor } from '../io.js';

export interface TemplateOptions {
  readonly wide?: boolean;
  readonly format?: TemplateFormat;
  readonly force?: boolean;
  readonly indicators?: string;
  readonly counties?: string;
  readonly encoding?: Encoding;
  readonly out?: string;
  readonly lang: Lang;
}

/** The indicator system and (if there is one) the register of a folder or the flags; problems stop the run. */
export async function systemAndCounties(
  dir: string | undefined,
  o: Omit<TemplateOptions, 'out' | 'wide'>,
): Promise<{ system: IndicatorSystem; counties: County[] }> {
  const indicators =
    o.indicators ??
    (dir && existsSync(join(dir, 'indicators.yaml')) ? join(dir, 'indicators.yaml') : defaultIndicatorsPath());
  const loaded = readIndicators(indicators, displayPath(indicators));
  const problems: Problem[] = [...loaded.problems];
  let counties: County[] = [];
  if (o.counties !== undefined || (dir && ['counties.csv', 'counties.xlsx'].some((f) => existsSync(join(dir, f))))) {
    // The register as an evaluation reads it (CSV or .xlsx), without the evidence.
    const e = await loadEvaluation({
      dir,
      counties: o.counties,
      indicators: indicators,
      evidence: [],
      encoding: o.encoding,
      display: displayPath,
    });
    append(
      problems,
      [...e.errors, ...e.warnings].filter((p) => p.file !== displayPath(indicators)),
    );
    counties = [...(e.register?.counties ?? [])];
  }
  if (!loaded.system || problems.some((p) => p.severity === 'error')) throw new InputError(problems);
  process.stderr.write(renderDiagnostics(problems, o.lang, styleFor(process.stderr)));
  return { system: loaded.system, counties };
}

/**
 * `fazhi template`: a blank evidence sheet with names and rule hints, as CSV (UTF-8 with BOM) or
 * as a workbook (`--format xlsx`, or an `--out` ending in .xlsx). Never overwrites a file without
 * `--force`: a filled sheet replaced by a blank one would score every county about 0.
 */
export async function template(dir: string | undefined, o: TemplateOptions): Promise<number> {
  const t = ui(o.lang);
  const xlsxName = o.out !== undefined && /\.xlsx$/i.test(o.out);
  if (o.format === 'csv' && xlsxName) throw new UsageError(t.template.formatMismatch(displayPath(o.out ?? '')));
  const format: TemplateFormat = o.format ?? (xlsxName ? 'xlsx' : 'csv');
  binaryNeedsOut(format, o.out, t.xlsxNeedsOut);
  if (o.out !== undefined && o.force !== true) refuseOverwrite(o.out);
  const { system, counties } = await systemAndCounties(dir, o);
  if (format === 'csv') emit((o.wide ? wideTemplate : longTemplate)(system, counties, o.lang), o.out);
  else
    emit(
      o.wide
        ? await xlsxBytes(wideRows(system, counties, o.lang), t.template.sheet)
        : await templateXlsx(system, counties, o.lang),
      o.out,
    );
  return 0;
}
