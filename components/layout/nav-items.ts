import type { Role } from '@/generated/prisma/enums';
import type zhCN from '@/messages/zh-CN.json';

export type NavLabelKey = Exclude<keyof (typeof zhCN)['nav'], 'label'>;

export interface NavItem {
  href: string;
  /** key under `nav` in messages/*.json */
  labelKey: NavLabelKey;
  /** who sees the link; everyone when absent. Hiding a link is convenience, not access control. */
  roles?: readonly Role[];
}

/** The top bar's navigation. A new page adds one line here (and its label under `nav` in both message files). */
export const NAV_ITEMS: readonly NavItem[] = [{ href: '/plan', labelKey: 'plan' }];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}
