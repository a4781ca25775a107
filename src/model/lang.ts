/** The languages fazhi writes: Chinese first, English on request. */
export const LANGS = ['zh', 'en'] as const;

export type Lang = (typeof LANGS)[number];
