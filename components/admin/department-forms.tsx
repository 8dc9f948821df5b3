'use client';

import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { DepartmentKind } from '@/generated/prisma/enums';
import { createDepartment, deleteDepartment, setDepartmentActive, updateDepartment } from '@/lib/actions/admin';
import type { AdminDepartmentRow } from '@/lib/server/admin/list-departments';
import { ZCreateDepartment, ZUpdateDepartment } from '@/lib/validations/admin';
import { applyActionFailure, callAction } from './action-result';
import { ConfirmAction } from './confirm-action';
import { Field, FormAlert, Select, useErrorText } from './form-controls';
import { Modal } from './modal';
import { useNotice } from './notice';

const KINDS = Object.values(DepartmentKind);
const FIELDS = ['name', 'shortName', 'kind'] as const;

type DepartmentValues = z.input<typeof ZCreateDepartment>;

export function CreateDepartmentButton() {
  const t = useTranslations('admin.departments');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" onClick={() => setOpen(true)}>
        {t('create.open')}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t('create.title')}>
        <DepartmentForm onDone={() => setOpen(false)} />
      </Modal>
    </>
  );
}

/** Creates a department, or edits one when `department` is given: the two take the same three fields. */
function DepartmentForm({ department, onDone }: { department?: AdminDepartmentRow; onDone: () => void }) {
  const t = useTranslations('admin.departments');
  const tc = useTranslations('admin.common');
  const errorText = useErrorText();
  const notify = useNotice();
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<DepartmentValues, unknown, z.output<typeof ZCreateDepartment>>({
    resolver: zodResolver(ZCreateDepartment),
    defaultValues: department
      ? { name: department.name, shortName: department.shortName, kind: department.kind }
      : { name: '', shortName: '' },
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: z.output<typeof ZCreateDepartment>) {
    setFormError(null);
    if (department) {
      const input: z.input<typeof ZUpdateDepartment> = { ...values, id: department.id };
      const result = await callAction(() => updateDepartment(input), tc('failed'));
      if (!result.ok) return setFormError(applyActionFailure(result, FIELDS, form.setError));
      notify(result.data.changed ? t('edit.done', { name: result.data.name }) : tc('unchanged'));
    } else {
      const result = await callAction(() => createDepartment(values), tc('failed'));
      if (!result.ok) return setFormError(applyActionFailure(result, FIELDS, form.setError));
      notify(t('create.done', { name: result.data.name }));
    }
    onDone();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <Field id={`${id}-name`} label={t('fields.name')} hint={t('fields.nameHint')} error={errorText(errors.name?.message)}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('name')} />}
      </Field>
      <Field id={`${id}-shortName`} label={t('fields.shortName')} error={errorText(errors.shortName?.message)}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('shortName')} />}
      </Field>
      <Field id={`${id}-kind`} label={t('fields.kind')} error={errorText(errors.kind?.message)}>
        {(aria) => (
          <Select {...aria} {...register('kind')}>
            {!department && <option value="">{t('fields.kindPlaceholder')}</option>}
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        <Button type="button" variant="secondary" onClick={onDone}>
          {tc('cancel')}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? tc('saving') : department ? tc('save') : t('create.submit')}
        </Button>
      </div>
    </form>
  );
}

export function DepartmentRowActions({ department }: { department: AdminDepartmentRow }) {
  const t = useTranslations('admin.departments');
  const tv = useTranslations('validation');
  const [editing, setEditing] = useState(false);
  const name = department.name;
  const toggle = department.active ? 'deactivate' : 'reactivate';
  // Known from the list already; the action checks again, since the list may be stale.
  const deleteBlocked =
    department.projectCount > 0
      ? tv('departmentHasProjects', { count: department.projectCount })
      : department.userCount > 0
        ? tv('departmentHasUsers', { count: department.userCount })
        : undefined;

  return (
    <div className="flex justify-end gap-1">
      <Button type="button" size="sm" variant="ghost" aria-label={t('edit.label', { name })} onClick={() => setEditing(true)}>
        {t('edit.open')}
      </Button>
      <ConfirmAction
        openText={t(`${toggle}.open`)}
        label={t(`${toggle}.label`, { name })}
        title={t(`${toggle}.title`, { name })}
        description={t(`${toggle}.description`)}
        confirmText={t(`${toggle}.confirm`)}
        doneText={t(`${toggle}.done`, { name })}
        run={() => setDepartmentActive({ id: department.id, active: !department.active })}
      />
      <ConfirmAction
        openText={t('delete.open')}
        label={t('delete.label', { name })}
        title={t('delete.title', { name })}
        description={t('delete.description')}
        confirmText={t('delete.confirm')}
        doneText={t('delete.done', { name })}
        danger
        blockedReason={deleteBlocked}
        run={() => deleteDepartment({ id: department.id })}
      />
      <Modal open={editing} onClose={() => setEditing(false)} title={t('edit.title', { name })}>
        <DepartmentForm department={department} onDone={() => setEditing(false)} />
      </Modal>
    </div>
  );
}
