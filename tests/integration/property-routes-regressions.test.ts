/**
 * What the generated hostile requests of property-routes.test.ts found, kept as plain stories: requests that
 * answered with a server error before, and text stored before the text rule existed that no spreadsheet can hold.
 */
import ExcelJS from 'exceljs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actorOf } from '../helpers/actors';
import { Fingerprint } from '../helpers/property-fingerprint';
import {
  answer,
  credentialsCheck,
  issueReadToken,
  loadRoutes,
  params,
  publishedBulletin,
  type Call,
  type Routes,
} from '../helpers/route-calls';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/lib/auth/session', () => ({ getActor: vi.fn() }));

let t: TestDatabase;
let getActor: ReturnType<typeof vi.fn>;
let token: string;
let mod: Routes;

const bearer = (url: string) => new Request(url, { headers: { authorization: `Bearer ${token}` } });
/** The session routes' requests come from the bureau. */
const asBureau = async () => getActor.mockResolvedValue(await actorOf(t.db, 'bureau'));

beforeAll(async () => {
  t = await createTestDatabase('seeded', { app: true });
  getActor = vi.mocked((await import('@/lib/auth/session')).getActor);
  mod = await loadRoutes();
  token = await issueReadToken(t.db);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe('a text no spreadsheet can hold, stored before the text rule existed', () => {
  it('leaves the exported project list and bulletin readable, the text kept without those characters', async () => {
    const project = await t.db.project.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await t.db.project.update({ where: { id: project.id }, data: { name: '旧数据\uFFFE项目\u0001名称\uFFFF' } });
    await publishedBulletin(t.db, await actorOf(t.db, 'bureau'), 3, '旧通报\uFFFE标题', '正文\u0001一段');
    await asBureau();

    const exported = await answer(
      await mod.exportRoute.GET(new NextRequest('http://localhost/api/projects/export?year=2025')),
    );
    expect(exported.status).toBe(200);
    const workbook = await new ExcelJS.Workbook().xlsx.load(exported.body as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('旧数据项目名称');

    const bulletin = await answer(
      await mod.bulletinXlsx.GET(
        new NextRequest('http://localhost/api/bulletins/2025/3/xlsx'),
        params({ year: '2025', month: '3' }),
      ),
    );
    expect(bulletin.status).toBe(200);
    const book = await new ExcelJS.Workbook().xlsx.load(bulletin.body as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain('旧通报标题');
    expect(cells.some((c) => c.includes('正文一段'))).toBe(true);
  });
});

describe('the requests that answered with a server error before', () => {
  const json = (call: Call) =>
    JSON.parse(call.body.toString('utf8')) as { code?: string; error?: { details?: { parameter: string }[] } };

  it('?__proto__=1 and ?constructor=1 are unknown parameters: the API answers 400 naming them, the export ignores them', async () => {
    for (const name of ['__proto__', 'constructor']) {
      const api = await answer(await mod.projects.GET(bearer(`http://localhost/api/v1/projects?${name}=1`), undefined));
      expect(api.status).toBe(400);
      expect(json(api).error?.details?.map((d) => d.parameter)).toEqual([name]);
      const rollup = await answer(
        await mod.rollup.GET(
          bearer(`http://localhost/api/v1/plan-years/2025/rollup?${name}=1`),
          params({ year: '2025' }),
        ),
      );
      expect(rollup.status).toBe(400);
      await asBureau();
      const exported = await answer(
        await mod.exportRoute.GET(new NextRequest(`http://localhost/api/projects/export?year=2025&${name}=1`)),
      );
      expect(exported.status).toBe(200);
    }
  });

  it('a NUL or U+FFFE in ?q= or ?area= is a 400 naming the parameter, from the API and from the export', async () => {
    await asBureau();
    for (const [name, value] of [
      ['q', '%00'],
      ['area', '%EF%BF%BE'],
      ['q', 'a%ED%A0%80'],
    ] as const) {
      const api = await answer(
        await mod.projects.GET(bearer(`http://localhost/api/v1/projects?${name}=${value}`), undefined),
      );
      const exported = await answer(
        await mod.exportRoute.GET(new NextRequest(`http://localhost/api/projects/export?year=2025&${name}=${value}`)),
      );
      if (value === 'a%ED%A0%80') {
        // bad UTF-8 is decoded to U+FFFD, an ordinary character: a search that finds nothing
        expect([api.status, exported.status]).toEqual([200, 200]);
        continue;
      }
      expect(api.status).toBe(400);
      expect(json(api).error?.details?.map((d) => d.parameter)).toEqual([name]);
      expect(exported.status).toBe(400);
      expect(json(exported).code).toBe('VALIDATION');
    }
  });

  it('a sign-in with a NUL in the username is refused before the database is asked', async () => {
    const authorize = credentialsCheck(mod);
    const fingerprint = new Fingerprint(t.db);
    await fingerprint.start();
    await expect(authorize({ username: 'zjw\u0000', password: 'Keystone@2025' }, { headers: {} })).resolves.toBeNull();
    expect((await fingerprint.settle()).changed).toBe(false);
  });
});
