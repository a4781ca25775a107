import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaText } from '../src/cli/commands/schema.js';

/** The JSON Schema for editors: committed, current, draft-07, and true to the bundled files. */

const dir = join(import.meta.dirname, '..', 'indicators');
const committed = readFileSync(join(dir, 'indicators.schema.json'), 'utf8');
const bundled = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(committed) as object);

describe('indicators/indicators.schema.json', () => {
  it('is exactly what `fazhi schema` prints (run `node bin/fazhi.js schema --out indicators/indicators.schema.json` after changing the model)', () => {
    expect(committed).toBe(schemaText());
  });

  it('declares draft-07', () => {
    expect(JSON.parse(committed).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it.each(bundled)('%s satisfies it and points editors at it on its first line', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./indicators.schema.json');
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an unknown key, a bad rule type and a missing name, as an editor would', () => {
    const base = parse(readFileSync(join(dir, bundled[0]!), 'utf8')) as { systems: Record<string, unknown>[] };
    const typo = structuredClone(base);
    typo.systems[0]!.nmae = 'x';
    expect(validate(typo)).toBe(false);
    const rule = structuredClone(base) as { systems: { items: { items: { rule: object }[] }[] }[] };
    rule.systems[0]!.items[0]!.items[0]!.rule = { type: 'lineal' };
    expect(validate(rule)).toBe(false);
    const unnamed = structuredClone(base);
    delete unnamed.systems[0]!.name;
    expect(validate(unnamed)).toBe(false);
  });
});

describe('bundled indicator systems', () => {
  it('are eight systems each, and the national model has at least 60 scored items over three levels', async () => {
    const { readIndicators } = await import('../src/load/indicators.js');
    for (const name of bundled) {
      const { system, problems } = readIndicators(join(dir, name), name);
      expect(problems).toEqual([]);
      expect(system!.systems).toHaveLength(8);
      expect(Math.max(...system!.nodes.map((n) => n.depth))).toBe(3);
      expect(system!.items.every((n) => n.depth === 3)).toBe(true);
    }
    const national = readIndicators(join(dir, 'national.yaml')).system!;
    expect(national.items.filter((n) => n.weight > 0).length).toBeGreaterThanOrEqual(60);
    expect(new Set(national.items.map((n) => n.rule!.type))).toEqual(
      new Set(['check', 'linear', 'bands', 'deduct', 'assessed', 'fraction', 'minmax']),
    );
    expect(national.vetoes.length).toBeGreaterThan(0);
    expect(national.bonus?.items.length).toBeGreaterThan(0);
    const yunnan = readIndicators(join(dir, 'yunnan-2022-midterm.yaml')).system!;
    expect(yunnan.pass).not.toBeNull();
    expect(yunnan.grades.length).toBeGreaterThan(0);
  });
});
