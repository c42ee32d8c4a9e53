export type { ModelPort, RespondRequest } from './port';
export { createOfflineModel } from './offline';
