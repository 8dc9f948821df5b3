/**
 * Faults that lose nothing (issue 16, item 3): the app process is SIGKILLed while it holds a write's transaction open
 * (its rows written, waiting for the audit chain the test holds: tests/helpers/fault-scenarios.ts, holdAuditChain). PostgreSQL rolls the transaction back when the connection drops, so
 * each write is wholly there or wholly absent; a new process (what the supervisor of `npm start` starts) retries
 * it, and it succeeds exactly once.
 *
 * The app process is tests/helpers/fault-driver.ts running the real server actions, not `next start` over HTTP: a
 * server action is reached over HTTP only through the build's action ids with a signed session, and the integration
 * tier has no production build. What dies is the same: the Node process holding the pool and the open transaction.
 * Sizes: FAULT_APPROVALS (400), FAULT_DRAFTS (20). (The import's case is not here yet: see fault-database-kill.test.ts.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/postgres';
import { startFaultServer, waitFor, type FaultServer } from '../helpers/fault-server';
import {
  auditedSince,
  holdAuditChain,
  integrityOf,
  lastAuditRowId,
  prepareApprovalBatch,
  prepareDraftBatch,
  withClient,
  waitingOnAuditChain,
  writingNow,
} from '../helpers/fault-scenarios';

const APPROVALS = Number(process.env.FAULT_APPROVALS) || 400;
const DRAFTS = Number(process.env.FAULT_DRAFTS) || 20;

let server: FaultServer;
let dir: string;
beforeAll(async () => {
  server = await startFaultServer('app-kill');
  dir = mkdtempSync(path.join(tmpdir(), 'keystone-app-kill-'));
});
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Said = { result?: { ok: boolean; code?: string; data?: unknown }; reportId?: number; checked?: number };

/** Starts the app process on one operation; `lines` fills as it answers. */
function startApp(url: string, op: string, input: unknown, username: string) {
  const file = path.join(dir, `${op}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(input));
  // node itself, not the tsx launcher: SIGKILL must reach the process that holds the transaction
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './scripts/bench/register.mjs',
      'tests/helpers/fault-driver.ts',
      op,
      file,
      username,
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: Said[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const part of parts) if (part.startsWith('{')) lines.push(JSON.parse(part) as Said);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    // 'close': its output is read to the end too
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    lines,
    /** runs to the end and returns what it said; fails with its stderr if it crashed */
    async finished() {
      const { code } = await exited;
      if (code !== 0) throw new Error(`the app process failed (${code}): ${stderr}`);
      return lines;
    },
    /**
     * Once `ready` holds, stops the next audited write at the audit chain with its other rows written
     * (holdAuditChain), SIGKILLs the process while it waits there, lets the chain go, and waits until PostgreSQL has
     * ended the dead process's transaction.
     */
    async killMidWrite(ready: (watcher: pg.Client) => Promise<boolean> = async () => true) {
      await withClient(url, async (w) => {
        // a process that died or stalled before the moment says why in the failure, not only "timed out"
        await waitFor('the moment to stop the write', () => ready(w)).catch((error: Error) => {
          throw new Error(`${error.message}; the app process said: ${JSON.stringify(lines)} ${stderr}`);
        });
        await holdAuditChain(w);
        await waitFor('the write to wait at the audit chain', () => waitingOnAuditChain(w));
        child.kill('SIGKILL');
        expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
        await w.query('ROLLBACK');
        await waitFor('PostgreSQL to roll back the dead process’s transaction', async () => !(await writingNow(w)));
      });
    },
  };
}

describe('the app process killed in the middle of a write', () => {
  it(`a batch of ${DRAFTS} draft saves: the answered ones kept, the one in flight absent; a new process saves the rest once`, async () => {
    const url = await server.newDatabase('drafts');
    const batch = await withClient(url, (c) => prepareDraftBatch(c, DRAFTS));
    const input = { ...batch, progressText: '进程被杀前填写' };
    const since = await withClient(url, lastAuditRowId);
    const before = await withClient(url, integrityOf);
    const app = startApp(url, 'drafts', input, batch.username);
    const killAfter = Math.floor(DRAFTS / 3);
    await app.killMidWrite(async (w) => (await auditedSince(w, 'report.saveDraft', since)).length >= killAfter);

    const answered = app.lines.filter((l) => l.result?.ok).map((l) => String(l.reportId));
    expect(answered.length).toBeGreaterThanOrEqual(killAfter);
    expect(answered.length).toBeLessThan(DRAFTS);
    // exactly the answered saves are there: the one in flight left nothing
    expect((await withClient(url, (c) => auditedSince(c, 'report.saveDraft', since))).sort()).toEqual(answered.sort());
    expect(await withClient(url, integrityOf)).toEqual({
      chainOk: true,
      auditRows: before.auditRows + answered.length,
      figuresVersion: before.figuresVersion + answered.length,
    });

    const rest = { ...input, items: batch.items.filter((i) => !answered.includes(String(i.reportId))) };
    const retried = await startApp(url, 'drafts', rest, batch.username).finished();
    expect(retried.map((l) => l.result?.ok)).toEqual(rest.items.map(() => true));
    const again = await startApp(url, 'drafts', rest, batch.username).finished();
    expect(again.map((l) => l.result?.code)).toEqual(rest.items.map(() => 'CONFLICT'));
    expect((await withClient(url, (c) => auditedSince(c, 'report.saveDraft', since))).sort()).toEqual(
      batch.items.map((i) => String(i.reportId)).sort(),
    );
    expect(await withClient(url, integrityOf)).toMatchObject({
      chainOk: true,
      figuresVersion: before.figuresVersion + DRAFTS,
    });
  });

  it(`a bulk approval of ${APPROVALS} reports: none approved; a new process approves all once`, async () => {
    const url = await server.newDatabase('approve');
    const batch = await withClient(url, (c) => prepareApprovalBatch(c, APPROVALS, []));
    const since = await withClient(url, lastAuditRowId);
    const before = await withClient(url, integrityOf);
    const app = startApp(url, 'approve', batch, 'bureau');
    await app.killMidWrite();
    expect(app.lines).toEqual([]); // no answer reached the caller
    expect(await withClient(url, (c) => auditedSince(c, 'report.approve', since))).toEqual([]);
    expect(await withClient(url, integrityOf)).toEqual(before);

    const [retry] = await startApp(url, 'approve', batch, 'bureau').finished();
    expect(retry?.result).toMatchObject({ ok: true });
    const [again] = await startApp(url, 'approve', batch, 'bureau').finished();
    expect(again?.result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await withClient(url, (c) => auditedSince(c, 'report.approve', since))).length).toBe(APPROVALS);
    expect(await withClient(url, integrityOf)).toEqual({
      chainOk: true,
      auditRows: before.auditRows + APPROVALS,
      figuresVersion: before.figuresVersion + 1,
    });
  });
});
