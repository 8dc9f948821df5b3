import type { Role } from '@/generated/prisma/enums';
import { ROLE_SCOPES, type Permission } from '@/lib/auth/permissions';
import type zhCN from '@/messages/zh-CN.json';

export type NavLabelKey = Exclude<keyof (typeof zhCN)['nav'], 'label'>;

export interface NavItem {
  href: string;
  /** key under `nav` in messages/*.json */
  labelKey: NavLabelKey;
  /** who sees the link; everyone when absent. Hiding a link is convenience, not access control. */
  roles?: readonly Role[];
  /** shown only to roles that hold this permission in some scope */
  permission?: Permission;
}

/** The top bar's navigation. A new page adds one line here (and its label under `nav` in both message files). */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/dashboard', labelKey: 'dashboard', permission: 'rollup.read' },
  { href: '/plan', labelKey: 'plan' },
  { href: '/projects', labelKey: 'projects' },
  { href: '/problems', labelKey: 'problems', permission: 'problem.read' },
  { href: '/bulletins', labelKey: 'bulletins', permission: 'rollup.read' },
  { href: '/reports', labelKey: 'reportEntry', permission: 'report.edit' },
  { href: '/reports/review', labelKey: 'reportReview', permission: 'report.review' },
  { href: '/reports/board', labelKey: 'reportBoard', permission: 'report.read' },
  { href: '/audit', labelKey: 'audit', permission: 'audit.read' },
  // one entry for the administration pages, whose own tabs (ADMIN_TABS) lead on: the bar stays one line at 1280 px
  { href: '/admin', labelKey: 'admin', permission: 'user.manage' },
];

/** The administration area's tabs, under 系统管理. */
export const ADMIN_TABS: readonly NavItem[] = [
  { href: '/admin/users', labelKey: 'adminUsers', permission: 'user.manage' },
  { href: '/admin/departments', labelKey: 'adminDepartments', permission: 'department.manage' },
  { href: '/admin/plan-years', labelKey: 'adminPlanYears', permission: 'planYear.manage' },
  { href: '/admin/api-tokens', labelKey: 'adminApiTokens', permission: 'apiToken.manage' },
  { href: '/admin/storage', labelKey: 'adminStorage', permission: 'department.manage' },
];

const visibleTo = (role: Role) => (item: NavItem) =>
  (!item.roles || item.roles.includes(role)) && (!item.permission || ROLE_SCOPES[role][item.permission] !== 'none');

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter(visibleTo(role));
}

export function adminTabsFor(role: Role): NavItem[] {
  return ADMIN_TABS.filter(visibleTo(role));
}
