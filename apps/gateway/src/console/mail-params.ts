import { z } from 'zod';

/** Path parameters of the console's mail routes (mail-routes.ts, openapi-mail.ts). */
export const MailParams = z.object({ id: z.string().uuid() });
export const MailRetryParams = z.object({ id: z.string().uuid(), mailId: z.string().uuid() });
