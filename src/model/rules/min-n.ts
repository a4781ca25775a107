import { type Phrase, phrase } from '../phrase.js';

/** The hint's note on `min_n`, when the rule has one: 合理缺项 (`few: na`, the default) or no evidence. */
export const minNote = (minN: number | undefined, few?: 'na' | 'missing'): Phrase[] =>
  minN === undefined ? [] : [phrase(few === 'missing' ? 'min-n-note' : 'min-n-na-note', { n: minN })];
