import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/prisma/seed/demo-logins';
import { wantsDemoData } from '@/prisma/seed/first-start';
import { prepareDatabase } from '../../scripts/lib/app-server';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('which starts seed the demo users (whose password is public)', () => {
  it('npm start and npm run dev do; a production start does not, unless KEYSTONE_DEMO=1 asks', () => {
    expect(wantsDemoData({})).toBe(true);
    expect(wantsDemoData({ NODE_ENV: 'development' })).toBe(true);
    expect(wantsDemoData({ NODE_ENV: 'production' })).toBe(false);
    expect(wantsDemoData({ NODE_ENV: 'production', KEYSTONE_DEMO: '1' })).toBe(true);
    expect(wantsDemoData({ NODE_ENV: 'production', KEYSTONE_DEMO: 'yes' })).toBe(false);
    expect(wantsDemoData({ KEYSTONE_DEMO: '0' })).toBe(false);
  });
});

describe('a production first start on an empty database', () => {
  let t: TestDatabase;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase('empty');
    await prepareDatabase(t.url, (line) => lines.push(line), { demo: wantsDemoData({ NODE_ENV: 'production' }) });
  });
  afterAll(async () => t?.drop());

  const printedPassword = () => {
    const line = lines.find((l) => /^\s*password: /.test(l));
    return line?.replace(/^\s*password: /, '').trim();
  };

  it('creates one administrator and nothing else: no demo user, no demo plan', async () => {
    const users = await t.db.user.findMany({
      select: { username: true, role: true, active: true, mustChangePassword: true },
    });
    expect(users).toEqual([{ username: 'admin', role: 'ADMIN', active: true, mustChangePassword: true }]);
    expect(await t.db.planYear.count()).toBe(0);
    expect(await t.db.project.count()).toBe(0);
  });

  it('prints a random password once, stores only its hash, and the demo password does not open it', async () => {
    const password = printedPassword();
    expect(password).toMatch(/^\S{20}$/);
    expect(lines.filter((l) => l.includes(password!))).toHaveLength(1);
    const { passwordHash } = await t.db.user.findUniqueOrThrow({
      where: { username: 'admin' },
      omit: { passwordHash: false },
    });
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain(password);
    expect(await verify(passwordHash, password!)).toBe(true);
    expect(await verify(passwordHash, DEMO_PASSWORD)).toBe(false);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'user.create' } });
    expect(audit.actor).toBe('system');
    expect(JSON.stringify(audit.after)).not.toContain(password);
  });

  it('never prints it again, nor makes another administrator, on the next start', async () => {
    const first = printedPassword();
    lines.length = 0;
    await prepareDatabase(t.url, (line) => lines.push(line), { demo: false });
    expect(lines.join('\n')).not.toContain(first);
    expect(lines.join('\n')).not.toMatch(/password: /);
    expect(await t.db.user.count()).toBe(1);
  });

  it('leaves a database with users alone even when demo data is asked for later', async () => {
    await prepareDatabase(t.url, () => {}, { demo: true });
    expect(await t.db.user.count()).toBe(1);
    expect(await t.db.planYear.count()).toBe(0);
  });
});
