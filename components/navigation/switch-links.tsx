import type * as React from 'react';
import Link from 'next/link';
import { cn } from '@/lib/utils';

export interface SwitchLink {
  key: string | number;
  href: string;
  label: string;
  /** data-* attributes of the link, e.g. { 'data-month': '3' } */
  attrs?: Record<`data-${string}`, string>;
  testId?: string;
}

const LOOK = {
  // quiet tabs for a page's year or month
  tabs: {
    base: 'rounded-md px-2.5 py-1 text-slate-600 hover:bg-white hover:text-brand-700',
    current: 'bg-white font-medium text-brand-800 shadow-sm ring-1 ring-slate-200',
  },
  // small filled pills for the switches beside a screen's figures
  pills: {
    base: 'rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50',
    current: 'border-brand-700 bg-brand-700 text-white hover:bg-brand-700',
  },
} as const;

/**
 * One choice among a few, as links: the choice lives in the URL, so a view can be bookmarked and sent to a
 * colleague, and it works without JavaScript. The current one is marked `aria-current="page"`.
 */
export function SwitchLinks({
  label,
  links,
  current,
  look = 'tabs',
  testId,
  className,
  children,
}: {
  /** the nav's accessible name */
  label: string;
  links: readonly SwitchLink[];
  current: string | number;
  look?: keyof typeof LOOK;
  testId?: string;
  className?: string;
  /** shown before the links, e.g. a visible caption */
  children?: React.ReactNode;
}) {
  const { base, current: active } = LOOK[look];
  return (
    <nav
      aria-label={label}
      className={cn('flex flex-wrap items-center gap-1', look === 'tabs' && 'text-sm', className)}
      data-testid={testId}
    >
      {children}
      {links.map((link) => (
        <Link
          key={link.key}
          href={link.href}
          aria-current={link.key === current ? 'page' : undefined}
          data-testid={link.testId}
          {...link.attrs}
          className={cn(base, link.key === current && active)}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
