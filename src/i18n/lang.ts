import type { Lang } from '../model/lang.js';

export { LANGS, type Lang } from '../model/lang.js';

/**
 * The language asked for: `--lang` on the command line, else the locale
 * (LC_ALL, LC_MESSAGES, LANG); Chinese whenever that is unclear.
 */
export function detectLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'en' || value === 'zh') return value;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.-]|$)/i.test(locale) ? 'en' : 'zh';
}
