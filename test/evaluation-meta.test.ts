import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndScore } from '../src/evaluate.js';
import { loadEvaluation } from '../src/load/evaluation.js';
import { parseEvaluationMeta } from '../src/load/evaluation-meta.js';
import { InputError } from '../src/model/input-error.js';

/** evaluation.yaml (FORMATS.md §6, Evaluation metadata): read, checked, located, and its scope applied. */

const FULL = `format: fazhi/evaluation@1
title: 东州法治政府建设示范创建中期评估
region: 东州
evaluator: 某某第三方评估机构
period: 2022年7月至9月
methods: [材料审查, 实地核查]
rounds: { baseline: 基线（2021年底）, midterm: 中期评估（2022年） }
where: { batch: 1 }
notice: 本例数据为合成数据。
`;

describe('parsing evaluation.yaml', () => {
  it('reads every key; a number in where is read as text', () => {
    const { meta, problems } = parseEvaluationMeta(FULL, 'evaluation.yaml');
    expect(problems).toEqual([]);
    expect(meta).toEqual({
      title: '东州法治政府建设示范创建中期评估',
      region: '东州',
      evaluator: '某某第三方评估机构',
      period: '2022年7月至9月',
      methods: ['材料审查', '实地核查'],
      rounds: { baseline: '基线（2021年底）', midterm: '中期评估（2022年）' },
      where: { batch: ['1'] },
      notice: '本例数据为合成数据。',
    });
  });

  it('an empty file is every key left out', () => {
    const { meta, problems } = parseEvaluationMeta('', 'evaluation.yaml');
    expect(problems).toEqual([]);
    expect(meta?.where).toBeNull();
    expect(meta?.notice).toBeNull();
  });

  it('where takes a list of values and the register header aliases (区划代码 is county_id, 批次 is batch)', () => {
    const { meta } = parseEvaluationMeta('where: { 批次: [1, 2], 区划代码: "c1" }\n', 'e.yaml');
    expect(meta?.where).toEqual({ batch: ['1', '2'], county_id: ['c1'] });
  });

  it('an unknown key is an error at the key, with the key it probably means', () => {
    const { meta, problems } = parseEvaluationMeta('title: 甲\nregoin: 东州\n', 'evaluation.yaml');
    expect(meta).toBeNull();
    expect(problems.map((p) => [p.code, p.line, p.column, p.args.hint])).toEqual([
      ['schema-unknown-key', 2, 1, 'region'],
    ]);
  });

  it('a wrong type or format is located at its value', () => {
    const { problems } = parseEvaluationMeta('format: fazhi/evaluation@2\nmethods: 材料审查\n', 'e.yaml');
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['schema-enum', 1],
      ['schema-type', 2],
    ]);
  });

  it('an empty title is an error, not a blank heading', () => {
    const { problems } = parseEvaluationMeta('title: "  "\n', 'e.yaml');
    expect(problems.map((p) => p.code)).toEqual(['schema-empty']);
  });
});

describe('in an evaluation folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'fazhi-meta-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let n = 0;
  /** A copy of the v02 fixture with this evaluation.yaml. */
  const folder = (yaml: string | null): string => {
    const dir = join(work, String(n++));
    cpSync(join(import.meta.dirname, 'fixtures', 'eval', 'v02'), dir, { recursive: true });
    if (yaml !== null) writeFileSync(join(dir, 'evaluation.yaml'), yaml);
    return dir;
  };
  const ids = async (dir: string, where?: Record<string, string[]> | null) =>
    (await loadAndScore(dir, where === undefined ? {} : { where })).scoring.counties.map((c) => c.county.id).sort();

  it('without evaluation.yaml every county is scored and the metadata is empty', async () => {
    const e = await loadEvaluation({ dir: folder(null), display: (p) => p });
    expect(e.meta.title).toBeNull();
    expect(e.metaFile).toBeNull();
    expect(e.counties).toHaveLength(5);
  });

  it('its where is the default scope; --where replaces it and --all (null) drops it', async () => {
    const dir = folder(FULL);
    expect(await ids(dir)).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(await ids(dir, { batch: ['2'] })).toEqual(['c4']);
    expect(await ids(dir, null)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('the metadata and its file are part of the evaluation', async () => {
    const e = await loadEvaluation({ dir: folder(FULL), display: (p) => p });
    expect(e.meta.region).toBe('东州');
    expect(e.scope).toEqual({ batch: ['1'] });
    expect(e.metaFile?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a where column the register lacks is an input error located in evaluation.yaml', async () => {
    const dir = folder('title: 甲\nwhere:\n  片区: "1"\n');
    const error = await loadAndScore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems.map((p) => [p.code, p.file.endsWith('evaluation.yaml'), p.line]);
    expect(problems).toEqual([['evaluation-where-column', true, 3]]);
  });

  it('a broken evaluation.yaml stops the run with its problems', async () => {
    const error = await loadAndScore(folder('titel: 甲\n')).catch((e: unknown) => e);
    expect((error as InputError).problems.map((p) => [p.code, p.line])).toEqual([['schema-unknown-key', 1]]);
  });
});
