import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group figures under a case or action-type filter (top groups, number of groups, subdivisions of
 * one case) have no summary table: by year × case × action type × group there are nearly as many
 * rows as reports (86% at 1 M), so such a table would cost imports as much as the raw table and
 * answer no faster. They read the raw reports through this index instead: covering (an index-only
 * scan reads one case's entries and never the table), active reports only; like every index, it
 * slows imports. Built without CONCURRENTLY (migrations run in a transaction): on a large table,
 * writes wait while it is built.
 */
export class CaseActionIndex1764100000000 implements MigrationInterface {
  name = 'CaseActionIndex1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX letter_report_case_action ON letter_report (case_id, action_type)
      INCLUDE (year, region, country, subdivision, group_id, count) WHERE status = 'ACTIVE'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX letter_report_case_action`);
  }
}
