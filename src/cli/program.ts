import { Command, Help, Option } from 'commander';
import { LANGS, type Lang } from '../i18n/lang.js';
import { type Ui, ui } from '../i18n/ui.js';
import {
  COMPARE_FORMATS,
  COVERAGE_FORMATS,
  EXPLAIN_FORMATS,
  GAPS_FORMATS,
  RANK_FORMATS,
  RECONCILE_FORMATS,
  REPORT_FORMATS,
  SCORE_FORMATS,
  SCORECARD_FORMATS,
  SENSITIVITY_FORMATS,
  TEMPLATE_FORMATS,
  VALIDATE_FORMATS,
} from '../report/formats.js';
import type { CompareOptions } from './commands/compare.js';
import type { CoverageOptions } from './commands/coverage.js';
import type { ExplainOptions } from './commands/explain.js';
import type { GapsOptions } from './commands/gaps.js';
import type { RankOptions } from './commands/rank.js';
import type { ReconcileOptions } from './commands/reconcile.js';
import type { ReportOptions } from './commands/report.js';
import type { ScoreOptions } from './commands/score.js';
import type { ScorecardOptions } from './commands/scorecard.js';
import type { SensitivityOptions } from './commands/sensitivity.js';
import type { TemplateOptions } from './commands/template.js';
import type { ValidateOptions } from './commands/validate.js';
import { UsageError } from './errors.js';
import { evaluationOptions } from './evaluation-options.js';
import { draws, TOP_RANGE, wholeNumber } from './flag-numbers.js';

export {
  COMPARE_FORMATS,
  COVERAGE_FORMATS,
  EXPLAIN_FORMATS,
  GAPS_FORMATS,
  RANK_FORMATS,
  RECONCILE_FORMATS,
  REPORT_FORMATS,
  SCORE_FORMATS,
  SCORECARD_FORMATS,
  SENSITIVITY_FORMATS,
  VALIDATE_FORMATS,
};

/** What commander hands an action: the positional arguments, then the options. */
type Options<O> = Omit<O, 'lang'>;

/**
 * One command of the table: its words, arguments and options (in the order `--help` lists them),
 * whether it reads an evaluation (then the evaluation flags follow its own options), and its
 * action, loaded only when the command runs (so `fazhi --help` stays light).
 */
interface Spec<A extends unknown[]> {
  readonly name: string;
  readonly words: (t: Ui) => {
    readonly description: string;
    readonly examples: readonly (readonly [string, string])[];
  };
  readonly args: (t: Ui) => readonly (readonly [string, string])[];
  readonly options: (t: Ui) => readonly Option[];
  readonly evaluation: boolean;
  readonly run: (lang: Lang, ...args: A) => Promise<number>;
}

const spec = <A extends unknown[]>(s: Spec<A>): Spec<A> => s;

const format = (t: Ui, choices: readonly string[], fallback: string): Option =>
  new Option('--format <format>', t.formatOption).choices(choices).default(fallback);
const out = (t: Ui): Option => new Option('--out <file>', t.outOption);
const flag = (flags: string, description: string): Option => new Option(flags, description);

