import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import { PhotoTimeline } from '@/components/attachments/photo-timeline';
import { CumulativeChart } from '@/components/projects/cumulative-chart';
import { MonthlyPlanTable } from '@/components/projects/monthly-plan-table';
import { ProjectAttributes } from '@/components/projects/project-attributes';
import { ProjectHistory } from '@/components/projects/project-history';
import { ProjectMilestones } from '@/components/projects/project-milestones';
import { ProjectPlanCard } from '@/components/projects/project-plan-card';
import { ProjectReportsTable } from '@/components/projects/project-reports-table';
import { ProjectTabs, type ProjectTab } from '@/components/projects/project-tabs';
import { ProjectYears } from '@/components/projects/project-years';
import { ProjectProblems } from '@/components/problems/ledger/project-problems';
import { YearLinks } from '@/components/navigation/year-links';
import { AttachmentThumbs } from '@/components/attachments/attachment-thumbs';
import { ReportForm } from '@/components/reports/report-form';
import type { MilestoneDocuments } from '@/components/reports/report-attachments';
import { ReportStatusBadge } from '@/components/reports/report-status-badge';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/actor';
import { requireActor } from '@/lib/auth/session';
import { listAttachments } from '@/lib/server/attachments/list-attachments';
import { prisma } from '@/lib/db';
import { listMilestoneDocuments } from '@/lib/server/attachments/list-milestone-documents';
import { listProjectAttachments, type MonthAttachments } from '@/lib/server/attachments/list-project-attachments';
import { NotFoundError } from '@/lib/server/errors';
import { getProject, type ProjectDetail } from '@/lib/server/projects/get-project';
import { getProjectHistory } from '@/lib/server/projects/get-project-history';
import { getProjectYears } from '@/lib/server/projects/get-project-years';
import { listProblems } from '@/lib/server/problems/list-problems';
import type { SearchParams } from '@/lib/search-params';

type Params = Promise<{ id: string }>;

/**
 * The project, or the not-found page: for a malformed id, a missing one and another department's alike, so
 * the page never tells a department which ids exist.
 */
