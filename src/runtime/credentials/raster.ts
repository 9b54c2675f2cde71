/**
 * SVG text → PNG bytes in the browser: load the SVG as an image from a data: URL (the pages'
 * Content-Security-Policy allows images from the site and data: only, not blob:), draw it on a
 * canvas `scale` times its own size (default 2×: 2246 × 1588 px for the certificate, 1024 × 1024
 * for the badge) on white, and encode with `canvas.toBlob`. The SVG must be self-contained
 * (certificate-svg.ts is): an SVG drawn as an image cannot load fonts or images from elsewhere.
 *
 * Rejects with Error when the SVG cannot be decoded or the canvas cannot encode a PNG.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
	const image = new Image();
	image.decoding = 'async';
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
	await image.decode().catch(() => {
		throw new Error('The image could not be drawn (the SVG did not load).');
	});
	const width = Math.round((image.naturalWidth || 512) * scale);
	const height = Math.round((image.naturalHeight || 512) * scale);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('This browser cannot draw on a canvas, so no PNG can be made.');
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, width, height);
	context.drawImage(image, 0, 0, width, height);
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (!blob) throw new Error('The canvas could not encode a PNG.');
	return new Uint8Array(await blob.arrayBuffer());
}
