import {
  CannedListResponse,
  CannedResponse,
  ConsoleUser,
  ConsoleUserListResponse,
  ConversationDetailResponse,
  ConversationListResponse,
  PasswordResetRequest,
} from '@em/contracts/rest';
import { registerPath } from '../http/openapi';
import { CannedBody, NewUserBody, UserPatchBody } from './admin-routes';
import { IdParams, ListQuery } from './conversations-routes';

// The console's REST paths in GET /api/openapi.json (registered at module load).
const tags = ['console'];
registerPath({
  method: 'get',
  path: '/api/conversations',
  summary: 'Conversations by view (waiting, mine, open, resolved, all), searched by q, paginated',
  tags,
  auth: 'console',
  query: ListQuery,
  responses: { 200: { description: '{ items, total, page, pageSize }', schema: ConversationListResponse } },
});
registerPath({
  method: 'get',
  path: '/api/conversations/{id}',
  summary: "Transcript with each turn's route, sentiment, agent handoffs and timings; events, notes, handoff brief, drafted reply",
  tags,
  auth: 'console',
  params: IdParams,
  responses: { 200: { description: 'conversation detail', schema: ConversationDetailResponse }, 404: { description: 'not_found' } },
});
registerPath({ method: 'get', path: '/api/canned-responses', summary: 'Canned responses', tags, auth: 'console', responses: { 200: { description: '{ items }', schema: CannedListResponse } } });
registerPath({ method: 'post', path: '/api/canned-responses', summary: 'Create a canned response', tags, auth: 'admin', body: CannedBody, responses: { 201: { description: 'created', schema: CannedResponse }, 409: { description: 'conflict: shortcut taken' } } });
registerPath({ method: 'patch', path: '/api/canned-responses/{id}', summary: 'Edit a canned response', tags, auth: 'admin', params: IdParams, body: CannedBody.partial(), responses: { 200: { description: 'updated', schema: CannedResponse } } });
registerPath({ method: 'delete', path: '/api/canned-responses/{id}', summary: 'Delete a canned response', tags, auth: 'admin', params: IdParams, responses: { 204: { description: 'deleted' } } });
registerPath({ method: 'get', path: '/api/users', summary: 'Console users', tags, auth: 'admin', responses: { 200: { description: '{ items }', schema: ConsoleUserListResponse } } });
registerPath({ method: 'post', path: '/api/users', summary: 'Create a console user (agent or admin)', tags, auth: 'admin', body: NewUserBody, responses: { 201: { description: 'created', schema: ConsoleUser }, 409: { description: 'conflict: email taken' } } });
registerPath({ method: 'patch', path: '/api/users/{id}', summary: 'Rename, change role, (de)activate or reset password', tags, auth: 'admin', params: IdParams, body: UserPatchBody, responses: { 200: { description: 'updated', schema: ConsoleUser } } });
registerPath({ method: 'post', path: '/api/users/{id}/password', summary: "Reset a user's password (10+ characters); ends all of that user's sessions", tags, auth: 'admin', params: IdParams, body: PasswordResetRequest, responses: { 200: { description: 'updated', schema: ConsoleUser }, 404: { description: 'not_found' } } });
