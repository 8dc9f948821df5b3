import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import { ProblemActionsPanel } from '@/components/problems/problem-actions-panel';
import { ProblemTimeline } from '@/components/problems/problem-timeline';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent } from '@/components/ui/card';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { NotFoundError } from '@/lib/server/errors';
import { getProblem } from '@/lib/server/problems/get-problem';
import { problemFormOptions } from '@/lib/server/problems/problem-form-options';

type Params = Promise<{ slug: string }>;

/** The problem, or the not-found page for a malformed number, a missing one and one the actor takes no part in. */
const loadProblem = cache(async (slug: string) => {
  if (!/^\d{4}-\d{1,6}$/.test(slug)) notFound();
  const actor = await requireActor();
  try {
    return { actor, problem: await getProblem(prisma, actor, { number: slug }) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { problem } = await loadProblem((await params).slug);
  return { title: `${problem.number} ${problem.title}` };
}

export default async function ProblemPage({ params }: { params: Params }) {
  const { actor, problem } = await loadProblem((await params).slug);
  const t = await getTranslations('problems.page');
  const tf = await getTranslations('problems.flow');
  const te = await getTranslations('enums');
  const options = await problemFormOptions(prisma, actor);
  const facts: [string, React.ReactNode][] = [
    [
      t('project'),
      problem.project ? <Link href={`/projects/${problem.project.id}`}>{problem.project.name}</Link> : t('none'),
    ],
    [
      t('source'),
      problem.source
        ? t('sourceReport', { month: problem.source.month, field: tf(`source.${problem.source.field}`) })
        : t('raisedDirectly'),
    ],
    [t('category'), problem.category.name],
    [t('raisedBy'), [problem.raisedBy.department, problem.raisedBy.user].filter(Boolean).join(' · ')],
    [t('leadUnit'), problem.lead?.name ?? t('notAssigned')],
    [t('supportingUnits'), problem.supporting.map((s) => s.name).join('、') || t('none')],
    [t('leader'), problem.leader?.name ?? t('notAssigned')],
    [t('dueDate'), problem.dueDate ?? t('notAssigned')],
    [
      t('supervision'),
      problem.supervision ? (
        <Link href={`/problems/${problem.slug}/notice`}>{problem.supervision.number}</Link>
      ) : (
        t('none')
      ),
    ],
  ];
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm text-slate-600" data-testid="problem-number">
          {problem.number}
        </p>
        <h1 className="text-2xl font-semibold text-slate-900">{problem.title}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <Badge data-testid="problem-status">{te(`problemStatus.${problem.status}`)}</Badge>
          <Badge>{te(`problemLevel.${problem.level}`)}</Badge>
          {problem.overdue && (
            <span className="text-sm font-medium text-red-700" data-testid="problem-overdue">
              {t('overdue', { days: problem.daysOverdue })}
            </span>
          )}
          {problem.dueSoon && <span className="text-sm text-amber-700">{t('dueSoon')}</span>}
        </div>
      </header>
      <Card>
        <CardContent className="pt-6">
          <p className="mb-4 text-sm whitespace-pre-wrap text-slate-900">{problem.description}</p>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label} className="flex gap-2">
                <dt className="w-24 shrink-0 text-slate-500">{label}</dt>
                <dd className="text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          {problem.closure && (
            <p className="mt-4 text-sm text-slate-900" data-testid="problem-closure">
              {t('closure', { who: problem.closure.closedBy ?? '', resolution: problem.closure.resolution })}
            </p>
          )}
        </CardContent>
      </Card>
      <section className="grid gap-6 lg:grid-cols-2">
        <div>
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{t('timeline')}</h2>
          <ProblemTimeline entries={problem.entries} />
        </div>
        <ProblemActionsPanel problem={problem} options={options} leader={actor.role === 'LEADER'} />
      </section>
    </div>
  );
}
