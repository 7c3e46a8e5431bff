import type { UpdateRecord } from '../catalog/update-record';
import { demoPayloadHashes } from './demo-payloads';

/** The demo content source's host: `.invalid` never resolves, so a demo URL cannot leave this machine. */
export const demoContentHost = 'demo-content.patchbay.invalid';
export const demoVendor = 'Patchbay Demo';
export const demoSource = 'demo-content';

const product = { vendor: demoVendor, family: demoVendor, name: 'Patchbay Demo Product' };

interface DemoUpdate {
  kb: number;
  title: string;
  classification: string;
  severity: string;
  files: Array<{ name: string; megabytes: number; language?: string }>;
}

const demoUpdates: DemoUpdate[] = [
  {
    kb: 9000001,
    title: 'Cumulative Update for Contoso Agent 5.2',
    classification: 'Security Updates',
    severity: 'Critical',
    files: [{ name: 'contoso-agent-5.2-kb9000001-x64.msu', megabytes: 8 }],
  },
  {
    kb: 9000002,
    title: 'Security Update for Fabrikam Viewer 3',
    classification: 'Security Updates',
    severity: 'Important',
    files: [{ name: 'fabrikam-viewer-3-kb9000002-x64.msp', megabytes: 5 }],
  },
  {
    kb: 9000003,
    title: 'Servicing Stack Update for Contoso OS 24H2',
    classification: 'Critical Updates',
    severity: 'Critical',
    files: [{ name: 'contoso-os-24h2-ssu-kb9000003-x64.cab', megabytes: 3 }],
  },
  {
    kb: 9000004,
    title: 'Update for Northwind Runtime 8.0',
    classification: 'Updates',
    severity: 'None',
    files: [{ name: 'northwind-runtime-8.0-kb9000004.exe', megabytes: 6 }],
  },
  {
    kb: 9000005,
    title: 'Language Pack Update for Contoso Office',
    classification: 'Updates',
    severity: 'None',
    files: [
      { name: 'contoso-office-lp-kb9000005-en-us.cab', megabytes: 2, language: 'en-us' },
      { name: 'contoso-office-lp-kb9000005-de-de.cab', megabytes: 2, language: 'de-de' },
      { name: 'contoso-office-lp-kb9000005-fr-fr.cab', megabytes: 2, language: 'fr-fr' },
    ],
  },
  {
    kb: 9000006,
    title: 'Security Update for Tailspin Browser 120',
    classification: 'Security Updates',
    severity: 'Moderate',
    files: [{ name: 'tailspin-browser-120-kb9000006-x64.msi', megabytes: 4 }],
  },
];

/**
 * The demo updates: clearly marked (vendor and product "Patchbay Demo", titles starting with
 * "Patchbay Demo"), with files the demo content source serves and hashes of exactly those bytes.
 */
let cached: UpdateRecord[] | null = null;

export function demoUpdateRecords(): UpdateRecord[] {
  cached ??= buildDemoRecords();
  return cached;
}

function buildDemoRecords(): UpdateRecord[] {
  return demoUpdates.map((update, index) => {
    const files = update.files.map((file) => {
      const size = file.megabytes * 1024 * 1024 + 4096 * (index + 1);
      return {
        fileName: file.name,
        url: `http://${demoContentHost}/files/${file.name}`,
        size,
        ...demoPayloadHashes(file.name, size),
        language: file.language ?? '',
      };
    });
    return {
      updateId: `0badc0de-0000-4000-8000-${String(update.kb).padStart(12, '0')}`,
      revision: 1,
      articleId: String(update.kb),
      bulletinId: '',
      title: `Patchbay Demo - ${update.title} (KB${update.kb})`,
      description:
        'A demo update from the Patchbay demo content source. Its files are generated on this machine and are not software.',
      classification: update.classification,
      vendor: demoVendor,
      products: [product],
      severity: update.severity,
      cves: [],
      dateReleased: '2026-11-10T18:00:00.000Z',
      dateRevised: '2026-11-10T18:00:00.000Z',
      size: files.reduce((sum, file) => sum + file.size, 0),
      languages: [],
      supersedes: [],
      restartBehavior: 'Can request restart',
      architecture: 'x64',
      informationUrl: '',
      hasLicenseTerms: false,
      licenseTerms: null,
      contentFiles: files,
    } as UpdateRecord;
  });
}

export function demoFileSizes(): Map<string, number> {
  return new Map(
    demoUpdateRecords().flatMap((record) =>
      record.contentFiles.map((file) => [file.fileName, file.size] as const),
    ),
  );
}
