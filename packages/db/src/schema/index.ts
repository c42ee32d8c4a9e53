// The drizzle schema, one file per domain. Importing this never opens a connection.
export * from './customers';
export * from './catalog';
export * from './orders';
export * from './support';
export * from './conversations';
export * from './users';
export * from './helpdesk';
