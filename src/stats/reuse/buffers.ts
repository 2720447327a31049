/**
 * Growable typed arrays for the pair lists of reuse: defined once, in `src/_buffers.ts`.
 * @module
 */

export { Float64Buffer, Int32Buffer, sortedIndexOf } from "../../_buffers.ts";
