'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { Field, Select } from '@/components/forms/controls';
import { DialogForm } from '@/components/forms/dialog-form';
import { ModalButton } from '@/components/forms/modal';
import { useNotice } from '@/components/forms/notice';
import { useActionForm } from '@/components/forms/use-action-form';
import { Input } from '@/components/ui/input';
import { DepartmentKind } from '@/generated/prisma/enums';
import { createDepartment, deleteDepartment, setDepartmentActive, updateDepartment } from '@/lib/actions/admin';
import type { AdminDepartmentRow } from '@/lib/server/admin/list-departments';
import { ZCreateDepartment } from '@/lib/validations/admin';

const KINDS = Object.values(DepartmentKind);

export function CreateDepartmentButton() {
  const t = useTranslations('admin.departments');
  return (
    <ModalButton openText={t('create.open')} title={t('create.title')}>
      {(close) => <DepartmentForm onDone={close} />}
    </ModalButton>
  );
}

/** Creates a department, or edits one when `department` is given: the two take the same three fields. */
function DepartmentForm({ department, onDone }: { department?: AdminDepartmentRow; onDone: () => void }) {
  const t = useTranslations('admin.departments');
  const tc = useTranslations('admin.common');
  const notify = useNotice();
  const id = useId();
  // the same three fields either way: an edit names the department, and its answer says whether anything changed
  const action = useActionForm(
    ZCreateDepartment,
    async (values) => (department ? updateDepartment({ ...values, id: department.id }) : createDepartment(values)),
    {
      defaultValues: department
        ? { name: department.name, shortName: department.shortName, kind: department.kind }
        : { name: '', shortName: '' },
      onSuccess: (saved) => {
        if (!department) notify(t('create.done', { name: saved.name }));
        else notify('changed' in saved && !saved.changed ? tc('unchanged') : t('edit.done', { name: saved.name }));
        onDone();
      },
    },
  );
  const { register } = action.form;
  const { errorOf } = action;

  return (
    <DialogForm action={action} submitText={department ? tc('save') : t('create.submit')} onCancel={onDone}>
      <Field id={`${id}-name`} label={t('fields.name')} hint={t('fields.nameHint')} error={errorOf('name')}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('name')} />}
      </Field>
      <Field id={`${id}-shortName`} label={t('fields.shortName')} error={errorOf('shortName')}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('shortName')} />}
      </Field>
      <Field id={`${id}-kind`} label={t('fields.kind')} error={errorOf('kind')}>
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
    </DialogForm>
  );
}

export function DepartmentRowActions({ department }: { department: AdminDepartmentRow }) {
  const t = useTranslations('admin.departments');
  const tv = useTranslations('validation');
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
      <ModalButton
        openText={t('edit.open')}
        title={t('edit.title', { name })}
        button={{ size: 'sm', variant: 'ghost', 'aria-label': t('edit.label', { name }) }}
      >
        {(close) => <DepartmentForm department={department} onDone={close} />}
      </ModalButton>
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
    </div>
  );
}
