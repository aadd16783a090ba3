import type { ApiKey, LedgerStore } from '../store/types';
import { randomToken, sha256Hex } from './secrets';

/**
 * API keys belong to systems (a 12345 hotline, a property company), not people. Only the
 * key's SHA-256 is stored; the plain key is shown once, when it is made.
 */
export function issueApiKey(store: LedgerStore, name: string): { key: string; record: ApiKey } {
  const key = `sc_${randomToken(24)}`;
  return { key, record: store.createApiKey(name, sha256Hex(key)) };
}

/** The key record for a plain key, or null when it is unknown or revoked. */
export function findApiKey(store: LedgerStore, plain: string | undefined | null): ApiKey | null {
  if (!plain || plain.length > 200) return null;
  return store.findApiKey(sha256Hex(plain));
}
