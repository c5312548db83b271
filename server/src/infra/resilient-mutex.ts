import { Mutex } from 'redis-semaphore';
import type { Logger } from './logger.js';

/**
 * A redis-semaphore Mutex whose background refresh cannot reject unhandled.
 *
 * Why: the library refreshes a held lock from a timer and lets a failed
 * refresh command (Redis restarting, or our own disconnect at shutdown) become
 * an unhandled rejection; its maintainers leave handling it to the caller
 * (swarthy/redis-semaphore#199). A failed refresh says nothing about the lock
 * itself, so we log it and keep the lock: the next refresh either extends it or,
 * if it really expired meanwhile, reports it lost through `onLockLost`.
 */
export class ResilientMutex extends Mutex {
  private refreshFailureLogger: Logger | undefined;

  constructor(...[client, key, options, logger]: [...ConstructorParameters<typeof Mutex>, Logger]) {
    super(client, key, options);
    this.refreshFailureLogger = logger;
  }

  protected override async _refresh(): Promise<boolean> {
    try {
      return await super._refresh();
    } catch (error) {
      this.refreshFailureLogger?.warn({ err: error, identifier: this.identifier }, 'lock refresh failed; retrying');
      return true;
    }
  }
}
