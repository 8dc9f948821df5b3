import { redirect } from 'next/navigation';

// The administration area has no overview of its own; its first page is the users table.
export default function AdminHome(): never {
  redirect('/admin/users');
}
