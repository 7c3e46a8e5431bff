import { ArrowDownloadRegular } from '@fluentui/react-icons';
import type { SoftwareUpdateRow } from '../../../shared/contract/software-updates';
import type { SoftwareUpdateGroup } from '../../../shared/contract/update-groups';
import { formatCount } from '../../format';
import type { RibbonAction } from '../../nodes/types';
import { DownloadWizard } from './DownloadWizard';
import type { DownloadTarget } from './download-draft';

const description =
  'Downloads the content of the selected software updates into a deployment package, and copies it to distribution points.';

/** All Software Updates > Download: the updates selected in the list. */
export const downloadUpdatesAction: RibbonAction<SoftwareUpdateRow> = {
  id: 'downloadSoftwareUpdates',
  label: 'Download',
  icon: ArrowDownloadRegular,
  description,
  isEnabled: ({ selection }) => selection.length > 0,
  run: ({ selection, services }) => {
    const target: DownloadTarget = {
      ciIds: selection.map((row) => row.ciId),
      description:
        selection.length === 1
          ? selection[0]!.title
          : formatCount(selection.length, 'software update'),
    };
    return services.dialogs.show((close) => (
      <DownloadWizard target={target} services={services} close={close} />
    ));
  },
};

/** Software Update Groups > Download: every update of one group. */
export const downloadGroupAction: RibbonAction<SoftwareUpdateGroup> = {
  id: 'downloadSoftwareUpdateGroup',
  label: 'Download',
  icon: ArrowDownloadRegular,
  description:
    'Downloads the content of the software updates in the selected group into a deployment package.',
  isEnabled: ({ selection }) => selection.length === 1,
  run: ({ selection, services }) => {
    const group = selection[0]!;
    const target: DownloadTarget = {
      ciIds: [],
      groupId: group.id,
      description: `The ${formatCount(group.numberOfUpdates, 'software update')} of the group ${group.name}`,
    };
    return services.dialogs.show((close) => (
      <DownloadWizard target={target} services={services} close={close} />
    ));
  },
};
