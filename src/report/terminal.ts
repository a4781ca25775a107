import type { Lang } from '../i18n/lang.js';
import { forTerminal, oneLine } from '../model/visible.js';
import { type Frame, frameFor, frameOf } from './frame.js';

/**
 * What a terminal renderer (a table, `explain`'s text, `validate`'s lines) renders: its input
 * and options with every string made one visible line (see `forTerminal`), the frame's notice,
 * region and round names too.
 */
export function terminalInput<R, O extends { readonly lang: Lang; readonly frame?: Frame | undefined }>(
  r: R,
  o: O,
): [R, O] {
  const frame = frameFor(o);
  const safe = frameOf(forTerminal(frame.meta), frame.lang);
  const safeFrame: Frame = { ...safe, roundName: (id) => oneLine(safe.roundName(id)) };
  return [forTerminal(r), { ...forTerminal(o), frame: safeFrame }];
}
