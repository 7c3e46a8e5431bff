import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  clientIdHeader,
  clientKeyHeader,
  managementPointPaths,
} from '../../../shared/contract/client-protocol';
import { SiteError } from '../../../shared/errors';
import { toSiteError } from '../../site/api/dispatch';
import type { ClientCredentials, ManagementPoint } from '../../site/mp/management-point';
import { isTrustedNetwork, loopbackNetworks, trustedNetworkList } from './trusted-networks';
import { readBody, sendError, sendResult, type RouteHandler } from './http-body';

function credentialsOf(request: IncomingMessage): ClientCredentials {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return { smsGuid: header(clientIdHeader), key: header(clientKeyHeader) };
}

async function jsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(request, limit);
  try {
    return body.length === 0 ? {} : (JSON.parse(body) as unknown);
  } catch {
    throw new SiteError('invalid-input', 'The request body is not valid JSON.');
  }
}

/**
 * The management point's HTTP face, mounted at /mp: POST /mp/register, GET /mp/policy and
 * POST /mp/state-messages. Every answer is the API's `{ ok, value | error }` envelope, with
 * 400 for a malformed batch, 413 for one past the size limit, and 403 for an unknown client, a
 * wrong key or a refused batch.
 */
export function managementPointRoutes(
  mp: ManagementPoint,
  maxBodyBytes: number,
  trustedNetworks: readonly string[] = loopbackNetworks,
): RouteHandler {
  const trusted = trustedNetworkList(trustedNetworks);
  return async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '').split('?')[0];
    try {
      let value: unknown;
      if (path === managementPointPaths.register && request.method === 'POST')
        value = await mp.register(
          await jsonBody(request, maxBodyBytes),
          isTrustedNetwork(request.socket.remoteAddress, trusted),
        );
      else if (
        path === managementPointPaths.policy &&
        (request.method === 'GET' || request.method === 'POST')
      )
        value = await mp.policy(credentialsOf(request));
      else if (path === managementPointPaths.stateMessages && request.method === 'POST')
        value = await mp.postStateMessages(
          credentialsOf(request),
          await jsonBody(request, maxBodyBytes),
        );
      else {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('No such endpoint.');
        return;
      }
      sendResult(response, { ok: true, value });
    } catch (error) {
      sendError(response, toSiteError(error));
    }
  };
}
