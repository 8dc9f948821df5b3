'use client';

import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Role } from '@/generated/prisma/enums';
import { createUser, resetUserPassword, setUserActive, updateUser } from '@/lib/actions/admin';
import type { DepartmentOption } from '@/lib/server/admin/list-departments';
import { ZCreateUser, ZResetPassword, ZUpdateUser } from '@/lib/validations/admin';
import { applyActionFailure, callAction } from './action-result';
import { ConfirmAction } from './confirm-action';
import { Field, FormAlert, Select, useErrorText } from './form-controls';
import { Modal } from './modal';
import { useNotice } from './notice';
import { PasswordInput } from './password-input';

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

function FormButtons({ pending, submitText, onCancel }: { pending: boolean; submitText: string; onCancel: () => void }) {
  const t = useTranslations('admin.common');
  return (
    <div className="flex justify-end gap-2 pt-2">
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t('cancel')}
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : submitText}
      </Button>
    </div>
  );
}

export function CreateUserButton({ departments }: { departments: readonly DepartmentOption[] }) {
  const t = useTranslations('admin.users');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" onClick={() => setOpen(true)}>
        {t('create.open')}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t('create.title')}>
        <CreateUserForm departments={departments} onDone={() => setOpen(false)} />
      </Modal>
    </>
  );
}

function CreateUserForm({ departments, onDone }: { departments: readonly DepartmentOption[]; onDone: () => void }) {
  const t = useTranslations('admin.users');
  const tc = useTranslations('admin.common');
  const tr = useTranslations('roles');
  const errorText = useErrorText();
  const notify = useNotice();
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof ZCreateUser>, unknown, z.output<typeof ZCreateUser>>({
    resolver: zodResolver(ZCreateUser),
    defaultValues: { username: '', displayName: '', departmentId: null, password: '' },
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: z.output<typeof ZCreateUser>) {
    setFormError(null);
    const result = await callAction(() => createUser(values), tc('failed'));
    if (result.ok) {
      notify(t('create.done', { username: result.data.username }));
      onDone();
      return;
    }
    setFormError(applyActionFailure(result, ['username', 'displayName', 'role', 'departmentId', 'password'], form.setError));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <Field id={`${id}-username`} label={t('fields.username')} hint={t('fields.usernameHint')} error={errorText(errors.username?.message)}>
        {(aria) => <Input {...aria} autoComplete="off" spellCheck={false} {...register('username')} />}
      </Field>
      <Field id={`${id}-displayName`} label={t('fields.displayName')} error={errorText(errors.displayName?.message)}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('displayName')} />}
      </Field>
      <Field id={`${id}-role`} label={t('fields.role')} error={errorText(errors.role?.message)}>
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
        error={errorText(errors.departmentId?.message)}
      >
        {(aria) => (
          <Select {...aria} {...register('departmentId', { setValueAs: toDepartmentId })}>
            <DepartmentOptions departments={departments} />
          </Select>
        )}
      </Field>
      <Field id={`${id}-password`} label={t('fields.password')} hint={t('fields.passwordHint')} error={errorText(errors.password?.message)}>
        {(aria) => <PasswordInput {...aria} {...register('password')} />}
      </Field>
      <FormButtons pending={isSubmitting} submitText={t('create.submit')} onCancel={onDone} />
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
  const [dialog, setDialog] = useState<'edit' | 'reset' | null>(null);
  const close = () => setDialog(null);
  const username = user.username;
  const toggle = user.active ? 'deactivate' : 'reactivate';

  return (
    <div className="flex justify-end gap-1">
      <Button type="button" size="sm" variant="ghost" aria-label={t('edit.label', { username })} onClick={() => setDialog('edit')}>
        {t('edit.open')}
      </Button>
      <Button type="button" size="sm" variant="ghost" aria-label={t('reset.label', { username })} onClick={() => setDialog('reset')}>
        {t('reset.open')}
      </Button>
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
      <Modal open={dialog === 'edit'} onClose={close} title={t('edit.title', { username })}>
        <EditUserForm user={user} departments={departments} onDone={close} />
      </Modal>
      <Modal open={dialog === 'reset'} onClose={close} title={t('reset.title', { username })} description={t('reset.description')}>
        <ResetPasswordForm user={user} onDone={close} />
      </Modal>
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
  const errorText = useErrorText();
  const notify = useNotice();
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof ZUpdateUser>, unknown, z.output<typeof ZUpdateUser>>({
    resolver: zodResolver(ZUpdateUser),
    defaultValues: { id: user.id, displayName: user.displayName, role: user.role, departmentId: user.departmentId },
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: z.output<typeof ZUpdateUser>) {
    setFormError(null);
    const result = await callAction(() => updateUser(values), tc('failed'));
    if (result.ok) {
      notify(result.data.changed ? t('edit.done', { username: user.username }) : tc('unchanged'));
      onDone();
      return;
    }
    setFormError(applyActionFailure(result, ['displayName', 'role', 'departmentId'], form.setError));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <Field id={`${id}-displayName`} label={t('fields.displayName')} error={errorText(errors.displayName?.message)}>
        {(aria) => <Input {...aria} autoComplete="off" {...register('displayName')} />}
      </Field>
      <Field id={`${id}-role`} label={t('fields.role')} error={errorText(errors.role?.message)}>
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
        error={errorText(errors.departmentId?.message)}
      >
        {(aria) => (
          <Select {...aria} {...register('departmentId', { setValueAs: toDepartmentId })}>
            <DepartmentOptions departments={departments} current={user.departmentId} />
          </Select>
        )}
      </Field>
      <FormButtons pending={isSubmitting} submitText={tc('save')} onCancel={onDone} />
    </form>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserRowData; onDone: () => void }) {
  const t = useTranslations('admin.users');
  const tc = useTranslations('admin.common');
  const errorText = useErrorText();
  const notify = useNotice();
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<typeof ZResetPassword>, unknown, z.output<typeof ZResetPassword>>({
    resolver: zodResolver(ZResetPassword),
    defaultValues: { id: user.id, password: '' },
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: z.output<typeof ZResetPassword>) {
    setFormError(null);
    const result = await callAction(() => resetUserPassword(values), tc('failed'));
    if (result.ok) {
      notify(t('reset.done', { username: user.username }));
      onDone();
      return;
    }
    setFormError(applyActionFailure(result, ['password'], form.setError));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <FormAlert message={formError} />
      <Field id={`${id}-password`} label={t('fields.newPassword')} hint={t('fields.passwordHint')} error={errorText(errors.password?.message)}>
        {(aria) => <PasswordInput {...aria} {...register('password')} />}
      </Field>
      <FormButtons pending={isSubmitting} submitText={t('reset.submit')} onCancel={onDone} />
    </form>
  );
}
