import type { Lang } from '../i18n/lang.js';
import { problemMessage } from '../i18n/problems.js';
import { ui } from '../i18n/ui.js';
import { cellRef } from '../model/location.js';
import type { Problem } from '../model/problem.js';
import type { IndicatorSystem } from '../model/system.js';
import { forTerminal, LIST_CHARS, shown, VALUE_CHARS, visible } from '../model/visible.js';
import type { ValidateFormat } from './formats.js';
import type { Paint } from './paint.js';
import { listProblems, RUN } from './problem-caps.js';

/** What `validate` found in one file. */
export interface FileReport {
  readonly file: string;
  readonly system: IndicatorSystem | null;
  readonly problems: readonly Problem[];
  /** For a register or an evidence file: how many counties or cells it holds. */
  readonly size?: { readonly kind: 'register' | 'evidence'; readonly count: number };
  /** Present when the file was read as GB18030 rather than UTF-8: said, since it was a guess. */
  readonly encoding?: 'gb18030';
}

export interface RenderOptions {
  readonly lang: Lang;
  readonly style: Paint;
  /** `--strict`: warnings fail too. */
  readonly strict: boolean;
}

/** Where a problem is, as a diagnostic shows it: the file name made visible; `fazhi` for the run as a whole. */
export const where = (p: Pick<Problem, 'file' | 'line' | 'column'>): string =>
  p.file === RUN ? 'fazhi' : visible(cellRef(p.file, p.line, p.column));

/** Arguments that hold a list, a place or a command: they may run longer than a single value. */
const LONG_ARGS = new Set([
  'sheets',
  'rounds',
  'columns',
  'labels',
  'allowed',
  'parts',
  'keys',
  'items',
  'first',
  'command',
  'detail',
]);

/**
 * A problem's message, as every output of fazhi gives it: each quoted argument cut to
 * VALUE_CHARS characters (lists and places LIST_CHARS) and its control characters made visible
 * escapes, so that no cell can flood the terminal or start a line of its own (docs/limits.md).
 */
export function messageOf(p: Pick<Problem, 'code' | 'args'>, lang: Lang): string {
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.args))
    args[k] = typeof v === 'string' ? shown(v, LONG_ARGS.has(k) ? LIST_CHARS : VALUE_CHARS) : v;
  return problemMessage(p.code, args, lang);
}

/** One diagnostic line: `FILE:LINE:COL: 错误：message [code]`. */
export function diagnostic(p: Problem, lang: Lang, style: Paint): string {
  const t = ui(lang);
  const severity = p.severity === 'error' ? style.red.bold(t.error) : style.yellow.bold(t.warning);
  return `${style.bold(where(p))}: ${severity}${t.colon}${messageOf(p, lang)} ${style.dim(`[${p.code}]`)}`;
}

/**
 * Diagnostics for stderr, grouped by file (a blank line between files): at most PER_FILE of a
 * file and PER_RUN in all, each cut closed by a line that counts the rest (`listProblems`).
 */
export function renderDiagnostics(problems: readonly Problem[], lang: Lang, style: Paint): string {
  const lines: string[] = [];
  let file: string | undefined;
  for (const p of listProblems(problems).problems) {
    if (file !== undefined && p.file !== file) lines.push('');
    file = p.file;
    lines.push(diagnostic(p, lang, style));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const failing = (p: Problem, strict: boolean): boolean => p.severity === 'error' || strict;

/** `validate --format text` on stdout: one line per file, then the verdict. */
export function renderValidateText(given: readonly FileReport[], options: RenderOptions): string {
  const [reports, o] = [forTerminal(given), options];
  const t = ui(o.lang);
  const lines = reports.map((r) => {
    const errors = r.problems.filter((p) => p.severity === 'error').length;
    const warnings = r.problems.length - errors;
    const bad = r.problems.some((p) => failing(p, o.strict));
    const mark = bad ? o.style.red('✗') : o.style.green('✓');
    const about = r.system ? t.systemSummary(r.system) : r.size ? t.fileSize(r.size.kind, r.size.count) : '';
    const counts = errors + warnings > 0 ? t.problemCounts(errors, warnings) : '';
    const readAs = r.encoding ? t.readAs(r.encoding) : '';
    return `${mark} ${visible(r.file)}${[about, readAs, counts]
      .filter(Boolean)
      .map((s) => ` — ${s}`)
      .join('')}`;
  });
  const ok = reports.every((r) => !r.problems.some((p) => failing(p, o.strict)));
  lines.push(ok ? o.style.green(t.validateOk(reports.length)) : o.style.red(t.validateFailed(reports.length)));
  return `${lines.join('\n')}\n`;
}

interface JsonProblem {
  file: string;
  line: number | null;
  column: number | null;
  code: string;
  message: string;
}

const toJson = (p: Problem, lang: Lang): JsonProblem => ({
  file: p.file,
  line: p.line > 0 ? p.line : null,
  column: p.line > 0 ? p.column : null,
  code: p.code,
  message: messageOf(p, lang),
});

/** `validate --format json`: `{ ok, errors, warnings }` (CLI.md). Under --strict warnings count as errors for `ok`. */
export function renderValidateJson(reports: readonly FileReport[], o: RenderOptions): string {
  const all = reports.flatMap((r) => r.problems);
  const errors = all.filter((p) => p.severity === 'error');
  const warnings = all.filter((p) => p.severity === 'warning');
  const ok = errors.length === 0 && (!o.strict || warnings.length === 0);
  return `${JSON.stringify({ ok, errors: errors.map((p) => toJson(p, o.lang)), warnings: warnings.map((p) => toJson(p, o.lang)) }, null, 2)}\n`;
}

/**
 * GitHub Actions workflow commands: `::error file=F,line=L,col=C::message`, as many as stderr
 * lists (`listProblems`), each cut closed by a `::warning` that counts the rest.
 */
export function renderValidateGithub(reports: readonly FileReport[], o: RenderOptions): string {
  return listProblems(reports.flatMap((r) => r.problems))
    .problems.map((p) => {
      const kind = (p.severity === 'error' || o.strict) && p.code !== 'problems-truncated' ? 'error' : 'warning';
      const props = [
        ...(p.file === RUN ? [] : [`file=${escapeProperty(visible(p.file))}`]),
        ...(p.line > 0 ? [`line=${p.line}`, `col=${p.column}`] : []),
      ];
      return `::${kind}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(`${messageOf(p, o.lang)} [${p.code}]`)}\n`;
    })
    .join('');
}

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const VALIDATE_RENDERERS = {
  text: renderValidateText,
  json: renderValidateJson,
  github: renderValidateGithub,
} satisfies Record<ValidateFormat, (reports: readonly FileReport[], o: RenderOptions) => string>;

export type { ValidateFormat };
