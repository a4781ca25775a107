import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../i18n/lang.js';
import { ui } from '../../i18n/ui.js';
import { readIndicators } from '../../load/indicators.js';
import { defaultIndicatorsPath, packageRoot } from '../../load/package.js';
import { fileProblem } from '../../load/read.js';
import { must } from '../../model/must.js';
import { visible } from '../../model/visible.js';
import { csvText } from '../../report/csv.js';
import { longTemplate } from '../../report/template.js';
import { InputError } from '../errors.js';
import { displayPath } from '../io.js';

/**
 * `fazhi init DIR`: a ready evaluation folder — the default indicator system (and its schema,
 * for editors), a starter evaluation.yaml (every key commented out), an empty register, an empty
 * evidence/ folder and an evidence template beside it.
 * Never writes into a folder that already holds files, unless `--force` (which then replaces
 * the files of these names and leaves the others alone).
 */
export function init(dir: string, lang: Lang, force = false): number {
  if (!force && existsSync(dir) && readdirSync(dir).length > 0)
    throw new InputError([fileProblem('init-not-empty', displayPath(dir))]);
  const system = must(readIndicators(defaultIndicatorsPath()).system ?? undefined, 'the bundled indicator system');
  // Rendered before the writes, so that a bug in them is never taken for an unwritable folder.
  const register = csvText([['county_id', 'county', 'prefecture', 'batch']]);
  const template = longTemplate(system, [], lang);
  try {
    // Not recursive: the parent must exist (a recursive mkdir can spin on special file systems).
    if (!existsSync(dir)) mkdirSync(dir);
    if (!existsSync(join(dir, 'evidence'))) mkdirSync(join(dir, 'evidence'));
    copyFileSync(defaultIndicatorsPath(), join(dir, 'indicators.yaml'));
    copyFileSync(join(packageRoot(), 'indicators', 'indicators.schema.json'), join(dir, 'indicators.schema.json'));
    writeFileSync(join(dir, 'evaluation.yaml'), ui(lang).init.evaluationYaml);
    writeFileSync(join(dir, 'counties.csv'), register);
    writeFileSync(join(dir, 'evidence-template.csv'), template);
  } catch (e) {
    throw new InputError([
      fileProblem('file-unwritable', displayPath(dir), { reason: (e as NodeJS.ErrnoException).code ?? String(e) }),
    ]);
  }
  process.stdout.write(ui(lang).init.done(visible(displayPath(dir))));
  return 0;
}
