import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable, type DataTableColumn, type DataTableRow } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { DepartmentOption } from '@/lib/server/admin/list-departments';
import type { AdminUserRow } from '@/lib/server/admin/list-users';
import { UserRowActions } from './user-forms';

export async function UsersTable({
  users,
  departments,
  actorId,
}: {
  users: readonly AdminUserRow[];
  departments: readonly DepartmentOption[];
  actorId: number;
}) {
  const [t, tc, tr, format] = await Promise.all([
    getTranslations('admin.users'),
    getTranslations('admin.common'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  const columns: DataTableColumn[] = [
    { id: 'username', header: t('columns.username'), className: 'font-mono text-xs' },
    { id: 'displayName', header: t('columns.displayName') },
    { id: 'role', header: t('columns.role'), className: 'whitespace-nowrap' },
    { id: 'department', header: t('columns.department') },
    { id: 'active', header: t('columns.active') },
    { id: 'mustChangePassword', header: t('columns.mustChangePassword') },
    { id: 'lastLogin', header: t('columns.lastLogin'), className: 'whitespace-nowrap tabular-nums' },
    { id: 'actions', header: tc('actions'), headerClassName: 'text-right' },
  ];
  const rows: DataTableRow[] = users.map((user) => {
    const isSelf = user.id === actorId;
    return {
      id: String(user.id),
      className: user.active ? undefined : 'text-slate-400',
      cells: {
        username: (
          <>
            {user.username}
            {isSelf && (
              <Badge variant="brand" className="ml-2 font-sans">
                {t('self')}
              </Badge>
            )}
          </>
        ),
        displayName: user.displayName,
        role: tr(user.role),
        department: user.departmentName ?? tc('none'),
        active: (
          <Badge variant={user.active ? 'success' : 'neutral'}>{user.active ? tc('active') : tc('inactive')}</Badge>
        ),
        mustChangePassword: user.mustChangePassword ? <Badge variant="warning">{t('mustChange')}</Badge> : tc('no'),
        lastLogin: user.lastLoginAt
          ? format.dateTime(user.lastLoginAt, { dateStyle: 'short', timeStyle: 'short' })
          : t('neverSignedIn'),
        actions: (
          <UserRowActions
            user={{
              id: user.id,
              username: user.username,
              displayName: user.displayName,
              role: user.role,
              departmentId: user.departmentId,
              active: user.active,
            }}
            departments={departments}
            isSelf={isSelf}
          />
        ),
      },
    };
  });
  return (
    <Card>
      <DataTable
        testId="users-table"
        ariaLabel={t('tableLabel')}
        caption={t('count', { count: users.length })}
        columns={columns}
        rows={rows}
      />
    </Card>
  );
}
