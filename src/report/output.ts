/** What a renderer produces: text, or the bytes of a binary format (xlsx), possibly later. */
export type Output = string | Uint8Array | Promise<Uint8Array>;
