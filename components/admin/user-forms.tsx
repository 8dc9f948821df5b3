'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { Field, FormAlert, Select } from '@/components/forms/controls';
import { FormButtons } from '@/components/forms/form-buttons';
import { ModalButton } from '@/components/forms/modal';
import { useNotice } from '@/components/forms/notice';
import { PasswordInput } from '@/components/forms/password-input';
import { useActionForm } from '@/components/forms/use-action-form';
import { Input } from '@/components/ui/input';
import { Role } from '@/generated/prisma/enums';
import { createUser, resetUserPassword, setUserActive, updateUser } from '@/lib/actions/admin';
import type { DepartmentOption } from '@/lib/server/admin/list-departments';
import { ZCreateUser, ZResetPassword, ZUpdateUser } from '@/lib/validations/admin';

const ROLES = Object.values(Role);

/** A select's "" is "no department". */
const toDepartmentId = (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value));

function DepartmentOptions({ departments, current }: { departments: readonly DepartmentOption[]; current?: number | null }) {
  const t = useTranslations('admin.users.fields');
  return (
    <>
      <option value="">{t('departmentNone')}</option>
      {departments.map((d) => (
        // an inactive department stays selectable only for the user who already belongs to it
        <option key={d.id} value={d.id} disabled={!d.active && d.id !== current}>
          {d.active ? d.name : t('departmentInactive', { name: d.name })}
        </option>
      ))}
    </>
  );
}

export function CreateUserButton({ departments }: { departments: readonly DepartmentOption[] }) {
  const t = useTranslations('admin.users');
  return (
    <ModalButton openText={t('create.open')} title={t('create.title')}>
      {(close) => <CreateUserForm departments={departments} onDone={close} />}
    </ModalButton>
  );
}

function CreateUserForm({ departments, onDone }: { departments: readonly DepartmentOption[]; onDone: () => void }) {
  const t = useTranslations('admin.users');
  const tr = useTranslations('roles');
  const notify = useNotice();
  const id = useId();
  const { form, formError, errorOf, onSubmit, pending } = useActionForm(ZCreateUser, createUser, {
    defaultValues: { username: '', displayName: '', departmentId: null, password: '' },
    onSuccess: (user) => {
      notify(t('create.done', { username: user.username }));
      onDone();
    },
  });
  const { register } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <Field id={`${id}-username`} label={t('fields.username')} hint={t('fields.usernameHint')} error={errorOf('username')}>
        {(aria) => <Input {...aria} autoComplete="off" spellCheck={false} {...register('username')} />}
      </Field>
      <Field id={`${id}-displayName`} label={t('fields.displayName')} error={errorOf('displayName')}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('displayName')} />}
      </Field>
      <Field id={`${id}-role`} label={t('fields.role')} error={errorOf('role')}>
        {(aria) => (
          <Select {...aria} {...register('role')}>
            <option value="">{t('fields.rolePlaceholder')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tr(role)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id={`${id}-department`}
        label={t('fields.department')}
        hint={t('fields.departmentHint')}
        error={errorOf('departmentId')}
      >
        {(aria) => (
          <Select {...aria} {...register('departmentId', { setValueAs: toDepartmentId })}>
            <DepartmentOptions departments={departments} />
          </Select>
        )}
      </Field>
      <Field id={`${id}-password`} label={t('fields.password')} hint={t('fields.passwordHint')} error={errorOf('password')}>
        {(aria) => <PasswordInput {...aria} {...register('password')} />}
      </Field>
      <FormButtons pending={pending} submitText={t('create.submit')} onCancel={onDone} />
    </form>
  );
}

export interface UserRowData {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  active: boolean;
}

export function UserRowActions({
  user,
  departments,
  isSelf,
}: {
  user: UserRowData;
  departments: readonly DepartmentOption[];
  isSelf: boolean;
}) {
  const t = useTranslations('admin.users');
  const tv = useTranslations('validation');
  const username = user.username;
  const toggle = user.active ? 'deactivate' : 'reactivate';

  return (
    <div className="flex justify-end gap-1">
      <ModalButton
        openText={t('edit.open')}
        title={t('edit.title', { username })}
        button={{ size: 'sm', variant: 'ghost', 'aria-label': t('edit.label', { username }) }}
      >
        {(close) => <EditUserForm user={user} departments={departments} onDone={close} />}
      </ModalButton>
      <ModalButton
        openText={t('reset.open')}
        title={t('reset.title', { username })}
        description={t('reset.description')}
        button={{ size: 'sm', variant: 'ghost', 'aria-label': t('reset.label', { username }) }}
      >
        {(close) => <ResetPasswordForm user={user} onDone={close} />}
      </ModalButton>
      <ConfirmAction
        openText={t(`${toggle}.open`)}
        label={t(`${toggle}.label`, { username })}
        title={t(`${toggle}.title`, { username })}
        description={t(`${toggle}.description`)}
        confirmText={t(`${toggle}.confirm`)}
        doneText={t(`${toggle}.done`, { username })}
        danger={user.active}
        blockedReason={isSelf && user.active ? tv('cannotDeactivateSelf') : undefined}
        run={() => setUserActive({ id: user.id, active: !user.active })}
      />
    </div>
  );
}

function EditUserForm({
  user,
  departments,
  onDone,
}: {
  user: UserRowData;
  departments: readonly DepartmentOption[];
  onDone: () => void;
}) {
  const t = useTranslations('admin.users');
  const tc = useTranslations('admin.common');
  const tr = useTranslations('roles');
  const notify = useNotice();
  const id = useId();
  const { form, formError, errorOf, onSubmit, pending } = useActionForm(ZUpdateUser, updateUser, {
    defaultValues: { id: user.id, displayName: user.displayName, role: user.role, departmentId: user.departmentId },
    onSuccess: ({ changed }) => {
      notify(changed ? t('edit.done', { username: user.username }) : tc('unchanged'));
      onDone();
    },
  });
  const { register } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <Field id={`${id}-displayName`} label={t('fields.displayName')} error={errorOf('displayName')}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('displayName')} />}
      </Field>
      <Field id={`${id}-role`} label={t('fields.role')} error={errorOf('role')}>
        {(aria) => (
          <Select {...aria} {...register('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tr(role)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id={`${id}-department`}
        label={t('fields.department')}
        hint={t('fields.departmentHint')}
        error={errorOf('departmentId')}
      >
        {(aria) => (
          <Select {...aria} {...register('departmentId', { setValueAs: toDepartmentId })}>
            <DepartmentOptions departments={departments} current={user.departmentId} />
          </Select>
        )}
      </Field>
      <FormButtons pending={pending} submitText={tc('save')} onCancel={onDone} />
    </form>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserRowData; onDone: () => void }) {
  const t = useTranslations('admin.users');
  const notify = useNotice();
  const id = useId();
  const { form, formError, errorOf, onSubmit, pending } = useActionForm(ZResetPassword, resetUserPassword, {
    defaultValues: { id: user.id, password: '' },
    onSuccess: () => {
      notify(t('reset.done', { username: user.username }));
      onDone();
    },
  });
  const { register } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <Field id={`${id}-password`} label={t('fields.newPassword')} hint={t('fields.passwordHint')} error={errorOf('password')}>
        {(aria) => <PasswordInput {...aria} {...register('password')} />}
      </Field>
      <FormButtons pending={pending} submitText={t('reset.submit')} onCancel={onDone} />
    </form>
  );
}
