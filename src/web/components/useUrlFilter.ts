import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

type Value = string | number | boolean | undefined;

/**
 * A page's filter kept in its address, so that a link can open the page filtered (the home page's counts do) and
 * a filtered page can be bookmarked or shared. `parse` reads the address — ignoring what it does not know, so a
 * mistyped address shows the page unfiltered — and every change is written back (replacing the history entry);
 * other parameters of the address (a tab) stay. An address that comes from elsewhere while the page is open (the
 * menu's link to the page itself, Back) is read again, so the page shows what its address says.
 */
export function useUrlFilter<T extends { [K in keyof T]: Value }>(keys: readonly (keyof T & string)[], parse: (params: URLSearchParams) => T) {
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<T>(() => parse(params));
  // the address as this page last read or wrote it
  const known = useRef(params.toString());
  const first = useRef(true);
  useEffect(() => {
    const now = params.toString();
    if (now === known.current) return;
    known.current = now;
    setFilter(parse(params));
    // read again when the address changes only: `parse` is the page's own
  }, [params]);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const key of keys) {
          const v = filter[key];
          if (v === undefined || v === '' || v === false) next.delete(key);
          else next.set(key, String(v));
        }
        known.current = next.toString();
        return next;
      },
      { replace: true },
    );
    // written back when the filter changes only: `setParams` changes with every address it writes
  }, [filter]);
  return [filter, setFilter] as const;
}

/** `value` when it is one of `allowed`, else nothing. */
export function oneOf<A extends string>(allowed: readonly A[], value: string | null): A | undefined {
  return allowed.includes(value as A) ? (value as A) : undefined;
}

/** A positive integer from the address, else nothing. */
export function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** A calendar day (YYYY-MM-DD) from the address, else nothing. */
export function day(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}
