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
  { href: '/bulletins', labelKey: 'bulletins', permission: 'rollup.read' },
  { href: '/reports', labelKey: 'reportEntry', permission: 'report.edit' },
  { href: '/reports/review', labelKey: 'reportReview', permission: 'report.review' },
  { href: '/reports/board', labelKey: 'reportBoard', permission: 'report.read' },
  { href: '/audit', labelKey: 'audit', permission: 'audit.read' },
  { href: '/admin/users', labelKey: 'adminUsers', permission: 'user.manage' },
  { href: '/admin/departments', labelKey: 'adminDepartments', permission: 'department.manage' },
  { href: '/admin/plan-years', labelKey: 'adminPlanYears', permission: 'planYear.manage' },
  { href: '/admin/api-tokens', labelKey: 'adminApiTokens', permission: 'apiToken.manage' },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (!item.roles || item.roles.includes(role)) && (!item.permission || ROLE_SCOPES[role][item.permission] !== 'none'),
  );
}
