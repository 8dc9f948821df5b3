'use client';

import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { Field, Select } from '@/components/forms/controls';
import { DialogForm } from '@/components/forms/dialog-form';
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
const toDepartmentId = (value: unknown) =>
  value === '' || value === null || value === undefined ? null : Number(value);

function DepartmentOptions({
  departments,
  current,
}: {
  departments: readonly DepartmentOption[];
  current?: number | null;
}) {
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

type ProfileField = 'displayName' | 'role' | 'departmentId';

/** Name, role and department: what creating a user and editing one share. */
function UserProfileFields({
  id,
  departments,
  currentDepartmentId,
  rolePlaceholder = false,
  register,
  errorOf,
}: {
  id: string;
  departments: readonly DepartmentOption[];
  /** the edited user's department, selectable even when inactive */
  currentDepartmentId?: number | null;
  /** a new user has no role until one is chosen */
  rolePlaceholder?: boolean;
  register: (name: ProfileField, options?: { setValueAs: (value: unknown) => unknown }) => UseFormRegisterReturn;
  errorOf: (name: ProfileField) => string | undefined;
}) {
  const t = useTranslations('admin.users');
  const tr = useTranslations('roles');
  return (
    <>
      <Field id={`${id}-displayName`} label={t('fields.displayName')} error={errorOf('displayName')}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('displayName')} />}
      </Field>
      <Field id={`${id}-role`} label={t('fields.role')} error={errorOf('role')}>
        {(aria) => (
          <Select {...aria} {...register('role')}>
            {rolePlaceholder && <option value="">{t('fields.rolePlaceholder')}</option>}
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
            <DepartmentOptions departments={departments} current={currentDepartmentId} />
          </Select>
        )}
      </Field>
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
  const notify = useNotice();
  const id = useId();
  const action = useActionForm(ZCreateUser, createUser, {
    defaultValues: { username: '', displayName: '', departmentId: null, password: '' },
    onSuccess: (user) => {
      notify(t('create.done', { username: user.username }));
      onDone();
    },
  });
  const { register } = action.form;
  const { errorOf } = action;

  return (
    <DialogForm action={action} submitText={t('create.submit')} onCancel={onDone}>
      <Field
        id={`${id}-username`}
        label={t('fields.username')}
        hint={t('fields.usernameHint')}
        error={errorOf('username')}
      >
        {(aria) => <Input {...aria} autoComplete="off" spellCheck={false} {...register('username')} />}
      </Field>
      <UserProfileFields id={id} departments={departments} rolePlaceholder register={register} errorOf={errorOf} />
      <Field
        id={`${id}-password`}
        label={t('fields.password')}
        hint={t('fields.passwordHint')}
        error={errorOf('password')}
      >
        {(aria) => <PasswordInput {...aria} {...register('password')} />}
      </Field>
    </DialogForm>
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
  const notify = useNotice();
  const id = useId();
  const action = useActionForm(ZUpdateUser, updateUser, {
    defaultValues: { id: user.id, displayName: user.displayName, role: user.role, departmentId: user.departmentId },
    onSuccess: ({ changed }) => {
      notify(changed ? t('edit.done', { username: user.username }) : tc('unchanged'));
      onDone();
    },
  });
  const { register } = action.form;
  const { errorOf } = action;

  return (
    <DialogForm action={action} submitText={tc('save')} onCancel={onDone}>
      <UserProfileFields
        id={id}
        departments={departments}
        currentDepartmentId={user.departmentId}
        register={register}
        errorOf={errorOf}
      />
    </DialogForm>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserRowData; onDone: () => void }) {
  const t = useTranslations('admin.users');
  const notify = useNotice();
  const id = useId();
  const action = useActionForm(ZResetPassword, resetUserPassword, {
    defaultValues: { id: user.id, password: '' },
    onSuccess: () => {
      notify(t('reset.done', { username: user.username }));
      onDone();
    },
  });
  const { register } = action.form;
  const { errorOf } = action;

  return (
    <DialogForm action={action} submitText={t('reset.submit')} onCancel={onDone}>
      <Field
        id={`${id}-password`}
        label={t('fields.newPassword')}
        hint={t('fields.passwordHint')}
        error={errorOf('password')}
      >
        {(aria) => <PasswordInput {...aria} {...register('password')} />}
      </Field>
    </DialogForm>
  );
}
