import { Link } from 'react-router';
import { useT } from '../i18n/index.tsx';

/** The center's mark and name. */
export function Brand({ compact = false, to = '/' }: { compact?: boolean; to?: string }) {
  const t = useT();
  return (
    <Link to={to} className={`brand${compact ? ' brand-compact' : ''}`} aria-label={t('app.centerName')}>
      <svg className="brand-mark" viewBox="0 0 64 64" aria-hidden="true">
        <rect width="64" height="64" rx="12" fill="#c0392b" />
        <rect x="14" y="16" width="36" height="32" rx="3" fill="none" stroke="#fff" strokeWidth="5" />
        <path d="M14 30h36M32 16v32" stroke="#fff" strokeWidth="5" />
      </svg>
      <span className="brand-text">
        <span className="brand-name">{compact ? t('app.shortName') : t('app.centerName')}</span>
        {!compact && <span className="brand-sub">{t('app.shortName')}</span>}
      </span>
    </Link>
  );
}
