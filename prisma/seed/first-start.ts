/**
 * What a first start puts into an empty database. Demo data (the generated 2025 plan and users sharing the public
 * password of the README) only when asked for; a production start gets one administrator with a random password
 * instead, shown once in the start log and to be changed at the first sign-in.
 */
import { randomInt } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from '@/lib/prisma';
import { passwordProblems } from '@/lib/validations/password';

/**
 * Whether the seed's demo data (and its known passwords) may go into an empty database: `KEYSTONE_DEMO=1` or `0`
 * decides; otherwise yes, except under NODE_ENV=production (the Docker image, docker-compose).
 */
export function wantsDemoData(env: Record<string, string | undefined>): boolean {
  if (env.KEYSTONE_DEMO === '1') return true;
  if (env.KEYSTONE_DEMO === '0') return false;
  return env.NODE_ENV !== 'production';
}

export const FIRST_ADMIN_USERNAME = 'admin';
export const FIRST_ADMIN_DISPLAY_NAME = '系统管理员';

// Without look-alikes (0/O, 1/l/I), so the password can be read off a log and typed.
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@^_-';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

/** 20 characters from a cryptographic source (over 120 bits), with every kind of character the policy counts. */
export function randomInitialPassword(length = 20): string {
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < length) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (passwordProblems(password, FIRST_ADMIN_USERNAME).length === 0) return password;
  }
}

/**
 * On a database without any user: one administrator, password random, to be changed at the first sign-in.
 * Returns the password (the caller prints it once; only its argon2 hash is stored) or null when users exist.
 */
export async function createFirstAdministrator(db: Db): Promise<{ username: string; password: string } | null> {
  if ((await db.user.count()) > 0) return null;
  const password = randomInitialPassword();
  const passwordHash = await hash(password);
  return db.$transaction(async (tx) => {
    // Two instances starting together: the lock makes the check and the insert one step (the seed's lock).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(20250124)`;
    if ((await tx.user.count()) > 0) return null;
    const user = await tx.user.create({
      data: {
        username: FIRST_ADMIN_USERNAME,
        displayName: FIRST_ADMIN_DISPLAY_NAME,
        role: 'ADMIN',
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: new Date(),
      },
      select: {
        id: true,
        username: true,
        displayName: true,
        role: true,
        departmentId: true,
        active: true,
        mustChangePassword: true,
      },
    });
    await tx.auditLog.create({
      data: {
        actor: 'system',
        action: 'user.create',
        entity: 'User',
        entityId: String(user.id),
        after: user,
        reason: 'first start: the initial administrator',
      },
    });
    return { username: user.username, password };
  });
}
