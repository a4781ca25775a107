import { jsonSchema } from '../../model/json-schema.js';
import { emit } from '../io.js';

/** The JSON Schema text exactly as committed in indicators/indicators.schema.json. */
export const schemaText = (): string => `${JSON.stringify(jsonSchema(), null, 2)}\n`;

/** `fazhi schema`: prints the JSON Schema (draft-07) of the indicator format. */
export function schema(out: string | undefined): number {
  emit(schemaText(), out);
  return 0;
}
