import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { requirePermission } from '@/lib/server/authorize';
import { NotFoundError } from '@/lib/server/errors';
import type { ZIssueApiToken, ZRevokeApiToken } from '@/lib/validations/api';
import type { WriteContext } from '@/lib/server/write-context';

/**
 * Bearer tokens of the read-only JSON API. A token is `ks_` + 32 random bytes (base64url); only its sha256 is
 * stored, so the database (and its backups) cannot be used to call the API, and the token is shown exactly once,
 * in the answer to the admin who issued it. The first characters are kept in clear to tell tokens apart.
 */

export const API_TOKEN_PREFIX = 'ks_';
/** `ks_` and 8 characters of the random part: enough to tell tokens apart, far too few to guess the rest. */
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;
/** lastUsedAt is written at most this often per token, so a busy client does not turn every read into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, SHOWN_PREFIX_LENGTH) };
}

/** What a valid token stands for. */
export interface ApiPrincipal {
  tokenId: number;
  name: string;
  prefix: string;
  actor: Actor;
}

/**
 * The actor the API reads as: a leader's rights (every rollup and every project, writes nothing), so its figures
 * are the ones the pages show, computed by the same functions. Its id is 0, which no user has; nothing the API
 * calls writes with it.
 */
export function apiActorOf(token: { id: number; name: string; prefix: string }): Actor {
  return {
    id: 0,
    username: `api:${token.prefix}`,
    displayName: token.name,
    role: 'LEADER',
    departmentId: null,
    mustChangePassword: false,
  };
}

/** The token of an `Authorization: Bearer …` header, or null when the header is missing or malformed. */
export function bearerTokenOf(authorization: string | null): string | null {
  const match = /^Bearer[ ]+([A-Za-z0-9_\-.~+/]+=*)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

/**
 * The principal of an active token, or null (missing, unknown or revoked: the caller is told only "unauthorized").
 * Marks the token used, at most once a minute.
 */
export async function authenticateApiToken(
  db: Db,
  authorization: string | null,
  now = new Date(),
): Promise<ApiPrincipal | null> {
  const token = bearerTokenOf(authorization);
  if (!token || !token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, name: true, prefix: true, revokedAt: true, lastUsedAt: true },
  });
  if (!found || found.revokedAt) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // conditional, so concurrent requests write once, and a revocation committed meanwhile is not undone
    await db.apiToken.updateMany({
      where: {
        id: found.id,
        revokedAt: null,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: found.id, name: found.name, prefix: found.prefix, actor: apiActorOf(found) };
}

// ------------------------------------------------------------------------------------------- admin writes

/** Issues a token; the only place its clear text exists is the return value. */
export async function issueApiToken({ tx, actor, input, audit }: WriteContext<z.output<typeof ZIssueApiToken>>) {
  requirePermission(actor, 'apiToken.manage');
  const { token, tokenHash, prefix } = generateApiToken();
  const created = await tx.apiToken.create({
    data: { name: input.name, tokenHash, prefix, createdById: actor.id },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  await audit({
    action: 'apiToken.issue',
    entity: 'ApiToken',
    entityId: created.id,
    before: null,
    after: { name: created.name, prefix: created.prefix },
  });
  return { id: created.id, name: created.name, prefix: created.prefix, token };
}

/** Revokes a token for good: the next request with it is refused. Revoking a revoked token changes nothing. */
export async function revokeApiToken({ tx, actor, input, audit }: WriteContext<z.output<typeof ZRevokeApiToken>>) {
  requirePermission(actor, 'apiToken.manage');
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "ApiToken" WHERE id = ${input.id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('API token');
  const before = await tx.apiToken.findUniqueOrThrow({
    where: { id: input.id },
    select: { id: true, name: true, prefix: true, revokedAt: true },
  });
  // two admins revoking at once both get what they asked for; only the first changes anything
  if (before.revokedAt) return { id: before.id, name: before.name, prefix: before.prefix, changed: false };
  const after = await tx.apiToken.update({
    where: { id: input.id },
    data: { revokedAt: new Date() },
    select: { revokedAt: true },
  });
  await audit({
    action: 'apiToken.revoke',
    entity: 'ApiToken',
    entityId: before.id,
    before: { name: before.name, prefix: before.prefix, revokedAt: null },
    after: { revokedAt: after.revokedAt!.toISOString() },
  });
  return { id: before.id, name: before.name, prefix: before.prefix, changed: true };
}
