import { useMemo, useState } from 'react';
import { Alert, Breadcrumb, Card, Descriptions, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useWorkT } from '../../../i18n/case-work.ts';
import { isStaff, useMe } from '../../../api/auth.ts';
import { useApply, useBundleForApply, type BundleForApply } from '../../../api/cases.ts';
import type { Me } from '../../../api/types.ts';
import { useIdempotencyKey } from '../../../components/forms.ts';
import { NotFoundState, QueryState } from '../../../components/PageState.tsx';
import { catalogCodeOf } from '../../../components/address.ts';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { ApplicationForm, type Application } from '../shared/ApplicationForm.tsx';
import { SubmittedResult } from '../shared/SubmittedResult.tsx';
import { formatLimit } from '../shared/labels.tsx';
import { BundleItemsTable, BundleTag } from '../shared/BundleParts.tsx';
import { useDraftToContinue } from './MyDrafts.tsx';
import '../cases.css';

interface Submitted {
  id: number;
  number: string;
  children: { id: number; number: string }[];
}

/** 一件事 在线申请: one merged form and one set of materials for every item of the bundle. */
export function BundleApplyPage() {
  const t = useWorkT();
  const code = catalogCodeOf(useParams().code);
  const bundle = useBundleForApply(code);
  const me = useMe().data!;
  usePageTitle(bundle.data ? t('bundle.applyFor', { name: bundle.data.name }) : t('bundle.apply'));
  return (
    <div className="portal-page case-apply" data-testid="bundle-apply-page">
      <Breadcrumb
        className="page-breadcrumb"
        items={[
          { title: <Link to="/bundles">{t('bundles.title')}</Link> },
          ...(bundle.data ? [{ title: <Link to={`/bundles/${encodeURIComponent(bundle.data.code)}`}>{bundle.data.name}</Link> }] : []),
          { title: t('bundle.apply') },
        ]}
      />
      {code ? (
        <QueryState query={bundle} rows={12} notFound={<BundleNotFound />}>
          {(data) =>
            isStaff(me) ? (
              <Alert type="info" showIcon title={t('bundle.staffNotice')} data-testid="bundle-staff-notice" />
            ) : (
              <BundleForm bundle={data} me={me} />
            )
          }
        </QueryState>
      ) : (
        <BundleNotFound />
      )}
    </div>
  );
}

/** An address that names no bundle open for applications: said so, with the way to the list of bundles. */
function BundleNotFound() {
  const t = useWorkT();
  return <NotFoundState title={t('bundles.notFound')} hint={t('bundles.notFoundHint')} back={{ to: '/bundles', label: t('bundles.backToList') }} />;
}

function BundleForm({ bundle, me }: { bundle: BundleForApply; me: Me }) {
  const t = useWorkT();
  const [key, renewKey] = useIdempotencyKey();
  const [done, setDone] = useState<Submitted | null>(null);
  const apply = useApply();
  const itemNames = useMemo(() => new Map(bundle.items.map((i) => [i.code, i])), [bundle.items]);
  // 暂存: the draft named in the address (`?draft=<id>`), continued
  const continued = useDraftToContinue({ bundleCode: bundle.code }, true);

  if (done) return <BundleSubmitted bundle={bundle} done={done} />;

  const submit = async (application: Application) => {
    const r = await apply.mutateAsync({ body: { bundleCode: bundle.code, channel: 'online', ...application }, key });
    renewKey();
    if (application.draftId) continued.filed();
    setDone({ id: r.id, number: r.number, children: r.children ?? [] });
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <Typography.Title level={2} className="case-apply-title">
        {t('bundle.applyFor', { name: bundle.name })}
        <BundleTag t={t} className="case-apply-action" />
      </Typography.Title>
      {continued.notice}
      <Card
        title={t('cases.guideSummary')}
        className="block-gap"
        extra={<Link to={`/bundles/${encodeURIComponent(bundle.code)}`}>{t('cases.fullGuide')}</Link>}
      >
        <Alert type="info" showIcon className="block-gap" title={t('bundle.applyHint')} />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'org', label: t('cases.organization'), children: bundle.organizationName },
            {
              key: 'limit',
              label: t('bundle.committedLimit'),
              children: formatLimit(t, bundle.content.committedLimit.value, bundle.content.committedLimit.unit),
            },
          ]}
        />
        <BundleItemsTable items={bundle.items} testId="bundle-apply-items" />
      </Card>
      {!continued.holdForm && (
        <ApplicationForm
          key={continued.formKey}
          spec={bundle.form}
          materials={bundle.materials}
          deliveryMethods={bundle.content.deliveryMethods}
          me={me}
          submit={submit}
          pending={apply.isPending}
          materialNote={(m) => {
            const items = (m as BundleForApply['materials'][number]).items ?? [];
            return items.length ? t('bundle.materialFor', { items: items.map((c) => itemNames.get(c)?.name ?? c).join(t('cases.listSep')) }) : null;
          }}
          drafts={continued.drafts}
        />
      )}
    </>
  );
}

function BundleSubmitted({ bundle, done }: { bundle: BundleForApply; done: Submitted }) {
  const t = useWorkT();
  // the item cases come back in the bundle's item order
  const rows = done.children.map((c, i) => ({ ...c, item: bundle.items[i] }));
  return (
    <SubmittedResult title={t('bundle.submitted')} numberLabel={t('bundle.parentNumber')} id={done.id} number={done.number}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        data-testid="bundle-children-submitted"
        columns={[
          {
            title: t('cases.number'),
            dataIndex: 'number',
            render: (n: string, c) => (
              <Link to={`/my/cases/${c.id}`} className="mono">
                {n}
              </Link>
            ),
          },
          { title: t('bundle.items'), key: 'item', render: (_v, c) => c.item?.name ?? '—' },
          { title: t('cases.organization'), key: 'org', render: (_v, c) => c.item?.organizationName ?? '—' },
        ]}
      />
    </SubmittedResult>
  );
}
