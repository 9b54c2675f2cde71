import { describe, expect, it } from 'vitest';
import { formatBytes, storageUsage } from '../../../../src/lib/progress/usage';

describe('storageUsage', () => {
	it('counts UTF-16 bytes of keys and values under the prefix only, by kind', () => {
		const u = storageUsage(
			[
				['qms-training:progress', 'abcd'],
				['qms-training:progress-undo', 'xy'],
				['qms-training:lab:risk:files', '{}'],
				['qms-training:backup:progress@t', '!'],
				['starlight-theme', 'dark'],
			],
			'qms-training:',
		);
		expect(u.byKind).toEqual({ record: (21 + 4) * 2, undo: (26 + 2) * 2, 'lab files': (27 + 2) * 2, backups: (30 + 1) * 2, other: 0 });
		expect(u.bytes).toBe(50 + 56 + 58 + 62);
	});
	it('formats bytes', () => {
		expect([formatBytes(1), formatBytes(512), formatBytes(2048), formatBytes(3 * 1024 * 1024), formatBytes(10 * 1024 ** 3)]).toEqual(['1 byte', '512 bytes', '2.0 KB', '3.0 MB', '10.0 GB']);
	});
});
