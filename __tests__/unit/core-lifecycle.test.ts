import { RootConstruct } from 'constructs';
import { TerraformResource, TerraformStack } from 'cdktf';
import { ValidationError } from '../../lib/core/errors';
import { checkRemovalPolicy, protect, RemovalPolicy } from '../../lib/core/lifecycle';

/** Unit tests of lib/core/lifecycle.ts: removal policies and the lifecycle block they write. */

/** A bare resource (no synth: the test reads the lifecycle block the resource will render). */
function resource(): TerraformResource {
  return new TerraformResource(new TerraformStack(new RootConstruct('app'), 'stack'), 'Server', { terraformResourceType: 'azurerm_mssql_server' });
}

describe('checkRemovalPolicy', () => {
  test('RETAIN by default; a valid policy as given', () => {
    const scope = new RootConstruct('db');
    expect(checkRemovalPolicy(scope, 'removalPolicy', undefined)).toBe(RemovalPolicy.RETAIN);
    expect(checkRemovalPolicy(scope, 'removalPolicy', RemovalPolicy.DESTROY)).toBe(RemovalPolicy.DESTROY);
    expect(checkRemovalPolicy(scope, 'removalPolicy', RemovalPolicy.RETAIN)).toBe(RemovalPolicy.RETAIN);
    expect([RemovalPolicy.RETAIN, RemovalPolicy.DESTROY]).toEqual(['retain', 'destroy']);
  });

  test.each(['keep', 'RETAIN', '', 1])('%p is refused', (policy) => {
    try {
      checkRemovalPolicy(new RootConstruct('db'), 'database.removalPolicy', policy as never);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const v = e as ValidationError;
      expect([v.constructPath, v.prop, v.value, v.problem, v.fix]).toEqual(['db', 'database.removalPolicy', policy, 'unknown removal policy', 'use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY']);
      return;
    }
    throw new Error('accepted');
  });
});

describe('protect', () => {
  test('RETAIN prevents destroy; DESTROY does not; no ignore_changes unless asked', () => {
    const retained = resource();
    protect(retained, RemovalPolicy.RETAIN);
    expect(retained.lifecycle).toStrictEqual({ preventDestroy: true });
    const destroyable = resource();
    protect(destroyable, RemovalPolicy.DESTROY, []);
    expect(destroyable.lifecycle).toStrictEqual({ preventDestroy: false });
  });

  test('attributes Azure changes itself are ignored, or every change after creation', () => {
    const some = resource();
    protect(some, RemovalPolicy.RETAIN, ['tags', 'sku_name']);
    expect(some.lifecycle).toStrictEqual({ preventDestroy: true, ignoreChanges: ['tags', 'sku_name'] });
    const all = resource();
    protect(all, RemovalPolicy.DESTROY, 'all');
    expect(all.lifecycle).toStrictEqual({ preventDestroy: false, ignoreChanges: 'all' });
  });

  test('the rest of an existing lifecycle block stays', () => {
    const r = resource();
    r.lifecycle = { createBeforeDestroy: true, ignoreChanges: ['zone'] };
    protect(r, RemovalPolicy.RETAIN);
    expect(r.lifecycle).toStrictEqual({ createBeforeDestroy: true, ignoreChanges: ['zone'], preventDestroy: true });
  });
});
