import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/bulletins/print-button';
import { requireActor } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { NotFoundError } from '@/lib/server/errors';
import { getProblem } from '@/lib/server/problems/get-problem';

type Params = Promise<{ slug: string }>;

const loadProblem = cache(async (slug: string) => {
  if (!/^\d{4}-\d{1,6}$/.test(slug)) notFound();
  const actor = await requireActor();
  try {
    const problem = await getProblem(prisma, actor, { number: slug });
    // a problem without a 督办单 has no notice to print
    if (!problem.supervision) notFound();
    return { problem, supervision: problem.supervision };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { supervision } = await loadProblem((await params).slug);
  return { title: supervision.number };
}

/** The printable A4 督办单: number, project, problem, lead unit, leader, deadline, requirement, signature lines. */
export default async function SupervisionNoticePage({ params }: { params: Params }) {
  const { problem, supervision } = await loadProblem((await params).slug);
  const t = await getTranslations('problems.notice');
  const rows: [string, string][] = [
    [t('project'), problem.project?.name ?? t('none')],
    [t('problem'), `${problem.number} ${problem.title}`],
    [t('description'), problem.description],
    [t('leadUnit'), problem.lead?.name ?? ''],
    [t('supportingUnits'), problem.supporting.map((s) => s.name).join('、') || t('none')],
    [t('leader'), problem.leader?.name ?? ''],
    [t('deadline'), problem.dueDate ?? ''],
    [t('requirement'), supervision.requirement ?? ''],
  ];
  return (
    <div className="mx-auto flex max-w-[210mm] flex-col gap-4">
      <div className="print:hidden">
        <PrintButton label={t('print')} />
      </div>
      <article
        className="bg-white p-10 font-serif text-slate-900 shadow print:p-0 print:shadow-none"
        data-testid="supervision-notice"
      >
        <h1 className="text-center text-3xl font-bold tracking-widest text-red-700">{t('heading')}</h1>
        <p className="mt-3 text-center text-base">{supervision.number}</p>
        <table className="mt-6 w-full border-collapse text-base">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th className="w-32 border border-slate-800 px-3 py-2 text-left align-top font-medium">{label}</th>
                <td className="border border-slate-800 px-3 py-2 whitespace-pre-wrap">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-16 grid grid-cols-2 gap-8 text-base">
          <p>{t('issuer')}</p>
          <p>{t('receiver')}</p>
          <p>{t('date')}</p>
          <p>{t('date')}</p>
        </div>
      </article>
    </div>
  );
}
