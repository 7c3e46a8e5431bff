import { SiteError } from '../../../shared/errors';
import type { SiteHandlers } from '../api/handlers';
import type { HandlerDependencies } from '../site-handlers';

type RuleMethods = Extract<keyof SiteHandlers, `rules.${string}` | `ruleTemplates.${string}`>;

// TEMPORARY (lead, issue 14): the rule engine branch replaces this file before it lands.
export function createRuleHandlers(_deps: HandlerDependencies): Pick<SiteHandlers, RuleMethods> {
  const absent = () => {
    throw new SiteError('unavailable', 'Automatic deployment rules are being built.');
  };
  return {
    'rules.list': absent,
    'rules.get': absent,
    'rules.checkName': absent,
    'rules.preview': absent,
    'rules.create': absent,
    'rules.update': absent,
    'rules.setEnabled': absent,
    'rules.delete': absent,
    'rules.run': absent,
    'rules.addDeployment': absent,
    'rules.updateDeployment': absent,
    'rules.removeDeployment': absent,
    'ruleTemplates.list': absent,
    'ruleTemplates.create': absent,
    'ruleTemplates.delete': absent,
  };
}
