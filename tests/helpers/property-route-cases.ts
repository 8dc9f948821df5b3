/**
 * The cases of tests/integration/property-routes.test.ts: for each API route handler, the hostile requests to
 * generate and how to call the handler with one. This file has the reading routes (the JSON API, the downloads,
 * the files); ./property-upload-cases.ts the two that take a file. The test owns the world they run in (the
 * seeded database, the roles' sessions, the read token), filled in its beforeAll and read by each call.
 */
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import type { Role } from '@/generated/prisma/enums';
import type { SessionActor } from '@/lib/auth/session';
import { KNOWN_LIST_PARAMS } from '@/lib/validations/api';
import { KNOWN_PROBLEM_LIST_PARAMS } from '@/lib/validations/api-problems';
import { PBT_RUNS } from './property-inputs';
import { pathSegment, queryAround } from './property-requests';
import { answer, params, type Call, type Routes } from './route-calls';

export type RouteCase = { arbitrary: fc.Arbitrary<unknown>; call: (input: never) => Promise<Call>; runs?: number };

/** What the cases read when they run: set by the test before the first call. */
export interface RouteWorld {
  mod: Routes;
  /** an API read token (Bearer) */
  token: string;
  actors: Map<Role, SessionActor>;
  /** makes a session route's next request come from this role, or from nobody */
  asRole(r: Role | null): Promise<void>;
  /** the bodies an upload is tried with, by name (photo, html, empty, bomb) */
  uploads: Map<string, Buffer>;
  /** the department's own draft report, which an upload may go to */
  ownDraftId: number;
}

/** The attachment the seeded database gets first (a fresh database's first row), served by the route. */
export const ATTACHMENT_ID = 1;

export const role = fc.constantFrom<Role | null>('ADMIN', 'BUREAU', 'DEPARTMENT', 'LEADER', null);

export const SAMPLES: Record<string, readonly string[]> = {
  year: ['2025', '2024', '1999', '20250'],
  page: ['1', '2', '0', '100001'],
  pageSize: ['20', '200', '201'],
  size: ['20', '50', '7'],
  sort: ['rate', 'name', 'nope', 'daysOverdue'],
  dir: ['asc', 'desc', 'up'],
  q: ['重庆', '轨道', 'YZ'],
  stage: ['NEW_START', 'PRELIMINARY,ONGOING', 'x'],
  investor: ['CITY', 'SOCIAL'],
  direction: ['INFRASTRUCTURE'],
  department: ['1', '2,3', 'x'],
  dept: ['1', '2'],
  area: ['解放碑', '化龙桥,朝天门'],
  warning: ['red', 'yellow,none'],
  month: ['1', '10', '12', '13', '0'],
  basis: ['approved', 'submitted', 'both'],
  // the problem ledger's (问题台账) filters
  status: ['CLOSED', 'PENDING,IN_PROGRESS', 'OPEN'],
  category: ['1', '2,3', 'x'],
  level: ['SUPERVISED', 'KEY,NORMAL', 'HIGH'],
  lead: ['1', '2,3'],
  leader: ['1', 'x'],
  project: ['1', '2'],
  raisedBy: ['1', '3'],
  overdue: ['true', 'false', '1'],
};

