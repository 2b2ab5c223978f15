import { defaultRenewalLead, issuesLicense } from '../../../common/licenses.ts';
import { Fragment, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Anchor, Breadcrumb, Button, Collapse, Descriptions, Table, Tag } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useT, type MessageKey, type TFunction } from '../../i18n/index.tsx';
import { guidePdfUrl, useFacets, usePublishedItem, type ItemContent, type PublishedItem } from '../../api/catalog.ts';
import { NotFoundState, QueryState } from '../../components/PageState.tsx';
import { catalogCodeOf } from '../../components/address.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { MaterialsTable } from './MaterialsTable.tsx';
import { useTolT } from '../../i18n/tolerated.ts';
import { ProcessView } from './ProcessView.tsx';
import { caseKindKey, deliveryKey, depthKey, formatLimit, formatVisits, isExempt, levelKey, resultKey, scopeKey, splitClauses, typeKey } from './labels.ts';
import './catalog-portal.css';

const sections = ['basic', 'basis', 'conditions', 'materials', 'fees', 'process', 'limits', 'place', 'faqs'] as const;
type Section = (typeof sections)[number];
const sectionTitles: Record<Section, MessageKey> = {
  basic: 'guide.basic',
  basis: 'guide.basis',
  conditions: 'guide.conditions',
  materials: 'guide.materials',
  fees: 'guide.fees',
  process: 'guide.process',
  limits: 'guide.limits',
  place: 'guide.place',
  faqs: 'guide.faqs',
};

