import { createHash, randomBytes } from 'node:crypto';

// Secrets (API tokens, invitation links) are random, shown once and stored only as sha256: a stolen
// database row is useless, and high entropy makes a slow hash unnecessary.
export const API_TOKEN_PREFIX = 'stf_';

export function generateSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
