import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { scoreCounties } from '../../src/evaluate.js';
import { loadEvidence } from '../../src/load/evidence.js';
import { parseIndicators } from '../../src/load/indicators.js';
import { parseRegister } from '../../src/load/register.js';

/**
 * `npm run bench`: how long reading and scoring take as evaluations grow. Timings live here,
 * never in tests. The evidence is synthetic: every county answers every item of the bundled
 * national model, in long form, with a deterministic pseudo-random value per cell.
 */

const root = join(import.meta.dirname, '..', '..');
const yaml = readFileSync(join(root, 'indicators', 'national.yaml'), 'utf8');
const system = parseIndicators(yaml, 'national.yaml').system!;

function evaluation(n: number): { register: string; evidence: string } {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const register = [
    'county_id,county,prefecture',
    ...Array.from({ length: n }, (_, i) => `${530000 + i},县${i},州${i % 16}`),
  ].join('\n');
  const rows = ['county_id,indicator_id,value,source'];
  for (let i = 0; i < n; i++) {
    for (const item of system.items) {
      const r = item.rule!;
      const v =
        r.type === 'check'
          ? random() < 0.8
            ? '是'
            : '否'
          : r.type === 'deduct'
            ? String(Math.floor(random() * 3))
            : r.type === 'assessed'
              ? String(Math.round(random() * item.max * 10) / 10)
              : `${Math.floor(random() * 20)}/20`;
      rows.push(`${530000 + i},${item.id},${v},县统计`);
    }
  }
  return { register, evidence: rows.join('\n') };
}

for (const n of [129, 2000]) {
  const { register, evidence } = evaluation(n);
  const counties = parseRegister(register, 'counties.csv').register!.counties;
  const table = loadEvidence(system, counties, [{ file: 'evidence.csv', text: evidence }], undefined).table;
  describe(`${n} counties × ${system.items.length} items (${(evidence.length / 1e6).toFixed(1)} MB of evidence)`, () => {
    bench('parse the indicator system', () => {
      parseIndicators(yaml, 'national.yaml');
    });
    bench('read register and evidence', () => {
      loadEvidence(
        system,
        parseRegister(register, 'counties.csv').register!.counties,
        [{ file: 'evidence.csv', text: evidence }],
        undefined,
      );
    });
    bench('score and rank', () => {
      scoreCounties(system, counties, table);
    });
  });
}
