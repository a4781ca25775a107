/**
 * Words the model hands to the renderers without choosing a language: literal text (numbers and
 * signs, the same in every language) and phrases, each a key of the catalogue in `i18n/phrases.ts`.
 */

export const PHRASE_KEYS = [
  'semicolon',
  'list',
  'rate-input',
  'share-input',
  'min-n-note',
  'min-n-na-note',
  'range-note',
  'hint-yes-no',
  'hint-yes-no-reversed',
  'hint-higher-is-better',
  'hint-lower-is-better',
  'hint-deduct',
  'hint-assessed',
  'hint-relative',
  'hint-bonus-check',
  'hint-bonus-count',
  'hint-veto',
  'needed-yes',
  'needed-no',
  'needed-no-cases',
  'needed-points',
  'needed-highest',
  'needed-lowest',
  // The score sheet (scorecard): each rule in words, and why an item lost points.
  'criterion-check',
  'criterion-linear',
  'criterion-bands',
  'criterion-deduct',
  'criterion-assessed',
  'criterion-fraction',
  'criterion-relative',
  'reason-check',
  'reason-short',
  'reason-nothing',
  'reason-band',
  'reason-no-band',
  'reason-deduct',
  'reason-assessed',
  'reason-share',
  'reason-relative',
  'reason-missing',
  'reason-few',
  'reason-group',
  'reason-group-left-out',
  'reason-systems',
  'criterion-bonus-check',
  'criterion-bonus-count',
  'criterion-systems',
] as const;

export type PhraseKey = (typeof PHRASE_KEYS)[number];

export type PhraseArgs = Readonly<Record<string, string | number | readonly string[]>>;

export interface Phrase {
  readonly key: PhraseKey;
  readonly args?: PhraseArgs;
}

/** Text to be put in a language, piece by piece. */
export type Wording = readonly (string | Phrase)[];

export const phrase = (key: PhraseKey, args?: PhraseArgs): Phrase => (args === undefined ? { key } : { key, args });
