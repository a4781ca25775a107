import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The documentation cannot drift from the command line it shows, and its links cannot break.
 *
 * Console excerpts. In README.md, README.en.md and docs/**\/*.md every ```console block is a terminal
 * session, and every session is run against the built command line (bin/fazhi.js):
 * - A line `$ fazhi ARGS` runs `node bin/fazhi.js ARGS` (words split as a shell would, with '…' and "…"
 *   quoting; leading `NAME=value` words are added to the environment). The lines after it, up to the
 *   next `$ ` line or the end of the block, are what a terminal shows: the command's stderr, then its
 *   stdout (fazhi writes every diagnostic before any data). These suffixes are understood, in this
 *   order: `2>/dev/null` (stdout alone), then `| head -N` or `| tail -N` (the first or last N lines
 *   of stdout; `-n N` also works).
 * - A line `$ echo $?` shows the exit code of the command before it; a line `$ cat FILE` (with the
 *   same `| head`/`| tail` suffixes) shows a file in the session's folder, such as one a command
 *   of the block wrote; a line `$ node FILE` runs a script of the repository (docs/examples/api.mjs,
 *   which imports the package by its name) the same way.
 * - Any other `$ ` line fails the test, so no excerpt is left unchecked by accident. A session that
 *   cannot run from the repository is written as a ```text block, which is not run; such blocks may
 *   not show help (`--help`, `-h`, `help …`), which must always be checked.
 * - Lines are compared after trimming trailing whitespace; trailing blank lines do not count.
 * - Elision: a line that is exactly `…` stands for any number of lines (zero or more). The parts
 *   between elisions must occur in the real output in that order, the first part at its very
 *   start and the last part at its very end. Help excerpts may not elide: they are compared whole.
 * - Environment: PATH, LANG=zh_CN.UTF-8 (en_US.UTF-8 in a *.en.md file; `--lang en` overrides it
 *   anyway), NO_COLOR=1, COLUMNS=80. Each block runs in its own scratch folder holding links to the
 *   repository's samples/, test/, indicators/ and docs/, so the relative paths the docs use work as
 *   they do from the repository root, while the files a session writes (`init`, `report --out`, `--out`)
 *   never land in the repository. Commands of one block share their folder.
 *
 * Files shown in full. A fenced block right under a comment `<!-- file: PATH -->` (a blank line
 * between them is allowed) must equal that repository file, line for line (trailing whitespace and
 * trailing blank lines aside): the worked examples under docs/examples/ are real, and the sessions
 * above run them.
 *
 * Links. Every relative link and image in README.md, README.en.md, CONTRIBUTING.md and docs/**\/*.md
 * (outside code) must name a file or folder inside the repository; an anchor (`file.md#heading`, or
 * `#heading` in the same file) must be a heading of that Markdown file, slugged as GitHub does. None
 * of these files may point at the folder beside the repository where the specification lives:
 * the repository stands alone.
 *
 * Problem codes. docs/problem-codes.md has one table row for each code of src/i18n/problems.ts.
 *
 * Refreshing. With `UPDATE_DOCS=1`, an excerpt whose output no longer matches and that has no `…`
 * (help included) is rewritten in place with the real output (or exit code), after the test run, and
 * the test passes; an excerpt with `…` is never rewritten and still fails, to be edited by hand.
 * Review every change with `git diff` before committing. Without it, any drift fails.
 *
 * Needs the built command line: `npm test` builds first; alone, run `npm run build` before
 * `npx vitest run test/docs.test.ts`.
 */

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'fazhi.js');

/** The Markdown files whose excerpts are run and whose links are checked, relative to the root. */
function markdownFiles(withContributing: boolean): string[] {
  const files = ['README.md', 'README.en.md', ...(withContributing ? ['CONTRIBUTING.md'] : [])];
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []))
      .sort();
  return [...files.filter((f) => existsSync(join(root, f))), ...(existsSync(join(root, 'docs')) ? walk('docs') : [])];
}

interface Block {
  file: string;
  line: number; // 1-based line of the opening fence
  indent: string; // the fence's indentation (a block inside a list item), restored when rewriting
  lang: string;
  lines: string[];
  /** The repository file this block shows in full, named by `<!-- file: PATH -->` just above it. */
  copyOf?: string;
}

