/**
 * e2e only: gives a department's project site photos in its two latest months, through the server's own upload
 * functions (the record check, prepareUpload's re-encoding with sharp, attachToReport in a write context), into
 * the object store the app under test reads (the same working directory and environment). The reports go back to
 * the state they were in, so the review queue shows them as the seed left them.
 *
 *   tsx --conditions=react-server e2e/seed-evidence.ts <database url> <username>
 *
 * Prints { projectId, code, name, year, months: [{ month, reportId, status, ids }] } as JSON.
 */
import { createPrismaClient } from '../lib/prisma';
import { CAMERA_EXIF, minimalPdf, photo } from '../tests/helpers/attachment-fixtures';
import { uploadToReport } from '../tests/helpers/attachments';

const [url, username] = process.argv.slice(2);
if (!url || !username) {
  console.error('usage: seed-evidence.ts <database url> <username>');
  process.exit(2);
}
const db = createPrismaClient(url);
try {
  // the user as a session shows them (tests/helpers/actors.ts needs vitest's mocks, which a script has not)
  const actor = await db.user.findUniqueOrThrow({
    where: { username },
    select: { id: true, username: true, displayName: true, role: true, departmentId: true },
  });
  const plan = await db.projectPlan.findFirstOrThrow({
    where: {
      planYear: { status: 'ACTIVE' },
      stage: { not: 'PRELIMINARY' },
      project: { departmentId: actor.departmentId! },
      reports: { some: { month: { gt: 1 } } },
    },
    select: {
      planYear: { select: { year: true } },
      project: { select: { id: true, code: true, name: true } },
      reports: { select: { id: true, month: true, status: true }, orderBy: { month: 'desc' }, take: 2 },
    },
    orderBy: { id: 'asc' },
  });
  const months = [];
  for (const [i, report] of [...plan.reports].reverse().entries()) {
    await db.monthlyReport.update({ where: { id: report.id }, data: { status: 'DRAFT' } });
    const files: [Uint8Array, string][] =
      i === 0
        ? [[await photo({ width: 160, height: 120, exif: CAMERA_EXIF }), '基础施工.jpg']]
        : [
            [await photo({ width: 161, height: 120, exif: CAMERA_EXIF }), '主体结构封顶.jpg'],
            [await photo({ width: 162, height: 120 }), '塔吊拆除.jpg'],
            [minimalPdf(), '验收记录.pdf'],
          ];
    const ids = [];
    for (const [bytes, name] of files) ids.push((await uploadToReport(db, actor, report.id, bytes, name)).id);
    await db.monthlyReport.update({ where: { id: report.id }, data: { status: report.status } });
    months.push({ month: report.month, reportId: report.id, status: report.status, ids });
  }
  console.log(JSON.stringify({ ...plan.project, projectId: plan.project.id, year: plan.planYear.year, months }));
} finally {
  await db.$disconnect();
}
