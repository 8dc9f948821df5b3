/**
 * Where evidence shows, read-only: a project's photos month by month (the project page's timeline, the lightbox's
 * steps), a few per report in the review queue, a 前期 milestone's documents and one photo per project in the
 * bulletin's print view. Each under its record's rule: another department's never listed, removed files only to
 * the reviewers, in the order they were added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionActor } from '@/lib/auth/session';
import { listBulletinPhotos } from '@/lib/server/attachments/list-bulletin-photos';
import { listMilestoneDocuments } from '@/lib/server/attachments/list-milestone-documents';
import { listProjectAttachments } from '@/lib/server/attachments/list-project-attachments';
import { listReportAttachments, QUEUE_THUMBNAILS } from '@/lib/server/attachments/list-report-attachments';
import { NotFoundError } from '@/lib/server/errors';
import { actorOf } from '../helpers/actors';
import { CAMERA_EXIF, minimalPdf, photo } from '../helpers/attachment-fixtures';
import { removeAttachmentAs, uploadToMilestone, uploadToReport, useTempObjectStore } from '../helpers/attachments';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let t: TestDatabase;
let storage: Awaited<ReturnType<typeof useTempObjectStore>>;
let zjw: SessionActor;
let jtj: SessionActor;
let bureau: SessionActor;
let leader: SessionActor;
/** a zjw construction project with reports in October and November 2025 */
let project: { id: number; code: string };
let october: number;
let november: number;
let jtjReport: number;
/** upload order: October's two photos, November's photo, PDF and a removed photo */
const ids: Record<string, number> = {};

type Status = 'DRAFT' | 'SUBMITTED' | 'APPROVED';
const setStatus = (reportId: number, status: Status) =>
  t.db.monthlyReport.update({ where: { id: reportId }, data: { status } });

async function reportIn(projectId: number, month: number) {
  const report = await t.db.monthlyReport.findFirstOrThrow({
    where: { month, plan: { projectId, planYear: { year: 2025 } } },
  });
  return report.id;
}

beforeAll(async () => {
  t = await createTestDatabase('seeded');
  storage = await useTempObjectStore();
  zjw = await actorOf(t.db, 'zjw');
  jtj = await actorOf(t.db, 'jtj');
  bureau = await actorOf(t.db, 'bureau');
  leader = await actorOf(t.db, 'leader');
  const plan = await t.db.projectPlan.findFirstOrThrow({
    where: {
      planYear: { year: 2025 },
      stage: { not: 'PRELIMINARY' },
      project: { departmentId: zjw.departmentId! },
      AND: [{ reports: { some: { month: 10 } } }, { reports: { some: { month: 11 } } }],
    },
    select: { project: { select: { id: true, code: true } } },
    orderBy: { id: 'asc' },
  });
  project = plan.project;
  october = await reportIn(project.id, 10);
  november = await reportIn(project.id, 11);

  await setStatus(october, 'DRAFT');
  await setStatus(november, 'DRAFT');
  ids.oct1 = (await uploadToReport(t.db, zjw, october, await photo({ exif: CAMERA_EXIF }), '十月-1.jpg')).id;
  ids.oct2 = (await uploadToReport(t.db, zjw, october, await photo({ width: 41 }), '十月-2.jpg')).id;
  ids.nov1 = (await uploadToReport(t.db, zjw, november, await photo({ width: 42 }), '十一月.jpg')).id;
  ids.novPdf = (await uploadToReport(t.db, zjw, november, minimalPdf(), '验收记录.pdf')).id;
  ids.novRemoved = (await uploadToReport(t.db, zjw, november, await photo({ width: 43 }), '拍错了.jpg')).id;
  await removeAttachmentAs(t.db, zjw, ids.novRemoved);
  await setStatus(october, 'APPROVED');
  await setStatus(november, 'SUBMITTED');

  const other = await t.db.monthlyReport.findFirstOrThrow({
    where: { month: 11, plan: { project: { departmentId: jtj.departmentId! } } },
    orderBy: { id: 'asc' },
  });
  jtjReport = other.id;
  await setStatus(jtjReport, 'DRAFT');
  ids.jtj = (await uploadToReport(t.db, jtj, jtjReport, await photo({ width: 44 }), '交通.jpg')).id;
  await setStatus(jtjReport, 'APPROVED');
}, 180_000);

afterAll(async () => {
  await storage?.close();
  await t?.drop();
});

const idsOf = (months: Awaited<ReturnType<typeof listProjectAttachments>>) =>
  months.map((m) => [m.month, m.attachments.map((a) => a.id)]);

