import { oneLine } from '../../model/visible.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for HTML content and quoted attribute values alike: `& < > " '` escaped, line
 * breaks a space (HTML shows them as one; a line of user text of its own could be read as a CI
 * command when the page goes to stdout), control and bidi characters visible escapes (`oneLine`).
 */
export const esc = (s: string): string => oneLine(s).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** A relative link to one of the batch's files: each path segment percent-encoded, then escaped. */
export const href = (...segments: string[]): string => esc(segments.map((s) => encodeURIComponent(s)).join('/'));
