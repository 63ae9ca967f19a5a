export * from "./registry.js";
export { OpenAIEmbedder, EMBEDDING_BATCH_SIZE } from "./openai/openai-embedder.js";
export { OpenAIChatModel } from "./openai/openai-chat-model.js";
export { HashedLexicalEmbedder } from "./local/hashed-lexical-embedder.js";
export { createOpenAIClient } from "./openai/create-openai-client.js";
