import { describe, expect, it } from 'vitest';
import { concat, escapeHtml, markup } from '../../../../src/lib/html/markup';

const { h, s } = markup;

describe('markup (build-time element factory)', () => {
	it('escapes text children and attribute values', () => {
		const el = h('p', { title: '"><script>x</script>', 'data-x': "it's" }, '<img src=x onerror=alert(1)> & more');
		expect(el.html).toBe('<p title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;" data-x="it&#39;s">&lt;img src=x onerror=alert(1)&gt; &amp; more</p>');
	});

	it('nests elements, drops null/false children and attributes, writes true as an empty attribute', () => {
		const el = h('ul', { hidden: true, id: null, class: false }, h('li', {}, 'a', 1), null, false, undefined, h('li', {}, s('svg', { viewBox: '0 0 1 1' })));
		expect(el.html).toBe('<ul hidden><li>a1</li><li><svg viewBox="0 0 1 1"></svg></li></ul>');
	});

	it('writes void elements without a closing tag and joins pieces', () => {
		expect(concat([h('br'), h('input', { type: 'text' })])).toBe('<br><input type="text">');
	});

	it('refuses tag and attribute names that could break out of the markup', () => {
		expect(() => h('p onclick=x', {})).toThrow(/bad tag/);
		expect(() => h('p', { 'on"x': 'y' })).toThrow(/bad attribute/);
	});

	it('escapeHtml covers the five HTML metacharacters', () => {
		expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
	});
});
