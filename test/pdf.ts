import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Client, TestServer } from './harness.ts';

/**
 * Reading the case documents' PDFs back with poppler, with the system's CJK fonts hidden: a broken embedded font
 * cannot be papered over by an installed one. `close` removes the scratch directory.
 */
export function pdfReader() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ow-docs-'));
  const fontsConf = path.join(dir, 'fonts.conf');
  writeFileSync(
    fontsConf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${dir}</dir><cachedir>${dir}/cache</cachedir></fontconfig>`,
  );
  const poppler = (tool: string, file: string, ...args: string[]) => {
    const r = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      env: { ...process.env, FONTCONFIG_FILE: fontsConf },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.trim(), `${tool} reported errors`).toBe('');
    return r.stdout;
  };

  /** Download a document, check it with poppler: every font embedded, and return its text without whitespace. */
  async function pdfText(server: TestServer, c: Client, caseId: number, doc: { id: number; url: string }) {
    const res = await fetch(server.baseUrl + doc.url, { headers: { cookie: c.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.headers.get('x-sha256')).toBe(createHash('sha256').update(bytes).digest('hex'));
    const file = path.join(dir, `case-${caseId}-doc-${doc.id}.pdf`);
    writeFileSync(file, bytes);
    const fonts = poppler('pdffonts', file)
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      // name type encoding emb sub uni object …: emb and sub are "yes"
      const cols = line.trim().split(/\s+/);
      expect(cols.slice(-5, -3), line).toEqual(['yes', 'yes']);
      expect(line).toMatch(/NotoSansCJK|WenQuanYi/);
    }
    return poppler('pdftotext', file, '-enc', 'UTF-8').replace(/\s+/g, '');
  }

  return { dir, poppler, pdfText, close: () => rmSync(dir, { recursive: true, force: true }) };
}
