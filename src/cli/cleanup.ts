/**
 * Clean-up of half-written files when fazhi stops early: on an error (the writer's own `finally`),
 * on Ctrl+C or SIGTERM/SIGHUP (the handlers below run the pending actions, then let the signal
 * end the process as it would have), and on `process.exit` (the 'exit' event). A SIGKILL runs
 * nothing: what it leaves is recognised and removed by a later run (see staging.ts).
 * Handlers are installed only while something is pending.
 */

const pending = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

/** Runs every pending action once, swallowing their failures: clean-up never hides the real outcome. */
function runPending(): void {
  for (const action of [...pending]) {
    pending.delete(action);
    try {
      action();
    } catch {
      // a file that cannot be removed now is removed by a later run
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  runPending();
  installed = false;
  process.removeListener('exit', runPending);
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // With no listener left, the signal has its default effect: the process ends as if never caught.
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runPending);
  for (const s of SIGNALS) process.on(s, onSignal);
}

/** With nothing to clean up, signals have their default effect again (no delay behind busy work). */
function uninstall(): void {
  if (!installed || pending.size > 0) return;
  installed = false;
  process.removeListener('exit', runPending);
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** Registers `action` to run if the process stops before the returned function is called. */
export function onInterrupt(action: () => void): () => void {
  install();
  pending.add(action);
  return () => {
    pending.delete(action);
    uninstall();
  };
}

/** Runs `action`, ignoring any failure (used for clean-up after another failure). */
export function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // see runPending
  }
}
