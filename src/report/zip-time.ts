/**
 * The date and time of every entry of a zip (an .xlsx fazhi writes), set to one fixed moment so
 * that the same input gives the same bytes on every run and in every time zone. A zip stores
 * each entry's time twice (local header and central directory) as MS-DOS date and time fields,
 * without a zone: they are set from the moment's UTC fields. Pure.
 */

/** 1980-01-01 00:00, the earliest time a zip can hold: the default. */
export const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
const put16 = (b: Uint8Array, at: number, v: number): void => {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
};

/** MS-DOS date and time of `when` (UTC), kept within what they can hold (1980–2107, even seconds). */
export function dosTime(when: Date): { date: number; time: number } {
  const t = Math.min(Math.max(when.getTime(), ZIP_EPOCH.getTime()), Date.UTC(2107, 11, 31, 23, 59, 58));
  const d = new Date(Number.isFinite(t) ? t : ZIP_EPOCH.getTime());
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/** The offsets of the central directory's records, with their entry names. */
function* central(zip: Uint8Array): Generator<{ at: number; name: string }> {
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (u32(zip, at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) return;
  const count = u16(zip, end + 10);
  let at = u32(zip, end + 16);
  for (let n = 0; n < count && u32(zip, at) === 0x02014b50; n++) {
    yield { at, name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + u16(zip, at + 28))) };
    at += 46 + u16(zip, at + 28) + u16(zip, at + 30) + u16(zip, at + 32);
  }
}

/** Whether `bytes` are an .xlsx workbook (a zip with `xl/workbook.xml`). */
export const isWorkbook = (bytes: Uint8Array): boolean => {
  for (const e of central(bytes)) if (e.name === 'xl/workbook.xml') return true;
  return false;
};

/** A copy of `zip` with every entry dated `when`; bytes that are no zip come back unchanged. */
export function stampZip(zip: Uint8Array, when: Date = ZIP_EPOCH): Uint8Array {
  const out = Uint8Array.from(zip);
  const { date, time } = dosTime(when);
  for (const { at } of central(zip)) {
    put16(out, at + 12, time);
    put16(out, at + 14, date);
    const local = u32(zip, at + 42);
    if (u32(zip, local) === 0x04034b50) {
      put16(out, local + 10, time);
      put16(out, local + 12, date);
    }
  }
  return out;
}

/** The moment SOURCE_DATE_EPOCH names (whole seconds), or `null` when it is unset or no such number. */
export function sourceDate(epoch: string | undefined): Date | null {
  if (epoch === undefined || !/^\d{1,15}$/.test(epoch)) return null;
  const d = new Date(Number(epoch) * 1000);
  return Number.isFinite(d.getTime()) ? d : null;
}
