/**
 * Demo evidence (issue 18): a few site-photo-like JPEGs and one 前期 document, made here at seed time (nothing binary
 * in the repository) and put through the app's own upload path (`prepareUpload`: type check, re-encoding,
 * thumbnails, EXIF capture time) into the configured object store. Photos go on the approved months of a handful
 * of projects under construction, the document on one 前期 milestone.
 *
 * A separate step after `seedDatabase` (scripts/db-seed.ts, the demo first start): the seeded test template stays
 * without files, and a database that already has attachments is left alone, so running it again adds nothing.
 */
import sharp from 'sharp';
import type { Prisma } from '@/generated/prisma/client';
import { prepareUpload } from '@/lib/server/attachments/prepare-upload';
import type { Db } from '@/lib/prisma';

const PROJECTS = 4;
const MONTHS_PER_PROJECT = 2;

export interface DemoAttachmentResult {
  photos: number;
  documents: number;
}

export async function seedDemoAttachments(db: Db): Promise<DemoAttachmentResult | null> {
  if ((await db.attachment.count()) > 0) return null;
  const projects = await db.project.findMany({
    // the year departments report in: the closed 2024's months carry no photos
    where: {
      plans: {
        some: {
          planYear: { status: 'ACTIVE' },
          stage: { in: ['ONGOING', 'NEW_START'] },
          reports: { some: { status: 'APPROVED' } },
        },
      },
    },
    select: {
      name: true,
      departmentId: true,
      plans: {
        where: { planYear: { status: 'ACTIVE' } },
        select: {
          reports: {
            where: { status: 'APPROVED' },
            select: { id: true, month: true, percentComplete: true, submittedAt: true, submittedById: true },
            orderBy: { month: 'desc' },
            take: MONTHS_PER_PROJECT,
          },
        },
      },
    },
    orderBy: { code: 'asc' },
    take: PROJECTS,
  });

  const rows: Prisma.AttachmentCreateManyInput[] = [];
  for (const [p, project] of projects.entries()) {
    for (const report of project.plans.flatMap((plan) => plan.reports)) {
      const progress = Number(report.percentComplete ?? 40 + report.month * 4);
      const bytes = await sitePhoto(project.name, report.month, progress, p);
      const upload = await prepareUpload(bytes, `现场照片-${report.month}月.jpg`, {
        keepLocation: false,
        now: new Date(),
      });
      const { location: _none, ...fields } = upload;
      rows.push({
        ...fields,
        reportId: report.id,
        uploadedById: report.submittedById,
        uploadedAt: report.submittedAt ?? undefined,
      });
    }
  }

  const milestone = await db.preliminaryMilestone.findFirst({
    where: { status: 'DONE' },
    select: { id: true, project: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
  if (milestone) {
    const upload = await prepareUpload(permitPdf(), '建设工程规划许可证.pdf', { keepLocation: false, now: new Date() });
    const { location: _none, ...fields } = upload;
    rows.push({ ...fields, milestoneId: milestone.id });
  }
  await db.attachment.createMany({ data: rows });
  return {
    photos: rows.filter((r) => r.kind === 'PHOTO').length,
    documents: rows.filter((r) => r.kind === 'DOCUMENT').length,
  };
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * A 960×640 "site photo": sky, a building whose height follows the progress, a tower crane, the project's name and
 * the month as a caption, with the EXIF capture time a phone would write (the 20th of the month, mid-morning).
 */
export async function sitePhoto(name: string, month: number, progress: number, variant: number): Promise<Buffer> {
  const floors = Math.max(2, Math.min(18, Math.round(progress / 6)));
  const left = 380 + (variant % 3) * 60;
  const top = 700 - floors * 30;
  const windows = Array.from({ length: floors }, (_, f) =>
    Array.from(
      { length: 6 },
      (_, w) => `<rect x="${left + 20 + w * 45}" y="${top + 8 + f * 30}" width="24" height="14" fill="#8aa4b8"/>`,
    ).join(''),
  ).join('');
  // drawn at 1200×800, rasterized at 960×640: large enough to look like a photo, small enough to seed fast
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640" viewBox="0 0 1200 800">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#6d9fd1"/><stop offset="1" stop-color="#d9e6f2"/></linearGradient></defs>
  <rect width="1200" height="800" fill="url(#sky)"/>
  <rect y="700" width="1200" height="100" fill="#8a7a62"/>
  <rect x="${left}" y="${top}" width="290" height="${floors * 30}" fill="#b9b2a6" stroke="#6b655c" stroke-width="3"/>
  ${windows}
  <g stroke="#e0a21b" stroke-width="8" fill="none">
    <line x1="860" y1="700" x2="860" y2="150"/><line x1="700" y1="170" x2="1120" y2="170"/>
    <line x1="860" y1="150" x2="760" y2="170"/><line x1="860" y1="150" x2="1060" y2="170"/>
  </g>
  <line x1="1040" y1="170" x2="1040" y2="330" stroke="#333" stroke-width="3"/>
  <rect x="1020" y="330" width="40" height="26" fill="#555"/>
  <rect x="0" y="730" width="1200" height="70" fill="rgba(0,0,0,0.45)"/>
  <text x="24" y="776" font-size="34" fill="#fff" font-family="WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif">${escape(
    `${name} · 2025年${month}月`,
  )}</text>
</svg>`;
  const day = `2025:${String(month).padStart(2, '0')}:20 10:${String(10 + variant).padStart(2, '0')}:00`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'Keystone', Model: 'Demo' },
      IFD2: { DateTimeOriginal: day, OffsetTimeOriginal: '+08:00' },
    })
    .toBuffer();
}

/** A one-page PDF that reads as a permit's scan would be titled (Latin text: the PDF's built-in font has no CJK). */
function permitPdf(): Buffer {
  const text = 'BT /F1 20 Tf 72 720 Td (Construction Planning Permit - demo document) Tj ET';
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${text.length}>>stream\n${text}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj${object}endobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
