import type { Prisma } from './generated/client';

// The head, the projection and the revisions are written in SQL through `Sql`, so the same statements
// run on the commit path's own driver connection (inSqlTransaction in client.ts: Prisma's interactive
// transaction cost ~0.4 ms a statement, a third of a commit) and inside a Prisma transaction where the
// work shares one with Prisma calls (sqlOf). Both read rows alike as long as a statement avoids the
// types they read differently: no int8 (count(*): cast it), timestamps selected AT TIME ZONE 'UTC'.

/** One connection, usually inside a transaction; parameters are bound ($1, $2 …), never spliced. */
export type Sql = {
  query<Row>(text: string, values?: readonly unknown[]): Promise<Row[]>;
  /** A statement whose rows nobody reads (a write, pg_notify's void). */
  execute(text: string, values?: readonly unknown[]): Promise<void>;
};

/** What a read needs: on the shared pool outside any transaction (pooledSql), or inside one. */
export type SqlReader = Pick<Sql, 'query'>;

/** The statements of a Prisma transaction, for code that shares it with Prisma calls. */
export function sqlOf(tx: Prisma.TransactionClient): Sql {
  return {
    query: <Row>(text: string, values: readonly unknown[] = []) => tx.$queryRawUnsafe<Row[]>(text, ...values),
    execute: async (text, values = []) => void (await tx.$executeRawUnsafe(text, ...values)),
  };
}

/** Binds a value into the statement being built and answers its placeholder. */
export type Bind = (value: unknown) => string;

/** A statement's text written against `bind`; as a write: an INSERT, UPDATE or DELETE. */
export type Statement = (bind: Bind) => string;

/**
 * Runs `writes` as one statement, each a WITH clause, then `last` as its query (pg_notify): one round
 * trip instead of one each. Their effects are not visible to each other (one snapshot), so the writes
 * must touch different rows: different tables, or keys a caller knows to be apart.
 */
export async function writeAsOne(sql: Sql, writes: readonly Statement[], last: Statement = () => 'SELECT 1'): Promise<void> {
  const values: unknown[] = [];
  const bind: Bind = (value) => `$${values.push(value)}`;
  const clauses = writes.map((write, i) => `w${i} AS (${write(bind)})`);
  const tail = last(bind);
  await sql.execute(clauses.length ? `WITH ${clauses.join(',\n')}\n${tail}` : tail, values);
}
