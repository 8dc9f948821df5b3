/**
 * The bureau sets a plan year's pace-warning lines; the dashboard's warnings follow them at once, and refused
 * input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { signIn } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let actions: typeof import('@/lib/actions/warnings');
let figures: typeof import('@/lib/server/dashboard/get-project-figures');

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  actions = await import('@/lib/actions/warnings');
  figures = await import('@/lib/server/dashboard/get-project-figures');
}, 120_000);

afterAll(async () => {
  await t.drop();
});

const paceLevels = async (actor: Actor) =>
  (await figures.getProjectFigures(t.db, actor, { year: 2025, month: 10, basis: 'approved', today: '2025-11-01' })).map(
    (p) => p.warnings.find((w) => w.rule === 'paceBehind')?.level ?? 'none',
  );

describe('setWarningThresholds', () => {
  it('lets the bureau move the lines, audited, and the pace warnings follow', async () => {
    const bureau = await signIn(t.db, 'bureau');
    const before = await paceLevels(bureau);
    const redBefore = before.filter((l) => l === 'red').length;

    const result = await actions.setWarningThresholds({ year: 2025, yellowPoints: '５', redPoints: '15' });
    expect(result).toEqual({ ok: true, data: { yellowPoints: '5.00', redPoints: '15.00' } });
    const year = await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
    expect([year.paceYellowPoints.toFixed(2), year.paceRedPoints.toFixed(2)]).toEqual(['5.00', '15.00']);
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: 'planYear.setWarningThresholds' },
      orderBy: { id: 'desc' },
    });
    expect(audit.before).toEqual({ paceYellowPoints: '10', paceRedPoints: '30' });
    expect(audit.after).toEqual({ paceYellowPoints: '5', paceRedPoints: '15' });

    const after = await paceLevels(bureau);
    expect(after.filter((l) => l === 'red').length).toBeGreaterThan(redBefore);
    expect(after.filter((l) => l !== 'none').length).toBeGreaterThanOrEqual(before.filter((l) => l !== 'none').length);
  });

  it('refuses a red line below the yellow one, or a nonsense figure, in Chinese, and changes nothing', async () => {
    await signIn(t.db, 'bureau');
    const year = await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } });
    const auditCount = await t.db.auditLog.count();
    const below = await actions.setWarningThresholds({ year: 2025, yellowPoints: '20', redPoints: '10' });
    expect(below).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { redPoints: ['红色预警线不能低于黄色预警线'] },
    });
    const nonsense = await actions.setWarningThresholds({ year: 2025, yellowPoints: 'abc', redPoints: '-3' });
    expect(nonsense).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await t.db.planYear.findUniqueOrThrow({ where: { year: 2025 } })).toEqual(year);
    expect(await t.db.auditLog.count()).toBe(auditCount);
  });

  it.each(['leader', 'zjw'])('is not for %s', async (username) => {
    await signIn(t.db, username);
    const result = await actions.setWarningThresholds({ year: 2025, yellowPoints: '1', redPoints: '2' });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('answers an unknown plan year as not found', async () => {
    await signIn(t.db, 'bureau');
    expect(await actions.setWarningThresholds({ year: 2031, yellowPoints: '10', redPoints: '30' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});
