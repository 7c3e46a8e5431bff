import { complianceReports } from './compliance-reports';
import { managementReports } from './management-reports';
import { scanReports } from './scan-reports';
import { statesReports } from './states-reports';
import { troubleshootingReports } from './troubleshooting-reports';
import type { BuiltInReport } from './report-kit';

/** Every built-in Software Updates report of §11.1, in the console's order. */
export const builtInReports: readonly BuiltInReport[] = [
  ...complianceReports,
  ...managementReports,
  ...statesReports,
  ...scanReports,
  ...troubleshootingReports,
];
