import type * as React from 'react';
import Link from 'next/link';
import { cn } from '@/lib/utils';

/** A step to the previous or next page: a link (server-rendered lists) or a button (the data table's own state). */
export type PagerStep = { label: string; disabled: boolean } & ({ href: string } | { onClick: () => void });

const STEP = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50';
const DISABLED = 'border-slate-200 bg-transparent text-slate-400 hover:bg-transparent';

function Step({ step }: { step: PagerStep }) {
  if ('onClick' in step) {
    return (
      <button
        type="button"
        className={cn(STEP, step.disabled && DISABLED)}
        disabled={step.disabled}
        onClick={step.onClick}
      >
        {step.label}
      </button>
    );
  }
  // a disabled link is no link at all: nothing to follow, nothing to focus
  return step.disabled ? (
    <span aria-disabled className={cn(STEP, DISABLED)}>
      {step.label}
    </span>
  ) : (
    <Link href={step.href} className={STEP}>
      {step.label}
    </Link>
  );
}

/**
 * The one pager's markup: "previous · page N of M · next", with room before it for more controls (rows per page).
 * Neither server nor client only, so the link pager (`pager.tsx`) and the data table's pager look and read alike.
 */
export function PagerControls({
  label,
  summary,
  previous,
  next,
  testId,
  children,
}: {
  label: string;
  summary: string;
  previous: PagerStep;
  next: PagerStep;
  testId?: string;
  children?: React.ReactNode;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-end gap-3 text-sm" data-testid={testId}>
      {children}
      <Step step={previous} />
      <span className="text-slate-600 tabular-nums">{summary}</span>
      <Step step={next} />
    </nav>
  );
}
