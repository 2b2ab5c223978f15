import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors, IdParams, Nullable } from '../../server/schemas.ts';
import { handleWrite, runWrite } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { getCaseFees, performFeeAction } from './fees.ts';
import { CaseFees } from './fees.schemas.ts';
import { billAgain } from './fiscal-bills.ts';
import { applyCallback, demoPayment, paymentProviders, refundPayment, startOnlinePayment, type DemoPaymentProvider } from './payments.ts';
import { listCaseDocuments, readCaseDocument } from './documents.ts';

const tags = ['cases'];
const FeeId = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const Cents = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
const Reason = Type.String({ minLength: 2, maxLength: 500 });

const FeeActionBody = Type.Union([
  Type.Object(
    {
      action: Type.Literal('assess'),
      feeId: FeeId,
      amountCents: Cents,
      reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
      expectedVersion: Type.Optional(Type.Integer()),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('reduce'),
      feeId: FeeId,
      amountCents: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
      reason: Reason,
      expectedVersion: Type.Optional(Type.Integer()),
    },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('waive'), feeId: FeeId, reason: Reason, expectedVersion: Type.Optional(Type.Integer()) }, { additionalProperties: false }),
  /** 重新开具: ask the fiscal e-bill platform now for the bill (or red bill) it owes */
  Type.Object({ action: Type.Literal('bill'), paymentId: FeeId }, { additionalProperties: false }),
  Type.Object(
    {
      action: Type.Literal('refund'),
      paymentId: FeeId,
      reason: Reason,
      expectedVersion: Type.Optional(Type.Integer()),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      action: Type.Literal('pay'),
      feeId: FeeId,
      method: Type.Union([Type.Literal('cash'), Type.Literal('card')]),
      amountCents: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
      /** a card: the POS terminal's reference number (参考号) on its slip */
      posReference: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z]{6,32}$' })),
      /** cash: the amount handed over, no less than the amount due (the change is the rest) */
      tenderedCents: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
      expectedVersion: Type.Optional(Type.Integer()),
    },
    { additionalProperties: false },
  ),
]);

