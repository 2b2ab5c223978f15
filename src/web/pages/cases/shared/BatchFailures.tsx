import type { ReactNode } from 'react';

/** What a batch of case actions could not do, case by case, with why (for a notification that stays until closed). */
export function BatchFailures({ failed }: { failed: { caseNumber: string; message: ReactNode }[] }) {
  return (
    <ul className="batch-failures" data-testid="batch-failures">
      {failed.map((f) => (
        <li key={f.caseNumber}>
          <span className="mono">{f.caseNumber}</span>：{f.message}
        </li>
      ))}
    </ul>
  );
}
