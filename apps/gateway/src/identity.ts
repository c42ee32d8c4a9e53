// The identity HMAC lives in @em/config/identity (one implementation for the gateway, the demo
// storefront, tests and eval clients); re-exported here for the /chat handshake.
export { identityHash, verifyIdentityHash } from '@em/config/identity';
