import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fill } from './index.tsx';

/** The values a message takes: `{name}` and `{name|one|other}` alike. */
const names = (text: string) => new Set([...text.matchAll(/\{(\w+)(?:\|[^|}]*\|[^|}]*)?\}/g)].map((m) => m[1]));

/** Messages whose languages say it with different values on purpose. */
const sameOnPurpose = new Set<string>([
  // a month by its number in Chinese, by its name in English
  'cal.month',
  'cal.dateFormat',
]);

describe('messages', () => {
  it('put values in, with the word for a number in English', () => {
    expect(fill('{n} {n|copy|copies}', { n: 1 })).toBe('1 copy');
    expect(fill('{n} {n|copy|copies}', { n: 3 })).toBe('3 copies');
    expect(fill('{n} {n|copy|copies}', { n: 0 })).toBe('0 copies');
    expect(fill('Saved: {days} {days|day|days} changed, {moved} open {moved|deadline|deadlines}', { days: 1, moved: 2 })).toBe(
      'Saved: 1 day changed, 2 open deadlines',
    );
    expect(fill('共 {total} 条', { total: 5 })).toBe('共 5 条');
    // a value not given stays as it was written, for the mistake to show
    expect(fill('{n} {m}', { n: 1 })).toBe('1 {m}');
    expect(fill('{n|copy|copies}')).toBe('{n|copy|copies}');
  });

  it('take the same values in Chinese and in English, every one of them', async () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    let checked = 0;
    const differ: string[] = [];
    for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))) {
      const module = (await import(/* @vite-ignore */ pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
      for (const exported of Object.values(module)) {
        if (!exported || typeof exported !== 'object') continue;
        for (const [key, entry] of Object.entries(exported)) {
          if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') continue;
          const [zh, en] = [[...names(entry[0])].sort().join(','), [...names(entry[1])].sort().join(',')];
          if (zh !== en && !sameOnPurpose.has(key)) differ.push(`${file}: ${key} (${zh} / ${en})`);
          checked += 1;
        }
      }
    }
    expect(differ).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});
