/**
 * Issuing and revoking API tokens, called as the public POST endpoints the actions are: each story signs in through
 * the mocked request context and calls the real exported action against a throwaway copy of the seeded database.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, signIn } from '../helpers/actors';
import { auditSince, lastAuditId } from '../helpers/audit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/api-tokens');
let tokens: typeof import('@/lib/server/api/tokens');
let listApiTokens: typeof import('@/lib/server/admin/list-api-tokens').listApiTokens;

/** An audit row as text, to search it for secrets (its id is a bigint, which JSON cannot write). */
const asText = (row: object) =>
  JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/api-tokens');
  tokens = await import('@/lib/server/api/tokens');
  ({ listApiTokens } = await import('@/lib/server/admin/list-api-tokens'));
}, 120_000);

afterAll(async () => t?.drop());

describe('issuing a token', () => {
  it('returns the token once, stores only its sha256 and prefix, and audits without the token', async () => {
    await signIn(t.db, 'admin');
    const since = await lastAuditId(t.db);
    const result = await actions.issueApiToken({ name: '  市级平台对接  ' });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const { token, id, prefix, name } = result.data;
    expect(token).toMatch(/^ks_[A-Za-z0-9_-]{43}$/);
    expect(name).toBe('市级平台对接');
    expect(prefix).toBe(token.slice(0, 11));

    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.prefix).toBe(prefix);
    expect(row.createdById).toBe((await actorOf(t.db, 'admin')).id);
    expect(row.revokedAt).toBeNull();
    // the clear token is nowhere in the database
    const [stored] = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ApiToken" x WHERE x::text LIKE ${`%${token}%`}`;
    expect(stored?.n).toBe(0);

    const audit = await auditSince(t.db, since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'admin',
      action: 'apiToken.issue',
      entity: 'ApiToken',
      entityId: String(id),
    });
    expect(audit[0]!.after).toEqual({ name: '市级平台对接', prefix });
    const written = asText(audit[0]!);
    expect(written).not.toContain(token);
    expect(written).not.toContain(row.tokenHash);

    // the token works, and the admin list shows it without its hash
    expect(await tokens.authenticateApiToken(t.db, `Bearer ${token}`)).toMatchObject({
      tokenId: id,
      actor: { role: 'LEADER' },
    });
    const listed = (await listApiTokens(t.db, await actorOf(t.db, 'admin'))).find((r) => r.id === id);
    expect(listed).toMatchObject({
      name: '市级平台对接',
      prefix,
      revokedAt: null,
      createdByName: expect.stringContaining('admin'),
    });
    expect(listed).not.toHaveProperty('tokenHash');
  });

  it('issues a different token each time', async () => {
    await signIn(t.db, 'admin');
    const a = await actions.issueApiToken({ name: '甲' });
    const b = await actions.issueApiToken({ name: '甲' });
    expect(a.ok && b.ok && a.data.token !== b.data.token).toBe(true);
  });

  it('refuses a missing or overlong name with a field error', async () => {
    await signIn(t.db, 'admin');
    const before = await t.db.apiToken.count();
    expect(await actions.issueApiToken({ name: '   ' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { name: ['nameRequired'] },
    });
    expect(await actions.issueApiToken({ name: 'x'.repeat(65) })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { name: ['nameTooLong'] },
    });
    expect(await t.db.apiToken.count()).toBe(before);
  });
});

describe('revoking a token', () => {
  it('revokes it for good, audits it, and a second revocation changes nothing', async () => {
    await signIn(t.db, 'admin');
    const issued = await actions.issueApiToken({ name: '将撤销' });
    if (!issued.ok) throw new Error(issued.message);
    const since = await lastAuditId(t.db);
    const result = await actions.revokeApiToken({ id: issued.data.id });
    expect(result).toMatchObject({ ok: true, data: { id: issued.data.id, changed: true } });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: issued.data.id } });
    expect(row.revokedAt).not.toBeNull();
    expect(await tokens.authenticateApiToken(t.db, `Bearer ${issued.data.token}`)).toBeNull();

    const audit = await auditSince(t.db, since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'apiToken.revoke', entity: 'ApiToken', entityId: String(issued.data.id) });
    expect(audit[0]!.after).toEqual({ revokedAt: row.revokedAt!.toISOString() });
    expect(asText(audit[0]!)).not.toContain(issued.data.token);

    const again = await actions.revokeApiToken({ id: issued.data.id });
    expect(again).toMatchObject({ ok: true, data: { changed: false } });
    expect(await auditSince(t.db, since)).toHaveLength(1);
  });

  it('answers not found for a token that does not exist', async () => {
    await signIn(t.db, 'admin');
    expect(await actions.revokeApiToken({ id: 99_999_999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('only administrators manage tokens', () => {
  it.each(['bureau', 'leader', 'zjw'])(
    'refuses %s: FORBIDDEN, nothing issued, revoked or audited',
    async (username) => {
      await signIn(t.db, 'admin');
      const issued = await actions.issueApiToken({ name: '管理员令牌' });
      if (!issued.ok) throw new Error(issued.message);

      await signIn(t.db, username);
      const count = await t.db.apiToken.count();
      const since = await lastAuditId(t.db);
      expect(await actions.issueApiToken({ name: '越权' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await actions.revokeApiToken({ id: issued.data.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await t.db.apiToken.count()).toBe(count);
      expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: issued.data.id } })).revokedAt).toBeNull();
      expect(await auditSince(t.db, since)).toHaveLength(0);
      await expect(listApiTokens(t.db, await actorOf(t.db, username))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    },
  );
});
