import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/**
 * Contestant (a) of `npm run bench` (national.ts): a bare csv-parse pass over the files given,
 * streaming, `columns: true`, one file after the other. Prints the number of records.
 */
let records = 0;
for (const file of process.argv.slice(2)) {
  for await (const _ of createReadStream(file).pipe(parse({ columns: true }))) records++;
}
process.stdout.write(`${records}\n`);
