/**
 * Where the counties of a big synthetic evaluation (big.ts) sit: their ids, names, prefectures
 * and provinces, and which evidence file holds their rows. Counties come in contiguous blocks: a
 * prefecture's, and a province's, are next to each other.
 */

export interface Place {
  readonly id: string;
  readonly county: string;
  readonly prefecture: string;
  /** Only with provinces. */
  readonly province?: string;
  /** The evidence file, without `.csv`. */
  readonly file: string;
}

/** The 31 province-level codes of the national division codes. */
const PROVINCE_CODES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65,
] as const;

/** n counties in p prefectures, one evidence file per prefecture, sequential ids. */
export function prefecturePlaces(n: number, p: number): Place[] {
  const width = Math.max(6, String(n).length + 1);
  const places: Place[] = [];
  for (let i = 0; i < n; i++) {
    const f = Math.floor((i * p) / n);
    places.push({
      id: String(100000 + i).padStart(width, '0'),
      county: `测试县${i}`,
      prefecture: `测试市${f}`,
      file: `evidence/${String(f + 1).padStart(4, '0')}-测试市${f}`,
    });
  }
  return places;
}

/** Splits `total` into parts proportional to `weights`, each at least `least`. */
function shares(total: number, weights: readonly number[], least: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - least * weights.length;
  let before = 0;
  let given = 0;
  return weights.map((w) => {
    before += w;
    const upTo = Math.round((spare * before) / sum);
    const share = least + upTo - given;
    given = upTo;
    return share;
  });
}

/**
 * n counties in q provinces (at most 31) and p prefectures (at least q): provinces of uneven size
 * (weights 2 to 6, as real provinces range from a few dozen counties to a couple of hundred), each
 * with its share of the prefectures; ids are the province code and a 4-digit number, so at most
 * 9,999 counties per province. One evidence file per province.
 */
export function provincePlaces(n: number, p: number, q: number): Place[] {
  if (q < 1 || q > PROVINCE_CODES.length) throw new Error(`provinces: 1 to ${PROVINCE_CODES.length}`);
  if (p < q) throw new Error('at least one prefecture per province');
  const weights = PROVINCE_CODES.slice(0, q).map((_, j) => 2 + ((j * 7) % 5));
  const counties = shares(n, weights, 1);
  const prefectures = shares(p, weights, 1);
  const places: Place[] = [];
  for (let j = 0; j < q; j++) {
    const code = PROVINCE_CODES[j] as number;
    const province = `测试省${code}`;
    const nc = counties[j] as number;
    const np = Math.min(prefectures[j] as number, nc);
    if (nc > 9999) throw new Error(`${province}: ${nc} counties do not fit in 4 digits`);
    for (let k = 0; k < nc; k++) {
      const prefecture = `${province}第${Math.floor((k * np) / nc) + 1}市`;
      places.push({
        id: `${code}${String(k + 1).padStart(4, '0')}`,
        county: `${prefecture}第${k + 1}县`,
        prefecture,
        province,
        file: `evidence/${code}-${province}`,
      });
    }
  }
  return places;
}
