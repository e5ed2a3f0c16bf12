// Types of scripts/slim-schema.mjs (used by the tests).
export declare const keptKeywords: readonly string[];
export declare function slimSchema(schema: { definitions: Record<string, unknown> }): { definitions: Record<string, unknown> };
