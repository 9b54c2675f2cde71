import { format } from '@vitest/utils/display';
import type { VitestAssertion, VitestFileResult, VitestReport } from '../../../schemas/vitest-report';
import { checkName } from './report';

/**
 * Terminal lines for the offline runner, shaped like Vitest's default reporter so both runners
 * look alike: a line per test (✓ / × / ↓), failure messages indented under the test, console
 * output labelled with its stream, and a "Tests  n failed | m passed (t)" summary. ANSI colours.
 */
const green = (s: string) => `\u001b[32m${s}\u001b[39m`;
const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
const yellow = (s: string) => `\u001b[33m${s}\u001b[39m`;
// Bright black rather than SGR 2 (dim): dim text fails WCAG contrast on the terminal's background.
const dim = (s: string) => `\u001b[90m${s}\u001b[39m`;
const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;

const indent = (text: string, by: string) =>
	text
		.split('\n')
		.map((l) => by + l)
		.join('\n');

export function fileStartText(file: string): string {
	return `\n${bold(' RUN ')} ${file}\n`;
}

export function testText(result: VitestAssertion): string {
	const name = checkName(result.ancestorTitles, result.title);
	const ms = typeof result.duration === 'number' ? dim(` ${Math.round(result.duration)}ms`) : '';
	if (result.status === 'passed') return `  ${green('✓')} ${name}${ms}\n`;
	if (result.status === 'failed') {
		// Offline failure messages are already short: the error line plus frames in lab files.
		const message = (result.failureMessages ?? []).join('\n') || 'failed';
		return `  ${red('×')} ${name}${ms}\n${red(indent(message, '      '))}\n`;
	}
	return `  ${yellow('↓')} ${name} ${dim(`[${result.status}]`)}\n`;
}

export function fileEndText(result: VitestFileResult): string {
	if (!result.message) return '';
	return `${red(`  × ${result.name} failed outside its tests:`)}\n${red(indent(result.message, '      '))}\n`;
}

export function summaryText(report: VitestReport, durationMs: number): string {
	const all = report.testResults.flatMap((f) => f.assertionResults);
	const failed = all.filter((a) => a.status === 'failed').length;
	const passed = all.filter((a) => a.status === 'passed').length;
	const skipped = all.length - failed - passed;
	const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && (f.message || f.assertionResults.length === 0)).length;
	const parts = [failed ? red(`${failed} failed`) : '', passed ? green(`${passed} passed`) : '', skipped ? yellow(`${skipped} skipped`) : ''].filter(Boolean);
	const files = brokenFiles ? `${red(`${brokenFiles} failed to run`)} | ` : '';
	return `\n ${dim('Test Files')}  ${files}${report.testResults.length} file(s)\n      ${dim('Tests')}  ${parts.join(dim(' | ')) || '0'} ${dim(`(${all.length})`)}\n   ${dim('Duration')}  ${Math.round(durationMs)}ms\n`;
}

/** One console call from lab code, formatted like Node's console (printf placeholders, inspected objects). */
export function consoleText(method: string, args: unknown[]): string {
	const stream = method === 'error' || method === 'warn' || method === 'trace' ? 'stderr' : 'stdout';
	const text = format(args);
	return `${dim(`${stream} |`)} ${stream === 'stderr' ? yellow(text) : text}\n`;
}