/** The day a version was published, written as the rest of the app writes days (2026/11/28, as format.ts does). */
function formatDate(iso: string | null): string {
  if (!iso) return '—';
  // year first in either language, as every day is written (i18n/format.ts)
  return new Date(iso).toLocaleDateString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** Text that wraps between its words only (the spaces stay outside the words): "Online pre-review" never breaks at its hyphen. */
function Words({ text }: { text: string }) {
  return (
    <>
      {text.split(' ').map((w, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span className="nowrap">{w}</span>
        </Fragment>
      ))}
    </>
  );
}

/** 办事指南: every element of the item's published version, printable, with the PDF guide a click away. */
export function ServiceGuidePage() {
  const code = catalogCodeOf(useParams().code);
  const t = useT();
  const item = usePublishedItem(code);
  usePageTitle(item.data ? `${item.data.content.name} · ${t('guide.title')}` : t('guide.title'));
  return (
    <div className="portal-page guide-page" data-testid="guide-page">
      <Breadcrumb
        className="guide-crumbs no-print"
        items={[
          { title: <Link to="/">{t('nav.home')}</Link> },
          { title: <Link to="/services">{t('nav.services')}</Link> },
          { title: item.data?.content.name ?? t('guide.title') },
        ]}
      />
      {code ? (
        <QueryState query={item} rows={12} notFound={<ServiceNotFound />}>
          {(data) => <Guide item={data} />}
        </QueryState>
      ) : (
        <ServiceNotFound />
      )}
    </div>
  );
}

/** An address that names no published item: said so, with the way to the list of services. */
function ServiceNotFound() {
  const t = useT();
  return <NotFoundState title={t('guide.notFound')} hint={t('guide.notFoundHint')} back={{ to: '/services', label: t('guide.backToServices') }} />;
}

function GuideSection({ id, title, children }: { id: Section | 'bundles'; title: string; children: ReactNode }) {
  return (
    <section id={`guide-${id}`} className="guide-section" data-testid={`guide-${id}`}>
      <h2 className="guide-section-title">{title}</h2>
      {children}
    </section>
  );
}

function Guide({ item }: { item: PublishedItem }) {
  const t = useT();
  const tt = useTolT();
  const c = item.content;
  const facets = useFacets();
  const orgNames = useMemo(() => new Map((facets.data?.organizations ?? []).map((o) => [o.id, o.name])), [facets.data]);
  const [openFaqs, setOpenFaqs] = useState<string[]>(c.faqs.length ? ['0'] : []);
  // a printed guide shows every answer
  useEffect(() => {
    const expand = () => setOpenFaqs(c.faqs.map((_f, i) => String(i)));
    window.addEventListener('beforeprint', expand);
    return () => window.removeEventListener('beforeprint', expand);
  }, [c.faqs]);
  const exempt = c.materials.filter(isExempt).length;
  // 容缺后补: required materials the window may accept the application without
  const tolerable = c.materials.filter((m) => m.necessity === 'required' && m.tolerable).length;
  const immediate = c.caseKind === 'immediate';
  const print = () => {
    setOpenFaqs(c.faqs.map((_f, i) => String(i)));
    // let the answers render before the print dialog takes the page
    window.setTimeout(() => window.print(), 50);
  };

  return (
    <div className="guide-layout">
      <div className="guide-main">
        <header className="guide-header">
          <div className="guide-kicker">{t('guide.title')}</div>
          <h1 className="guide-name" data-testid="guide-name">
            {c.name}
          </h1>
          <div className="guide-tags">
            <Tag color={immediate ? 'green' : 'blue'}>{t(caseKindKey(c.caseKind))}</Tag>
            <Tag>{t(typeKey(c.type))}</Tag>
            {c.audience.map((a) => (
              <Tag key={a}>{t(a === 'person' ? 'svc.audience.person' : 'svc.audience.enterprise')}</Tag>
            ))}
            {/* each part whole on its line: a phone wraps between them, never inside the date */}
            <span className="muted">
              {item.organizationName} · <span className="nowrap">{t('guide.version', { n: item.version })}</span> ·{' '}
              <span className="nowrap" data-testid="guide-published">
                {t('guide.publishedAt', { date: formatDate(item.publishedAt) })}
              </span>
            </span>
          </div>
          <dl className="guide-facts">
            <div>
              <dt>{t('svc.legalLimit')}</dt>
              <dd>{formatLimit(t, c.legalLimit)}</dd>
            </div>
            <div>
              <dt>{t('svc.committedLimit')}</dt>
              <dd>{formatLimit(t, c.committedLimit)}</dd>
            </div>
            <div>
              <dt>{t('guide.visits')}</dt>
              <dd className={c.visitsRequired === 0 ? 'svc-fact-good' : undefined}>{formatVisits(t, c.visitsRequired)}</dd>
            </div>
            <div>
              <dt>{t('guide.onlineDepth')}</dt>
              <dd>
                <Words text={t(depthKey(c.onlineDepth))} />
              </dd>
            </div>
            <div>
              <dt>{t('guide.fees')}</dt>
              <dd>{c.isChargeable ? c.fees.map((f) => f.name).join(t('svc.sep')) : t('guide.free')}</dd>
            </div>
          </dl>
          <div className="guide-actions no-print">
            {c.onlineDepth >= 3 && (
              <Link to={`/apply/${encodeURIComponent(item.code)}`} data-testid="guide-apply">
                <Button type="primary">{t('cases.applyOnline')}</Button>
              </Link>
            )}
            <Button type="primary" icon={<DownloadOutlined />} href={guidePdfUrl(item.code)} target="_blank" rel="noopener" data-testid="guide-pdf">
              {t('guide.downloadPdf')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={print} data-testid="guide-print">
              {t('guide.print')}
            </Button>
          </div>
          {item.delegatedFrom && (
            <Alert
              className="guide-alert"
              type="info"
              showIcon
              title={t('guide.delegatedFrom')}
              action={
                <Link to={`/services/${encodeURIComponent(item.delegatedFrom)}`} className="no-print">
                  {t('guide.delegatedFromLink')}
                </Link>
              }
              data-testid="guide-delegated"
            />
          )}
          {item.bundles.length > 0 && (
            <Alert
              className="guide-alert"
              type="success"
              showIcon
              title={
                <span>
                  {t('guide.inBundles')}
                  {item.bundles.map((b) => (
                    <Link key={b.code} to={`/bundles/${encodeURIComponent(b.code)}`} className="guide-bundle-link">
                      {b.name}
                    </Link>
                  ))}
                </span>
              }
            />
          )}
        </header>

        <GuideSection id="basic" title={t('guide.basic')}>
          <BasicInfo item={item} />
        </GuideSection>

        <GuideSection id="basis" title={t('guide.basis')}>
          <p className="guide-text">{c.basis || t('guide.none')}</p>
        </GuideSection>

        <GuideSection id="conditions" title={t('guide.conditions')}>
          <Clauses text={c.conditions} />
        </GuideSection>

        <GuideSection id="materials" title={t('guide.materials')}>
          {c.materials.length === 0 ? (
            <p className="guide-text">{t('guide.materialsEmpty')}</p>
          ) : (
            <>
              <p className="guide-note">
                {t('guide.materialsNote', { total: c.materials.length, free: exempt })}
                {tolerable > 0 && tt('tol.guideNote', { n: tolerable })}
              </p>
              <MaterialsTable materials={c.materials} />
            </>
          )}
        </GuideSection>

        <GuideSection id="fees" title={t('guide.fees')}>
          <Fees content={c} />
        </GuideSection>

        <GuideSection id="process" title={t('guide.process')}>
          <ProcessView process={c.process} orgNames={orgNames} implementingName={item.organizationName} />
        </GuideSection>

        <GuideSection id="limits" title={t('guide.limits')}>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'legal', label: t('svc.legalLimit'), children: <LimitText limit={c.legalLimit} /> },
              { key: 'committed', label: t('svc.committedLimit'), children: <LimitText limit={c.committedLimit} /> },
              // 补正期限: how long the applicant has to hand in what a one-time notice or a request for supplements asks
              ...(c.supplementPeriod
                ? [{ key: 'supplement', label: t('guide.supplementPeriod'), children: <SupplementPeriodText period={c.supplementPeriod} /> }]
                : []),
              ...(c.specialProcedures ? [{ key: 'special', label: t('guide.specialProcedures'), children: c.specialProcedures }] : []),
            ]}
          />
          {immediate && <p className="guide-note guide-note-after">{t('guide.immediateNote')}</p>}
        </GuideSection>

        <GuideSection id="place" title={t('guide.place')}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'location', label: t('guide.location'), children: c.location || '—', span: { xs: 1, md: 2 } },
              { key: 'hours', label: t('guide.hours'), children: c.hours || '—', span: { xs: 1, md: 2 } },
              { key: 'consult', label: t('guide.consultPhone'), children: c.consultPhone || '—' },
              { key: 'complaint', label: t('guide.complaintPhone'), children: c.complaintPhone || '—' },
            ]}
          />
        </GuideSection>

        {c.faqs.length > 0 && (
          <GuideSection id="faqs" title={t('guide.faqs')}>
            <Collapse
              activeKey={openFaqs}
              onChange={(keys) => setOpenFaqs(Array.isArray(keys) ? keys : [keys])}
              items={c.faqs.map((f, i) => ({ key: String(i), label: f.q, children: <p className="guide-text">{f.a}</p>, forceRender: true }))}
            />
          </GuideSection>
        )}

        {item.bundles.length > 0 && (
          <GuideSection id="bundles" title={t('guide.bundles')}>
            <ul className="guide-bundles">
              {item.bundles.map((b) => (
                <li key={b.code}>
                  <Link to={`/bundles/${encodeURIComponent(b.code)}`}>{b.name}</Link>
                  <span className="muted mono"> {b.code}</span>
                </li>
              ))}
            </ul>
          </GuideSection>
        )}
      </div>
      <aside className="guide-aside no-print">
        <Anchor
          offsetTop={88}
          targetOffset={96}
          items={[
            ...sections.filter((s) => s !== 'faqs' || c.faqs.length > 0).map((s) => ({ key: s, href: `#guide-${s}`, title: t(sectionTitles[s]) })),
            ...(item.bundles.length > 0 ? [{ key: 'bundles', href: '#guide-bundles', title: t('guide.bundles') }] : []),
          ]}
          replace
        />
      </aside>
    </div>
  );
}

