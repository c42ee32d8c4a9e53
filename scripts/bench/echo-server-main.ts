// Runs the bare Socket.IO baseline in its own process (like the gateway), printing its URL.
import { startEchoServer } from './echo-server';

const server = await startEchoServer(Number(process.argv[2] ?? 0));
console.log(`ECHO_URL=${server.url}`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
