export type { Analysis, CallMeta, ModelPort, RespondRequest, ProviderName } from './port';
export { createOfflineModel } from './offline';
export { createOpenAIModel, type OpenAIModelOptions } from './openai';
export { createModel, type ModelConfig } from './create-model';
