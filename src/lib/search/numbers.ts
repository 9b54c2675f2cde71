/**
 * Numbers and units, however they are written, meet in one form, so "85 percent" finds a page that
 * says "85%", "two days" one that says "2 days", "8 AM" one that says "8:00" and "P1" one that
 * says "P0-P3". Both sides use it: the search modal rewrites the learner's query
 * (`normaliseQuery`), and every curriculum page carries the same forms of its own numbers as
 * hidden Pagefind-indexed text (`numberSynonyms`, rendered by SearchMeta.astro).
 *
 * The one form: digits ("2"), a percentage as its number ("85"; Pagefind drops the "%"), a clock
 * time as "H:MM" in 12-hour digits ("8:00", "1:00"), a priority range as each level ("P0 P1 P2 P3").
 */

const SMALL: Record<string, number> = {
	zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
	eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
	eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/**
 * Units next to which a spelt-out "one" is a number ("one week", "day one", "gate one"); elsewhere
 * "one" is usually a pronoun ("which one"), which must not become "1".
 */
const UNITS = /^(?:second|minute|hour|day|week|month|year|quarter|sprint|session|attempt|retake|point|percent|time|gate|level|module|lab)s?$/i;

/** The value of a spelt-out number word or hyphenated pair ("seven", "twenty-four"), else null. */
export function numberWord(word: string): number | null {
	const w = word.toLowerCase();
	if (w in SMALL) return SMALL[w]!;
	if (w in TENS) return TENS[w]!;
	const m = /^([a-z]+)-([a-z]+)$/.exec(w);
	if (m && m[1]! in TENS && m[2]! in SMALL && SMALL[m[2]!]! > 0 && SMALL[m[2]!]! < 10) return TENS[m[1]!]! + SMALL[m[2]!]!;
	return null;
}

/** "8", "8am", "8:30", "08:00 pm" → "8:00"/"8:30" in 12-hour digits; null when it is no clock time. */
function clock(hour: string, minutes: string | undefined): string | null {
	let h = Number(hour);
	if (!Number.isInteger(h) || h > 23) return null;
	if (h > 12) h -= 12;
	if (h === 0) h = 12;
	return `${h}:${minutes ?? '00'}`;
}

/** "P0-P3", "P1–P2", "P0 to P3" → every level in the range; null when it is no priority range. */
function priorityRange(from: number, to: number): string | null {
	if (to <= from || to - from > 5) return null;
	return Array.from({ length: to - from + 1 }, (_, i) => `P${from + i}`).join(' ');
}

/**
 * Rewrites numbers, percentages, clock times and priority ranges in free text into the one form
 * (see the module comment). Other words are kept as written.
 *
 * @param text  a query or a page's text (any string)
 * @returns the text with those forms rewritten and single spaces between words
 */
export function normaliseNumbers(text: string): string {
	let s = ` ${text} `;
	// Priority ranges first, before the dash is read as anything else.
	s = s.replace(/\bP([0-9])\s*(?:-|–|—|to|through)\s*P?([0-9])\b/gi, (all, a: string, b: string) => priorityRange(Number(a), Number(b)) ?? all);
	// Clock times with AM/PM: "8 AM", "8am", "1:00 pm", "8 a.m." (the final "." is optional).
	s = s.replace(/\b([0-9]{1,2})(?::([0-5][0-9]))?\s*([ap])\.?\s?m\b\.?/gi, (all, h: string, m: string | undefined) => clock(h, m) ?? all);
	// 24-hour clock times: "13:00" → "1:00"; "9:00" stays.
	s = s.replace(/\b([0-9]{1,2}):([0-5][0-9])\b/g, (all, h: string, m: string) => clock(h, m) ?? all);
	// Percentages: "85%", "85 %", "85 percent", "85 per cent", "85pct" → "85".
	s = s.replace(/\b([0-9]+(?:\.[0-9]+)?)\s*(?:%|percent\b|per\s+cent\b|pct\b)/gi, '$1');
	// Spelt-out numbers: "two days" → "2 days", "twenty-four hours" → "24 hours"; "one" only next to a unit.
	s = s.replace(/\b([A-Za-z]+(?:-[A-Za-z]+)?)(?=(\s+[A-Za-z]+)?)/g, (word: string, _w: string, next: string | undefined, offset: number, all: string) => {
		const n = numberWord(word);
		if (n === null) return word;
		const before = /([A-Za-z]+)\s+$/.exec(all.slice(0, offset))?.[1];
		if (n === 1 && !(next && UNITS.test(next.trim())) && !(before && UNITS.test(before))) return word;
		return String(n);
	});
	return s.replace(/\s+/g, ' ').trim();
}

/**
 * The query step for numbers: `normaliseNumbers` on what the learner typed, except inside quoted
 * phrases, which ask for exactly what is written.
 */
export function normaliseQuery(query: string): string {
	return query
		.split(/("[^"]*"?)/)
		.map((part) => (part.startsWith('"') ? part : normaliseNumbers(part)))
		.join(' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The extra words a page needs in its hidden search text so that every way of writing its numbers
 * finds it: the words of `normaliseNumbers(text)` that the text does not already contain
 * (compared case-insensitively), in first-seen order, each once.
 *
 * @param text  the page's source text (Markdown is fine)
 * @returns words such as "2", "8:00", "P1"; empty when the page writes its numbers in the one form
 */
export function numberSynonyms(text: string): string[] {
	const have = new Set(text.toLowerCase().split(/[^\p{L}\p{N}:]+/u).filter(Boolean));
	const out = new Set<string>();
	for (const w of normaliseNumbers(text).split(/[^\p{L}\p{N}:]+/u)) {
		if (!w || have.has(w.toLowerCase())) continue;
		if (/^[0-9]/.test(w) || /^P[0-9]$/i.test(w)) out.add(w);
	}
	return [...out];
}
