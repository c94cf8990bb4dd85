/**
 * `npm run nudge [-- --dry-run]`: one deadline check now (or at PEERBOT_NOW), for operators
 * who run it from system cron. Delivers through the configured platforms (with none, into
 * each console user's inbox), prints `-> <user id>: <text>` per nudge and `N nudges sent`.
 * Running it twice sends nothing the second time: every nudge is recorded in the store.
 */
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { platformAdapters } from '../src/platforms.ts';
import type { Services } from '../src/services.ts';
import { runNudgeCheck } from '../src/notify/nudges.ts';
import { StoreOwnedError } from '../src/store/lowdb/owner-lock.ts';

async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run');
  let services: Services;
  try {
    services = await createServices(loadConfig());
  } catch (error) {
    if (error instanceof StoreOwnedError) {
      // A running bot owns this lowdb store, and its scheduler already runs this check every hour.
      const who = error.holder
        ? ` (process ${error.holder.pid} on ${error.holder.host}, since ${error.holder.since})`
        : '';
      process.stderr.write(
        `A peerbot${who} is running on ${error.file} and already sends the nudges, so this run sent nothing. Run npm run nudge only when no bot is running on this store.\n`,
      );
      return 1;
    }
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  // Slack and Discord when configured: their sendDirect works without start().
  const adapters = dryRun ? [] : await platformAdapters(services);
  try {
    const result = await runNudgeCheck(services, adapters, { dryRun });
    if (result.quiet)
      process.stdout.write(`It is quiet hours (21:00 to 08:00 in ${services.config.tz}). Nothing was sent.\n`);
    for (const nudge of result.sent) process.stdout.write(`-> ${nudge.to}: ${nudge.text}\n`);
    const n = result.sent.length;
    // The last line is exactly "N nudges sent" (SPEC), so operators' scripts can read it.
    process.stdout.write(dryRun ? `Dry run: ${n} nudges would be sent. Nothing was sent.\n` : `${n} nudges sent\n`);
    return 0;
  } catch (error) {
    // One line an operator can act on, not a stack trace; what was sent stays recorded, so a rerun sends nothing twice.
    process.stderr.write(`The deadline check stopped: ${(error as Error).message}\n`);
    return 1;
  } finally {
    for (const adapter of adapters) await adapter.stop();
    await services.store.close();
  }
}

process.exitCode = await main();
