import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Doc } from '../src/report/doc.js';
import { rankingRows } from '../src/report/docx/charts.js';
import { renderDocx } from '../src/report/docx/render.js';
import { columnWidths } from '../src/report/docx/widths.js';
import { REPORT_RENDERERS } from '../src/report/report-files.js';
import { chineseDoc, englishDoc, HOSTILE } from './fixtures/docx/docs.js';

/**
 * The Word renderer: hand-made Docs with every block kind (test/fixtures/docx/docs.ts) rendered,
 * unzipped and read back as XML: the parts and their content types and relationships, the styles
 * and fonts, page setup, tables, lists, links, charts (in the element order Word insists on),
 * escaping, and that the same Doc gives the same bytes. Then, where LibreOffice is installed, a
 * real conversion to PDF, its text, and pictures of the first pages in test/artifacts/docx/.
 */

const GENERATOR = 'fazhi 0.2.0';
const SYSTEM_AXES = ['S1', 'S2', 'S3'].map((id) => ({ id, name: `System ${id}` }));

type Files = Record<string, Uint8Array>;
const unzip = async (doc: Doc): Promise<Files> => unzipSync(await renderDocx(doc, GENERATOR));
const text = (files: Files, path: string): string => {
  const data = files[path];
  if (data === undefined) throw new Error(`no part ${path}`);
  return strFromU8(data);
};

/** A small XML parser: enough to read the parts back, and strict enough to say when one is not well-formed. */
interface El {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: El[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s: string): string {
  if (/[<]/.test(s)) throw new Error(`unescaped < in ${JSON.stringify(s.slice(0, 40))}`);
  return s.replace(/&([^;]*);|&/g, (m, e: string | undefined) => {
    if (e === undefined) throw new Error(`bare & in ${JSON.stringify(s.slice(0, 40))}`);
    if (e in ENTITY) return ENTITY[e]!;
    const code = /^#x([0-9a-f]+)$/i.exec(e)?.[1] ?? /^#(\d+)$/.exec(e)?.[1];
    if (code === undefined) throw new Error(`unknown entity ${m}`);
    return String.fromCodePoint(Number.parseInt(code, e.startsWith('#x') ? 16 : 10));
  });
}

function parseXml(xml: string): El {
  if (/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(xml))
    throw new Error('character XML cannot hold');
  const token =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  for (const m of xml.matchAll(token)) {
    const [all, close, name, attrs, empty, chars] = m;
    const top = stack.at(-1)!;
    if (all === '<') throw new Error(`malformed tag at ${m.index}`);
    if (chars !== undefined) {
      if (stack.length === 1 && chars.trim() !== '') throw new Error('text outside the root');
      top.text += decode(chars);
    } else if (name !== undefined && close === '/') {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else if (name !== undefined) {
      const el: El = { name, attrs: {}, children: [], text: '' };
      for (const a of (attrs ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const key = a[1]!;
        if (key in el.attrs) throw new Error(`attribute ${key} twice on <${name}>`);
        el.attrs[key] = decode(a[2] ?? a[3] ?? '');
      }
      if (stack.length === 1 && root.children.length > 0) throw new Error('two roots');
      top.children.push(el);
      if (empty !== '/') stack.push(el);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name}> not closed`);
  const [only] = root.children;
  if (only === undefined) throw new Error('no root element');
  return only;
}

const all = (el: El, name: string): El[] => [
  ...(el.name === name ? [el] : []),
  ...el.children.flatMap((c) => all(c, name)),
];
const one = (el: El, name: string): El => {
  const [found] = all(el, name);
  if (found === undefined) throw new Error(`no <${name}> in <${el.name}>`);
  return found;
};
const textOf = (el: El): string => el.text + el.children.map(textOf).join('');
/** The paragraphs of the body, each with its style and text. */
const paragraphs = (document: El) =>
  all(document, 'w:p').map((p) => ({
    style: all(p, 'w:pStyle')[0]?.attrs['w:val'] ?? '',
    text: all(p, 'w:t').map(textOf).join(''),
    el: p,
  }));

describe('the Word package', async () => {
  const zh = await unzip(chineseDoc());
  const en = await unzip(englishDoc());
  const document = parseXml(text(zh, 'word/document.xml'));

  it('holds only well-formed XML, the embedded workbooks too', () => {
    for (const files of [zh, en])
      for (const [path, data] of Object.entries(files)) {
        if (path.endsWith('.xlsx')) {
          for (const [inner, bytes] of Object.entries(unzipSync(data)))
            expect(() => parseXml(strFromU8(bytes)), `${path}/${inner}`).not.toThrow();
        } else expect(() => parseXml(strFromU8(data)), path).not.toThrow();
      }
  });

  it('the checker finds what is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow();
    expect(parseXml('<a x="&lt;&#x41;">&amp;</a>')).toMatchObject({ attrs: { x: '<A' }, text: '&' });
  });

  it('gives every part a content type, and every relationship and r:id a part', () => {
    for (const files of [zh, en]) {
      const types = parseXml(text(files, '[Content_Types].xml'));
      const overrides = new Set(all(types, 'Override').map((o) => o.attrs.PartName));
      const defaults = new Set(all(types, 'Default').map((d) => d.attrs.Extension));
      for (const path of Object.keys(files).filter((p) => p !== '[Content_Types].xml'))
        expect(overrides.has(`/${path}`) || defaults.has(path.split('.').pop()), path).toBe(true);
      for (const rels of Object.keys(files).filter((p) => p.endsWith('.rels'))) {
        const dir = rels.replace(/_rels\/[^/]*\.rels$/, '');
        const source = rels.replace(/_rels\/([^/]*)\.rels$/, '$1');
        const ids = new Map(all(parseXml(text(files, rels)), 'Relationship').map((r) => [r.attrs.Id, r.attrs]));
        for (const r of ids.values()) {
          const target = new URL(r.Target ?? '', `file:///${dir}`).pathname.slice(1);
          expect(r.TargetMode === 'External' || target in files, `${rels} → ${r.Target}`).toBe(true);
        }
        if (!(source in files)) continue;
        const used = [...text(files, source).matchAll(/\br:(?:id|embed|link)="([^"]+)"/g)].map((m) => m[1]);
        for (const id of used) expect(ids.has(id), `${source} uses ${id}`).toBe(true);
      }
    }
    const chart = all(parseXml(text(zh, '[Content_Types].xml')), 'Override').find(
      (o) => o.attrs.PartName === '/word/charts/chart1.xml',
    );
    expect(chart?.attrs.ContentType).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  });

  it('is A4 portrait with an official document’s margins, and numbers its pages in the footer', () => {
    const section = one(document, 'w:sectPr');
    expect(one(section, 'w:pgSz').attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(one(section, 'w:pgMar').attrs).toMatchObject({
      'w:top': '1701',
      'w:bottom': '1587',
      'w:left': '1587',
      'w:right': '1474',
    });
    const footer = parseXml(text(zh, 'word/footer1.xml'));
    expect(all(footer, 'w:instrText').map(textOf)).toEqual(['PAGE']);
    expect(textOf(footer)).toMatch(/^— PAGE —$/);
    expect(all(parseXml(text(en, 'word/footer1.xml')), 'w:instrText').map(textOf)).toEqual(['PAGE', 'NUMPAGES']);
  });
});

