import { Inflate } from 'fflate';
import { shown } from '../model/visible.js';

/**
 * Just enough of a zip reader to open an .xlsx safely: the central directory is read first
 * (names and declared sizes, nothing inflated), and a part is inflated only when asked for, in
 * small steps, stopping as soon as it grows past its declared size or a limit, so that a
 * workbook whose headers lie cannot grow in memory. Pure.
 */

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

export class ZipError extends Error {}

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x100000000;

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The zip's entries, from its central directory. Throws ZipError when there is none to read. */
export function zipEntries(bytes: Uint8Array, maxEntries: number): { entries: ZipEntry[]; declared: number } {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a zip archive');
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // Zip64: the end record's locator, 20 bytes before it, says where the zip64 end record is.
    const at = u64(bytes, end - 20 + 8);
    if (u32(bytes, end - 20) !== 0x07064b50 || u32(bytes, at) !== EOCD64) throw new ZipError('damaged zip64 directory');
    count = u64(bytes, at + 32);
    offset = u64(bytes, at + 48);
  }
  if (count > maxEntries) return { entries: [], declared: count };
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw new ZipError('damaged central directory');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let size = u32(bytes, at + 24);
    let compressedSize = u32(bytes, at + 20);
    let local = u32(bytes, at + 42);
    // Zip64 sizes and offset, in this order, for those fields that are 0xffffffff.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(bytes, x + 2)) {
      if (u16(bytes, x) !== 1) continue;
      let y = x + 4;
      const next = (): number => {
        const v = u64(bytes, y);
        y += 8;
        return v;
      };
      if (size === 0xffffffff) size = next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (local === 0xffffffff) local = next();
    }
    entries.push({ name, method: u16(bytes, at + 10), compressedSize, size, offset: local });
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return { entries, declared: count };
}

/** A part's bytes, inflated in steps; throws ZipError past its declared size (or `limit`). */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry, limit: number): Uint8Array {
  if (u32(bytes, e.offset) !== LOCAL) throw new ZipError(`damaged entry ${shown(e.name)}`);
  const start = e.offset + 30 + u16(bytes, e.offset + 26) + u16(bytes, e.offset + 28);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length < e.compressedSize) throw new ZipError(`truncated entry ${shown(e.name)}`);
  const most = Math.min(e.size, limit);
  if (e.method === 0) {
    if (data.length > most) throw new ZipError(`entry ${shown(e.name)} larger than declared`);
    return data;
  }
  if (e.method !== 8) throw new ZipError(`unsupported compression ${e.method} in ${shown(e.name)}`);
  const out = new Uint8Array(most);
  let filled = 0;
  const inflate = new Inflate((chunk) => {
    if (filled + chunk.length > most) throw new ZipError(`entry ${shown(e.name)} larger than declared`);
    out.set(chunk, filled);
    filled += chunk.length;
  });
  // Small steps: one step of deflate data inflates to at most about a thousand times its size.
  const STEP = 16 * 1024;
  try {
    for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (data.length === 0) inflate.push(data, true);
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError(`damaged entry ${shown(e.name)}`);
  }
  return out.subarray(0, filled);
}
