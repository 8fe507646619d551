import { parseIncluded, toManyIds, type JsonObject } from '@contract/json-api';
import {
  convergedPropertiesDocumentSchema,
  propertiesResourceSchema,
  repositoryPropertiesResourceSchema,
} from '@contract/properties';
import { queryOptions } from '@tanstack/react-query';
import { fetchDocument } from './json-api';

// An asset's converged properties (domain §6.2): repository files, then project, environment and asset
// properties, deep-merged. `<asset>/converged_properties`, its sources `included`.

/** One layer that went into the merge, lowest precedence first. */
export type ConvergedSource =
  | { kind: 'repository'; id: string; repositoryPath: string | null; data: JsonObject }
  | { kind: 'properties'; id: string; ownerLink: string | null; version: number; data: JsonObject };

export interface ConvergedProperties {
  data: JsonObject;
  sources: ConvergedSource[];
}

export const convergedPropertiesKeys = {
  all: ['converged-properties'] as const,
  detail: (assetPath: string) => [...convergedPropertiesKeys.all, assetPath] as const,
};

export async function getConvergedProperties(
  assetPath: string,
  signal?: AbortSignal,
): Promise<ConvergedProperties> {
  const document = await fetchDocument(
    convergedPropertiesDocumentSchema,
    `${assetPath}/converged_properties`,
    {
      signal,
    },
  );
  const relationships = document.data.relationships ?? {};
  const repositoryFiles = new Map(
    parseIncluded(document.included, 'repository_properties', repositoryPropertiesResourceSchema).map((r) => [
      r.id,
      r,
    ]),
  );
  const properties = new Map(
    parseIncluded(document.included, 'properties', propertiesResourceSchema).map((r) => [r.id, r]),
  );
  const sources: ConvergedSource[] = [];
  for (const id of toManyIds(relationships.repository_properties)) {
    const file = repositoryFiles.get(id);
    if (file === undefined) continue;
    sources.push({
      kind: 'repository',
      id,
      repositoryPath: file.links?.repository_path ?? null,
      data: file.attributes.content,
    });
  }
  for (const id of toManyIds(relationships.properties)) {
    const doc = properties.get(id);
    if (doc === undefined) continue;
    const owner = doc.relationships?.owner?.links;
    sources.push({
      kind: 'properties',
      id,
      ownerLink: owner?.owner ?? owner?.related ?? null,
      version: doc.attributes.version,
      data: doc.attributes.data,
    });
  }
  return { data: document.data.attributes.data, sources };
}

export const convergedPropertiesQuery = (assetPath: string) =>
  queryOptions({
    queryKey: convergedPropertiesKeys.detail(assetPath),
    queryFn: ({ signal }) => getConvergedProperties(assetPath, signal),
  });
