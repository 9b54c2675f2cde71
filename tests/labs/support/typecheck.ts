import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

const TSC_ENTRY = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * Type-checks projects with `tsc --build` over each project's own tsconfig.json (one process,
 * so the standard library is parsed once). Resolves with tsc's exit code and diagnostics.
 */
export async function typecheckProjects(dirs: string[]): Promise<{ exitCode: number | null; output: string }> {
	const child = spawn(
		process.execPath,
		[TSC_ENTRY, '--build', '--pretty', 'false', ...dirs.map((dir) => join(dir, 'tsconfig.json'))],
		{ cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exitCode = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	return { exitCode, output };
}
