'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavLink } from '@/components/layout/nav-links';
import { cn } from '@/lib/utils';

/** The administration area's tabs (users, departments, plan years, API tokens): the top bar has one entry for all. */
export function AdminTabs({ links, label }: { links: NavLink[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 print:hidden">
      {links.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap text-slate-600 hover:text-slate-900',
              active ? 'border-brand-700 font-medium text-brand-800' : 'border-transparent',
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
