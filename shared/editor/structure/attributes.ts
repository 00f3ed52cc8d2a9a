/** Attribute specs shared by the structure nodes: ids and string fields rendered as `data-*`. */
import type { Attribute } from '@tiptap/core';
import { idValue } from './ids.js';

/** `id`, rendered as `data-id`; not copied when a node is split (the copy gets a new id). */
export function idAttribute(): Attribute {
  return {
    default: null,
    keepOnSplit: false,
    parseHTML: (element) => idValue(element.getAttribute('data-id')),
    renderHTML: (attributes) => {
      const id = idValue(attributes.id);
      return id === null ? {} : { 'data-id': id };
    },
  };
}

/** `targetId` of a reference (crossRef, indicatorRef), rendered as `data-target-id`. */
export function targetIdAttribute(): Attribute {
  return {
    default: null,
    parseHTML: (element) => idValue(element.getAttribute('data-target-id')),
    renderHTML: (attributes) => {
      const target = idValue(attributes.targetId);
      return target === null ? {} : { 'data-target-id': target };
    },
  };
}

/** `fooBar` → `data-foo-bar`. */
export function dataAttributeName(name: string): string {
  return `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** A string attribute rendered as `data-<kebab-name>`; `allowed` restricts it to a set of values. */
export function stringAttribute(name: string, fallback: string, allowed?: readonly string[]): Attribute {
  const html = dataAttributeName(name);
  return {
    default: fallback,
    parseHTML: (element) => {
      const value = element.getAttribute(html);
      if (value === null) return fallback;
      return allowed && !allowed.includes(value) ? fallback : value;
    },
    renderHTML: (attributes) => {
      const value: unknown = attributes[name];
      return typeof value === 'string' ? { [html]: value } : {};
    },
  };
}

/** Parse rules of our own elements win over StarterKit's generic `p`/`div` rules. */
export const PARSE_PRIORITY = 100;

/** The parse rule of a node rendered as `<tag data-type="name">`. */
export function dataTypeRule(tag: string, name: string): { tag: string; priority: number } {
  return { tag: `${tag}[data-type="${name}"]`, priority: PARSE_PRIORITY };
}
