/** Whether a GraphQL ID (a string) can be a row id: 1 to 9 digits, so it fits an int column and never overflows. */
export const isRowId = (value: string): boolean => /^\d{1,9}$/.test(value);