const DocParams = Type.Object({ id: IdParams.properties.id, docId: FeeId });
const Reference = Type.Object({ reference: Type.String({ pattern: '^OW[0-9A-F]{32}$' }) });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Fees, payments (with the providers' callbacks and the demo pay page) and documents of cases. */
export const caseFeesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;
  const { db } = deps;

  app.get(
    '/cases/:id/fees',
    {
      schema: {
        tags,
        summary: 'Fee lines, payments and totals of a case, and the fees of its item version still to be charged (at acceptance, or once granted)',
        params: IdParams,
        response: { 200: CaseFees, ...errors },
      },
    },
    async (req) => getCaseFees(deps, req.actor, req.params.id),
  );

  app.post(
    '/cases/:id/fees/actions',
    {
      schema: {
        tags,
        summary: 'At the window: assess, reduce or waive a fee line (with the reason), record a cash or card payment, or refund a duplicate online payment',
        params: IdParams,
        body: FeeActionBody,
        response: { 200: CaseFees, ...errors },
      },
    },
    async (req, reply) => {
      const body = req.body;
      // the platform is asked in transactions of its own (fiscal-bills.ts); asking again bills nothing twice
      if (body.action === 'bill') await billAgain(deps, req.actor, req.params.id, body.paymentId);
      else
        await handleWrite(db, req, reply, async (ctx) => {
          if (body.action === 'refund') await refundPayment(ctx, deps, req.params.id, body);
          else await performFeeAction(ctx, req.params.id, body);
        });
      return getCaseFees(deps, req.actor, req.params.id);
    },
  );

  app.post(
    '/cases/:id/payments',
    {
      schema: {
        tags,
        summary: 'Start paying a fee line online (applicant): answers the provider page to send the applicant to',
        params: IdParams,
        body: Type.Object({ feeId: FeeId, provider: Type.Optional(Type.String({ pattern: '^[a-z]{2,20}$' })) }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            paymentId: Type.Integer(),
            reference: Type.String(),
            amountCents: Type.Integer(),
            provider: Type.String(),
            payUrl: Type.String(),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => handleWrite(db, req, reply, (ctx) => startOnlinePayment(ctx, deps, req.params.id, req.body), 201),
  );

  app.get(
    '/cases/:id/documents',
    {
      schema: { tags, summary: 'The documents of a case (notices, decisions, license, receipts)', params: IdParams, response: { 200: Type.Any(), ...errors } },
    },
    async (req) => listCaseDocuments(deps, req.actor, req.params.id),
  );

  app.get('/cases/:id/documents/:docId/pdf', { schema: { tags, summary: 'Download one document of a case (PDF)', params: DocParams } }, async (req, reply) => {
    const doc = await readCaseDocument(deps, req.actor, req.params.id, req.params.docId);
    reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="document-${req.params.docId}.pdf"; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('x-sha256', doc.sha256);
    return reply.send(doc.data);
  });

  // the providers' side: the callback keeps its raw body (the signature covers its bytes)
  await app.register((async (provider) => {
    provider.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => done(null, body));
    provider.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => done(null, body));

    provider.post(
      '/payments/callback/:provider',
      {
        config: { csrf: false },
        schema: {
          tags,
          summary: "A payment provider's signed confirmation (demo: X-Demo-Signature, HMAC-SHA256 over `t.body`); idempotent",
          params: Type.Object({ provider: Type.String({ pattern: '^[a-z]{2,20}$' }) }),
          response: { 200: Type.Object({ reference: Type.String(), status: Type.String(), replayed: Type.Boolean() }), ...errors },
        },
      },
      async (req, reply) => {
        const p = paymentProviders(deps).get(req.params.provider);
        if (!p) throw new AppError('NOT_FOUND', { provider: req.params.provider });
        if (typeof req.body !== 'string') throw new AppError('UNSUPPORTED_MEDIA_TYPE', { allowed: ['application/json'] });
        const notice = p.verifyCallback(req.headers, req.body);
        return handleWrite(db, req, reply, (ctx) => applyCallback(ctx, p.name, notice));
      },
    );

    provider.get('/payments/demo/:reference', { schema: { tags, summary: "The demo provider's pay page (HTML)", params: Reference } }, async (req, reply) => {
      const p = await demoPayment(deps, req.params.reference);
      const yuan = (p.amount_cents / 100).toFixed(2);
      const done = p.status !== 'pending';
      const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>模拟支付 Demo payment</title><style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;background:#f0f2f5;margin:0;padding:40px 16px;color:#1f1f1f}
.card{max-width:420px;margin:auto;background:#fff;border-radius:8px;padding:28px;box-shadow:0 1px 4px rgba(0,0,0,.12)}h1{font-size:20px;margin:0 0 4px}
.sub{color:#888;font-size:13px;margin-bottom:20px}.amount{font-size:34px;font-weight:600;color:#cf1322;margin:16px 0}dl{display:grid;grid-template-columns:88px 1fr;gap:8px;font-size:14px}
dt{color:#888}dd{margin:0;word-break:break-all}button{width:100%;padding:11px;font-size:16px;border:0;border-radius:6px;cursor:pointer;margin-top:12px}
.pay{background:#1677ff;color:#fff}.cancel{background:#f5f5f5;color:#333}.note{font-size:12px;color:#999;margin-top:16px}</style></head>
<body><div class="card" data-testid="demo-pay"><h1>模拟支付平台</h1><div class="sub">Demo payment provider — no money moves</div>
<div class="amount">¥ ${yuan}</div><dl><dt>办件编号</dt><dd>${escapeHtml(p.number)}</dd><dt>事项</dt><dd>${escapeHtml(p.subject)}</dd>
<dt>收费项目</dt><dd>${escapeHtml(p.fee)}</dd><dt>交易号</dt><dd>${escapeHtml(p.reference)}</dd></dl>
${
  done
    ? `<p>此笔支付已处理（${escapeHtml(p.status)}）。This payment is ${escapeHtml(p.status)}.</p><form method="post" action="${escapeHtml(req.params.reference)}/cancel"><button class="cancel" type="submit">返回 Back</button></form>`
    : `<form method="post" action="${escapeHtml(req.params.reference)}/confirm"><button class="pay" type="submit" data-testid="demo-pay-confirm">确认支付 Pay</button></form>
<form method="post" action="${escapeHtml(req.params.reference)}/cancel"><button class="cancel" type="submit">取消 Cancel</button></form>`
}
<div class="note">演示环境：点击“确认支付”后，模拟支付平台以签名回调通知一窗通办。</div></div></body></html>`;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    });

    provider.post(
      '/payments/demo/:reference/confirm',
      { config: { csrf: false }, schema: { tags, summary: 'The demo provider takes the payment and sends its signed callback', params: Reference } },
      async (req, reply) => {
        const demo = paymentProviders(deps).get('demo') as DemoPaymentProvider | undefined;
        if (!demo) throw new AppError('NOT_FOUND');
        const p = await demoPayment(deps, req.params.reference);
        // the provider's server → our callback, signed as any callback
        const raw = JSON.stringify({
          reference: p.reference,
          transaction: `DEMO${Date.now()}${p.reference.slice(-6)}`,
          status: 'succeeded',
          amountCents: p.amount_cents,
        });
        const notice = demo.verifyCallback({ 'x-demo-signature': demo.sign(raw) }, raw);
        await runWrite(db, null, (ctx) => applyCallback(ctx, 'demo', notice), req.id);
        return reply.redirect(`/my/cases/${p.case_id}?payment=${encodeURIComponent(p.reference)}`, 303);
      },
    );

    provider.post(
      '/payments/demo/:reference/cancel',
      { config: { csrf: false }, schema: { tags, summary: 'Leave the demo pay page without paying', params: Reference } },
      async (req, reply) => {
        const p = await demoPayment(deps, req.params.reference);
        return reply.redirect(`/my/cases/${p.case_id}`, 303);
      },
    );
  }) as FastifyPluginAsyncTypebox);
};
