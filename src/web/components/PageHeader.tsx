import type { ReactNode } from 'react';
import { Breadcrumb, Typography } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle.ts';

/** A workbench page's title line: breadcrumb, title, one sentence of help, and actions on the right. */
export function PageHeader({
  title,
  subtitle,
  extra,
  crumbs,
}: {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
  crumbs?: { to?: string; title: string }[];
}) {
  usePageTitle(title);
  return (
    <div className="page-header">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb
          className="page-breadcrumb"
          items={[...crumbs, { title }].map((c) => ({ title: 'to' in c && c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
        />
      )}
      <div className="page-header-row">
        <div className="page-header-text">
          <Typography.Title level={3} className="page-title">
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
        {extra && <div className="page-header-extra">{extra}</div>}
      </div>
    </div>
  );
}
