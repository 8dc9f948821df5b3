import * as React from 'react';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/utils';

export interface FieldAria {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A label, the control, a hint and an error, tied together: the control is described by the error (read first)
 * and the hint, so a screen reader says what is wrong and what is expected.
 */
export function Field({
  id,
  label,
  hint,
  error,
  errorTestId,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  errorTestId?: string;
  children: (aria: FieldAria) => React.ReactNode;
}) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p id={errorId} className="text-sm text-red-700" data-testid={errorTestId}>
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

export function Select({ className, ...props }: React.ComponentProps<'select'>) {
  return (
    <select
      className={cn(
        'h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs',
        'focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/30 focus-visible:outline-none',
        'aria-invalid:border-red-600 aria-invalid:ring-red-600/20',
        className,
      )}
      {...props}
    />
  );
}

/** The form-level error: a refusal, a conflict, or "check the fields below". */
export function FormAlert({ id, message, testId }: { id?: string; message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p
      id={id}
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700"
      data-testid={testId}
    >
      {message}
    </p>
  );
}

/**
 * A form's success message. The live region is always in the page, so screen readers announce the message when
 * its text appears.
 */
export function FormSuccess({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <div role="status" aria-live="polite">
      {message && (
        <p
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
          data-testid={testId}
        >
          {message}
        </p>
      )}
    </div>
  );
}
