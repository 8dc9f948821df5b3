'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormAlert } from '@/components/forms/controls';
import { useNotice } from '@/components/forms/notice';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { setProblemEscalationDays } from '@/lib/actions/problems';
import { MAX_ESCALATION_DAYS } from '@/lib/domain/problems/overdue';
import { ZProblemEscalationDays } from '@/lib/validations/problem';

/** How many days overdue before the daily check escalates a problem to 挂牌督办 (1–90). */
export function EscalationDaysForm({ days }: { days: number }) {
  const t = useTranslations('problems.settings');
  const tc = useTranslations('admin.common');
  const notify = useNotice();
  const id = useId();
  const action = useActionForm(ZProblemEscalationDays, setProblemEscalationDays, {
    defaultValues: { days },
    onSuccess: (saved, _values, form) => {
      form.reset({ days: saved.days });
      notify(t('escalation.done', { days: saved.days }));
    },
  });
  return (
    <form onSubmit={action.onSubmit} noValidate className="flex flex-col gap-3" data-testid="escalation-days-form">
      <FormAlert message={action.formError} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-40">
          <Field id={`${id}-days`} label={t('escalation.label')} error={action.errorOf('days')}>
            {(aria) => (
              <Input
                {...aria}
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_ESCALATION_DAYS}
                step={1}
                {...action.form.register('days')}
              />
            )}
          </Field>
        </div>
        <Button type="submit" disabled={action.pending}>
          {action.pending ? tc('saving') : tc('save')}
        </Button>
      </div>
      <p className="text-sm text-slate-600">{t('escalation.hint', { max: MAX_ESCALATION_DAYS })}</p>
    </form>
  );
}
