// briefdeck renders Vega without a canvas (text is measured with fontkit);
// the real vega-canvas probes for node-canvas with a top-level await, which
// a CommonJS bundle cannot hold. The bundle maps vega-canvas here.
export function canvas(): null {
  return null;
}
export function image(): null {
  return null;
}
export function domCanvas(): null {
  return null;
}
export function nodeCanvas(): null {
  return null;
}