describe('the document', async () => {
  const zh = await unzip(chineseDoc());
  const en = await unzip(englishDoc());
  const document = parseXml(text(zh, 'word/document.xml'));
  const styles = parseXml(text(zh, 'word/styles.xml'));
  const style = (id: string) => {
    const found = all(styles, 'w:style').find((s) => s.attrs['w:styleId'] === id);
    if (found === undefined) throw new Error(`no style ${id}`);
    return found;
  };
  const fonts = (id: string) => one(style(id), 'w:rFonts').attrs;
  const ps = paragraphs(document);

  it('opens with the title, the notice right under it, then the facts (the date among them); no link back', () => {
    const [title, notice, ...rest] = ps;
    expect(title).toMatchObject({ style: 'Title', text: chineseDoc().title });
    expect(notice).toMatchObject({ style: 'Notice', text: chineseDoc().notice });
    expect(rest.slice(0, 4).map((p) => [p.style, p.text])).toEqual([
      ['Facts', '评估机构：云南省司法厅（示例）'],
      ['Facts', '评估方式：第三方评估，书面审查与实地核查相结合'],
      ['Facts', '指标体系：云南省法治政府建设示范创建中期评估指标（示例）（版本 2022.1）'],
      ['Facts', '报告日期：2022-11-30'],
    ]);
    expect(all(rest[0]!.el, 'w:b')).toHaveLength(1);
    expect(textOf(document)).not.toContain('← 全省总报告');
    // The notice is shaded and boxed by its style.
    expect(one(style('Notice'), 'w:shd').attrs['w:fill']).toBe('FFF3E0');
    expect(all(one(style('Notice'), 'w:pBdr'), 'w:top')).toHaveLength(1);
    const english = paragraphs(parseXml(text(en, 'word/document.xml')));
    expect(english.map((p) => p.text)).toContain('12 counties; mean total 74.60.');
    expect(english.slice(0, 3).map((p) => p.text)).toEqual([
      'Chuxiong Prefecture report',
      'The data in this report are synthetic.',
      'Assessor: Yunnan Department of Justice (example)',
    ]);
  });

  it('has real headings: Doc levels 2–4 are Heading 1–3, with outline levels', () => {
    const headings = ps.filter((p) => p.style.startsWith('Heading')).map((p) => [p.style, p.text]);
    expect(headings).toContainEqual(['Heading1', '概况']);
    expect(headings).toContainEqual(['Heading2', '楚雄市（532301）']);
    expect(headings).toContainEqual(['Heading3', '达标路径']);
    expect(ps.find((p) => p.text === '楚雄市（532301）')?.text).not.toContain('单独页面');
    expect(['Heading1', 'Heading2', 'Heading3'].map((id) => one(style(id), 'w:outlineLvl').attrs['w:val'])).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect(one(style('Heading1'), 'w:name').attrs['w:val']).toBe('heading 1');
  });

  it('names Chinese fonts beside Latin ones in its styles, with stand-ins in the font table', () => {
    expect(fonts('Normal')).toMatchObject({
      'w:eastAsia': '仿宋',
      'w:ascii': 'Times New Roman',
      'w:hAnsi': 'Times New Roman',
    });
    expect(fonts('Title')['w:eastAsia']).toBe('黑体');
    expect(fonts('Heading1')['w:eastAsia']).toBe('黑体');
    expect(fonts('Heading2')['w:eastAsia']).toBe('楷体');
    expect(fonts('Heading3')['w:eastAsia']).toBe('仿宋');
    expect(all(style('Heading3'), 'w:b')).toHaveLength(1);
    expect(fonts('TableText')['w:eastAsia']).toBe('宋体');
    expect(one(style('Normal'), 'w:sz').attrs['w:val']).toBe('28');
    expect(one(style('Normal'), 'w:spacing').attrs).toMatchObject({ 'w:line': '560', 'w:lineRule': 'exact' });
    expect(one(style('Title'), 'w:sz').attrs['w:val']).toBe('44');
    expect(one(style('TableText'), 'w:sz').attrs['w:val']).toBe('21');
    expect(one(style('Note'), 'w:sz').attrs['w:val']).toBe('18');
    expect(one(style('ReportTable'), 'w:tblBorders').children.map((c) => c.name)).toHaveLength(6);
    const table = parseXml(text(zh, 'word/fontTable.xml'));
    const alt = Object.fromEntries(
      all(table, 'w:font').map((f) => [f.attrs['w:name'], all(f, 'w:altName')[0]?.attrs['w:val']]),
    );
    expect(alt).toMatchObject({ 仿宋: 'FangSong', 楷体: 'KaiTi', 黑体: 'SimHei', 宋体: 'SimSun' });
    expect(Object.keys(alt)).toContain('Times New Roman');
    const enStyles = parseXml(text(en, 'word/styles.xml'));
    const enNormal = all(enStyles, 'w:style').find((s) => s.attrs['w:styleId'] === 'Normal')!;
    expect(one(enNormal, 'w:rFonts').attrs).toMatchObject({ 'w:ascii': 'Calibri', 'w:eastAsia': '宋体' });
  });

  it('says its language and who made it, dated by the report and not by the clock', () => {
    expect(one(one(styles, 'w:docDefaults'), 'w:lang').attrs).toMatchObject({
      'w:val': 'zh-CN',
      'w:eastAsia': 'zh-CN',
    });
    const enDefaults = one(parseXml(text(en, 'word/styles.xml')), 'w:docDefaults');
    expect(one(enDefaults, 'w:lang').attrs).toMatchObject({ 'w:val': 'en-US', 'w:eastAsia': 'zh-CN' });
    const core = parseXml(text(zh, 'docProps/core.xml'));
    expect(textOf(one(core, 'dc:title'))).toBe(chineseDoc().title);
    expect(textOf(one(core, 'dc:creator'))).toBe(GENERATOR);
    expect(textOf(one(core, 'cp:lastModifiedBy'))).toBe(GENERATOR);
    expect(textOf(one(core, 'dc:language'))).toBe('zh-CN');
    expect(textOf(one(core, 'dcterms:created'))).toBe('2022-11-30T00:00:00Z');
    expect(textOf(one(core, 'dcterms:modified'))).toBe('2022-11-30T00:00:00Z');
    const enCore = parseXml(text(en, 'docProps/core.xml'));
    expect(textOf(one(enCore, 'dcterms:created'))).toBe('1980-01-01T00:00:00Z');
    expect(textOf(one(enCore, 'dc:language'))).toBe('en-US');
  });

  it('starts each county on a new page (a heading that introduces them goes with the first)', () => {
    const breaks = ps.filter((p) => all(p.el, 'w:pageBreakBefore').length > 0);
    expect(breaks.map((p) => p.text)).toEqual(['各县（市、区）画像', '双柏县（532322）', '']);
    // The county without a heading keeps its bookmark on the empty paragraph that starts its page.
    expect(all(breaks[2]!.el, 'w:bookmarkStart')[0]?.attrs['w:name']).toBe('a_c_532331');
    expect(all(document, 'w:br').filter((b) => b.attrs['w:type'] === 'page')).toHaveLength(0);
  });

  it('escapes what the data hold, and reads back exactly', () => {
    expect(text(zh, 'word/document.xml')).toContain('A&amp;B &lt;县&gt;');
    expect(ps.some((p) => p.text.includes(`名称：${HOSTILE}`))).toBe(true);
    const cells = all(document, 'w:tc').map(textOf);
    expect(cells).toContain(HOSTILE);
    const bars = parseXml(text(zh, 'word/charts/chart1.xml'));
    expect(all(one(bars, 'c:cat'), 'c:v').map(textOf)).toContain(HOSTILE);
  });

  it('writes links to other files as plain text, and links to this document as internal links', () => {
    expect(text(zh, 'word/_rels/document.xml.rels')).not.toContain('hyperlink');
    const links = all(document, 'w:hyperlink');
    expect(links.length).toBeGreaterThan(0);
    const marks = new Set(all(document, 'w:bookmarkStart').map((b) => b.attrs['w:name']));
    for (const l of links) {
      expect(l.attrs['r:id']).toBeUndefined();
      expect(marks.has(l.attrs['w:anchor'])).toBe(true);
    }
    expect(links.map(textOf)).toContain('楚雄市');
    expect(links.map(textOf)).not.toContain('全省总报告');
    expect(ps.find((p) => p.text.startsWith('共 12 个县'))?.text).toContain('另见 全省总报告');
    for (const name of marks) expect(name).toMatch(/^[A-Za-z][\p{L}\p{N}_]{0,39}$/u);
  });
});

