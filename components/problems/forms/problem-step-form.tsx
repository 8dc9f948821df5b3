'use client';

import { useId } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert } from '@/components/forms/controls';
import { Textarea } from '@/components/forms/textarea';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import {
  closeProblem,
  escalateProblem,
  proposeProblemClosure,
  reopenProblem,
  replyToProblem,
  sendBackProblem,
} from '@/lib/actions/problems';
import { ZEscalateProblem, ZProblemText } from '@/lib/validations/problem';

export type TextStep = 'reply' | 'proposeClose' | 'close' | 'sendBack' | 'reopen';

const ACTION = {
  reply: replyToProblem,
  proposeClose: proposeProblemClosure,
  close: closeProblem,
  sendBack: sendBackProblem,
  reopen: reopenProblem,
} as const;

const LABEL = {
  reply: 'replyLabel',
  proposeClose: 'proposeCloseLabel',
  close: 'resolution',
  sendBack: 'sendBackLabel',
  reopen: 'reopenLabel',
} as const;

/** One step of the flow that takes a text: a reply, what was done, the resolution, a reason. */
export function ProblemStepForm({
  step,
  problemId,
  version,
  initialText = '',
  leader = false,
}: {
  step: TextStep;
  problemId: number;
  version: number;
  /** the close form starts from the lead unit's proposal */
  initialText?: string;
  /** a leader's reply is an instruction (批示) */
  leader?: boolean;
}) {
  const t = useTranslations('problems.forms');
  const router = useRouter();
  const id = useId();
  const action = useActionForm(ZProblemText, (values) => ACTION[step](values), {
    defaultValues: { problemId, version, text: initialText },
    onSuccess: (_data, _values, form) => {
      form.reset({ problemId, version, text: '' });
      router.refresh();
    },
  });
  const label = step === 'reply' && leader ? t('replyLeaderLabel') : t(LABEL[step]);
  return (
    <form onSubmit={action.onSubmit} className="flex flex-col gap-2" data-testid={`problem-${step}-form`} noValidate>
      <Field id={`${id}-text`} label={label} error={action.errorOf('text')}>
        {(aria) => <Textarea {...aria} rows={3} {...action.form.register('text')} />}
      </Field>
      <FormAlert message={action.formError} />
      <div>
        <Button type="submit" disabled={action.pending} variant={step === 'sendBack' ? 'secondary' : 'primary'}>
          {action.pending ? t('saving') : t(step)}
        </Button>
      </div>
    </form>
  );
}

/** The bureau's escalation to 挂牌督办, with the requirement the 督办单 prints. */
export function EscalateForm({ problemId, version }: { problemId: number; version: number }) {
  const t = useTranslations('problems.forms');
  const router = useRouter();
  const id = useId();
  const action = useActionForm(ZEscalateProblem, (values) => escalateProblem(values), {
    defaultValues: { problemId, version, requirement: '' },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={action.onSubmit} className="flex flex-col gap-2" data-testid="problem-escalate-form" noValidate>
      <Field id={`${id}-requirement`} label={t('requirement')} error={action.errorOf('requirement')}>
        {(aria) => <Textarea {...aria} rows={2} {...action.form.register('requirement')} />}
      </Field>
      <FormAlert message={action.formError} />
      <div>
        <Button type="submit" disabled={action.pending} variant="secondary">
          {action.pending ? t('saving') : t('escalate')}
        </Button>
      </div>
    </form>
  );
}
