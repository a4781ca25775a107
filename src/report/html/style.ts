/**
 * The reports' style sheet, inlined in every file: system fonts only (nothing is fetched), a
 * readable screen layout, and print rules (A4, each county on a new page, table headers repeated,
 * links shown as plain text).
 */
export const CSS = `
:root { --ink: #1d232b; --muted: #5c6670; --line: #d7dce2; --band: #f5f7f9; --accent: #1f6fb2; --warn: #b03a2e; --good: #1e7b4a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.55;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", sans-serif; }
main, header.top, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header.top { padding-top: 24px; }
h1 { font-size: 1.7rem; margin: 0.2em 0; }
h2 { font-size: 1.3rem; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.12rem; margin: 1.2em 0 0.4em; }
p { margin: 0.4em 0; }
.notice { margin: 12px 0; padding: 8px 12px; border: 2px solid var(--warn); border-radius: 4px; background: #fdf3f1; color: #7a2318; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0 4px; }
dl.facts div { display: contents; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
nav.back { margin: 0 0 8px; font-size: 0.95rem; }
nav.toc ol { columns: 2; margin: 0.4em 0; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.92rem; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--band); font-weight: 600; }
tbody tr:nth-child(even) td { background: #fbfcfd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.id, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; white-space: nowrap; }
tr.muted td { color: var(--muted); }
tbody tr.strong td { font-weight: 600; background: var(--band); }
.pos { color: var(--good); }
.neg { color: var(--warn); }
.note { color: var(--muted); font-size: 0.9rem; }
.county { margin-top: 1.5em; padding-top: 0.4em; border-top: 1px solid var(--line); }
.county h3 { font-size: 1.25rem; }
.profile { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-start; }
.profile figure { margin: 0; flex: 0 0 auto; }
.profile .side { flex: 1 1 440px; min-width: 300px; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; color: var(--muted); }
figcaption.title { color: var(--ink); font-weight: 600; margin-bottom: 4px; }
figure.ranking { margin: 0.6em 0 1em; }
.key { display: inline-block; width: 18px; height: 10px; margin: 0 4px 0 12px; vertical-align: middle; }
.key.county { background: rgba(31, 111, 178, 0.35); border: 2px solid #1f6fb2; }
.key.mean { border-top: 2px dashed #c0392b; height: 0; }
.bar { display: inline-block; height: 8px; background: var(--accent); opacity: 0.6; vertical-align: middle; margin-right: 6px; }
ol.plan { margin: 0.3em 0 0.8em; }
footer { margin-top: 2.5em; padding-bottom: 32px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); }
footer table { font-size: 0.8rem; }
footer td.hash { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
@media (max-width: 700px) { nav.toc ol { columns: 1; } main, header.top, footer { padding: 0 12px; } }
@page { size: A4; margin: 14mm 12mm 16mm; @bottom-center { content: "— " counter(page) " —"; font-size: 9pt; color: #5c6670; } }
@media print {
  body { font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main, header.top, footer { max-width: none; padding: 0; }
  nav.back, nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4, figcaption.title { break-after: avoid; page-break-after: avoid; }
  p:has(+ table), p:has(+ ol) { break-after: avoid; }
  .county { break-before: page; page-break-before: always; border-top: none; }
  /* A section's heading goes with its first county, never alone at the foot of a page. */
  h2 + .county { break-before: avoid; page-break-before: avoid; }
  /* A document that is all counties (score sheets) starts the first under its title. */
  main > .county:first-child { break-before: avoid; page-break-before: avoid; }
  figure.ranking { break-before: page; }
  h3 + figure.ranking { break-before: auto; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr, figure, .profile { break-inside: avoid; page-break-inside: avoid; }
  .profile { flex-wrap: nowrap; gap: 12px; }
  .profile figure svg { width: 300px; }
  .profile .side { flex: 1 1 auto; min-width: 0; }
  tbody tr:nth-child(even) td { background: none; }
  tbody tr.strong td { background: var(--band); }
  footer { break-before: auto; }
}
`.trim();
