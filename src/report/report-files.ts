import type { ReportModel } from '../analyze/report-model.js';
import { countyDoc } from './county-doc.js';
import type { Doc } from './doc.js';
import type { ReportFormat } from './formats.js';
import { renderHtml } from './html/render.js';
import { indexDoc } from './index-doc.js';
import { renderMarkdown } from './markdown-doc.js';
import type { Output } from './output.js';
import { prefectureDoc } from './prefecture-doc.js';

/** A way of writing a report document: its file extension and its renderer. */
interface DocRenderer {
  readonly ext: string;
  /** `generator` names the program in the file (HTML's meta tag, Word's properties). */
  readonly render: (doc: Doc, generator: string) => Output;
}

const HTML: DocRenderer = { ext: '.html', render: renderHtml };
const MARKDOWN: DocRenderer = { ext: '.md', render: (doc) => renderMarkdown(doc) };
const WORD: DocRenderer = {
  ext: '.docx',
  // Loaded only when Word output is asked for: the docx library is large.
  render: async (doc, generator) => (await import('./docx/render.js')).renderDocx(doc, generator),
};

/** `report --format`: the documents each format writes. */
export const REPORT_RENDERERS = {
  html: [HTML],
  md: [MARKDOWN],
  both: [HTML, MARKDOWN],
  docx: [WORD],
} satisfies Record<ReportFormat, readonly DocRenderer[]>;

/** One file of the batch: where it goes inside OUTDIR (safe names) and how to render it. */
export interface ReportFile {
  /** The folder inside OUTDIR (a prefecture's, for county pages), or `null` for OUTDIR itself. */
  readonly folder: string | null;
  readonly name: string;
  readonly render: () => Output;
}

/**
 * The files of the batch, in writing order: the overview (unless only one prefecture is asked
 * for), each prefecture's report, then its county pages; for each, HTML then Markdown.
 */
export function reportFiles(
  m: ReportModel,
  format: ReportFormat,
  generator: string,
  only: string | null,
): ReportFile[] {
  const as = (folder: string | null, name: string, doc: () => Doc): ReportFile[] =>
    REPORT_RENDERERS[format].map((r) => ({
      folder,
      name: `${name}${r.ext}`,
      render: () => r.render(doc(), generator),
    }));
  const files: ReportFile[] = [];
  if (m.index) files.push(...as(null, m.indexFile, () => indexDoc(m)));
  for (const x of m.prefectures) {
    if (only !== null && x.name !== only) continue;
    files.push(...as(null, x.file, () => prefectureDoc(m, x)));
    if (!m.countyPages) continue;
    for (const c of x.counties) if (c.page !== null) files.push(...as(x.file, c.page, () => countyDoc(m, x, c)));
  }
  return files;
}

export type { ReportFormat };
