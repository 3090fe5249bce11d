// A small Kysely dialect over @duckdb/node-api (kysely-duckdb has type and result bugs, see
// stack-notes): Postgres SQL compilation ($1 placeholders), DuckDB execution.
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { Db } from './duck.ts';
import type { Database } from './tables.ts';

class DuckConnection implements DatabaseConnection {
  constructor(private readonly db: Db) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const reader = await this.db.conn.runAndReadAll(q.sql, q.parameters as never);
    return { rows: reader.getRowObjectsJS() as R[] };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used by xxgk');
  }
}

class DuckDriver implements Driver {
  constructor(private readonly db: Db) {}
  async init() {}
  async acquireConnection() {
    return new DuckConnection(this.db);
  }
  // Transactions are managed on the shared connection by inTransaction(); Kysely's are not used.
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

class DuckAdapter extends PostgresAdapter {
  override get supportsTransactionalDdl() {
    return true;
  }
  override async acquireMigrationLock() {}
  override async releaseMigrationLock() {}
}

export function kysely(db: Db): Kysely<Database> {
  const dialect: Dialect = {
    createAdapter: () => new DuckAdapter(),
    createDriver: () => new DuckDriver(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (): DatabaseIntrospector => {
      throw new Error('introspection is not supported on DuckDB here; read duckdb_tables()');
    },
  };
  return new Kysely<Database>({ dialect });
}
