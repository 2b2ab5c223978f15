import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { webDir } from './support.ts';

/** STACK-NOTES: the portal's budget is 250 kB gzip for what a first visit downloads before it can render. */
const portalBudget = 250 * 1024;

describe('web bundle', () => {
  it('keeps the portal first load (entry, preloaded chunks, CSS) within 250 kB gzip', () => {
    const index = path.join(webDir, 'index.html');
    if (!existsSync(index)) throw new Error(`${index} is missing: build the web app first (npm run build:web; npm test does it).`);
    const html = readFileSync(index, 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    const sizes = assets.map((a) => ({ asset: a, gzip: gzipSync(readFileSync(path.join(webDir, a)), { level: 9 }).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    expect(
      total,
      `first load ${(total / 1024).toFixed(1)} kB gzip:\n${sizes.map((s) => `  ${s.asset} ${(s.gzip / 1024).toFixed(1)} kB`).join('\n')}`,
    ).toBeLessThan(portalBudget);
    // the workbench is loaded on demand, not with the portal
    expect(assets.some((a) => /WorkbenchLayout|StaffPage|AuditPage|table-/.test(a))).toBe(false);
  });
});