describe('tables and lists', async () => {
  const zh = await unzip(chineseDoc());
  const document = parseXml(text(zh, 'word/document.xml'));
  const tables = all(document, 'w:tbl');
  const doc = chineseDoc();

  it('are real tables: heading row repeated on every page, rows kept whole, widths that fit the page', () => {
    expect(tables).toHaveLength(5);
    for (const t of tables) {
      const [head, ...rows] = all(t, 'w:tr');
      expect(all(head!, 'w:tblHeader')).toHaveLength(1);
      expect(all(head!, 'w:shd')[0]?.attrs['w:fill']).toBe('E9EDF1');
      expect(all(head!, 'w:r').every((r) => all(r, 'w:b').length === 1)).toBe(true);
      for (const r of [head!, ...rows]) expect(all(r, 'w:cantSplit')).toHaveLength(1);
      for (const r of rows) expect(all(r, 'w:tblHeader')).toHaveLength(0);
      const grid = all(t, 'w:gridCol').map((g) => Number(g.attrs['w:w']));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474);
      expect(one(t, 'w:tblStyle').attrs['w:val']).toBe('ReportTable');
    }
  });

  it('aligns numbers as the Doc says, greys muted rows and colours tones', () => {
    const ranking = tables[0]!;
    const [, first, ...rest] = all(ranking, 'w:tr');
    const align = all(first!, 'w:jc').map((j) => j.attrs['w:val']);
    expect(align).toEqual(['right', 'right', 'left', 'left', 'right', 'left', 'right', 'right']);
    const muted = rest.find((r) => textOf(r).includes('禄丰市'))!;
    expect(all(muted, 'w:color').map((c) => c.attrs['w:val'])).toContain('6B737C');
    const colours = all(first!, 'w:color').map((c) => c.attrs['w:val']);
    expect(colours).toEqual(['1E7B34']);
    expect(all(rest[0]!, 'w:color').map((c) => c.attrs['w:val'])).toEqual(['B03A2E']);
  });

  it('gives a Chinese text column room for several characters a line', () => {
    const shortfalls = tables[1]!;
    const grid = all(shortfalls, 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    // 名称 and 体系 at 10.5 pt: more than six characters (126 pt) each.
    expect(grid[1]).toBeGreaterThan(6 * 210);
    expect(grid[2]).toBeGreaterThan(6 * 210);
  });

  it('sets the provenance at the end in small type', () => {
    const last = tables.at(-1)!;
    expect(textOf(last)).toContain('sha256');
    expect(all(last, 'w:sz').every((s) => s.attrs['w:val'] === '18')).toBe(true);
    const ps = paragraphs(document);
    const made = ps.findIndex((p) => p.text === '报告如何生成');
    expect(ps[made]?.style).toBe('Heading1');
    expect(ps[made + 1]).toMatchObject({ style: 'Note', text: '本报告由 fazhi 0.2.0 生成。' });
  });

  it('numbers ordered lists, each from 1, and bullets the others, with numbering definitions', () => {
    const numbering = parseXml(text(zh, 'word/numbering.xml'));
    const formatOf = new Map(
      all(numbering, 'w:abstractNum').map((a) => [a.attrs['w:abstractNumId'], one(a, 'w:numFmt').attrs['w:val']]),
    );
    const abstractOf = new Map(
      all(numbering, 'w:num').map((n) => [n.attrs['w:numId'], one(n, 'w:abstractNumId').attrs['w:val']]),
    );
    const listed = paragraphs(document)
      .filter((p) => all(p.el, 'w:numId').length > 0)
      .map((p) => ({ text: p.text, num: one(p.el, 'w:numId').attrs['w:val'] }));
    const items = doc.blocks.flatMap(function items(b): string[] {
      if (b.kind === 'list') return b.items.map((i) => i.map((x) => (typeof x === 'string' ? x : x.text)).join(''));
      return b.kind === 'county' || b.kind === 'profile' ? b.blocks.flatMap(items) : [];
    });
    expect(listed.map((l) => l.text)).toEqual(items);
    const formats = listed.map((l) => formatOf.get(abstractOf.get(l.num)));
    expect(formats).toEqual(['bullet', 'bullet', 'decimal', 'decimal', 'decimal', 'decimal']);
    // The two counties' plans are two lists: each starts again at 1.
    expect(listed[2]!.num).not.toBe(listed[4]!.num);
    expect(listed[2]!.num).toBe(listed[3]!.num);
  });
});