const loadProject = cache(async (id: string, year: string | string[] | undefined) => {
  if (!/^\d{1,9}$/.test(id)) notFound();
  if (year !== undefined && (typeof year !== 'string' || !/^\d{4}$/.test(year))) notFound();
  const actor = await requireActor();
  try {
    const project = await getProject(prisma, actor, {
      id: Number(id),
      year: year === undefined ? undefined : Number(year),
    });
    // A year the project has no plan in is a page that does not exist either.
    if (year !== undefined && !project.plan) notFound();
    return { actor, project };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}): Promise<Metadata> {
  const { project } = await loadProject((await params).id, (await searchParams).year);
  return { title: project.name };
}

/** The department's form for the current month, or what has become of that month's report. */
async function CurrentMonthReport({
  actor,
  project,
  canEdit,
  canSubmit,
}: {
  actor: Actor;
  project: ProjectDetail;
  canEdit: boolean;
  canSubmit: boolean;
}) {
  const plan = project.plan;
  if (!plan || !canEdit || plan.planYearStatus !== 'ACTIVE') return null;
  const t = await getTranslations('reports.form');
  const month = plan.currentMonth;
  const report = plan.reports.find((r) => r.month === month) ?? null;
  const editable = report === null || report.status === 'DRAFT' || report.status === 'RETURNED';
  const attachments = report ? await listAttachments(prisma, actor, { reportIds: [report.id] }) : [];
  const milestoneDocuments = plan.stage === 'PRELIMINARY' ? await documentsOf(actor, project) : [];

  return (
    <Card data-testid="current-report">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {t('title', { year: String(plan.year), month })}
          <ReportStatusBadge status={report?.status ?? null} testId="current-report-status" />
        </CardTitle>
        {editable && <CardDescription>{t('description')}</CardDescription>}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {report?.status === 'RETURNED' && report.reviewComment && (
          <p
            className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="current-report-returned"
          >
            {t('returned', { comment: report.reviewComment })}
          </p>
        )}
        {editable ? (
          <ReportForm
            projectPlanId={plan.id}
            month={month}
            canSubmit={canSubmit}
            report={report}
            project={{
              stage: plan.stage,
              actualStart: project.actualStart,
              actualCompletion: project.actualCompletion,
              milestones: project.milestones,
            }}
            attachments={attachments}
            milestoneDocuments={milestoneDocuments}
          />
        ) : (
          <>
            <p className="text-sm text-slate-600" data-testid="current-report-locked">
              {t(report?.status === 'APPROVED' ? 'lockedApproved' : 'lockedSubmitted')}
            </p>
            {/* what was reviewed: shown, no longer removable */}
            <AttachmentThumbs attachments={attachments} />
          </>
        )}
      </CardContent>
    </Card>
  );
}

/** The project's 前期 milestones with their documents, for the report form. */
async function documentsOf(actor: Actor, project: ProjectDetail): Promise<MilestoneDocuments[]> {
  const listed = await listAttachments(prisma, actor, { milestoneIds: project.milestones.map((m) => m.id) });
  return project.milestones.map((m) => ({
    milestoneId: m.id,
    kind: m.kind,
    status: m.status,
    attachments: listed.filter((a) => a.milestoneId === m.id),
  }));
}

export default async function ProjectPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { actor, project } = await loadProject(id, query.year);
  const tab: ProjectTab =
    query.tab === 'history' || query.tab === 'problems' || query.tab === 'photos' ? query.tab : 'overview';
  const [t, tStage] = await Promise.all([getTranslations('projects'), getTranslations('enums.stage')]);
  const plan = project.plan;
  const history = tab === 'history' ? await getProjectHistory(prisma, actor, { projectId: project.id }) : null;
  // open ones first: the status order runs 待交办 → 办理中 → 待确认办结 → 已办结
  const problems =
    tab === 'problems'
      ? await listProblems(prisma, actor, { projectIds: [project.id], sort: 'status', dir: 'asc', pageSize: 100 })
      : null;
  const photos =
    tab === 'photos' && plan
      ? await listProjectAttachments(prisma, actor, { projectId: project.id, year: plan.year })
      : null;
  const years = tab === 'overview' ? await getProjectYears(prisma, actor, { projectId: project.id }) : null;
  const milestoneDocuments =
    tab === 'overview' && project.milestones.length > 0
      ? await listMilestoneDocuments(prisma, actor, { projectId: project.id })
      : {};

  const href = (next: { year?: number; tab?: ProjectTab }) => {
    const search = new URLSearchParams();
    const year = next.year ?? plan?.year;
    if (year !== undefined) search.set('year', String(year));
    const nextTab = next.tab ?? tab;
    if (nextTab !== 'overview') search.set('tab', nextTab);
    const text = search.toString();
    return `/projects/${project.id}${text ? `?${text}` : ''}`;
  };

  return (
    <div className="flex flex-col gap-5" data-testid="project-page" data-project-id={project.id}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link
            href={plan ? `/projects?year=${plan.year}` : '/projects'}
            className="text-sm text-brand-700 hover:underline"
          >
            {t('detail.back')}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900" data-testid="project-name">
            {project.name}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500">
            <span className="font-mono">{project.code}</span>
            <span>· {project.departmentName}</span>
            {plan && <Badge variant="brand">{tStage(plan.stage)}</Badge>}
          </p>
        </div>
        {can(actor, 'project.write', project) && (
          <Link
            href={`/projects/${project.id}/edit${plan ? `?year=${plan.year}` : ''}`}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
            data-testid="project-edit-link"
          >
            {(await getTranslations('projectEdit'))('editLink')}
          </Link>
        )}
        {can(actor, 'problem.raise', project) && (
          <Link
            href={`/problems/new?project=${project.id}`}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
            data-testid="project-raise-problem"
          >
            {(await getTranslations('problems.page'))('raiseLink')}
          </Link>
        )}
        {plan && <YearLinks years={project.years} current={plan.year} hrefFor={(year) => href({ year })} />}
      </div>

      <ProjectTabs current={tab} hrefFor={(next) => href({ tab: next })} />

      {tab === 'history' ? (
        <ProjectHistory rows={history ?? []} />
      ) : tab === 'photos' ? (
        <PhotoTab year={plan?.year ?? null} months={photos ?? []} />
      ) : problems ? (
        <ProjectProblems projectId={project.id} list={problems} canRaise={can(actor, 'problem.raise', project)} />
      ) : (
        <>
          <CurrentMonthReport
            actor={actor}
            project={project}
            canEdit={can(actor, 'report.edit', project)}
            canSubmit={can(actor, 'report.submit', project)}
          />
          <div className="grid gap-5 lg:grid-cols-2">
            <ProjectAttributes project={project} />
            {plan ? (
              <ProjectPlanCard plan={plan} />
            ) : (
              <Card className="p-6 text-sm text-slate-600" data-testid="project-no-plan">
                {t('detail.plan.none')}
              </Card>
            )}
          </div>
          <ProjectMilestones milestones={project.milestones} documents={milestoneDocuments} />
          {years && years.years.length > 0 && <ProjectYears data={years} />}
          {plan && <CumulativeChart plan={plan} />}
          {plan && <MonthlyPlanTable plan={plan} />}
          {plan && <ProjectReportsTable plan={plan} canReview={can(actor, 'report.review', project)} />}
        </>
      )}
    </div>
  );
}

/** The 现场照片 tab: the plan year's evidence month by month; a project without a plan has no reports to show. */
async function PhotoTab({ year, months }: { year: number | null; months: MonthAttachments[] }) {
  const [t, tp] = await Promise.all([getTranslations('evidence.timeline'), getTranslations('projects')]);
  if (year === null)
    return (
      <Card className="p-6 text-sm text-slate-600" data-testid="project-photos">
        {tp('detail.plan.none')}
      </Card>
    );
  return (
    <Card data-testid="project-photos">
      <CardHeader>
        <CardTitle>{t('title', { year: String(year) })}</CardTitle>
        <CardDescription>{t('description')}</CardDescription>
      </CardHeader>
      <CardContent>
        <PhotoTimeline year={year} months={months} />
      </CardContent>
    </Card>
  );
}
