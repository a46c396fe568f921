/**
 * Classify raw bytes the same way for every source: binary (NUL bytes, which
 * also catches UTF-16), UTF-8 text, or text with invalid UTF-8 decoded lossily
 * (Backstage decodes with replacement characters; Frontdoor does too, and warns).
 */
import type { RepoFile } from './snapshot.ts';

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

export function classifyBytes(bytes: Uint8Array): RepoFile {
  if (bytes.includes(0)) return { status: 'binary', size: bytes.byteLength };
  try {
    return { status: 'text', text: strict.decode(bytes), size: bytes.byteLength };
  } catch {
    return { status: 'text', text: lossy.decode(bytes), size: bytes.byteLength, lossy: true };
  }
}
