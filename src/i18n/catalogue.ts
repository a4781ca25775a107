import type { Lang } from './lang.js';

/**
 * How a message catalogue is written: every entry gives its Chinese and its English, of one
 * type, side by side; `inLang` projects a whole catalogue onto one language, once.
 */

/** One entry of a catalogue: its Chinese and its English, of one type. */
export const both = <T>(zh: T, en: NoInfer<T>): { readonly zh: T; readonly en: T } => ({ zh, en });

/** A catalogue in one language: every entry replaced by its words in that language. */
export type InLang<C> = C extends { readonly zh: infer T; readonly en: unknown }
  ? T
  : { readonly [K in keyof C]: InLang<C[K]> };

const isEntry = (x: object): x is { zh: unknown; en: unknown } => {
  const keys = Object.keys(x);
  return keys.length === 2 && keys.includes('zh') && keys.includes('en');
};

export function inLang<C extends object>(node: C, lang: Lang): InLang<C> {
  const project = (n: object): unknown =>
    isEntry(n) ? n[lang] : Object.fromEntries(Object.entries(n).map(([k, v]) => [k, project(v as object)]));
  return project(node) as InLang<C>;
}
