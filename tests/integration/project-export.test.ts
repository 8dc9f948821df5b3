/**
 * The 调度表 export is "the current filtered list": the download route, given the list's own query string, answers
 * with exactly the rows the list shows for it, in the same order, every filter (the warning level included) and
 * the sort applied. The session is mocked; the route, the list and the export run against a seeded database.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionActor } from '@/lib/auth/session';
import { parseProjectSheet, readGrid } from '@/lib/domain/project-sheet';
import type { ProjectListItem } from '@/lib/server/projects/list-projects';
import { DEFAULT_PROJECT_LIST_PARAMS, projectListSearch, type ProjectListParams } from '@/lib/validations/project-list';
import { actorOf } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/session', () => ({ getActor: vi.fn() }));

let t: TestDatabase;
let route: typeof import('@/app/api/projects/export/route');
let list: typeof import('@/lib/server/projects/list-projects');
let getActor: typeof import('@/lib/auth/session').getActor;

/** Every row of the list for these parameters, page after page, as the list page would show them. */
async function listedRows(actor: SessionActor, params: ProjectListParams): Promise<ProjectListItem[]> {
  const rows: ProjectListItem[] = [];
  for (let page = 1; ; page++) {
    const result = await list.listProjects(t.db, actor, { ...params, year: 2025, page, pageSize: 200 });
    if (!result) throw new Error('no 2025 plan year');
    rows.push(...result.items);
    if (rows.length >= result.total) return rows;
  }
}

/** The export route's rows for the list's query string. */
async function exportedRows(actor: SessionActor, params: ProjectListParams) {
  vi.mocked(getActor).mockResolvedValue(actor);
  const response = await route.GET(
    new NextRequest(`http://localhost/api/projects/export${projectListSearch(params, { year: '2025' })}`),
  );
  expect(response.status).toBe(200);
  const sheet = parseProjectSheet(readGrid(new Uint8Array(await response.arrayBuffer()), 'xlsx'));
  expect(sheet.issues).toEqual([]);
  return sheet.rows;
}

const shape = (rows: ProjectListItem[]) =>
  rows.map((r) => [r.code, r.name, r.departmentName, r.stage, r.totalInvestment, r.annualPlan]);

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  route = await import('@/app/api/projects/export/route');
  list = await import('@/lib/server/projects/list-projects');
  getActor = (await import('@/lib/auth/session')).getActor;
});

afterAll(async () => t?.drop());

describe('GET /api/projects/export', () => {
  it('answers with the list’s rows, in its order, for a filter by warning level, stage and a sort', async () => {
    const bureau = await actorOf(t.db, 'bureau');
    const params: ProjectListParams = {
      ...DEFAULT_PROJECT_LIST_PARAMS,
      stages: ['ONGOING', 'NEW_START'],
      warnings: ['red', 'yellow'],
      sort: 'name',
      dir: 'desc',
    };
    const listed = await listedRows(bureau, params);
    // the warning filter really narrows the list, so an export ignoring it could not pass
    const unwarned = await listedRows(bureau, { ...params, warnings: [] });
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(unwarned.length);
    expect(listed.every((r) => r.warning !== 'none')).toBe(true);

    const exported = await exportedRows(bureau, params);
    expect(exported.map((r) => [r.code, r.name, r.department, r.stage, r.totalInvestment, r.annualPlan])).toEqual(
      shape(listed),
    );
  });

  it('applies the search, investor, direction and area filters as the list does', async () => {
    const bureau = await actorOf(t.db, 'bureau');
    const sample = (await listedRows(bureau, { ...DEFAULT_PROJECT_LIST_PARAMS, stages: ['NEW_START'] })).find(
      (r) => r.area,
    );
    if (!sample) throw new Error('no seeded 新开工 project with an area');
    const params: ProjectListParams = {
      ...DEFAULT_PROJECT_LIST_PARAMS,
      investorTypes: [sample.investorType],
      directions: [sample.direction],
      areas: [sample.area],
      // the list searches name and code case-insensitively
      q: sample.code.slice(0, 3).toLowerCase(),
    };
    const listed = await listedRows(bureau, params);
    expect(listed.map((r) => r.code)).toContain(sample.code);
    const exported = await exportedRows(bureau, params);
    expect(exported.map((r) => [r.code, r.name, r.department, r.stage, r.totalInvestment, r.annualPlan])).toEqual(
      shape(listed),
    );
  });

  it('gives a department its own list only, as the list does, whatever department it asks for', async () => {
    const zjw = await actorOf(t.db, 'zjw');
    const own = await exportedRows(zjw, DEFAULT_PROJECT_LIST_PARAMS);
    expect(own.map((r) => r.code)).toEqual((await listedRows(zjw, DEFAULT_PROJECT_LIST_PARAMS)).map((r) => r.code));
    expect(new Set(own.map((r) => r.department))).toEqual(new Set([zjw.departmentName]));

    const other = await t.db.department.findFirstOrThrow({
      where: { id: { not: zjw.departmentId! } },
      select: { id: true },
    });
    const asked = { ...DEFAULT_PROJECT_LIST_PARAMS, departmentIds: [other.id] };
    expect(await listedRows(zjw, asked)).toEqual([]);
    expect(await exportedRows(zjw, asked)).toEqual([]);
  });
});