const COMMANDS = [
  spec({
    name: 'validate',
    words: (t) => t.validate,
    args: (t) => [['[paths...]', t.validate.paths]],
    options: (t) => [format(t, VALIDATE_FORMATS, 'text'), flag('--strict', t.validate.strict), out(t)],
    evaluation: true,
    run: async (lang, paths: string[], o: Options<ValidateOptions>) =>
      (await import('./commands/validate.js')).validate(paths, { ...o, strict: o.strict === true, lang }),
  }),
  spec({
    name: 'score',
    words: (t) => t.score,
    args: (t) => [['[dir]', t.score.dir]],
    options: (t) => [format(t, SCORE_FORMATS, 'table'), out(t)],
    evaluation: true,
    run: async (lang, dir: string | undefined, o: Options<ScoreOptions>) =>
      (await import('./commands/score.js')).score(dir, { ...o, lang }),
  }),
  spec({
    name: 'rank',
    words: (t) => t.rank,
    args: (t) => [['[dir]', t.score.dir]],
    options: (t) => [
      flag('--by <id>', t.rank.by),
      flag('--within <scope>', t.rank.within).choices(['prefecture']),
      format(t, RANK_FORMATS, 'table'),
      out(t),
    ],
    evaluation: true,
    run: async (lang, dir: string | undefined, o: Options<RankOptions>) =>
      (await import('./commands/rank.js')).rank(dir, { ...o, lang }),
  }),
  spec({
    name: 'gaps',
    words: (t) => t.gaps,
    args: (t) => [['[dir]', t.score.dir]],
    options: (t) => [
      flag('--county <id>', t.gaps.countyOption),
      flag('--top <n>', t.gaps.topOption).argParser(wholeNumber(t, '--top', ...TOP_RANGE)),
      format(t, GAPS_FORMATS, 'table'),
      out(t),
    ],
    evaluation: true,
    run: async (lang, dir: string | undefined, o: Options<GapsOptions>) =>
      (await import('./commands/gaps.js')).gaps(dir, { ...o, lang }),
  }),
  spec({
    name: 'coverage',
    words: (t) => t.coverage,
    args: (t) => [['[dir]', t.score.dir]],
    options: (t) => [format(t, COVERAGE_FORMATS, 'table'), out(t)],
    evaluation: true,
    run: async (lang, dir: string | undefined, o: Options<CoverageOptions>) =>
      (await import('./commands/coverage.js')).coverage(dir, { ...o, lang }),
  }),
  spec({
    name: 'compare',
    words: (t) => t.compare,
    args: (t) => [
      ['[base]', t.compare.base],
      ['[current]', t.compare.current],
    ],
    options: (t) => [flag('--rounds <a,b>', t.compare.rounds), format(t, COMPARE_FORMATS, 'table'), out(t)],
    evaluation: true,
    run: async (lang, base: string | undefined, current: string | undefined, o: Options<CompareOptions>) =>
      (await import('./commands/compare.js')).compare(base, current, { ...o, lang }),
  }),
  spec({
    name: 'reconcile',
    words: (t) => t.reconcile,
    args: (t) => [['[dir]', t.score.dir]],
    options: (t) => [format(t, RECONCILE_FORMATS, 'table'), out(t)],
    evaluation: true,
    run: async (lang, dir: string | undefined, o: Options<ReconcileOptions>) =>
      (await import('./commands/reconcile.js')).reconcile(dir, { ...o, lang }),
  }),
  spec({
    name: 'sensitivity',
    words: (t) => t.sensitivity,
    args: (t) => [['[dir]', t.score.dir]],
    options: (t) => [...draws(t), format(t, SENSITIVITY_FORMATS, 'table'), out(t)],
    evaluation: true,
    run: async (lang, dir: string | undefined, o: Options<SensitivityOptions>) =>
      (await import('./commands/sensitivity.js')).sensitivity(dir, { ...o, lang }),
  }),
  spec({
    name: 'report',
    words: (t) => t.report,
    args: (t) => [['[dir]', t.score.dir]],
    options: (t) => [
      flag('--out <dir>', t.report.outOption).makeOptionMandatory(),
      format(t, REPORT_FORMATS, 'html'),
      flag('--prefecture <name>', t.report.prefectureOption),
      flag('--county-pages', t.report.countyPagesOption),
      flag('--baseline <round>', t.report.baselineOption),
      flag('--no-baseline', t.report.noBaselineOption),
      flag('--date <yyyy-mm-dd>', t.report.dateOption),
      flag('--sensitivity', t.report.sensitivityOption),
      ...draws(t),
    ],
    evaluation: true,
    run: async (lang, dir: string | undefined, o: Options<ReportOptions>) =>
      (await import('./commands/report.js')).report(dir, { ...o, lang }),
  }),
  spec({
    name: 'explain',
    words: (t) => t.explain,
    args: (t) => [['[dir]', t.score.dir]],
    options: (t) => [
      flag('--county <id>', t.explain.countyOption).makeOptionMandatory(),
      flag('--item <id>', t.explain.itemOption).makeOptionMandatory(),
      format(t, EXPLAIN_FORMATS, 'text'),
      out(t),
    ],
    evaluation: true,
    run: async (lang, dir: string | undefined, o: Options<ExplainOptions>) =>
      (await import('./commands/explain.js')).explain(dir, { ...o, lang }),
  }),
  spec({
    name: 'scorecard',
    words: (t) => t.scorecard,
    args: (t) => [['[dir]', t.score.dir]],
    options: (t) => [flag('--county <id>', t.scorecard.countyOption), format(t, SCORECARD_FORMATS, 'md'), out(t)],
    evaluation: true,
    run: async (lang, dir: string | undefined, o: Options<ScorecardOptions>) =>
      (await import('./commands/scorecard.js')).scorecard(dir, { ...o, lang }),
  }),
  spec({
    name: 'template',
    words: (t) => t.template,
    args: (t) => [['[dir]', t.score.dir]],
    options: (t) => {
      const e = evaluationOptions(t);
      return [
        flag('--wide', t.template.wide),
        new Option('--format <format>', t.formatOption).choices(TEMPLATE_FORMATS),
        e.indicators,
        e.counties,
        e.encoding,
        out(t),
        flag('--force', t.template.force),
      ];
    },
    evaluation: false,
    run: async (lang, dir: string | undefined, o: Options<TemplateOptions>) =>
      (await import('./commands/template.js')).template(dir, { ...o, lang }),
  }),
  spec({
    name: 'init',
    words: (t) => t.init,
    args: (t) => [['<dir>', t.init.dir]],
    options: (t) => [flag('--force', t.init.force)],
    evaluation: false,
    run: async (lang, dir: string, o: { force?: boolean }) =>
      (await import('./commands/init.js')).init(dir, lang, o.force === true),
  }),
  spec({
    name: 'schema',
    words: (t) => t.schema,
    args: () => [],
    options: (t) => [out(t)],
    evaluation: false,
    run: async (_lang, o: { out?: string }) => (await import('./commands/schema.js')).schema(o.out),
  }),
];

