import { redirect } from 'next/navigation';

// The plan overview is the start page until a dashboard exists.
export default function AppHome(): never {
  redirect('/plan');
}
