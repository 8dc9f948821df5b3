import 'server-only';
import { hash, verify } from '@node-rs/argon2';

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored argon2 hash. With no stored hash (unknown or inactive user) it still spends
 * the time of one verification, so response times do not tell an attacker which usernames exist.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hash('keystone-timing-equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  // A malformed hash in the database is a data problem, not a reason to let anyone in or to crash the login.
  return verify(storedHash, password).catch(() => false);
}
