import type { Me } from '../api/types.ts';
import { NotificationBell } from '../components/NotificationBell.tsx';
import { UserMenu } from '../components/UserMenu.tsx';

/** The signed-in part of the portal header, loaded only for signed-in visitors. */
export function AccountActions({ me }: { me: Me }) {
  return (
    <>
      <NotificationBell />
      <UserMenu me={me} />
    </>
  );
}
