/**
 * The authorization matrix's table for the data-access reads, by function name: who may call each, and for the
 * reads of one department's records, on which department's. Every get/list function of lib/server needs a row
 * here (the matrix fails otherwise).
 */
import { getAttachment } from '@/lib/server/attachments/get-attachment';
import { listAttachments } from '@/lib/server/attachments/list-attachments';
import { listBulletinPhotos } from '@/lib/server/attachments/list-bulletin-photos';
import { listMilestoneDocuments } from '@/lib/server/attachments/list-milestone-documents';
import { listProjectAttachments } from '@/lib/server/attachments/list-project-attachments';
import { listReportAttachments } from '@/lib/server/attachments/list-report-attachments';
import { getAttachmentSettings } from '@/lib/server/attachments/settings';
import { getAuditFilterOptions } from '@/lib/server/audit/get-audit-filter-options';
import { listAuditLog } from '@/lib/server/audit/list-audit-log';
import { listApiTokens } from '@/lib/server/admin/list-api-tokens';
import { listDepartmentOptions, listDepartments } from '@/lib/server/admin/list-departments';
import { listPlanYearsForAdmin } from '@/lib/server/admin/list-plan-years';
import { listUsers } from '@/lib/server/admin/list-users';
import { getStorageUsage } from '@/lib/server/admin/storage-usage';
import { getBulletin } from '@/lib/server/bulletins/get-bulletin';
import { listBulletins } from '@/lib/server/bulletins/list-bulletins';
import { getAttentionCached, getRollupCached } from '@/lib/server/dashboard/figures-cache';
import { getAttention } from '@/lib/server/dashboard/get-attention';
import { getDashboardYear } from '@/lib/server/dashboard/get-dashboard-year';
import { getDepartmentDrillDown } from '@/lib/server/dashboard/get-department-drill-down';
import { getProjectFigures } from '@/lib/server/dashboard/get-project-figures';
import { getRollup } from '@/lib/server/dashboard/get-rollup';
import { listIndicators } from '@/lib/server/indicators/list-indicators';
import { getUnreadNotificationCount, listNotifications } from '@/lib/server/notifications/list-notifications';
import { getProblem } from '@/lib/server/problems/get-problem';
import { listProblems } from '@/lib/server/problems/list-problems';
import { getProblemSettings } from '@/lib/server/problems/problem-settings';
import { getProblemStats } from '@/lib/server/problems/problem-stats';
import { getPlanReconciliation, getRollupReconciliation } from '@/lib/server/plan/get-plan-reconciliation';
import { getCarryOverProposal } from '@/lib/server/plan/get-carry-over-proposal';
import { getYearEndChecklist } from '@/lib/server/plan/get-year-end-checklist';
import { getAnnualReportFigures } from '@/lib/server/plan/annual-report-figures';
import { listPlanYears } from '@/lib/server/plan/list-plan-years';
import { getProject } from '@/lib/server/projects/get-project';
import { getProjectHistory } from '@/lib/server/projects/get-project-history';
import { getProjectYears } from '@/lib/server/projects/get-project-years';
import { listProjectIds, listProjects } from '@/lib/server/projects/list-projects';
import { getSplitSettings } from '@/lib/server/projects/split-profile';
import { getBatchEntry } from '@/lib/server/reports/get-batch-entry';
import { getReportBoard } from '@/lib/server/reports/get-report-board';
import { getMonthSheet } from '@/lib/server/reports/get-month-sheet';
import { getReviewQueue } from '@/lib/server/reports/get-review-queue';
import { getNotificationChannels } from '@/lib/server/reminders/channels';
import { getOutboxSummary, listDepartmentWebhooks } from '@/lib/server/reminders/webhooks';
import { smallClosedYear } from '../carry-over';
import { attachmentOf } from './attachment-fixtures';
import { ADMIN_ONLY, departmentOf, EVERYONE, problemOf, projectOf, REVIEWERS, row, type ReadCase } from './matrix';

