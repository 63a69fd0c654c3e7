/** Ids a chart's plot element references: aria-labelledby=titleId, aria-describedby=descId. */
export interface FrameIds {
	titleId: string;
	descId: string;
}
