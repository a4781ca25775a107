import { printable } from '../visible.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for HTML content and quoted attribute values alike: `& < > " '` escaped, control
 * and bidi characters written as visible escapes (`printable`).
 */
export const esc = (s: string): string => printable(s).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** A relative link to one of the batch's files: each path segment percent-encoded, then escaped. */
export const href = (...segments: string[]): string => esc(segments.map((s) => encodeURIComponent(s)).join('/'));
