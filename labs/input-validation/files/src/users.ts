/** Roles a new account can have: the QMS onboarding roles (developer, QA engineer, DevOps engineer, manager). */
export const ROLES = ['developer', 'qa-engineer', 'devops-engineer', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/** The data needed to create an account. */
export interface NewUser {
	name: string;
	email: string;
	role: Role;
}

export interface CreatedUser extends NewUser {
	id: string;
}

/** Stores a new user; injected so tests can watch what reaches it. */
export type CreateUser = (user: NewUser) => Promise<CreatedUser>;
