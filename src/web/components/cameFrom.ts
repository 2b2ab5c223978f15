import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * Where the reader was before the page they are on: the workbench remembers the last address it showed, so that a
 * case page opened from 待办 or 综合受理 leads back there (with the list's filters), not always to 办件查询.
 */
let shown: string | null = null;

/** Called by the workbench's frame: remembers each address once it is shown. */
export function useRememberLocation(): void {
  const location = useLocation();
  useEffect(() => {
    shown = location.pathname + location.search;
  }, [location.pathname, location.search]);
}

/** The address shown before this page, as it was when the page opened (its first render comes before the frame remembers it). */
export function useCameFrom(): string | null {
  const [from] = useState(() => shown);
  return from;
}
