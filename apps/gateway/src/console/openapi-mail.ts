import { ConversationMailsResponse, MailRetryResponse } from '@em/contracts/mail';
import { registerPath } from '../http/openapi';
import { MailParams, MailRetryParams } from './mail-params';

// The console's follow-up mail paths (issue 20) in GET /api/openapi.json (registered at module load).
const tags = ['console'];
registerPath({
  method: 'get',
  path: '/api/conversations/{id}/mails',
  summary: "The conversation's follow-up mail (ticket confirmation, replies while away, transcript), newest first, with state, attempts and last error",
  tags,
  auth: 'console',
  params: MailParams,
  responses: { 200: { description: '{ mails }', schema: ConversationMailsResponse } },
});
registerPath({
  method: 'post',
  path: '/api/conversations/{id}/mails/{mailId}/retry',
  summary: 'Send a failed mail again (back to queued, a new send job); its text was kept',
  tags,
  auth: 'console',
  params: MailRetryParams,
  responses: { 200: { description: 'queued again', schema: MailRetryResponse }, 404: { description: 'not_found' }, 409: { description: 'conflict: not failed, or mail not configured' } },
});
