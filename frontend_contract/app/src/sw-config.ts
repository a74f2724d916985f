// Replaced at build time (esbuild's define) by the API address the app was built for.
declare const MT_API: string;
export const API_BASE_FROM_BUILD: string = MT_API;
