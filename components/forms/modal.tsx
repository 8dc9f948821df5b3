'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, type ButtonProps } from '@/components/ui/button';
import { cn } from '@/lib/utils';

/**
 * A modal dialog on the browser's own <dialog>: showModal() traps focus, Escape closes it and focus returns to the
 * button that opened it, with no library. The content is mounted only while open, so a form starts fresh each time.
 */
export function Modal({
  open,
  onClose,
  title,
  description,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  children: React.ReactNode;
  className?: string;
}) {
  const t = useTranslations('admin.common');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      className={cn(
        'm-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-left shadow-xl',
        'backdrop:bg-slate-900/40',
        className,
      )}
    >
      {open && (
        <div className="relative flex flex-col">
          <div className="flex flex-col gap-1 border-b border-slate-100 py-4 pr-12 pl-5">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="text-sm whitespace-normal text-slate-600">
                {description}
              </p>
            )}
          </div>
          <div className="px-5 py-4 whitespace-normal">{children}</div>
          {/* Last in the DOM, first on screen: showModal() focuses the first focusable element, which should be the form's first field. */}
          <button
            type="button"
            onClick={onClose}
            className="absolute top-3 right-3 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <span aria-hidden>✕</span>
            <span className="sr-only">{t('close')}</span>
          </button>
        </div>
      )}
    </dialog>
  );
}

/**
 * A button that opens a dialog, and the dialog: "新建用户" in a page header, "编辑" in a table row. The content
 * gets `close`, to call when its form is done or cancelled.
 */
export function ModalButton({
  openText,
  title,
  description,
  button,
  children,
}: {
  openText: string;
  title: string;
  description?: string;
  /** the button's look and accessible name, e.g. { size: 'sm', variant: 'ghost', 'aria-label': '编辑用户 zjw' } */
  button?: Omit<ButtonProps, 'type' | 'onClick' | 'children'>;
  children: (close: () => void) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button type="button" {...button} onClick={() => setOpen(true)}>
        {openText}
      </Button>
      <Modal open={open} onClose={close} title={title} description={description}>
        {children(close)}
      </Modal>
    </>
  );
}
