/**
 * Turns a drawn or uploaded picture into an MNIST-style digit, the way the MNIST digits were made:
 * grayscale with ink bright on a dark background, the ink's bounding box scaled (area-averaged,
 * aspect kept) to fit a 20x20 box, then placed in a 28x28 image so that its centre of mass sits at
 * the centre. Plain arrays only: the UI reads pixels from a canvas and passes them here.
 */

/** How to decide which of light and dark is ink: 'auto' takes the border's majority as background. */
export type InkMode = 'auto' | 'dark' | 'light';

/**
 * Grayscale ink in [0, 1] (1 = ink) from RGBA bytes (length w*h*4). With 'dark', dark pixels are ink
 * (a pen on paper); with 'light', light ones are; 'auto' looks at the border: a light border means
 * dark ink, a dark one light ink, and a mostly transparent border means the ink is the opacity
 * (a drawing on a transparent canvas). Transparent pixels always count as background.
 */
export function rgbaToInk(rgba: Uint8ClampedArray | Uint8Array, w: number, h: number, mode: InkMode = 'auto'): Float32Array {
	const n = w * h;
	const out = new Float32Array(n);
	let dark = mode === 'dark';
	if (mode === 'auto') {
		const border = borderStats(rgba, w, h);
		if (border.alpha < 0.5) {
			for (let i = 0; i < n; i++) out[i] = rgba[4 * i + 3] / 255;
			return out;
		}
		dark = border.lum >= 0.5;
	}
	const bg = dark ? 1 : 0;
	for (let i = 0; i < n; i++) {
		const a = rgba[4 * i + 3] / 255;
		const v = a * luminance(rgba, i) + (1 - a) * bg;
		out[i] = dark ? 1 - v : v;
	}
	return out;
}

function luminance(rgba: Uint8ClampedArray | Uint8Array, i: number): number {
	return (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
}

/** Mean opacity of the border, and mean luminance of its opaque part (weighted by opacity). */
function borderStats(rgba: Uint8ClampedArray | Uint8Array, w: number, h: number): { alpha: number; lum: number } {
	let alpha = 0;
	let lum = 0;
	let count = 0;
	const add = (i: number) => {
		const a = rgba[4 * i + 3] / 255;
		alpha += a;
		lum += a * luminance(rgba, i);
		count++;
	};
	for (let x = 0; x < w; x++) {
		add(x);
		if (h > 1) add((h - 1) * w + x);
	}
	for (let y = 1; y < h - 1; y++) {
		add(y * w);
		if (w > 1) add(y * w + w - 1);
	}
	return { alpha: count ? alpha / count : 0, lum: alpha > 0 ? lum / alpha : 0 };
}

/**
 * Area-averaging resize of a single-channel image (each output pixel is the mean of the input area
 * it covers, with fractional overlaps), the resampling that keeps thin strokes visible when shrinking.
 */
export function resampleArea(src: Float32Array, sw: number, sh: number, dw: number, dh: number): Float32Array {
	const out = new Float32Array(dw * dh);
	const sx = sw / dw;
	const sy = sh / dh;
	for (let oy = 0; oy < dh; oy++) {
		const y0 = oy * sy;
		const y1 = y0 + sy;
		for (let ox = 0; ox < dw; ox++) {
			const x0 = ox * sx;
			const x1 = x0 + sx;
			let acc = 0;
			for (let y = Math.floor(y0); y < Math.min(sh, Math.ceil(y1)); y++) {
				const wy = Math.min(y + 1, y1) - Math.max(y, y0);
				if (wy <= 0) continue;
				for (let x = Math.floor(x0); x < Math.min(sw, Math.ceil(x1)); x++) {
					const wx = Math.min(x + 1, x1) - Math.max(x, x0);
					if (wx > 0) acc += wx * wy * src[y * sw + x];
				}
			}
			out[oy * dw + ox] = acc / (sx * sy);
		}
	}
	return out;
}

/** The ink's bounding box (pixels above `threshold`), or null when there is no ink. */
export function inkBox(ink: Float32Array, w: number, h: number, threshold = 0.1): { x0: number; y0: number; x1: number; y1: number } | null {
	let x0 = w;
	let y0 = h;
	let x1 = -1;
	let y1 = -1;
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			if (ink[y * w + x] > threshold) {
				if (x < x0) x0 = x;
				if (x > x1) x1 = x;
				if (y < y0) y0 = y;
				if (y > y1) y1 = y;
			}
		}
	}
	return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Centre of mass (x, y) of an image, in pixel-centre coordinates; the centre when empty. */
export function centreOfMass(img: Float32Array, w: number, h: number): { x: number; y: number } {
	let m = 0;
	let mx = 0;
	let my = 0;
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			const v = img[y * w + x];
			m += v;
			mx += v * (x + 0.5);
			my += v * (y + 0.5);
		}
	}
	return m > 0 ? { x: mx / m, y: my / m } : { x: w / 2, y: h / 2 };
}

/** Side of MNIST digits, and of the box their ink is scaled into. */
export const DIGIT_SIDE = 28;
export const INK_BOX = 20;

/**
 * The MNIST procedure on an ink image (1 = ink) of any size: crop to the ink, scale the longer side
 * to 20 px, centre the mass in 28x28 (the shift is clamped so no ink leaves the image). Returns
 * 784 values in [0, 1], or null when there is no ink.
 */
export function toMnistDigit(ink: Float32Array, w: number, h: number): Float32Array | null {
	const box = inkBox(ink, w, h);
	if (!box) return null;
	const bw = box.x1 - box.x0;
	const bh = box.y1 - box.y0;
	const crop = new Float32Array(bw * bh);
	for (let y = 0; y < bh; y++) crop.set(ink.subarray((box.y0 + y) * w + box.x0, (box.y0 + y) * w + box.x1), y * bw);
	const scale = INK_BOX / Math.max(bw, bh);
	const tw = Math.max(1, Math.round(bw * scale));
	const th = Math.max(1, Math.round(bh * scale));
	const small = resampleArea(crop, bw, bh, tw, th);
	const c = centreOfMass(small, tw, th);
	const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
	const ox = clamp(Math.round(DIGIT_SIDE / 2 - c.x), 0, DIGIT_SIDE - tw);
	const oy = clamp(Math.round(DIGIT_SIDE / 2 - c.y), 0, DIGIT_SIDE - th);
	const out = new Float32Array(DIGIT_SIDE * DIGIT_SIDE);
	for (let y = 0; y < th; y++) {
		for (let x = 0; x < tw; x++) out[(oy + y) * DIGIT_SIDE + ox + x] = Math.min(1, Math.max(0, small[y * tw + x]));
	}
	return out;
}

/**
 * Fits an ink image into a side x side square without cropping (aspect kept, centred, padded with
 * background), for inputs that are pictures rather than digits.
 */
export function fitToSquare(ink: Float32Array, w: number, h: number, side: number): Float32Array {
	const scale = side / Math.max(w, h);
	const tw = Math.max(1, Math.round(w * scale));
	const th = Math.max(1, Math.round(h * scale));
	const small = resampleArea(ink, w, h, tw, th);
	const out = new Float32Array(side * side);
	const ox = Math.floor((side - tw) / 2);
	const oy = Math.floor((side - th) / 2);
	for (let y = 0; y < th; y++) out.set(small.subarray(y * tw, (y + 1) * tw), (oy + y) * side + ox);
	return out;
}
