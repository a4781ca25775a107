/** A number as people write it: exact to 12 significant digits, so float noise never shows (0.1 + 0.2 → 0.3). */
export const exact = (x: number): number => Number(x.toPrecision(12));

/** `exact`, as text: `0.3`, `12.5`, `1e-7`. */
export const num = (x: number): string => String(exact(x));
