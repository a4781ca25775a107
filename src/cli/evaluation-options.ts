import { type Command, Option } from 'commander';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import type { Encoding } from '../load/decode.js';
import { type Evaluation, loadEvaluation } from '../load/evaluation.js';
import { displayPath } from './io.js';

/** The evaluation flags every evaluation command takes (CLI.md). */
export interface EvaluationFlags {
  indicators?: string;
  counties?: string;
  evidence?: string[];
  round?: string;
  encoding?: Encoding;
  sheet?: string;
  keepGoing?: boolean;
}

export function addEvaluationOptions(cmd: Command, lang: Lang): Command {
  const t = ui(lang).evaluation;
  return cmd
    .option('--indicators <file>', t.indicators)
    .option('--counties <file>', t.counties)
    .option('--evidence <path>', t.evidence, (v: string, prev: string[] = []) => [...prev, v])
    .option('--round <name>', t.round)
    .addOption(new Option('--encoding <encoding>', t.encoding).choices(['utf8', 'gb18030']))
    .option('--sheet <name>', t.sheet)
    .option('--keep-going', t.keepGoing);
}

/** The evaluation a folder and the flags stand for, read but not scored (`validate`). */
export const loadFrom = (dir: string | undefined, flags: EvaluationFlags): Promise<Evaluation> =>
  loadEvaluation({ ...flags, dir, display: displayPath });
