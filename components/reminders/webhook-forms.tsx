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
import { WebhookKind } from '@/generated/prisma/enums';
import { removeDepartmentWebhook, setDepartmentWebhook } from '@/lib/actions/reminders';
import type { DepartmentWebhookRow } from '@/lib/server/reminders/webhooks';
import { WEBHOOK_URL_MAX, ZDepartmentWebhook } from '@/lib/validations/reminders';

const KINDS = Object.values(WebhookKind);

/**
 * A department's group robot: kind, URL, keyword and 钉钉's 加签 secret. The saved URL and secret are never sent
 * back to the browser, so the form always asks for them anew (they replace the old ones).
 */
function WebhookForm({ row, onDone }: { row: DepartmentWebhookRow; onDone: () => void }) {
  const t = useTranslations('reminders.webhooks');
  const notify = useNotice();
  const id = useId();
  const action = useActionForm(ZDepartmentWebhook, setDepartmentWebhook, {
    defaultValues: {
      departmentId: row.departmentId,
      kind: row.kind ?? 'WECOM',
      url: '',
      keyword: row.keyword ?? '',
      signSecret: '',
    },
    onSuccess: (saved) => {
      notify(t('saved', { name: saved.name }));
      onDone();
    },
  });
  const { register } = action.form;
  return (
    <DialogForm action={action} submitText={t('edit')} onCancel={onDone}>
      <Field id={`${id}-kind`} label={t('kind')} error={action.errorOf('kind')}>
        {(aria) => (
          <Select {...aria} {...register('kind')}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${id}-url`} label={t('url')} error={action.errorOf('url')}>
        {(aria) => (
          <Input {...aria} autoComplete="off" maxLength={WEBHOOK_URL_MAX} placeholder="https://" {...register('url')} />
        )}
      </Field>
      <Field id={`${id}-keyword`} label={t('keyword')} error={action.errorOf('keyword')}>
        {(aria) => <Input {...aria} autoComplete="off" maxLength={20} {...register('keyword')} />}
      </Field>
      <Field
        id={`${id}-secret`}
        label={t('signSecret')}
        hint={row.signed ? t('signSecretKept') : undefined}
        error={action.errorOf('signSecret')}
      >
        {(aria) => <Input {...aria} autoComplete="off" maxLength={67} placeholder="SEC…" {...register('signSecret')} />}
      </Field>
    </DialogForm>
  );
}

export function WebhookRowActions({ row }: { row: DepartmentWebhookRow }) {
  const t = useTranslations('reminders.webhooks');
  const name = row.departmentName;
  return (
    <div className="flex justify-end gap-1">
      <ModalButton
        openText={t('edit')}
        title={t('editTitle', { name })}
        button={{ size: 'sm', variant: 'ghost', 'aria-label': t('editLabel', { name }) }}
      >
        {(close) => <WebhookForm row={row} onDone={close} />}
      </ModalButton>
      {row.kind && (
        <ConfirmAction
          openText={t('remove')}
          label={t('removeLabel', { name })}
          title={t('removeTitle', { name })}
          description={t('removeDescription')}
          confirmText={t('removeConfirm')}
          doneText={t('removed', { name })}
          danger
          run={() => removeDepartmentWebhook({ departmentId: row.departmentId })}
        />
      )}
    </div>
  );
}
