/** The submission package feature (提交材料): the project page's button and dialog. */
export { SubmissionPackageButton } from './components/SubmissionPackageButton';