function LimitText({ limit }: { limit: ItemContent['legalLimit'] }) {
  const t = useT();
  return (
    <div>
      <strong>{formatLimit(t, limit)}</strong>
      {limit.note && <div className="cell-sub">{limit.note}</div>}
    </div>
  );
}

/** 补正期限: counted from the day supplements are asked; when it passes with nothing handed in, the application is deemed withdrawn. */
function SupplementPeriodText({ period }: { period: NonNullable<ItemContent['supplementPeriod']> }) {
  const t = useT();
  return (
    <div data-testid="guide-supplement-period">
      {t('guide.supplementPeriodText', { period: formatLimit(t, period) })}
      {period.note && <div className="cell-sub">{period.note}</div>}
    </div>
  );
}

function Clauses({ text }: { text: string }) {
  const t = useT();
  if (!text.trim()) return <p className="guide-text">{t('guide.none')}</p>;
  const clauses = splitClauses(text);
  if (clauses.length === 1) return <p className="guide-text">{text}</p>;
  return (
    <ol className="guide-clauses">
      {clauses.map((c, i) => (
        <li key={i}>{c}</li>
      ))}
    </ol>
  );
}

/** 证照有效期: 5 年, 6 个月, or 长期有效 when the item names no period. */
function formatValidity(t: TFunction, v: ItemContent['resultValidity']): string {
  if (!v) return t('guide.validity.lasting');
  return t(`guide.validity.${v.unit}${v.value === 1 ? 'One' : ''}`, { n: v.value });
}

