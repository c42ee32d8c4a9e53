import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

/**
 * HS256 tokens for one audience, shared by widget session tokens and console tokens. The audience
 * keeps them apart: neither kind verifies as the other. verify() returns null for anything forged,
 * expired, of another algorithm or audience.
 */
export function createHs256Codec(opts: { secret: string; audience: string; ttlSeconds: number }) {
  const key = new TextEncoder().encode(opts.secret);
  return {
    sign(subject: string, claims: JWTPayload): Promise<string> {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime(`${opts.ttlSeconds}s`)
        .setAudience(opts.audience)
        .sign(key);
    },
    async verify(token: string): Promise<JWTPayload | null> {
      try {
        return (await jwtVerify(token, key, { algorithms: ['HS256'], audience: opts.audience })).payload;
      } catch {
        return null;
      }
    },
  };
}
