import type { Deps } from '../../server/deps.ts';
import type { WriteContext } from '../../server/write.ts';
import { AppError } from '../../server/errors.ts';
import { createItem, publishDirectly } from './items.service.ts';
import { saveBundle } from './bundles.service.ts';
import { demoBundles, demoItems } from './demo-catalog.ts';
import './catalog.tables.ts';

/** Load the demo catalog (published items and bundles) into the demo city, inside the seed's transaction. */
export async function seedDemoCatalog(ctx: WriteContext, _deps: Deps): Promise<{ items: number; bundles: number }> {
  const orgs = new Map((await ctx.tx.selectFrom('organization').select(['id', 'name', 'credit_code']).execute()).map((o) => [o.name, o]));
  const org = (name: string) => {
    const o = orgs.get(name);
    if (!o) throw new AppError('VALIDATION_FAILED', { reason: `demo catalog names an unknown organization: ${name}` });
    return o;
  };
  for (const item of demoItems) {
    const { id } = await createItem(ctx, { organizationId: org(item.organization).id, baseCode: item.baseCode, content: item.content });
    await publishDirectly(ctx, id);
  }
  for (const b of demoBundles) {
    const itemCodes = b.items.map((i) => `${org(i.organization).credit_code}-${i.baseCode}`);
    await saveBundle(ctx, { code: b.code, organizationId: org(b.organization).id, content: { ...b.content, itemCodes }, publish: true });
  }
  return { items: demoItems.length, bundles: demoBundles.length };
}
