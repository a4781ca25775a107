import { Option } from 'commander';
import type { Ui } from '../i18n/ui.js';
import type { Encoding } from '../load/decode.js';

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

/** The evaluation flags, declared once, in the order `--help` lists them. */
export function evaluationOptions(t: Ui) {
  const e = t.evaluation;
  return {
    indicators: new Option('--indicators <file>', e.indicators),
    counties: new Option('--counties <file>', e.counties),
    evidence: new Option('--evidence <path>', e.evidence).argParser((v: string, prev: string[] = []) => [...prev, v]),
    round: new Option('--round <name>', e.round),
    encoding: new Option('--encoding <encoding>', e.encoding).choices(['utf8', 'gb18030']),
    sheet: new Option('--sheet <name>', e.sheet),
    keepGoing: new Option('--keep-going', e.keepGoing),
  };
}
