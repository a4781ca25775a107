import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, asked for between the steps of a large run. V8 lets its heap grow
 * well past what is alive before it collects: at ten times a national evaluation (three million
 * evidence cells) a run holds some 310 MB but peaked at 590 MB; collected once after reading and
 * once after scoring (some 50 ms each there) it peaks under 500 MB. The collector is reached as
 * Jest does (`--expose-gc` set at run time, `gc` taken from a new context); where that fails,
 * nothing is collected early and the run is only larger.
 */

/** Evidence cells from which collecting pays. */
export const COLLECT_FROM = 1_000_000;

let collector: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collector = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collector = null;
    }
  }
  collector?.();
}
