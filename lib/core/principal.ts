import { Construct, IConstruct } from 'constructs';
import * as v from 'valibot';
import { ValidationError } from './errors';
import { checkGuid, checkShape, Checks, opt, Shape, shapes, strictShape } from './validate';

/**
 * Something that can be granted a role: a managed identity, service principal, user or group, by its Entra ID object
 * ID. An azurerm `UserAssignedIdentity` satisfies it as it is; any other principal is `{ principalId: '<object ID>' }`.
 */
export interface IPrincipal {
  /**
   * Entra ID object (principal) ID: a GUID, or a Terraform token that resolves to one (such as
   * `identity.principalId`).
   */
  readonly principalId: string;
}

/** Where the role assignments of a grant (`grantSend`, `grantDataContributor`, ...) are created, and their construct IDs. */
export interface GrantOptions {
  /**
   * Construct scope of the role assignments (it decides the stack they are deployed with).
   * @default - the grantee when it is a construct, else the construct that grants
   */
  readonly scope?: Construct;
  /**
   * Construct ID of the grant: the start of each role assignment's construct ID (`<id>-<region>`). 1-80 letters,
   * digits, `_` and `-`, starting with a letter; it becomes part of Terraform addresses, so keep it stable.
   * @default - `<grantee's construct ID>-<granting construct's ID>-<role>`; required when the grantee is not a construct
   */
  readonly id?: string;
  /**
   * Grant only on the resources homed in these regions (and their standbys), e.g. a regionPinned cell's workloads on
   * their own cell's resources. Each must be a region the granting construct has resources in.
   * @default - every region of the granting construct
   */
  readonly regions?: readonly string[];
}

/** A principal as a prop or argument holds it: an object with a string `principalId` (a construct qualifies). */
export const PRINCIPAL_SHAPE: Shape = shapes.like<IPrincipal>(
  { principalId: shapes.string('a principalId string') },
  "a principal (an object with a principalId, such as a UserAssignedIdentity or { principalId: '<Entra ID object ID>' })",
);

/** The entries of a grant's options, for the shapes of options that extend them. */
export const GRANT_OPTIONS_ENTRIES = {
  scope: opt(v.custom((input) => Construct.isConstruct(input), 'a construct')),
  id: opt(shapes.string()),
  regions: opt(shapes.list(shapes.string('a region name'), "a list of region names, e.g. ['westeurope']")),
} as const satisfies { readonly [K in keyof Required<GrantOptions>]: Shape };

/** The options of a grant. */
const GRANT_OPTIONS_SHAPE: Shape = strictShape<GrantOptions>(GRANT_OPTIONS_ENTRIES);

/** Construct IDs of grants, and the keys of principal maps (which become construct IDs). */
const GRANT_ID = /^[A-Za-z][A-Za-z0-9_-]{0,79}$/;
const PRINCIPAL_KEY = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

/**
 * Checks a principal and returns its principal ID: an object with a `principalId` that is a GUID or a Terraform
 * token; a `ValidationError` reported as `prop` otherwise.
 */
export function checkPrincipal(scope: IConstruct, prop: string, principal: IPrincipal): string {
  checkShape(scope, prop, principal, PRINCIPAL_SHAPE);
  return checkGuid(scope, `${prop}.principalId`, principal.principalId, 'an Entra ID principal (object) ID',
    "pass the managed identity itself, or { principalId: '<object ID>' } (az ad sp show --id <app id> --query id -o tsv)");
}

/**
 * Principals keyed by a stable name (the keys become construct IDs): each key 1-40 letters and digits starting with
 * a letter, each value a principal (see `checkPrincipal`). Returns `[key, principal ID]` entries, every violation
 * reported at once.
 */
export function checkPrincipalMap(scope: IConstruct, prop: string, map: { readonly [key: string]: IPrincipal } | undefined): [string, string][] {
  checkShape(scope, prop, map, opt(shapes.map(PRINCIPAL_SHAPE, `an object of keys to principals, e.g. { OrderService: identity }`)));
  const entries: [string, string][] = [];
  const errors: ValidationError[] = [];
  for (const [key, principal] of Object.entries(map ?? {})) {
    try {
      if (!PRINCIPAL_KEY.test(key)) {
        throw new ValidationError({ scope, prop: `${prop}.${key}`, value: key, problem: 'keys become construct IDs: 1-40 letters and digits, starting with a letter', fix: "use e.g. 'OrderService'" });
      }
      entries.push([key, checkPrincipal(scope, `${prop}.${key}`, principal)]);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      errors.push(e);
    }
  }
  if (errors.length > 0) throw ValidationError.combine(errors);
  return entries;
}

