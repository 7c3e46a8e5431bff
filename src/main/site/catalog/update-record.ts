/**
 * One software update revision as every sync source normalises it before it reaches the site
 * database (architecture.md, "Sync"). Sources: a catalog bundle, MSRC CVRF documents merged onto
 * it, or a parent site.
 */
export interface UpdateRecord {
  updateId: string;
  revision: number;
  articleId: string;
  bulletinId: string;
  title: string;
  description: string;
  classification: string;
  vendor: string;
  products: Array<{ vendor: string; family: string; name: string }>;
  /** MSRC rating: Critical, Important, Moderate, Low, or '' for none. */
  severity: string;
  cves: CveRecord[];
  dateReleased: string;
  dateRevised: string;
  size: number;
  languages: string[];
  supersedes: Array<{ updateId: string | null; articleId: string | null; title: string }>;
  restartBehavior: string;
  architecture: string;
  informationUrl: string;
  hasLicenseTerms: boolean;
  licenseTerms: string | null;
  contentFiles: ContentFileRecord[];
}

export interface CveRecord {
  id: string;
  title: string;
  severity: string;
  impact: string;
  cvssBase: number | null;
  cvssVector: string;
  isExploited: boolean;
  isPubliclyDisclosed: boolean;
  publishedAt: string | null;
  revisedAt: string | null;
}

export interface ContentFileRecord {
  fileName: string;
  url: string;
  size: number;
  sha1: string;
  sha256: string;
  /** '' for a language-neutral file. */
  language: string;
}

/** ConfigMgr's numeric severities (SQL views): 10 Critical, 8 Important, 6 Moderate, 2 Low. */
export const severityValue: Record<string, number> = {
  Critical: 10,
  Important: 8,
  Moderate: 6,
  Low: 2,
  '': 0,
};
export const severityName: Record<number, string> = {
  10: 'Critical',
  8: 'Important',
  6: 'Moderate',
  2: 'Low',
  0: '',
};

export function productId(product: { vendor: string; family: string; name: string }): string {
  return `${product.vendor}/${product.family}/${product.name}`.toLowerCase().replace(/\s+/g, '-');
}
