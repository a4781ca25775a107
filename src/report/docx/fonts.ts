import type { Look } from './look.js';

/**
 * `word/fontTable.xml`: each font the styles name, with what Word needs to find a stand-in where
 * it is missing: its other name (仿宋 is FangSong on an English Windows, and the same font as
 * 仿宋_GB2312 of older ones, which Word finds by the PANOSE number and character set), its PANOSE
 * classification, character set (86 = GB2312), family and pitch, as Word writes them.
 */

interface FontInfo {
  readonly altName?: string;
  readonly panose: string;
  readonly charset: string;
  readonly family: 'roman' | 'swiss' | 'modern' | 'auto';
  readonly pitch: 'fixed' | 'variable';
}

const FONTS: Readonly<Record<string, FontInfo>> = {
  仿宋: { altName: 'FangSong', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  楷体: { altName: 'KaiTi', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  黑体: { altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  宋体: { altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  'Times New Roman': { panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  Calibri: { panose: '020F0502020204030204', charset: '00', family: 'swiss', pitch: 'variable' },
  Cambria: { panose: '02040503050406030204', charset: '00', family: 'roman', pitch: 'variable' },
};

/** The fonts a look names, each once, in a fixed order. */
export function fontsOf(look: Look): string[] {
  const all = [look.title, ...look.headings, look.body, look.table].flatMap((f) => [f.eastAsia, f.latin]);
  return [...new Set(all)].sort();
}

const attr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fontTableXml(fonts: readonly string[]): string {
  const entries = fonts.map((name) => {
    const f = FONTS[name];
    if (f === undefined) return `<w:font w:name="${attr(name)}"/>`;
    return [
      `<w:font w:name="${attr(name)}">`,
      f.altName === undefined ? '' : `<w:altName w:val="${attr(f.altName)}"/>`,
      `<w:panose1 w:val="${f.panose}"/>`,
      `<w:charset w:val="${f.charset}"/>`,
      `<w:family w:val="${f.family}"/>`,
      `<w:pitch w:val="${f.pitch}"/>`,
      '</w:font>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
    ...entries,
    '</w:fonts>',
  ].join('');
}
