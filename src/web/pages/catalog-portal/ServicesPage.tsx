import { useEffect, useState } from 'react';
import { Button, Empty, Input, Pagination, Select, Skeleton, Tabs, Tag } from 'antd';
import { AppstoreOutlined, BankOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { useFacets, useServiceSearch, type Audience, type CaseKind, type ItemSummary, type ItemType, type ServiceQuery } from '../../api/catalog.ts';
import { InlineError } from '../../components/Feedback.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { caseKindKey, depthKey, formatLimit, formatVisits, suggestedWords, typeKey } from './labels.ts';
import './catalog-portal.css';

const pageSize = 10;

function readQuery(params: URLSearchParams): ServiceQuery {
  const audience = params.get('audience');
  const kind = params.get('kind');
  const org = Number(params.get('org'));
  const page = Number(params.get('page'));
  return {
    q: params.get('q')?.trim() || undefined,
    theme: params.get('theme') || undefined,
    audience: audience === 'person' || audience === 'enterprise' ? audience : undefined,
    org: Number.isInteger(org) && org > 0 ? org : undefined,
    type: (params.get('type') || undefined) as ItemType | undefined,
    caseKind: kind === 'immediate' || kind === 'committed' ? kind : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize,
  };
}

/** 办事服务: search the published catalog with themes, audience, department and type; the query lives in the URL. */
export function ServicesPage() {
  const t = useT();
  usePageTitle(t('svc.title'));
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [text, setText] = useState(query.q ?? '');
  useEffect(() => setText(query.q ?? ''), [query.q]);
  const facets = useFacets();
  const result = useServiceSearch(query);

  /** Change some parameters; any change but paging goes back to page 1. */
  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const filtered = !!(query.theme || query.audience || query.org || query.type || query.caseKind);

  return (
    <div className="portal-page svc-page" data-testid="services-page">
      <section className="svc-search">
        <div className="svc-title-row">
          <div>
            <h1 className="svc-title">{t('svc.title')}</h1>
            <p className="svc-subtitle">{t('svc.subtitle')}</p>
          </div>
          <nav className="svc-more" aria-label={t('svc.more')}>
            <Link to="/bundles" data-testid="link-bundles">
              <AppstoreOutlined /> {t('nav.bundles')}
            </Link>
            <Link to="/power-list" data-testid="link-power-list">
              <BankOutlined /> {t('nav.powerList')}
            </Link>
          </nav>
        </div>
        <Input.Search
          size="large"
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          placeholder={t('svc.searchPlaceholder')}
          enterButton={t('svc.search')}
          maxLength={100}
          aria-label={t('svc.search')}
          data-testid="services-search"
        />
      </section>

      <section className="svc-filters" aria-label={t('svc.filter.theme')}>
        <Tabs
          activeKey={query.audience ?? 'all'}
          onChange={(key) => update({ audience: key === 'all' ? undefined : key })}
          items={[
            { key: 'all', label: t('svc.audience.all') },
            { key: 'person', label: t('svc.audience.person') },
            { key: 'enterprise', label: t('svc.audience.enterprise') },
          ]}
          data-testid="services-audience"
        />
        <div className="svc-filter-row">
          <span className="svc-filter-label">{t('svc.filter.theme')}</span>
          <Tag.CheckableTagGroup<string>
            className="svc-themes"
            value={query.theme ?? null}
            onChange={(theme) => update({ theme: theme ?? undefined })}
            options={(facets.data?.themes ?? []).map((f) => ({
              value: f.theme,
              label: (
                <span>
                  {f.theme} <span className="svc-count">{f.count}</span>
                </span>
              ),
            }))}
            data-testid="services-themes"
          />
        </div>
        <div className="svc-filter-row">
          <span className="svc-filter-label">{t('svc.filter.more')}</span>
          <div className="svc-selects">
            <Select<number>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={query.org}
              onChange={(org) => update({ org })}
              placeholder={t('svc.filter.departmentAll')}
              options={(facets.data?.organizations ?? []).map((o) => ({ value: o.id, label: t('svc.paren', { a: o.name, b: o.count }) }))}
              loading={facets.isPending}
              style={{ width: 280 }}
              aria-label={t('svc.filter.department')}
              data-testid="services-department"
            />
            <Select<string>
              allowClear
              value={query.type}
              onChange={(type) => update({ type })}
              placeholder={t('svc.filter.typeAll')}
              options={(facets.data?.types ?? []).map((f) => ({ value: f.type, label: t('svc.paren', { a: t(typeKey(f.type)), b: f.count }) }))}
              style={{ width: 200 }}
              aria-label={t('svc.filter.type')}
              data-testid="services-type"
            />
            <Select<CaseKind>
              allowClear
              value={query.caseKind}
              onChange={(kind) => update({ kind })}
              placeholder={t('svc.filter.caseKindAll')}
              options={(['immediate', 'committed'] as const).map((k) => ({ value: k, label: t(caseKindKey(k)) }))}
              style={{ width: 210 }}
              aria-label={t('svc.filter.caseKind')}
            />
            {filtered && (
              <Button type="link" onClick={() => update({ theme: undefined, audience: undefined, org: undefined, type: undefined, kind: undefined })}>
                {t('svc.filter.clear')}
              </Button>
            )}
          </div>
        </div>
      </section>

      <section className="svc-results" aria-live="polite">
        {result.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : result.isError ? (
          <InlineError error={result.error} onRetry={() => void result.refetch()} />
        ) : result.data.total === 0 ? (
          <NoResults
            q={query.q}
            filtered={filtered}
            onWord={(q) => update({ q })}
            onClear={() => update({ theme: undefined, audience: undefined, org: undefined, type: undefined, kind: undefined })}
          />
        ) : (
          <>
            <div className="svc-results-head" data-testid="services-total">
              {query.q ? t('svc.foundFor', { q: query.q, total: result.data.total }) : t('svc.found', { total: result.data.total })}
            </div>
            <ol className={`svc-list${result.isPlaceholderData ? ' svc-list-stale' : ''}`} data-testid="services-results">
              {result.data.items.map((item) => (
                <ServiceRow key={item.code} item={item} audienceFilter={query.audience} />
              ))}
            </ol>
            <Pagination
              className="svc-pagination"
              current={query.page}
              pageSize={pageSize}
              total={result.data.total}
              showSizeChanger={false}
              showTotal={(total) => t('common.total', { total })}
              onChange={(page) => {
                update({ page: page > 1 ? page : undefined });
                window.scrollTo({ top: 0 });
              }}
            />
          </>
        )}
      </section>
    </div>
  );
}

function ServiceRow({ item, audienceFilter }: { item: ItemSummary; audienceFilter?: Audience }) {
  const t = useT();
  const immediate = item.caseKind === 'immediate';
  return (
    <li className="svc-item" data-testid="service-item">
      <div className="svc-item-main">
        <div className="svc-item-title">
          <Link to={`/services/${encodeURIComponent(item.code)}`} className="svc-item-name">
            {item.name}
          </Link>
          <Tag color={immediate ? 'green' : 'blue'}>{t(caseKindKey(item.caseKind))}</Tag>
          <Tag>{t(typeKey(item.type))}</Tag>
        </div>
        <div className="svc-item-meta">
          <span>{t('svc.labelled', { label: t('svc.department'), value: item.organizationName })}</span>
          {!audienceFilter && item.audience.length > 0 && (
            <span>{item.audience.map((a) => t(a === 'person' ? 'svc.audience.person' : 'svc.audience.enterprise')).join(' · ')}</span>
          )}
          {item.themes.map((theme) => (
            <Link key={theme} to={`/services?theme=${encodeURIComponent(theme)}`} className="svc-theme-link">
              #{theme}
            </Link>
          ))}
        </div>
      </div>
      <dl className="svc-facts">
        <div>
          <dt>{t('svc.legalLimit')}</dt>
          <dd>{formatLimit(t, item.legalLimit)}</dd>
        </div>
        <div>
          <dt>{t('svc.committedLimit')}</dt>
          <dd className="svc-fact-strong">{formatLimit(t, item.committedLimit)}</dd>
        </div>
        <div>
          <dt>{t('svc.visits')}</dt>
          <dd className={item.visitsRequired === 0 ? 'svc-fact-good' : undefined}>{formatVisits(t, item.visitsRequired)}</dd>
        </div>
        <div>
          <dt>{t('svc.onlineDepth')}</dt>
          <dd>{t(depthKey(item.onlineDepth))}</dd>
        </div>
      </dl>
    </li>
  );
}

function NoResults({ q, filtered, onWord, onClear }: { q?: string; filtered: boolean; onWord: (q: string) => void; onClear: () => void }) {
  const t = useT();
  return (
    <Empty
      className="svc-empty"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={<span data-testid="services-empty">{q ? t('svc.empty', { q }) : t('svc.emptyFiltered')}</span>}
    >
      <div className="svc-suggest">
        <span>{t('svc.emptyTry')}</span>
        {suggestedWords
          .filter((w) => w !== q)
          .map((w) => (
            <Button key={w} size="small" onClick={() => onWord(w)}>
              {w}
            </Button>
          ))}
      </div>
      <p className="svc-empty-hint">{t('svc.emptyHint')}</p>
      {filtered && (
        <Button type="primary" onClick={onClear}>
          {t('svc.filter.clear')}
        </Button>
      )}
    </Empty>
  );
}
