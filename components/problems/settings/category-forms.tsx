'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { callAction, failureMessage } from '@/components/forms/action-result';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { Field } from '@/components/forms/controls';
import { DialogForm } from '@/components/forms/dialog-form';
import { ModalButton } from '@/components/forms/modal';
import { useNotice } from '@/components/forms/notice';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import {
  addProblemCategory,
  moveProblemCategory,
  renameProblemCategory,
  setProblemCategoryActive,
} from '@/lib/actions/problems';
import type { ProblemCategoryRow } from '@/lib/server/problems/problem-settings';
import { ZAddProblemCategory } from '@/lib/validations/problem';

export function AddCategoryButton() {
  const t = useTranslations('problems.settings');
  return (
    <ModalButton openText={t('add.open')} title={t('add.title')}>
      {(close) => <CategoryForm onDone={close} />}
    </ModalButton>
  );
}

/** Adds a category (to the end of the list), or renames `category`: one field either way. */
function CategoryForm({ category, onDone }: { category?: ProblemCategoryRow; onDone: () => void }) {
  const t = useTranslations('problems.settings');
  const tc = useTranslations('admin.common');
  const notify = useNotice();
  const id = useId();
  const action = useActionForm(
    ZAddProblemCategory,
    (values) => (category ? renameProblemCategory({ id: category.id, name: values.name }) : addProblemCategory(values)),
    {
      defaultValues: { name: category?.name ?? '' },
      onSuccess: (_saved, values) => {
        notify(category ? t('rename.done', { name: values.name }) : t('add.done', { name: values.name }));
        onDone();
      },
    },
  );
  return (
    <DialogForm action={action} submitText={category ? tc('save') : t('add.submit')} onCancel={onDone}>
      <Field id={`${id}-name`} label={t('fields.name')} error={action.errorOf('name')}>
        {(aria) => <Input {...aria} autoComplete="off" {...action.form.register('name')} />}
      </Field>
    </DialogForm>
  );
}

/** Rename, move up or down, deactivate or reactivate; never delete (problems keep their category). */
export function CategoryRowActions({
  category,
  first,
  last,
}: {
  category: ProblemCategoryRow;
  first: boolean;
  last: boolean;
}) {
  const t = useTranslations('problems.settings');
  const tc = useTranslations('admin.common');
  const notify = useNotice();
  const [moving, setMoving] = useState(false);
  const name = category.name;
  const toggle = category.active ? 'deactivate' : 'reactivate';

  async function move(direction: 'up' | 'down') {
    setMoving(true);
    const result = await callAction(() => moveProblemCategory({ id: category.id, direction }), tc('failed'));
    setMoving(false);
    notify(result.ok ? t('move.done', { name }) : failureMessage(result));
  }

  return (
    <div className="flex justify-end gap-1">
      <Button
        type="button"
        size="sm"
        variant="ghost"
        disabled={first || moving}
        aria-label={t('move.upLabel', { name })}
        onClick={() => move('up')}
      >
        {t('move.up')}
      </Button>
      <Button
        type="button"
        size="sm"
        variant="ghost"
        disabled={last || moving}
        aria-label={t('move.downLabel', { name })}
        onClick={() => move('down')}
      >
        {t('move.down')}
      </Button>
      <ModalButton
        openText={t('rename.open')}
        title={t('rename.title', { name })}
        button={{ size: 'sm', variant: 'ghost', 'aria-label': t('rename.label', { name }) }}
      >
        {(close) => <CategoryForm category={category} onDone={close} />}
      </ModalButton>
      <ConfirmAction
        openText={t(`${toggle}.open`)}
        label={t(`${toggle}.label`, { name })}
        title={t(`${toggle}.title`, { name })}
        description={t(`${toggle}.description`, { count: category.problemCount })}
        confirmText={t(`${toggle}.confirm`)}
        doneText={t(`${toggle}.done`, { name })}
        run={() => setProblemCategoryActive({ id: category.id, active: !category.active })}
      />
    </div>
  );
}
