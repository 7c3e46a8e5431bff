import {
  siteContract,
  SiteEvent,
  type MethodInput,
  type MethodOutput,
  type SiteMethod,
} from '../contract';
import { invalidInput, SiteError } from '../errors';
import type { SiteTransport } from './transport';

/**
 * The typed client every console part uses. It checks inputs before they leave (so a wizard sees
 * the same sentence the site would give) and never knows which transport carries the call.
 */
export class SiteApi {
  constructor(readonly transport: SiteTransport) {}

  async call<M extends SiteMethod>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const spec = siteContract[name];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) throw invalidInput(parsed.error);
    const result = await this.transport.call(name, parsed.data);
    if (!result.ok) throw SiteError.fromData(result.error);
    return result.value as MethodOutput<M>;
  }

  onEvent(listener: (event: SiteEvent) => void): () => void {
    return this.transport.subscribe((event) => {
      const parsed = SiteEvent.safeParse(event);
      if (parsed.success) listener(parsed.data);
    });
  }
}
