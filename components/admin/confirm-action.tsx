'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';
import { callAction } from './action-result';
import { FormAlert } from './form-controls';
import { Modal } from './modal';
import { useNotice } from './notice';

/**
 * A row button for a one-step change (deactivate, delete, close a year) that asks first. When the change is known
 * to be refused (`blockedReason`), the dialog says why instead of offering a button that can only fail.
 */
export function ConfirmAction({
  openText,
  label,
  title,
  description,
  confirmText,
  doneText,
  danger = false,
  blockedReason,
  run,
}: {
  openText: string;
  /** the button's accessible name, naming the record: "停用用户 zjw" */
  label: string;
  title: string;
  description: string;
  confirmText: string;
  doneText: string;
  danger?: boolean;
  blockedReason?: string;
  run: () => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations('admin.common');
  const notify = useNotice();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    const result = await callAction(run, t('failed'));
    setPending(false);
    if (!result.ok) {
      setError(result.fieldErrors?._form?.[0] ?? result.message);
      return;
    }
    setOpen(false);
    notify(doneText);
  }

  return (
    <>
      <Button
        type="button"
        size="sm"
        variant={danger ? 'secondary' : 'ghost'}
        className={danger ? 'text-red-700 hover:bg-red-50' : undefined}
        aria-label={label}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {openText}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={title} description={blockedReason ? undefined : description}>
        <div className="flex flex-col gap-4">
          {blockedReason ? (
            <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {blockedReason}
            </p>
          ) : (
            <FormAlert message={error} />
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {blockedReason ? t('close') : t('cancel')}
            </Button>
            {!blockedReason && (
              <Button type="button" variant={danger ? 'danger' : 'primary'} disabled={pending} onClick={confirm}>
                {pending ? t('working') : confirmText}
              </Button>
            )}
          </div>
        </div>
      </Modal>
    </>
  );
}
