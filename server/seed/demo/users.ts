/** Demo accounts: one per role the product has to show (all with the same demo password). */
import type { UserRecord } from '../../storage/types.js';
import type { DemoOrganizationKey } from './organizations.js';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'demo-password';

/** A user before the seeder assigns `id`, hashes the password and resolves the organization. */
export type DemoUser = Pick<UserRecord, 'email' | 'name' | 'phone' | 'isAdmin'> & {
  organizationKey: DemoOrganizationKey;
  /** Job title, used in the demo documents (not stored on the user record). */
  position: string;
};

export const demoUsers: DemoUser[] = [
  {
    email: 'admin@example.com',
    name: '沈立群',
    phone: '13905712468',
    organizationKey: 'provincial-bureau',
    position: '系统管理员',
    isAdmin: true,
  },
  {
    email: 'lead@example.com',
    name: '陈建华',
    phone: '13857986621',
    organizationKey: 'lead-manufacturer',
    position: '技术中心主任、高级工程师',
    isAdmin: false,
  },
  {
    email: 'drafter@example.com',
    name: '王晓燕',
    phone: '13967935518',
    organizationKey: 'peer-company',
    position: '质量管理部经理、工程师',
    isAdmin: false,
  },
  {
    email: 'testing@example.com',
    name: '李振宇',
    phone: '15057981207',
    organizationKey: 'testing-institute',
    position: '日用金属制品检测室主任、高级工程师',
    isAdmin: false,
  },
  {
    email: 'bureau@example.com',
    name: '胡静',
    phone: '13735702946',
    organizationKey: 'county-bureau',
    position: '标准化科科长',
    isAdmin: false,
  },
  {
    email: 'expert@example.com',
    name: '徐国平',
    phone: '13588016673',
    organizationKey: 'technical-committee',
    position: '标委会委员、教授级高级工程师',
    isAdmin: false,
  },
  {
    email: 'outsider@example.com',
    name: '赵一鸣',
    phone: '18857436690',
    organizationKey: 'outsider-company',
    position: '销售经理',
    isAdmin: false,
  },
];

/** The demo user with the given email (throws for an unknown email). */
export function demoUser(email: string): DemoUser {
  const user = demoUsers.find((u) => u.email === email);
  if (!user) throw new Error(`unknown demo user: ${email}`);
  return user;
}
