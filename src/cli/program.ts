import { Command, Help, Option } from 'commander';
import { LANGS, type Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import type { CompareFormat } from '../report/compare.js';
import type { ExplainFormat } from '../report/explain.js';
import type { GapsFormat } from '../report/gaps.js';
import type { RankFormat } from '../report/rank.js';
import type { ReportFormat } from '../report/report-doc.js';
import type { ScoreFormat } from '../report/score.js';
import type { ValidateFormat } from './commands/validate.js';
import { addEvaluationOptions, type EvaluationFlags } from './evaluation-options.js';

// The renderer registries' keys, written out so that `--help` need not load the renderers
// (a test keeps them equal).
export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const satisfies readonly ValidateFormat[];
export const SCORE_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const satisfies readonly ScoreFormat[];
export const GAPS_FORMATS = ['table', 'json', 'md', 'csv', 'xlsx'] as const satisfies readonly GapsFormat[];
export const COMPARE_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const satisfies readonly CompareFormat[];
export const EXPLAIN_FORMATS = ['text', 'json'] as const satisfies readonly ExplainFormat[];
export const RANK_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const satisfies readonly RankFormat[];
export const REPORT_FORMATS = ['html', 'md', 'both'] as const satisfies readonly ReportFormat[];

/**
 * The command line, wired with commander: words from the catalogue, actions loaded
 * only when their command runs (so `fazhi --version` stays fast).
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

  const examples = (list: readonly [string, string][]): string =>
    `\n${t.examples}\n${list.map(([cmd, what]) => `  ${cmd}\n      ${what}`).join('\n')}\n`;

  addEvaluationOptions(
    program
      .command('validate')
      .description(t.validate.description)
      .argument('[paths...]', t.validate.paths)
      .addOption(new Option('--format <format>', t.formatOption).choices(VALIDATE_FORMATS).default('text'))
      .option('--strict', t.validate.strict)
      .option('--out <file>', t.outOption),
    lang,
  )
    .addHelpText('after', examples(t.validate.examples))
    .action(
      async (
        paths: string[],
        opts: EvaluationFlags & { format: (typeof VALIDATE_FORMATS)[number]; strict?: boolean; out?: string },
      ) => {
        const { validate } = await import('./commands/validate.js');
        done(await validate(paths, { ...opts, strict: opts.strict === true, lang }));
      },
    );

  addEvaluationOptions(
    program
      .command('score')
      .description(t.score.description)
      .argument('[dir]', t.score.dir)
      .addOption(new Option('--format <format>', t.formatOption).choices(SCORE_FORMATS).default('table'))
      .option('--out <file>', t.outOption),
    lang,
  )
    .addHelpText('after', examples(t.score.examples))
    .action(
      async (
        dir: string | undefined,
        opts: EvaluationFlags & { format: (typeof SCORE_FORMATS)[number]; out?: string },
      ) => {
        const { score } = await import('./commands/score.js');
        done(await score(dir, { ...opts, lang }));
      },
    );

  addEvaluationOptions(
    program
      .command('rank')
      .description(t.rank.description)
      .argument('[dir]', t.score.dir)
      .option('--by <id>', t.rank.by)
      .addOption(new Option('--within <scope>', t.rank.within).choices(['prefecture']))
      .addOption(new Option('--format <format>', t.formatOption).choices(RANK_FORMATS).default('table'))
      .option('--out <file>', t.outOption),
    lang,
  )
    .addHelpText('after', examples(t.rank.examples))
    .action(
      async (
        dir: string | undefined,
        opts: EvaluationFlags & {
          format: (typeof RANK_FORMATS)[number];
          by?: string;
          within?: 'prefecture';
          out?: string;
        },
      ) => {
        const { rank } = await import('./commands/rank.js');
        done(await rank(dir, { ...opts, lang }));
      },
    );

  addEvaluationOptions(
    program
      .command('gaps')
      .description(t.gaps.description)
      .argument('[dir]', t.score.dir)
      .option('--county <id>', t.gaps.countyOption)
      .option('--top <n>', t.gaps.topOption)
      .addOption(new Option('--format <format>', t.formatOption).choices(GAPS_FORMATS).default('table'))
      .option('--out <file>', t.outOption),
    lang,
  )
    .addHelpText('after', examples(t.gaps.examples))
    .action(
      async (
        dir: string | undefined,
        opts: EvaluationFlags & { format: (typeof GAPS_FORMATS)[number]; county?: string; top?: string; out?: string },
      ) => {
        const { gaps } = await import('./commands/gaps.js');
        done(await gaps(dir, { ...opts, lang }));
      },
    );

  addEvaluationOptions(
    program
      .command('compare')
      .description(t.compare.description)
      .argument('[base]', t.compare.base)
      .argument('[current]', t.compare.current)
      .option('--rounds <a,b>', t.compare.rounds)
      .addOption(new Option('--format <format>', t.formatOption).choices(COMPARE_FORMATS).default('table'))
      .option('--out <file>', t.outOption),
    lang,
  )
    .addHelpText('after', examples(t.compare.examples))
    .action(
      async (
        base: string | undefined,
        current: string | undefined,
        opts: EvaluationFlags & { format: (typeof COMPARE_FORMATS)[number]; rounds?: string; out?: string },
      ) => {
        const { compare } = await import('./commands/compare.js');
        done(await compare(base, current, { ...opts, lang }));
      },
    );

  addEvaluationOptions(
    program
      .command('report')
      .description(t.report.description)
      .argument('[dir]', t.score.dir)
      .requiredOption('--out <dir>', t.report.outOption)
      .addOption(new Option('--format <format>', t.formatOption).choices(REPORT_FORMATS).default('html'))
      .option('--prefecture <name>', t.report.prefectureOption)
      .option('--county-pages', t.report.countyPagesOption)
      .option('--baseline <round>', t.report.baselineOption)
      .option('--no-baseline', t.report.noBaselineOption)
      .option('--date <yyyy-mm-dd>', t.report.dateOption),
    lang,
  )
    .addHelpText('after', examples(t.report.examples))
    .action(
      async (
        dir: string | undefined,
        opts: EvaluationFlags & {
          format: (typeof REPORT_FORMATS)[number];
          out: string;
          prefecture?: string;
          countyPages?: boolean;
          baseline?: string | false;
          date?: string;
        },
      ) => {
        const { report } = await import('./commands/report.js');
        done(await report(dir, { ...opts, lang }));
      },
    );

  addEvaluationOptions(
    program
      .command('explain')
      .description(t.explain.description)
      .argument('[dir]', t.score.dir)
      .requiredOption('--county <id>', t.explain.countyOption)
      .requiredOption('--item <id>', t.explain.itemOption)
      .addOption(new Option('--format <format>', t.formatOption).choices(EXPLAIN_FORMATS).default('text'))
      .option('--out <file>', t.outOption),
    lang,
  )
    .addHelpText('after', examples(t.explain.examples))
    .action(
      async (
        dir: string | undefined,
        opts: EvaluationFlags & {
          format: (typeof EXPLAIN_FORMATS)[number];
          county: string;
          item: string;
          out?: string;
        },
      ) => {
        const { explain } = await import('./commands/explain.js');
        done(await explain(dir, { ...opts, lang }));
      },
    );

  program
    .command('template')
    .description(t.template.description)
    .argument('[dir]', t.score.dir)
    .option('--wide', t.template.wide)
    .option('--indicators <file>', t.evaluation.indicators)
    .option('--counties <file>', t.evaluation.counties)
    .addOption(new Option('--encoding <encoding>', t.evaluation.encoding).choices(['utf8', 'gb18030']))
    .option('--out <file>', t.outOption)
    .addHelpText('after', examples(t.template.examples))
    .action(
      async (
        dir: string | undefined,
        opts: { wide?: boolean; indicators?: string; counties?: string; encoding?: 'utf8' | 'gb18030'; out?: string },
      ) => {
        const { template } = await import('./commands/template.js');
        done(await template(dir, { ...opts, lang }));
      },
    );

  program
    .command('init')
    .description(t.init.description)
    .argument('<dir>', t.init.dir)
    .addHelpText('after', examples(t.init.examples))
    .action(async (dir: string) => {
      const { init } = await import('./commands/init.js');
      done(init(dir, lang));
    });

  program
    .command('schema')
    .description(t.schema.description)
    .option('--out <file>', t.outOption)
    .addHelpText('after', examples(t.schema.examples))
    .action(async (opts: { out?: string }) => {
      const { schema } = await import('./commands/schema.js');
      done(schema(opts.out));
    });

  return program;
}

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
