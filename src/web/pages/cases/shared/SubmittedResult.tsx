import type { ReactNode } from 'react';
import { Button, Card, Result, Typography } from 'antd';
import { Link } from 'react-router';
import { useCaseT } from '../../../i18n/cases-pages.ts';

/**
 * What an applicant sees once an application is in: its number to copy, the way to its progress and to 我的办件,
 * and what happens next; `children` adds what the application holds (a bundle's item cases).
 */
export function SubmittedResult({
  title,
  numberLabel,
  id,
  number,
  children,
}: {
  title: string;
  numberLabel: string;
  id: number;
  number: string;
  children?: ReactNode;
}) {
  const t = useCaseT();
  return (
    <Card>
      <Result
        status="success"
        title={title}
        subTitle={
          <span data-testid="case-number">
            {numberLabel}{' '}
            <Typography.Text copyable className="mono">
              {number}
            </Typography.Text>
          </span>
        }
        extra={[
          <Link key="view" to={`/my/cases/${id}`} data-testid="view-case">
            <Button type="primary">{t('cases.viewProgress')}</Button>
          </Link>,
          <Link key="all" to="/my/cases">
            <Button>{t('cases.myCases')}</Button>
          </Link>,
        ]}
      >
        <Typography.Paragraph type="secondary" className="center-text">
          {t('cases.submittedHint')}
        </Typography.Paragraph>
        {children}
      </Result>
    </Card>
  );
}
