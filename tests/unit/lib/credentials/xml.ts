/**
 * Strict XML parse for tests (sax, installed with svgo/sitemap): throws on any well-formedness
 * error and returns the element names and text content, so tests can check hostile text arrives
 * as text.
 */
import sax from 'sax';

export function parseXml(xml: string): { elements: string[]; texts: string[]; attributes: Record<string, string>[] } {
	const parser = sax.parser(true, { xmlns: false });
	const elements: string[] = [];
	const texts: string[] = [];
	const attributes: Record<string, string>[] = [];
	let error: Error | undefined;
	parser.onerror = (e) => {
		error ??= e;
		parser.resume();
	};
	parser.onopentag = (node) => {
		elements.push(node.name);
		attributes.push(node.attributes as Record<string, string>);
	};
	parser.ontext = (t) => {
		if (t.trim()) texts.push(t);
	};
	parser.oncdata = (t) => texts.push(t);
	parser.write(xml).close();
	if (error) throw error;
	return { elements, texts, attributes };
}
