import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import dotenv from 'dotenv';

/** Typed configuration, read once from the environment (and `.env` when present). */
export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when unset an embedded cluster is started under `dataDir/pg`. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  /** 32-byte key for encrypting personal data at rest and keyed hashes (hex). */
  secretKey: Buffer;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  logLevel: string;
  /** Load demo data on the first start of an empty database. */
  demoOnFirstStart: boolean;
  /** Cookies marked Secure (behind HTTPS). */
  secureCookies: boolean;
  webDir: string;
  /** Trust X-Forwarded-* headers (set when running behind a reverse proxy). */
  trustProxy: boolean;
  /** The service center's name shown in the web app's header. */
  centerName: string;
  /** The address applicants reach the portal at, printed in the QR codes of notices and results (no trailing slash). */
  publicUrl: string;
  isProduction: boolean;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

/** The secret comes from ONEWINDOW_SECRET, or is generated once and kept beside the data. */
function resolveSecret(env: NodeJS.ProcessEnv, dataDir: string, isProduction: boolean): Buffer {
  const raw = env.ONEWINDOW_SECRET;
  if (raw) {
    const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (key.length !== 32) throw new Error('ONEWINDOW_SECRET must be 32 bytes as 64 hex characters or base64');
    return key;
  }
  if (isProduction) throw new Error('ONEWINDOW_SECRET is required in production (64 hex characters)');
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env) dotenv.config({ quiet: true });
  const isProduction = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.ONEWINDOW_DATA_DIR ?? 'data');
  return {
    port: intFrom(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    embeddedPgPort: intFrom(env, 'EMBEDDED_PG_PORT', 54329),
    secretKey: resolveSecret(env, dataDir, isProduction),
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: intFrom(env, 'SESSION_ABSOLUTE_HOURS', 12),
    lockoutAttempts: intFrom(env, 'LOCKOUT_ATTEMPTS', 5),
    lockoutMinutes: intFrom(env, 'LOCKOUT_MINUTES', 15),
    logLevel: env.LOG_LEVEL ?? (isProduction ? 'info' : 'info'),
    demoOnFirstStart: boolFrom(env, 'ONEWINDOW_DEMO', !isProduction),
    secureCookies: boolFrom(env, 'SECURE_COOKIES', isProduction),
    webDir: path.resolve(env.ONEWINDOW_WEB_DIR ?? 'dist/web'),
    trustProxy: boolFrom(env, 'TRUST_PROXY', false),
    centerName: env.ONEWINDOW_CENTER_NAME ?? '云州市政务服务中心',
    publicUrl: (env.ONEWINDOW_PUBLIC_URL ?? `http://localhost:${intFrom(env, 'PORT', 3000)}`).replace(/\/+$/, ''),
    isProduction,
  };
}
