import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../i18n/lang.js';
import { decode, type Encoding } from '../../load/decode.js';
import { readIndicators } from '../../load/indicators.js';
import { defaultIndicatorsPath } from '../../load/package.js';
import { readProblem } from '../../load/read.js';
import { parseRegister } from '../../load/register.js';
import type { Problem } from '../../model/problem.js';
import type { IndicatorSystem } from '../../model/system.js';
import type { County } from '../../score/score.js';
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
export function systemAndCounties(dir: string | undefined, o: Omit<TemplateOptions, 'out' | 'wide'>): { system: IndicatorSystem; counties: County[] } {
  const indicators = o.indicators ?? (dir && existsSync(join(dir, 'indicators.yaml')) ? join(dir, 'indicators.yaml') : defaultIndicatorsPath());
  const loaded = readIndicators(indicators, displayPath(indicators));
  const problems: Problem[] = [...loaded.problems];
  const registerPath = o.counties ?? (dir && existsSync(join(dir, 'counties.csv')) ? join(dir, 'counties.csv') : undefined);
  let counties: County[] = [];
  if (registerPath) {
    try {
      const r = parseRegister(decode(readFileSync(registerPath), o.encoding).text, displayPath(registerPath));
      problems.push(...r.problems);
      counties = [...(r.register?.counties ?? [])];
    } catch (e) {
      problems.push(readProblem(e, displayPath(registerPath)));
    }
  }
  if (!loaded.system || problems.some((p) => p.severity === 'error')) throw new InputError(problems);
  process.stderr.write(renderDiagnostics(problems, o.lang, styleFor(process.stderr)));
  return { system: loaded.system, counties };
}

/** `fazhi template`: a blank evidence sheet (UTF-8 with BOM) with names and rule hints. */
export function template(dir: string | undefined, o: TemplateOptions): number {
  const { system, counties } = systemAndCounties(dir, o);
  emit((o.wide ? wideTemplate : longTemplate)(system, counties, o.lang), o.out);
  return 0;
}
