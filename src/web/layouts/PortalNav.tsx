import { useLayoutEffect, useState, type RefObject } from 'react';
import { NavLink } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { isStaff } from '../api/auth.ts';
import type { Me } from '../api/types.ts';

/**
 * The portal's navigation: across the header on a wide screen, down the menu drawer on a phone. `testIdPrefix` keeps
 * the two apart (`nav-my-cases`, `menu-my-cases`); `onNavigate` closes the drawer once a link is followed.
 */
export function PortalNavLinks({ me, testIdPrefix = 'nav', onNavigate }: { me: Me | null; testIdPrefix?: string; onNavigate?: () => void }) {
  const t = useT();
  const staff = !!me && isStaff(me);
  const id = (name: string) => `${testIdPrefix}-${name}`;
  return (
    <>
      <NavLink to="/" end onClick={onNavigate} data-testid={id('home')}>
        {t('nav.home')}
      </NavLink>
      <NavLink to="/services" onClick={onNavigate} data-testid={id('services')}>
        {t('nav.services')}
      </NavLink>
      <NavLink to="/appointments" onClick={onNavigate} data-testid={id('appointments')}>
        {t('home.entry.appointment')}
      </NavLink>
      <a href="/#network" onClick={onNavigate} data-testid={id('network')}>
        {t('nav.network')}
      </a>
      {!staff && (
        <>
          <NavLink to="/my/cases" onClick={onNavigate} data-testid={id('my-cases')}>
            {t('cases.myCases')}
          </NavLink>
          <NavLink to="/my/licenses" onClick={onNavigate} data-testid={id('my-licenses')}>
            {t('cases.myLicenses')}
          </NavLink>
        </>
      )}
      <NavLink to={staff ? '/workbench' : '/my'} end onClick={onNavigate} data-testid={id('account')}>
        {staff ? t('nav.workbench') : t('nav.myAccount')}
      </NavLink>
    </>
  );
}

/**
 * Whether the header's navigation folds into the menu button: when it does not fit on the line beside the center's
 * name and the actions. It is measured, not guessed from the screen's width, as the names of accounts and the
 * languages differ in length; `links` changes when the navigation's links do (signed in as staff or not).
 */
export function useNavFolded(inner: RefObject<HTMLElement | null>, links: string): boolean {
  const [folded, setFolded] = useState(false);
  useLayoutEffect(() => {
    const line = inner.current;
    if (!line || typeof ResizeObserver === 'undefined') return;
    const width = (el: Element | null) => el?.getBoundingClientRect().width ?? 0;
    const gap = (el: Element) => parseFloat(getComputedStyle(el).columnGap) || 0;
    const measure = () => {
      const nav = line.querySelector('.portal-nav');
      if (!nav) return;
      // the links as wide as their labels, folded or not; the actions without the menu button
      const items = Array.from(nav.children);
      const navWidth = items.reduce((sum, a) => sum + width(a), 0) + gap(nav) * Math.max(0, items.length - 1);
      const actions = width(line.querySelector('.portal-actions')) - width(line.querySelector('.portal-menu-button'));
      setFolded(width(line.querySelector('.brand')) + navWidth + actions + 2 * gap(line) > line.clientWidth);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(line);
    for (const el of line.querySelectorAll('.brand, .portal-nav > *, .portal-actions')) observer.observe(el);
    return () => observer.disconnect();
  }, [inner, links]);
  return folded;
}
