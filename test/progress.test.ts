import { describe, expect, it } from 'vitest';
import { bar, progress } from '../src/cli/progress.js';
import { loadEvaluation } from '../src/load/evaluation.js';

/** A terminal that records what is written to it, and a clock the test moves. */
function terminal(isTTY = true) {
  const written: string[] = [];
  let t = 0;
  return {
    written,
    tick: (ms: number) => {
      t += ms;
    },
    options: { stream: { isTTY, write: (s: string) => written.push(s) }, now: () => t },
  };
}

describe('progress bar', () => {
  it('draws the share done in twenty cells', () => {
    expect(bar(0, 4)).toBe(`[${'░'.repeat(20)}] 0/4`);
    expect(bar(1, 4)).toBe(`[${'█'.repeat(5)}${'░'.repeat(15)}] 1/4`);
    expect(bar(4, 4)).toBe(`[${'█'.repeat(20)}] 4/4`);
    expect(bar(0, 0)).toBe(`[${'░'.repeat(20)}] 0/0`);
  });

  it('stays silent for work under a second, and off a terminal', () => {
    const quick = terminal();
    const p = progress('读取佐证', quick.options);
    for (let i = 0; i < 10; i++) {
      quick.tick(50);
      p.step(i, 10);
    }
    p.end();
    expect(quick.written).toEqual([]);

    const pipe = terminal(false);
    const q = progress('读取佐证', pipe.options);
    pipe.tick(5000);
    q.step(1, 2);
    q.end();
    expect(pipe.written).toEqual([]);
  });

  it('after a second redraws one line at most ten times a second, then erases it', () => {
    const slow = terminal();
    const p = progress('写入报告', slow.options);
    slow.tick(1200);
    p.step(1, 3, 'index.html');
    slow.tick(10);
    p.step(2, 3, 'x.html'); // too soon after the last: skipped
    slow.tick(200);
    p.step(2, 3, '楚雄彝族自治州.html');
    p.end();
    expect(slow.written).toEqual([
      `\r\u001b[K写入报告 ${bar(1, 3)} index.html`,
      `\r\u001b[K写入报告 ${bar(2, 3)} 楚雄彝族自治州.html`,
      '\r\u001b[K',
    ]);
  });

  it('keeps the end of a long name so that the bar fits on one line', () => {
    const slow = terminal();
    const p = progress('读取佐证', slow.options);
    slow.tick(2000);
    p.step(0, 1, `evidence/${'a'.repeat(50)}/530100-昆明市.csv`);
    expect(slow.written[0]).toMatch(/ …a*\/530100-昆明市\.csv$/);
    expect(slow.written[0]?.length).toBeLessThan(80);
  });
});

describe('reading evidence tells its progress', () => {
  it('as each file is begun, then once when all are read', async () => {
    const told: [number, number, string][] = [];
    await loadEvaluation({
      dir: 'test/fixtures/eval/small',
      display: (p) => p,
      onFile: (done, total, file) => told.push([done, total, file]),
    });
    expect(told).toEqual([
      [0, 2, 'test/fixtures/eval/small/evidence/a-long.csv'],
      [1, 2, 'test/fixtures/eval/small/evidence/b-wide.csv'],
      [2, 2, ''],
    ]);
  });
});
