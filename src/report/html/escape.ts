import { oneLine } from '../../model/visible.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const SPECIAL = /[&<>"']/g;

/**
 * What `esc` changes: `& < > " '`, an unsafe character (model/visible.ts; here surrogates count
 * even in pairs) or a leading colon. Most text has none of them and is returned as it is.
 */
const CHANGED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
  /[&<>"'\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]|^\s*:/;

/**
 * Text made safe for HTML content and quoted attribute values alike: `& < > " '` escaped, line
 * breaks a space (HTML shows them as one; a line of user text of its own could be read as a CI
 * command when the page goes to stdout), control and bidi characters visible escapes (`oneLine`).
 */
export const esc = (s: string): string => (CHANGED.test(s) ? oneLine(s).replace(SPECIAL, (c) => ENTITIES[c] ?? c) : s);

/** A relative link to one of the batch's files: each path segment percent-encoded, then escaped. */
export const href = (...segments: string[]): string => esc(segments.map((s) => encodeURIComponent(s)).join('/'));
