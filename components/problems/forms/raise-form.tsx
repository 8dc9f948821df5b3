'use client';

import { useId } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, Select } from '@/components/forms/controls';
import { Textarea } from '@/components/forms/textarea';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { raiseProblem } from '@/lib/actions/problems';
import { ZRaiseProblem } from '@/lib/validations/problem';
import type { Option } from './assign-form';

/** Raises a problem: on one of the actor's projects (the bureau: any) or on none. */
export function RaiseForm({
  projects,
  categories,
  projectId,
}: {
  projects: Option[];
  categories: Option[];
  projectId: number | null;
}) {
  const t = useTranslations('problems.forms');
  const router = useRouter();
  const id = useId();
  const action = useActionForm(ZRaiseProblem, (values) => raiseProblem(values), {
    defaultValues: { projectId: projectId ?? '', categoryId: undefined, title: '', description: '' },
    onSuccess: (saved) => router.push(`/problems/${saved.slug}`),
  });
  const { register } = action.form;
  return (
    <form
      onSubmit={action.onSubmit}
      className="flex max-w-2xl flex-col gap-4"
      data-testid="problem-raise-form"
      noValidate
    >
      <Field id={`${id}-project`} label={t('project')} error={action.errorOf('projectId')}>
        {(aria) => (
          <Select {...aria} {...register('projectId')}>
            <option value="">{t('noProject')}</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${id}-category`} label={t('category')} error={action.errorOf('categoryId')}>
        {(aria) => (
          <Select {...aria} {...register('categoryId')}>
            <option value="">{t('choose')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${id}-title`} label={t('title')} error={action.errorOf('title')}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('title')} />}
      </Field>
      <Field id={`${id}-description`} label={t('description')} error={action.errorOf('description')}>
        {(aria) => <Textarea {...aria} rows={5} {...register('description')} />}
      </Field>
      <FormAlert message={action.formError} />
      <div>
        <Button type="submit" disabled={action.pending}>
          {action.pending ? t('raising') : t('raise')}
        </Button>
      </div>
    </form>
  );
}