export const READS: Record<string, ReadCase> = {
  // the plan's indicators are the district's: everyone reads them (unapproved actuals only those who enter or review
  // them: tests/integration/indicators.test.ts)
  listIndicators: { scoped: false, row: EVERYONE, call: (db, a) => listIndicators(db, a, { year: 2025 }) },
  getPlanReconciliation: { scoped: false, row: EVERYONE, call: (db, a) => getPlanReconciliation(db, a, 2025) },
  // the dashboard's own cuts beside the published figures (plan:check): the district rollup everyone reads
  getRollupReconciliation: { scoped: false, row: EVERYONE, call: (db, a) => getRollupReconciliation(db, a, 2025) },
  listPlanYears: { scoped: false, row: EVERYONE, call: (db, a) => listPlanYears(db, a) },
  // what is still open before the close: for those who may close the year
  getYearEndChecklist: { scoped: false, row: REVIEWERS, call: (db, a) => getYearEndChecklist(db, a, { year: 2025 }) },
  // the annual report's draft (.docx): the bureau's working document, like the close
  getAnnualReportFigures: { scoped: false, row: REVIEWERS, call: (db, a) => getAnnualReportFigures(db, a, 2025) },
  // the carry-over's proposal: for those who may open the next year. A closed year of its own (three projects),
  // since the reads share a database in which 2025 stays open
  getCarryOverProposal: {
    scoped: false,
    row: REVIEWERS,
    call: async (db, a) => {
      await smallClosedYear(db);
      return getCarryOverProposal(db, a, { year: 2036 });
    },
  },
  // which years exist is public to every signed-in role, like listPlanYears
  getDashboardYear: { scoped: false, row: EVERYONE, call: (db, a) => getDashboardYear(db, a, {}) },
  // published bulletins for everyone with rollup.read; drafts are filtered out for non-managers (tests/integration/bulletins.test.ts)
  getBulletin: { scoped: false, row: EVERYONE, call: (db, a) => getBulletin(db, a, { year: 2025, month: 10 }) },
  listBulletins: { scoped: false, row: EVERYONE, call: (db, a) => listBulletins(db, a, { year: 2025 }) },
  listProjects: {
    scoped: false, // scoped inside the query: checked in tests/integration/authorization-scoping.test.ts
    row: EVERYONE,
    call: (db, a) => listProjects(db, a, { year: 2025 }),
  },
  listProjectIds: {
    scoped: false, // the list's own query, scope included: checked with it
    row: EVERYONE,
    call: (db, a) => listProjectIds(db, a, { year: 2025 }),
  },
  getProject: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: async (db, a, fx, target) => getProject(db, a, { id: await projectOf(fx, target) }),
  },
  // the project page's multi-year view: read as the project itself is
  getProjectYears: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: async (db, a, fx, target) => getProjectYears(db, a, { projectId: await projectOf(fx, target) }),
  },
  getProjectHistory: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: async (db, a, fx, target) => getProjectHistory(db, a, { projectId: await projectOf(fx, target) }),
  },
  listAuditLog: { scoped: false, row: REVIEWERS, call: (db, a) => listAuditLog(db, a, {}) },
  getAuditFilterOptions: { scoped: false, row: REVIEWERS, call: (db, a) => getAuditFilterOptions(db, a) },
  listUsers: { scoped: false, row: ADMIN_ONLY, call: (db, a) => listUsers(db, a) },
  listDepartments: { scoped: false, row: ADMIN_ONLY, call: (db, a) => listDepartments(db, a) },
  listDepartmentOptions: { scoped: false, row: ADMIN_ONLY, call: (db, a) => listDepartmentOptions(db, a) },
  listPlanYearsForAdmin: { scoped: false, row: ADMIN_ONLY, call: (db, a) => listPlanYearsForAdmin(db, a) },
  listApiTokens: { scoped: false, row: ADMIN_ONLY, call: (db, a) => listApiTokens(db, a) },
  getStorageUsage: { scoped: false, row: ADMIN_ONLY, call: (db, a) => getStorageUsage(db, a) },
  getReportBoard: {
    scoped: false, // a department sees only its own line: checked in tests/integration/report-board.test.ts
    row: EVERYONE,
    call: (db, a) => getReportBoard(db, a, { year: 2025, month: 11, today: '2025-12-08' }),
  },
  getRollup: { scoped: false, row: EVERYONE, call: (db, a) => getRollup(db, a, { year: 2025, month: 10 }) },
  // project-level detail: a department's own projects only (what each role is shown: authorization-scoping.test.ts)
  getProjectFigures: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: (db, a, fx, target) =>
      getProjectFigures(db, a, { year: 2025, month: 10, basis: 'approved', departmentId: departmentOf(fx, target) }),
  },
  // the department's line is an aggregate everyone reads; its projects only for project.read (authorization-scoping)
  getDepartmentDrillDown: {
    scoped: true,
    row: EVERYONE,
    call: (db, a, fx, target) =>
      getDepartmentDrillDown(db, a, {
        year: 2025,
        month: 10,
        basis: 'approved',
        departmentId: departmentOf(fx, target),
      }),
  },
  getRollupCached: {
    scoped: false,
    row: EVERYONE,
    call: (db, a) => getRollupCached(db, a, { year: 2025, month: 10 }),
  },
  getAttentionCached: {
    scoped: false,
    row: EVERYONE,
    call: (db, a) => getAttentionCached(db, a, { year: 2025, month: 10, basis: 'approved' }),
  },
  getAttention: {
    scoped: false,
    row: EVERYONE,
    call: (db, a) => getAttention(db, a, { year: 2025, month: 10, basis: 'approved' }),
  },
  getBatchEntry: {
    scoped: false, // the actor's own department only, by construction: there is no other department to ask for
    row: row('-', 'own', '-', '-'),
    call: (db, a) => getBatchEntry(db, a, { year: 2025, month: 11 }),
  },
  // the download of batch entry's month (月报填报表): the same read, the same scope
  getMonthSheet: {
    scoped: false,
    row: row('-', 'own', '-', '-'),
    call: (db, a) => getMonthSheet(db, a, { year: 2025, month: 11 }),
  },
  // the bureau's category list and escalation setting (problem.manage)
  getProblemSettings: { scoped: false, row: REVIEWERS, call: (db, a) => getProblemSettings(db, a) },
  getAttachmentSettings: { scoped: false, row: REVIEWERS, call: (db, a) => getAttachmentSettings(db, a) },
  getSplitSettings: { scoped: false, row: REVIEWERS, call: (db, a) => getSplitSettings(db, a) },
  getReviewQueue: { scoped: false, row: REVIEWERS, call: (db, a) => getReviewQueue(db, a, { year: 2025, month: 11 }) },
  listNotifications: { scoped: false, row: EVERYONE, call: (db, a) => listNotifications(db, a) },
  getUnreadNotificationCount: { scoped: false, row: EVERYONE, call: (db, a) => getUnreadNotificationCount(db, a) },
  // one's own reminder channels; a department's group robots and the outbox's state are the admin's
  getNotificationChannels: { scoped: false, row: EVERYONE, call: (db, a) => getNotificationChannels(db, a) },
  listDepartmentWebhooks: { scoped: false, row: ADMIN_ONLY, call: (db, a) => listDepartmentWebhooks(db, a) },
  getOutboxSummary: { scoped: false, row: ADMIN_ONLY, call: (db, a) => getOutboxSummary(db, a) },
  // a department reads the problems it takes part in (raised, leads, supports, on its project); the scope of lists
  // is checked in tests/integration/problem-flow.test.ts
  getProblem: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: async (db, a, fx, target) => getProblem(db, a, { id: (await problemOf(fx, target)).problemId }),
  },
  // problems (协调问题), the reads of the ledger, dashboard, bulletin and API
  listProblems: {
    scoped: false, // scoped inside the query: checked in tests/integration/authorization-scoping.test.ts
    row: EVERYONE,
    call: (db, a) => listProblems(db, a, {}),
  },
  // district-wide counts for everyone; the overdue list keeps the scope (authorization-scoping.test.ts)
  getProblemStats: { scoped: false, row: EVERYONE, call: (db, a) => getProblemStats(db, a, { year: 2025 }) },
  // a report's evidence under the report's own rule (report.read); the route serves only what this returns
  getAttachment: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: async (db, a, fx, target) => getAttachment(db, a, { id: await attachmentOf(fx, target) }),
  },
  // the evidence of some reports, for the department's screens: the reports' own rule (report.read)
  listAttachments: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: async (db, a, fx, target) => {
      const { reportId } = await db.attachment.findUniqueOrThrow({ where: { id: await attachmentOf(fx, target) } });
      return listAttachments(db, a, { reportIds: [reportId!] });
    },
  },
  // a project's photos month by month (the timeline, the lightbox) under the report's rule
  listProjectAttachments: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: async (db, a, fx, target) =>
      listProjectAttachments(db, a, { projectId: await projectOf(fx, target), year: 2025 }),
  },
  // a 前期 milestone's documents under the project's rule
  listMilestoneDocuments: {
    scoped: true,
    row: row('all', 'own', 'all', 'all'),
    call: async (db, a, fx, target) => listMilestoneDocuments(db, a, { projectId: await projectOf(fx, target) }),
  },
  // the review queue's thumbnails: another department's reports are left out inside the query, not refused
  // (tests/integration/attachment-listings.test.ts)
  listReportAttachments: {
    scoped: false,
    row: EVERYONE,
    call: (db, a) => listReportAttachments(db, a, { reportIds: [1, 2] }),
  },
  // the bulletin's photo per project: a department gets its own projects' only (attachment-listings.test.ts)
  listBulletinPhotos: {
    scoped: false,
    row: EVERYONE,
    call: (db, a) => listBulletinPhotos(db, a, { year: 2025, month: 11, projectCodes: ['X'] }),
  },
};
