import { IConstruct } from 'constructs';
import { ValidationError } from './errors';

/** Azure tags: at most 50 per resource, names up to 512 characters (128 on storage), values up to 256. */
export type Tags = { readonly [key: string]: string };

const FORBIDDEN_TAG_NAME = /[<>%&\\?/]/;

/** Validates user tags and merges them over the library's own (the user's win). */
export function mergeTags(scope: IConstruct, prop: string, own: Tags, user: Tags | undefined): Tags {
  for (const [key, value] of Object.entries(user ?? {})) {
    if (key.length === 0 || key.length > 128 || FORBIDDEN_TAG_NAME.test(key)) {
      throw new ValidationError({ scope, prop: `${prop}.${key}`, value: key, problem: 'Azure tag names are 1-128 characters (storage accounts) without <>%&\\?/', fix: 'rename the tag' });
    }
    if (typeof value !== 'string' || value.length > 256) {
      throw new ValidationError({ scope, prop: `${prop}.${key}`, value, problem: 'Azure tag values are strings of at most 256 characters', fix: 'shorten the value' });
    }
  }
  const merged = { ...own, ...user };
  if (Object.keys(merged).length > 50) {
    throw new ValidationError({ scope, prop, value: Object.keys(merged), problem: 'Azure allows at most 50 tags per resource', fix: 'drop some tags' });
  }
  return merged;
}
