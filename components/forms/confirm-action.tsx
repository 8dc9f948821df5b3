'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, type ButtonProps } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';
import { callAction, failureMessage } from './action-result';
import { FormAlert } from './controls';
import { Modal } from './modal';
import { useNotice } from './notice';

/**
 * A button for a one-step change (deactivate, delete, close a year, publish) that asks first. When the change is
 * known to be refused (`blockedReason`), the dialog says why instead of offering a button that can only fail.
 * Done, the dialog closes and the page's notice says `doneText`, or `onDone` takes over.
 */
export function ConfirmAction<T>({
  openText,
  label,
  title,
  description,
  confirmText,
  doneText,
  onDone,
  danger = false,
  blockedReason,
  button,
  run,
}: {
  openText: string;
  /** the button's accessible name, naming the record: "停用用户 zjw" */
  label?: string;
  title: string;
  description: string;
  confirmText: string;
  doneText?: string;
  onDone?: (data: T) => void;
  danger?: boolean;
  blockedReason?: string;
  /** the opening button's look, when not a row's small one */
  button?: Pick<ButtonProps, 'size' | 'variant' | 'className'>;
  run: () => Promise<ActionResult<T>>;
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
      setError(failureMessage(result));
      return;
    }
    setOpen(false);
    if (doneText !== undefined) notify(doneText);
    onDone?.(result.data);
  }

  return (
    <>
      <Button
        type="button"
        size="sm"
        variant={danger ? 'secondary' : 'ghost'}
        className={danger ? 'text-red-700 hover:bg-red-50' : undefined}
        {...button}
        aria-label={label}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {openText}
      </Button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title={title}
        description={blockedReason ? undefined : description}
      >
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
