import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { DepartmentOption } from '@/lib/server/admin/list-departments';
import type { AdminUserRow } from '@/lib/server/admin/list-users';
import { cn } from '@/lib/utils';
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
  return (
    <Card>
      <Table aria-label={t('tableLabel')}>
        <TableCaption>{t('count', { count: users.length })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t('columns.username')}</TableHead>
            <TableHead scope="col">{t('columns.displayName')}</TableHead>
            <TableHead scope="col">{t('columns.role')}</TableHead>
            <TableHead scope="col">{t('columns.department')}</TableHead>
            <TableHead scope="col">{t('columns.active')}</TableHead>
            <TableHead scope="col">{t('columns.mustChangePassword')}</TableHead>
            <TableHead scope="col">{t('columns.lastLogin')}</TableHead>
            <TableHead scope="col" className="text-right">
              {tc('actions')}
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => {
            const isSelf = user.id === actorId;
            return (
              <TableRow key={user.id} className={cn(!user.active && 'text-slate-400')}>
                <TableCell className="font-mono text-xs">
                  {user.username}
                  {isSelf && (
                    <Badge variant="brand" className="ml-2 font-sans">
                      {t('self')}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{user.displayName}</TableCell>
                <TableCell className="whitespace-nowrap">{tr(user.role)}</TableCell>
                <TableCell>{user.departmentName ?? tc('none')}</TableCell>
                <TableCell>
                  <Badge variant={user.active ? 'success' : 'neutral'}>{user.active ? tc('active') : tc('inactive')}</Badge>
                </TableCell>
                <TableCell>
                  {user.mustChangePassword ? <Badge variant="warning">{t('mustChange')}</Badge> : tc('no')}
                </TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">
                  {user.lastLoginAt
                    ? format.dateTime(user.lastLoginAt, { dateStyle: 'short', timeStyle: 'short' })
                    : t('neverSignedIn')}
                </TableCell>
                <TableCell>
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
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Card>
  );
}
