import { type Phrase, phrase } from '../phrase.js';

/** The hint's note on `min_n`, when the rule has one. */
export const minNote = (minN: number | undefined): Phrase[] =>
  minN === undefined ? [] : [phrase('min-n-note', { n: minN })];
