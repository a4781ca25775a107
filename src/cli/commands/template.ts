import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../i18n/lang.js';
import type { Encoding } from '../../load/decode.js';
import { loadEvaluation } from '../../load/evaluation.js';
import { readIndicators } from '../../load/indicators.js';
import { defaultIndicatorsPath } from '../../load/package.js';
import type { County } from '../../model/evaluation.js';
import type { Problem } from '../../model/problem.js';
import type { IndicatorSystem } from '../../model/system.js';
import { renderDiagnostics } from '../../report/problems.js';
import { longTemplate, wideTemplate } from '../../report/template.js';
import { InputError } from '../errors.js';
import { displayPath, emit, styleFor } from '../io.js';

export interface TemplateOptions {
  readonly wide?: boolean;
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
    problems.push(...[...e.errors, ...e.warnings].filter((p) => p.file !== displayPath(indicators)));
    counties = [...(e.register?.counties ?? [])];
  }
  if (!loaded.system || problems.some((p) => p.severity === 'error')) throw new InputError(problems);
  process.stderr.write(renderDiagnostics(problems, o.lang, styleFor(process.stderr)));
  return { system: loaded.system, counties };
}

/** `fazhi template`: a blank evidence sheet (UTF-8 with BOM) with names and rule hints. */
export async function template(dir: string | undefined, o: TemplateOptions): Promise<number> {
  const { system, counties } = await systemAndCounties(dir, o);
  emit((o.wide ? wideTemplate : longTemplate)(system, counties, o.lang), o.out);
  return 0;
}
