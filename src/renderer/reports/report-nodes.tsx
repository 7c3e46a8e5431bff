import {
  ChartMultipleRegular,
  DocumentDataRegular,
  FolderRegular,
  PlayRegular,
} from '@fluentui/react-icons';
import {
  reportCategories,
  type ReportCategory,
  type ReportDefinition,
} from '../../shared/contract/reports';
import { arrayPage } from '../content/array-source';
import { defineFolder, defineListNode, type ConsoleNode, type RibbonGroup } from '../nodes/types';
import { ReportDetails } from './report-details';
import { openReport } from './open-report';
import { scheduledReportsNode } from './scheduled-reports-node';

const workspace = 'monitoring' as const;
const reportsFolderId = 'monitoring.reporting.reports';

/** "Software Updates - A Compliance" → "monitoring.reporting.reports.a-compliance". */
function categoryNodeId(category: ReportCategory): string {
  const slug = category
    .replace('Software Updates - ', '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return `${reportsFolderId}.${slug}`;
}

const reportGroup: RibbonGroup<ReportDefinition> = {
  label: 'Report Group',
  actions: [
    {
      id: 'reports.run',
      label: 'Run',
      icon: PlayRegular,
      description: 'Opens the selected report in the Report Viewer with its parameters.',
      isEnabled: ({ selection }) => selection.length === 1,
      run: ({ selection, services }) => openReport(services, selection[0]!),
    },
  ],
};

/** One category folder of §11.1, listing its reports; secondary ones say how they are reached. */
function categoryNode(category: ReportCategory) {
  return defineListNode<ReportDefinition>({
    id: categoryNodeId(category),
    title: category,
    icon: FolderRegular,
    workspace,
    parentId: reportsFolderId,
    columns: [
      {
        id: 'name',
        header: 'Name',
        isDefault: true,
        sortKey: 'name',
        width: 460,
        text: (report) => report.name,
      },
      {
        id: 'category',
        header: 'Category',
        width: 260,
        text: (report) => report.category,
      },
      {
        id: 'type',
        header: 'Type',
        isDefault: true,
        width: 150,
        text: (report) => (report.isSecondary ? 'Drill-through' : 'Report'),
      },
      {
        id: 'parameters',
        header: 'Parameters',
        isDefault: true,
        width: 300,
        text: (report) =>
          report.parameters.map((parameter) => parameter.label).join(', ') || 'None',
      },
      {
        id: 'description',
        header: 'Description',
        isDefault: true,
        width: 520,
        text: (report) => report.description,
      },
    ],
    rowId: (report) => report.name,
    source:
      ({ api }) =>
      async (query) => {
        const { categories } = await api.call('reports.list', {});
        const reports = categories.find((found) => found.name === category)?.reports ?? [];
        return arrayPage(reports, query, (report) => `${report.name} ${report.description}`);
      },
    searchHint: 'Search report name or description',
    emptyText: 'The site lists no reports in this category.',
    ribbon: [reportGroup],
    details: ReportDetails,
    describe: (report) => report.name,
    open: ({ selection, services }) => {
      if (selection.length === 1) void openReport(services, selection[0]!);
    },
  });
}

/**
 * Monitoring > Reporting > Reports > Software Updates - A … E (§11.1), and Subscriptions: the
 * scheduled reports that write their files to a folder.
 */
export function reportingNodes(parentId: string): ConsoleNode[] {
  return [
    defineFolder({
      id: 'monitoring.reporting',
      title: 'Reporting',
      icon: ChartMultipleRegular,
      workspace,
      parentId,
    }),
    defineFolder({
      id: reportsFolderId,
      title: 'Reports',
      icon: DocumentDataRegular,
      workspace,
      parentId: 'monitoring.reporting',
    }),
    ...reportCategories.map(categoryNode),
    scheduledReportsNode('monitoring.reporting'),
  ];
}
