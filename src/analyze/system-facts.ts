import type { IndicatorSystem } from '../model/system.js';

/** What every document's heading states about the indicator system: its name, version and standard. */
export interface SystemFacts {
  readonly id: string;
  readonly name: string;
  readonly version: string | null;
  readonly scale: number;
  readonly pass: number | null;
  readonly precision: number;
}

export const systemFacts = (system: IndicatorSystem): SystemFacts => ({
  id: system.id,
  name: system.name,
  version: system.version,
  scale: system.scale,
  pass: system.pass,
  precision: system.precision,
});
