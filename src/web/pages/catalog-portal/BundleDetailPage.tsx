import { useMemo } from 'react';
import { Breadcrumb, Button, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { useBundle, type BundleDetail } from '../../api/catalog.ts';
import { NotFoundState, QueryState } from '../../components/PageState.tsx';
import { catalogCodeOf } from '../../components/address.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { MaterialsTable } from './MaterialsTable.tsx';
import { caseKindKey, deliveryKey, formatLimit } from './labels.ts';
import './catalog-portal.css';

/** 一件事 in detail: its services and departments, one merged material list, one committed limit. */
export function BundleDetailPage() {
  const param = useParams().code;
  const code = catalogCodeOf(param);
  const t = useT();
  const bundle = useBundle(code);
  usePageTitle(bundle.data?.name ?? t('bundles.title'));
  return (
    <div className="portal-page guide-page" data-testid="bundle-page">
      <Breadcrumb
        className="guide-crumbs"
        items={[
          { title: <Link to="/">{t('nav.home')}</Link> },
          { title: <Link to="/bundles">{t('bundles.title')}</Link> },
          { title: bundle.data?.name ?? param },
        ]}
      />
      {code ? (
        <QueryState query={bundle} rows={12} notFound={<BundleNotFound />}>
          {(data) => <Bundle bundle={data} />}
        </QueryState>
      ) : (
        <BundleNotFound />
      )}
    </div>
  );
}

/** An address that names no bundle on offer: said so, with the way to the list of bundles. */
function BundleNotFound() {
  const t = useT();
  return <NotFoundState title={t('bundles.notFound')} hint={t('bundles.notFoundHint')} back={{ to: '/bundles', label: t('bundles.backToList') }} />;
}

function Bundle({ bundle }: { bundle: BundleDetail }) {
  const t = useT();
  const c = bundle.content;
  const itemNames = useMemo(() => new Map(bundle.items.map((i) => [i.code, i.name])), [bundle.items]);
  const legalSum = bundle.items.reduce((n, i) => n + (i.legalLimit.unit === 'workday' ? i.legalLimit.value : 0), 0);
  const separate = bundle.materials.length + bundle.materialsSaved;
  const unit = t('svc.unit.workday');
  return (
    <>
      <header className="guide-header">
        <div className="guide-kicker">{t('bundles.title')}</div>
        <h1 className="guide-name" data-testid="bundle-name">
          {bundle.name}
        </h1>
        <p className="guide-text">{c.description}</p>
        <div className="guide-tags">
          {c.audience.map((a) => (
            <Tag key={a}>{t(a === 'person' ? 'svc.audience.person' : 'svc.audience.enterprise')}</Tag>
          ))}
          {c.themes.map((theme) => (
            <Tag key={theme} color="blue">
              {theme}
            </Tag>
          ))}
          <span className="muted">
            {t('svc.labelled', { label: t('bundles.lead'), value: bundle.organizationName })} ·{' '}
            {t('svc.labelled', { label: t('bundles.delivery'), value: c.deliveryMethods.map((d) => t(deliveryKey(d))).join(t('svc.sep')) })}
          </span>
        </div>
        <dl className="guide-facts bundle-facts" data-testid="bundle-facts">
          <div>
            <dt>{t('bundles.committedLimit')}</dt>
            <dd className="svc-fact-good">{formatLimit(t, c.committedLimit)}</dd>
            {c.committedLimit.note && <dd className="cell-sub">{c.committedLimit.note}</dd>}
          </div>
          <div>
            <dt>{t('bundles.sumOfLimits')}</dt>
            <dd>{bundle.sumOfCommittedLimits > 0 ? `${bundle.sumOfCommittedLimits} ${unit}` : t('svc.limitOnSpot')}</dd>
          </div>
          <div>
            <dt>{t('bundles.sumOfLegal')}</dt>
            <dd>{legalSum > 0 ? `${legalSum} ${unit}` : t('svc.limitOnSpot')}</dd>
          </div>
          <div>
            <dt>{t('bundles.materialCount')}</dt>
            <dd>{bundle.materials.length}</dd>
          </div>
          <div>
            <dt>{t('bundles.materialsSaved')}</dt>
            <dd className="svc-fact-good" data-testid="bundle-saved">
              {t('bundles.materialsSavedValue', { n: bundle.materialsSaved })}
            </dd>
          </div>
        </dl>
        <div className="guide-actions no-print">
          <Link to={`/apply/bundle/${encodeURIComponent(bundle.code)}`} data-testid="bundle-apply">
            <Button type="primary">{t('cases.applyOnline')}</Button>
          </Link>
        </div>
      </header>

      <section className="guide-section" data-testid="bundle-items">
        <h2 className="guide-section-title">{t('bundles.itemsTitle')}</h2>
        <Table
          rowKey="code"
          size="small"
          bordered
          pagination={false}
          dataSource={bundle.items}
          scroll={{ x: 860 }}
          columns={[
            {
              title: t('bundles.item.name'),
              dataIndex: 'name',
              render: (name: string, i) => <Link to={`/services/${encodeURIComponent(i.code)}`}>{name}</Link>,
            },
            { title: t('svc.department'), dataIndex: 'organizationName', width: 220 },
            {
              title: t('svc.filter.caseKind'),
              dataIndex: 'caseKind',
              width: 100,
              render: (k: string) => <Tag color={k === 'immediate' ? 'green' : 'blue'}>{t(caseKindKey(k))}</Tag>,
            },
            { title: t('svc.legalLimit'), key: 'legal', width: 130, render: (_v, i) => formatLimit(t, i.legalLimit) },
            { title: t('svc.committedLimit'), key: 'committed', width: 130, render: (_v, i) => formatLimit(t, i.committedLimit) },
            { title: t('bundles.item.materials'), dataIndex: 'materials', width: 130, align: 'center' },
          ]}
        />
      </section>

      <section className="guide-section" data-testid="bundle-materials">
        <h2 className="guide-section-title">{t('bundles.mergedTitle')}</h2>
        <p className="guide-note">{t('bundles.mergedNote', { separate, merged: bundle.materials.length, saved: bundle.materialsSaved })}</p>
        <MaterialsTable materials={bundle.materials} itemNames={itemNames} />
      </section>
    </>
  );
}