describe("a project's evidence by month", () => {
  it('lists the months in order, each file in the order added, with the capture time and whether it has a preview', async () => {
    const months = await listProjectAttachments(t.db, zjw, { projectId: project.id, year: 2025 });
    expect(idsOf(months)).toEqual([
      [10, [ids.oct1, ids.oct2]],
      [11, [ids.nov1, ids.novPdf]],
    ]);
    expect(months[0]).toMatchObject({ reportId: october, status: 'APPROVED' });
    expect(months[0]!.attachments[0]).toEqual({
      id: ids.oct1,
      kind: 'PHOTO',
      contentType: 'image/jpeg',
      originalName: '十月-1.jpg',
      size: expect.any(Number),
      capturedAt: '2025-11-20 10:11',
      hasPreview: true,
      reportId: october,
      milestoneId: null,
      removed: false,
    });
    expect(months[1]!.attachments[1]).toMatchObject({ kind: 'DOCUMENT', hasPreview: false, removed: false });
  });

  it('shows a removed photo to the bureau, marked, but not to the department or the leaders', async () => {
    const forBureau = await listProjectAttachments(t.db, bureau, { projectId: project.id, year: 2025 });
    expect(idsOf(forBureau)).toEqual([
      [10, [ids.oct1, ids.oct2]],
      [11, [ids.nov1, ids.novPdf, ids.novRemoved]],
    ]);
    expect(forBureau[1]!.attachments.map((a) => a.removed)).toEqual([false, false, true]);
    const forLeader = await listProjectAttachments(t.db, leader, { projectId: project.id, year: 2025 });
    expect(idsOf(forLeader)).toEqual(
      idsOf(await listProjectAttachments(t.db, zjw, { projectId: project.id, year: 2025 })),
    );
  });

  it("answers another department's project like a missing one, and a year without reports with nothing", async () => {
    await expect(listProjectAttachments(t.db, jtj, { projectId: project.id, year: 2025 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(listProjectAttachments(t.db, zjw, { projectId: 999_999, year: 2025 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await listProjectAttachments(t.db, zjw, { projectId: project.id, year: 1999 })).toEqual([]);
  });
});

describe('the review queue: a few per report', () => {
  it('answers each report with its count and first files; the bureau counts the removed one too', async () => {
    const forBureau = await listReportAttachments(t.db, bureau, { reportIds: [october, november, jtjReport] });
    expect(forBureau[october]).toMatchObject({ total: 2 });
    expect(forBureau[november]!.total).toBe(3);
    expect(forBureau[november]!.first.map((a) => [a.id, a.removed])).toEqual([
      [ids.nov1, false],
      [ids.novPdf, false],
      [ids.novRemoved, true],
    ]);
    expect(forBureau[jtjReport]!.first.map((a) => a.id)).toEqual([ids.jtj]);
  });

  it("leaves another department's report out, and the removed file out for the department", async () => {
    const forZjw = await listReportAttachments(t.db, zjw, { reportIds: [november, jtjReport] });
    expect(Object.keys(forZjw)).toEqual([String(november)]);
    expect(forZjw[november]!.total).toBe(2);
  });

  it(`shows at most ${QUEUE_THUMBNAILS} per report, and counts them all`, async () => {
    const plan = await t.db.projectPlan.findFirstOrThrow({
      where: { planYear: { year: 2025 }, project: { departmentId: zjw.departmentId!, id: { not: project.id } } },
      select: { reports: { where: { month: 11 }, select: { id: true } } },
    });
    const reportId = plan.reports[0]!.id;
    await setStatus(reportId, 'DRAFT');
    const added: number[] = [];
    for (let i = 0; i < QUEUE_THUMBNAILS + 2; i++)
      added.push((await uploadToReport(t.db, zjw, reportId, await photo({ width: 50 + i }), `${i}.jpg`)).id);
    const found = await listReportAttachments(t.db, bureau, { reportIds: [reportId] });
    expect(found[reportId]!.total).toBe(QUEUE_THUMBNAILS + 2);
    expect(found[reportId]!.first.map((a) => a.id)).toEqual(added.slice(0, QUEUE_THUMBNAILS));
  });
});

describe("a 前期 milestone's documents", () => {
  it("lists them by milestone to its department and the leaders, the removed one to the bureau only, and refuses another department's", async () => {
    const milestone = await t.db.preliminaryMilestone.findFirstOrThrow({
      where: { status: { not: 'DONE' }, project: { departmentId: zjw.departmentId! } },
      orderBy: { id: 'asc' },
    });
    const kept = (await uploadToMilestone(t.db, zjw, milestone.id, minimalPdf(), '立项批复.pdf')).id;
    const removed = (await uploadToMilestone(t.db, zjw, milestone.id, minimalPdf(), '旧版.pdf')).id;
    await removeAttachmentAs(t.db, zjw, removed);
    const input = { projectId: milestone.projectId };

    for (const actor of [zjw, leader])
      expect((await listMilestoneDocuments(t.db, actor, input))[milestone.kind]?.map((d) => d.id)).toEqual([kept]);
    const forBureau = await listMilestoneDocuments(t.db, bureau, input);
    expect(forBureau[milestone.kind]?.map((d) => [d.id, d.removed, d.originalName])).toEqual([
      [kept, false, '立项批复.pdf'],
      [removed, true, '旧版.pdf'],
    ]);
    await expect(listMilestoneDocuments(t.db, jtj, input)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the bulletin's photo per project", () => {
  it('takes the first photo of the most recent approved month up to the bulletin month', async () => {
    const codes = [project.code];
    // November is only submitted: October's first photo stands for the project
    expect(await listBulletinPhotos(t.db, leader, { year: 2025, month: 11, projectCodes: codes })).toEqual({
      [project.code]: { attachmentId: ids.oct1, month: 10, originalName: '十月-1.jpg', capturedAt: '2025-11-20 10:11' },
    });
    expect(await listBulletinPhotos(t.db, bureau, { year: 2025, month: 9, projectCodes: codes })).toEqual({});
  });

  it("gives a department its own projects' photos only", async () => {
    const jtjCode = (
      await t.db.project.findFirstOrThrow({
        where: { plans: { some: { reports: { some: { id: jtjReport } } } } },
      })
    ).code;
    const input = { year: 2025, month: 11, projectCodes: [project.code, jtjCode] };
    expect(Object.keys(await listBulletinPhotos(t.db, zjw, input))).toEqual([project.code]);
    expect(Object.keys(await listBulletinPhotos(t.db, jtj, input))).toEqual([jtjCode]);
    expect(Object.keys(await listBulletinPhotos(t.db, bureau, input)).sort()).toEqual([project.code, jtjCode].sort());
  });
});
