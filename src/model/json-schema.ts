import * as z from 'zod';
import { IndicatorFile } from './indicators.js';

/** The JSON Schema (draft-07) of the indicator format, for editors and CI. */
export function jsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(IndicatorFile, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'fazhi indicator system (fazhi/indicators@1)',
    description: '法治政府建设示范创建指标体系 / indicator system for fazhi',
    ...schema,
  };
}
