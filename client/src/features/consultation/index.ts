/**
 * The consultation feature's public entry for other features: the clause picker over a frozen
 * text's outline (also used to anchor a bureau's return reasons to the submitted text).
 */
export { ClausePicker } from './components/ClausePicker';
export type { ClauseValue } from './components/ClausePicker';
