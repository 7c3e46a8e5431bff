import { makeStyles } from '@fluentui/react-components';
import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { DeploymentAsset } from '../../shared/contract/deployments';
import { formatDateTime } from '../format';
import { consoleGridTheme } from '../grid/grid-theme';

const useStyles = makeStyles({ frame: { height: '260px', width: '100%' } });

/** Asset Details columns (SMS_SUMDeploymentAssetDetails). */
const columns: ColDef<DeploymentAsset>[] = [
  { headerName: 'Device', field: 'deviceName', width: 150 },
  {
    headerName: 'Status Time',
    field: 'statusTime',
    width: 160,
    valueFormatter: ({ value }) => formatDateTime(value as string | null),
  },
  { headerName: 'Sub-state', field: 'subStateLabel', width: 220 },
  { headerName: 'Error Code', field: 'errorCodeHex', width: 100 },
  { headerName: 'Error Description', field: 'errorDescription', flex: 1, minWidth: 220 },
  { headerName: 'Last Message ID', field: 'lastMessageKey', width: 140 },
];

/**
 * The Asset Details list of View Status: up to 20,000 rows held in the console, so a
 * virtualized grid (client-side rows, sortable) rather than the node lists' paged one.
 */
export function AssetGrid({ rows }: { rows: readonly DeploymentAsset[] }) {
  const styles = useStyles();
  return (
    <div className={styles.frame} data-testid="asset-details">
      <AgGridReact<DeploymentAsset>
        theme={consoleGridTheme}
        rowData={rows as DeploymentAsset[]}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        getRowId={({ data }) => String(data.clientId)}
        overlayNoRowsTemplate="No assets in this category."
      />
    </div>
  );
}
