import { z } from 'zod';
import { Attachment } from '@em/contracts/schemas';
import { registerPath } from '../http/openapi';

// The console's upload route in GET /api/openapi.json (the widget's /chat routes are DESIGN §10's).
const Uploaded = z.object({ ok: z.literal(true), data: Attachment });
registerPath({
  method: 'post',
  path: '/api/conversations/{id}/attachments',
  summary: 'Upload a file (multipart field `file`: PNG, JPEG, WebP or PDF by content, ≤ 10 MB) for the owner to send with message:send `attachments`',
  tags: ['console'],
  auth: 'console',
  params: z.object({ id: z.string().uuid() }),
  responses: {
    200: { description: '{ ok: true, data: { id, name, mime, size, url } }', schema: Uploaded },
    413: { description: 'file_too_large' },
    415: { description: 'unsupported_type' },
  },
});
