import 'server-only';

// Server components and route code import the env through here: the server-only guard makes a client
// component that imports it fail the build, so settings can never reach a browser bundle. The proxy
// (src/proxy.ts) and server start-up (src/instrumentation*.ts) are not React server modules and import
// ./env directly.
export * from './env';
