export type { ActRequest, ActResult, Analysis, CallMeta, ModelPort, RespondRequest, ProviderName, ToolSchema, ToolOutcome } from './port';
export { createOfflineModel } from './offline';
export { createOpenAIModel, type ModelOp, type OpenAIModelOptions } from './openai';
export { createModel, type ModelConfig } from './create-model';
export { createModelFromEnv, llmEnv, LlmEnv } from './env';
