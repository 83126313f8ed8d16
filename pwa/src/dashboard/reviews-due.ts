/** The dashboard's "Reviews due" is computed in shared/, where the notifications read it too. */
export * from '../../../shared/assessments/reviews-due.ts';
