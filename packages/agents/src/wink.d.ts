// wink-* packages ship no types; these cover only the calls we make.
declare module 'wink-nlp-utils' {
  const nlp: {
    string: { tokenize0(s: string): string[]; lowerCase(s: string): string };
    tokens: { stem(t: string[]): string[]; bigrams(t: string[]): string[][]; removeWords(t: string[]): string[] };
  };
  export default nlp;
}
declare module 'wink-naive-bayes-text-classifier' {
  interface NBC {
    defineConfig(cfg: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    definePrepTasks(tasks: Array<(x: any) => any>): number;
    learn(input: string | string[], label: string): boolean;
    consolidate(): boolean;
    computeOdds(input: string | string[]): Array<[string, number]>;
    predict(input: string | string[]): string;
    exportJSON(): string;
    importJSON(json: string): boolean;
  }
  export default function create(): NBC;
}
declare module 'wink-bm25-text-search' {
  interface BM25 {
    defineConfig(cfg: { fldWeights: Record<string, number>; bm25Params?: { k1?: number; b?: number; k?: number } }): boolean;
    definePrepTasks(tasks: Array<(x: any) => any>, field?: string): number;
    addDoc(doc: Record<string, string>, id: string | number): number;
    consolidate(fp?: number): boolean;
    search(text: string, limit?: number): Array<[string, number]>;
  }
  export default function create(): BM25;
}
