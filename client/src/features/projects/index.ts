/** The projects feature's public entry for other features: the project API (e.g. the member list). */
export { projectsApi } from './api/projectsApi';
export { DueTag } from './components/DueTag';
export { StageTag } from './components/StageTag';
