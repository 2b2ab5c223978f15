import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../common/errors.ts';
import { setApiLocale } from '../api/client.ts';
import { common } from './common.ts';
import { portal } from './portal.ts';
import type { workbench } from './workbench.ts';
import type { org } from './org.ts';
import { account } from './account.ts';
import { catalog } from './catalog.ts';
import type { calendar } from './calendar.ts';
import type { catalogAdmin } from './catalog-admin.ts';
import type { supervision } from './supervision.ts';
import type { queue } from './queue.ts';
import type { metrics } from './metrics.ts';
import { cases } from './cases.ts';

/** Every UI string as [zh-CN, en]; a key missing a language does not compile. */
type Dictionary = typeof common &
  typeof portal &
  typeof workbench &
  typeof org &
  typeof account &
  typeof catalog &
  typeof calendar &
  typeof catalogAdmin &
  typeof supervision &
  typeof queue &
  typeof metrics &
  typeof cases;
/**
 * The strings of the portal load with the first page; the staff-only ones (workbench, organizations,
 * calendar, catalog administration) come in their own chunk before any lazily loaded page renders, so
 * the portal's first load stays small.
 */
const dictionary = { ...common, ...portal, ...account, ...catalog, ...cases } as Dictionary;

let staffMessages: Promise<void> | undefined;
export function loadStaffMessages(): Promise<void> {
  staffMessages ??= Promise.all([
    import('./workbench.ts'),
    import('./org.ts'),
    import('./calendar.ts'),
    import('./catalog-admin.ts'),
    import('./supervision.ts'),
    import('./queue.ts'),
    import('./metrics.ts'),
  ]).then(([w, o, c, a, s, q, m]) => {
    Object.assign(dictionary, w.workbench, o.org, c.calendar, a.catalogAdmin, s.supervision, q.queue, m.metrics);
  });
  return staffMessages;
}
export type MessageKey = keyof Dictionary;
export type Vars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: Vars) => string;

const storageKey = 'onewindow.locale';

function initialLocale(): Locale {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'en' || asked === 'zh-CN') return asked;
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {}
  return 'zh-CN';
}

/**
 * A message with its values put in: `{name}` is the value; `{n|copy|copies}` is the word for the number `n`, the
 * first for one and the second for any other (English; Chinese does not inflect).
 */
export function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)(?:\|([^|}]*)\|([^|}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in vars)) return whole;
    if (one === undefined) return String(vars[name]);
    return Number(vars[name]) === 1 ? one : other!;
  });
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const entry = dictionary[key] as readonly [string, string] | undefined;
  if (!entry) return key;
  return fill(entry[locale === 'en' ? 1 : 0], vars);
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState | null>(null);

function apply(locale: Locale) {
  setApiLocale(locale);
  document.documentElement.lang = locale;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const l = initialLocale();
    apply(l);
    return l;
  });
  const setLocale = useCallback((next: Locale) => {
    apply(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {}
    setState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext value={value}>{children}</LocaleContext>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

/** `t('key', { name })` in the current language. */
export function useT(): TFunction {
  const { locale } = useLocale();
  return useCallback<TFunction>((key, vars) => translate(locale, key, vars), [locale]);
}