/**
 * The command line, wired with commander from the table above: words from the catalogue,
 * actions loaded only when their command runs.
 */
export function buildProgram(lang: Lang, version: string, done: (code: number) => void): Command {
  const t = ui(lang);
  const program = new Command('fazhi');
  program
    .description(t.programDescription)
    .version(version, '-V, --version', t.versionOption)
    .helpOption('-h, --help', t.helpOption)
    .helpCommand('help [command]', t.helpCommand)
    .addOption(new Option('--lang <lang>', t.langOption).choices(LANGS))
    .configureHelp(localHelp(lang))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => {} });

  for (const c of COMMANDS as readonly Spec<unknown[]>[]) {
    const words = c.words(t);
    const command = program.command(c.name).description(words.description);
    for (const [name, description] of c.args(t)) command.argument(name, description);
    for (const option of c.options(t)) command.addOption(option);
    if (c.evaluation) for (const option of Object.values(evaluationOptions(t))) command.addOption(option);
    command
      .addHelpText('after', examples(t, words.examples))
      // commander passes the arguments, the options and the command itself: the last is not wanted.
      .action(async (...args: unknown[]) => {
        // `--out ""` would write into the working folder (or nowhere): a command-line error.
        if ((args.at(-2) as { out?: unknown } | undefined)?.out === '') throw new UsageError(t.usage.emptyOut);
        done(await c.run(lang, ...args.slice(0, -1)));
      });
  }
  return program;
}

const examples = (t: Ui, list: readonly (readonly [string, string])[]): string =>
  `\n${t.examples}\n${list.map(([cmd, what]) => `  ${cmd}\n      ${what}`).join('\n')}\n`;

/** Help headings and option notes in the chosen language. */
function localHelp(lang: Lang): Partial<Help> {
  const t = ui(lang);
  return {
    // Commander wraps only at ASCII spaces, which splits Chinese lines at odd places ("id",
    // "CSV"); leave Chinese lines whole and let the terminal wrap them.
    ...(lang === 'zh' ? { boxWrap: (str: string) => str } : {}),
    styleTitle: (title: string) => t.headings[title] ?? title,
    optionDescription(this: Help, option: Option): string {
      const text = Help.prototype.optionDescription.call(this, option);
      if (lang === 'en') return text;
      return text.replace(
        / \((choices|default): (.*)\)$/,
        (_, first: string, rest: string) =>
          `（${first === 'choices' ? t.choicesWord : t.defaultWord}：${rest.replace(', default: ', `；${t.defaultWord}：`)}）`,
      );
    },
  };
}
