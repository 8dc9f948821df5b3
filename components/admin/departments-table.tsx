import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatCount } from '@/lib/format';
import type { AdminDepartmentRow } from '@/lib/server/admin/list-departments';
import { cn } from '@/lib/utils';
import { DepartmentRowActions } from './department-forms';

export async function DepartmentsTable({ departments }: { departments: readonly AdminDepartmentRow[] }) {
  const [t, tc, locale] = await Promise.all([
    getTranslations('admin.departments'),
    getTranslations('admin.common'),
    getLocale(),
  ]);
  return (
    <Card>
      <Table aria-label={t('tableLabel')}>
        <TableCaption>{t('count', { count: departments.length })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t('columns.name')}</TableHead>
            <TableHead scope="col">{t('columns.shortName')}</TableHead>
            <TableHead scope="col">{t('columns.kind')}</TableHead>
            <TableHead scope="col">{t('columns.active')}</TableHead>
            <TableHead scope="col" className="text-right">
              {t('columns.projects')}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t('columns.users')}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {tc('actions')}
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {departments.map((department) => (
            <TableRow key={department.id} className={cn(!department.active && 'text-slate-400')}>
              <TableCell className="font-medium">{department.name}</TableCell>
              <TableCell>{department.shortName}</TableCell>
              <TableCell className="whitespace-nowrap">{t(`kinds.${department.kind}`)}</TableCell>
              <TableCell>
                <Badge variant={department.active ? 'success' : 'neutral'}>
                  {department.active ? tc('active') : tc('inactive')}
                </Badge>
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(department.projectCount, locale)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(department.userCount, locale)}</TableCell>
              <TableCell>
                <DepartmentRowActions department={department} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
