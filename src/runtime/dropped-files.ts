/**
 * Files from a drop or a picker, folders included (the File and Directory Entries API that
 * Chromium, Firefox and Safari implement as `webkitGetAsEntry`). Each file comes with the name to
 * report it by: its path inside the dropped or picked folder, else its name. Only `.json` files are
 * returned; the others are counted as skipped (a folder of exports often holds other files).
 */

export interface NamedFile {
	file: File;
	name: string;
}

const isJson = (name: string) => /\.json$/i.test(name);

/** Split files into .json ones (with their relative path as name) and a count of the others. */
export function jsonFiles(files: Iterable<File>): { files: NamedFile[]; skipped: number } {
	const out: NamedFile[] = [];
	let skipped = 0;
	for (const file of files) {
		const name = file.webkitRelativePath || file.name;
		if (isJson(file.name)) out.push({ file, name });
		else skipped++;
	}
	return { files: out, skipped };
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
	// readEntries returns at most about 100 entries per call: call until it returns none.
	return new Promise((resolve, reject) => {
		const all: FileSystemEntry[] = [];
		const next = () =>
			reader.readEntries((batch) => {
				if (batch.length === 0) resolve(all);
				else {
					all.push(...batch);
					next();
				}
			}, reject);
		next();
	});
}

async function walk(entry: FileSystemEntry, out: NamedFile[], counts: { skipped: number }): Promise<void> {
	if (entry.isFile) {
		const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
		const name = entry.fullPath.replace(/^\//, '') || file.name;
		if (isJson(file.name)) out.push({ file, name });
		else counts.skipped++;
	} else if (entry.isDirectory) {
		for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child, out, counts);
	}
}

/** Every .json file of a drop, walking dropped folders; falls back to `dataTransfer.files`. */
export async function droppedFiles(dt: DataTransfer): Promise<{ files: NamedFile[]; skipped: number }> {
	const entries = [...dt.items].filter((i) => i.kind === 'file').map((i) => i.webkitGetAsEntry?.() ?? null);
	if (entries.length === 0 || entries.some((e) => e === null)) return jsonFiles(dt.files);
	const out: NamedFile[] = [];
	const counts = { skipped: 0 };
	for (const e of entries) await walk(e!, out, counts);
	return { files: out, skipped: counts.skipped };
}
