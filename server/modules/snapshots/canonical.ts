import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The snapshot's content as canonical JSON (RFC 8785: sorted keys, no spaces): what is hashed and served. */
export function canonicalJson(content: unknown): string {
  return canonicalize(content)!;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
