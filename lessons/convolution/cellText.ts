/**
 * A value written inside a small grid cell, in at most four characters: 0, .42, −1.3, 12, 340, 3e4
 * (leading zero and trailing zeros dropped, a true minus sign).
 */
export function cellText(v: number): string {
	if (!Number.isFinite(v)) return '–';
	const a = Math.abs(v);
	let t: string;
	if (a < 0.005) t = '0';
	else if (a < 1) t = v.toFixed(2).replace(/^(-?)0\./, '$1.');
	else if (a < 10) t = v.toFixed(1);
	else if (a < 1000) t = v.toFixed(0);
	else t = v.toExponential(0).replace('+', '');
	if (t.includes('.') && !t.includes('e')) t = t.replace(/\.?0+$/, '');
	return t.replace('-', '−');
}