/** The reading routes' cases. */
export function readRouteCases(w: RouteWorld): Record<string, RouteCase> {
  const bearer = (url: string) => new Request(url, { headers: { authorization: `Bearer ${w.token}` } });
  return {
    'GET /api/v1/openapi.json': {
      arbitrary: queryAround(['x']),
      call: async () => answer(await w.mod.openapi.GET()),
    },
    // no session, no input: what it answers is tests/integration/health.test.ts's; here, that it writes nothing
    'GET /api/health': {
      runs: Math.max(1, Math.ceil(PBT_RUNS / 10)),
      arbitrary: queryAround(['x']),
      call: async () => answer(await w.mod.health.GET()),
    },
    'GET /api/v1/plan-years/[year]/rollup': {
      arbitrary: fc.tuple(pathSegment('2025'), queryAround(['month', 'basis'], SAMPLES)),
      call: async ([year, q]: [string, string]) =>
        answer(await w.mod.rollup.GET(bearer(`http://localhost/api/v1/plan-years/x/rollup?${q}`), params({ year }))),
    },
    'GET /api/v1/plan-years/[year]/indicators': {
      arbitrary: fc.tuple(pathSegment('2025', '2031'), queryAround(['x'], SAMPLES)),
      call: async ([year, q]: [string, string]) =>
        answer(
          await w.mod.indicators.GET(bearer(`http://localhost/api/v1/plan-years/x/indicators?${q}`), params({ year })),
        ),
    },
    'GET /api/v1/projects': {
      arbitrary: queryAround(KNOWN_LIST_PARAMS, SAMPLES),
      call: async (q: string) =>
        answer(await w.mod.projects.GET(bearer(`http://localhost/api/v1/projects?${q}`), undefined)),
    },
    'GET /api/v1/projects/[code]': {
      arbitrary: fc.tuple(pathSegment('YZ2025-0001', 'YZ2025-0100', 'yz2025-0001'), queryAround(['year'], SAMPLES)),
      call: async ([code, q]: [string, string]) =>
        answer(await w.mod.project.GET(bearer(`http://localhost/api/v1/projects/x?${q}`), params({ code }))),
    },
    'GET /api/v1/problems': {
      arbitrary: queryAround(KNOWN_PROBLEM_LIST_PARAMS, SAMPLES),
      call: async (q: string) =>
        answer(await w.mod.problems.GET(bearer(`http://localhost/api/v1/problems?${q}`), undefined)),
    },
    'GET /api/v1/problems/[number]': {
      arbitrary: fc.tuple(pathSegment('2025-1', '渝中协〔2025〕1号', '2025-99'), queryAround(['x'], SAMPLES)),
      call: async ([number, q]: [string, string]) =>
        answer(await w.mod.problem.GET(bearer(`http://localhost/api/v1/problems/x?${q}`), params({ number }))),
    },
    'GET /api/problems/export': {
      runs: Math.max(1, Math.ceil(PBT_RUNS / 5)),
      arbitrary: fc.tuple(
        role,
        queryAround(
          [...KNOWN_PROBLEM_LIST_PARAMS.filter((p) => p !== 'pageSize' && p !== 'page'), 'size', 'hide'],
          SAMPLES,
        ),
      ),
      call: async ([r, q]: [Role | null, string]) => {
        await w.asRole(r);
        return answer(await w.mod.problemExport.GET(new NextRequest(`http://localhost/api/problems/export?${q}`)));
      },
    },
    // a download builds a whole workbook for each accepted request: a fifth of the runs keeps the file within its time
    'GET /api/projects/export': {
      runs: Math.max(1, Math.ceil(PBT_RUNS / 5)),
      arbitrary: fc.tuple(
        role,
        queryAround(
          [...KNOWN_LIST_PARAMS.filter((p) => p !== 'department' && p !== 'pageSize'), 'dept', 'size', 'hide'],
          SAMPLES,
        ),
      ),
      call: async ([r, q]: [Role | null, string]) => {
        await w.asRole(r);
        return answer(await w.mod.exportRoute.GET(new NextRequest(`http://localhost/api/projects/export?${q}`)));
      },
    },
    'GET /api/projects/template': {
      arbitrary: fc.tuple(role, queryAround(['year'], SAMPLES)),
      call: async ([r, q]: [Role | null, string]) => {
        await w.asRole(r);
        return answer(await w.mod.template.GET(new NextRequest(`http://localhost/api/projects/template?${q}`)));
      },
    },
    'GET /api/reports/month-sheet': {
      runs: Math.max(1, Math.ceil(PBT_RUNS / 5)),
      arbitrary: fc.tuple(role, queryAround(['year', 'month'], SAMPLES)),
      call: async ([r, q]: [Role | null, string]) => {
        await w.asRole(r);
        return answer(await w.mod.monthSheet.GET(new NextRequest(`http://localhost/api/reports/month-sheet?${q}`)));
      },
    },
    'GET /api/bulletins/[year]/[month]/xlsx': {
      arbitrary: fc.tuple(
        role,
        pathSegment('2025'),
        pathSegment('9', '09', '3'),
        fc.constantFrom('zh-CN', 'en', '\u0000', '__proto__'),
      ),
      call: async ([r, year, month, locale]: [Role | null, string, string, string]) => {
        await w.asRole(r);
        const request = new NextRequest('http://localhost/api/bulletins/x/x/xlsx', {
          headers: { cookie: `NEXT_LOCALE=${encodeURIComponent(locale)}` },
        });
        return answer(await w.mod.bulletinXlsx.GET(request, params({ year, month })));
      },
    },
    // the annual report's .docx: the bureau's and the admin's; builds the whole document for each accepted request
    'GET /api/plan-years/[year]/annual-report': {
      runs: Math.max(1, Math.ceil(PBT_RUNS / 5)),
      arbitrary: fc.tuple(role, pathSegment('2025', '2026', '1999', '20250')),
      call: async ([r, year]: [Role | null, string]) => {
        await w.asRole(r);
        const request = new NextRequest('http://localhost/api/plan-years/x/annual-report');
        return answer(await w.mod.annualReport.GET(request, params({ year })));
      },
    },
    // a file is served only after its record's check; ids of the department's own photo, another's and none
    'GET /api/attachments/[id]/[variant]': {
      arbitrary: fc.tuple(
        role,
        pathSegment(String(ATTACHMENT_ID), '1', '99999999999'),
        pathSegment('display', 'thumbnail', 'original'),
      ),
      call: async ([r, id, variant]: [Role | null, string, string]) => {
        await w.asRole(r);
        return answer(
          await w.mod.attachment.GET(new NextRequest('http://localhost/api/attachments/x/x'), params({ id, variant })),
        );
      },
    },
    // a project's photos by month (the lightbox's steps), under the list's own rule: own project, another's, none
    'GET /api/projects/[id]/attachments': {
      arbitrary: fc.tuple(role, pathSegment('1', '2', '60', '99999999999'), queryAround(['year'], SAMPLES)),
      call: async ([r, id, q]: [Role | null, string, string]) => {
        await w.asRole(r);
        return answer(
          await w.mod.projectAttachments.GET(
            new NextRequest(`http://localhost/api/projects/x/attachments?${q}`),
            params({ id }),
          ),
        );
      },
    },
  };
}
