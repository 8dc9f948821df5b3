/**
 * The largest id or version a record can have: PostgreSQL's \`integer\`. A larger number names no record, and
 * reaching the database with one answered with a server error ("out of range for type integer"), so every id and
 * version a schema accepts is bounded by it.
 */
export const RECORD_ID_MAX = 2_147_483_647;
