import { AppError } from '@switchboard/shared';
import { mongo, type Model } from 'mongoose';

type Collection<T extends mongo.Document> = mongo.Collection<T>;

/** Most documents one insert command carries; more wait for the next one. */
const MAX_BATCH = 500;

interface Pending<T> {
  document: T;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Inserts that many senders share: while one `insertMany` is in flight,
 * documents queue, and the next command carries all of them (natural
 * batching: an insert into an idle writer leaves at once, a busy database
 * gets fewer, larger commands instead of a queue of single ones). Each
 * caller's promise settles with its own document: resolved once that
 * document is stored, rejected with its own write error (a duplicate key,
 * say) while the others of the batch are stored, or with a retryable
 * STORE_UNAVAILABLE when the command as a whole failed. The batch is unordered, so one
 * refused document never holds back the rest.
 */
export function createBatchedInserts<T extends mongo.Document>(collection: () => Collection<T>) {
  let queue: Pending<T>[] = [];
  let inFlight: Promise<void> | null = null;

  async function flush(batch: Pending<T>[]): Promise<void> {
    try {
      await collection().insertMany(
        batch.map((pending) => pending.document as mongo.OptionalUnlessRequiredId<T>),
        {
          ordered: false,
        },
      );
      for (const pending of batch) pending.resolve();
    } catch (error) {
      const failed = new Map<number, mongo.WriteError>();
      if (error instanceof mongo.MongoBulkWriteError) {
        for (const writeError of [error.writeErrors].flat()) failed.set(writeError.index, writeError);
      }
      // The command as a whole failed (the database is away, the connection dropped): whether each
      // document got stored is unknown, so each send fails retryably; its retry carries the same
      // id, which finds the original if it was stored. Nothing is doubled or lost.
      if (failed.size === 0) {
        const outage = new AppError('STORE_UNAVAILABLE', 'Storage is unavailable; retry shortly.', undefined, {
          cause: error,
        });
        for (const pending of batch) pending.reject(outage);
        return;
      }
      batch.forEach((pending, index) => {
        const own = failed.get(index);
        if (own === undefined) pending.resolve();
        else pending.reject(asError(own));
      });
    }
  }

  function drain(): void {
    if (inFlight || queue.length === 0) return;
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(batch.length);
    inFlight = flush(batch).finally(() => {
      inFlight = null;
      drain();
    });
  }

  return {
    /** Resolves once `document` is stored; rejects with its own write error or the command's. */
    insert(document: T): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ document, resolve, reject });
        // Sends that arrive in the same tick share the first command too.
        if (!inFlight && queue.length === 1) queueMicrotask(drain);
      });
    },
    /** Resolves when everything queued so far has been written (graceful stop). */
    async settled(): Promise<void> {
      while (inFlight || queue.length > 0) {
        drain();
        await inFlight;
      }
    },
  };
}

export type BatchedInserts<T extends mongo.Document> = ReturnType<typeof createBatchedInserts<T>>;

/** A driver WriteError (not an Error) as one, with the code callers test (11000: duplicate key). */
function asError(writeError: mongo.WriteError): Error {
  return Object.assign(new Error(writeError.errmsg ?? 'write error'), {
    code: writeError.code,
    index: writeError.index,
  });
}

/**
 * Batched inserts of documents a Mongoose model builds: defaults, casting and
 * validation as `Model.create` applies them, timestamps set here (Mongoose
 * sets them only on save), then stored through {@link createBatchedInserts}.
 * Resolves to the document as stored (plain, like `.lean()`).
 */
export function createModelInserts<T extends object>(model: Model<T>) {
  const inserts = createBatchedInserts<mongo.Document>(() => model.collection);
  const stamped = Boolean(model.schema.get('timestamps'));
  return {
    async insert(fields: Partial<T> & Record<string, unknown>): Promise<T & { _id: unknown }> {
      const document = new model(fields);
      await document.validate();
      const plain = document.toObject() as T & { _id: unknown; createdAt?: Date; updatedAt?: Date };
      if (stamped) {
        const now = new Date();
        plain.createdAt ??= now;
        plain.updatedAt ??= now;
      }
      await inserts.insert(plain);
      return plain;
    },
    settled: () => inserts.settled(),
  };
}
