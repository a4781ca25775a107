import { CommanderError } from 'commander';
import { detectLang, type Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import { packageVersion } from '../load/package.js';
import { ScopeError } from '../model/input-error.js';
import { clip, LIST_CHARS, shown, shownList, visible } from '../model/visible.js';
import { renderDiagnostics } from '../report/problems.js';
import { EXIT, InputError, UsageError } from './errors.js';
import { styleFor } from './io.js';
import { buildProgram } from './program.js';

/** Runs the command line and returns the exit code; never throws. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = detectLang(argv, env);
  let code: number = EXIT.ok;
  let commands: string[] = [];
  try {
    const program = buildProgram(lang, packageVersion(), (c) => (code = c));
    commands = program.commands.map((c) => c.name());
    if (argv.length === 0) {
      process.stderr.write(program.helpInformation());
      return EXIT.usage;
    }
    if (argv[0] === 'help' && argv[1] !== undefined && !argv[1].startsWith('-') && !commands.includes(argv[1]))
      throw new UsageError(ui(lang).usage.unknownCommand(argv[1]));
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    const command = argv.filter((a) => commands.includes(a)).slice(0, 1);
    return reportError(e, lang, command, env, (text) => process.stderr.write(text));
  }
}

/**
 * Says what went wrong and gives the exit code (CLI.md): 2 for the command line, 1 for the input,
 * 3 for a bug in fazhi, whose stack trace is shown only under FAZHI_DEBUG=1.
 */
export function reportError(
  e: unknown,
  lang: Lang,
  command: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  write: (text: string) => void,
): number {
  const t = ui(lang);
  if (e instanceof CommanderError) {
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code)) return EXIT.ok;
    write(`fazhi: ${t.error}${t.colon}${visible(usageMessage(e, lang))}${t.usage.hint(helpTarget(command))}\n`);
    return EXIT.usage;
  }
  if (e instanceof UsageError || e instanceof ScopeError) {
    // The register's columns and the command line's values are user text: bounded, made visible.
    const message =
      e instanceof ScopeError
        ? t.usage.unknownColumn(shown(e.column), shownList(e.columns))
        : visible(clip(e.message, LIST_CHARS * 8));
    write(`fazhi: ${t.error}${t.colon}${message}${t.usage.hint(helpTarget(command))}\n`);
    return EXIT.usage;
  }
  if (e instanceof InputError) {
    write(renderDiagnostics(e.problems, lang, styleFor(process.stderr, env)));
    return EXIT.input;
  }
  if (env.FAZHI_DEBUG === '1') write(`${(e as Error)?.stack ?? String(e)}\n`);
  write(`${t.internalError(shown((e as Error)?.message ?? String(e), LIST_CHARS))}\n`);
  return EXIT.internal;
}

/** `fazhi` or `fazhi <command>`: where --help would help. */
const helpTarget = (command: readonly string[]): string => ['fazhi', ...command].join(' ');

/** Commander's English one-liners, in the catalogue's words. */
function usageMessage(e: CommanderError, lang: Lang): string {
  const u = ui(lang).usage;
  const quoted = [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const suggestion = /Did you mean (?:one of )?([^?]+)\?/.exec(e.message)?.[1];
  const tail = suggestion ? u.didYouMean(suggestion.trim()) : '';
  const option = (quoted[0] ?? '').split(/[ ,]/)[0] ?? '';
  switch (e.code) {
    case 'commander.unknownCommand':
      return u.unknownCommand(quoted[0] ?? '') + tail;
    case 'commander.unknownOption':
      return u.unknownOption(quoted[0] ?? '') + tail;
    case 'commander.missingArgument':
      return u.missingArgument(quoted[0] ?? '');
    case 'commander.missingMandatoryOptionValue':
      return u.missingOption(option);
    case 'commander.optionMissingArgument':
      return u.optionMissingArgument(option);
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\./.exec(e.message)?.[1] ?? '';
      return u.invalidChoice(quoted[1] ?? '', option, choices);
    }
    case 'commander.excessArguments':
      return u.excessArguments(/Expected (\d+)/.exec(e.message)?.[1] ?? '0');
    default:
      return e.message.replace(/^error: /, '');
  }
}
