import { bench, describe } from 'vitest';
import { gaps } from '../../src/analyze/gaps.js';
import { scoreCounties } from '../../src/evaluate.js';
import { loadEvidence } from '../../src/load/evidence.js';
import { parseIndicators } from '../../src/load/indicators.js';
import { parseRegister } from '../../src/load/register.js';
import { rankBy } from '../../src/rank/by.js';
import { renderGapsJson } from '../../src/report/gaps.js';
import { textOf } from '../../src/report/output.js';
import { PLAIN } from '../../src/report/paint.js';
import { needed } from '../../src/report/rule-words.js';
import { renderScoreCsv, renderScoreTable, scoreReport } from '../../src/report/score.js';
import { bigEvaluation } from './big.js';

/**
 * `npm run bench`: the steps that were quadratic in the counties (terminal tables, the gaps'
 * prefecture bests, rankings within prefectures), on a synthetic evaluation of 20,000 counties in
 * 100 prefectures (16 items, one round; test/bench/big.ts). The command-line figures, with the
 * commands to reproduce them, are in docs/limits.md (规模 Scale).
 */

const n = 20_000;
const big = bigEvaluation({ counties: n, rounds: 1, groups: 1, perGroup: 2, self: false });
const text = (path: string) => big.files.get(path) ?? '';
const system = parseIndicators(text('indicators.yaml'), 'indicators.yaml').system!;
const counties = parseRegister(text('counties.csv'), 'counties.csv').register!.counties;
const files = [...big.files].filter(([p]) => p.startsWith('evidence/')).map(([file, text]) => ({ file, text }));
const evidence = loadEvidence(system, counties, files, undefined).table;
const scoring = scoreCounties(system, counties, evidence);
const report = scoreReport(scoring, { round: null, sha256: null, warnings: [], rejected: [], inputs: [], lang: 'zh' });
const words = (node: Parameters<typeof needed>[0]) => needed(node, 'zh', scoring.ranges.get(node.id) ?? null);

describe(`${n} counties in 100 prefectures × ${system.items.length} items`, () => {
  bench('read the evidence', () => {
    loadEvidence(system, counties, files, undefined);
  });
  bench('score and rank', () => {
    scoreCounties(system, counties, evidence);
  });
  bench('rank within prefectures', () => {
    rankBy(scoring, null, 'prefecture');
  });
  bench('gaps', () => {
    gaps(scoring, evidence, words);
  });
  bench('score as a terminal table', () => {
    renderScoreTable(report, { lang: 'zh', style: PLAIN });
  });
  bench('score as CSV', () => {
    renderScoreCsv(report, { lang: 'zh', style: PLAIN });
  });
  bench('gaps as JSON', () => {
    textOf(renderGapsJson(gaps(scoring, evidence, words), { lang: 'zh', style: PLAIN, systemNames: new Map() }));
  });
});
