import mongoose, { type Connection, type InferSchemaType, type Model, type Schema } from 'mongoose';
import { ConfigError } from '../config/config.js';
import { classifyDatabase } from './database-atomicity.js';
import type { Logger } from './logger.js';

/**
 * One mongoose connection per app instance (not the global default), so
 * tests can run several servers against different databases in one process.
 * Models are registered on this connection by each feature. Refuses (with a
 * {@link ConfigError} naming the fix) a server that does not apply writes to
 * one document atomically.
 */
export async function connectMongo(uri: string, dbName: string, logger: Logger): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5_000,
    // Fail fast instead of buffering operations forever when the database is gone;
    // callers turn the error into a retryable STORE_UNAVAILABLE.
    bufferCommands: false,
    autoIndex: true,
  });
  connection.on('disconnected', () => logger.warn('MongoDB disconnected'));
  connection.on('reconnected', () => logger.info('MongoDB reconnected'));
  await connection.asPromise();
  // Every write path relies on single-document atomicity: a database without
  // it is refused here, once, rather than corrupting counters and claims later.
  try {
    const database = classifyDatabase(await connection.db?.admin().command({ buildInfo: 1 }));
    if (database.refusal) throw new ConfigError([database.refusal]);
    logger.info({ db: dbName, server: database.description }, 'MongoDB connected');
  } catch (error) {
    await connection.close();
    throw error;
  }
  return connection;
}

export async function pingMongo(connection: Connection): Promise<void> {
  const db = connection.db;
  if (!db) throw new Error('not connected');
  await db.admin().command({ ping: 1 });
}

/**
 * The model `name` on this app's connection, registered on first use: each
 * feature asks for its models when it starts, and several apps (tests) share
 * one process without sharing models through global mongoose.
 */
export function modelOn<TSchema extends Schema>(
  connection: Connection,
  name: string,
  schema: TSchema,
): Model<InferSchemaType<TSchema>> {
  return (connection.models[name] ?? connection.model(name, schema)) as Model<InferSchemaType<TSchema>>;
}
