import { defineEnum } from '../../common/define-enum';

export const GROUP_TYPES = [
  'LOCAL_GROUP',
  'STUDENT_GROUP',
  'SCHOOL',
  'FAITH_GROUP',
  'COMMUNITY_ORGANISATION',
  'EVENT',
  'INDIVIDUAL',
  'ONLINE',
] as const;
export type GroupType = (typeof GROUP_TYPES)[number];
export const GroupType = defineEnum('GroupType', GROUP_TYPES, 'Who writes and reports');

export const GROUP_TYPE_ALIASES: Record<string, GroupType> = {
  COMMUNITY_ORGANIZATION: 'COMMUNITY_ORGANISATION',
  FAITH: 'FAITH_GROUP',
  STUDENT: 'STUDENT_GROUP',
  LOCAL: 'LOCAL_GROUP',
};
