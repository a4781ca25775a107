/**
 * Seeded random numbers: xoshiro128** (Blackman and Vigna, 2018), its state filled from one
 * 32-bit seed by splitmix32. The same seed gives the same draws on every machine and Node
 * version (32-bit integer arithmetic only), so a sensitivity run can be repeated exactly.
 */

/** splitmix32: the seed's next state word. */
function splitmix(state: { x: number }): number {
  state.x = (state.x + 0x9e3779b9) | 0;
  let z = state.x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Uniform numbers in [0, 1), each from the next 32 bits of xoshiro128** seeded with `seed`, a
 * whole number 0 … 2⁵³ − 1: its low 32 bits fill the state through splitmix32, and any higher
 * bits are mixed into every word the same way.
 */
export function uniform(seed: number): () => number {
  const init = { x: seed >>> 0 };
  let a = splitmix(init);
  let b = splitmix(init);
  let c = splitmix(init);
  let d = splitmix(init);
  const high = { x: Math.floor(seed / 2 ** 32) >>> 0 };
  if (high.x !== 0) {
    a ^= splitmix(high);
    b ^= splitmix(high);
    c ^= splitmix(high);
    d ^= splitmix(high);
  }
  if ((a | b | c | d) === 0) a = 1; // the one state xoshiro never leaves
  return () => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r / 4294967296;
  };
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));
