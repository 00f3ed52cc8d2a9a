/** The shape every language must provide: the Chinese resource with its strings as plain `string`. */
import type { zhCN } from './zh-CN';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export type Translations = DeepStrings<typeof zhCN>;
