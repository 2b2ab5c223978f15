import fp from 'fastify-plugin';
import { Registry, Histogram, collectDefaultMetrics, Gauge } from 'prom-client';
import { sql } from 'kysely';

/** Prometheus metrics at /metrics: process defaults, request durations by route, events pending for their consumers (the outbox). */
export const metricsPlugin = fp(async (app) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'onewindow_' });
  const duration = new Histogram({
    name: 'onewindow_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'onewindow_outbox_pending',
    help: 'Outbox rows not yet delivered',
    registers: [registry],
    async collect() {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM domain_event WHERE processed_at IS NULL`.execute(app.deps.db).catch(() => null);
      this.set(r?.rows[0]?.n ?? 0);
    },
  });
  // a series' child is looked up by its labels once (observing with a labels object hashes them on every request)
  const series = new Map<string, ReturnType<typeof duration.labels>>();
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const key = `${req.method} ${reply.statusCode} ${route}`;
    let child = series.get(key);
    if (!child) series.set(key, (child = duration.labels(req.method, route, String(reply.statusCode))));
    child.observe(reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
});
