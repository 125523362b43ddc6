// Size limits shared by the API contracts and the web forms, so both refuse the same input.
export const limits = {
  shortText: 300,
  longText: 20_000,
  sourceText: 2_000_000,
  listPageSizeMax: 200,
  listPageSizeDefault: 20,
  /** `?ids=` on a list: as many as one page holds, so every record asked for comes back at once. */
  listIdsMax: 200,
  arrayItemsMax: 500,
  searchQueryMax: 200,
  /** Lists and search groups count matches up to this many, then say "1,000+". */
  listCountCap: 1000,
  /** Commitments a board shows at most; beyond that it says so and the filters narrow it. */
  boardItemsMax: 1000,
  passwordMin: 8,
  passwordMax: 200,
} as const;