/** A grant, checked: where its role assignments go, the start of their construct IDs, and the principal ID. */
export interface ResolvedGrant {
  /** Construct scope of the role assignments. */
  readonly scope: Construct;
  /** Start of the role assignments' construct IDs. */
  readonly id: string;
  /** The grantee's principal ID (a GUID or a token). */
  readonly principalId: string;
}

/**
 * Checks a grant's arguments and resolves its scope and ID (see `GrantOptions`): `method` names the grant in errors
 * (`grantSend`), `role` ends the default ID (`Send`). Every violation is reported at once.
 */
export function resolveGrant(granter: Construct, method: string, grantee: IPrincipal, options: GrantOptions | undefined, role: string): ResolvedGrant {
  const checks = new Checks(granter);
  const principalId = checks.run('', () => checkPrincipal(granter, `${method}(grantee)`, grantee));
  const given = checks.run<GrantOptions | undefined>(undefined, () => {
    checkShape(granter, `${method}(options)`, options, opt(GRANT_OPTIONS_SHAPE));
    return options ?? {};
  });
  const granteeConstruct = Construct.isConstruct(grantee) ? grantee : undefined;
  const id = given?.id ?? (granteeConstruct ? `${granteeConstruct.node.id}-${granter.node.id}-${role}` : undefined);
  if (given && given.id !== undefined && !GRANT_ID.test(given.id)) {
    checks.fail({ prop: `${method}(options).id`, value: given.id, problem: 'the id starts construct IDs and Terraform addresses: 1-80 letters, digits, _ and -, starting with a letter', fix: `use e.g. 'OrderService${role}'` });
  } else if (given && id === undefined && principalId !== '') {
    checks.fail({
      prop: `${method}(options).id`, value: undefined,
      problem: 'the grantee is not a construct, so there is no construct ID to derive the role assignments\' IDs from',
      fix: `pass a stable id, e.g. ${method}(principal, { id: 'OrderService${role}' })`,
    });
  }
  const scope = given?.scope ?? granteeConstruct ?? granter;
  // A scope or grantee in another app would refer to resources (or a principal ID) across apps: Terraform fails at plan.
  const strangers: [string, Construct | undefined][] = [[`${method}(options).scope`, given?.scope], [`${method}(grantee)`, granteeConstruct]];
  for (const [prop, construct] of strangers) {
    if (construct && construct.node.root !== granter.node.root) {
      checks.fail({
        prop, value: construct.node.path,
        problem: 'it belongs to another cdktf App, whose stacks cannot refer to this construct\'s resources',
        fix: 'grant from and to constructs of one App',
      });
    }
  }
  checks.throwIfAny();
  return { scope, id: id!, principalId };
}

/**
 * Which of the granting construct's regions a grant covers: `options.regions` (checked against `available`, the regions
 * the construct has resources in), or all of them. Call it after `resolveGrant`, which checked the options' shape.
 */
export function grantRegions(granter: Construct, method: string, options: GrantOptions | undefined, available: readonly string[]): (region: string) => boolean {
  const given = options?.regions;
  if (given === undefined) return () => true;
  if (given.length === 0) {
    throw new ValidationError({ scope: granter, prop: `${method}(options).regions`, value: given, problem: 'an empty list grants nothing', fix: `leave regions out to grant in every region, or list some of ${available.join(', ')}` });
  }
  const unknown = given.filter((region) => !available.includes(region));
  if (unknown.length > 0) {
    throw ValidationError.combine(unknown.map((region) => new ValidationError({
      scope: granter, prop: `${method}(options).regions`, value: region,
      problem: `${granter.node.path} has no resources homed in ${region}, so the grant would cover nothing there`,
      fix: `use regions of ${available.join(', ')}`,
    })));
  }
  return (region) => given.includes(region);
}

/**
 * The construct ID of one of a grant's resources, `<id>-<part>`; a `ValidationError` when the scope already holds a
 * construct of that ID (the same grant twice, or another grant with the same id).
 */
export function grantChildId(granter: Construct, method: string, grant: ResolvedGrant, part: string): string {
  const childId = `${grant.id}-${part}`;
  if (grant.scope.node.tryFindChild(childId)) {
    throw new ValidationError({
      scope: granter, prop: `${method}(options).id`, value: grant.id,
      problem: `${grant.scope.node.path} already holds a construct '${childId}': the principal was granted this already, or another grant uses the same id`,
      fix: 'grant each principal once, or pass another id',
    });
  }
  return childId;
}
