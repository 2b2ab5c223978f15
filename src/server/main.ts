#!/usr/bin/env node
import { Command } from 'commander';
import { loadConfig } from './config.ts';
import { openDatabase, startBackground, logger, isDemoSeeded, type Runtime } from './runtime.ts';
import { buildApp, closeApp, requestLogSerializers } from './app.ts';
import { seedDemo, demoPassword } from './seed/demo.ts';
import { sealAudit, verifyAudit } from '../modules/audit/audit.service.ts';
import { createAdmin } from './seed/admin.ts';
import { metricsCommands } from '../modules/metrics/metrics.cli.ts';

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(
    `OneWindow needs Node.js 22.22 or later (this is ${process.version}). Run it through npm (npm start), which uses the Node.js 24 in node_modules.`,
  );
  process.exit(1);
}

const program = new Command();
program.name('onewindow').description('OneWindow (一窗通办) — government service center platform').version('0.1.0');

async function withDatabase<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openDatabase(configure());
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

function loginTable(logins: { username: string; role: string; name: string }[]): string {
  return [`\nDemo logins (password ${demoPassword}):`, ...logins.map((l) => `  ${l.username.padEnd(14)} ${l.name.padEnd(10)} ${l.role}`)].join('\n');
}

function printLogins(logins: { username: string; role: string; name: string }[]) {
  console.log(loginTable(logins));
}

/** Configuration (and .env) first, so the log level and secrets come from it. */
function configure() {
  const config = loadConfig();
  logger.level = config.logLevel;
  return config;
}

program
  .command('serve', { isDefault: true })
  .description('start the server (migrates; loads demo data on the first start unless ONEWINDOW_DEMO=false)')
  .action(async () => {
    const config = configure();
    const rt = await openDatabase(config);
    let logins: Awaited<ReturnType<typeof seedDemo>> | null = null;
    if (config.demoOnFirstStart && !(await isDemoSeeded(rt))) {
      logger.info('empty database: loading demo data');
      logins = await seedDemo(rt.deps);
    }
    // the app registers the event handlers: build it before the outbox dispatcher starts
    const app = await buildApp(rt.deps, { logger: { level: config.logLevel, serializers: requestLogSerializers } });
    const background = await startBackground(rt);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      await closeApp(app).catch(() => {});
      await background.stop().catch(() => {});
      await rt.close().catch((error) => logger.error({ err: error }, 'close failed'));
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    const url = `http://localhost:${config.port}`;
    // one write, so that whoever watches the output sees the address and the logins together
    const hint = logins
      ? loginTable(logins)
      : config.demoOnFirstStart
        ? `Demo logins: sysadmin, centeradmin, clerk1, approver1, citizen1 … (password ${demoPassword}; see README.md)`
        : '';
    console.log(`\nOneWindow 一窗通办 is running at ${url}  (API docs ${url}/docs)${hint ? `\n${hint}` : ''}`);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    await withDatabase(async (rt) => console.log(rt.applied.length ? `applied ${rt.applied.join(', ')}` : 'database is up to date'));
  });

program
  .command('seed')
  .description('load data')
  .option('--demo', 'the demo city, departments, hall, staff and applicants')
  .action(async (opts: { demo?: boolean }) => {
    if (!opts.demo) {
      console.error('nothing to seed: pass --demo');
      process.exitCode = 2;
      return;
    }
    await withDatabase(async (rt) => {
      if (await isDemoSeeded(rt)) {
        console.error('the database already has accounts: demo data is loaded only into an empty database');
        process.exitCode = 1;
        return;
      }
      printLogins(await seedDemo(rt.deps));
    });
  });

const audit = program.command('audit').description('the tamper-evident audit trail');
audit
  .command('verify')
  .description('seal new entries, recompute every hash chain and report the first broken entry')
  .action(async () => {
    await withDatabase(async (rt) => {
      const sealed = await sealAudit(rt.deps.db);
      const result = await verifyAudit(rt.deps.db, (n) => process.stderr.write(`\rchecked ${n} entries`));
      process.stderr.write('\n');
      if (result.ok) console.log(`audit trail intact: ${result.entries} entries, ${result.seals} seals (${sealed} newly sealed)`);
      else {
        console.error(
          `AUDIT TRAIL BROKEN at entry ${result.firstBroken?.id} (${result.firstBroken?.stream} #${result.firstBroken?.seq}): ${result.firstBroken?.reason}`,
        );
        process.exitCode = 1;
      }
    });
  });

metricsCommands(program, withDatabase);

const admin = program.command('admin').description('administrators');
admin
  .command('create')
  .description('create a system administrator (first run of a production install)')
  .requiredOption('--username <name>', 'login name')
  .requiredOption('--name <name>', 'display name')
  .option('--password <password>', 'password (or set ONEWINDOW_ADMIN_PASSWORD)')
  .action(async (opts: { username: string; name: string; password?: string }) => {
    configure(); // loads .env
    const password = opts.password ?? process.env.ONEWINDOW_ADMIN_PASSWORD;
    if (!password) {
      console.error('give --password or ONEWINDOW_ADMIN_PASSWORD');
      process.exitCode = 2;
      return;
    }
    await withDatabase(async (rt) => {
      const id = await createAdmin(rt.deps, { username: opts.username, name: opts.name, password });
      console.log(`system administrator ${opts.username} created (account ${id})`);
    });
  });

program.parseAsync().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
