import { makeAutoObservable, runInAction } from 'mobx';
import type { z } from 'zod';
import type { SiteApi } from '../../shared/api/site-api';
import { PackageChange, type DeploymentPackage } from '../../shared/contract/deployment-packages';
import { errorSentence } from '../properties/error-sentence';
import { pageProblems } from '../wizards/page-problems';

/** What the General, Data Source and Distribution Settings tabs edit. */
export type PackageFields = Omit<z.input<typeof PackageChange>, 'id'>;
type Field = keyof PackageFields;

const fields: Field[] = [
  'name',
  'description',
  'sourcePath',
  'isBinaryDifferentialReplication',
  'priority',
  'isOnDemandDistribution',
  'prestageBehavior',
];

function fieldsOf(pkg: DeploymentPackage): Required<PackageFields> {
  return {
    name: pkg.name,
    description: pkg.description,
    sourcePath: pkg.sourcePath,
    isBinaryDifferentialReplication: pkg.isBinaryDifferentialReplication,
    priority: pkg.priority,
    isOnDemandDistribution: pkg.isOnDemandDistribution,
    prestageBehavior: pkg.prestageBehavior,
  };
}

/**
 * A deployment package's Properties draft: Apply sends only the changed fields, checked first
 * with the site's own PackageChange schema; a refusal keeps the draft and shows the sentence.
 */
export class PackagePropertiesDraft {
  saved: Required<PackageFields>;
  draft: Required<PackageFields>;
  applyError: string | null = null;
  isApplying = false;

  constructor(
    private readonly api: SiteApi,
    readonly packageId: number,
    pkg: DeploymentPackage,
  ) {
    this.saved = fieldsOf(pkg);
    this.draft = fieldsOf(pkg);
    makeAutoObservable<PackagePropertiesDraft, 'api'>(this, { api: false, packageId: false });
  }

  set<Key extends Field>(key: Key, value: Required<PackageFields>[Key]): void {
    this.draft[key] = value;
  }

  get change(): z.input<typeof PackageChange> {
    const change: z.input<typeof PackageChange> = { id: this.packageId };
    for (const field of fields) {
      if (this.draft[field] !== this.saved[field])
        Object.assign(change, { [field]: this.draft[field] });
    }
    return change;
  }

  get isDirty(): boolean {
    return Object.keys(this.change).length > 1;
  }

  /** The sentence beside each changed field the site would refuse. */
  get problems(): ReadonlyMap<string, string> {
    return pageProblems(PackageChange, this.change);
  }

  problem(field: Field): string | undefined {
    return this.problems.get(field);
  }

  async apply(): Promise<boolean> {
    if (!this.isDirty) return true;
    if (this.problems.size > 0) return false;
    this.isApplying = true;
    this.applyError = null;
    try {
      const pkg = await this.api.call('packages.update', this.change);
      runInAction(() => {
        this.saved = fieldsOf(pkg);
        this.draft = fieldsOf(pkg);
      });
      return true;
    } catch (error) {
      runInAction(() => (this.applyError = errorSentence(error)));
      return false;
    } finally {
      runInAction(() => (this.isApplying = false));
    }
  }
}
