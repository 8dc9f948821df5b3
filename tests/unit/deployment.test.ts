import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** `docker compose` (v2 plugin) where present, else the standalone `docker-compose`. */
function compose(args: string[], env: Record<string, string>) {
  const v2 = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  const [cmd, pre] = v2.status === 0 ? ['docker', ['compose']] : ['docker-compose', []];
  return spawnSync(cmd, [...pre, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', ...env },
  });
}

describe('docker-compose.yml', () => {
  it('parses, with PostgreSQL 16 and the app pointed at it', () => {
    const r = compose(['config'], { NEXTAUTH_SECRET: 'test-secret' });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/image: postgres:16/);
    expect(r.stdout).toMatch(/DATABASE_URL: postgresql:\/\/keystone:keystone@db:5432\/keystone/);
  });

  it('probes the app through GET /api/health and gives it time to drain on stop', () => {
    const r = compose(['config'], { NEXTAUTH_SECRET: 'test-secret' });
    expect(r.status).toBe(0);
    const app = r.stdout.slice(r.stdout.indexOf('\n  app:'), r.stdout.indexOf('\n  db:'));
    expect(app).toMatch(/healthcheck:[\s\S]*http:\/\/127\.0\.0\.1:3000\/api\/health/);
    expect(app).toMatch(/stop_grace_period: (30s|"30s"|30)/);
  });

  it('refuses to run the app without a session secret', () => {
    const r = compose(['config'], {});
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/NEXTAUTH_SECRET/);
  });
});

describe('the production image ships no known password', () => {
  it('runs in production mode, so an empty database gets no demo users', async () => {
    const { readFileSync } = await import('node:fs');
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ENV NODE_ENV=production\b/m);
    const r = compose(['config'], { NEXTAUTH_SECRET: 'test-secret' });
    expect(r.status).toBe(0);
    // compose prints quoted or bare values depending on its version
    expect(r.stdout).toMatch(/KEYSTONE_DEMO: ["']?0["']?\n/);
  });
});

describe('nightly backups', () => {
  it('a backup service writes to its own volume and keeps archives at least 6 months', () => {
    const r = compose(['config'], { NEXTAUTH_SECRET: 'test-secret' });
    expect(r.status).toBe(0);
    const service = r.stdout.slice(r.stdout.indexOf('\n  backup:'));
    expect(service).toMatch(/scripts\/backup-loop\.sh/);
    // compose v2 prints the long form, v1 the short one
    expect(service).toMatch(/target: \/backups|backups:\/backups/);
    const keep = Number(/KEYSTONE_BACKUP_KEEP_DAYS: ["']?(\d+)/.exec(service)?.[1]);
    expect(keep).toBeGreaterThanOrEqual(183);
  }, 30_000);
});

describe('attachments', () => {
  it('keeps the disk store on a volume of its own, and offers MinIO only with the s3 profile', () => {
    const plain = compose(['config'], { NEXTAUTH_SECRET: 'test-secret' });
    expect(plain.status).toBe(0);
    const app = plain.stdout.slice(plain.stdout.indexOf('\n  app:'), plain.stdout.indexOf('\n  backup:'));
    expect(app).toMatch(/target: \/app\/\.data\/attachments|attachments:\/app\/\.data\/attachments/);
    // `config` lists every service; `up` starts the minio ones only with --profile s3
    const minio = plain.stdout.slice(plain.stdout.indexOf('\n  minio:'));
    expect(minio).toMatch(/profiles:\s*\n?\s*- s3|profiles: \[s3\]/);
    const s3 = compose(['--profile', 's3', 'config'], {
      NEXTAUTH_SECRET: 'test-secret',
      KEYSTONE_S3_BUCKET: 'keystone',
    });
    expect(s3.status).toBe(0);
    expect(s3.stdout).toMatch(/\n {2}minio:/);
    expect(s3.stdout).toMatch(/KEYSTONE_S3_BUCKET: ["']?keystone["']?\n/);
  }, 30_000);
});
