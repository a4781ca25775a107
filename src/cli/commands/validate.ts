import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../i18n/lang.js';
import { readIndicators } from '../../load/indicators.js';
import { defaultIndicatorsPath } from '../../load/package.js';
import { fileProblem } from '../../load/read.js';
import type { Problem } from '../../model/problem.js';
import {
  renderDiagnostics,
  renderValidateGithub,
  renderValidateJson,
  renderValidateText,
  type FileReport,
  type RenderOptions,
} from '../../report/problems.js';
import { displayPath, emit, styleFor } from '../io.js';

export const VALIDATE_RENDERERS = {
  text: renderValidateText,
  json: renderValidateJson,
  github: renderValidateGithub,
} satisfies Record<string, (reports: readonly FileReport[], o: RenderOptions) => string>;

export type ValidateFormat = keyof typeof VALIDATE_RENDERERS;

export interface ValidateOptions {
  readonly format: ValidateFormat;
  readonly strict: boolean;
  readonly out?: string;
  readonly lang: Lang;
}

const YAML_FILE = /\.ya?ml$/i;

/** The indicator files an argument stands for: a file, an evaluation folder's indicators.yaml, or a folder's *.yaml. */
export function indicatorFiles(arg: string): string[] | Problem {
  let isDir: boolean;
  try {
    isDir = statSync(arg).isDirectory();
  } catch {
    return [arg];
  }
  if (!isDir) return [arg];
  const names = readdirSync(arg).sort();
  if (names.includes('indicators.yaml')) return [join(arg, 'indicators.yaml')];
  const yamls = names.filter((n) => YAML_FILE.test(n) && statSync(join(arg, n)).isFile());
  return yamls.length > 0 ? yamls.map((n) => join(arg, n)) : fileProblem('folder-empty', displayPath(arg));
}

/** `fazhi validate`: checks indicator systems without scoring; exit 1 on errors (and warnings under --strict). */
export function validate(paths: readonly string[], o: ValidateOptions): number {
  const files = paths.length > 0 ? paths : [defaultIndicatorsPath()];
  const reports: FileReport[] = files.flatMap((arg) => {
    const found = indicatorFiles(arg);
    if (!Array.isArray(found)) return [{ file: found.file, system: null, problems: [found] }];
    return found.map((path) => {
      const file = displayPath(path);
      const { system, problems } = readIndicators(path, file);
      return { file, system, problems };
    });
  });
  const problems = reports.flatMap((r) => r.problems);
  process.stderr.write(renderDiagnostics(problems, o.lang, styleFor(process.stderr)));
  const render = VALIDATE_RENDERERS[o.format];
  const style = styleFor(o.out === undefined ? process.stdout : null);
  emit(render(reports, { lang: o.lang, strict: o.strict, style }), o.out);
  const failed = problems.some((p) => p.severity === 'error' || o.strict);
  return failed ? 1 : 0;
}
