import * as React from 'react';
import { cn } from '@/lib/utils';

export function Input({ className, type = 'text', ...props }: React.ComponentProps<'input'>) {
  return (
    <input
      type={type}
      className={cn(
        'h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs',
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
