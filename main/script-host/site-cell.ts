// The name of the call-site cell (an Int32Array) the sandbox hands the script and the transpiler writes to: its own
// module, so the engine loads scripts without the TypeScript compiler.
export const SITE_CELL = '__nicbench_site'
