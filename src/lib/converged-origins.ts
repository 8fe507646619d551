import { parseNodePath, type NodeKind } from './node-path';

// Which layer supplied each key of an asset's converged properties (domain §6.2). The layers are merged
// lowest first with OpsChain's deep merge: objects merge key by key, anything else (arrays included)
// replaces what was there. Replaying that merge while remembering who wrote what gives, for every key at
// every depth, the layer whose value is in force and the layers it replaced.

export interface OriginLayer {
  /** How the user knows the layer: a repository path or a node path. */
  label: string;
  data: Readonly<Record<string, unknown>>;
}

export interface OriginRow {
  /** RFC 6901 JSON pointer of the key. */
  pointer: string;
  /** The keys from the top down to this one. */
  path: readonly string[];
  /** Objects merged from several layers list every contributor; other values name one layer. */
  isObject: boolean;
  /** Indexes into the layers: who supplied this value (for objects, everyone who contributed a key). */
  suppliedBy: readonly number[];
  /** Layers that set this key earlier and were replaced (not merged) by a later layer. */
  replaced: readonly number[];
  /** The value in force; objects are summarised by their rows below, so this is null for them. */
  value: unknown;
}

type Origin =
  | { isObject: true; layers: number[]; replaced: number[]; children: Map<string, Origin> }
  | { isObject: false; layer: number; replaced: number[]; value: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function writers(origin: Origin | undefined): number[] {
  if (origin === undefined) return [];
  return origin.isObject ? [...origin.replaced, ...origin.layers] : [...origin.replaced, origin.layer];
}

function merge(existing: Origin | undefined, value: unknown, layer: number): Origin {
  if (!isPlainObject(value)) return { isObject: false, layer, replaced: writers(existing), value };
  const target: Origin =
    existing?.isObject === true
      ? existing
      : { isObject: true, layers: [], replaced: writers(existing), children: new Map() };
  if (target.layers.at(-1) !== layer) target.layers.push(layer);
  for (const [key, child] of Object.entries(value)) {
    target.children.set(key, merge(target.children.get(key), child, layer));
  }
  return target;
}

const escapeToken = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');
const unique = (numbers: readonly number[]) => [...new Set(numbers)];

/** Every key of the merged document, in document order (depth first), with the layers behind it. */
export function convergedOrigins(layers: readonly OriginLayer[]): OriginRow[] {
  let root: Origin | undefined;
  layers.forEach((layer, index) => {
    root = merge(root, layer.data, index);
  });
  const rows: OriginRow[] = [];
  if (root?.isObject !== true) return rows;
  const stack: { origin: Origin; path: string[] }[] = [...root.children]
    .reverse()
    .map(([key, origin]) => ({ origin, path: [key] }));
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { origin, path } = item;
    const pointer = `/${path.map(escapeToken).join('/')}`;
    if (origin.isObject) {
      rows.push({
        pointer,
        path,
        isObject: true,
        suppliedBy: origin.layers,
        replaced: unique(origin.replaced),
        value: null,
      });
      for (const [key, child] of [...origin.children].reverse())
        stack.push({ origin: child, path: [...path, key] });
    } else {
      rows.push({
        pointer,
        path,
        isObject: false,
        suppliedBy: [origin.layer],
        replaced: unique(origin.replaced).filter((layer) => layer !== origin.layer),
        value: origin.value,
      });
    }
  }
  return rows;
}

/** The layer kind of a properties document from its owner's path (`/api/projects/p/environments/e`). */
export function ownerLayerKind(ownerLink: string | null): NodeKind | null {
  if (ownerLink === null) return null;
  return parseNodePath(ownerLink.replace(/^\/api(?=\/)/, ''))?.kind ?? null;
}