describe('charts', async () => {
  const zh = await unzip(chineseDoc());
  const document = parseXml(text(zh, 'word/document.xml'));
  const charts = Object.keys(zh).filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p));
  const chart = (n: number) => parseXml(text(zh, `word/charts/chart${n}.xml`));

  it('are native chart parts, one for each chart block, inline in the text', () => {
    // The ranking, the province's radar, the two-system chart and the two counties' profiles.
    expect(charts).toHaveLength(5);
    const inline = all(document, 'wp:inline');
    expect(inline).toHaveLength(5);
    for (const i of inline) {
      expect(one(i, 'a:graphicData').attrs.uri).toBe('http://schemas.openxmlformats.org/drawingml/2006/chart');
      expect(Number(one(i, 'wp:extent').attrs.cx)).toBeLessThanOrEqual((11906 - 1587 - 1474) * 635);
    }
    expect(all(document, 'wp:docPr').map((d) => d.attrs.id)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('keep the element order of the schema, which Word insists on', () => {
    const ORDER: Record<string, string[]> = {
      'c:chartSpace': [
        'c:date1904',
        'c:lang',
        'c:roundedCorners',
        'c:clrMapOvr',
        'c:chart',
        'c:spPr',
        'c:txPr',
        'c:externalData',
      ],
      'c:chart': ['c:title', 'c:autoTitleDeleted', 'c:plotArea', 'c:legend', 'c:plotVisOnly', 'c:dispBlanksAs'],
      'c:ser': [
        'c:idx',
        'c:order',
        'c:tx',
        'c:spPr',
        'c:invertIfNegative',
        'c:marker',
        'c:dPt',
        'c:dLbls',
        'c:cat',
        'c:val',
      ],
      'c:barChart': ['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:gapWidth', 'c:overlap', 'c:axId'],
      'c:radarChart': ['c:radarStyle', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:axId'],
    };
    for (let n = 1; n <= charts.length; n++) {
      const space = chart(n);
      for (const [name, order] of Object.entries(ORDER))
        for (const el of all(space, name)) {
          const seen = el.children.map((c) => order.indexOf(c.name));
          expect(seen, `${name} in chart${n}`).not.toContain(-1);
          expect(seen, `${name} in chart${n}`).toEqual([...seen].sort((a, b) => a - b));
        }
      expect(textOf(one(space, 'c:title'))).not.toBe('');
      expect(one(space, 'c:lang').attrs.val).toBe('zh-CN');
      // The values are cached in the chart, so it draws without its workbook.
      expect(all(space, 'c:numCache').length).toBeGreaterThan(0);
      expect(all(space, 'c:strCache').length).toBeGreaterThan(0);
    }
  });

  it('draw the ranking best first, bars coloured by tone, the pass line and means among them', () => {
    const bars = chart(1);
    const barChart = one(bars, 'c:barChart');
    expect(one(barChart, 'c:barDir').attrs.val).toBe('bar');
    expect(one(one(bars, 'c:catAx'), 'c:orientation').attrs.val).toBe('maxMin');
    expect(one(one(bars, 'c:valAx'), 'c:max').attrs.val).toBe('100');
    expect(all(bars, 'c:legend')).toHaveLength(0);
    const labels = all(one(bars, 'c:cat'), 'c:v').map(textOf);
    expect(labels).toEqual([
      '★楚雄市',
      '双柏县',
      '牟定县',
      '★南华县',
      '达标线',
      '姚安县',
      '全省平均',
      '大姚县',
      '全州平均',
      '永仁县',
      '元谋县',
      '武定县',
      HOSTILE,
      '禄丰市',
      '无分县',
    ]);
    const colours = all(barChart, 'c:dPt').map((d) => one(d, 'a:srgbClr').attrs.val);
    expect(colours.slice(0, 6)).toEqual(['1F6FB2', '1F6FB2', '1F6FB2', '1F6FB2', 'B03A2E', 'E0A040']);
    expect(colours[13]).toBe('B8BEC6');
    expect(one(one(barChart, 'c:dLbls'), 'c:numFmt').attrs.formatCode).toBe('0.00');
    const legend = paragraphs(document).find((p) => p.style === 'Legend')!;
    expect(legend.text).toContain('达标');
    expect(legend.text).toContain('★\u00a0创建县');
    expect(legend.text).toContain('达标线\u00a080.00');
    expect(legend.text).toContain('一票否决、不参与排名');
  });

  it('put reference lines where their values fall, below ties', () => {
    const rows = rankingRows({
      kind: 'bars',
      title: 't',
      max: 10,
      precision: 0,
      bars: [5, 3, null].map((value, i) => ({ label: `c${i}`, value, tone: 'pass', marked: false })),
      lines: [
        { label: 'low', value: 1, kind: 'mean2' },
        { label: 'tie', value: 5, kind: 'pass' },
        { label: 'top', value: 9, kind: 'mean' },
      ],
      keys: { pass: 'p', fail: 'f', out: 'o', marked: 'm' },
    });
    expect(rows.map((r) => r.label)).toEqual(['top', 'c0', 'tie', 'c1', 'low', 'c2']);
  });

  it('leave out what a chart cannot hold, rather than fail the report', async () => {
    const keys = { pass: 'p', fail: 'f', out: 'o', marked: 'm' };
    const odd: Doc = {
      ...englishDoc(),
      blocks: [
        { kind: 'bars', title: 'none', max: 100, precision: 1, bars: [], lines: [], keys },
        {
          kind: 'bars',
          title: 'odd',
          max: Number.NaN,
          precision: 99,
          bars: [{ label: 'x', value: Number.POSITIVE_INFINITY, tone: 'pass', marked: false }],
          lines: [{ label: 'nan', value: Number.NaN, kind: 'mean' }],
          keys,
        },
        { kind: 'radar', title: 'empty', axes: [], county: null, mean: { label: 'm', values: [] } },
        {
          kind: 'radar',
          title: 'ragged',
          axes: SYSTEM_AXES,
          county: { label: 'c', values: [0.5, Number.NaN] },
          mean: { label: 'm', values: [0.1, 0.2, 0.3, 0.4, 0.5] },
        },
      ],
    };
    const files = await unzip(odd);
    const made = Object.keys(files).filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p));
    expect(made).toHaveLength(2);
    for (const p of made) expect(() => parseXml(text(files, p))).not.toThrow();
    const ragged = parseXml(text(files, 'word/charts/chart2.xml'));
    expect(all(ragged, 'c:ser').map((s) => all(one(s, 'c:val'), 'c:v').map(textOf))).toEqual([
      ['50'],
      ['10', '20', '30'],
    ]);
  });

  it('draw a profile as a radar in percent: the county solid blue, the mean dashed red', () => {
    const radar = chart(4);
    expect(one(radar, 'c:radarStyle').attrs.val).toBe('marker');
    const series = all(radar, 'c:ser');
    expect(series.map((s) => textOf(one(one(s, 'c:tx'), 'c:v')))).toEqual(['楚雄市', '全省平均']);
    expect(series.map((s) => one(one(s, 'c:spPr'), 'a:srgbClr').attrs.val)).toEqual(['1F6FB2', 'C0392B']);
    expect(all(series[1]!, 'a:prstDash')[0]?.attrs.val).toBe('dash');
    expect(one(one(radar, 'c:valAx'), 'c:max').attrs.val).toBe('100');
    expect(all(one(series[0]!, 'c:val'), 'c:v').map(textOf)).toEqual(
      chineseDoc()
        .blocks.flatMap((b) => (b.kind === 'county' ? b.blocks : []))
        .flatMap((b) => (b.kind === 'profile' ? b.blocks : []))
        .flatMap((b) =>
          b.kind === 'radar' && b.county ? [b.county.values.map((v) => String(Math.round(v! * 1000) / 10))] : [],
        )[0],
    );
    // Systems by name only: ids are codes, not words for a reader.
    expect(all(one(radar, 'c:cat'), 'c:v').map(textOf)[5]).toBe('社会矛盾纠纷行政预防调处化解体系');
    // The mean alone is drawn solid blue; with two systems the chart is bars.
    const alone = all(chart(2), 'c:ser');
    expect(alone.map((s) => one(one(s, 'c:spPr'), 'a:srgbClr').attrs.val)).toEqual(['1F6FB2']);
    expect(all(chart(3), 'c:radarChart')).toHaveLength(0);
    expect(all(chart(3), 'c:barChart')).toHaveLength(1);
  });
});

