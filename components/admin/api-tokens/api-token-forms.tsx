'use client';

import { useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { Field } from '@/components/forms/controls';
import { DialogForm } from '@/components/forms/dialog-form';
import { Modal } from '@/components/forms/modal';
import { useNotice } from '@/components/forms/notice';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { issueApiToken, revokeApiToken } from '@/lib/actions/api-tokens';
import { API_TOKEN_NAME_MAX, ZIssueApiToken } from '@/lib/validations/api';

interface IssuedToken {
  name: string;
  token: string;
}

/**
 * "Issue token": a name, then the token itself, shown once in the same dialog. It lives only in this component's
 * state, so closing the dialog forgets it; the server keeps its hash alone.
 */
export function IssueApiTokenButton() {
  const t = useTranslations('apiTokens');
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const close = () => {
    setOpen(false);
    setIssued(null);
  };
  return (
    <>
      <Button type="button" onClick={() => setOpen(true)}>
        {t('issue.open')}
      </Button>
      <Modal
        open={open}
        onClose={close}
        title={issued ? t('created.title') : t('issue.title')}
        description={issued ? undefined : t('issue.description')}
      >
        {issued ? (
          <IssuedTokenView issued={issued} onDone={close} />
        ) : (
          <IssueApiTokenForm onIssued={setIssued} onCancel={close} />
        )}
      </Modal>
    </>
  );
}

function IssueApiTokenForm({ onIssued, onCancel }: { onIssued: (issued: IssuedToken) => void; onCancel: () => void }) {
  const t = useTranslations('apiTokens');
  const tc = useTranslations('admin.common');
  const id = useId();
  // The token's own keys live under apiTokens.validation.
  const action = useActionForm(ZIssueApiToken, issueApiToken, {
    defaultValues: { name: '' },
    messages: 'apiTokens.validation',
    onSuccess: ({ name, token }) => onIssued({ name, token }),
  });
  const { register } = action.form;
  const { errorOf } = action;

  return (
    <DialogForm action={action} submitText={t('issue.submit')} pendingText={tc('working')} onCancel={onCancel}>
      <Field id={`${id}-name`} label={t('issue.name')} hint={t('issue.nameHint')} error={errorOf('name')}>
        {(aria) => <Input {...aria} autoComplete="off" maxLength={API_TOKEN_NAME_MAX} {...register('name')} />}
      </Field>
    </DialogForm>
  );
}

function IssuedTokenView({ issued, onDone }: { issued: IssuedToken; onDone: () => void }) {
  const t = useTranslations('apiTokens');
  const notify = useNotice();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyToken() {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopy('copied');
    } catch {
      // clipboard access needs a secure context; the token is selected, ready for Ctrl+C
      setCopy('failed');
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t('created.warning')}
      </p>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-token`} className="text-sm font-medium text-slate-800">
          {t('created.tokenLabel', { name: issued.name })}
        </label>
        <div className="flex gap-2">
          <Input
            ref={field}
            id={`${id}-token`}
            readOnly
            value={issued.token}
            data-testid="issued-api-token"
            className="font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
            aria-describedby={`${id}-usage`}
          />
          <Button type="button" variant="secondary" onClick={copyToken}>
            {t('created.copy')}
          </Button>
        </div>
        <p role="status" aria-live="polite" className="min-h-5 text-xs text-slate-600">
          {copy === 'copied' ? t('created.copied') : copy === 'failed' ? t('created.copyFailed') : ''}
        </p>
        <p id={`${id}-usage`} className="font-mono text-xs break-all text-slate-500">
          {t('created.usage')}
        </p>
      </div>
      <div className="flex justify-end">
        <Button
          type="button"
          onClick={() => {
            notify(t('issue.done', { name: issued.name }));
            onDone();
          }}
        >
          {t('created.close')}
        </Button>
      </div>
    </div>
  );
}

export function RevokeApiTokenButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations('apiTokens');
  return (
    <ConfirmAction
      openText={t('revoke.open')}
      label={t('revoke.label', { name })}
      title={t('revoke.title', { name })}
      description={t('revoke.description')}
      confirmText={t('revoke.confirm')}
      doneText={t('revoke.done', { name })}
      danger
      run={() => revokeApiToken({ id })}
    />
  );
}
