'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';

export interface NavLink {
  href: string;
  label: string;
}

export function NavLinks({ links, label }: { links: NavLink[]; label: string }) {
  const pathname = usePathname();
  // The longest link that contains the page wins: on /reports/board, "报送情况" is current, not "月报填报".
  const matches = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const current = links.filter((l) => matches(l.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    // no gap, tight padding: the administrator's nine links and the name still fit one line at 1280 px
    <nav aria-label={label} className="flex min-w-0 flex-wrap items-center">
      {links.map((link) => {
        const active = link.href === current;
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'rounded-md px-1.5 py-1.5 text-sm whitespace-nowrap text-brand-100 transition-colors hover:bg-white/10 hover:text-white',
              active && 'bg-white/15 font-medium text-white',
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
