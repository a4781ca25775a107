/**
 * A progress bar on stderr for work that takes a while (reading many evidence files, writing a
 * report batch). It shows only on a terminal, and only once the work has taken over a second:
 * quick runs, pipes, files and CI logs never see it. It redraws one line (`\r`, erase) at most
 * ten times a second and erases it at the end, so nothing of it stays in the scrollback.
 */

export interface Progress {
  /** `done` of `total` steps are finished; `what` names the current one (already made visible). */
  step(done: number, total: number, what?: string): void;
  /** Erases the bar if it was drawn. */
  end(): void;
}

export interface ProgressOptions {
  /** Where the bar goes (process.stderr). */
  readonly stream?: { readonly isTTY?: boolean; write(text: string): unknown };
  /** Milliseconds now (Date.now); tests pass a clock. */
  readonly now?: () => number;
  /** How long the work runs before the bar appears (1,000 ms). */
  readonly after?: number;
}

const WIDTH = 20;
const ERASE = '\r\u001b[K';

/** The bar itself: `[██████░░░░░░░░░░░░░░] 7/23`. */
export const bar = (done: number, total: number): string => {
  const filled = total > 0 ? Math.min(WIDTH, Math.floor((done / total) * WIDTH)) : 0;
  return `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${done}/${total}`;
};

/** The end of a long name (a path's end says most), so that the bar stays on one line. */
const tail = (what: string): string => (what.length > 30 ? `…${what.slice(-29)}` : what);

/** A progress bar labelled `label` (e.g. 读取佐证), or one that does nothing off a terminal. */
export function progress(label: string, o: ProgressOptions = {}): Progress {
  const stream = o.stream ?? process.stderr;
  if (stream.isTTY !== true) return { step: () => {}, end: () => {} };
  const now = o.now ?? Date.now;
  const start = now();
  const after = o.after ?? 1000;
  let drawn = false;
  let last = Number.NEGATIVE_INFINITY;
  return {
    step(done, total, what) {
      const t = now();
      if (t - start < after || (t - last < 100 && done < total)) return;
      last = t;
      drawn = true;
      stream.write(`${ERASE}${label} ${bar(done, total)}${what ? ` ${tail(what)}` : ''}`);
    },
    end() {
      if (drawn) stream.write(ERASE);
      drawn = false;
    },
  };
}
