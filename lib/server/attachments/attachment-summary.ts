import 'server-only';
import type { AttachmentKind } from '@/generated/prisma/enums';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { formatChongqingTime } from '@/lib/server/audit/chongqing-time';

/**
 * One attachment as every screen shows it (the upload control's strip, the review queue, the lightbox, the photo
 * timeline, the milestone documents) and as the upload route answers it: what to fetch from
 * /api/attachments/<id>/<variant> and what to write beside it. Never the hashes or the location.
 */
export interface AttachmentSummary {
  id: number;
  kind: AttachmentKind;
  contentType: string;
  originalName: string;
  /** bytes of the original */
  size: number;
  /** the capture time as evidence, Chongqing time ("2025-11-20 14:32"); null when the camera kept none */
  capturedAt: string | null;
  /** a thumbnail and display image exist (false for a document, and for a HEIC this server cannot decode) */
  hasPreview: boolean;
  /** the record it belongs to: a monthly report or a 前期 milestone */
  reportId: number | null;
  milestoneId: number | null;
  /** removed by the department: listed to the reviewers only, marked 已删除 */
  removed: boolean;
}

export const SUMMARY_SELECT = {
  id: true,
  kind: true,
  contentType: true,
  originalName: true,
  size: true,
  capturedAt: true,
  thumbnailHash: true,
  reportId: true,
  milestoneId: true,
  removedAt: true,
} as const;

export interface SummaryRow {
  id: number;
  kind: AttachmentKind;
  contentType: string;
  originalName: string;
  size: number;
  capturedAt: Date | null;
  thumbnailHash: string | null;
  reportId: number | null;
  milestoneId: number | null;
  removedAt: Date | null;
}

export function toSummary(row: SummaryRow): AttachmentSummary {
  return {
    id: row.id,
    kind: row.kind,
    contentType: row.contentType,
    originalName: row.originalName,
    size: row.size,
    capturedAt: row.capturedAt ? formatChongqingTime(row.capturedAt, { seconds: false }) : null,
    hasPreview: row.thumbnailHash !== null,
    reportId: row.reportId,
    milestoneId: row.milestoneId,
    removed: row.removedAt !== null,
  };
}

/**
 * Whether the actor sees removed attachments of this department's records: the reviewers do (a removed photo of a
 * returned report is part of the restatement trail), the department and the leaders do not, the same rule as
 * getAttachment's, so the lists never offer a file the route would refuse.
 */
export function seesRemoved(actor: Actor, departmentId: number): boolean {
  return can(actor, 'report.review', { departmentId });
}
