import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { ProblemDetail } from '@/lib/server/problems/get-problem';
import type { ProblemFormOptions } from '@/lib/server/problems/problem-form-options';
import { AssignForm } from './forms/assign-form';
import { EscalateForm, ProblemStepForm, type TextStep } from './forms/problem-step-form';

const TEXT_STEPS: TextStep[] = ['reply', 'proposeClose', 'close', 'sendBack', 'reopen'];

/** The forms of exactly the flow's actions open to this actor now (ProblemDetail.actions). */
export async function ProblemActionsPanel({
  problem,
  options,
  leader,
}: {
  problem: ProblemDetail;
  options: ProblemFormOptions;
  leader: boolean;
}) {
  const t = await getTranslations('problems.forms');
  if (problem.actions.length === 0) return null;
  const proposal = [...problem.entries].reverse().find((e) => e.kind === 'CLOSE_PROPOSED')?.body ?? '';
  return (
    <div className="flex flex-col gap-4">
      {problem.actions.includes('assign') && (
        <Card>
          <CardHeader>
            <CardTitle>{problem.lead ? t('reassign') : t('assign')}</CardTitle>
          </CardHeader>
          <CardContent>
            <AssignForm
              problemId={problem.id}
              version={problem.version}
              departments={options.departments}
              leaders={options.leaders}
              reassign={problem.lead !== null}
              current={{
                leadDepartmentId: problem.lead?.id,
                supportingDepartmentIds: problem.supporting.map((s) => s.id),
                leaderId: problem.leader?.id,
                dueDate: problem.dueDate ?? undefined,
                level: problem.level,
              }}
            />
          </CardContent>
        </Card>
      )}
      {TEXT_STEPS.filter((s) => problem.actions.includes(s)).map((step) => (
        <Card key={step}>
          <CardHeader>
            <CardTitle>{t(step)}</CardTitle>
          </CardHeader>
          <CardContent>
            <ProblemStepForm
              step={step}
              problemId={problem.id}
              version={problem.version}
              initialText={step === 'close' ? proposal : ''}
              leader={leader}
            />
          </CardContent>
        </Card>
      ))}
      {problem.actions.includes('escalate') && (
        <Card>
          <CardHeader>
            <CardTitle>{t('escalate')}</CardTitle>
          </CardHeader>
          <CardContent>
            <EscalateForm problemId={problem.id} version={problem.version} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