/** Fenced code blocks (``` or ~~~, three or more) with their info string's first word. */
function codeBlocks(file: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      // A block inside a list item is indented like its fence: that indentation is not its text.
      const line = lines[j]!;
      body.push(line.slice(Math.min(indent, line.length - line.trimStart().length)));
    }
    const marker =
      /^<!--\s*file:\s*(\S+)\s*-->$/.exec(lines[i - 1]?.trim() ?? '') ??
      /^<!--\s*file:\s*(\S+)\s*-->$/.exec(lines[i - 2]?.trim() ?? '');
    blocks.push({
      file,
      line: i + 1,
      indent: open[1]!,
      lang: open[3]!,
      lines: body,
      ...(marker ? { copyOf: marker[1]! } : {}),
    });
    i = j;
  }
  return blocks;
}

/** Shell-like word splitting: blanks separate words; '…' and "…" quote. */
function words(command: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== null) out.push(word);
      word = null;
    } else if (c === "'" || c === '"') {
      const end = command.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unclosed quote in: ${command}`);
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else word = (word ?? '') + c;
  }
  if (word !== null) out.push(word);
  return out;
}

interface Step {
  command: string; // as written after `$ `
  expected: string[];
  at: number; // line in the file
}

interface Command {
  /** `fazhi ARGS`; `cat FILE`; `node FILE` (a script of the repository, such as docs/examples/api.mjs). */
  program: 'fazhi' | 'cat' | 'node';
  env: Record<string, string>;
  args: string[];
  dropStderr: boolean;
  head?: number;
  tail?: number;
}

/** `[NAME=value …] fazhi ARGS [2>/dev/null] [| head -N | tail -N]` or `cat FILE […]`, or null for anything else. */
function parseCommand(command: string): Command | null {
  let rest = command.trim();
  let head: number | undefined;
  let tail: number | undefined;
  const pipe = /\s*\|\s*(head|tail)\s+(?:-n\s*)?-?(\d+)\s*$/.exec(rest);
  if (pipe) {
    if (pipe[1] === 'head') head = Number(pipe[2]);
    else tail = Number(pipe[2]);
    rest = rest.slice(0, pipe.index);
  }
  const dropStderr = /\s2>\/dev\/null$/.test(rest);
  if (dropStderr) rest = rest.replace(/\s2>\/dev\/null$/, '');
  if (/[|<>;&`$]/.test(rest.replace(/'[^']*'|"[^"]*"/g, ''))) return null;
  const all = words(rest);
  const env: Record<string, string> = {};
  while (all.length > 0 && /^[A-Z_][A-Z0-9_]*=/.test(all[0]!)) {
    const [name, ...value] = all.shift()!.split('=');
    env[name!] = value.join('=');
  }
  const program = all.shift();
  if (program !== 'fazhi' && program !== 'cat' && program !== 'node') return null;
  if (program !== 'fazhi' && (all.length !== 1 || all[0]!.startsWith('-') || Object.keys(env).length > 0)) return null;
  return {
    program,
    env,
    args: all,
    dropStderr,
    ...(head === undefined ? {} : { head }),
    ...(tail === undefined ? {} : { tail }),
  };
}

const isHelp = (c: Command): boolean =>
  c.program === 'fazhi' && (c.args.includes('--help') || c.args.includes('-h') || c.args[0] === 'help');

/** The `$ ` lines of a console block and the lines each one expects. */
function steps(block: Block): Step[] {
  const out: Step[] = [];
  block.lines.forEach((text, i) => {
    if (text.startsWith('$ ')) out.push({ command: text.slice(2), expected: [], at: block.line + 1 + i });
    else if (out.length === 0)
      throw new Error(`${block.file}:${block.line + 1 + i}: a console block must start with a "$ " line`);
    else out.at(-1)!.expected.push(text);
  });
  return out;
}

const clean = (lines: readonly string[]): string[] => {
  const out = lines.map((l) => l.trimEnd());
  while (out.length > 0 && out.at(-1) === '') out.pop();
  return out;
};

/**
 * Whether `actual` matches `expected`, where a line `…` in `expected` stands for any lines:
 * the parts must occur in order, the first at the start and the last at the end.
 */
