/** A database row: column name → value. */
export type Row = Record<string, unknown>;

/** The database connection, injected so the tests can use a fake. */
export interface Db {
	/**
	 * Runs `sql`. Each `?` placeholder is replaced, in order, by the matching entry of `params`;
	 * the driver sends parameters separately from the SQL text, so they are never parsed as SQL.
	 * Resolves with the rows of the last SELECT, typed as `T` (the driver does not check them).
	 */
	query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}
