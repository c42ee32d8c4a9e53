import 'server-only';

// Server components and route code read the env through here, so it can never reach a client bundle.
export * from './env-core';
