import { Help, type Option } from 'commander';
import type { Lang } from '../i18n/lang.js';
import { type Ui, ui } from '../i18n/ui.js';

/** A command's examples, after its options in `--help`. */
export const examples = (t: Ui, list: readonly (readonly [string, string])[]): string =>
  `\n${t.examples}\n${list.map(([cmd, what]) => `  ${cmd}\n      ${what}`).join('\n')}\n`;

/** Help headings and option notes in the chosen language. */
export function localHelp(lang: Lang): Partial<Help> {
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
