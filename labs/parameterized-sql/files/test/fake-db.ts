import type { Db, Row } from '../src/db.ts';

/** One call to `query`, as the fake received it. */
export interface QueryCall {
	sql: string;
	params: unknown[];
}

export interface FakeDb extends Db {
	/** Every call, in order. */
	calls: QueryCall[];
	/** The users table, or undefined once something dropped it. */
	users: Row[] | undefined;
}

/** Splits SQL into statements at `;` outside quotes, dropping `--` comments, like a real server. */
function statements(sql: string): string[] {
	const result: string[] = [];
	let current = '';
	let quoted = false;
	for (let i = 0; i < sql.length; i++) {
		const char = sql[i] as string;
		if (!quoted && char === '-' && sql[i + 1] === '-') {
			while (i < sql.length && sql[i] !== '\n') i++;
		} else if (!quoted && char === ';') {
			result.push(current.trim());
			current = '';
		} else {
			if (char === "'") quoted = !quoted;
			current += char;
		}
	}
	result.push(current.trim());
	return result.filter((statement) => statement !== '');
}

/**
 * A tiny in-memory database that understands just enough SQL for this lab:
 * `SELECT * FROM users [WHERE <column> = <value>]` (value: `?`, a 'quoted string' or a number)
 * and `DROP TABLE users`. Several statements separated by `;` all run, as on a real server
 * that allows multiple statements, which is what makes SQL injection dangerous.
 */
export function createFakeDb(rows: Row[]): FakeDb {
	const db: FakeDb = {
		calls: [],
		users: rows.map((row) => ({ ...row })),
		async query<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
			db.calls.push({ sql, params: [...params] });
			let next = 0;
			let result: Row[] = [];
			for (const statement of statements(sql)) {
				if (/^DROP\s+TABLE\s+users$/i.test(statement)) {
					db.users = undefined;
					continue;
				}
				const select = /^SELECT\s+\*\s+FROM\s+users(?:\s+WHERE\s+(\w+)\s*=\s*(\?|'(?:[^']|'')*'|-?\d+))?$/i.exec(statement);
				if (!select) throw new Error(`fake db: unsupported SQL: ${statement}`);
				if (db.users === undefined) throw new Error('fake db: no such table: users');
				const [, column, token] = select;
				if (column === undefined || token === undefined) {
					result = db.users.map((row) => ({ ...row }));
					continue;
				}
				let value: unknown;
				if (token === '?') {
					if (next >= params.length) throw new Error(`fake db: no parameter for placeholder ${next + 1}`);
					value = params[next++];
				} else if (token.startsWith("'")) {
					value = token.slice(1, -1).replaceAll("''", "'");
				} else {
					value = Number(token);
				}
				result = db.users.filter((row) => row[column] === value).map((row) => ({ ...row }));
			}
			if (next !== params.length) throw new Error(`fake db: ${params.length} parameters for ${next} placeholders`);
			return result as T[];
		},
	};
	return db;
}
