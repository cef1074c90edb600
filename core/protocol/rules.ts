// Rules of the receive/send path live in the verifier's catalogue (core/verifier/rules/r45.ts, r46.ts).
export { R45 } from '../verifier/rules/r45'
export { R46 } from '../verifier/rules/r46'
