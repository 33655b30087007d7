// Types for the message files: zh-CN is written first, English must have exactly its keys.
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
