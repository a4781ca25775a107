import { packageVersion } from '../load/package.js';
import { fileProblem } from '../load/read.js';
import { InputError } from '../model/input-error.js';

type Report = (e: unknown) => number;

/** Says what went wrong once `main` is loaded (in the user's language); before that, plainly. */
let report: Report = (e) => {
  if (e instanceof InputError) {
    for (const p of e.problems) process.stderr.write(`${p.file}: error: ${p.code} (${p.args.reason ?? ''})\n`);
    return 1;
  }
  if (process.env.FAZHI_DEBUG === '1') process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
  process.stderr.write(
    `fazhi internal error (a bug, not a problem with the input): ${(e as Error)?.message ?? String(e)}. Please run again with FAZHI_DEBUG=1 and report the command, fazhi's version and the whole output to fazhi's maintainers\n`,
  );
  return 3;
};

/** An error outside the command's own flow (a stream's, a stray rejection) ends the run here: never a raw stack. */
function fatal(e: unknown): never {
  let code = 3;
  try {
    code = report(e);
  } catch {
    // the message could not be written either: the exit code still tells
  }
  process.exit(code);
}

process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

// A closed pipe (`fazhi schema | head`) is not an error worth a message; a full disk under `> file` is the user's.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fatal(new InputError([fileProblem('file-unwritable', '<stdout>', { reason: e.code ?? String(e) })]));
});

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // The commonest probe of all answers before the command line is even built.
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { main, reportError } = await import('./main.js');
  const { detectLang } = await import('../i18n/lang.js');
  const lang = detectLang(argv, process.env);
  report = (e) => reportError(e, lang, [], process.env, (text) => process.stderr.write(text));
  process.exitCode = await main(argv);
}