function matchesElided(actual: readonly string[], expected: readonly string[]): boolean {
  const parts: string[][] = [[]];
  for (const line of expected) {
    if (line === '…') parts.push([]);
    else parts.at(-1)!.push(line);
  }
  const equalAt = (part: readonly string[], at: number) => part.every((l, k) => actual[at + k] === l);
  const first = clean(parts[0]!);
  const last = parts.at(-1)!;
  if (parts.length === 1) return actual.length === first.length && equalAt(first, 0);
  if (!equalAt(first, 0)) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = findFrom(actual, part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  const lastClean = clean(last);
  return actual.length - lastClean.length >= at && equalAt(lastClean, actual.length - lastClean.length);
}

function findFrom(actual: readonly string[], part: readonly string[], from: number): number {
  for (let i = from; i + part.length <= actual.length; i++) if (part.every((l, k) => actual[i + k] === l)) return i;
  return -1;
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** `UPDATE_DOCS=1`: excerpts without `…` that drifted are rewritten with the real output. */
const updating = process.env.UPDATE_DOCS === '1';

interface Rewrite {
  file: string;
  from: number; // 0-based index of the first expected line (the 1-based line of its `$ ` command)
  count: number; // expected lines replaced (trailing blank lines kept)
  indent: string;
  lines: string[];
}

const rewrites: Rewrite[] = [];

/** Records a rewrite of one step's expected lines, or says why the real output cannot be written back. */
function rewrite(block: Block, step: Step, shown: readonly string[]): string | null {
  const bad = shown.find((l) => l.startsWith('$ ') || l === '…' || /^\s*(`{3,}|~{3,})/.test(l));
  if (bad !== undefined) return `the real output has a line an excerpt cannot hold: ${bad}`;
  rewrites.push({
    file: block.file,
    from: step.at,
    count: clean(step.expected).length,
    indent: block.indent,
    lines: [...shown],
  });
  return null;
}

afterAll(() => {
  const byFile = new Map<string, Rewrite[]>();
  for (const r of rewrites) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  for (const [file, list] of byFile) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8').split('\n');
    // Bottom up, so that the earlier line numbers still hold.
    for (const r of [...list].sort((a, b) => b.from - a.from))
      text.splice(r.from, r.count, ...r.lines.map((l) => (l === '' ? '' : r.indent + l)));
    writeFileSync(path, text.join('\n'));
    console.log(`UPDATE_DOCS: rewrote ${list.length} excerpt(s) in ${file}`);
  }
});

/** A fresh folder that sees the repository's inputs under their usual relative paths. */
function scratchFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-docs-'));
  scratch.push(dir);
  for (const name of ['samples', 'test', 'indicators', 'docs']) symlinkSync(join(root, name), join(dir, name), 'dir');
  return dir;
}

interface Ran {
  code: number;
  shown: string[];
}

function run(c: Command, cwd: string, english: boolean): Ran {
  const r =
    c.program === 'cat'
      ? catInside(cwd, c.args[0]!)
      : spawnSync(process.execPath, c.program === 'node' ? c.args : [bin, ...c.args], {
          cwd,
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH ?? '',
            LANG: english ? 'en_US.UTF-8' : 'zh_CN.UTF-8',
            NO_COLOR: '1',
            COLUMNS: '80',
            ...c.env,
          },
        });
  let stdout = r.stdout
    .replace(/^\ufeff/, '')
    .replace(/\r\n/g, '\n')
    .split('\n');
  if (stdout.at(-1) === '') stdout.pop();
  if (c.head !== undefined) stdout = stdout.slice(0, c.head);
  if (c.tail !== undefined) stdout = stdout.slice(-c.tail);
  const stderr = c.dropStderr || r.stderr === '' ? [] : r.stderr.replace(/\n$/, '').split('\n');
  return { code: r.status ?? -1, shown: clean([...stderr, ...stdout]) };
}

/** `cat FILE`, for a file in the session's folder: one it wrote, or one of the repository's inputs. */
function catInside(cwd: string, file: string): { status: number; stdout: string; stderr: string } {
  const abs = resolve(cwd, file);
  const rel = relative(cwd, abs);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) || !existsSync(abs))
    return { status: 1, stdout: '', stderr: `cat: ${file}: No such file or directory\n` };
  return { status: 0, stdout: readFileSync(abs, 'utf8'), stderr: '' };
}

const files = markdownFiles(false);
const blocks = files.flatMap((f) => codeBlocks(f, readFileSync(join(root, f), 'utf8')));
const sessions = blocks.filter((b) => b.lang === 'console');

describe('docs: the console excerpts are what the command line prints', () => {
  it('finds the documentation and its excerpts', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('README.en.md');
    expect(files).toContain('docs/README.md');
    expect(sessions.length).toBeGreaterThan(20);
  });

  it('shows help only in console blocks, where it is checked', () => {
    const unchecked = blocks
      .filter((b) => b.lang !== 'console')
      .flatMap((b) => b.lines.map((l, i) => ({ l, at: `${b.file}:${b.line + 1 + i}` })))
      .filter(({ l }) => l.startsWith('$ ') && [parseCommand(l.slice(2))].some((c) => c !== null && isHelp(c)))
      .map(({ at }) => at);
    expect(unchecked).toEqual([]);
  });

  it.each(sessions.map((b) => [`${b.file}:${b.line}`, b] as const))('%s', (_, block) => {
    const cwd = scratchFolder();
    const english = block.file.endsWith('.en.md');
    let last: Ran | null = null;
    for (const step of steps(block)) {
      const where = `${block.file}:${step.at}: $ ${step.command}`;
      const expected = clean(step.expected);
      if (step.command.trim() === 'echo $?') {
        expect(last, `${where}: no command before it`).not.toBeNull();
        const code = [String(last!.code)];
        if (updating && JSON.stringify(code) !== JSON.stringify(expected))
          expect(rewrite(block, step, code), where).toBeNull();
        else expect(code, where).toEqual(expected);
        continue;
      }
      const command = parseCommand(step.command);
      expect(command, `${where}: not a command this test can run (see the header of test/docs.test.ts)`).not.toBeNull();
      last = run(command!, cwd, english);
      expect(last.shown.join('\n'), `${where}: a stack trace`).not.toMatch(/^\s+at /m);
      const drifted = JSON.stringify(last.shown) !== JSON.stringify(expected);
      if (isHelp(command!)) {
        expect(expected, `${where}: a help excerpt may not elide`).not.toContain('…');
        if (updating && drifted) expect(rewrite(block, step, last.shown), where).toBeNull();
        else expect(last.shown, where).toEqual(expected);
      } else if (!expected.includes('…')) {
        if (updating && drifted) expect(rewrite(block, step, last.shown), where).toBeNull();
        else expect(last.shown, where).toEqual(expected);
      } else if (!matchesElided(last.shown, expected)) {
        // Show the whole output against the excerpt, so the difference is easy to find.
        expect(last.shown, `${where}: the parts around … do not match`).toEqual(expected);
      }
    }
  });
});

describe('docs: problem codes', () => {
  it('docs/problem-codes.md lists every problem code the program has', async () => {
    const { PROBLEMS } = await import('../src/i18n/problems.js');
    const page = readFileSync(join(root, 'docs', 'problem-codes.md'), 'utf8');
    const listed = new Set([...page.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]));
    expect(Object.keys(PROBLEMS).filter((code) => !listed.has(code))).toEqual([]);
    expect([...listed].filter((code) => !(code! in PROBLEMS))).toEqual([]);
  });
});

describe('docs: files shown in full are the files in the repository', () => {
  const copies = blocks.filter((b) => b.copyOf !== undefined);

  it('has some', () => {
    expect(copies.length).toBeGreaterThan(0);
  });

  it.each(copies.map((b) => [`${b.file}:${b.line} ${b.copyOf}`, b] as const))('%s', (_, block) => {
    const path = join(root, block.copyOf!);
    expect(existsSync(path), `${block.copyOf} does not exist`).toBe(true);
    expect(clean(block.lines)).toEqual(
      clean(
        readFileSync(path, 'utf8')
          .replace(/^\ufeff/, '')
          .replace(/\r\n/g, '\n')
          .split('\n'),
      ),
    );
  });
});

describe('docs: elided excerpts', () => {
  it('match prefix, middle parts in order, and suffix', () => {
    const out = ['a', 'b', 'c', 'd', 'e'];
    expect(matchesElided(out, ['a', '…', 'e'])).toBe(true);
    expect(matchesElided(out, ['a', 'b', '…', 'd', '…', 'e'])).toBe(true);
    expect(matchesElided(out, ['…', 'c', '…'])).toBe(true);
    expect(matchesElided(out, ['a', '…', 'd'])).toBe(false);
    expect(matchesElided(out, ['b', '…', 'e'])).toBe(false);
    expect(matchesElided(out, ['a', '…', 'd', '…', 'c', '…'])).toBe(false);
    expect(matchesElided(out, ['a', 'b', 'c', 'd', 'e'])).toBe(true);
    expect(matchesElided(out, ['a', 'b', 'c', 'd'])).toBe(false);
  });

  it('parse the commands the convention allows, and nothing else', () => {
    expect(parseCommand('fazhi score samples/yunnan-2022 --round midterm 2>/dev/null | head -5')).toEqual({
      program: 'fazhi',
      env: {},
      args: ['score', 'samples/yunnan-2022', '--round', 'midterm'],
      dropStderr: true,
      head: 5,
    });
    expect(parseCommand("SOURCE_DATE_EPOCH=0 fazhi explain x --county '南华 县'")).toEqual({
      program: 'fazhi',
      env: { SOURCE_DATE_EPOCH: '0' },
      args: ['explain', 'x', '--county', '南华 县'],
      dropStderr: false,
    });
    expect(parseCommand('fazhi score x | jq .')).toBeNull();
    expect(parseCommand('fazhi score x > out.json')).toBeNull();
    expect(parseCommand('cat x | head -3')).toMatchObject({ program: 'cat', args: ['x'], head: 3 });
    expect(parseCommand('node docs/examples/api.mjs')).toMatchObject({
      program: 'node',
      args: ['docs/examples/api.mjs'],
    });
    expect(parseCommand('node -e 1')).toBeNull();
    expect(parseCommand('rm -rf x')).toBeNull();
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const inCode = new Set(codeBlocks('', text).flatMap((b) => b.lines.map((_, i) => b.line + 1 + i)));
  text.split('\n').forEach((line, i) => {
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h || inCode.has(i + 1)) return;
    const plain = h[1]!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[`*]/g, '');
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  });
  return out;
}

