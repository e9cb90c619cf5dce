import type { DataSource } from 'typeorm';
import { addUser } from './user.service';

/**
 * One account per role, created with the demo data on the embedded database only and shown on its
 * sign-in page. Never created on a real database.
 */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.w4r', password: 'demo-admin-password', role: 'admin', regions: [] as string[] },
  { email: 'staff@demo.w4r', password: 'demo-staff-password', role: 'staff', regions: [] as string[] },
  { email: 'americas@demo.w4r', password: 'demo-coordinator-password', role: 'coordinator', regions: ['Americas'] },
];

export async function createDemoAccounts(db: DataSource): Promise<void> {
  for (const account of DEMO_ACCOUNTS) await addUser(db, account, null);
}
