import { z } from 'zod';

export const reportFormats = ['docx', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const yearlyReportQuery = z.strictObject({
  year: z.coerce.number().int().min(1945).max(2200),
  format: z.enum(reportFormats).default('docx'),
});
export type YearlyReportQuery = z.infer<typeof yearlyReportQuery>;