/** Link targets outside code: [text](target), ![alt](target), <a href>, <img src>. */
function links(text: string): { target: string; line: number }[] {
  const inCode = new Set(
    codeBlocks('', text).flatMap((b) => [
      b.line,
      ...b.lines.map((_, i) => b.line + 1 + i),
      b.line + b.lines.length + 1,
    ]),
  );
  const out: { target: string; line: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (inCode.has(i + 1)) return;
    const line = raw.replace(/`[^`]*`/g, '');
    for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      out.push({ target: m[1]!, line: i + 1 });
    for (const m of line.matchAll(/\b(?:href|src)="([^"]+)"/g)) out.push({ target: m[1]!, line: i + 1 });
    for (const m of line.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/g)) out.push({ target: m[1]!, line: i + 1 });
  });
  return out;
}

describe('docs: links', () => {
  const all = markdownFiles(true);

  it('includes CONTRIBUTING.md', () => {
    expect(all).toContain('CONTRIBUTING.md');
  });

  it.each(all)('%s: every relative link names a file in the repository, and every anchor a heading', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    // The repository stands alone: its documents never point outside it, not even in prose.
    expect(text).not.toMatch(/\.\.\/shared\b/);
    const broken: string[] = [];
    for (const { target, line } of links(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      const [path = '', anchor] = target.split('#');
      const decoded = decodeURIComponent(path);
      const abs = decoded === '' ? join(root, file) : resolve(dirname(join(root, file)), decoded);
      const rel = relative(root, abs);
      if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
        broken.push(`${file}:${line}: ${target} leaves the repository`);
        continue;
      }
      if (!existsSync(abs)) {
        broken.push(`${file}:${line}: ${target} does not exist`);
        continue;
      }
      if (anchor !== undefined && anchor !== '' && abs.endsWith('.md') && statSync(abs).isFile()) {
        if (!anchors(readFileSync(abs, 'utf8')).has(decodeURIComponent(anchor)))
          broken.push(`${file}:${line}: ${target}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });
});
