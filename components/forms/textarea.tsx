import * as React from 'react';
import { cn } from '@/lib/utils';

/** Styled like components/ui/input, for the narrative fields of a report. */
export function Textarea({ className, ...props }: React.ComponentProps<'textarea'>) {
  return (
    <textarea
      className={cn(
        'min-h-20 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs',
        'placeholder:text-slate-400',
        'focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/30 focus-visible:outline-none',
        'disabled:cursor-not-allowed disabled:bg-slate-50',
        'aria-invalid:border-red-600 aria-invalid:ring-red-600/20',
        className,
      )}
      {...props}
    />
  );
}
