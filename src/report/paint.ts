/** A way to style text for a terminal: one of chalk's instances, or PLAIN for none. */
export type Painter = (text: string) => string;

/** The few styles the terminal renderers use (a chalk instance has them all). */
export interface Paint {
  readonly bold: Painter;
  readonly dim: Painter;
  readonly green: Painter;
  readonly red: Painter & { readonly bold: Painter };
  readonly yellow: { readonly bold: Painter };
}

const same: Painter = (text) => text;

/** No styling: what files and pipes get. */
export const PLAIN: Paint = {
  bold: same,
  dim: same,
  green: same,
  red: Object.assign((text: string) => text, { bold: same }),
  yellow: { bold: same },
};
