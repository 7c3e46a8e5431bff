import { z } from 'zod';
import {
  ConfiguredClientSettings,
  SoftwareUpdateClientSettings,
} from '../compliance/client-settings';
import { method } from './define';
import { IsoTime } from './list-query';

/** ConfigMgr's priority of the Default Client Settings: always the lowest. */
export const defaultClientSettingsPriority = 10_000;

/**
 * One row of Administration > Client Settings: the Default Client Settings, or a custom client
 * device settings object that configures some settings and is deployed to collections.
 */
export const ClientSettingsObject = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  /** 1 is the highest; the default is 10000. */
  priority: z.number().int(),
  type: z.enum(['Default', 'Device']),
  isDefault: z.boolean(),
  /** What this object configures (the default configures every setting). */
  settings: ConfiguredClientSettings,
  /** Database ids of the collections it is deployed to. */
  collectionIds: z.array(z.number().int()),
  deploymentCount: z.number().int(),
  modifiedAt: IsoTime,
  modifiedBy: z.string(),
  /** Sentences about settings that can be checked against maintenance windows (§10.2). */
  warnings: z.array(z.string()),
});
export type ClientSettingsObject = z.infer<typeof ClientSettingsObject>;

/** A setting of Resultant Client Settings: its value and the object it came from. */
export const ResultantSetting = z.object({
  value: z.unknown(),
  sourceId: z.number().int(),
  sourceName: z.string(),
  sourcePriority: z.number().int(),
});

export const ResultantClientSettings = z.object({
  clientId: z.number().int(),
  clientName: z.string(),
  settings: SoftwareUpdateClientSettings,
  sources: z.record(z.string(), ResultantSetting),
  warnings: z.array(z.string()),
});
export type ResultantClientSettings = z.infer<typeof ResultantClientSettings>;

const Name = z.string().trim().min(1, 'client settings need a name').max(256);
const Description = z.string().trim().max(512);
const Ref = z.object({ id: z.number().int().positive() }).strict();
const CollectionIds = z.array(z.number().int().positive()).min(1, 'choose a collection').max(100);

export const clientSettingsMethods = {
  'clientSettings.list': method(
    z.object({}).strict(),
    z.array(ClientSettingsObject),
    'Administration > Client Settings by priority, the default last (Get-CMClientSetting).',
  ),
  'clientSettings.get': method(Ref, ClientSettingsObject, 'One client settings object.'),
  'clientSettings.create': method(
    z
      .object({
        name: Name,
        description: Description.default(''),
        /** Where it goes; the next free priority when absent, others move down. */
        priority: z.number().int().min(1).max(9_999).optional(),
        settings: ConfiguredClientSettings.default({}),
      })
      .strict(),
    ClientSettingsObject,
    'Create Custom Client Device Settings (New-CMClientSetting -Type Device).',
  ),
  'clientSettings.update': method(
    z
      .object({
        id: z.number().int().positive(),
        name: Name.optional(),
        description: Description.optional(),
        /** The settings it configures from now on: the whole set, not a patch. */
        settings: ConfiguredClientSettings.optional(),
      })
      .strict(),
    ClientSettingsObject,
    'Client settings Properties (Set-CMClientSetting*); the default keeps its name and every setting.',
  ),
  'clientSettings.delete': method(
    Ref,
    z.object({ deleted: z.number().int() }),
    'Remove-CMClientSetting; the Default Client Settings cannot be deleted.',
  ),
  'clientSettings.setPriority': method(
    z
      .object({
        id: z.number().int().positive(),
        change: z.union([z.enum(['increase', 'decrease']), z.number().int().min(1).max(9_999)]),
      })
      .strict(),
    z.array(ClientSettingsObject),
    'Increase Priority / Decrease Priority, or move to a priority; returns the list.',
  ),
  'clientSettings.deploy': method(
    z.object({ id: z.number().int().positive(), collectionIds: CollectionIds }).strict(),
    ClientSettingsObject,
    'Deploy to collections (Start-CMClientSettingDeployment); never the Default Client Settings.',
  ),
  'clientSettings.undeploy': method(
    z.object({ id: z.number().int().positive(), collectionIds: CollectionIds }).strict(),
    ClientSettingsObject,
    'Remove deployments to collections.',
  ),
  'clientSettings.resultant': method(
    z.object({ clientId: z.number().int().positive() }).strict(),
    ResultantClientSettings,
    'Resultant Client Settings of a device: each setting from the highest-priority object deployed to one of its collections that configures it, else the default.',
  ),
} as const;