describe('the same Doc', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('gives the same bytes, whatever the clock and the random numbers', async () => {
    const first = await renderDocx(chineseDoc(), GENERATOR);
    vi.useFakeTimers({ now: new Date('2031-05-06T07:08:09Z'), toFake: ['Date'] });
    // Other random numbers than the first run's (a small generator of our own), but as many different ones.
    let seed = 12345;
    vi.spyOn(Math, 'random').mockImplementation(() => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    });
    const second = await renderDocx(chineseDoc(), GENERATOR);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    vi.useRealTimers();
    vi.restoreAllMocks();
    const third = await renderDocx(chineseDoc(), GENERATOR);
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
  });

  it('is a docx the report registry writes', async () => {
    const [word, ...more] = REPORT_RENDERERS.docx;
    expect(more).toEqual([]);
    expect(word?.ext).toBe('.docx');
    const out = await word!.render(englishDoc(), GENERATOR);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(strFromU8((out as Uint8Array).slice(0, 2))).toBe('PK');
  });
});

describe('column widths', () => {
  it('add up to the width given, and give a long Chinese column the room', () => {
    const cells = [
      ['指标', '名称', '满分'],
      ['S6.1.1', '行政机关负责人出庭应诉率', '3'],
    ];
    const w = columnWidths(cells, 8845, 210, 190);
    expect(w.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(w[1]).toBeGreaterThan(w[0]! + w[2]!);
    const many = columnWidths(
      [Array.from({ length: 12 }, () => '全省排名'), Array.from({ length: 12 }, () => '行政机关负责人')],
      8845,
      210,
      190,
    );
    expect(many.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(Math.min(...many)).toBeGreaterThan(0);
  });
});

/**
 * LibreOffice opens the documents and prints them to PDF: their text must be there, headings,
 * tables, the notice and the charts' labels, on a plausible number of pages. One hand-made Doc
 * and one prefecture report of the sample, made by the command line (built by `npm test`).
 * Pictures of the first pages are kept in test/artifacts/docx/ to look at. Where LibreOffice or
 * poppler is missing this is skipped with a notice, unless FAZHI_REQUIRE_OFFICE=1 (.ci/run).
 */
const root = join(import.meta.dirname, '..');
const soffice = process.env.SOFFICE ?? 'soffice';
const artifacts = join(root, 'test', 'artifacts', 'docx');
const CONVERT_LIMIT_MS = 180_000;
const sample = join(root, 'samples', 'yunnan-2022');

function missingOffice(): string | null {
  for (const [tool, args] of [
    [soffice, ['--version']],
    ['pdftotext', ['-v']],
    ['pdftoppm', ['-v']],
    ['pdfinfo', ['-v']],
  ] as const) {
    const r = spawnSync(tool, args, { encoding: 'utf8', timeout: 60_000 });
    if (r.error !== undefined || r.status !== 0) return `${tool} is not installed`;
  }
  return null;
}

const missing = missingOffice();
const required = process.env.FAZHI_REQUIRE_OFFICE === '1';
if (missing !== null && !required)
  console.warn(
    `LibreOffice check skipped: ${missing}. Debian: apt-get install -y libreoffice-writer-nogui poppler-utils`,
  );

describe.skipIf(missing !== null && !required)('in LibreOffice', () => {
  it(
    'prints the headings, tables, notice and chart labels on a plausible number of pages',
    async () => {
      expect(missing).toBeNull();
      const dir = mkdtempSync(join(tmpdir(), 'fazhi-docx-'));
      const profile = mkdtempSync(join(tmpdir(), 'fazhi-lo-profile-'));
      try {
        writeFileSync(join(dir, 'fixture.docx'), await renderDocx(chineseDoc(), GENERATOR));
        const made = spawnSync(
          process.execPath,
          [
            join(root, 'bin', 'fazhi.js'),
            'report',
            sample,
            '--round',
            'midterm',
            '--prefecture',
            '曲靖市',
            '--format',
            'docx',
            '--out',
            join(dir, 'report'),
          ],
          { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NO_COLOR: '1' } },
        );
        expect(made.status, made.stderr).toBe(0);
        const report = join(dir, 'prefecture.docx');
        writeFileSync(report, readFileSync(join(dir, 'report', '曲靖市.docx')));
        const converted = spawnSync(
          soffice,
          [
            `-env:UserInstallation=file://${profile}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            join(dir, 'fixture.docx'),
            report,
          ],
          { encoding: 'utf8', timeout: CONVERT_LIMIT_MS },
        );
        expect(converted.status, converted.stderr).toBe(0);
        mkdirSync(artifacts, { recursive: true });
        for (const f of readdirSync(artifacts)) if (f.endsWith('.png')) rmSync(join(artifacts, f));
        const read = (name: string) => {
          const pdf = join(dir, `${name}.pdf`);
          expect(existsSync(pdf), `${name}.pdf`).toBe(true);
          spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', pdf, join(artifacts, name)]);
          const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
          const words = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
          // LibreOffice may space out justified Chinese text: compare without white space.
          return { pages, text: words.replace(/\s+/g, '') };
        };
        const fixture = read('fixture');
        for (const words of [
          '楚雄彝族自治州评估报告',
          '重要提示',
          '评估机构：',
          '概况',
          '州（市）内排名',
          '牟定县',
          '17.29',
          '达标线',
          '★楚雄市',
          '社会矛盾纠纷行政预防调处化解体系',
          '报告如何生成',
        ])
          expect(fixture.text, words).toContain(words);
        expect(fixture.pages).toBeGreaterThanOrEqual(5);
        expect(fixture.pages).toBeLessThanOrEqual(9);
        const prefecture = read('prefecture');
        for (const words of [
          '曲靖市法治政府建设示范创建中期评估（样例）报告',
          '一、总体情况',
          '（一）会泽县',
          '政府机构职能体系',
          '提分建议',
        ])
          expect(prefecture.text, words).toContain(words);
        // Four creation counties, each on pages of its own.
        expect(prefecture.pages).toBeGreaterThanOrEqual(11);
        expect(prefecture.pages).toBeLessThanOrEqual(40);
        expect(readdirSync(artifacts).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(8);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(profile, { recursive: true, force: true });
      }
    },
    CONVERT_LIMIT_MS + 60_000,
  );
});
