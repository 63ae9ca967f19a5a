export * from "./config-schema.js";
export * from "./load-config.js";
export { checkStoreFolder, STORE_SETTING } from "./store-folder.js";
export { maskUrlsIn, shownBaseUrl } from "./shown-base-url.js";
