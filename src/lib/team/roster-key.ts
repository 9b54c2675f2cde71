/** Storage name of the lead's kept roster (the adapter adds `qms-training:`); see src/schemas/team-roster.ts. */
export const TEAM_ROSTER_KEY = 'team-roster';