function BasicInfo({ item }: { item: PublishedItem }) {
  const t = useT();
  const c = item.content;
  const yesNo = (v: boolean) => t(v ? 'guide.yes' : 'guide.no');
  const baseCode = item.code.includes('-') ? item.code.slice(item.code.lastIndexOf('-') + 1) : '—';
  const rows: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'name', label: t('guide.name'), children: c.name },
    { key: 'code', label: t('guide.code'), children: <span className="mono">{item.code}</span> },
    { key: 'type', label: t('guide.type'), children: t(typeKey(c.type)) },
    { key: 'base', label: t('guide.baseCode'), children: <span className="mono">{baseCode}</span> },
    { key: 'org', label: t('guide.organization'), children: t('svc.paren', { a: item.organizationName, b: item.regionName }) },
    { key: 'level', label: t('guide.level'), children: t(levelKey(c.level)) },
    { key: 'source', label: t('guide.powerSource'), children: c.powerSource || '—' },
    { key: 'audience', label: t('guide.audience'), children: c.audience.map((a) => t(`guide.audience.${a}` as MessageKey)).join(t('svc.sep')) },
    { key: 'kind', label: t('guide.caseKind'), children: t(caseKindKey(c.caseKind)) },
    { key: 'themes', label: t('guide.themes'), children: c.themes.length ? c.themes.join(t('svc.sep')) : '—' },
    { key: 'scope', label: t('guide.anywhere'), children: t(scopeKey(c.anywhereScope)) },
    { key: 'depth', label: t('guide.onlineDepth'), children: t(depthKey(c.onlineDepth)) },
    { key: 'visits', label: t('guide.visits'), children: formatVisits(t, c.visitsRequired) },
    { key: 'delivery', label: t('guide.delivery'), children: c.deliveryMethods.map((d) => t(deliveryKey(d))).join(t('svc.sep')) },
    { key: 'payment', label: t('guide.onlinePayment'), children: yesNo(c.supportsOnlinePayment) },
    { key: 'appointment', label: t('guide.appointment'), children: yesNo(c.supportsAppointment) },
    {
      key: 'result',
      label: t('guide.result'),
      children: (
        <span>
          {t('svc.paren', { a: c.resultName || '—', b: t(resultKey(c.resultType)) })}
          {c.resultLicenseType && <div className="cell-sub">{t('guide.resultLicense', { type: c.resultLicenseType })}</div>}
        </span>
      ),
    },
    // a license: how long it is valid (长期有效 when the item names no period), and when its holder applies to renew it (30 days before when the item names no lead)
    ...(issuesLicense(c)
      ? [
          {
            key: 'validity',
            label: t('guide.validity'),
            children: <span data-testid="guide-validity">{formatValidity(t, c.resultValidity)}</span>,
          },
        ]
      : []),
    ...(issuesLicense(c) && c.resultValidity
      ? [
          {
            key: 'renewal',
            label: t('guide.renewal'),
            children: (
              <span data-testid="guide-renewal">
                {c.renewalOpens
                  ? t('guide.renewalWindow', { opens: formatLimit(t, c.renewalOpens), lead: formatLimit(t, c.renewalLead ?? defaultRenewalLead) })
                  : t('guide.renewalLead', { lead: formatLimit(t, c.renewalLead ?? defaultRenewalLead) })}
              </span>
            ),
          },
        ]
      : []),
    {
      key: 'commitment',
      label: t('guide.commitment'),
      // 告知承诺制: and within what period after the grant the department checks on site (90 days when the item names none)
      children: c.commitmentApproval
        ? t('guide.commitmentCheck', { period: formatLimit(t, c.commitmentCheck ?? { value: 90, unit: 'day' }) })
        : t('guide.notApplies'),
    },
    { key: 'quantity', label: t('guide.quantityLimit'), children: c.quantityLimit || t('guide.none') },
    { key: 'intermediary', label: t('guide.intermediary'), children: c.intermediaryServices || t('guide.none') },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={rows} styles={{ label: { width: 150 } }} />;
}

function Fees({ content }: { content: ItemContent }) {
  const t = useT();
  if (!content.isChargeable || content.fees.length === 0) {
    return (
      <p className="guide-text guide-free" data-testid="guide-free">
        {t('guide.free')}
      </p>
    );
  }
  return (
    <Table
      rowKey="name"
      size="small"
      bordered
      pagination={false}
      dataSource={content.fees}
      tableLayout="fixed"
      // a phone scrolls the table inside its section, the page stays the screen's width
      scroll={{ x: 720 }}
      columns={[
        { title: t('guide.fee.name'), dataIndex: 'name', width: 160 },
        {
          title: t('guide.fee.standard'),
          dataIndex: 'standard',
          render: (s: string, f) => (
            <div>
              {s}
              <div className="cell-sub">
                {f.amountCents !== undefined && `${t('guide.fee.amount', { amount: (f.amountCents / 100).toFixed(2) })} · `}
                {t(f.chargeAt === 'acceptance' ? 'guide.fee.atAcceptance' : 'guide.fee.atDecision')}
              </div>
            </div>
          ),
        },
        { title: t('guide.fee.basis'), dataIndex: 'basis' },
        {
          title: t('guide.fee.reducible'),
          dataIndex: 'reducible',
          width: 200,
          render: (r: boolean, f) => (
            <div>
              {t(r ? 'guide.fee.reducibleYes' : 'guide.fee.reducibleNo')}
              {f.reductionBasis && <div className="cell-sub">{f.reductionBasis}</div>}
            </div>
          ),
        },
      ]}
    />
  );
}
