/** Line chart of many series (training curves), linear/log axes, read-out, markers. */
export { default as LineChart } from './LineChart.svelte';
/** Sampled function curves with axes through zero (activations and derivatives). */
export { default as FunctionCurve } from './FunctionCurve.svelte';
/** Canvas heatmap (rows x cols), sequential or diverging colour, appendable columns. */
export { default as Heatmap } from './Heatmap.svelte';
/** Grouped bar chart, optionally editable by drag and keyboard. */
export { default as BarChart } from './BarChart.svelte';
/** Fully connected network diagram with edge/node values and dead units. */
export { default as NetworkDiagram } from './NetworkDiagram.svelte';
/** Scatter plot of classed 2-D points: background grid, fitted lines, click to add, drag to move. */
export { default as ScatterChart } from './ScatterChart.svelte';
/** Small labelled matrix with values in the cells (confusion matrices). */
export { default as MatrixChart } from './MatrixChart.svelte';
/** Channels of an [H, W, C] feature map as a grid of canvas tiles; click a tile to select it. */
export { default as FeatureMapGrid } from './FeatureMapGrid.svelte';
/** A network's layers as blocks with shapes and parameter counts; click a block to select it. */
export { default as ArchitectureDiagram } from './ArchitectureDiagram.svelte';
/** A grid of small grayscale images (digits) with captions; click one to select it. */
export { default as DigitGallery } from './DigitGallery.svelte';
/** Figure frame (title, export menu, data table) used by every chart. */
export { default as ChartFrame } from './ChartFrame.svelte';

export type { LineSeries, Marker, RefLine } from './core/lineModel';
export type { BarGroup } from './core/barModel';
export type { ScatterBackground, ScatterLine, ScatterPoints } from './core/scatterModel';
export type { CellTone } from './core/matrixModel';
export type { ColorMode } from './core/colors';
export type { MapColor, MapScale } from './core/featureMapModel';
export type { ArchLayer } from './core/archModel';
/** A shape as text: [28, 28, 8] -> "28×28×8". */
export { shapeText } from './core/archModel';
export type { EdgeMode } from './core/networkLayout';
export type { Extent } from './core/domain';
export type { FrameIds } from './core/types';
export { formatCompact } from './core/format';
/** Centres of a ScatterChart background grid's cells (row 0 at the top): the inputs to evaluate. */
export { gridCellCenters } from './core/scatterGrid';
