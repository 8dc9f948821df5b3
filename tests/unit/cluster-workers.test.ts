import { describe, expect, it } from 'vitest';
import { MAX_WORKERS, workerCount, workerId } from '../../scripts/lib/cluster-primary.mjs';

describe('workerCount (how many processes `npm start` serves with)', () => {
  it('is one per core by default', () => {
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({ WEB_CONCURRENCY: ' ' }, 8)).toBe(8);
    expect(workerCount({}, 500)).toBe(MAX_WORKERS);
  });

  it('is WEB_CONCURRENCY when set, 1 meaning one process without a cluster', () => {
    expect(workerCount({ WEB_CONCURRENCY: '1' }, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: '6' }, 2)).toBe(6);
  });

  it('refuses a WEB_CONCURRENCY that is not a whole number from 1 to 64', () => {
    for (const bad of ['0', '-2', '1.5', 'four', '65'])
      expect(() => workerCount({ WEB_CONCURRENCY: bad }, 2)).toThrow(/WEB_CONCURRENCY must be a whole number/);
  });
});

describe('workerId (the `worker` field of every log line)', () => {
  it('is the worker number the primary gave, else none', () => {
    expect(workerId({ KEYSTONE_WORKER: '3' })).toBe(3);
    expect(workerId({})).toBeNull();
    expect(workerId({ KEYSTONE_WORKER: 'x' })).toBeNull();
  });
});
