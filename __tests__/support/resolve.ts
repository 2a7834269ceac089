import { IConstruct } from 'constructs';
import { DefaultTokenResolver, StringConcat, Tokenization } from 'cdktf';

/**
 * A value holding tokens as it synthesizes in `scope`'s stack (`${azurerm_servicebus_namespace.<id>.name}`): a
 * resource's attribute getters make a new token on each call, so tokens are compared resolved.
 */
export function resolved(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()) });
}
