import {
  HeartPulseRegular,
  LibraryRegular,
  PeopleCommunityRegular,
  WrenchRegular,
} from '@fluentui/react-icons';
import { administrationNodes } from './administration';
import { assetsAndComplianceNodes } from './assets-and-compliance';
import { monitoringNodes } from './monitoring';
import { NodeRegistry } from './registry';
import { softwareLibraryNodes } from './software-library';

/**
 * The console's navigation: four workspaces and their node trees. A feature that brings a new
 * list replaces its planned node in the workspace file (or adds one) — see nodes/README.md.
 */
export function buildNodeRegistry(): NodeRegistry {
  return new NodeRegistry()
    .addWorkspace({
      id: 'assets',
      title: 'Assets and Compliance',
      icon: PeopleCommunityRegular,
      startNodeId: 'assets.devices',
    })
    .addWorkspace({
      id: 'library',
      title: 'Software Library',
      icon: LibraryRegular,
      startNodeId: 'library.softwareUpdates.all',
    })
    .addWorkspace({
      id: 'monitoring',
      title: 'Monitoring',
      icon: HeartPulseRegular,
      startNodeId: 'monitoring.statusMessages',
    })
    .addWorkspace({
      id: 'administration',
      title: 'Administration',
      icon: WrenchRegular,
      startNodeId: 'administration.sites',
    })
    .add(...assetsAndComplianceNodes())
    .add(...softwareLibraryNodes())
    .add(...monitoringNodes())
    .add(...administrationNodes());
}
