/** The history feature's public entry: the change history panel beside the editor (修改记录). */
export { HistoryPanel } from './components/HistoryPanel';
