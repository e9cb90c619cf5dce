import { defineEnum } from '../../common/define-enum';

export const ACTION_TYPES = ['LETTER', 'SOLIDARITY', 'EMAIL', 'PETITION', 'SMS', 'SOCIAL', 'FAX', 'OTHER'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ActionType = defineEnum('ActionType', ACTION_TYPES, 'How the action was taken');

export const REPORT_SOURCES = ['FORM', 'IMPORT', 'API'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];
export const ReportSource = defineEnum('ReportSource', REPORT_SOURCES);

export const REPORT_STATUSES = ['ACTIVE', 'RETRACTED', 'SUPERSEDED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const ReportStatus = defineEnum('ReportStatus', REPORT_STATUSES, 'Only ACTIVE reports count in any total');
